//! Voice agents in the mock: one record per agent, kept in the nested v2 shape, with a flat v1 view.
//! Creating or changing an agent through either version is visible through both: the v1 fields that
//! have a v2 place are mapped to it, the others (`description`, `isTemplate`, `icon`...) are kept aside.

use crate::store::{PROJECT_ID, USER_ID};
use serde_json::{Map, Value, json};

/// v1 path → v2 path, for every v1 field that has a v2 place.
const MAPPINGS: &[(&[&str], &[&str])] = &[
    (&["agentName"], &["name"]),
    (&["type"], &["type"]),
    (&["greetingMessage"], &["conversation", "greetingMessage"]),
    (&["greetingMessageType"], &["conversation", "greetingMessageType"]),
    (&["preamble"], &["conversation", "preamble"]),
    (&["pokeMessages"], &["conversation", "pokeMessages"]),
    (&["params"], &["conversation", "params"]),
    (&["alignment"], &["conversation", "alignment"]),
    (&["voiceId"], &["voice", "voiceId"]),
    (&["voiceRecordId"], &["voice", "voiceRecordId"]),
    (&["lang"], &["voice", "lang"]),
    (&["llmConfig", "provider"], &["llm", "provider"]),
    (&["llmConfig", "modelName"], &["llm", "model"]),
    (&["llmConfig", "baseUrl"], &["llm", "baseUrl"]),
    (&["llmConfig", "apiKey"], &["llm", "apiKey"]),
    (&["llmConfig", "temperature"], &["llm", "temperature"]),
    (&["tools", "genderDetection"], &["callSettings", "genderDetection"]),
    (&["tools", "smartCallEnd"], &["callSettings", "smartCallEnd"]),
    (&["noiseCancellation"], &["callSettings", "noiseCancellation"]),
    (&["cancelNoisePer"], &["callSettings", "cancelNoisePer"]),
    (&["interrupt"], &["callSettings", "interrupt"]),
    (&["responseDelay"], &["callSettings", "responseDelay"]),
    (&["minInterruptionDuration"], &["callSettings", "minInterruptionDuration"]),
    (&["vadActivationThreshold"], &["callSettings", "vadActivationThreshold"]),
    (&["userInactivityTimeout"], &["callSettings", "userInactivityTimeout"]),
    (&["maxCallDuration"], &["callSettings", "maxCallDuration"]),
    (&["silenceThreshold"], &["callSettings", "silenceThreshold"]),
    (&["backgroundNoise"], &["callSettings", "backgroundNoise"]),
    (&["enableAutoGainControl"], &["callSettings", "enableAutoGainControl"]),
    (&["sendDenoisedToStt"], &["callSettings", "sendDenoisedToStt"]),
    (&["waitForUserToSpeakFirst"], &["callSettings", "waitForUserToSpeakFirst"]),
    (&["thinkingVoice"], &["callSettings", "thinkingVoice"]),
    (&["speakerIdentification"], &["callSettings", "speakerIdentification"]),
    (&["agenticRag"], &["callSettings", "agenticRag"]),
    (&["languageDialectSwitcher"], &["callSettings", "languageDialectSwitcher"]),
    (&["knowledgeBaseItemsIds"], &["knowledgeBaseItemsIds"]),
    (&["voiceDictionaryIds"], &["voiceDictionaryIds"]),
    (&["webhookUrl"], &["webhookUrl"]),
    (&["webhookAuth"], &["webhookAuth"]),
    (&["outcomeResponseShape"], &["outcomeResponseShape"]),
];

/// Fields the server sets, never taken from a request body.
const SERVER_FIELDS: &[&str] = &["id", "projectId", "apiKeyId", "createdAt", "updatedAt", "voiceRecord"];

#[derive(Clone, Debug)]
pub struct Agent {
    pub id: String,
    /// The agent in the v2 shape, without id and timestamps.
    pub v2: Map<String, Value>,
    /// The v1 fields that have no v2 place.
    pub v1_only: Map<String, Value>,
    pub created_at: String,
    pub updated_at: String,
}

