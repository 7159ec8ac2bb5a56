// Type test (ESM): uses every public name of index.d.ts; each `@ts-expect-error` line must be an error.
import {
  Hamsa, HamsaError, AuthenticationError, PermissionDeniedError, NotFoundError, ConflictError, BadRequestError,
  InsufficientBalanceError, RateLimitedError, ServerError, HttpStatusError, ApiError, TimeoutError, ConnectionError,
  DecodeError, InvalidArgumentError, OutcomeUnknownError, CancelledError, ConfigurationError,
  WebhookVerificationError, InternalError, PageIterator, webhooks, VERSION,
} from 'hamsa';
import type {
  ClientOptions, RequestOptions, Page, ErrorCode, Attempt, Job, JobStatus, JobType, PhoneNumber, PhoneNumberPage,
  PhoneNumberType, Conversation, ConversationSummary, ConversationPage, CallParams, CallStarted, WebhookAuth,
  WebhookEvent, WebhookEventType, Secret, CreateCallParams, CreateTwilioCallParams, CreateCallWithPhoneNumberParams,
  AddPhoneNumberParams, AddTwilioPhoneNumberParams, ListPhoneNumbersParams, GetPhoneNumberParams,
  AssignPhoneNumberParams, AssignTwilioNumberParams, UnassignPhoneNumberParams, GetJobParams, GetConversationParams,
  ListConversationsParams, WaitForJobParams, WaitForConversationParams, VerifyWebhookParams, ParseWebhookParams,
  AgentCallSettings, AgentConversation, AgentDetails, AgentLlm, AgentPhoneNumber, AgentToolRef, AgentType, AgentVoice,
  AgentWorkflow, LlmConfigV1, VoiceAgent, VoiceAgentPage, VoiceAgentV1Page, VoiceAgentsResource, CreateVoiceAgentParams,
  ListVoiceAgentsParams, GetVoiceAgentParams, UpdateVoiceAgentParams, CloneVoiceAgentParams, CreateVoiceAgentV1Params,
  ListVoiceAgentsV1Params, UpdateVoiceAgentV1Params,
  CallsResource, PhoneNumbersResource, JobsResource, ConversationsResource, WebhooksResource,
} from 'hamsa';
import type {
  KnowledgeBaseResource, VoiceDictionariesResource, AnalyticsResource,
  Acknowledgement, AgentPerformance, AgentSatisfaction, AnalyticsOverview, AnalyticsParams, AnalyticsPeriod,
  CallsByDuration, CallsOverTime, CreateKnowledgeBaseItemsParams, CreateVoiceDictionaryParams,
  DeleteKnowledgeBaseUrlParams, DictionaryWord, GetKnowledgeBaseItemParams, KnowledgeBaseItem, KnowledgeBaseItemType,
  KnowledgeBaseItems, KnowledgeBasePage, ListKnowledgeBaseParams, ListVoiceDictionariesParams, NewDictionaryWord,
  NewKnowledgeBaseItem, SentimentDistribution, SetVoiceDictionaryActiveParams, UpdateKnowledgeBaseItemParams,
  UpdateVoiceDictionaryParams, VoiceDictionary, VoiceDictionaryPage,
} from 'hamsa';

const options: ClientOptions = {
  apiKey: 'k', baseUrl: 'https://api.tryhamsa.com', region: 'uae', authScheme: 'Bearer', timeout: 1, connectTimeout: 1,
  deadline: 1, maxRetries: 0, retryInitialDelay: 1, retryMaxDelay: 1, defaultHeaders: { 'x-a': 'b' },
};
const client = new Hamsa(options);
const request: RequestOptions = { timeout: 10_000, deadline: 1, maxRetries: 1, headers: {}, signal: AbortSignal.timeout(1) };

