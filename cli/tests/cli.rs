//! The `hamsa` binary against `hamsa mock`: every subcommand, exit codes, piped and terminal output.

use serde_json::Value;
use std::process::{Command, Output};
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_hamsa");

struct Mock {
    mock: hamsa_mock::RunningMock,
}

impl Mock {
    async fn start() -> Self {
        let config = hamsa_mock::MockConfig { call_duration: Duration::from_millis(300), ..Default::default() };
        Self { mock: hamsa_mock::start(config).await.unwrap() }
    }

    /// Runs `hamsa ARGS` against the mock with piped stdout.
    fn run(&self, args: &[&str]) -> Output {
        Command::new(BIN)
            .args(args)
            .env("HAMSA_API_KEY", "mock-key")
            .env("HAMSA_BASE_URL", self.mock.base_url())
            .output()
            .unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        let output = self.run(args);
        assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
        assert!(
            output.stderr.is_empty(),
            "nothing extra (no spinner) when piped: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let text = String::from_utf8(output.stdout).unwrap();
        assert_eq!(text.lines().count(), 1, "piped output is one compact JSON line: {text}");
        serde_json::from_str(&text).unwrap()
    }
}

fn code(output: &Output) -> i32 {
    output.status.code().unwrap_or(-1)
}

#[tokio::test(flavor = "multi_thread")]
async fn every_operation_runs_from_the_command_line() {
    let mock = Mock::start().await;
    let number = mock.json(&[
        "phone-numbers",
        "add-twilio",
        "--phone-number",
        "+9700000000",
        "--label",
        "Support",
        "--twilio-number-sid",
        "PN1",
        "--twilio-account-sid",
        "AC1",
        "--twilio-auth-token",
        "tok",
    ]);
    let sip = mock.json(&[
        "phone-numbers",
        "add",
        "--type",
        "SIP",
        "--phone-number",
        "+9700000001",
        "--label",
        "Trunk",
        "--sip-outbound-configs",
        r#"{"address":"sip.example.com","transportType":"TCP"}"#,
    ]);
    assert_eq!(sip["type"], "SIP");
    let id = number["id"].as_str().unwrap();
    assert_eq!(mock.json(&["phone-numbers", "get", "--pid", id])["number"], "+9700000000");
    assert_eq!(
        mock.json(&["phone-numbers", "assign", "--voice-agent-id", "a1", "--phone-number", "+9700000001"])["voiceAgentId"],
        "a1"
    );
    assert_eq!(
        mock.json(&[
            "phone-numbers",
            "assign-twilio",
            "--voice-agent-id",
            "a2",
            "--twilio-phone-number",
            "+9700000000"
        ])["voiceAgentId"],
        "a2"
    );
    assert_eq!(mock.json(&["phone-numbers", "list", "--take", "1", "--all"]).as_array().unwrap().len(), 2);
    assert_eq!(mock.json(&["phone-numbers", "list"])["items"].as_array().unwrap().len(), 2);

    let job =
        mock.json(&["calls", "create-twilio", "--to-number", "+966500000001", "--twilio-phone-number", "+9700000000"]);
    let call = mock.json(&["calls", "create", "--to-number", "+966500000002", "--from-number", "+9700000001"]);
    let started = mock.json(&[
        "calls",
        "create-with-phone-number",
        "--to-number",
        "+966500000003",
        "--phone-number",
        "+9700000001",
        "--voice-agent-id",
        "a1",
        "--params",
        r#"{"name":"Sara"}"#,
    ]);
    let job_id = job["id"].as_str().unwrap();
    assert_eq!(mock.json(&["jobs", "get", "--job-id", job_id])["id"], job_id);
    assert_eq!(mock.json(&["jobs", "wait", job_id, "--poll-interval-ms", "20"])["status"], "COMPLETED");
    let call_id = call["id"].as_str().unwrap();
    assert_eq!(mock.json(&["conversations", "wait", call_id, "--poll-interval-ms", "20"])["status"], "COMPLETED");
    assert_eq!(
        mock.json(&["conversations", "get", "--conversation-id", started["jobId"].as_str().unwrap()])["id"],
        started["jobId"]
    );
    let listed = mock.json(&[
        "conversations",
        "list",
        "--status",
        "COMPLETED",
        "--status",
        "IN_PROGRESS",
        "--status",
        "PENDING",
    ]);
    assert_eq!(listed["total"], 3);
    assert_eq!(
        mock.json(&["phone-numbers", "unassign", "--phone-number", "+9700000001"]),
        Value::String("Voice agents were successfully unassigned from the phone number.".into())
    );

    assert_eq!(
        mock.json(&["webhooks", "verify", "--authorization", "Token s", "--auth-key", "Token", "--auth-secret", "s"]),
        Value::Bool(true)
    );
    let event = mock.json(&["webhooks", "parse", "--body", r#"{"eventType":"call.started","callId":"c1","data":{}}"#]);
    assert_eq!(event["callId"], "c1");

    let waited = mock.run(&[
        "calls",
        "create-twilio",
        "--to-number",
        "+966500000009",
        "--twilio-phone-number",
        "+9700000000",
        "--wait",
    ]);
    let text = String::from_utf8(waited.stdout).unwrap();
    let last: Value = serde_json::from_str(text.lines().last().unwrap()).unwrap();
    assert_eq!(last["status"], "COMPLETED", "--wait prints the ended conversation last");
}

#[tokio::test(flavor = "multi_thread")]
async fn each_error_kind_has_its_exit_code_and_secrets_stay_hidden() {
    let mock = Mock::start().await;
    let not_found = mock.run(&["jobs", "get", "--job-id", "nope"]);
    assert_eq!(code(&not_found), 7);
    assert!(String::from_utf8_lossy(&not_found.stderr).contains("[not_found] HTTP 404"));

    let invalid = mock.run(&[
        "phone-numbers",
        "add-twilio",
        "--phone-number",
        "12345",
        "--label",
        "x",
        "--twilio-number-sid",
        "PN",
        "--twilio-account-sid",
        "AC",
        "--twilio-auth-token",
        "tok-SECRET-123",
    ]);
    assert_eq!(code(&invalid), 3);
    let all = format!("{}{}", String::from_utf8_lossy(&invalid.stdout), String::from_utf8_lossy(&invalid.stderr));
    assert!(!all.contains("tok-SECRET-123"), "{all}");

    let wrong_key = Command::new(BIN)
        .args(["phone-numbers", "list", "--api-key", "wrong", "--base-url", &mock.mock.base_url()])
        .output()
        .unwrap();
    assert_eq!(code(&wrong_key), 5);
    let refused = Command::new(BIN)
        .args(["phone-numbers", "list", "--api-key", "k", "--base-url", "http://127.0.0.1:9", "--max-retries", "0"])
        .output()
        .unwrap();
    assert_eq!(code(&refused), 16);
    assert_eq!(
        code(&mock.run(&[
            "webhooks",
            "verify",
            "--authorization",
            "Token x",
            "--auth-key",
            "Token",
            "--auth-secret",
            "y"
        ])),
        20
    );
    assert_eq!(code(&mock.run(&["jobs", "get", "--job-id"])), 2, "a usage error");
    let no_key = Command::new(BIN).args(["phone-numbers", "list"]).env_remove("HAMSA_API_KEY").output().unwrap();
    assert_eq!(code(&no_key), 4);
}

/// `script` gives the command a terminal, where JSON is pretty-printed.
#[tokio::test(flavor = "multi_thread")]
async fn a_terminal_gets_pretty_json_and_tables_read_well() {
    let mock = Mock::start().await;
    mock.json(&[
        "phone-numbers",
        "add",
        "--type",
        "TWILIO",
        "--phone-number",
        "+9700000000",
        "--label",
        "L",
        "--twilio-account-sid",
        "AC",
        "--twilio-auth-token",
        "t",
    ]);
    let table = mock.run(&["phone-numbers", "list", "--output", "table"]);
    let text = String::from_utf8(table.stdout).unwrap();
    // Columns in the model's declaration order: `id` first.
    assert!(text.starts_with("id  ") && text.contains("+9700000000") && text.ends_with("(1 rows)\n"), "{text}");

    let command = format!("HAMSA_API_KEY=mock-key HAMSA_BASE_URL={} {BIN} phone-numbers list", mock.mock.base_url());
    let Ok(output) = Command::new("script").args(["-qec", &command, "/dev/null"]).output() else {
        panic!("`script` (util-linux) is needed for the terminal test");
    };
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("{\r\n  \"items\": [") || text.contains("{\n  \"items\": ["),
        "pretty JSON on a terminal: {text}"
    );

    // A wait on a terminal shows a spinner with the status the poll loop sees.
    mock.json(&[
        "phone-numbers",
        "add-twilio",
        "--phone-number",
        "+9700000001",
        "--label",
        "T",
        "--twilio-number-sid",
        "PN",
        "--twilio-account-sid",
        "AC",
        "--twilio-auth-token",
        "t",
    ]);
    let command = format!(
        "HAMSA_API_KEY=mock-key HAMSA_BASE_URL={} {BIN} calls create-twilio --to-number +966500000001 \
         --twilio-phone-number +9700000001 --voice-agent-id a1 --wait",
        mock.mock.base_url()
    );
    let output = Command::new("script").args(["-qec", &command, "/dev/null"]).output().unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains(": PENDING") || text.contains(": IN_PROGRESS"), "a spinner with the status: {text}");
    assert!(text.contains("\"status\": \"COMPLETED\""), "{text}");
}

#[tokio::test(flavor = "multi_thread")]
async fn knowledge_base_dictionaries_and_analytics_run_from_the_command_line() {
    let mock = Mock::start().await;
    // A list of objects: one JSON object per `--items`.
    let items = r#"{"itemName":"Site","type":"URL","itemUrls":["https://example.com/a","https://example.com/b"]}"#;
    let created = mock.json(&["knowledge-base", "create", "--items", items]);
    let id = created["items"][0]["id"].as_str().unwrap().to_owned();
    // The positional id and the `--id` flag name the same argument.
    assert_eq!(mock.json(&["knowledge-base", "get", &id])["itemName"], "Site");
    assert_eq!(mock.json(&["knowledge-base", "update", "--id", &id, "--item-name", "Website"])["itemName"], "Website");
    let ack = mock.json(&["knowledge-base", "delete-url", &id, "--url", "https://example.com/a"]);
    assert_eq!(ack["messageKey"], "URL_DELETED_SUCCESSFULLY");
    let listed = mock.json(&["knowledge-base", "list", "--type", "URL", "--all"]);
    assert_eq!(listed[0]["itemUrls"], serde_json::json!(["https://example.com/b"]));

    let words = r#"{"word":"Hamsa","pronunciation":"HAM-sa"}"#;
    let dictionary = mock.json(&["voice-dictionaries", "create", "--name", "Brands", "--words", words]);
    let dictionary_id = dictionary["id"].as_str().unwrap();
    let toggled = mock.json(&[
        "voice-dictionaries",
        "set-active",
        "--dictionary-id",
        dictionary_id,
        "--voice-agent-id",
        "a1",
        "--is-active",
        "true",
    ]);
    assert_eq!(toggled["success"], true);
    assert_eq!(mock.json(&["voice-dictionaries", "list"])["dictionaries"][0]["isUsed"], true);

    assert_eq!(mock.json(&["analytics", "overview", "--period", "TODAY"])["totalSessionsNumber"], 0);
    let custom = mock.run(&["analytics", "satisfaction", "--period", "CUSTOM", "--start-period", "1"]);
    assert!(!custom.status.success(), "a CUSTOM period without its end is refused before sending");
}

#[tokio::test(flavor = "multi_thread")]
async fn web_tools_web_calls_and_the_project_from_the_command_line() {
    let mock = Mock::start().await;
    let tool = mock.json(&[
        "web-tools",
        "create",
        "--name",
        "weather",
        "--description",
        "Weather now",
        "--params",
        r#"{"type":"object","properties":{"city":{"type":"string"}}}"#,
        "--tool-settings",
        r#"{"serverUrl":"https://tools.example.com/w","methodType":"GET","timeOut":5}"#,
    ]);
    let id = tool["id"].as_str().unwrap();
    // The positional id (a field called `id`), or its flag.
    let v2 = mock.json(&["web-tools", "update", id, "--description", "Now"]);
    assert_eq!((v2["version"].clone(), v2["persistentId"].clone()), (Value::from(2), tool["persistentId"].clone()));
    assert_eq!(mock.json(&["web-tools", "get", "--id", id])["version"], 1);
    assert_eq!(mock.json(&["web-tools", "list", "--all"]).as_array().unwrap().len(), 1);
    let checks = mock.json(&["web-tools", "check-versions", "--web-tool-ids", id]);
    assert_eq!(checks[0]["latestVersionToolId"], v2["id"]);
    // `--test-timeout` is the tool test's own timeout (`--timeout` is the command line's); the project is
    // filled in from `projects get`.
    let events = mock.json(&[
        "web-tools",
        "test",
        "--server-url",
        "https://example.com",
        "--method",
        "GET",
        "--test-timeout",
        "2",
    ]);
    assert_eq!(events[0]["event"], "attempt");
    assert_eq!(mock.json(&["projects", "get"])["id"].as_str().map(str::len), Some(36));
    let token = mock.json(&["web-calls", "create-token", "--voice-agent-id", "a1"]);
    let job_id = token["jobId"].as_str().unwrap();
    let init = mock.json(&["web-calls", "init", "--voice-agent-id", "a1", "--job-id", job_id]);
    assert_eq!(init["jobId"], job_id);
    assert!(mock.json(&["web-calls", "init-legacy", "--voice-agent-id", "a1"])["jobId"].is_string());
}