impl Agent {
    pub fn new(id: String, now: String) -> Self {
        Self { id, v2: Map::new(), v1_only: Map::new(), created_at: now.clone(), updated_at: now }
    }

    /// Applies a v2 body: only what it holds changes (nested objects are merged, the rest replaced).
    pub fn apply_v2(&mut self, body: &Value) {
        if let Some(fields) = body.as_object() {
            for (key, value) in fields {
                if !SERVER_FIELDS.contains(&key.as_str()) && key != "voiceAgentId" {
                    merge(&mut self.v2, key, value);
                }
            }
        }
    }

    /// Applies a v1 body: mapped fields go to their v2 place, the others are kept aside.
    pub fn apply_v1(&mut self, body: &Value) {
        let Some(fields) = body.as_object() else { return };
        for (key, value) in fields {
            if SERVER_FIELDS.contains(&key.as_str()) || key == "voiceAgentId" {
                continue;
            }
            if let Some((_, to)) = MAPPINGS.iter().find(|(from, _)| from.len() == 1 && from[0] == key) {
                set_path(&mut self.v2, to, value.clone());
                continue;
            }
            let nested: Vec<_> = MAPPINGS.iter().filter(|(from, _)| from.len() == 2 && from[0] == key).collect();
            match value.as_object() {
                Some(inner) if !nested.is_empty() => {
                    let mut rest = Map::new();
                    for (name, item) in inner {
                        match nested.iter().find(|(from, _)| from[1] == name) {
                            Some((_, to)) => set_path(&mut self.v2, to, item.clone()),
                            None => {
                                rest.insert(name.clone(), item.clone());
                            }
                        }
                    }
                    if !rest.is_empty() {
                        merge(&mut self.v1_only, key, &Value::Object(rest));
                    }
                }
                _ => merge(&mut self.v1_only, key, value),
            }
        }
        if let Some(ids) = fields.get("webToolsIds").and_then(Value::as_array) {
            let tools =
                ids.iter().map(|id| json!({"toolId": id, "persistentId": id, "version": 1, "toolType": "FUNCTION"}));
            self.v2.insert("tools".into(), Value::Array(tools.collect()));
        }
    }

    pub fn name(&self) -> Option<&str> {
        self.v2.get("name").and_then(Value::as_str)
    }

    /// The greeting, with its `{{placeholders}}` filled from the call's params first, then the agent's
    /// own (its defaults).
    pub fn greeting(&self, call_params: &Value) -> Option<String> {
        let conversation = self.v2.get("conversation")?;
        let greeting = conversation.get("greetingMessage")?.as_str()?;
        Some(fill(greeting, &[call_params, conversation.get("params").unwrap_or(&Value::Null)]))
    }

    pub fn to_v2(&self) -> Value {
        let mut out = self.v2.clone();
        out.insert("id".into(), json!(self.id));
        out.insert("createdAt".into(), json!(self.created_at));
        out.insert("updatedAt".into(), json!(self.updated_at));
        Value::Object(out)
    }

    pub fn to_v1(&self) -> Value {
        let mut out = self.v1_only.clone();
        for (from, to) in MAPPINGS {
            if let Some(value) = get_path(&self.v2, to) {
                set_path(&mut out, from, value.clone());
            }
        }
        if let Some(tools) = self.v2.get("tools").and_then(Value::as_array) {
            let ids: Vec<Value> = tools.iter().filter_map(|t| t.get("toolId").cloned()).collect();
            out.insert("webToolsIds".into(), Value::Array(ids));
        }
        out.insert("id".into(), json!(self.id));
        out.insert("projectId".into(), json!(PROJECT_ID));
        out.insert("apiKeyId".into(), json!(USER_ID));
        out.insert("createdAt".into(), json!(self.created_at));
        out.insert("updatedAt".into(), json!(self.updated_at));
        Value::Object(out)
    }

    /// The agent's language and type, for the list's filters.
    pub fn lang(&self) -> Option<&str> {
        get_path(&self.v2, &["voice", "lang"]).and_then(Value::as_str)
    }

    pub fn agent_type(&self) -> Option<&str> {
        self.v2.get("type").and_then(Value::as_str)
    }
}