async function everything(): Promise<void> {
  const twilio: CreateTwilioCallParams = {
    toNumber: '+966500000001', twilioPhoneNumber: '+1234567890', voiceAgentId: 'a', params: { name: 'Sara' },
    webhookUrl: 'https://example.com/hook', webhookAuth: { authKey: 'Token', authSecret: 's' },
  };
  const job: Job = await client.calls.createTwilio(twilio, request);
  const status: JobStatus | null | undefined = job.status;
  const type: JobType | null | undefined = job.type;
  const params: CallParams | null | undefined = job.callParams;
  const userNumber: string | null | undefined = job.callParams?.userNumber;
  const unknownField: unknown = job['brandNewField'];
  const openStatus: JobStatus = 'SOMETHING_NEW'; // open enums accept unknown values
  const create: CreateCallParams = { toNumber: '+9665', fromNumber: '+9665' };
  await client.calls.create(create);
  const withNumber: CreateCallWithPhoneNumberParams = { toNumber: '+9665', phoneNumber: '+9665', agentDetails: {} };
  const started: CallStarted = await client.calls.createWithPhoneNumber(withNumber);
  const add: AddPhoneNumberParams = { type: 'SIP', phoneNumber: '+9665', label: 'x', sipPassword: 'p' };
  const addTwilio: AddTwilioPhoneNumberParams = { phoneNumber: '+1', label: 'l', twilioNumberSid: 'PN', twilioAccountSid: 'AC', twilioAuthToken: 't' };
  const numberType: PhoneNumberType = 'TWILIO';
  const added: PhoneNumber = await client.phoneNumbers.add(add);
  await client.phoneNumbers.addTwilio(addTwilio);
  const listParams: ListPhoneNumbersParams = { skip: 1, take: 10, provider: numberType };
  const numbers: PageIterator<PhoneNumber, PhoneNumberPage> = client.phoneNumbers.list(listParams, request);
  for await (const number of numbers) number.id.toUpperCase();
  for await (const page of numbers.pages()) {
    const typed: Page<PhoneNumber, PhoneNumberPage> = page;
    typed.data.total?.toFixed();
  }
  const first: PhoneNumberPage = await client.phoneNumbers.list().firstPage();
  const all: PhoneNumber[] = await numbers.toArray();
  const get: GetPhoneNumberParams = { pid: added.id };
  await client.phoneNumbers.get(get);
  const assign: AssignPhoneNumberParams = { voiceAgentId: 'a', phoneNumber: '+1' };
  await client.phoneNumbers.assign(assign);
  const assignTwilio: AssignTwilioNumberParams = { twilioPhoneNumber: '+1', voiceAgentId: 'a' };
  await client.phoneNumbers.assignTwilio(assignTwilio);
  const unassign: UnassignPhoneNumberParams = { phoneNumber: '+1' };
  const confirmation: unknown = await client.phoneNumbers.unassign(unassign);
  const inlineAgent: AgentDetails = { agentName: 'Sara', llmConfig: { modelName: 'GPT-4.1' } as LlmConfigV1, futureKey: 1 };
  const inlineJob: Job = await client.calls.createTwilio({ toNumber: '+1', twilioPhoneNumber: '+1', agentDetails: inlineAgent });
  inlineJob.agentDetails?.agentName?.toUpperCase();
  const agentType: AgentType = 'Flow Agent';
  const createAgent: CreateVoiceAgentParams = {
    name: 'Sara', type: agentType, conversation: { greetingMessage: 'Hi' } as AgentConversation,
    voice: { lang: 'en' } as AgentVoice, llm: { apiKey: 'sk' } as AgentLlm, callSettings: { interrupt: true } as AgentCallSettings,
    tools: [{ toolId: 't' } as AgentToolRef], phoneNumber: { type: 'SIP', id: 'n' } as AgentPhoneNumber, workflow: { nodes: [] } as AgentWorkflow,
  };
  const agents: VoiceAgentsResource = client.voiceAgents;
  void agents;
  const created: VoiceAgent = await client.voiceAgents.create(createAgent);
  const listAgents: ListVoiceAgentsParams = { take: 5, 'language[]': ['ar'], 'type[]': [agentType] };
  const agentPage: VoiceAgentPage = await client.voiceAgents.list(listAgents).firstPage();
  const getAgent: GetVoiceAgentParams = { voiceAgentId: created.id };
  await client.voiceAgents.get(getAgent);
  const updateAgent: UpdateVoiceAgentParams = { voiceAgentId: created.id, name: 'S' };
  await client.voiceAgents.update(updateAgent);
  const cloneAgent: CloneVoiceAgentParams = { voiceAgentId: created.id };
  const copy: AgentDetails = await client.voiceAgents.clone(cloneAgent);
  const createV1: CreateVoiceAgentV1Params = { agentName: 'Sara' };
  await client.voiceAgents.createV1(createV1);
  const listV1: ListVoiceAgentsV1Params = { skip: 1 };
  const v1Page: VoiceAgentV1Page = await client.voiceAgents.listV1(listV1).firstPage();
  await client.voiceAgents.getV1(getAgent);
  const updateV1: UpdateVoiceAgentV1Params = { voiceAgentId: created.id, maxCallDuration: 120 };
  await client.voiceAgents.updateV1(updateV1);
  copy.agentName?.toUpperCase(); agentPage.voiceAgents?.length.toFixed(); v1Page.voiceAgents?.length.toFixed();
  const getJob: GetJobParams = { jobId: job.id };
  await client.jobs.get(getJob);
  const waitJob: WaitForJobParams = { jobId: job.id, pollIntervalMs: 1000, timeoutMs: 60_000 };
  await client.jobs.wait(waitJob, { signal: new AbortController().signal });
  const getConversation: GetConversationParams = { conversationId: job.id };
  const conversation: Conversation = await client.conversations.get(getConversation);
  const listConversations: ListConversationsParams = { page: 1, perPage: 100, status: ['COMPLETED', 'NEW_ONE'], startTime: 0 };
  const summaries: ConversationSummary[] = await client.conversations.list(listConversations).toArray();
  const conversationPage: ConversationPage = await client.conversations.list().firstPage();
  const waitConversation: WaitForConversationParams = { conversationId: conversation.id };
  await client.conversations.wait(waitConversation);
  const verify: VerifyWebhookParams = { authorization: undefined, authKey: 'Token', authSecret: 's' };
  const ok: boolean = webhooks.verify(verify) && client.webhooks.verify(verify);
  const parse: ParseWebhookParams = { body: new Uint8Array() };
  const event: WebhookEvent = webhooks.parse(parse);
  const eventType: WebhookEventType = event.eventType;
  const auth: WebhookAuth = { authKey: 'Token', authSecret: 's' as Secret };
  const namespaces: [CallsResource, PhoneNumbersResource, JobsResource, ConversationsResource, WebhooksResource] =
    [client.calls, client.phoneNumbers, client.jobs, client.conversations, client.webhooks];
  void [status, type, params, userNumber, unknownField, openStatus, started, first, all, confirmation, summaries,
    conversationPage, ok, eventType, auth, namespaces, VERSION.length];
}

