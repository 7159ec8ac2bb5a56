"""Not a test to run: `mypy --strict` checks that every public name is typed and usable as documented."""

from __future__ import annotations

from typing import Any

import hamsa
from hamsa import (
    Acknowledgement,
    AgentCallSettings,
    AgentConversation,
    AgentDetails,
    AgentLlm,
    AgentPerformance,
    AgentPhoneNumber,
    AgentSatisfaction,
    AgentToolRef,
    AgentType,
    AgentVoice,
    AgentWorkflow,
    AnalyticsOverview,
    AnalyticsPeriod,
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AsyncHamsa,
    AsyncPager,
    Attempt,
    AuthenticationError,
    BadRequestError,
    CallParams,
    CallsByDuration,
    CallsOverTime,
    CallStarted,
    ConfigurationError,
    ConflictError,
    Conversation,
    ConversationPage,
    ConversationSummary,
    DecodeError,
    DictionaryWord,
    Hamsa,
    HamsaError,
    InsufficientBalanceError,
    InternalError,
    InternalServerError,
    InvalidArgumentError,
    Job,
    JobStatus,
    JobType,
    KnowledgeBaseItem,
    KnowledgeBaseItems,
    KnowledgeBaseItemType,
    KnowledgeBasePage,
    LlmConfigV1,
    Model,
    NewDictionaryWord,
    NewKnowledgeBaseItem,
    NotFoundError,
    OutcomeUnknownError,
    Page,
    PermissionDeniedError,
    PhoneNumber,
    PhoneNumberPage,
    PhoneNumberType,
    RateLimitError,
    RequestCancelledError,
    SentimentDistribution,
    SyncPager,
    VoiceAgent,
    VoiceAgentPage,
    VoiceAgentV1Page,
    VoiceDictionary,
    VoiceDictionaryPage,
    WebhookAuth,
    WebhookEvent,
    WebhookEventType,
    WebhookVerificationError,
    webhooks,
)

ERRORS: tuple[type[HamsaError], ...] = (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    DecodeError,
    InsufficientBalanceError,
    InternalError,
    InternalServerError,
    InvalidArgumentError,
    NotFoundError,
    OutcomeUnknownError,
    PermissionDeniedError,
    RateLimitError,
    RequestCancelledError,
    WebhookVerificationError,
)
VERSION: str = hamsa.__version__


