//! The JSON face of the SDK: every operation by its public name, arguments and results as wire JSON.
//! Bindings and conformance runners call this; the typed API and this share every line of behaviour,
//! because each entry here deserializes into the typed request and runs the typed operation.

use crate::client::Client;
use crate::config::RequestOptions;
use crate::endpoint::{Endpoint, EndpointSpec};
use crate::endpoints::ops::{GetConversation, GetJob};
use crate::endpoints::{DYNAMIC, GetConversationParams, GetJobParams};
use crate::error::{Error, Result};
use crate::models::WebhookAuth;
use crate::paging::{PagedRequest, Paginated, pages};
use crate::polling::{WaitOptions, wait_for};
use crate::response::ResponseMeta;
use crate::secret::scrub_serde_message;
use crate::typed_json::TypedJson;
use crate::webhooks;
use futures_core::Stream;
use futures_util::StreamExt;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;
/// Pages, still typed.
type PageStream = Pin<Box<dyn Stream<Item = Result<TypedJson>> + Send>>;

/// Results cross still typed: a binding serializes them straight into its own objects (or takes the
/// text), without an intermediate `Value` tree (a third of the cost on a 1 MB list) or a text to parse.
pub(crate) type InvokeFn = fn(Client, Value, RequestOptions) -> BoxFuture<Result<(TypedJson, ResponseMeta)>>;
#[doc(hidden)]
pub type PaginateFn = fn(Client, Value, RequestOptions) -> Result<PageStream>;

/// One endpoint's JSON entry points.
pub(crate) struct DynamicEndpoint {
    pub spec: EndpointSpec,
    pub invoke: InvokeFn,
    pub paginate: Option<PaginateFn>,
    /// For paged endpoints, the field of the page that holds the items.
    pub items_field: Option<&'static str>,
    /// The JSON Schemas of the request and the response, for the bindings' type generators.
    pub schemas: SchemasFn,
}

pub(crate) type SchemasFn = fn(&mut schemars::SchemaGenerator) -> (schemars::Schema, schemars::Schema);

pub(crate) fn schemas_of<E: Endpoint>(generator: &mut schemars::SchemaGenerator) -> (schemars::Schema, schemars::Schema)
where
    E::Request: schemars::JsonSchema,
    E::Response: schemars::JsonSchema,
{
    (generator.subschema_for::<E::Request>(), generator.subschema_for::<E::Response>())
}

/// The operations that are not one endpoint each.
pub const HELPER_OPERATIONS: [&str; 4] = ["jobs.wait", "conversations.wait", "webhooks.verify", "webhooks.parse"];

/// Every operation name `invoke_json` accepts: the endpoints, then the helpers.
pub fn operation_names() -> Vec<&'static str> {
    DYNAMIC.iter().map(|d| d.spec.name).chain(HELPER_OPERATIONS).collect()
}

/// The declaration of an endpoint, by public name.
pub fn endpoint(name: &str) -> Option<&'static EndpointSpec> {
    DYNAMIC.iter().find(|d| d.spec.name == name).map(|d| &d.spec)
}

/// One page of a list, as JSON: its items, and the whole page as it was decoded.
#[derive(Clone, Debug)]
pub struct JsonPage {
    pub items: Vec<Value>,
    pub page: Value,
}

/// Walks a list page by page (for bindings' iterators).
pub struct JsonPager {
    stream: PageStream,
    items_field: &'static str,
}

impl JsonPager {
    /// The next page, or `None` after the last one.
    pub async fn next_page(&mut self) -> Option<Result<JsonPage>> {
        let typed = match self.stream.next().await? {
            Ok(typed) => typed,
            Err(error) => return Some(Err(error)),
        };
        Some(typed.to_value().map(|page: Value| {
            let items = match page.get(self.items_field) {
                Some(Value::Array(items)) => items.clone(),
                _ => Vec::new(),
            };
            JsonPage { items, page }
        }))
    }

    /// The next page as wire-JSON text (its items under [`items_field`](Self::items_field)), or `None`
    /// after the last one: the cheapest form for a binding that parses JSON itself.
    pub async fn next_page_text(&mut self) -> Option<Result<String>> {
        Some(self.stream.next().await?.and_then(|typed| typed.to_text()))
    }

