//! Auto-paging: walks a paged list endpoint page by page until the last page, as a `Stream`.

use crate::client::Client;
use crate::config::RequestOptions;
use crate::endpoint::Endpoint;
use crate::error::Result;
use crate::pending_request::PendingRequest;
use futures_core::Stream;
use futures_util::{StreamExt, stream};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// A guard against a server that ignores the page parameter: no walk goes past this many pages.
const MAX_PAGES: u32 = 100_000;

/// A list request that can ask for a given page. The endpoint table's `paged` clause implements it.
pub trait PagedRequest: Clone {
    /// The 1-based page this request asks for.
    fn page(&self) -> u32;
    fn set_page(&mut self, page: u32);
    /// The page size this request asks for, or the server's default.
    fn page_size(&self) -> u32;
}

/// A page of a list response. The endpoint table's `paged` clause implements it.
pub trait Paginated {
    type Item: Serialize + DeserializeOwned + Send + 'static;
    fn items(&self) -> &[Self::Item];
    fn into_items(self) -> Vec<Self::Item>;
    /// How many items the whole (filtered) list has, when the server says.
    fn total(&self) -> Option<u64>;
    /// How many pages the whole list has, when the server says (the `paged` clause's `total_pages`).
    fn total_pages(&self) -> Option<u64> {
        None
    }
}

/// The request for the page after `page`, or `None` when `page` was the last one. `seen` counts the
/// items of every page so far, `page` included.
pub fn next_page<R: PagedRequest, P: Paginated>(request: &R, page: &P, seen: u64) -> Option<R> {
    let count = page.items().len();
    let last = count == 0
        || page.total().is_some_and(|total| seen >= total)
        || page.total_pages().is_some_and(|pages| u64::from(request.page()) >= pages)
        || (count as u64) < u64::from(request.page_size())
        || request.page() >= MAX_PAGES;
    if last {
        return None;
    }
    let mut next = request.clone();
    next.set_page(request.page() + 1);
    Some(next)
}

/// Every page, in order, starting from the request's page. Stops at the first error (yielded last).
pub fn pages<E>(
    client: Client,
    request: E::Request,
    options: RequestOptions,
) -> impl Stream<Item = Result<E::Response>> + Send + 'static
where
    E: Endpoint,
    E::Request: PagedRequest,
    E::Response: Paginated,
{
    // The first page number is sent too, so every request of the walk says which page it wants.
    let mut request = request;
    request.set_page(request.page());
    stream::unfold(Some((request, 0u64)), move |state| {
        let client = client.clone();
        let options = options.clone();
        async move {
            let (request, seen) = state?;
            match client.execute::<E>(&request, &options).await {
                Ok(response) => {
                    let seen = seen + response.data.items().len() as u64;
                    let next = next_page(&request, &response.data, seen).map(|next| (next, seen));
                    Some((Ok(response.data), next))
                }
                Err(error) => Some((Err(error), None)),
            }
        }
    })
}

impl<E> PendingRequest<E>
where
    E: Endpoint,
    E::Request: PagedRequest,
    E::Response: Paginated,
{
    /// Every page from this request's page on.
    pub fn pages(self) -> impl Stream<Item = Result<E::Response>> + Send + 'static {
        pages::<E>(self.client, self.request, self.options)
    }

    /// Every item of every page from this request's page on.
    pub fn items(self) -> impl Stream<Item = Result<<E::Response as Paginated>::Item>> + Send + 'static {
        self.pages().flat_map(|page| {
            let items: Vec<Result<_>> = match page {
                Ok(page) => page.into_items().into_iter().map(Ok).collect(),
                Err(error) => vec![Err(error)],
            };
            stream::iter(items)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::endpoints::ListPhoneNumbersParams;
    use crate::models::{PhoneNumber, PhoneNumberPage};

    fn page(n: usize, total: Option<u64>) -> PhoneNumberPage {
        PhoneNumberPage { items: vec![PhoneNumber::default(); n], total }
    }

    #[test]
    fn stops_on_short_empty_or_complete_pages() {
        let request = ListPhoneNumbersParams { take: Some(2), ..Default::default() };
        let next = next_page(&request, &page(2, None), 2).unwrap();
        assert_eq!(next.skip, Some(2));
        assert!(next_page(&next, &page(1, None), 3).is_none());
        assert!(next_page(&request, &page(0, None), 0).is_none());
        assert!(next_page(&request, &page(2, Some(2)), 2).is_none());
        assert!(next_page(&request, &page(2, Some(5)), 2).is_some());
    }

    #[test]
    fn stops_at_the_page_count() {
        use crate::endpoints::ListJobsParams;
        use crate::models::{JobListEntry, JobListPage, JobType};
        let request = ListJobsParams {
            job_type: JobType::Transcription,
            project_id: None,
            page: Some(1),
            per_page: Some(2),
            sort_by: None,
            order_by: None,
            status: None,
            search: None,
        };
        let full =
            |total_pages| JobListPage { jobs: vec![JobListEntry::default(); 2], total_pages, ..Default::default() };
        let second = next_page(&request, &full(Some(2)), 2).unwrap();
        assert_eq!(second.page, Some(2));
        assert!(next_page(&second, &full(Some(2)), 4).is_none());
        assert!(next_page(&request, &full(Some(1)), 2).is_none());
        assert!(next_page(&request, &full(None), 2).is_some());
    }
}