async function knowledgeBaseDictionariesAnalytics(): Promise<void> {
  const kind: KnowledgeBaseItemType = 'TEXT';
  const newItem: NewKnowledgeBaseItem = { itemName: 'Hours', type: kind, content: '9 to 5' };
  const create: CreateKnowledgeBaseItemsParams = { items: [newItem, { itemName: 'Site', type: 'URL', itemUrls: ['https://example.com'] }] };
  const created: KnowledgeBaseItems = await client.knowledgeBase.create(create);
  const item: KnowledgeBaseItem | undefined = created.items[0];
  const used: boolean | null | undefined = item?.used;
  const list: ListKnowledgeBaseParams = { voiceAgentId: 'a', isActive: true, used: false, search: 'h', type: ['TEXT'], skip: 1, take: 10 };
  const items: KnowledgeBaseItem[] = await client.knowledgeBase.list(list).toArray();
  const kbPage: KnowledgeBasePage = await client.knowledgeBase.list().firstPage();
  const get: GetKnowledgeBaseItemParams = { id: 'kb1' };
  await client.knowledgeBase.get(get);
  const update: UpdateKnowledgeBaseItemParams = { id: 'kb1', itemName: 'Opening hours' };
  await client.knowledgeBase.update(update);
  const deleteUrl: DeleteKnowledgeBaseUrlParams = { id: 'kb1', url: 'https://example.com' };
  const ack: Acknowledgement = await client.knowledgeBase.deleteUrl(deleteUrl);
  const word: NewDictionaryWord = { word: 'Hamsa', pronunciation: 'HAM-sa' };
  const createDictionary: CreateVoiceDictionaryParams = { name: 'Brands', words: [word] };
  const dictionary: VoiceDictionary = await client.voiceDictionaries.create(createDictionary);
  const words: DictionaryWord[] | undefined = dictionary.words;
  const listDictionaries: ListVoiceDictionariesParams = { used: true, voiceAgentId: 'a', search: 'b', skip: 1, take: 5 };
  const dictionaryPage: VoiceDictionaryPage = await client.voiceDictionaries.list(listDictionaries).firstPage();
  const updateDictionary: UpdateVoiceDictionaryParams = { id: dictionary.id, name: 'Brand names' };
  await client.voiceDictionaries.update(updateDictionary);
  const toggle: SetVoiceDictionaryActiveParams = { dictionaryId: dictionary.id, voiceAgentId: 'a', isActive: true };
  const toggled: Acknowledgement = await client.voiceDictionaries.setActive(toggle);
  const period: AnalyticsPeriod = 'CUSTOM';
  const window: AnalyticsParams = { voiceAgentId: 'a', period, startPeriod: 1, endPeriod: 2, timeDifference: '-3' };
  const overview: AnalyticsOverview = await client.analytics.overview(window);
  const overTime: CallsOverTime[] | undefined = overview.callsOverTime;
  const buckets: CallsByDuration | null | undefined = overview.callsByDurationBuckets;
  const performance: AgentPerformance = await client.analytics.performance({ period: 'TODAY' });
  const satisfaction: AgentSatisfaction = await client.analytics.satisfaction();
  const sentiment: SentimentDistribution | null | undefined = satisfaction.sentimentDistribution;
  const namespaces: [KnowledgeBaseResource, VoiceDictionariesResource, AnalyticsResource] =
    [client.knowledgeBase, client.voiceDictionaries, client.analytics];
  // @ts-expect-error a CUSTOM period's ends are epoch milliseconds (numbers)
  await client.analytics.overview({ period: 'CUSTOM', startPeriod: '1', endPeriod: '2' });
  // @ts-expect-error knowledge_base.create needs its items
  await client.knowledgeBase.create({});
  void [used, items, kbPage, ack.messageKey, words, dictionaryPage.pageSize, toggled.success, overTime, buckets,
    performance.latency, sentiment, namespaces];
}