    /// The next page still typed (see [`TypedJson`]), or `None` after the last one: the cheapest form for
    /// a binding that builds its own objects with a serde `Serializer`.
    pub async fn next_page_typed(&mut self) -> Option<Result<TypedJson>> {
        self.stream.next().await
    }

    /// The field of each page that holds its items (`"items"`, `"calls"`); the catalog names it too.
    pub fn items_field(&self) -> &'static str {
        self.items_field
    }
}

impl Client {
    /// Runs an operation by its public name (`"calls.create_twilio"`, `"jobs.wait"`, ...) with wire-JSON
    /// arguments and returns the result as wire JSON. Invalid arguments fail before anything is sent.
    pub async fn invoke_json(&self, operation: &str, args: Value, options: &RequestOptions) -> Result<Value> {
        let (typed, _) = self.invoke_json_typed_with_meta(operation, args, options).await?;
        typed.to_value()
    }

    /// Like [`invoke_json`](Self::invoke_json), with the result as wire-JSON text, serialized straight
    /// from the typed model: what a binding that parses JSON itself should call.
    pub async fn invoke_json_text(&self, operation: &str, args: Value, options: &RequestOptions) -> Result<String> {
        self.invoke_json_text_with_meta(operation, args, options).await.map(|(text, _)| text)
    }

    /// Like [`invoke_json`](Self::invoke_json), with the response metadata (`None` for helpers that
    /// make several requests or none).
    pub async fn invoke_json_with_meta(
        &self,
        operation: &str,
        args: Value,
        options: &RequestOptions,
    ) -> Result<(Value, Option<ResponseMeta>)> {
        let (typed, meta) = self.invoke_json_typed_with_meta(operation, args, options).await?;
        Ok((typed.to_value()?, meta))
    }

    /// Like [`invoke_json_text`](Self::invoke_json_text), with the response metadata (`None` for
    /// helpers that make several requests or none).
    pub async fn invoke_json_text_with_meta(
        &self,
        operation: &str,
        args: Value,
        options: &RequestOptions,
    ) -> Result<(String, Option<ResponseMeta>)> {
        let (typed, meta) = self.invoke_json_typed_with_meta(operation, args, options).await?;
        Ok((typed.to_text()?, meta))
    }

    /// Like [`invoke_json`](Self::invoke_json), with the result still typed (see [`TypedJson`]): what a
    /// binding that builds its own objects with a serde `Serializer` should call.
    pub async fn invoke_json_typed(&self, operation: &str, args: Value, options: &RequestOptions) -> Result<TypedJson> {
        self.invoke_json_typed_with_meta(operation, args, options).await.map(|(typed, _)| typed)
    }

    /// Like [`invoke_json_typed`](Self::invoke_json_typed), with the response metadata (`None` for
    /// helpers that make several requests or none).
    pub async fn invoke_json_typed_with_meta(
        &self,
        operation: &str,
        args: Value,
        options: &RequestOptions,
    ) -> Result<(TypedJson, Option<ResponseMeta>)> {
        match operation {
            "jobs.wait" => {
                let args: WaitArgs<GetJobParams> = arguments(operation, args)?;
                let job = wait_for::<GetJob>(self, args.target, &args.wait.into_options(options)).await?;
                Ok((TypedJson::new(job), None))
            }
            "conversations.wait" => {
                let args: WaitArgs<GetConversationParams> = arguments(operation, args)?;
                let conversation =
                    wait_for::<GetConversation>(self, args.target, &args.wait.into_options(options)).await?;
                Ok((TypedJson::new(conversation), None))
            }
            "webhooks.verify" | "webhooks.parse" => Ok((TypedJson::new(invoke_offline(operation, args)?), None)),
            _ => {
                let entry = find(operation)?;
                let (typed, meta) = (entry.invoke)(self.clone(), args, options.clone()).await?;
                Ok((typed, Some(meta)))
            }
        }
    }

