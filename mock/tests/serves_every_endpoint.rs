//! `hamsa mock` serves every endpoint of the SDK's table: a new endpoint declared in the core fails
//! here until the mock answers its route (with state, or with a canned but well-shaped answer).

use hamsa_mock::{MockConfig, ROUTE_NOT_SERVED};
use serde_json::Value;

/// The path with every `{placeholder}` filled with a made-up id.
fn concrete(path: &str) -> String {
    let mut out = String::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}').map_or(rest.len(), |i| open + i + 1);
        out.push_str("mock-id");
        rest = &rest[close..];
    }
    out + rest
}

#[tokio::test]
async fn every_endpoint_of_the_table_is_served() {
    let mock = hamsa_mock::start(MockConfig::default()).await.unwrap();
    let http = reqwest::Client::new();
    let mut unserved = Vec::new();
    for spec in hamsa::ENDPOINTS {
        let method = reqwest::Method::from_bytes(spec.http_method.as_str().as_bytes()).unwrap();
        let url = format!("{}{}", mock.base_url(), concrete(spec.path));
        let mut request = http.request(method, &url).header("authorization", "Token mock-key");
        if spec.sends_body() {
            request = request.header("content-type", "application/json").body("{}");
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        let body: Value = serde_json::from_slice(&response.bytes().await.unwrap()).unwrap_or(Value::Null);
        if body["messageKey"] == ROUTE_NOT_SERVED {
            unserved.push(format!("{} {} {} ({status})", spec.name, spec.http_method.as_str(), spec.path));
        }
    }
    assert!(unserved.is_empty(), "hamsa mock does not serve:\n{}", unserved.join("\n"));
}

#[tokio::test]
async fn a_route_outside_the_table_is_reported_as_not_served() {
    let mock = hamsa_mock::start(MockConfig::default()).await.unwrap();
    let http = reqwest::Client::new();
    for (method, path) in [(reqwest::Method::GET, "/v1/no-such-route"), (reqwest::Method::DELETE, "/v1/jobs")] {
        let response = http
            .request(method.clone(), format!("{}{path}", mock.base_url()))
            .header("authorization", "Token mock-key")
            .send()
            .await
            .unwrap();
        let body: Value = serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
        assert_eq!(body["messageKey"], ROUTE_NOT_SERVED, "{method} {path}");
    }
}