function errors(error: unknown): string {
  const classes = [AuthenticationError, PermissionDeniedError, NotFoundError, ConflictError, BadRequestError,
    InsufficientBalanceError, RateLimitedError, ServerError, HttpStatusError, ApiError, TimeoutError, ConnectionError,
    DecodeError, InvalidArgumentError, OutcomeUnknownError, CancelledError, ConfigurationError,
    WebhookVerificationError, InternalError];
  if (error instanceof NotFoundError) {
    const code: 'not_found' = error.code;
    return code;
  }
  if (error instanceof CancelledError) {
    const name: 'AbortError' = error.name;
    return name;
  }
  if (error instanceof HamsaError) {
    const code: ErrorCode = error.code;
    const attempts: readonly Attempt[] = error.attempts;
    const status: number | null = error.status;
    return `${code} ${status} ${error.message} ${error.messageKey} ${error.requestId} ${attempts.length} ${error.field} ${error.causeCode} ${error.bodySnippet} ${error.retryable} ${classes.length}`;
  }
  return String(new RateLimitedError('slow down', { status: 429 }));
}

async function wrongCalls(): Promise<void> {
  // @ts-expect-error a required field is missing
  await client.calls.createTwilio({ toNumber: '+9665' });
  // @ts-expect-error a misspelt field
  await client.calls.createTwilio({ toNumber: '+9665', twilioPhoneNumber: '+1', voiceAgentID: 'a' });
  // @ts-expect-error a field of the wrong type
  await client.jobs.get({ jobId: 42 });
  // @ts-expect-error a params object, not a bare id
  await client.jobs.get('job_1');
  // @ts-expect-error an unknown request option
  await client.jobs.get({ jobId: 'j' }, { timeoutMs: 5 });
  // @ts-expect-error an unknown client option (the core's spelling is not the package's)
  new Hamsa({ timeoutMs: 5 });
  // @ts-expect-error no such region
  new Hamsa({ region: 'mars' });
  // @ts-expect-error no such method
  client.calls.createVonage({});
  // @ts-expect-error a list is not a promise
  const notAnArray: PhoneNumber[] = await client.phoneNumbers.list();
  // @ts-expect-error unknown fields are `unknown`, not `any`: they must be checked before use
  for await (const n of client.phoneNumbers.list()) n.brandNewField.toUpperCase();
  // @ts-expect-error webhook verify needs the secret
  webhooks.verify({ authorization: 'Token s', authKey: 'Token' });
  // @ts-expect-error webhooks are synchronous
  await webhooks.parse({ body: '{}' }).then(() => 0);
  // @ts-expect-error error fields are read-only
  new NotFoundError('x').status = 1;
  void notAnArray;
}

