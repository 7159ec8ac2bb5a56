//! The operations that are not one endpoint each: the waiters, which poll an endpoint, and the webhook
//! helpers, which need no client. Each is declared once here, with typed arguments whose JSON Schemas
//! go into the catalog.

use super::{BoxFuture, SchemasFn, arguments};
use crate::client::Client;
use crate::config::RequestOptions;
use crate::endpoint::OperationKind;
use crate::endpoints::ops::{GetConversation, GetJob};
use crate::endpoints::{GetConversationParams, GetJobParams};
use crate::error::Result;
use crate::models::{Conversation, Job, WebhookAuth};
use crate::polling::{WaitOptions, wait_for};
use crate::secret::Secret;
use crate::typed_json::TypedJson;
use crate::webhooks::{self, WebhookEvent};
use serde::Deserialize;
use serde_json::Value;
use std::time::Duration;

/// One helper operation's declaration.
pub(crate) struct JsonHelper {
    pub name: &'static str,
    pub resource: &'static str,
    pub method_name: &'static str,
    pub kind: OperationKind,
    pub summary: &'static str,
    pub positional: Option<&'static str>,
    /// Waiters: the operation polled.
    pub polls: Option<&'static str>,
    pub run: HelperRun,
    pub schemas: SchemasFn,
}

pub(crate) enum HelperRun {
    Waiter(fn(Client, Value, RequestOptions) -> BoxFuture<Result<TypedJson>>),
    Offline(fn(Value) -> Result<TypedJson>),
}

pub(crate) const HELPERS: &[JsonHelper] = &[
    JsonHelper {
        name: "jobs.wait",
        resource: "jobs",
        method_name: "wait",
        kind: OperationKind::Waiter,
        summary: "Poll a job until it reaches a terminal status.",
        positional: Some("jobId"),
        polls: Some("jobs.get"),
        run: HelperRun::Waiter(wait_for_job),
        schemas: schemas::<WaitForJobParams, Job>,
    },
    JsonHelper {
        name: "conversations.wait",
        resource: "conversations",
        method_name: "wait",
        kind: OperationKind::Waiter,
        summary: "Poll a conversation until the call has ended.",
        positional: Some("conversationId"),
        polls: Some("conversations.get"),
        run: HelperRun::Waiter(wait_for_conversation),
        schemas: schemas::<WaitForConversationParams, Conversation>,
    },
    JsonHelper {
        name: "webhooks.verify",
        resource: "webhooks",
        method_name: "verify",
        kind: OperationKind::Offline,
        summary: "Check a webhook request's Authorization header against your webhookAuth: `<authKey> <authSecret>`, or the secret alone as the whole value (both compared in constant time); true when either matches.",
        positional: Some("authorization"),
        polls: None,
        run: HelperRun::Offline(verify_webhook),
        schemas: schemas::<VerifyWebhookParams, bool>,
    },
    JsonHelper {
        name: "webhooks.parse",
        resource: "webhooks",
        method_name: "parse",
        kind: OperationKind::Offline,
        summary: "Parse a webhook request's raw body into an event.",
        positional: Some("body"),
        polls: None,
        run: HelperRun::Offline(parse_webhook),
        schemas: schemas::<ParseWebhookParams, WebhookEvent>,
    },
];

fn schemas<Req: schemars::JsonSchema, Resp: schemars::JsonSchema>(
    generator: &mut schemars::SchemaGenerator,
) -> (schemars::Schema, schemars::Schema) {
    (generator.subschema_for::<Req>(), generator.subschema_for::<Resp>())
}

/// `jobs.wait`.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WaitForJobParams {
    /// The job's id.
    pub job_id: String,
    /// The first pause between two polls, in milliseconds (later pauses grow).
    pub poll_interval_ms: Option<u64>,
    /// Give up with a `timeout` error after this many milliseconds.
    pub timeout_ms: Option<u64>,
}

/// `conversations.wait`.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WaitForConversationParams {
    /// The conversation's id (the call's job id).
    pub conversation_id: String,
    /// The first pause between two polls, in milliseconds (later pauses grow).
    pub poll_interval_ms: Option<u64>,
    /// Give up with a `timeout` error after this many milliseconds.
    pub timeout_ms: Option<u64>,
}

/// `webhooks.verify`.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VerifyWebhookParams {
    /// The request's `Authorization` header, or null when it had none.
    pub authorization: Option<String>,
    /// The `authKey` of the call's `webhookAuth`.
    pub auth_key: String,
    /// The `authSecret` of the call's `webhookAuth`.
    pub auth_secret: Secret,
}

/// `webhooks.parse`.
#[derive(Clone, Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ParseWebhookParams {
    /// The raw request body, exactly as received.
    pub body: String,
}

fn wait_options(poll_interval_ms: Option<u64>, timeout_ms: Option<u64>, mut request: RequestOptions) -> WaitOptions {
    let on_poll = request.on_poll.take();
    let mut options = WaitOptions { request, on_poll, ..WaitOptions::default() };
    if let Some(ms) = poll_interval_ms {
        options = options.with_poll_interval(Duration::from_millis(ms));
    }
    if let Some(ms) = timeout_ms {
        options = options.with_timeout(Duration::from_millis(ms));
    }
    options
}

fn wait_for_job(client: Client, args: Value, request: RequestOptions) -> BoxFuture<Result<TypedJson>> {
    Box::pin(async move {
        let args: WaitForJobParams = arguments("jobs.wait", args)?;
        let options = wait_options(args.poll_interval_ms, args.timeout_ms, request);
        let job = wait_for::<GetJob>(&client, GetJobParams { job_id: args.job_id }, &options).await?;
        Ok(TypedJson::new(job))
    })
}

fn wait_for_conversation(client: Client, args: Value, request: RequestOptions) -> BoxFuture<Result<TypedJson>> {
    Box::pin(async move {
        let args: WaitForConversationParams = arguments("conversations.wait", args)?;
        let options = wait_options(args.poll_interval_ms, args.timeout_ms, request);
        let target = GetConversationParams { conversation_id: args.conversation_id };
        Ok(TypedJson::new(wait_for::<GetConversation>(&client, target, &options).await?))
    })
}

fn verify_webhook(args: Value) -> Result<TypedJson> {
    let args: VerifyWebhookParams = arguments("webhooks.verify", args)?;
    let expected = WebhookAuth::new(args.auth_key, args.auth_secret);
    webhooks::verify(args.authorization.as_deref(), &expected)?;
    Ok(TypedJson::new(true))
}

fn parse_webhook(args: Value) -> Result<TypedJson> {
    let args: ParseWebhookParams = arguments("webhooks.parse", args)?;
    Ok(TypedJson::new(webhooks::parse(args.body.as_bytes())?))
}
