//! Arguments of the web-tool endpoints (v2 and their v1 twins).

use crate::error::{Error, Result};
use crate::models::{WebToolMethod, WebToolType};
use crate::secret::Secret;
use crate::validate::{self, Validate};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// How a new web tool reaches its server.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WebToolSettingsInput {
    /// The tool's API: https (plain http only to a loopback host).
    pub server_url: String,
    pub method_type: WebToolMethod,
    /// The token sent to the server (a secret: never shown).
    pub auth_token: Option<Secret>,
    /// The request's time limit. Spelled `timeOut` here (answers spell it `timeout`); the unit is not
    /// documented (the examples use 2, 5 and 15: probably seconds).
    #[serde(rename = "timeOut")]
    pub time_out: Option<f64>,
    /// Headers sent to the server (an object of header names to values).
    pub http_headers: Option<Value>,
    /// Values of the server URL's path parameters (an object).
    pub path_parameters: Option<Value>,
}

impl Validate for WebToolSettingsInput {
    fn validate(&self) -> Result<()> {
        validate::webhook_url("toolSettings.serverUrl", &self.server_url)?;
        check_settings(self.time_out, self.http_headers.as_ref(), self.path_parameters.as_ref())
    }
}

/// A change to a web tool's settings: only the fields given are sent.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WebToolSettingsUpdate {
    /// https (plain http only to a loopback host).
    pub server_url: Option<String>,
    pub method_type: Option<WebToolMethod>,
    /// A secret: never shown.
    pub auth_token: Option<Secret>,
    /// Spelled `timeOut` in requests; see `WebToolSettingsInput`.
    #[serde(rename = "timeOut")]
    pub time_out: Option<f64>,
    pub http_headers: Option<Value>,
    pub path_parameters: Option<Value>,
}

impl Validate for WebToolSettingsUpdate {
    fn validate(&self) -> Result<()> {
        validate::optional_webhook_url("toolSettings.serverUrl", self.server_url.as_deref())?;
        check_settings(self.time_out, self.http_headers.as_ref(), self.path_parameters.as_ref())
    }
}

fn check_settings(time_out: Option<f64>, headers: Option<&Value>, path: Option<&Value>) -> Result<()> {
    if time_out.is_some_and(|t| !(t.is_finite() && t > 0.0)) {
        return Err(Error::invalid_argument("toolSettings.timeOut", "must be a positive number"));
    }
    object("toolSettings.httpHeaders", headers)?;
    object("toolSettings.pathParameters", path)
}

/// A free-form argument that must be a JSON object.
fn object(field: &str, value: Option<&Value>) -> Result<()> {
    match value {
        None | Some(Value::Object(_)) => Ok(()),
        Some(_) => Err(Error::invalid_argument(field, "must be an object")),
    }
}

/// A message the agent says around the tool call.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WebToolMessageInput {
    /// When it is said (`REQUEST_START` in the v2 examples, `system` in the v1 ones; the full list is not
    /// documented, so any string is sent).
    #[serde(rename = "type")]
    pub message_type: String,
    pub content: String,
}

fn check_messages(messages: Option<&[WebToolMessageInput]>) -> Result<()> {
    for message in messages.unwrap_or_default() {
        validate::non_empty("messages[].type", &message.message_type)?;
    }
    Ok(())
}

fn default_type() -> WebToolType {
    WebToolType::Function
}

/// `web_tools.create` and `web_tools.create_v1`: a new web tool.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateWebToolParams {
    /// The name the agent calls the tool by.
    pub name: String,
    /// What the tool does: the agent reads it to decide when to call it.
    pub description: String,
    /// The tool's parameters, as a JSON Schema object (`{"type": "object", "properties": {..}}`); sent
    /// as given.
    pub params: Value,
    pub tool_settings: WebToolSettingsInput,
    /// FUNCTION (the default, and the only documented type).
    #[serde(rename = "type", default = "default_type")]
    pub tool_type: WebToolType,
    /// Whether the agent goes on talking while the tool runs (default false).
    #[serde(rename = "async", default)]
    pub is_async: bool,
    /// The collection the tool belongs to.
    pub collection_id: Option<String>,
    /// What the agent says around the call.
    pub messages: Option<Vec<WebToolMessageInput>>,
}