void everything;
void knowledgeBaseDictionariesAnalytics;
void errors;
void wrongCalls;

// Issue 13: web tools, web calls, projects.
import type {
  WebTool, WebToolPage, WebToolV1Page, WebToolSettings, WebToolSettingsInput, WebToolSettingsUpdate, WebToolMessage,
  WebToolMessageInput, WebToolMethod, WebToolType, WebToolVersionCheck, WebToolConflicts, WebToolVersionOverride,
  WebToolTestEvent, ParticipantToken, ConversationInit, Project, WebCallTool, WebCallToolFunction,
  CreateWebToolParams, UpdateWebToolParams, ListWebToolsParams, ListWebToolsV1Params, GetWebToolParams,
  CheckWebToolVersionsParams, TestWebToolParams, CreateWebCallTokenParams, InitWebCallParams, InitWebCallLegacyParams,
  GetProjectParams, WebToolsResource, WebCallsResource, ProjectsResource,
} from 'hamsa';

async function webToolsAndCalls(): Promise<void> {
  const method: WebToolMethod = 'GET';
  const settings: WebToolSettingsInput = { serverUrl: 'https://tools.example/w', methodType: method, timeOut: 5, authToken: 't' as Secret };
  const message: WebToolMessageInput = { type: 'REQUEST_START', content: 'One moment' };
  const create: CreateWebToolParams = {
    name: 'weather', description: 'd', params: { type: 'object' }, toolSettings: settings, async: false, messages: [message],
  };
  const tool: WebTool = await client.webTools.create(create);
  const toolType: WebToolType | null | undefined = tool.type;
  const current: WebToolSettings | null | undefined = tool.toolSettings;
  const said: WebToolMessage[] | undefined = tool.messages;
  const patch: WebToolSettingsUpdate = { timeOut: 10 };
  const update: UpdateWebToolParams = { id: tool.id, toolSettings: patch };
  const v2: WebTool = await client.webTools.update(update);
  await client.webTools.updateV1(update);
  const list: ListWebToolsParams = { take: 5, returnUncategorized: true };
  const tools: WebTool[] = await client.webTools.list(list).toArray();
  const firstPage: WebToolPage = await client.webTools.list().firstPage();
  const listV1: ListWebToolsV1Params = { isActive: true };
  const oldPage: WebToolV1Page = await client.webTools.listV1(listV1).firstPage();
  const override: WebToolVersionOverride = { httpHeaders: { 'x-a': '1' } };
  const check: CheckWebToolVersionsParams = { webToolIds: [v2.id], overrides: { [v2.id]: override } };
  const checks: WebToolVersionCheck[] = await client.webTools.checkVersions(check);
  const conflicts: WebToolConflicts | null | undefined = checks[0]?.conflicts;
  const get: GetWebToolParams = { id: v2.id };
  await client.webTools.get(get);
  await client.webTools.createV1(create);
  const test: TestWebToolParams = { serverUrl: 'https://tools.example/w', method: 'POST', timeout: 5 };
  const events: WebToolTestEvent[] = await client.webTools.test(test);
  const token: CreateWebCallTokenParams = { voiceAgentId: 'a', params: { name: 'Sara' } };
  const participant: ParticipantToken = await client.webCalls.createToken(token);
  const fn: WebCallToolFunction = { name: 'open_cart', parameters: { type: 'object' }, func_map: {} };
  const browserTool: WebCallTool = { function: fn };
  const init: InitWebCallParams = { voiceAgentId: 'a', jobId: participant.jobId ?? '', tools: [browserTool] };
  const started: ConversationInit = await client.webCalls.init(init);
  const legacy: InitWebCallLegacyParams = { voiceAgentId: 'a' };
  await client.webCalls.initLegacy(legacy);
  const none: GetProjectParams = {};
  const project: Project = await client.projects.get(none);
  const namespaces: [WebToolsResource, WebCallsResource, ProjectsResource] = [client.webTools, client.webCalls, client.projects];
  // @ts-expect-error the request spells it timeOut
  const misspelt: WebToolSettingsUpdate = { timeout: 10 };
  void [toolType, current, said, tools, firstPage, oldPage, conflicts, events, started, project, namespaces, misspelt,
    events[0]?.event, participant.liveKitAccessToken];
}