def sync_surface(client: Hamsa) -> None:
    job: Job = client.calls.create_twilio(
        to_number="+966500000001",
        twilio_phone_number="+1234567890",
        voice_agent_id="agent",
        params={"name": "Sara"},
        webhook_url="https://example.com/hook",
        webhook_auth=WebhookAuth(auth_key="Token", auth_secret="s"),
        timeout=5.0,
        max_retries=0,
        extra_headers={"x-trace": "1"},
        deadline=30,
    )
    status: JobStatus | None = job.status
    kind: JobType | None = job.type
    params: CallParams | None = job.call_params
    number: str | None = params.user_number if params else None
    job2: Job = client.calls.create(to_number="+9665", from_number="+9661", webhook_auth={"auth_key": "Token"})
    started: CallStarted = client.calls.create_with_phone_number(to_number="+9665", phone_number="+9661")
    client.phone_numbers.add(type="SIP", phone_number="+9661", label="Line")
    twilio: PhoneNumber = client.phone_numbers.add_twilio(
        phone_number="+1", label="L", twilio_number_sid="PN", twilio_account_sid="AC", twilio_auth_token="t"
    )
    pager: SyncPager[PhoneNumber, PhoneNumberPage] = client.phone_numbers.list(take=10, provider="TWILIO")
    for phone in pager:
        print(phone.id, phone.number)
    first: Page[PhoneNumber, PhoneNumberPage] = pager.first_page()
    total: int | None = first.data.total
    for page in pager.pages():
        print(len(page.items), page.to_dict())
    got: PhoneNumber = client.phone_numbers.get(pid=twilio.id)
    provider: PhoneNumberType | None = got.type
    print(provider)
    client.phone_numbers.assign(voice_agent_id="a", phone_number=got.number or "")
    client.phone_numbers.assign_twilio(twilio_phone_number="+1", voice_agent_id="a")
    confirmation: Any = client.phone_numbers.unassign(phone_number="+1")
    inline: Job = client.calls.create_twilio(
        to_number="+9665", twilio_phone_number="+1", agent_details=AgentDetails(agent_name="Sara")
    )
    inline_name: str | None = inline.agent_details.agent_name if inline.agent_details else None
    client.calls.create(to_number="+9665", from_number="+9661", agent_details={"agent_name": "Sara"})
    agent: VoiceAgent = client.voice_agents.create(
        name="Sara",
        type="Single Prompt",
        conversation=AgentConversation(greeting_message="Hi {{name}}"),
        voice=AgentVoice(lang="en"),
        llm=AgentLlm(provider="openai", api_key="sk"),
        call_settings=AgentCallSettings(interrupt=True),
        tools=[AgentToolRef(tool_id="t", version=1)],
        phone_number=AgentPhoneNumber(type="TWILIO", id="n"),
        workflow=AgentWorkflow(nodes=[]),
    )
    agent_type: AgentType | None = agent.type
    agents: SyncPager[VoiceAgent, VoiceAgentPage] = client.voice_agents.list(language=["ar"], type=["Flow Agent"])
    client.voice_agents.get(agent.id)
    client.voice_agents.update(agent.id, name="Sara 2")
    copy: AgentDetails = client.voice_agents.clone(agent.id, agent_name="Copy")
    v1: AgentDetails = client.voice_agents.create_v1(agent_name="Sara", llm_config=LlmConfigV1(model_name="GPT-4.1"))
    v1_agents: SyncPager[AgentDetails, VoiceAgentV1Page] = client.voice_agents.list_v1(take=5)
    client.voice_agents.get_v1(v1.id or "")
    client.voice_agents.update_v1(v1.id or "", max_call_duration=120)
    print(inline_name, agent_type, list(agents), copy.agent_name, list(v1_agents))
    again: Job = client.jobs.get(job2.id)
    client.jobs.get(job_id=job2.id)
    done: Job = client.jobs.wait(job_id=again.id, poll_interval=1.0, wait_timeout=60.0)
    conversation: Conversation = client.conversations.get(conversation_id="c")
    ended: Conversation = client.conversations.wait(conversation.id, poll_interval=2.0)
    calls: SyncPager[ConversationSummary, ConversationPage] = client.conversations.list(
        per_page=50, status=["COMPLETED"]
    )
    summaries: list[ConversationSummary] = list(calls)
    as_wire: dict[str, Any] = done.to_dict()
    print(status, kind, number, started.job_id, total, confirmation, ended.status, summaries, as_wire, client.base_url)
    print(client.closed, ERRORS, VERSION)