/// The defaults the API documents for a new agent, where the body left them out.
pub fn with_defaults(agent: &mut Agent) {
    let defaults: [(&[&str], Value); 3] = [
        (&["type"], json!("Single Prompt")),
        (&["conversation", "greetingMessage"], json!("Hello, how can I help you today?")),
        (&["voice", "lang"], json!("ar")),
    ];
    for (path, value) in defaults {
        if get_path(&agent.v2, path).is_none() {
            set_path(&mut agent.v2, path, value);
        }
    }
}

/// `text` with every `{{name}}` replaced by the first of `params` that has `name` (strings as they are,
/// other values as JSON); unknown placeholders are left as written.
pub fn fill(text: &str, params: &[&Value]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        let Some(close) = rest[open..].find("}}").map(|i| open + i) else { break };
        out.push_str(&rest[..open]);
        let name = rest[open + 2..close].trim();
        match params.iter().find_map(|p| p.get(name)) {
            Some(Value::String(s)) => out.push_str(s),
            Some(other) => out.push_str(&other.to_string()),
            None => out.push_str(&rest[open..close + 2]),
        }
        rest = &rest[close + 2..];
    }
    out.push_str(rest);
    out
}

fn merge(target: &mut Map<String, Value>, key: &str, value: &Value) {
    match (target.get_mut(key), value) {
        (Some(Value::Object(existing)), Value::Object(changes)) => {
            for (name, item) in changes {
                merge(existing, name, item);
            }
        }
        _ => {
            target.insert(key.to_owned(), value.clone());
        }
    }
}

fn get_path<'a>(map: &'a Map<String, Value>, path: &[&str]) -> Option<&'a Value> {
    let (first, rest) = path.split_first()?;
    let value = map.get(*first)?;
    if rest.is_empty() { Some(value) } else { get_path(value.as_object()?, rest) }
}

fn set_path(map: &mut Map<String, Value>, path: &[&str], value: Value) {
    let Some((first, rest)) = path.split_first() else { return };
    if rest.is_empty() {
        map.insert((*first).to_owned(), value);
        return;
    }
    let entry = map.entry((*first).to_owned()).or_insert_with(|| Value::Object(Map::new()));
    if !entry.is_object() {
        *entry = Value::Object(Map::new());
    }
    if let Value::Object(inner) = entry {
        set_path(inner, rest, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_v1_agent_is_seen_in_v2_and_back() {
        let mut agent = Agent::new("a".into(), "t".into());
        agent.apply_v1(&json!({"agentName": "Sara", "greetingMessage": "Hi {{name}}", "description": "d",
            "llmConfig": {"modelName": "GPT-4.1"}, "tools": {"smartCallEnd": true, "calendarName": "c"}}));
        let v2 = agent.to_v2();
        assert_eq!((v2["name"].as_str(), v2["llm"]["model"].as_str()), (Some("Sara"), Some("GPT-4.1")));
        assert_eq!(v2["callSettings"]["smartCallEnd"], true);
        agent.apply_v2(&json!({"callSettings": {"interrupt": false}}));
        let v1 = agent.to_v1();
        assert_eq!((v1["description"].as_str(), v1["interrupt"].as_bool()), (Some("d"), Some(false)));
        assert_eq!(v1["tools"], json!({"calendarName": "c", "smartCallEnd": true}));
        assert_eq!(agent.greeting(&json!({"name": "Omar"})).as_deref(), Some("Hi Omar"));
    }

    #[test]
    fn placeholders() {
        let params = json!({"name": "Sara", "n": 2});
        assert_eq!(fill("Hi {{name}}, {{ n }} {{x}} {{", &[&params]), "Hi Sara, 2 {{x}} {{");
    }

    #[test]
    fn a_call_s_params_win_over_the_agent_s_defaults() {
        let mut agent = Agent::new("a".into(), "t".into());
        agent.apply_v2(&json!({"conversation": {"greetingMessage": "Hi {{name}} {{day}}",
                                                "params": {"name": "there", "day": "today"}}}));
        assert_eq!(agent.greeting(&json!({"name": "Sara"})).as_deref(), Some("Hi Sara today"));
    }
}