void webToolsAndCalls;

// Issue 14 (TTS part): TTS jobs, voices, TTS histories, statistics, secrets.
import type {
  TtsJob, TtsJobResponse, CreatedVoice, Voice, VoicePage, VoiceDialect, VoiceTag, VoiceTranscription, TtsHistory,
  TtsHistoryPage, TtsHistoryVoice, TtsHistoryConfig, UsageTotals, UsageValue, UsageChart, UsagePoint, ProjectSecret,
  CreateTtsJobParams, CreateVoiceParams, ListVoicesParams, PreloadVoiceParams, ExtractVoiceTranscriptionParams,
  CreateTtsHistoryParams, ListTtsHistoriesParams, GetTtsHistoryParams, StatisticsParams, CreateSecretParams,
  UpdateSecretParams, TtsResource, VoicesResource, TtsHistoriesResource, StatisticsResource, SecretsResource,
} from 'hamsa';

async function ttsVoicesHistoriesStatisticsSecrets(): Promise<void> {
  const createJob: CreateTtsJobParams = { voiceId: 'v', text: 'Hello', webhookUrl: 'https://hooks.example/tts' };
  const job: TtsJob = await client.tts.createJob(createJob);
  const spoken: TtsJobResponse | null | undefined = job.jobResponse;
  const tags: VoiceTag[] = ['female', 'narrator'];
  const createVoice: CreateVoiceParams = {
    name: 'Layla', audioUrl: 'https://cdn.example/s.wav', audioTranscription: 'Hello', language: 'en', tags,
  };
  const created: CreatedVoice = await client.voices.create(createVoice);
  const listVoices: ListVoicesParams = { q: 'lay', perPage: 5 };
  const voices: Voice[] = await client.voices.list(listVoices).toArray();
  const voicePage: VoicePage = await client.voices.list().firstPage();
  const dialect: VoiceDialect | null | undefined = voices[0]?.dialect;
  const preload: PreloadVoiceParams = { voiceId: created.id };
  const ack: Acknowledgement = await client.voices.preload(preload);
  const extract: ExtractVoiceTranscriptionParams = { audioUrl: 'https://cdn.example/s.wav' };
  const said: VoiceTranscription = await client.voices.extractTranscription(extract);
  const config: TtsHistoryConfig = { speed: 1, expressiveness: 1 };
  const createHistory: CreateTtsHistoryParams = { ttsVoiceId: created.id, script: 'Hello', apiKey: 'k' as Secret, config };
  await client.ttsHistories.create(createHistory);
  const listHistories: ListTtsHistoriesParams = { perPage: 2 };
  const histories: TtsHistory[] = await client.ttsHistories.list(listHistories).toArray();
  const historyPage: TtsHistoryPage = await client.ttsHistories.list().firstPage();
  const getHistory: GetTtsHistoryParams = { id: 'h' };
  const speaker: TtsHistoryVoice | null | undefined = (await client.ttsHistories.get(getHistory)).ttsVoice;
  const period: StatisticsParams = { startPeriod: '0', endPeriod: '1' };
  const totals: UsageTotals = await client.statistics.totals(period);
  const price: UsageValue | null | undefined = totals.price;
  const chart: UsageChart = await client.statistics.chart(period);
  const points: UsagePoint[] | undefined = chart.cost;
  const createSecret: CreateSecretParams = { name: 'crm', value: 's3cr3t' as Secret, tags: ['crm'] };
  const secret: ProjectSecret = await client.secrets.create(createSecret);
  const updateSecret: UpdateSecretParams = { id: secret.id, value: 'rotated' as Secret };
  await client.secrets.update(updateSecret);
  const namespaces: [TtsResource, VoicesResource, TtsHistoriesResource, StatisticsResource, SecretsResource] =
    [client.tts, client.voices, client.ttsHistories, client.statistics, client.secrets];
  // @ts-expect-error a history needs its script
  const noScript: CreateTtsHistoryParams = { ttsVoiceId: 'v', apiKey: 'k' as Secret };
  void [spoken, voicePage, dialect, ack, said, histories, historyPage, speaker, price, points, namespaces, noScript];
}