def knowledge_base_dictionaries_analytics(client: Hamsa) -> None:
    kind: KnowledgeBaseItemType = "TEXT"
    created: KnowledgeBaseItems = client.knowledge_base.create(
        items=[
            NewKnowledgeBaseItem(item_name="Hours", type=kind, content="9 to 5"),
            {"item_name": "Site", "type": "URL", "item_urls": ["https://example.com/faq"]},
        ]
    )
    item: KnowledgeBaseItem = created.items[0]
    used: bool | None = item.used
    items: SyncPager[KnowledgeBaseItem, KnowledgeBasePage] = client.knowledge_base.list(
        voice_agent_id="a", is_active=True, used=False, search="hours", type=["TEXT"], skip=1, take=10
    )
    for each in items:
        print(each.item_name, each.item_urls, each.words_number)
    got: KnowledgeBaseItem = client.knowledge_base.get(item.id)
    renamed: KnowledgeBaseItem = client.knowledge_base.update(got.id, item_name="Opening hours")
    ack: Acknowledgement = client.knowledge_base.delete_url(renamed.id, url="https://example.com/faq")
    key: str | None = ack.message_key
    dictionary: VoiceDictionary = client.voice_dictionaries.create(
        name="Brands",
        words=[NewDictionaryWord(word="Hamsa", pronunciation="HAM-sa"), {"word": "x", "pronunciation": "y"}],
    )
    words: list[DictionaryWord] | None = dictionary.words
    dictionaries: SyncPager[VoiceDictionary, VoiceDictionaryPage] = client.voice_dictionaries.list(used=True, take=5)
    first: Page[VoiceDictionary, VoiceDictionaryPage] = dictionaries.first_page()
    page_size: int | None = first.data.page_size
    client.voice_dictionaries.update(dictionary.id, name="Brand names")
    toggled: Acknowledgement = client.voice_dictionaries.set_active(
        dictionary_id=dictionary.id, voice_agent_id="a", is_active=True
    )
    period: AnalyticsPeriod = "CUSTOM"
    overview: AnalyticsOverview = client.analytics.overview(
        voice_agent_id="a", period=period, start_period=1, end_period=2, time_difference="-3"
    )
    over_time: list[CallsOverTime] | None = overview.calls_over_time
    buckets: CallsByDuration | None = overview.calls_by_duration_buckets
    performance: AgentPerformance = client.analytics.performance(period="TODAY")
    satisfaction: AgentSatisfaction = client.analytics.satisfaction()
    sentiment: SentimentDistribution | None = satisfaction.sentiment_distribution
    print(used, key, words, page_size, toggled.success, over_time, buckets, performance.latency, sentiment)


async def async_surface(client: AsyncHamsa) -> None:
    job: Job = await client.calls.create_twilio(to_number="+9665", twilio_phone_number="+1", timeout=3)
    pager: AsyncPager[ConversationSummary, ConversationPage] = client.conversations.list(per_page=10)
    async for summary in pager:
        print(summary.id, summary.agent_name, summary.duration)
    page: Page[ConversationSummary, ConversationPage] = await pager.first_page()
    async for whole in pager.pages():
        print(whole.data.filtered)
    done: Job = await client.jobs.wait(job_id=job.id)
    print(page.items, done)
    await client.close()


def errors_and_webhooks(headers: dict[str, str], body: bytes) -> WebhookEvent | None:
    try:
        webhooks.verify(headers.get("authorization"), auth_key="Token", auth_secret="s")
        webhooks.verify(headers["authorization"].encode(), auth_key="Token", auth_secret="s")
    except HamsaError as error:
        code: str = error.code
        status: int | None = error.status_code
        attempts: tuple[Attempt, ...] = error.attempts
        print(code, status, error.message, error.message_key, error.request_id, [a.outcome for a in attempts])
        return None
    event: WebhookEvent = webhooks.parse(body)
    event_type: WebhookEventType = event.event_type
    model: Model = event
    print(event_type, model.to_dict())
    return event


def clients() -> None:
    with Hamsa(
        api_key="k",
        base_url="https://api.tryhamsa.com",
        region="eu",
        timeout=60,
        max_retries=2,
        default_headers={"x-tenant": "t"},
    ) as client:
        sync_surface(client)
    AsyncHamsa(api_key="k")


# Issue 13: web tools, web calls, projects.
from hamsa import (  # noqa: E402
    ConversationInit,
    ParticipantToken,
    Project,
    WebCallTool,
    WebCallToolFunction,
    WebTool,
    WebToolConflicts,
    WebToolMessage,
    WebToolMessageInput,
    WebToolMethod,
    WebToolPage,
    WebToolSettings,
    WebToolSettingsInput,
    WebToolSettingsUpdate,
    WebToolTestEvent,
    WebToolType,
    WebToolV1Page,
    WebToolVersionCheck,
    WebToolVersionOverride,
)


