//! The client options a runner passes to its SDK for one scenario. Runners never default anything
//! themselves: this is the one place the suite's defaults live (the control API hands the result out).

use crate::scenario::Scenario;
use serde_json::{Value, json};

/// The scenario's `client` with the suite's defaults filled in:
/// - `apiKey`: `"test-key"`;
/// - `retryInitialDelayMs` and `retryMaxDelayMs`: 10 each, so retries do not slow the suite down (when a
///   scenario sets only the initial delay, the maximum defaults to at least that much);
/// - `baseUrl`: `base_url` (the scenario's mock); `"refused"` becomes a loopback URL where nothing listens.
///
/// `maxRetries` and every other option stay unset unless the scenario gives them: the SDK's own
/// defaults are part of what the suite tests.
pub fn effective_client_options(scenario: &Scenario, base_url: &str) -> Value {
    let mut options = scenario.client.clone();
    options.entry("apiKey").or_insert_with(|| json!("test-key"));
    let initial = options.entry("retryInitialDelayMs").or_insert_with(|| json!(10)).as_u64().unwrap_or(10);
    options.entry("retryMaxDelayMs").or_insert_with(|| json!(initial.max(10)));
    let wants_refused = options.get("baseUrl").and_then(Value::as_str) == Some("refused");
    if wants_refused {
        options.insert("baseUrl".into(), json!(refused_url()));
    } else {
        options.entry("baseUrl").or_insert_with(|| json!(base_url));
    }
    Value::Object(options)
}

/// A loopback URL where nothing listens: a port the OS just handed out, released at once. Another
/// process could take it in between, which is unlikely enough on a test machine.
pub fn refused_url() -> String {
    match std::net::TcpListener::bind("127.0.0.1:0").and_then(|listener| listener.local_addr()) {
        Ok(address) => format!("http://127.0.0.1:{}", address.port()),
        // Port 9 (discard) is practically never served on loopback.
        Err(_) => "http://127.0.0.1:9".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario(client: Value) -> Scenario {
        let text = json!({
            "name": "n", "operation": "jobs.get", "client": client,
            "expect": {"result": {}, "requests": 0}
        });
        Scenario::from_json_text(&text.to_string()).unwrap()
    }

    #[test]
    fn defaults_are_filled_and_given_values_kept() {
        let options = effective_client_options(&scenario(json!({"maxRetries": 0, "apiKey": "k"})), "http://m");
        assert_eq!(
            options,
            json!({"apiKey": "k", "maxRetries": 0, "retryInitialDelayMs": 10, "retryMaxDelayMs": 10, "baseUrl": "http://m"})
        );
        let options = effective_client_options(&scenario(json!({"retryInitialDelayMs": 200})), "http://m");
        assert_eq!(options["retryMaxDelayMs"], json!(200));
        assert!(options.get("maxRetries").is_none());
    }

    #[test]
    fn refused_becomes_a_loopback_url_that_is_not_the_mock() {
        let options = effective_client_options(&scenario(json!({"baseUrl": "refused"})), "http://m");
        let url = options["baseUrl"].as_str().unwrap();
        assert!(url.starts_with("http://127.0.0.1:"), "{url}");
        assert!(std::net::TcpStream::connect(url.trim_start_matches("http://")).is_err());
    }
}
