//! With every log level on, neither the API key nor a secret inside a request body reaches the logs,
//! an error's Display or its Debug.

use hamsa::endpoints::AddTwilioPhoneNumberParams;
use hamsa::{Client, ClientOptions};
use std::io::Write;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Answers every connection with one canned HTTP response.
async fn server(response: &'static str) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let mut buffer = vec![0u8; 64 * 1024];
            let _ = socket.read(&mut buffer).await;
            let _ = socket.write_all(response.as_bytes()).await;
        }
    });
    format!("http://{address}")
}

#[tokio::test]
async fn secrets_never_reach_logs_or_errors() {
    let logs = Captured::default();
    let writer = logs.clone();
    let subscriber =
        tracing_subscriber::fmt().with_max_level(tracing::Level::TRACE).with_writer(move || writer.clone()).finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let body = r#"{"success":false,"message":"Invalid Twilio credentials","messageKey":"TWILIO_AUTH"}"#;
    let response: &'static str = Box::leak(
        format!("HTTP/1.1 422 Unprocessable Entity\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}", body.len())
            .into_boxed_str(),
    );
    let base_url = server(response).await;
    let client =
        Client::new(ClientOptions::default().with_api_key("sk-live-API-KEY-1").with_base_url(base_url)).unwrap();
    let error = client
        .phone_numbers()
        .add_twilio(AddTwilioPhoneNumberParams {
            phone_number: "+9700000000".into(),
            label: "Support".into(),
            twilio_number_sid: "PN1".into(),
            twilio_account_sid: "AC1".into(),
            twilio_auth_token: "tw-TOKEN-XYZ".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(error.code(), "bad_request");

    let logs = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
    assert!(logs.contains("hamsa request body"), "the body is logged (redacted) at trace level: {logs}");
    assert!(logs.contains("[REDACTED]"), "{logs}");
    let shown = format!("{logs}\n{error}\n{error:?}\n{client:?}");
    for secret in ["sk-live-API-KEY-1", "tw-TOKEN-XYZ"] {
        assert!(!shown.contains(secret), "{secret} leaked:\n{shown}");
    }
}
