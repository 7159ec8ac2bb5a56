//! The JSON face of the SDK: every operation by its public name, with wire-JSON arguments, and its result
//! still typed. Bindings and conformance runners call this; the typed API and this share every line of
//! behaviour, because each entry deserializes into the typed request and runs the typed operation.
//!
//! There is one way in for each shape of operation: [`Client::invoke_json`] (plain operations and
//! waiters), [`Client::pager_json`] (paged ones) and [`invoke_offline`] (those that need no client).

mod bridge;
mod helpers;

pub use bridge::{catch_panic, catch_panic_async, panic_message, parse_arguments};
pub(crate) use helpers::HELPERS;
pub use helpers::{ParseWebhookParams, VerifyWebhookParams, WaitForConversationParams, WaitForJobParams};

use crate::client::Client;
use crate::config::RequestOptions;
use crate::endpoint::{Endpoint, EndpointSpec, OperationKind};
use crate::endpoints::JSON_ENDPOINTS;
use crate::error::{Error, Result};
use crate::paging::{PagedRequest, Paginated, pages};
use crate::response::ResponseMeta;
use crate::secret::scrub_serde_message;
use crate::typed_json::TypedJson;
use futures_core::Stream;
use futures_util::StreamExt;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::future::Future;
use std::pin::Pin;

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;
/// Pages, still typed.
type PageStream = Pin<Box<dyn Stream<Item = Result<TypedJson>> + Send>>;

/// Results cross still typed: a binding serializes them straight into its own objects (or takes the
/// text), without an intermediate `Value` tree or a text to parse again.
pub(crate) type InvokeFn = fn(Client, Value, RequestOptions) -> BoxFuture<Result<JsonResult>>;
#[doc(hidden)]
pub type PaginateFn = fn(Client, Value, RequestOptions) -> Result<PageStream>;
pub(crate) type SchemasFn = fn(&mut schemars::SchemaGenerator) -> (schemars::Schema, schemars::Schema);

/// One endpoint's JSON entry points.
pub(crate) struct JsonEndpoint {
    pub spec: EndpointSpec,
    pub invoke: InvokeFn,
    pub paginate: Option<PaginateFn>,
    /// The JSON Schemas of the request and the response, for the catalog.
    pub schemas: SchemasFn,
}

pub(crate) fn schemas_of<E: Endpoint>(generator: &mut schemars::SchemaGenerator) -> (schemars::Schema, schemars::Schema)
where
    E::Request: schemars::JsonSchema,
    E::Response: schemars::JsonSchema,
{
    (generator.subschema_for::<E::Request>(), generator.subschema_for::<E::Response>())
}

/// A result with the metadata of the response it came from (`None` for operations that made several
/// requests, such as waiters).
#[derive(Debug)]
pub struct JsonResult {
    pub data: TypedJson,
    pub meta: Option<ResponseMeta>,
}

/// Every operation name the JSON face accepts: the endpoints, then the helpers.
pub fn operation_names() -> Vec<&'static str> {
    JSON_ENDPOINTS.iter().map(|d| d.spec.name).chain(HELPERS.iter().map(|h| h.name)).collect()
}

/// What kind of operation `name` is, or `None` for a name the SDK does not have.
pub fn operation_kind(name: &str) -> Option<OperationKind> {
    match JSON_ENDPOINTS.iter().find(|d| d.spec.name == name) {
        Some(endpoint) => Some(endpoint.spec.kind()),
        None => HELPERS.iter().find(|h| h.name == name).map(|h| h.kind),
    }
}

/// Walks a list page by page (for bindings' iterators).
pub struct JsonPager {
    stream: PageStream,
    items_field: &'static str,
}

impl JsonPager {
    /// The next page still typed (see [`TypedJson`]), or `None` after the last one. Its items are under
    /// [`items_field`](Self::items_field).
    pub async fn next_page(&mut self) -> Option<Result<TypedJson>> {
        self.stream.next().await
    }

    /// The field of each page that holds its items (`"items"`, `"calls"`); the catalog names it too.
    pub fn items_field(&self) -> &'static str {
        self.items_field
    }

    /// Every item of every page that is left, as wire JSON.
    pub async fn all_items(mut self) -> Result<Vec<Value>> {
        let mut items = Vec::new();
        while let Some(page) = self.next_page().await {
            if let Value::Object(mut page) = page?.to_value()? {
                if let Some(Value::Array(page_items)) = page.remove(self.items_field) {
                    items.extend(page_items);
                }
            }
        }
        Ok(items)
    }
}

impl Client {
    /// Runs a plain operation or a waiter by its public name (`"calls.create_twilio"`, `"jobs.wait"`)
    /// with wire-JSON arguments. Invalid arguments fail before anything is sent.
    pub async fn invoke_json(&self, operation: &str, args: Value, options: &RequestOptions) -> Result<JsonResult> {
        if let Some(endpoint) = JSON_ENDPOINTS.iter().find(|d| d.spec.name == operation) {
            // A paged endpoint called this way gives one page, as it was decoded.
            return (endpoint.invoke)(self.clone(), args, options.clone()).await;
        }
        match HELPERS.iter().find(|h| h.name == operation).map(|h| &h.run) {
            Some(helpers::HelperRun::Waiter(run)) => {
                Ok(JsonResult { data: run(self.clone(), args, options.clone()).await?, meta: None })
            }
            Some(helpers::HelperRun::Offline(run)) => Ok(JsonResult { data: run(args)?, meta: None }),
            None => Err(unknown(operation)),
        }
    }

    /// A pager over a paged operation (`"phone_numbers.list"`, `"conversations.list"`).
    pub fn pager_json(&self, operation: &str, args: Value, options: &RequestOptions) -> Result<JsonPager> {
        let endpoint = JSON_ENDPOINTS.iter().find(|d| d.spec.name == operation).ok_or_else(|| unknown(operation))?;
        match (endpoint.paginate, endpoint.spec.items_field) {
            (Some(paginate), Some(items_field)) => {
                Ok(JsonPager { stream: paginate(self.clone(), args, options.clone())?, items_field })
            }
            _ => Err(Error::invalid_argument("operation", format!("{operation} does not return pages"))),
        }
    }
}

/// Runs an operation that needs no client (the webhook helpers) by its public name.
pub fn invoke_offline(operation: &str, args: Value) -> Result<TypedJson> {
    match HELPERS.iter().find(|h| h.name == operation).map(|h| &h.run) {
        Some(helpers::HelperRun::Offline(run)) => run(args),
        Some(_) => Err(Error::invalid_argument("operation", format!("{operation:?} needs a client"))),
        None => Err(unknown(operation)),
    }
}

fn unknown(operation: &str) -> Error {
    Error::invalid_argument("operation", format!("unknown operation {operation:?}"))
}

/// `invoke` of the dispatch table: JSON in, typed operation, typed result out.
pub(crate) fn invoke_endpoint<E: Endpoint>(
    client: Client,
    args: Value,
    options: RequestOptions,
) -> BoxFuture<Result<JsonResult>> {
    Box::pin(async move {
        let request: E::Request = arguments(E::SPEC.name, args)?;
        let response = client.execute::<E>(&request, &options).await?;
        Ok(JsonResult { data: TypedJson::new(response.data), meta: Some(response.meta) })
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
pub(crate) fn arguments<T: DeserializeOwned>(operation: &str, args: Value) -> Result<T> {
    let args = if args.is_null() { Value::Object(Default::default()) } else { args };
    T::deserialize(args).map_err(|e| {
        Error::invalid_argument(operation, format!("invalid arguments: {}", scrub_serde_message(&e.to_string())))
    })
}
