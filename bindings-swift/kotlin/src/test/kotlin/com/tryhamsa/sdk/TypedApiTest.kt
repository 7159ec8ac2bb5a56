// The typed layer against the mock: the issue's example, open enums, unknown fields, errors, paging.

package com.tryhamsa.sdk

import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.jsonObject
import org.junit.jupiter.api.Test
import java.io.File
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertTrue

class TypedApiTest {
    private val scenarios = File(System.getenv("HAMSA_SCENARIOS") ?: "../../tests/scenarios")

    /** Serves a scenario file of the suite and runs [body] with a client for it; checks the mock saw no problem. */
    private fun <T> withScenario(
        path: String,
        body: suspend (HamsaClient, JsonObject) -> T,
    ): T {
        val text = File(scenarios, path).readText()
        val served = Mock.serve(text)
        val result = runBlocking { Mock.client(served).use { body(it, parseJson(text).jsonObject) } }
        assertEquals(emptyList(), Mock.report(served.id).failures)
        return result
    }

    @Test
    fun createTwilioAsInTheIssue() {
        val job =
            withScenario("calls/create_twilio_reference_body.json") { client, scenario ->
                val params = CreateTwilioCallParams.CODEC.decode(scenario.getValue("args"))
                client.calls.createTwilio(
                    CreateTwilioCallParams(
                        toNumber = params.toNumber,
                        twilioPhoneNumber = params.twilioPhoneNumber,
                        voiceAgentId = params.voiceAgentId,
                        params = params.params,
                        agentDetails = params.agentDetails,
                        webhookUrl = params.webhookUrl,
                        webhookAuth = params.webhookAuth,
                    ),
                )
            }
        assertTrue(job.id.isNotEmpty())
    }

    @Test
    fun voiceAgentCloneSendsItsIdInTheQueryAndReadsTheFlatAgent() {
        val copy =
            withScenario("voice_agents/clone_query_and_body.json") { client, _ ->
                client.voiceAgents.clone("8d3f5c2a-1e4b-4a7d-9c6e-2f1b3a5d7e9c", agentName = "Sara (copy)")
            }
        assertEquals("b1", copy.id)
        assertEquals("Sara (copy)", copy.agentName)
        assertEquals("GPT-4.1", copy.llmConfig?.modelName)
        assertEquals(listOf("t-1"), copy.webToolsIds)
    }

    @Test
    fun unknownFieldsAndEnumValuesAreKept() {
        val job = withScenario("jobs/get_keeps_unknown_fields_and_values.json") { client, scenario ->
            client.jobs.get(GetJobParams.CODEC.decode(scenario.getValue("args")))
        }
        val status = job.status!!
        assertFalse(status.isKnown, "the scenario's status is one this SDK does not know: $status")
        assertTrue(job.extra.isNotEmpty())
        assertEquals(job, Job.CODEC.decode(job.toJson()))
    }

    @Test
    fun errorsAreSealedExceptionsWithTheCoreDetails() {
        val error =
            assertFailsWith<HamsaException.NotFound> {
                withScenario("jobs/get_not_found.json") { client, scenario ->
                    client.jobs.get(GetJobParams.CODEC.decode(scenario.getValue("args")))
                }
            }
        assertEquals("not_found", error.info.code)
        assertEquals(404, error.info.status)
        assertTrue(error.info.message.isNotEmpty())
    }

    @Test
    fun invalidArgumentsFailBeforeSending() {
        HamsaClient(HamsaOptions(apiKey = "k", baseUrl = "http://127.0.0.1:9")).use { client ->
            val error =
                assertFailsWith<HamsaException.InvalidArgument> {
                    runBlocking { client.calls.createTwilio(CreateTwilioCallParams(toNumber = "0500", twilioPhoneNumber = "+1234567890")) }
                }
            assertEquals("invalid_argument", error.info.code)
            assertEquals("toNumber", error.info.field)
        }
    }

    @Test
    fun listAllWalksEveryPage() {
        val numbers = withScenario("phone_numbers/list_all_pages.json") { client, scenario ->
            client.phoneNumbers.listAll(ListPhoneNumbersParams.CODEC.decode(scenario.getValue("args"))).toList()
        }
        assertTrue(numbers.size > 2, "several pages: $numbers")
        assertTrue(numbers.all { it.id.isNotEmpty() })
    }

    @Test
    fun deleteUrlSendsItsBodyOnDeleteAndReturnsTheAcknowledgement() {
        val ack =
            withScenario("knowledge_base/delete_url_sends_a_json_body.json") { client, scenario ->
                val params = DeleteKnowledgeBaseUrlParams.CODEC.decode(scenario.getValue("args"))
                client.knowledgeBase.deleteUrl(params.id, url = params.url)
            }
        assertEquals(true, ack.success)
        assertEquals("URL_DELETED_SUCCESSFULLY", ack.messageKey)
        assertEquals(ack, Acknowledgement.CODEC.decode(ack.toJson()))
    }

