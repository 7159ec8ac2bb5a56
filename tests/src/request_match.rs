//! Compares one request the mock received with the request a scenario expects, and says exactly what
//! differs. Pure: the mock server does the I/O.

use crate::matcher::{json_equal_diff, short};
use crate::scenario::ExpectedRequest;
use serde_json::Value;
use std::collections::BTreeMap;
use std::time::Duration;

/// What the mock received, reduced to what a scenario can check.
#[derive(Debug)]
pub struct ReceivedRequest {
    pub method: String,
    pub path: String,
    /// Decoded `name=value` pairs, in order.
    pub query: Vec<(String, String)>,
    /// Header names lowercased; repeated headers in arrival order.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Time since the previous request arrived; `None` for the first.
    pub gap: Option<Duration>,
}

/// Every difference between `received` and `expected`; empty when the request matches.
pub fn request_mismatches(expected: &ExpectedRequest, received: &ReceivedRequest) -> Vec<String> {
    let mut problems = Vec::new();
    if !expected.method.eq_ignore_ascii_case(&received.method) {
        problems.push(format!("method: expected {}, got {}", expected.method, received.method));
    }
    if expected.path != received.path {
        problems.push(format!("path: expected {}, got {}", expected.path, received.path));
    }
    problems.extend(query_mismatches(expected, received));
    problems.extend(header_mismatches(expected, received));
    problems.extend(body_mismatch(expected, received));
    if let (Some(min_gap), Some(gap)) = (expected.min_gap_ms, received.gap) {
        if gap < Duration::from_millis(min_gap) {
            problems.push(format!(
                "arrived {} ms after the previous request, expected at least {min_gap} ms",
                gap.as_millis()
            ));
        }
    }
    problems
}

fn query_mismatches(expected: &ExpectedRequest, received: &ReceivedRequest) -> Vec<String> {
    let mut actual: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (name, value) in &received.query {
        actual.entry(name).or_default().push(value);
    }
    let mut problems = Vec::new();
    for (name, want) in &expected.query {
        let want = want.values();
        match actual.get(name.as_str()) {
            None => problems.push(format!("query {name}: missing, expected {want:?}")),
            Some(got) if *got != want => problems.push(format!("query {name}: expected {want:?}, got {got:?}")),
            Some(_) => {}
        }
    }
    for (name, got) in &actual {
        if !expected.query.contains_key(*name) {
            problems.push(format!("query {name}: unexpected parameter {got:?}"));
        }
    }
    problems
}

fn header_mismatches(expected: &ExpectedRequest, received: &ReceivedRequest) -> Vec<String> {
    let mut problems = Vec::new();
    for (name, want) in &expected.headers {
        let values: Vec<&str> = received
            .headers
            .iter()
            .filter(|(got_name, _)| got_name.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
            .collect();
        let got = (!values.is_empty()).then(|| values.join(", "));
        match (want, got) {
            (None, Some(got)) => problems.push(format!("header {name}: must be absent, got {got:?}")),
            (Some(want), None) => problems.push(format!("header {name}: missing, expected {want:?}")),
            (Some(want), Some(got)) if *want != got => {
                problems.push(format!("header {name}: expected {want:?}, got {got:?}"));
            }
            _ => {}
        }
    }
    problems
}

fn body_mismatch(expected: &ExpectedRequest, received: &ReceivedRequest) -> Option<String> {
    let text = String::from_utf8_lossy(&received.body);
    match &expected.body {
        None if received.body.is_empty() => None,
        None => Some(format!("body: expected none, got {}", cut(&text))),
        Some(want) if received.body.is_empty() => Some(format!("body: missing, expected {}", short(want))),
        Some(want) => match serde_json::from_slice::<Value>(&received.body) {
            Err(error) => Some(format!("body: not JSON ({error}): {}", cut(&text))),
            Ok(got) => json_equal_diff(want, &got).map(|problem| format!("body differs at {problem}")),
        },
    }
}

fn cut(text: &str) -> String {
    short(&Value::String(text.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn expected(value: Value) -> ExpectedRequest {
        serde_json::from_value(value).unwrap()
    }

    fn received(query: &[(&str, &str)], headers: &[(&str, &str)], body: &str) -> ReceivedRequest {
        let pairs = |list: &[(&str, &str)]| list.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect();
        ReceivedRequest {
            method: "GET".into(),
            path: "/v1/x".into(),
            query: pairs(query),
            headers: pairs(headers),
            body: body.as_bytes().to_vec(),
            gap: Some(Duration::from_millis(5)),
        }
    }

    #[test]
    fn matching_request_has_no_problems() {
        let want = expected(json!({
            "method": "GET", "path": "/v1/x", "query": {"status": ["A", "B"], "page": "1"},
            "headers": {"Authorization": "Token k", "content-type": null}
        }));
        let got = received(&[("status", "A"), ("page", "1"), ("status", "B")], &[("authorization", "Token k")], "");
        assert_eq!(request_mismatches(&want, &got), Vec::<String>::new());
    }

    #[test]
    fn every_difference_is_named() {
        let want = expected(json!({
            "method": "POST", "path": "/v1/y", "query": {"a": "1"},
            "headers": {"x-absent": null, "x-present": "v"}, "body": {"n": 1}, "minGapMs": 50
        }));
        let got = received(&[("b", "2")], &[("x-absent", "oops")], "");
        let problems = request_mismatches(&want, &got);
        assert_eq!(problems.len(), 8, "{problems:#?}");
    }

    #[test]
    fn bodies_compare_as_json() {
        let want = expected(json!({"method": "GET", "path": "/v1/x", "body": {"a": [1, 2]}}));
        assert!(request_mismatches(&want, &received(&[], &[], r#"{ "a" : [1, 2.0] }"#)).is_empty());
        assert_eq!(request_mismatches(&want, &received(&[], &[], r#"{"a":[2,1]}"#)).len(), 1);
        let no_body = expected(json!({"method": "GET", "path": "/v1/x"}));
        assert_eq!(request_mismatches(&no_body, &received(&[], &[], "{}")).len(), 1);
    }
}
