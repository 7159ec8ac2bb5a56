// Cancelling a coroutine stops the request in the core: the call returns promptly, not when the slow
// mock finally answers.

package com.tryhamsa.sdk

import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.async
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import org.junit.jupiter.api.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue

class CancellationTest {
    private val job = JsonObject(mapOf("success" to JsonPrimitive(true), "data" to JsonObject(mapOf("id" to JsonPrimitive("job-1")))))

    @Test
    fun cancellingTheCoroutineStopsTheRequest() {
        val served = Mock.serve(scenario("jobs.get", JsonObject(mapOf("jobId" to JsonPrimitive("job-1"))), "/v1/jobs", query = mapOf("jobId" to "job-1"), body = job, delayMs = 5_000))
        Mock.client(served).use { client ->
            runBlocking {
                val call = async { client.jobs.get(jobId = "job-1", options = RequestOptions(maxRetries = 0)) }
                delay(300) // the request is on the wire, the mock is sleeping
                val started = System.nanoTime()
                call.cancel()
                assertFailsWith<CancellationException> { call.await() }
                val tookMs = (System.nanoTime() - started) / 1_000_000
                assertTrue(tookMs < 1_000, "cancel took $tookMs ms")
            }
        }
        assertEquals(1, Mock.report(served.id).requests)
    }

    @Test
    fun aTimeoutAroundTheCallCancelsItToo() {
        val served = Mock.serve(scenario("jobs.get", JsonObject(mapOf("jobId" to JsonPrimitive("job-1"))), "/v1/jobs", query = mapOf("jobId" to "job-1"), body = job, delayMs = 5_000))
        val started = System.nanoTime()
        Mock.client(served).use { client ->
            assertFailsWith<CancellationException> {
                runBlocking { withTimeout(300) { client.jobs.get(jobId = "job-1") } }
            }
        }
        val tookMs = (System.nanoTime() - started) / 1_000_000
        assertTrue(tookMs < 2_000, "withTimeout(300) took $tookMs ms")
        Mock.report(served.id)
    }

    @Test
    fun cancellingACollectingCoroutineStopsPaging() {
        val served =
            Mock.serve(
                scenario(
                    "phone_numbers.list",
                    JsonObject(mapOf("take" to JsonPrimitive(2))),
                    "/v1/voice-agents/phone-number/list",
                    query = mapOf("skip" to "1", "take" to "2"),
                    body = JsonObject(mapOf("success" to JsonPrimitive(true), "data" to kotlinx.serialization.json.JsonArray(emptyList()))),
                    delayMs = 5_000,
                ),
            )
        Mock.client(served).use { client ->
            runBlocking {
                val collecting = async { client.phoneNumbers.listAll(ListPhoneNumbersParams(take = 2)).toList() }
                delay(300)
                val started = System.nanoTime()
                collecting.cancel()
                assertFailsWith<CancellationException> { collecting.await() }
                val tookMs = (System.nanoTime() - started) / 1_000_000
                assertTrue(tookMs < 1_000, "cancel took $tookMs ms")
            }
        }
        assertEquals(1, Mock.report(served.id).requests)
    }

    @Test
    fun aTrippedTokenEndsTheNativeCallWithCancelled() {
        val served = Mock.serve(scenario("jobs.get", JsonObject(mapOf("jobId" to JsonPrimitive("job-1"))), "/v1/jobs", query = mapOf("jobId" to "job-1"), body = job, delayMs = 5_000))
        val native = NativeClient(HamsaOptions.fromJson(served.client).toJson("kotlin-test").toString())
        native.use {
            CancelToken().use { token ->
                val error =
                    runBlocking {
                        val call = async { runCatching { native.invoke("jobs.get", """{"jobId":"job-1"}""", "", token) } }
                        delay(300)
                        token.cancel()
                        call.await().exceptionOrNull()
                    }
                assertTrue(error is HamsaException.Cancelled, "got $error")
            }
        }
        Mock.report(served.id)
    }
}