    @Test
    fun dictionariesListAllWalksEveryPage() {
        val dictionaries =
            withScenario("voice_dictionaries/list_all_pages.json") { client, scenario ->
                client.voiceDictionaries.listAll(ListVoiceDictionariesParams.CODEC.decode(scenario.getValue("args"))).toList()
            }
        assertEquals(3, dictionaries.size)
        assertTrue(dictionaries.all { it.id.isNotEmpty() && it.isUsed == false })
    }

    @Test
    fun secretsNeverShowInToString() {
        val params =
            CreateTwilioCallParams(
                toNumber = "+966500000001",
                twilioPhoneNumber = "+1234567890",
                webhookAuth = WebhookAuth(authKey = "Bearer", authSecret = "tw-secret-token"),
            )
        assertFalse("tw-secret-token" in params.toString(), params.toString())
        assertEquals("tw-secret-token", params.webhookAuth!!.authSecret)
        val options = HamsaOptions(apiKey = "sk-live-secret")
        assertFalse("sk-live-secret" in options.toString(), options.toString())
    }

    @Test
    fun configurationErrorsAreTyped() {
        val error = assertFailsWith<HamsaException.Configuration> { HamsaClient(HamsaOptions(apiKey = "k", region = "mars")) }
        assertEquals("configuration", error.info.code)
    }

    @Test
    fun catalogAndVersionAreReachable() {
        val catalog = parseJson(catalogJson()).jsonObject
        assertEquals(HamsaOperations.SDK_VERSION, sdkVersion())
        val codes = (catalog.getValue("errors") as JsonArray).map { (it.jsonObject.getValue("code") as JsonPrimitive).content }
        assertEquals(HamsaOperations.ERROR_CODES, codes)
    }

    @Test
    fun webToolTestResolvesTheProjectAndReturnsTheStreamsEvents() {
        val events =
            withScenario("web_tools/test_resolves_the_project.json") { client, _ ->
                client.webTools.test(TestWebToolParams(serverUrl = "https://tools.example.com/ping", method = WebToolMethod.GET))
            }
        assertEquals(listOf("attempt"), events.map { it.event })
        assertEquals(JsonPrimitive("Starting API test..."), (events[0].data as JsonObject)["message"])
    }

    @Test
    fun participantTokenReadsTheJobIdFromTheJwtAndHidesTheToken() {
        val token =
            withScenario("web_calls/create_token_job_id_from_the_jwt.json") { client, scenario ->
                client.webCalls.createToken(CreateWebCallTokenParams.CODEC.decode(scenario.getValue("args")))
            }
        assertEquals("9a8b7c6d-5e4f-4a3b-8c2d-000000000301", token.jobId)
        assertEquals(3, token.liveKitAccessToken.split('.').size)
        assertFalse(token.liveKitAccessToken in token.toString(), token.toString())
    }

    @Test
    fun ttsCreateJobReadsItsTypedJobResponse() {
        val job =
            withScenario("tts/create_job_typed_job_response.json") { client, scenario ->
                client.tts.createJob(CreateTtsJobParams.CODEC.decode(scenario.getValue("args")))
            }
        assertEquals(JobStatus.COMPLETED, job.status)
        assertEquals("https://cdn.tryhamsa.com/tts/701.wav", job.jobResponse?.ttsMediaFile)
        assertEquals(JsonPrimitive(1800), job.jobResponse?.extra?.get("durationMs"))
    }

    @Test
    fun secretsCreateErrorNeverShowsTheValue() {
        val error =
            assertFailsWith<HamsaException.BadRequest> {
                withScenario("secrets/create_422_echoing_the_value_hides_it.json") { client, _ ->
                    client.secrets.create(CreateSecretParams(name = "crm_token", value = "sk-live-PLAINTEXT-9f8e7d", description = "CRM API token", tags = listOf("crm", "prod")))
                }
            }
        assertEquals(422, error.info.status)
        assertFalse("sk-live-PLAINTEXT-9f8e7d" in error.info.message, error.info.message)
        assertFalse("sk-live-PLAINTEXT-9f8e7d" in error.toString())
    }

    @Test
    fun jobsListAllResolvesTheProjectAndStopsAtTotalPages() {
        val jobs =
            withScenario("jobs/list_all_pages_stops_at_total_pages.json") { client, _ ->
                client.jobs.listAll(ListJobsParams(type = JobType.TRANSCRIPTION, perPage = 2)).toList()
            }
        assertEquals(4, jobs.size)
        assertTrue(jobs.all { it.status == JobStatus.COMPLETED && it.mediaUrl != null })
    }
}
