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

pub mod ai_content;
pub mod analytics;
pub mod calls;
pub mod conversations;
pub mod jobs;
pub mod knowledge_base;
pub mod phone_numbers;
pub mod projects;
pub mod secrets;
pub mod statistics;
pub mod transcriptions;
pub mod tts;
pub mod voice_agents;
pub mod voice_dictionaries;
pub mod web_calls;
pub mod web_tools;

pub use ai_content::*;
pub use analytics::*;
pub use calls::*;
pub use conversations::*;
pub use jobs::*;
pub use knowledge_base::*;
pub use phone_numbers::*;
pub use projects::*;
pub use secrets::*;
pub use statistics::*;
pub use transcriptions::*;
pub use tts::*;
pub use voice_agents::*;
pub use voice_dictionaries::*;
pub use web_calls::*;
pub use web_tools::*;

/// The endpoint table. Calls `$callback!` with every resource and its methods, in this grammar (the
/// clauses after the types are optional, in this order):
///
/// ```text
/// resource / ResourceType {
///     /// docs
///     method: OperationType = HTTP_METHOD "/path/{wireName}", SafetyClass, RequestType => ResponseType
///         [, query = ["wireName", ..]]          body methods: these fields go in the query string
///         [, body = json]                       GET/DELETE: the fields go in a JSON body, not the query
///         [, result = envelope]                 the answer has no `data`: the result is the envelope
///         [, keep = ["wireName", ..]]           top-level answer fields next to `data` kept in the result
///         [, positional = "wireName"]           the argument a user passes first (an id)
///         [, paged { items: "wire" => field: ItemType, page: field, size: field = DEFAULT, total: field | ..
///                    [, total_pages: field] }]
///         [, follow = "resource.waiter" from "wireName"]   the result can be waited on
///         [, project = "wireName"];             the project id: when left out, the API key's project
/// }
/// ```
///
/// `paged` says how to walk the list: the page's field that holds the items (wire name, Rust field,
/// item type), the request's 1-based page field and page-size field with the server's default size, and
/// the page's fields that give the list's total, first present wins, and optionally (`total_pages`) the
/// page's field that gives the number of pages: the walk stops after that page. `body = json` is for the routes that
/// take a JSON body on a method that usually has none (`DELETE .../knowledge-base/{id}/url`); `result =
/// envelope` for the routes that answer `{success, message, messageKey}` with no `data` (their response
/// type is [`Acknowledgement`](crate::models::Acknowledgement)); `keep` for answers that put a field of the
/// result next to `data` (`GET /v1/jobs`'s `previewUrl`): it is put into the data object.
/// `project` names the request's optional project-id field: a caller that leaves it out gets the API key's
/// project, which the client fetches once with `projects.get` and keeps.
#[macro_export]
macro_rules! for_each_endpoint {
    ($callback:ident) => {
        $callback! {
            calls / Calls {
                /// Place an outbound call from a number registered in Hamsa (any provider).
                create: CreateCall = POST "/v1/voice-agents/call", Unsafe,
                    $crate::endpoints::CreateCallParams => $crate::models::Job,
                    follow = "conversations.wait" from "id";
                /// Place an outbound call through a Twilio number.
                create_twilio: CreateTwilioCall = POST "/v1/voice-agents/twilio/call", Unsafe,
                    $crate::endpoints::CreateTwilioCallParams => $crate::models::Job,
                    follow = "conversations.wait" from "id";
                /// Place an outbound call through a custom phone number.
                create_with_phone_number: CreateCallWithPhoneNumber = POST "/v1/voice-agents/phone-number/call", Unsafe,
                    $crate::endpoints::CreateCallWithPhoneNumberParams => $crate::models::CallStarted,
                    follow = "conversations.wait" from "jobId";
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
                    $crate::endpoints::ListPhoneNumbersParams => $crate::models::PhoneNumberPage,
                    paged { items: "items" => items: $crate::models::PhoneNumber, page: skip, size: take = 10, total: total };
                /// Get one phone number by id.
                get: GetPhoneNumber = GET "/v1/voice-agents/phone-number", Safe,
                    $crate::endpoints::GetPhoneNumberParams => $crate::models::PhoneNumber,
                    positional = "pid";
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
                    $crate::endpoints::GetJobParams => $crate::models::Job,
                    keep = ["previewUrl"], positional = "jobId";
                /// Create a job (v2; type `TRANSCRIPTION`) from a media URL; answers its id.
                create: CreateJob = POST "/v2/jobs", Unsafe,
                    $crate::endpoints::CreateJobParams => $crate::models::JobStarted,
                    follow = "jobs.wait" from "jobId";
                /// List jobs of one type (v2), one page (`page` 1-based, `perPage` the page size).
                list: ListJobs = GET "/v2/jobs", Safe,
                    $crate::endpoints::ListJobsParams => $crate::models::JobListPage,
                    paged { items: "jobs" => jobs: $crate::models::JobListEntry, page: page, size: per_page = 10, total: total_count, total_pages: total_pages },
                    project = "projectId";
                /// Search jobs: filters and sort in the body, one page (`skip` = page number, `take` = page
                /// size). A read, sent as POST.
                search: SearchJobs = POST "/v1/jobs/all", Safe,
                    $crate::endpoints::SearchJobsParams => $crate::models::JobSummaryPage,
                    query = ["projectId"],
                    paged { items: "jobs" => jobs: $crate::models::JobSummary, page: skip, size: take = 10, total: filtered | total },
                    project = "projectId";
                /// Get one job as the v2 view shows it (a summary with its attributes).
                get_summary: GetJobSummary = GET "/v2/jobs/view/{id}", Safe,
                    $crate::endpoints::GetJobSummaryParams => $crate::models::JobSummary,
                    positional = "id", project = "projectId";
            }
            transcriptions / Transcriptions {
                /// Start a batch transcription of a media URL; answers the job's id (wait with `jobs.wait`).
                create: CreateTranscription = POST "/v1/jobs/transcribe", Unsafe,
                    $crate::endpoints::CreateTranscriptionParams => $crate::models::JobStarted,
                    follow = "jobs.wait" from "jobId";
            }
            ai_content / AiContent {
                /// Write standard AI content parts (summary, FAQ, ...) from a transcription job; answers the
                /// AI content job.
                create: CreateAiContent = POST "/v1/jobs/ai-content", Unsafe,
                    $crate::endpoints::CreateAiContentParams => $crate::models::Job,
                    query = ["jobId"], positional = "jobId", follow = "jobs.wait" from "id";
                /// Write AI content parts from prompts of your own; answers the AI content job.
                create_custom: CreateCustomAiContent = POST "/v1/jobs/ai-content/custom", Unsafe,
                    $crate::endpoints::CreateCustomAiContentParams => $crate::models::Job,
                    query = ["jobId"], positional = "jobId", follow = "jobs.wait" from "id";
                /// Get an AI content job and its parts.
                get: GetAiContent = GET "/v1/jobs/ai-content", Safe,
                    $crate::endpoints::AiContentJobParams => $crate::models::Job,
                    positional = "jobId";
                /// What AI content from a transcription job would cost.
                estimate: EstimateAiContent = GET "/v1/jobs/ai-content/estimate", Safe,
                    $crate::endpoints::AiContentJobParams => $crate::models::AiContentEstimate,
                    positional = "jobId";
                /// Transcribe a media URL and write one AI content part, in one job (v2); answers its id.
                create_with_transcription: CreateTranscriptionAiContent = POST "/v2/jobs/generate-transcription-ai-content", Unsafe,
                    $crate::endpoints::CreateTranscriptionAiContentParams => $crate::models::JobStarted,
                    follow = "jobs.wait" from "jobId";
            }
            conversations / Conversations {
                /// Get the full record of a call.
                get: GetConversation = GET "/v1/voice-agents/conversation/{conversationId}", Safe,
                    $crate::endpoints::GetConversationParams => $crate::models::Conversation,
                    positional = "conversationId";
                /// List calls, one page, filtered.
                list: ListConversations = GET "/v1/voice-agents/conversations/minimal-list", Safe,
                    $crate::endpoints::ListConversationsParams => $crate::models::ConversationPage,
                    paged { items: "calls" => calls: $crate::models::ConversationSummary, page: page, size: per_page = 100, total: filtered | total };
            }
            knowledge_base / KnowledgeBase {
                /// Add items to the knowledge base (texts, web pages, files). Returns the items created.
                create: CreateKnowledgeBaseItems = POST "/v1/voice-agents/knowledge-base", Unsafe,
                    $crate::endpoints::CreateKnowledgeBaseItemsParams => $crate::models::KnowledgeBaseItems;
                /// List knowledge-base items, one page, filtered (`skip` = page number, `take` = page size).
                list: ListKnowledgeBase = GET "/v1/voice-agents/knowledge-base/list", Safe,
                    $crate::endpoints::ListKnowledgeBaseParams => $crate::models::KnowledgeBasePage,
                    paged { items: "items" => items: $crate::models::KnowledgeBaseItem, page: skip, size: take = 10, total: filtered | total };
                /// Get one knowledge-base item.
                get: GetKnowledgeBaseItem = GET "/v1/voice-agents/knowledge-base/{id}", Safe,
                    $crate::endpoints::GetKnowledgeBaseItemParams => $crate::models::KnowledgeBaseItem,
                    positional = "id";
                /// Rename a knowledge-base item.
                update: UpdateKnowledgeBaseItem = PATCH "/v1/voice-agents/knowledge-base/{id}", Idempotent,
                    $crate::endpoints::UpdateKnowledgeBaseItemParams => $crate::models::KnowledgeBaseItem,
                    positional = "id";
                /// Remove one web page from a URL item. Returns the server's acknowledgement.
                delete_url: DeleteKnowledgeBaseUrl = DELETE "/v1/voice-agents/knowledge-base/{id}/url", Idempotent,
                    $crate::endpoints::DeleteKnowledgeBaseUrlParams => $crate::models::Acknowledgement,
                    body = json, result = envelope, positional = "id";
            }
            voice_dictionaries / VoiceDictionaries {
                /// Create a pronunciation dictionary.
                create: CreateVoiceDictionary = POST "/v1/voice-agents/voice-dictionaries", Unsafe,
                    $crate::endpoints::CreateVoiceDictionaryParams => $crate::models::VoiceDictionary;
                /// List dictionaries, one page (`skip` = page number, `take` = page size).
                list: ListVoiceDictionaries = GET "/v1/voice-agents/voice-dictionaries/list", Safe,
                    $crate::endpoints::ListVoiceDictionariesParams => $crate::models::VoiceDictionaryPage,
                    paged { items: "dictionaries" => dictionaries: $crate::models::VoiceDictionary, page: skip, size: take = 10, total: total };
                /// Change a dictionary's name or words (only what is set is sent).
                update: UpdateVoiceDictionary = PATCH "/v1/voice-agents/voice-dictionaries/{id}", Idempotent,
                    $crate::endpoints::UpdateVoiceDictionaryParams => $crate::models::VoiceDictionary,
                    positional = "id";
                /// Turn a dictionary on or off for an agent. Returns the server's acknowledgement.
                set_active: SetVoiceDictionaryActive = POST "/v1/voice-agents/voice-dictionaries/toggle-activation", Idempotent,
                    $crate::endpoints::SetVoiceDictionaryActiveParams => $crate::models::Acknowledgement,
                    result = envelope;
            }
            analytics / Analytics {
                /// Sessions and calls over a period: counts, durations, calls over time.
                overview: AnalyticsOverview = GET "/v1/agent-analytics/overview", Safe,
                    $crate::endpoints::AnalyticsParams => $crate::models::AnalyticsOverview;
                /// Latencies over a period (speech recognition, LLM, speech synthesis).
                performance: AnalyticsPerformance = GET "/v1/agent-analytics/performance", Safe,
                    $crate::endpoints::AnalyticsParams => $crate::models::AgentPerformance;
                /// Caller satisfaction over a period: NPS, CSAT, sentiment, resolution.
                satisfaction: AnalyticsSatisfaction = GET "/v1/agent-analytics/satisfaction", Safe,
                    $crate::endpoints::AnalyticsParams => $crate::models::AgentSatisfaction;
            }
            voice_agents / VoiceAgents {
                /// Create a voice agent (the nested v2 shape).
                create: CreateVoiceAgent = POST "/v2/voice-agents", Unsafe,
                    $crate::endpoints::CreateVoiceAgentParams => $crate::models::VoiceAgent;
                /// List voice agents (v2), one page, filtered and sorted (`skip` = page number, `take` = page size).
                list: ListVoiceAgents = GET "/v2/voice-agents", Safe,
                    $crate::endpoints::ListVoiceAgentsParams => $crate::models::VoiceAgentPage,
                    paged { items: "voiceAgents" => voice_agents: $crate::models::VoiceAgent, page: skip, size: take = 10, total: filtered | total };
                /// Get one voice agent (v2).
                get: GetVoiceAgent = GET "/v2/voice-agents/{voiceAgentId}", Safe,
                    $crate::endpoints::GetVoiceAgentParams => $crate::models::VoiceAgent,
                    positional = "voiceAgentId";
                /// Change a voice agent (v2): only the fields given are changed.
                update: UpdateVoiceAgent = PATCH "/v2/voice-agents/{voiceAgentId}", Idempotent,
                    $crate::endpoints::UpdateVoiceAgentParams => $crate::models::VoiceAgent,
                    positional = "voiceAgentId";
                /// Copy a voice agent or a template; the copy is returned in the flat v1 shape.
                clone: CloneVoiceAgent = POST "/v1/voice-agents/clone", Unsafe,
                    $crate::endpoints::CloneVoiceAgentParams => $crate::models::AgentDetails,
                    query = ["voiceAgentId"], positional = "voiceAgentId";
                /// Create a voice agent in the flat v1 shape.
                create_v1: CreateVoiceAgentV1 = POST "/v1/voice-agents", Unsafe,
                    $crate::endpoints::CreateVoiceAgentV1Params => $crate::models::AgentDetails;
                /// List voice agents in the flat v1 shape, one page (`skip` = page number, `take` = page size).
                list_v1: ListVoiceAgentsV1 = GET "/v1/voice-agents", Safe,
                    $crate::endpoints::ListVoiceAgentsV1Params => $crate::models::VoiceAgentV1Page,
                    paged { items: "voiceAgents" => voice_agents: $crate::models::AgentDetails, page: skip, size: take = 10, total: filtered | total };
                /// Get one voice agent in the flat v1 shape (deprecated by the API: prefer `get`).
                get_v1: GetVoiceAgentV1 = GET "/v1/voice-agents/{voiceAgentId}", Safe,
                    $crate::endpoints::GetVoiceAgentParams => $crate::models::AgentDetails,
                    positional = "voiceAgentId";
                /// Change a voice agent in the flat v1 shape: only the fields given are changed.
                update_v1: UpdateVoiceAgentV1 = PATCH "/v1/voice-agents/{voiceAgentId}", Idempotent,
                    $crate::endpoints::UpdateVoiceAgentV1Params => $crate::models::AgentDetails,
                    positional = "voiceAgentId";
            }
            web_tools / WebTools {
                /// Create a web tool (v2: versioned, version 1).
                create: CreateWebTool = POST "/v2/voice-agents/web-tool", Unsafe,
                    $crate::endpoints::CreateWebToolParams => $crate::models::WebTool;
                /// List web tools, one page (`skip` = page number, `take` = page size); the latest version of each.
                list: ListWebTools = GET "/v2/voice-agents/web-tool/list", Safe,
                    $crate::endpoints::ListWebToolsParams => $crate::models::WebToolPage,
                    paged { items: "items" => items: $crate::models::WebTool, page: skip, size: take = 10, total: filtered | total };
                /// Update a web tool: only the fields given are sent. Makes a new version (a new id, the same
                /// `persistentId`, `version` + 1), which is returned.
                update: UpdateWebTool = PATCH "/v2/voice-agents/web-tool/{id}", Idempotent,
                    $crate::endpoints::UpdateWebToolParams => $crate::models::WebTool,
                    positional = "id";
                /// Check whether tools have newer versions, and which of your overrides those conflict with.
                check_versions: CheckWebToolVersions = POST "/v2/voice-agents/web-tool/version-check", Safe,
                    $crate::endpoints::CheckWebToolVersionsParams => ::std::vec::Vec<$crate::models::WebToolVersionCheck>;
                /// Get one web tool (any version) by id.
                get: GetWebTool = GET "/v1/voice-agents/web-tool/{id}", Safe,
                    $crate::endpoints::GetWebToolParams => $crate::models::WebTool,
                    positional = "id";
                /// Call a tool's API once, as the agent would, and return the events of the test (the API
                /// answers JSON or a stream of server-sent events). `projectId` defaults to the API key's project.
                test: TestWebTool = POST "/v1/voice-agents/web-tool/test-api-tool", Unsafe,
                    $crate::endpoints::TestWebToolParams => $crate::models::WebToolTestEvents,
                    project = "projectId";
                /// Create a web tool (v1 route).
                create_v1: CreateWebToolV1 = POST "/v1/voice-agents/web-tool", Unsafe,
                    $crate::endpoints::CreateWebToolParams => $crate::models::WebTool;
                /// List web tools, one page (v1 route; `skip` = page number, `take` = page size).
                list_v1: ListWebToolsV1 = GET "/v1/voice-agents/web-tool/list", Safe,
                    $crate::endpoints::ListWebToolsV1Params => $crate::models::WebToolV1Page,
                    paged { items: "items" => items: $crate::models::WebTool, page: skip, size: take = 10, total: filtered | total };
                /// Update a web tool in place (v1 route): only the fields given are sent.
                update_v1: UpdateWebToolV1 = PATCH "/v1/voice-agents/web-tool/{id}", Idempotent,
                    $crate::endpoints::UpdateWebToolParams => $crate::models::WebTool,
                    positional = "id";
            }
            web_calls / WebCalls {
                /// Create a participant token for a browser call with an agent: the LiveKit access token (a
                /// secret) and the call's job id (read from the token when the answer leaves it out).
                create_token: CreateWebCallToken = POST "/v1/voice-agents/room/participant-token", Unsafe,
                    $crate::endpoints::CreateWebCallTokenParams => $crate::models::ParticipantToken;
                /// Start the conversation of a web call whose token was created.
                init: InitWebCall = POST "/v1/voice-agents/room/conversation-init", Unsafe,
                    $crate::endpoints::InitWebCallParams => $crate::models::ConversationInit;
                /// Start a web conversation (the older route); answers its job id.
                init_legacy: InitWebCallLegacy = POST "/v1/voice-agents/conversation-init", Unsafe,
                    $crate::endpoints::InitWebCallLegacyParams => $crate::models::ConversationInit;
            }
            projects / Projects {
                /// Get the project the API key belongs to; its `id` is the `projectId` other operations take
                /// (and fill in themselves when it is left out).
                get: GetProject = GET "/v1/projects/by-api-key", Safe,
                    $crate::endpoints::GetProjectParams => $crate::models::Project;
            }
            tts / Tts {
                /// Speak a text with a voice, as a job: its result (`jobResponse` `{text, ttsMediaFile}`) comes
                /// by webhook or `jobs.get`. A cloned voice must be preloaded first (`voices.preload`).
                create_job: CreateTtsJob = POST "/v1/jobs/text-to-speech", Unsafe,
                    $crate::endpoints::CreateTtsJobParams => $crate::models::TtsJob;
            }
            voices / Voices {
                /// Clone a voice from a sample; `tags` holds one gender and one style.
                create: CreateVoice = POST "/v2/tts/voices", Unsafe,
                    $crate::endpoints::CreateVoiceParams => $crate::models::CreatedVoice,
                    project = "projectId";
                /// List or search the voice catalogue, one page (`page` 1-based, `perPage` the size).
                list: ListVoices = GET "/v2/tts/voices", Safe,
                    $crate::endpoints::ListVoicesParams => $crate::models::VoicePage,
                    paged { items: "voices" => voices: $crate::models::Voice, page: page, size: per_page = 10, total: total_count, total_pages: total_pages },
                    project = "projectId";
                /// Make a cloned voice ready for realtime use (once per voice). Returns the server's acknowledgement.
                preload: PreloadVoice = POST "/v2/tts/voices/custom/preload", Idempotent,
                    $crate::endpoints::PreloadVoiceParams => $crate::models::Acknowledgement,
                    result = envelope;
                /// Transcribe a voice sample (the `audioTranscription` of `voices.create`).
                extract_transcription: ExtractVoiceTranscription = POST "/v2/tts/voices/extract-transcription", Unsafe,
                    $crate::endpoints::ExtractVoiceTranscriptionParams => $crate::models::VoiceTranscription,
                    project = "projectId";
            }
            tts_histories / TtsHistories {
                /// Speak a script and keep it in the TTS history. Returns the server's acknowledgement.
                create: CreateTtsHistory = POST "/v2/tts/histories", Unsafe,
                    $crate::endpoints::CreateTtsHistoryParams => $crate::models::Acknowledgement,
                    result = envelope;
                /// List the TTS history, one page (`page` 1-based, `perPage` the size; both always sent).
                list: ListTtsHistories = GET "/v2/tts/histories", Safe,
                    $crate::endpoints::ListTtsHistoriesParams => $crate::models::TtsHistoryPage,
                    paged { items: "ttsHistories" => tts_histories: $crate::models::TtsHistory, page: page, size: per_page = 10, total: total_count, total_pages: total_pages },
                    project = "projectId";
                /// Get one TTS history entry.
                get: GetTtsHistory = GET "/v2/tts/histories/{id}", Safe,
                    $crate::endpoints::GetTtsHistoryParams => $crate::models::TtsHistory,
                    positional = "id", project = "projectId";
            }
            statistics / Statistics {
                /// The project's usage over a period: tokens, transcription, price, requests.
                totals: StatisticsTotals = GET "/v1/projects/statistics/numbers", Safe,
                    $crate::endpoints::StatisticsParams => $crate::models::UsageTotals,
                    project = "projectId";
                /// The project's usage over a period, as time series (cost, requests, transcription, tokens).
                chart: StatisticsChart = GET "/v1/projects/statistics/chart", Safe,
                    $crate::endpoints::StatisticsParams => $crate::models::UsageChart,
                    project = "projectId";
            }
            secrets / Secrets {
                /// Store a secret in the project (for tools). Its value is never shown nor returned.
                create: CreateSecret = POST "/v1/projects/secrets", Unsafe,
                    $crate::endpoints::CreateSecretParams => $crate::models::ProjectSecret;
                /// Change a secret: only the fields given are sent. Its value is never shown nor returned.
                update: UpdateSecret = PATCH "/v1/projects/secrets/{id}", Idempotent,
                    $crate::endpoints::UpdateSecretParams => $crate::models::ProjectSecret,
                    positional = "id";
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

/// `Some(x)` for a clause that is there, `None` for one that is not.
#[doc(hidden)]
#[macro_export]
macro_rules! __optional {
    () => {
        None
    };
    ($value:expr) => {
        Some($value)
    };
}

/// The `body = json` clause: `true` when it is there. Any other word than `json` does not compile.
#[doc(hidden)]
#[macro_export]
macro_rules! __json_body {
    () => {
        false
    };
    (json) => {
        true
    };
}

/// The `result = envelope` clause: `true` when it is there. Any other word than `envelope` does not compile.
#[doc(hidden)]
#[macro_export]
macro_rules! __envelope_result {
    () => {
        false
    };
    (envelope) => {
        true
    };
}

/// The JSON pager of a paged endpoint. `$_paged` is any token of its `paged` clause: it only makes the
/// caller's `$(..)?` repeat once for paged endpoints and never for the others.
#[doc(hidden)]
#[macro_export]
macro_rules! __paginate_fn {
    ($op:ty, $_paged:literal) => {
        $crate::json_api::paginate_endpoint::<$op> as $crate::json_api::PaginateFn
    };
}

/// The core's expansion of the table.
macro_rules! define_endpoints {
    ($(
        $resource:ident / $Resource:ident {
            $(
                $(#[doc = $doc:literal])*
                $method:ident : $Op:ident = $http:ident $path:literal, $safety:ident, $Req:ty => $Resp:ty
                    $(, query = [$($query:literal),*])?
                    $(, body = $body:ident)?
                    $(, result = $result:ident)?
                    $(, keep = [$($keep:literal),*])?
                    $(, positional = $positional:literal)?
                    $(, paged {
                        items: $items_wire:literal => $items:ident : $Item:ty,
                        page: $page:ident,
                        size: $size:ident = $default_size:literal,
                        total: $($total:ident)|+
                        $(, total_pages: $total_pages:ident)?
                    })?
                    $(, follow = $follow:literal from $follow_from:literal)?
                    $(, project = $project:literal)?;
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
                        json_body: $crate::__json_body!($($body)?),
                        envelope_result: $crate::__envelope_result!($($result)?),
                        kept_fields: &[$($($keep),*)?],
                        positional: $crate::__optional!($($positional)?),
                        items_field: $crate::__optional!($($items_wire)?),
                        follow: $crate::__optional!($($crate::endpoint::Follow {
                            operation: $follow,
                            from: $follow_from,
                        })?),
                        project: $crate::__optional!($($project)?),
                        summary: concat!($($doc),*),
                    };
                    type Request = $Req;
                    type Response = $Resp;
                }

                $(
                    impl $crate::paging::PagedRequest for $Req {
                        fn page(&self) -> u32 {
                            self.$page.unwrap_or(1)
                        }
                        fn set_page(&mut self, page: u32) {
                            self.$page = Some(page);
                        }
                        fn page_size(&self) -> u32 {
                            self.$size.unwrap_or($default_size)
                        }
                    }

                    impl $crate::paging::Paginated for $Resp {
                        type Item = $Item;
                        fn items(&self) -> &[$Item] {
                            &self.$items
                        }
                        fn into_items(self) -> Vec<$Item> {
                            self.$items
                        }
                        fn total(&self) -> Option<u64> {
                            None$(.or(self.$total))+
                        }
                        $(
                            fn total_pages(&self) -> Option<u64> {
                                self.$total_pages
                            }
                        )?
                    }
                )?
            )*)*
        }

        /// Every endpoint's declaration, in table order.
        pub const ENDPOINTS: &[$crate::endpoint::EndpointSpec] = &[
            $($(<ops::$Op as $crate::endpoint::Endpoint>::SPEC,)*)*
        ];

        /// The JSON entry points of every endpoint, for bindings and runners.
        pub(crate) const JSON_ENDPOINTS: &[$crate::json_api::JsonEndpoint] = &[
            $($(
                $crate::json_api::JsonEndpoint {
                    spec: <ops::$Op as $crate::endpoint::Endpoint>::SPEC,
                    invoke: $crate::json_api::invoke_endpoint::<ops::$Op>,
                    paginate: $crate::__optional!($($crate::__paginate_fn!(ops::$Op, $items_wire))?),
                    schemas: $crate::json_api::schemas_of::<ops::$Op>,
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
                    /// Returns a [`PendingRequest`](crate::PendingRequest): `.await` it, or set per-request
                    /// options first.
                    pub fn $method(&self, params: $Req) -> $crate::PendingRequest<ops::$Op> {
                        $crate::PendingRequest::new(self.client.clone(), params)
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