def web_tools_surface(client: Hamsa) -> None:
    settings = WebToolSettingsInput(server_url="https://tools.example/w", method_type="GET", time_out=5)
    message = WebToolMessageInput(type="REQUEST_START", content="One moment")
    tool: WebTool = client.web_tools.create(
        name="weather",
        description="Weather now",
        params={"type": "object", "properties": {}},
        tool_settings=settings,
        async_=False,
        messages=[message],
    )
    kind: WebToolType | None = tool.type
    current: WebToolSettings | None = tool.tool_settings
    method: WebToolMethod | None = current.method_type if current else None
    said: list[WebToolMessage] | None = tool.messages
    v2: WebTool = client.web_tools.update(tool.id, tool_settings=WebToolSettingsUpdate(time_out=10))
    tools: SyncPager[WebTool, WebToolPage] = client.web_tools.list(take=5, return_uncategorized=True)
    old: SyncPager[WebTool, WebToolV1Page] = client.web_tools.list_v1(is_active=True)
    checks: list[WebToolVersionCheck] = client.web_tools.check_versions(
        web_tool_ids=[tool.id], overrides={tool.id: {"params": {"city": "Riyadh"}}}
    )
    conflicts: WebToolConflicts | None = checks[0].conflicts
    override = WebToolVersionOverride(http_headers={"x-a": "1"})
    got: WebTool = client.web_tools.get(v2.id)
    events: list[WebToolTestEvent] = client.web_tools.test(
        server_url="https://tools.example/w", method="POST", auth_token="t", test_timeout=5, body={"a": 1}
    )
    client.web_tools.create_v1(
        name="n", description="d", params={}, tool_settings={"server_url": "https://x.example", "method_type": "GET"}
    )
    client.web_tools.update_v1(got.id, name="n2")
    token: ParticipantToken = client.web_calls.create_token(voice_agent_id="a", params={"name": "Sara"})
    tool_fn = WebCallToolFunction(name="open_cart", parameters={"type": "object"}, func_map={"open_cart": "f"})
    started: ConversationInit = client.web_calls.init(
        voice_agent_id="a", job_id=token.job_id or "", tools=[WebCallTool(function=tool_fn)]
    )
    legacy: ConversationInit = client.web_calls.init_legacy(voice_agent_id="a", voice_enablement=True)
    project: Project = client.projects.get()
    print(kind, method, said, list(tools), list(old), conflicts, override, events[0].event, token.live_kit_access_token)
    print(started.job_id, legacy.job_id, project.id, project.is_deactivated)


async def async_web_tools_surface(client: AsyncHamsa) -> None:
    events: list[WebToolTestEvent] = await client.web_tools.test(server_url="https://x.example", method="GET")
    project: Project = await client.projects.get()
    async for tool in client.web_tools.list():
        print(tool.persistent_id, tool.version)
    print(events, project)


# Issue 14 (TTS part): TTS jobs, voices, TTS histories, statistics, secrets.
from hamsa import (  # noqa: E402
    CreatedVoice,
    ProjectSecret,
    TtsHistory,
    TtsHistoryConfig,
    TtsHistoryPage,
    TtsHistoryVoice,
    TtsJob,
    TtsJobResponse,
    UsageChart,
    UsagePoint,
    UsageTotals,
    UsageValue,
    Voice,
    VoiceDialect,
    VoicePage,
    VoiceTag,
    VoiceTranscription,
)


def tts_surface(client: Hamsa) -> None:
    job: TtsJob = client.tts.create_job(voice_id="v", text="Hello", webhook_url="https://hooks.example/tts")
    result: TtsJobResponse | None = job.job_response
    tag: VoiceTag = "female"
    voice: CreatedVoice = client.voices.create(
        name="Layla",
        audio_url="https://cdn.example/s.wav",
        audio_transcription="Hello",
        language="en",
        tags=[tag, "narrator"],
    )
    voices: SyncPager[Voice, VoicePage] = client.voices.list(q="lay", per_page=5)
    dialect: VoiceDialect | None = next(iter(voices)).dialect
    ack: Acknowledgement = client.voices.preload(voice_id=voice.id)
    said: VoiceTranscription = client.voices.extract_transcription(audio_url="https://cdn.example/s.wav")
    client.tts_histories.create(tts_voice_id=voice.id, script="Hello", api_key="k", config=TtsHistoryConfig(speed=1.0))
    histories: SyncPager[TtsHistory, TtsHistoryPage] = client.tts_histories.list(per_page=2)
    one: TtsHistory = client.tts_histories.get("h")
    speaker: TtsHistoryVoice | None = one.tts_voice
    totals: UsageTotals = client.statistics.totals(start_period="0", end_period="1")
    price: UsageValue | None = totals.price
    chart: UsageChart = client.statistics.chart(start_period="0", end_period="1")
    points: list[UsagePoint] | None = chart.cost
    secret: ProjectSecret = client.secrets.create(name="crm", value="s3cr3t", tags=["crm"])
    client.secrets.update(secret.id, value="rotated")
    print(result, dialect, ack.success, said.transcription, list(histories), speaker, price, points, secret.name)


