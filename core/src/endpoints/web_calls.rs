//! Arguments of the web-call endpoints (the web SDK's session routes).

use crate::error::{Error, Result};
use crate::validate::{self, Validate};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `web_calls.create_token`: a participant token for a browser call with an agent.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateWebCallTokenParams {
    /// The agent to talk to.
    pub voice_agent_id: String,
    /// Values for the agent's `{{placeholders}}`: free-form, sent as given.
    pub params: Option<Value>,
}

impl Validate for CreateWebCallTokenParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("voiceAgentId", &self.voice_agent_id)?;
        params_object(self.params.as_ref())
    }
}

fn params_object(params: Option<&Value>) -> Result<()> {
    match params {
        None | Some(Value::Object(_)) => Ok(()),
        Some(_) => Err(Error::invalid_argument("params", "must be an object of placeholder names to values")),
    }
}

/// A tool the browser offers the agent (the LLM's function-tool shape).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WebCallTool {
    /// `function` (the default).
    #[serde(rename = "type", default = "default_tool_type")]
    pub tool_type: String,
    pub function: WebCallToolFunction,
}

fn default_tool_type() -> String {
    "function".into()
}

/// The function a client tool runs in the browser.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WebCallToolFunction {
    pub name: String,
    pub description: Option<String>,
    /// A JSON Schema object: `{"type": "object", "properties": {..}, "required": [..]}`; sent as given.
    pub parameters: Option<Value>,
    /// Free-form; spelled `func_map` on the wire.
    #[serde(rename = "func_map")]
    pub func_map: Option<Value>,
}

fn check_tools(tools: Option<&[WebCallTool]>) -> Result<()> {
    for tool in tools.unwrap_or_default() {
        validate::non_empty("tools[].function.name", &tool.function.name)?;
        if tool.function.parameters.as_ref().is_some_and(|p| !p.is_object()) {
            return Err(Error::invalid_argument("tools[].function.parameters", "must be a JSON Schema object"));
        }
    }
    Ok(())
}

fn default_channel() -> String {
    "Web".into()
}

/// `web_calls.init`: start the conversation of a web call whose token was created.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InitWebCallParams {
    pub voice_agent_id: String,
    /// The job id of the participant token (`web_calls.create_token`).
    pub job_id: String,
    /// Values for the agent's `{{placeholders}}`: free-form, sent as given.
    pub params: Option<Value>,
    /// Whether the agent speaks (true) or only writes.
    pub voice_enablement: Option<bool>,
    /// Tools the browser runs for the agent.
    pub tools: Option<Vec<WebCallTool>>,
    /// `Web` (the default).
    #[serde(default = "default_channel")]
    pub channel_type: String,
}

impl Validate for InitWebCallParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("voiceAgentId", &self.voice_agent_id)?;
        validate::non_empty("jobId", &self.job_id)?;
        validate::non_empty("channelType", &self.channel_type)?;
        params_object(self.params.as_ref())?;
        check_tools(self.tools.as_deref())
    }
}

/// `web_calls.init_legacy`: the older route, which starts a conversation and answers its job id.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InitWebCallLegacyParams {
    pub voice_agent_id: String,
    /// Values for the agent's `{{placeholders}}`: free-form, sent as given.
    pub params: Option<Value>,
    pub voice_enablement: Option<bool>,
    pub tools: Option<Vec<WebCallTool>>,
}

impl Validate for InitWebCallLegacyParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("voiceAgentId", &self.voice_agent_id)?;
        params_object(self.params.as_ref())?;
        check_tools(self.tools.as_deref())
    }
}
