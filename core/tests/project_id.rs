//! The project id of an operation that needs one and was not given it: the client asks `projects.get`
//! once, however many calls wait on it at once, keeps it, and a failed lookup is not kept.

use hamsa::{Client, ClientOptions, RequestOptions};
use serde_json::{Value, json};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// What the server saw: the number of project lookups and the project ids the tool tests carried.
#[derive(Default)]
struct Seen {
    lookups: AtomicUsize,
    tests: std::sync::Mutex<Vec<Value>>,
}

/// A server for `projects.get` (slow, so that callers overlap; failing `fail_first` times with a 401) and
/// the tool test (answering one event that echoes the projectId it was sent).
async fn server(fail_first: usize) -> (String, Arc<Seen>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let seen = Arc::new(Seen::default());
    let state = seen.clone();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let seen = state.clone();
            tokio::spawn(async move {
                let Some((head, body)) = read_request(&mut socket).await else { return };
                let (status, content_type, answer) = if head.starts_with("GET /v1/projects/by-api-key") {
                    let n = seen.lookups.fetch_add(1, Ordering::SeqCst);
                    tokio::time::sleep(Duration::from_millis(150)).await;
                    if n < fail_first {
                        (
                            "401 Unauthorized",
                            "application/json",
                            r#"{"success":false,"message":"Invalid API key"}"#.to_owned(),
                        )
                    } else {
                        (
                            "200 OK",
                            "application/json",
                            json!({"success": true, "data": {"id": "project-1"}}).to_string(),
                        )
                    }
                } else {
                    let sent: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
                    seen.tests.lock().unwrap().push(sent["projectId"].clone());
                    (
                        "200 OK",
                        "text/event-stream",
                        format!("event: attempt\ndata: {}\n\n", json!({"projectId": sent["projectId"]})),
                    )
                };
                let response = format!(
                    "HTTP/1.1 {status}\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{answer}",
                    answer.len()
                );
                let _ = socket.write_all(response.as_bytes()).await;
            });
        }
    });
    (format!("http://{address}"), seen)
}

/// The request's head and body (by its content-length).
async fn read_request(socket: &mut tokio::net::TcpStream) -> Option<(String, Vec<u8>)> {
    let mut data = Vec::new();
    let mut buffer = [0u8; 4096];
    loop {
        let n = socket.read(&mut buffer).await.ok()?;
        if n == 0 {
            return None;
        }
        data.extend_from_slice(&buffer[..n]);
        if let Some(end) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&data[..end]).into_owned();
            let length = head
                .lines()
                .find_map(|line| line.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().to_owned()))
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or(0);
            while data.len() < end + 4 + length {
                let n = socket.read(&mut buffer).await.ok()?;
                if n == 0 {
                    break;
                }
                data.extend_from_slice(&buffer[..n]);
            }
            return Some((head, data[end + 4..].to_vec()));
        }
    }
}

fn client(base_url: &str) -> Client {
    Client::new(ClientOptions::default().with_api_key("k").with_base_url(base_url.to_owned()).with_max_retries(0))
        .unwrap()
}

async fn test_tool(client: &Client) -> hamsa::Result<Value> {
    let args = json!({"serverUrl": "https://tools.example.com", "method": "GET"});
    let result = client.invoke_json("web_tools.test", args, &RequestOptions::default()).await?;
    Ok(result.data.to_value().unwrap())
}

#[tokio::test]
async fn many_concurrent_calls_share_one_project_lookup() {
    let (base_url, seen) = server(0).await;
    let client = client(&base_url);
    let calls: Vec<_> = (0..10).map(|_| test_tool(&client)).collect();
    for result in futures_util::future::join_all(calls).await {
        assert_eq!(result.unwrap(), json!([{"event": "attempt", "data": {"projectId": "project-1"}}]));
    }
    // Kept for the client's life: later calls, and `project_id`, ask nothing more.
    test_tool(&client).await.unwrap();
    assert_eq!(client.project_id().await.unwrap(), "project-1");
    assert_eq!(seen.lookups.load(Ordering::SeqCst), 1);
    assert_eq!(seen.tests.lock().unwrap().as_slice(), vec![json!("project-1"); 11].as_slice());
    // A clone shares the client's project; a given projectId is sent as it is, with no lookup.
    let clone = client.clone();
    let args = json!({"serverUrl": "https://tools.example.com", "method": "GET", "projectId": "mine"});
    clone.invoke_json("web_tools.test", args, &RequestOptions::default()).await.unwrap();
    assert_eq!(seen.lookups.load(Ordering::SeqCst), 1);
    assert_eq!(seen.tests.lock().unwrap().last(), Some(&json!("mine")));
}

#[tokio::test]
async fn a_failed_lookup_is_every_waiting_calls_error_and_is_not_kept() {
    let (base_url, seen) = server(1).await;
    let client = client(&base_url);
    let calls: Vec<_> = (0..5).map(|_| test_tool(&client)).collect();
    for result in futures_util::future::join_all(calls).await {
        let error = result.unwrap_err();
        assert_eq!((error.code(), error.status()), ("authentication", Some(401)));
    }
    assert_eq!(seen.lookups.load(Ordering::SeqCst), 1);
    assert!(seen.tests.lock().unwrap().is_empty(), "no test is sent without a project");
    // The next call looks the project up again, and succeeds.
    test_tool(&client).await.unwrap();
    assert_eq!(seen.lookups.load(Ordering::SeqCst), 2);
}
