//! Arguments of the voice-dictionary endpoints.

use crate::error::Result;
use crate::validate::{self, Validate};
use serde::{Deserialize, Serialize};

/// One word and how the agent should say it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewDictionaryWord {
    /// The word as written.
    pub word: String,
    /// How to say it (a respelling).
    pub pronunciation: String,
}

fn words(words: &[NewDictionaryWord]) -> Result<()> {
    words.iter().enumerate().try_for_each(|(i, w)| {
        validate::non_empty(&format!("words[{i}].word"), &w.word)?;
        validate::non_empty(&format!("words[{i}].pronunciation"), &w.pronunciation)
    })
}

/// `voice_dictionaries.create`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateVoiceDictionaryParams {
    /// The dictionary's name.
    pub name: String,
    /// Its words.
    pub words: Vec<NewDictionaryWord>,
}

impl Validate for CreateVoiceDictionaryParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("name", &self.name)?;
        words(&self.words)
    }
}

/// `voice_dictionaries.list`: one page of dictionaries. `skip` is a 1-based page number and `take` the
/// page size.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ListVoiceDictionariesParams {
    /// Only dictionaries whose name contains this text (the parameter's name is inferred: `search`).
    pub search: Option<String>,
    /// Only dictionaries an agent uses (or none does).
    pub used: Option<bool>,
    /// Only the dictionaries of this agent.
    pub voice_agent_id: Option<String>,
    /// The 1-based page number.
    pub skip: Option<u32>,
    /// The page size (the server's default is 10).
    pub take: Option<u32>,
}

impl Validate for ListVoiceDictionariesParams {
    fn validate(&self) -> Result<()> {
        validate::optional_non_empty("voiceAgentId", self.voice_agent_id.as_deref())?;
        validate::skip_take(self.skip, self.take)
    }
}

/// `voice_dictionaries.update`: only the fields set are sent.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdateVoiceDictionaryParams {
    /// The dictionary's id.
    pub id: String,
    /// A new name.
    pub name: Option<String>,
    /// The new words (they replace the old ones).
    pub words: Option<Vec<NewDictionaryWord>>,
}

impl Validate for UpdateVoiceDictionaryParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("id", &self.id)?;
        validate::optional_non_empty("name", self.name.as_deref())?;
        words(self.words.as_deref().unwrap_or_default())
    }
}

/// `voice_dictionaries.set_active`: turn a dictionary on or off for one agent.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SetVoiceDictionaryActiveParams {
    /// The dictionary.
    pub dictionary_id: String,
    /// The agent.
    pub voice_agent_id: String,
    /// On (`true`) or off.
    pub is_active: bool,
}

impl Validate for SetVoiceDictionaryActiveParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("dictionaryId", &self.dictionary_id)?;
        validate::non_empty("voiceAgentId", &self.voice_agent_id)
    }
}