impl Validate for CreateWebToolParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("name", &self.name)?;
        validate::non_empty("description", &self.description)?;
        if !self.params.is_object() {
            return Err(Error::invalid_argument("params", "must be a JSON Schema object"));
        }
        self.tool_settings.validate()?;
        validate::optional_non_empty("collectionId", self.collection_id.as_deref())?;
        check_messages(self.messages.as_deref())
    }
}

/// `web_tools.update` and `web_tools.update_v1`: change a tool; only the fields given are sent. On v2 the
/// update makes a new version (a new id, the same `persistentId`, `version` + 1).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdateWebToolParams {
    /// The tool's id.
    pub id: String,
    pub name: Option<String>,
    pub description: Option<String>,
    /// A JSON Schema object; sent as given.
    pub params: Option<Value>,
    pub tool_settings: Option<WebToolSettingsUpdate>,
    #[serde(rename = "type")]
    pub tool_type: Option<WebToolType>,
    #[serde(rename = "async")]
    pub is_async: Option<bool>,
    pub collection_id: Option<String>,
    pub messages: Option<Vec<WebToolMessageInput>>,
}

impl Validate for UpdateWebToolParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("id", &self.id)?;
        validate::optional_non_empty("name", self.name.as_deref())?;
        if self.params.as_ref().is_some_and(|p| !p.is_object()) {
            return Err(Error::invalid_argument("params", "must be a JSON Schema object"));
        }
        if let Some(settings) = &self.tool_settings {
            settings.validate()?;
        }
        validate::optional_non_empty("collectionId", self.collection_id.as_deref())?;
        check_messages(self.messages.as_deref())
    }
}

/// `web_tools.list`: one page of v2 tools (`skip` = page number, `take` = page size).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ListWebToolsParams {
    /// The 1-based page number.
    pub skip: Option<u32>,
    /// The page size (the server's default is 10).
    pub take: Option<u32>,
    pub search: Option<String>,
    pub is_active: Option<bool>,
    /// Only the tools of this agent.
    pub voice_agent_id: Option<String>,
    /// Only the tools of this collection (not with `returnUncategorized`).
    pub collection_id: Option<String>,
    /// Only the tools in no collection (not with `collectionId`).
    pub return_uncategorized: Option<bool>,
    #[serde(rename = "type")]
    pub tool_type: Option<WebToolType>,
}

impl Validate for ListWebToolsParams {
    fn validate(&self) -> Result<()> {
        validate::skip_take(self.skip, self.take)?;
        validate::optional_non_empty("voiceAgentId", self.voice_agent_id.as_deref())?;
        validate::optional_non_empty("collectionId", self.collection_id.as_deref())?;
        if self.return_uncategorized == Some(true) && self.collection_id.is_some() {
            return Err(Error::invalid_argument("returnUncategorized", "cannot be combined with collectionId"));
        }
        Ok(())
    }
}

/// `web_tools.list_v1`: one page of tools (`skip` = page number, `take` = page size).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ListWebToolsV1Params {
    /// The 1-based page number.
    pub skip: Option<u32>,
    /// The page size (the server's default is 10).
    pub take: Option<u32>,
    pub search: Option<String>,
    pub is_active: Option<bool>,
    /// Only the tools of this agent.
    pub voice_agent_id: Option<String>,
}

impl Validate for ListWebToolsV1Params {
    fn validate(&self) -> Result<()> {
        validate::skip_take(self.skip, self.take)?;
        validate::optional_non_empty("voiceAgentId", self.voice_agent_id.as_deref())
    }
}

/// `web_tools.get`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetWebToolParams {
    /// The tool's id.
    pub id: String,
}

impl Validate for GetWebToolParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("id", &self.id)
    }
}

/// What to check a tool's newer version against.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WebToolVersionOverride {
    /// Parameter values the caller sets (an object).
    pub params: Option<Value>,
    /// Headers the caller sets (an object).
    pub http_headers: Option<Value>,
}

