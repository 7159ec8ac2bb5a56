use super::Extra;
use crate::secret::Secret;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

crate::open_enum! {
    /// What kind of tool a web tool is (only FUNCTION is documented).
    WebToolType {
        Function => "FUNCTION",
    }
}

crate::open_enum! {
    /// The HTTP method a web tool calls its server with.
    WebToolMethod {
        Get => "GET",
        Post => "POST",
        Put => "PUT",
        Patch => "PATCH",
        Delete => "DELETE",
    }
}

/// How a web tool reaches its server, as the API answers it.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct WebToolSettings {
    pub server_url: Option<String>,
    pub method_type: Option<WebToolMethod>,
    /// The token the tool sends to its server (a secret: never shown).
    pub auth_token: Option<Secret>,
    /// Spelled `timeout` in answers and `timeOut` in requests; the unit is not documented (the v1 example
    /// shows 5000, probably milliseconds).
    pub timeout: Option<f64>,
    /// Headers sent to the server (free-form object).
    pub http_headers: Option<Value>,
    /// Values of the server URL's path parameters (free-form object).
    pub path_parameters: Option<Value>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A message the agent says around a tool call.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct WebToolMessage {
    /// When it is said: `REQUEST_START` in the v2 examples, `system` in the v1 ones; the full list is not
    /// documented, so any string is kept.
    #[serde(rename = "type")]
    pub message_type: Option<String>,
    pub content: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A web tool: an HTTP API the agent can call during a conversation. v2 tools are versioned: an update
/// makes a new version (a new `id`) with the same `persistentId` and `version` + 1.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct WebTool {
    pub id: String,
    /// The same for every version of a v2 tool.
    pub persistent_id: Option<String>,
    pub version: Option<u32>,
    pub name: Option<String>,
    #[serde(rename = "type")]
    pub tool_type: Option<WebToolType>,
    pub user_id: Option<String>,
    pub project_id: Option<String>,
    pub is_active: Option<bool>,
    /// Whether the agent goes on talking while the tool runs.
    #[serde(rename = "async")]
    pub is_async: Option<bool>,
    pub description: Option<String>,
    pub collection_id: Option<String>,
    pub tool_settings: Option<WebToolSettings>,
    /// The tool's parameters, as a JSON Schema.
    pub params: Option<Value>,
    #[serde(default)]
    pub messages: Vec<WebToolMessage>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Declares a page of web tools (`{items, total, filtered}`). The v1 and v2 lists get a type each: a
/// page type belongs to one list (the endpoint table implements its paging once per type).
macro_rules! web_tool_page {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[serde_with::skip_serializing_none]
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            #[serde(default)]
            pub items: Vec<WebTool>,
            /// Every tool.
            pub total: Option<u64>,
            /// The tools that match the filters.
            pub filtered: Option<u64>,
            #[serde(flatten)]
            pub extra: Extra,
        }
    };
}

web_tool_page! {
    /// One page of web tools (v2 list: the latest version of each tool).
    WebToolPage
}

web_tool_page! {
    /// One page of web tools (v1 list).
    WebToolV1Page
}

/// The override names the newer version of a tool conflicts with.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct WebToolConflicts {
    #[serde(default)]
    pub params: Vec<String>,
    #[serde(default)]
    pub http_headers: Vec<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Whether a tool has newer versions (`web_tools.check_versions`).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct WebToolVersionCheck {
    pub tool_id: String,
    pub has_newer_versions: Option<bool>,
    pub latest_version: Option<u32>,
    pub latest_version_tool_id: Option<String>,
    pub conflicts: Option<WebToolConflicts>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One event of a tool test (`{event: "attempt", data: {message: "Starting API test..."}}`).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct WebToolTestEvent {
    /// The event's name (`attempt`, ...); absent for an event the server did not name.
    pub event: Option<String>,
    /// What the event carries: JSON, or text.
    pub data: Option<Value>,
    /// The stream's event id, when it sends one.
    pub id: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The events of a tool test, in order. The API may answer a `text/event-stream` (each event one item) or
/// JSON: a list of events, or one event object.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct WebToolTestEvents(pub Vec<WebToolTestEvent>);

impl schemars::JsonSchema for WebToolTestEvents {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "WebToolTestEvents".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<WebToolTestEvent>>::json_schema(generator)
    }
}

impl<'de> Deserialize<'de> for WebToolTestEvents {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EventsVisitor;

        impl<'de> Visitor<'de> for EventsVisitor {
            type Value = WebToolTestEvents;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of events, or one event object")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                Vec::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(WebToolTestEvents)
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                WebToolTestEvent::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|e| WebToolTestEvents(vec![e]))
            }
        }

        deserializer.deserialize_any(EventsVisitor)
    }
}

impl std::ops::Deref for WebToolTestEvents {
    type Target = [WebToolTestEvent];
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_tool_keeps_unknown_fields_values_and_hides_its_token() {
        let wire = json!({
            "id": "t2", "persistentId": "p", "version": 2, "type": "FUNCTION", "async": false,
            "toolSettings": {"serverUrl": "https://x.example", "methodType": "QUERY", "authToken": "tok-secret-1",
                             "timeout": 1.5, "newSetting": 1},
            "params": {"type": "object", "properties": {"city": {"type": "string"}}},
            "messages": [{"type": "REQUEST_START", "content": "One moment"}], "later": true,
        });
        let tool: WebTool = serde_json::from_value(wire.clone()).unwrap();
        assert_eq!(serde_json::to_value(&tool).unwrap(), wire);
        let settings = tool.tool_settings.as_ref().unwrap();
        assert_eq!(settings.method_type, Some(WebToolMethod::Unknown("QUERY".into())));
        assert!(!format!("{tool:?}").contains("tok-secret-1"));
    }

    #[test]
    fn test_events_are_a_list_or_one_event() {
        let list: WebToolTestEvents = serde_json::from_value(json!([{"event": "attempt"}, {"data": "x"}])).unwrap();
        assert_eq!(list.len(), 2);
        let one: WebToolTestEvents =
            serde_json::from_value(json!({"event": "result", "data": {"status": 200}})).unwrap();
        assert_eq!(one.0[0].event.as_deref(), Some("result"));
        assert!(serde_json::from_value::<WebToolTestEvents>(json!("x")).is_err());
    }
}
