//! Which canned answer a request gets. Only the path (and `skip` for the list) matters: the
//! Authorization header, `pid` and the other query parameters are accepted as they come.

use crate::canned::Canned;
use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::header::{CONTENT_TYPE, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};

const GET_PATH: &str = "/v1/voice-agents/phone-number";
const LIST_PATH: &str = "/v1/voice-agents/phone-number/list";

pub fn answer(canned: &Canned, request: &Request<Incoming>) -> Response<Full<Bytes>> {
    let (status, body) = match (request.method(), request.uri().path()) {
        (&Method::GET, GET_PATH) => (StatusCode::OK, &canned.phone_number),
        // The whole list is page 1, whatever `take` says; later pages are empty, so a client that
        // walks every page stops after page 2 instead of looping forever.
        (&Method::GET, LIST_PATH) if later_page(request.uri().query()) => (StatusCode::OK, &canned.empty_list),
        (&Method::GET, LIST_PATH) => (StatusCode::OK, &canned.list),
        _ => (StatusCode::NOT_FOUND, &canned.not_found),
    };
    let mut response = Response::new(Full::new(body.clone()));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    headers.insert("x-request-id", HeaderValue::from_static("bench"));
    response
}

/// True when the query asks for a page after the first (`skip` is the 1-based page number).
fn later_page(query: Option<&str>) -> bool {
    query
        .unwrap_or_default()
        .split('&')
        .filter_map(|pair| pair.strip_prefix("skip="))
        .any(|skip| skip.parse::<u32>().is_ok_and(|page| page > 1))
}

#[cfg(test)]
mod tests {
    use super::later_page;

    #[test]
    fn only_pages_after_the_first_are_later() {
        assert!(!later_page(None));
        assert!(!later_page(Some("skip=1&take=5000")));
        assert!(!later_page(Some("take=5000")));
        assert!(later_page(Some("take=10&skip=2")));
    }
}