async def async_tts_surface(client: AsyncHamsa) -> None:
    job: TtsJob = await client.tts.create_job(voice_id="v", text="Hello")
    async for history in client.tts_histories.list():
        print(history.audio)
    totals: UsageTotals = await client.statistics.totals(start_period="0", end_period="1")
    print(job.status, totals)


# Issue 14 (jobs part): transcriptions, jobs, AI content.
from hamsa import (  # noqa: E402
    AiContentEstimate,
    AiContentParts,
    AiPart,
    JobAttributes,
    JobListEntry,
    JobListPage,
    JobSort,
    JobStarted,
    JobSummary,
    JobSummaryPage,
    SrtOptions,
    TranscriptionModel,
    TranscriptionResult,
    TranscriptSegment,
)


def speech_jobs_surface(client: Hamsa) -> None:
    model: TranscriptionModel = "Hamsa-General-V2.0"
    started: JobStarted = client.transcriptions.create(
        media_url="https://media.example/ep.mp3",
        model=model,
        return_srt_format=True,
        srt_options=SrtOptions(max_chars_per_line=42, min_gap=0.04),
        webhook_url="https://hooks.example/h",
        webhook_auth=WebhookAuth(auth_key="Bearer", auth_secret="s"),
    )
    v2: JobStarted = client.jobs.create(
        type="TRANSCRIPTION", api_key="id", media_url="https://media.example/ep.mp3", title="t", language="ar"
    )
    listed: SyncPager[JobListEntry, JobListPage] = client.jobs.list(type="AI_CONTENT", per_page=5)
    found: SyncPager[JobSummary, JobSummaryPage] = client.jobs.search(
        sort=JobSort(field="createdAt", direction="desc"), take=5, status="COMPLETED"
    )
    summary: JobSummary = client.jobs.get_summary(started.job_id or "")
    attributes: JobAttributes | None = summary.attributes
    parts: list[AiPart] = ["summary", "faq"]
    ai: Job = client.ai_content.create(started.job_id or "", ai_parts=parts)
    custom: Job = client.ai_content.create_custom(
        started.job_id or "", ai_parts=[{"aiPart": "Notes", "language": "en", "prompt": "Three bullets"}]
    )
    got: Job = client.ai_content.get(ai.id)
    estimate: AiContentEstimate = client.ai_content.estimate(started.job_id or "")
    cost: float | None = estimate.data
    both: JobStarted = client.ai_content.create_with_transcription(
        api_key="id", media_url="https://media.example/ep.mp3", title="t", language="en", ai_parts=["summary"]
    )
    done: Job = client.jobs.wait(both.job_id or "")
    transcript = TranscriptionResult(done.job_response or {})
    segments: list[TranscriptSegment] | None = transcript.segments
    written = AiContentParts(got.job_response or {})
    summary_text: str | None = written.summary
    print(segments, summary_text)
    print(v2, list(listed), list(found), attributes, custom, got, cost, done.job_response)


async def async_speech_jobs_surface(client: AsyncHamsa) -> None:
    started: JobStarted = await client.transcriptions.create(
        media_url="https://m.example/a.mp3", model="Hamsa-General-V2.0"
    )
    async for job in client.jobs.search():
        print(job.id, job.attributes)
    print(started.job_id)
