//! Every endpoint of the API, declared once.
//!
//! [`for_each_endpoint!`](crate::for_each_endpoint) holds the table: per resource, per method, the HTTP
//! method, path template, safety class, request and response types. The core expands it (below) into an
//! [`Endpoint`](crate::endpoint::Endpoint) type per operation, the typed resource methods
//! (`client.calls().create_twilio(..)`), the list of [`ENDPOINTS`] and the JSON dispatch table that the
//! bindings and the conformance runner use. A binding can expand the same table with a macro of its own.
//!
//! To add an endpoint: add one line to the table (and its request type, if new), then its scenarios in
//! `tests/scenarios/`. Nothing else is needed for it to reach every language.

pub mod calls;
pub mod conversations;
pub mod jobs;
pub mod phone_numbers;

pub use calls::*;
pub use conversations::*;
pub use jobs::*;
pub use phone_numbers::*;

/// The endpoint table. Calls `$callback!` with every resource and its methods, in this grammar:
///
/// ```text
/// resource / ResourceType {
///     /// docs
///     method: OperationType = HTTP_METHOD "/path/{param}", SafetyClass, RequestType => ResponseType
///         [, query = ["field", ..]] [, paged];
/// }
/// ```
#[macro_export]
macro_rules! for_each_endpoint {
    ($callback:ident) => {
        $callback! {
            calls / Calls {
                /// Place an outbound call from a number registered in Hamsa (any provider).
                create: CreateCall = POST "/v1/voice-agents/call", Unsafe,
                    $crate::endpoints::CreateCallParams => $crate::models::Job;
                /// Place an outbound call through a Twilio number.
                create_twilio: CreateTwilioCall = POST "/v1/voice-agents/twilio/call", Unsafe,
                    $crate::endpoints::CreateTwilioCallParams => $crate::models::Job;
                /// Place an outbound call through a custom phone number.
                create_with_phone_number: CreateCallWithPhoneNumber = POST "/v1/voice-agents/phone-number/call", Unsafe,
                    $crate::endpoints::CreateCallWithPhoneNumberParams => $crate::models::CallStarted;
            }
            phone_numbers / PhoneNumbers {
                /// Register a phone number (TWILIO or SIP).
                add: AddPhoneNumber = POST "/v1/voice-agents/phone-number", Unsafe,
                    $crate::endpoints::AddPhoneNumberParams => $crate::models::PhoneNumber;
                /// Register a Twilio number (legacy route).
                add_twilio: AddTwilioPhoneNumber = POST "/v1/voice-agents/twilio/phone-number", Unsafe,
                    $crate::endpoints::AddTwilioPhoneNumberParams => $crate::models::PhoneNumber;
                /// List phone numbers, one page (`skip` = page number, `take` = page size).
                list: ListPhoneNumbers = GET "/v1/voice-agents/phone-number/list", Safe,
                    $crate::endpoints::ListPhoneNumbersParams => $crate::models::PhoneNumberPage, paged;
                /// Get one phone number by id.
                get: GetPhoneNumber = GET "/v1/voice-agents/phone-number", Safe,
                    $crate::endpoints::GetPhoneNumberParams => $crate::models::PhoneNumber;
                /// Assign a phone number to a voice agent.
                assign: AssignPhoneNumber = POST "/v1/voice-agents/assign-number", Idempotent,
                    $crate::endpoints::AssignPhoneNumberParams => $crate::models::PhoneNumber;
                /// Assign a Twilio number to a voice agent.
                assign_twilio: AssignTwilioNumber = POST "/v1/voice-agents/twilio/assign-number", Idempotent,
                    $crate::endpoints::AssignTwilioNumberParams => $crate::models::PhoneNumber;
                /// Detach a phone number from its voice agent(s). Returns the server's confirmation text.
                unassign: UnassignPhoneNumber = POST "/v1/voice-agents/unassign", Idempotent,
                    $crate::endpoints::UnassignPhoneNumberParams => ::serde_json::Value;
            }
            jobs / Jobs {
                /// Get a job (any type, including call jobs).
                get: GetJob = GET "/v1/jobs", Safe,
                    $crate::endpoints::GetJobParams => $crate::models::Job;
            }
            conversations / Conversations {
                /// Get the full record of a call.
                get: GetConversation = GET "/v1/voice-agents/conversation/{conversationId}", Safe,
                    $crate::endpoints::GetConversationParams => $crate::models::Conversation;
                /// List calls, one page, filtered.
                list: ListConversations = GET "/v1/voice-agents/conversations/minimal-list", Safe,
                    $crate::endpoints::ListConversationsParams => $crate::models::ConversationPage, paged;
            }
        }
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __http_method {
    (GET) => {
        $crate::endpoint::HttpMethod::Get
    };
    (POST) => {
        $crate::endpoint::HttpMethod::Post
    };
    (PUT) => {
        $crate::endpoint::HttpMethod::Put
    };
    (PATCH) => {
        $crate::endpoint::HttpMethod::Patch
    };
    (DELETE) => {
        $crate::endpoint::HttpMethod::Delete
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __is_paged {
    (paged) => {
        true
    };
    () => {
        false
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __paginate_fn {
    (paged $op:ty) => {
        Some($crate::dynamic::paginate_endpoint::<$op> as $crate::dynamic::PaginateFn)
    };
    ($op:ty) => {
        None
    };
}

/// `Some(field)` for a paged endpoint: the field of its page that holds the items.
#[doc(hidden)]
#[macro_export]
macro_rules! __items_field {
    (paged $op:ty) => {
        Some(<<$op as $crate::endpoint::Endpoint>::Response as $crate::paging::Paginated>::ITEMS_FIELD)
    };
    ($op:ty) => {
        None
    };
}

/// The core's expansion of the table.
macro_rules! define_endpoints {
    ($(
        $resource:ident / $Resource:ident {
            $(
                $(#[doc = $doc:literal])*
                $method:ident : $Op:ident = $http:ident $path:literal, $safety:ident, $Req:ty => $Resp:ty
                    $(, query = [$($query:literal),*])? $(, $paged:ident)?;
            )*
        }
    )*) => {
        /// One type per operation, implementing [`Endpoint`](crate::endpoint::Endpoint).
        pub mod ops {
            $($(
                $(#[doc = $doc])*
                #[derive(Debug, Clone, Copy)]
                pub struct $Op;

                impl $crate::endpoint::Endpoint for $Op {
                    const SPEC: $crate::endpoint::EndpointSpec = $crate::endpoint::EndpointSpec {
                        name: concat!(stringify!($resource), ".", stringify!($method)),
                        resource: stringify!($resource),
                        method_name: stringify!($method),
                        http_method: $crate::__http_method!($http),
                        path: $path,
                        safety: $crate::endpoint::Safety::$safety,
                        query_fields: &[$($($query),*)?],
                        paged: $crate::__is_paged!($($paged)?),
                        summary: concat!($($doc),*),
                    };
                    type Request = $Req;
                    type Response = $Resp;
                }
            )*)*
        }

        /// Every endpoint's declaration, in table order.
        pub const ENDPOINTS: &[$crate::endpoint::EndpointSpec] = &[
            $($(<ops::$Op as $crate::endpoint::Endpoint>::SPEC,)*)*
        ];

        /// The JSON entry points of every endpoint, for bindings and runners.
        pub(crate) const DYNAMIC: &[$crate::dynamic::DynamicEndpoint] = &[
            $($(
                $crate::dynamic::DynamicEndpoint {
                    spec: <ops::$Op as $crate::endpoint::Endpoint>::SPEC,
                    invoke: $crate::dynamic::invoke_endpoint::<ops::$Op>,
                    paginate: $crate::__paginate_fn!($($paged)? ops::$Op),
                    items_field: $crate::__items_field!($($paged)? ops::$Op),
                    schemas: $crate::dynamic::schemas_of::<ops::$Op>,
                },
            )*)*
        ];

        /// Serializes `value` as the response type of an endpoint (statically dispatched), or gives the
        /// serializer back if `value` is of none of them.
        pub(crate) fn serialize_response<S: ::serde::Serializer>(
            value: &dyn ::std::any::Any,
            serializer: S,
        ) -> Result<Result<S::Ok, S::Error>, S> {
            $($(
                if let Some(value) = value.downcast_ref::<$Resp>() {
                    return Ok(::serde::Serialize::serialize(value, serializer));
                }
            )*)*
            Err(serializer)
        }

        $(
            #[doc = concat!("The `", stringify!($resource), "` operations; get it from [`Client::", stringify!($resource), "`](crate::Client::", stringify!($resource), ").")]
            #[derive(Debug, Clone, Copy)]
            pub struct $Resource<'a> {
                client: &'a $crate::Client,
            }

            impl<'a> $Resource<'a> {
                /// The client these operations run on.
                pub fn client(&self) -> &'a $crate::Client {
                    self.client
                }

                $(
                    $(#[doc = $doc])*
                    ///
                    /// Returns a [`Call`](crate::Call): `.await` it, or set per-request options first.
                    pub fn $method(&self, params: $Req) -> $crate::Call<ops::$Op> {
                        $crate::Call::new(self.client.clone(), params)
                    }
                )*
            }

            impl $crate::Client {
                #[doc = concat!("The `", stringify!($resource), "` operations.")]
                pub fn $resource(&self) -> $Resource<'_> {
                    $Resource { client: self }
                }
            }
        )*
    };
}

for_each_endpoint!(define_endpoints);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_well_formed() {
        let mut names: Vec<_> = ENDPOINTS.iter().map(|e| e.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), ENDPOINTS.len());
        for spec in ENDPOINTS {
            assert_eq!(spec.name, format!("{}.{}", spec.resource, spec.method_name));
            assert!(spec.path.starts_with("/v"), "{}", spec.path);
            assert!(!spec.summary.is_empty(), "{} has no summary", spec.name);
        }
    }

    #[test]
    fn creating_calls_and_billed_resources_is_never_repeated() {
        for spec in ENDPOINTS {
            let creates =
                spec.name.contains("create") || spec.name.ends_with(".add") || spec.name.ends_with(".add_twilio");
            if creates {
                assert_eq!(spec.safety, crate::endpoint::Safety::Unsafe, "{}", spec.name);
            }
            if spec.http_method == crate::endpoint::HttpMethod::Get {
                assert_eq!(spec.safety, crate::endpoint::Safety::Safe, "{}", spec.name);
            }
        }
    }
}
