//! Web tools, web calls and the project, through the SDK against the stateful mock.

use hamsa::{Client, ClientOptions, RequestOptions};
use hamsa_mock::MockConfig;
use serde_json::{Value, json};

async fn mock() -> (hamsa_mock::RunningMock, Client) {
    let mock = hamsa_mock::start(MockConfig::default()).await.unwrap();
    let client = Client::new(ClientOptions::default().with_api_key("mock-key").with_base_url(mock.base_url())).unwrap();
    (mock, client)
}

async fn call(client: &Client, operation: &str, args: Value) -> Value {
    match client.invoke_json(operation, args, &RequestOptions::default()).await {
        Ok(result) => result.data.to_value().unwrap(),
        Err(error) => panic!("{operation}: {error}"),
    }
}

fn tool(name: &str) -> Value {
    json!({
        "name": name, "description": "Looks up the weather",
        "params": {"type": "object", "properties": {"city": {"type": "string"}, "unit": {"type": "string"}}},
        "toolSettings": {"serverUrl": "https://tools.example/weather", "methodType": "GET", "timeOut": 5,
                         "authToken": "tool-token", "httpHeaders": {"x-a": "1"}},
        "messages": [{"type": "REQUEST_START", "content": "One moment"}],
    })
}

#[tokio::test]
async fn v2_updates_make_versions_and_the_version_check_sees_them() {
    let (_mock, client) = mock().await;
    let first = call(&client, "web_tools.create", tool("weather")).await;
    assert_eq!((first["version"].clone(), first["toolSettings"]["timeout"].clone()), (json!(1), json!(5.0)));
    call(&client, "web_tools.create_v1", tool("calendar")).await;

    let update = json!({"id": first["id"], "params": {"type": "object", "properties": {"city": {"type": "string"}}},
                        "toolSettings": {"httpHeaders": {"x-b": "2"}}});
    let second = call(&client, "web_tools.update", update).await;
    assert_ne!(second["id"], first["id"]);
    assert_eq!((second["persistentId"].clone(), second["version"].clone()), (first["persistentId"].clone(), json!(2)));
    assert_eq!(second["toolSettings"]["serverUrl"], "https://tools.example/weather");

    // Both lists show the latest version of each tool; the old version is still readable by id.
    for list in ["web_tools.list", "web_tools.list_v1"] {
        let page = call(&client, list, json!({})).await;
        let ids: Vec<&Value> = page["items"].as_array().unwrap().iter().map(|t| &t["id"]).collect();
        assert_eq!((ids.len(), ids.contains(&&second["id"]), page["total"].clone()), (2, true, json!(2)), "{list}");
    }
    let paged = client.pager_json("web_tools.list", json!({"take": 1}), &RequestOptions::default()).unwrap();
    assert_eq!(paged.all_items().await.unwrap().len(), 2);
    assert_eq!(call(&client, "web_tools.get", json!({"id": first["id"]})).await["version"], 1);

    let check = call(&client, "web_tools.check_versions", json!({
        "webToolIds": [first["id"], second["id"]],
        "overrides": {first["id"].as_str().unwrap(): {"params": {"unit": "C", "city": "Riyadh"}, "httpHeaders": {"x-a": "9"}}},
    }))
    .await;
    assert_eq!(check[0]["hasNewerVersions"], true);
    assert_eq!(
        (check[0]["latestVersion"].clone(), check[0]["latestVersionToolId"].clone()),
        (json!(2), second["id"].clone())
    );
    // The update replaced the headers (x-a gone) and dropped `unit`: both overrides conflict.
    assert_eq!(check[0]["conflicts"], json!({"params": ["unit"], "httpHeaders": ["x-a"]}));
    assert_eq!(check[1]["hasNewerVersions"], false);

    // v1 updates in place.
    let v1 = call(&client, "web_tools.update_v1", json!({"id": second["id"], "name": "weather-2"})).await;
    assert_eq!(
        (v1["id"].clone(), v1["version"].clone(), v1["name"].clone()),
        (second["id"].clone(), json!(2), json!("weather-2"))
    );
}

#[tokio::test]
async fn a_tool_test_fills_in_the_project_and_answers_a_stream_of_events() {
    let (mock, client) = mock().await;
    // The tool server is the mock itself: its project route, with the key as the tool's token.
    let events = call(
        &client,
        "web_tools.test",
        json!({
            "serverUrl": format!("{}/v1/projects/by-api-key", mock.base_url()), "method": "GET",
            "authToken": "mock-key", "authPrefix": "Token",
        }),
    )
    .await;
    let names: Vec<&str> = events.as_array().unwrap().iter().map(|e| e["event"].as_str().unwrap()).collect();
    assert_eq!(names, ["attempt", "response", "done"]);
    assert_eq!(events[1]["data"]["status"], 200);
    assert_eq!(events[1]["data"]["body"]["data"]["id"], call(&client, "projects.get", json!({})).await["id"]);
    assert_eq!(events[2]["data"]["success"], true);
    // A public server is not called: the test reports an error event.
    let events = call(&client, "web_tools.test", json!({"serverUrl": "https://example.com", "method": "POST"})).await;
    assert_eq!(events[1]["event"], "error");
    // Another project is not the key's.
    let error = client
        .invoke_json(
            "web_tools.test",
            json!({"serverUrl": "https://example.com", "method": "GET", "projectId": "other"}),
            &RequestOptions::default(),
        )
        .await
        .unwrap_err();
    assert_eq!(error.code(), "not_found");
}

#[tokio::test]
async fn a_participant_token_is_a_jwt_holding_the_job_id_that_init_takes() {
    let (_mock, client) = mock().await;
    let token =
        call(&client, "web_calls.create_token", json!({"voiceAgentId": "agent-1", "params": {"name": "Sara"}})).await;
    let jwt = token["liveKitAccessToken"].as_str().unwrap();
    let parts: Vec<&str> = jwt.split('.').collect();
    assert_eq!(parts.len(), 3);
    assert!(
        parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
    );
    // The answer has no jobId: the SDK read it from the token.
    let job_id = token["jobId"].as_str().unwrap();
    assert_eq!(hamsa::models::job_id_in_token(jwt).as_deref(), Some(job_id));

    let init = call(&client, "web_calls.init", json!({"voiceAgentId": "agent-1", "jobId": job_id})).await;
    assert_eq!((init["jobId"].as_str(), init["channelType"].as_str()), (Some(job_id), Some("Web")));
    let error = client
        .invoke_json("web_calls.init", json!({"voiceAgentId": "agent-1", "jobId": "nope"}), &RequestOptions::default())
        .await
        .unwrap_err();
    assert_eq!(error.code(), "not_found");
    let legacy = call(&client, "web_calls.init_legacy", json!({"voiceAgentId": "agent-1"})).await;
    assert!(legacy["jobId"].as_str().is_some_and(|id| id != job_id));
}