void ttsVoicesHistoriesStatisticsSecrets;
// Issue 14 (jobs part): transcriptions, jobs, AI content.
import type {
  AiContentEstimate, AiPart, JobAttributes, JobListEntry, JobListPage, JobSort, JobStarted, JobSummary, JobSummaryPage,
  SrtOptions, TranscriptionModel, CreateTranscriptionParams, CreateJobParams, ListJobsParams, SearchJobsParams,
  GetJobSummaryParams, CreateAiContentParams, CreateCustomAiContentParams, AiContentJobParams,
  CreateTranscriptionAiContentParams, TranscriptionsResource, AiContentResource, TranscriptionResult,
  TranscriptSegment, AiContentParts,
} from 'hamsa';

async function speechJobs(): Promise<void> {
  const model: TranscriptionModel = 'Hamsa-General-V2.0';
  const srt: SrtOptions = { maxCharsPerLine: 42, minGap: 0.04 };
  const transcribe: CreateTranscriptionParams = {
    mediaUrl: 'https://media.example/ep.mp3', model, returnSrtFormat: true, srtOptions: srt,
    webhookUrl: 'https://hooks.example/h', webhookAuth: { authKey: 'Bearer', authSecret: 's' as Secret },
  };
  const started: JobStarted = await client.transcriptions.create(transcribe);
  const create: CreateJobParams = {
    type: 'TRANSCRIPTION', apiKey: 'id', mediaUrl: 'https://media.example/ep.mp3', title: 't', language: 'ar',
  };
  await client.jobs.create(create);
  const list: ListJobsParams = { type: 'AI_CONTENT', perPage: 5 };
  const entries: JobListEntry[] = await client.jobs.list(list).toArray();
  const listPage: JobListPage = await client.jobs.list(list).firstPage();
  const sort: JobSort = { field: 'createdAt', direction: 'desc' };
  const search: SearchJobsParams = { sort, take: 5, status: 'COMPLETED' };
  const found: JobSummary[] = await client.jobs.search(search).toArray();
  const foundPage: JobSummaryPage = await client.jobs.search().firstPage();
  const view: GetJobSummaryParams = { id: started.jobId ?? '' };
  const summary: JobSummary = await client.jobs.getSummary(view);
  const attributes: JobAttributes | null | undefined = summary.attributes;
  const parts: AiPart[] = ['summary', 'faq'];
  const ai: CreateAiContentParams = { jobId: started.jobId ?? '', aiParts: parts };
  const job: Job = await client.aiContent.create(ai);
  const custom: CreateCustomAiContentParams = {
    jobId: started.jobId ?? '', aiParts: [{ aiPart: 'Notes', language: 'en', prompt: 'Three bullets' }],
  };
  await client.aiContent.createCustom(custom);
  const byId: AiContentJobParams = { jobId: job.id };
  await client.aiContent.get(byId);
  const estimate: AiContentEstimate = await client.aiContent.estimate(byId);
  const both: CreateTranscriptionAiContentParams = {
    apiKey: 'id', mediaUrl: 'https://media.example/ep.mp3', title: 't', language: 'en', aiParts: ['summary'],
  };
  const combined: JobStarted = await client.aiContent.createWithTranscription(both);
  const transcript = (await client.jobs.wait({ jobId: combined.jobId ?? '' })).jobResponse as TranscriptionResult;
  const segments: TranscriptSegment[] | undefined = transcript.segments;
  const written = job.jobResponse as AiContentParts;
  const summaryText: string | null | undefined = written.summary;
  void [segments, summaryText];
  const namespaces: [TranscriptionsResource, AiContentResource] = [client.transcriptions, client.aiContent];
  // @ts-expect-error jobs.list needs a type
  const untyped: ListJobsParams = { perPage: 5 };
  void [entries, listPage, found, foundPage, attributes, estimate.data, combined, namespaces, untyped];
}

void speechJobs;