    /// A pager over a paged list operation (`"phone_numbers.list"`, `"conversations.list"`).
    pub fn pager_json(&self, operation: &str, args: Value, options: &RequestOptions) -> Result<JsonPager> {
        let entry = find(operation)?;
        let paginate = entry
            .paginate
            .ok_or_else(|| Error::invalid_argument("operation", format!("{operation} does not return pages")))?;
        let items_field = entry.items_field.unwrap_or("items");
        Ok(JsonPager { stream: paginate(self.clone(), args, options.clone())?, items_field })
    }

    /// Every item of every page of a paged list operation.
    pub async fn paginate_json(&self, operation: &str, args: Value, options: &RequestOptions) -> Result<Vec<Value>> {
        let mut pager = self.pager_json(operation, args, options)?;
        let mut items = Vec::new();
        while let Some(page) = pager.next_page().await {
            items.extend(page?.items);
        }
        Ok(items)
    }
}

fn find(operation: &str) -> Result<&'static DynamicEndpoint> {
    DYNAMIC
        .iter()
        .find(|d| d.spec.name == operation)
        .ok_or_else(|| Error::invalid_argument("operation", format!("unknown operation {operation:?}")))
}

/// `invoke` of the dispatch table: JSON in, typed operation, JSON out.
pub(crate) fn invoke_endpoint<E: Endpoint>(
    client: Client,
    args: Value,
    options: RequestOptions,
) -> BoxFuture<Result<(TypedJson, ResponseMeta)>> {
    Box::pin(async move {
        let request: E::Request = arguments(E::SPEC.name, args)?;
        let response = client.execute::<E>(&request, &options).await?;
        Ok((TypedJson::new(response.data), response.meta))
    })
}

/// `paginate` of the dispatch table, for paged endpoints.
#[doc(hidden)]
pub fn paginate_endpoint<E>(client: Client, args: Value, options: RequestOptions) -> Result<PageStream>
where
    E: Endpoint,
    E::Request: PagedRequest,
    E::Response: Paginated,
{
    let request: E::Request = arguments(E::SPEC.name, args)?;
    let stream = pages::<E>(client, request, options).map(|page| page.map(TypedJson::new));
    Ok(Box::pin(stream))
}

/// Arguments as the typed request; a missing, unknown or mistyped field is an invalid argument.
fn arguments<T: DeserializeOwned>(operation: &str, args: Value) -> Result<T> {
    let args = if args.is_null() { Value::Object(Default::default()) } else { args };
    T::deserialize(args).map_err(|e| {
        Error::invalid_argument(operation, format!("invalid arguments: {}", scrub_serde_message(&e.to_string())))
    })
}

fn to_json(value: &impl serde::Serialize) -> Result<Value> {
    serde_json::to_value(value).map_err(|e| Error::new(crate::error::ErrorKind::Decode, e.to_string()))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WaitArgs<T> {
    #[serde(flatten)]
    target: T,
    #[serde(flatten)]
    wait: WaitArgsTiming,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WaitArgsTiming {
    poll_interval_ms: Option<u64>,
    timeout_ms: Option<u64>,
}

impl WaitArgsTiming {
    fn into_options(self, request: &RequestOptions) -> WaitOptions {
        let mut options = WaitOptions { request: request.clone(), ..WaitOptions::default() };
        if let Some(ms) = self.poll_interval_ms {
            options = options.with_poll_interval(Duration::from_millis(ms));
        }
        if let Some(ms) = self.timeout_ms {
            options = options.with_timeout(Duration::from_millis(ms));
        }
        options
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct VerifyArgs {
    authorization: Option<String>,
    auth_key: String,
    auth_secret: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ParseArgs {
    body: String,
}

/// The operations that need no client (the webhook helpers), by public name, with wire-JSON arguments.
pub fn invoke_offline(operation: &str, args: Value) -> Result<Value> {
    if operation == "webhooks.verify" {
        let args: VerifyArgs = arguments(operation, args)?;
        webhooks::verify(args.authorization.as_deref(), &WebhookAuth::new(args.auth_key, args.auth_secret))?;
        Ok(Value::Bool(true))
    } else if operation == "webhooks.parse" {
        let args: ParseArgs = arguments(operation, args)?;
        to_json(&webhooks::parse(args.body.as_bytes())?)
    } else {
        Err(Error::invalid_argument("operation", format!("{operation:?} needs a client")))
    }
}
