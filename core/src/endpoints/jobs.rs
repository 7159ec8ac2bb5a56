//! Arguments of the job endpoints.

use crate::error::Result;
use crate::models::{JobStatus, JobType, WebhookAuth};
use crate::validate::{self, Validate};
use serde::{Deserialize, Serialize};

/// `jobs.get` (and `jobs.wait`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetJobParams {
    /// The job's id (for a call: the id the call endpoint returned).
    pub job_id: String,
}

impl Validate for GetJobParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("jobId", &self.job_id)
    }
}

/// The page number and page size of the `page`/`perPage` lists the API requires: left out, the first
/// page and the default size are sent.
fn page_or_first<S: serde::Serializer>(page: &Option<u32>, serializer: S) -> std::result::Result<S::Ok, S::Error> {
    serializer.serialize_u32(page.unwrap_or(1))
}

fn per_page_or_default<S: serde::Serializer>(
    size: &Option<u32>,
    serializer: S,
) -> std::result::Result<S::Ok, S::Error> {
    serializer.serialize_u32(size.unwrap_or(DEFAULT_JOBS_PER_PAGE))
}

/// The page size `jobs.list` sends when none is given (the API requires one).
pub const DEFAULT_JOBS_PER_PAGE: u32 = 10;

/// `jobs.create`: a v2 job (type `TRANSCRIPTION`) from a media URL.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateJobParams {
    /// The job's type: `TRANSCRIPTION`.
    #[serde(rename = "type")]
    pub job_type: JobType,
    /// The API key's identifier (a uuid; not the secret key).
    pub api_key: String,
    /// The media to transcribe (an http or https URL; YouTube links are accepted).
    pub media_url: String,
    pub title: String,
    /// `ar` or `en`.
    pub language: String,
    /// `async` (the default) or `sync`.
    pub processing_type: Option<String>,
    /// Where the result is POSTed (https; plain http only to loopback).
    pub webhook_url: Option<String>,
    /// Sent back to the webhook as its `Authorization` header.
    pub webhook_auth: Option<WebhookAuth>,
}

impl Validate for CreateJobParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("apiKey", &self.api_key)?;
        validate::web_page_url("mediaUrl", &self.media_url)?;
        validate::non_empty("title", &self.title)?;
        validate::non_empty("language", &self.language)?;
        validate::optional_webhook_url("webhookUrl", self.webhook_url.as_deref())
    }
}

/// `jobs.list`: the v2 job list of one type, one page (`page` 1-based, `perPage` the page size; both are
/// always sent, the API requires them).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ListJobsParams {
    /// The jobs' type (`TRANSCRIPTION`, `AI_CONTENT`, ...).
    #[serde(rename = "type")]
    pub job_type: JobType,
    /// The project; left out, the API key's project (fetched once per client with `projects.get`).
    pub project_id: Option<String>,
    /// The 1-based page number (1 when left out).
    #[serialize_always]
    #[serde(serialize_with = "page_or_first")]
    pub page: Option<u32>,
    /// The page size (10 when left out).
    #[serialize_always]
    #[serde(serialize_with = "per_page_or_default")]
    pub per_page: Option<u32>,
    /// `totalCost`, `usageTime`, `createdAt` or `updatedAt`.
    pub sort_by: Option<String>,
    /// `asc` or `desc`.
    pub order_by: Option<String>,
    pub status: Option<JobStatus>,
    /// Free-text search.
    pub search: Option<String>,
}

impl Validate for ListJobsParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("type", self.job_type.as_str())?;
        validate::optional_non_empty("projectId", self.project_id.as_deref())?;
        validate::in_range("page", self.page, 1, u32::MAX)?;
        validate::in_range("perPage", self.per_page, 1, 1000)
    }
}

/// How `jobs.search` sorts.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct JobSort {
    /// e.g. `createdAt`.
    pub field: String,
    /// `asc` or `desc`.
    pub direction: Option<String>,
}

/// `jobs.search`: jobs filtered and sorted, one page (`skip` = page number, `take` = page size, in the
/// body; `projectId` in the query string).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SearchJobsParams {
    /// The project; left out, the API key's project (fetched once per client with `projects.get`).
    pub project_id: Option<String>,
    /// The 1-based page number.
    pub skip: Option<u32>,
    /// The page size (the server's default is 10).
    pub take: Option<u32>,
    pub sort: Option<JobSort>,
    /// Free-text search.
    pub search: Option<String>,
    pub status: Option<JobStatus>,
    #[serde(rename = "type")]
    pub job_type: Option<JobType>,
}

impl Validate for SearchJobsParams {
    fn validate(&self) -> Result<()> {
        validate::optional_non_empty("projectId", self.project_id.as_deref())?;
        if let Some(sort) = &self.sort {
            validate::non_empty("sort.field", &sort.field)?;
        }
        validate::skip_take(self.skip, self.take)
    }
}

/// `jobs.get_summary`: one job as the v2 view shows it.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetJobSummaryParams {
    /// The job's id.
    pub id: String,
    /// The project; left out, the API key's project (fetched once per client with `projects.get`).
    pub project_id: Option<String>,
}

impl Validate for GetJobSummaryParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("id", &self.id)?;
        validate::optional_non_empty("projectId", self.project_id.as_deref())
    }
}