/// `web_tools.check_versions`: whether tools have newer versions, and which of the caller's overrides
/// a newer version conflicts with.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CheckWebToolVersionsParams {
    /// The tools (version ids) to check.
    pub web_tool_ids: Vec<String>,
    /// Per tool id, the overrides the caller applies to it.
    pub overrides: Option<BTreeMap<String, WebToolVersionOverride>>,
}

impl Validate for CheckWebToolVersionsParams {
    fn validate(&self) -> Result<()> {
        if self.web_tool_ids.is_empty() {
            return Err(Error::invalid_argument("webToolIds", "must name at least one tool"));
        }
        for id in &self.web_tool_ids {
            validate::non_empty("webToolIds[]", id)?;
        }
        for (id, given) in self.overrides.iter().flatten() {
            validate::non_empty("overrides", id)?;
            object("overrides.params", given.params.as_ref())?;
            object("overrides.httpHeaders", given.http_headers.as_ref())?;
        }
        Ok(())
    }
}

/// `web_tools.test`: call a tool's API once, as the agent would, and report what happened.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TestWebToolParams {
    /// The API to call: https (plain http only to a loopback host).
    pub server_url: String,
    pub method: WebToolMethod,
    /// The project; left out, the API key's project (fetched once per client with `projects.get`).
    pub project_id: Option<String>,
    /// The token sent to the API (a secret: never shown).
    pub auth_token: Option<Secret>,
    /// The word before the token (`Bearer`, `Basic`).
    pub auth_prefix: Option<String>,
    /// Seconds (the server's default is 5).
    pub timeout: Option<f64>,
    /// Headers sent to the API (an object).
    pub http_headers: Option<Value>,
    /// Query parameters sent to the API (an object).
    pub query_params: Option<Value>,
    /// The request body sent to the API (an object).
    pub body: Option<Value>,
    /// A key the API reference types as a uuid; whether it is the key's id or the key itself is not
    /// documented, so it is treated as a secret.
    pub api_key: Option<Secret>,
    pub user_id: Option<String>,
}

impl Validate for TestWebToolParams {
    fn validate(&self) -> Result<()> {
        validate::webhook_url("serverUrl", &self.server_url)?;
        validate::optional_non_empty("projectId", self.project_id.as_deref())?;
        if self.timeout.is_some_and(|t| !(t.is_finite() && t > 0.0)) {
            return Err(Error::invalid_argument("timeout", "must be a positive number"));
        }
        object("httpHeaders", self.http_headers.as_ref())?;
        object("queryParams", self.query_params.as_ref())?;
        object("body", self.body.as_ref())?;
        validate::optional_non_empty("userId", self.user_id.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_create_sends_the_type_and_async_defaults_and_the_request_spelling_of_timeout() {
        let params: CreateWebToolParams = serde_json::from_value(json!({
            "name": "weather", "description": "d", "params": {"type": "object"},
            "toolSettings": {"serverUrl": "https://api.example/w", "methodType": "GET", "timeOut": 5},
        }))
        .unwrap();
        params.validate().unwrap();
        let wire = serde_json::to_value(&params).unwrap();
        assert_eq!(wire["type"], "FUNCTION");
        assert_eq!(wire["async"], false);
        assert_eq!(wire["toolSettings"]["timeOut"], 5.0);
        assert!(wire.get("messages").is_none());
    }

    #[test]
    fn checks_before_sending() {
        let base = json!({"name": "w", "description": "d", "params": {"type": "object"},
                          "toolSettings": {"serverUrl": "http://example.com", "methodType": "GET"}});
        let params: CreateWebToolParams = serde_json::from_value(base).unwrap();
        assert_eq!(params.validate().unwrap_err().field(), Some("toolSettings.serverUrl"));
        let update = UpdateWebToolParams { id: " ".into(), ..Default::default() };
        assert_eq!(update.validate().unwrap_err().field(), Some("id"));
        let list = ListWebToolsParams {
            collection_id: Some("c".into()),
            return_uncategorized: Some(true),
            ..Default::default()
        };
        assert_eq!(list.validate().unwrap_err().field(), Some("returnUncategorized"));
        assert_eq!(CheckWebToolVersionsParams::default().validate().unwrap_err().field(), Some("webToolIds"));
    }
}
