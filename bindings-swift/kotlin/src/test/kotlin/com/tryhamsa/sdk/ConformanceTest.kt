// Runs EVERY scenario of the conformance suite (tests/scenarios) through the Kotlin binding and prints
// `conformance (kotlin): N passed, M failed`. The test fails unless every scenario passes and the count
// equals the number of scenario files.

package com.tryhamsa.sdk

import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.booleanOrNull
import kotlinx.serialization.json.int
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import org.junit.jupiter.api.Test
import java.io.File
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import kotlin.test.fail

class ConformanceTest {
    @Test
    fun everyScenarioPasses() {
        val root = File(System.getenv("HAMSA_SCENARIOS") ?: "../../tests/scenarios")
        val files = root.walkTopDown().filter { it.isFile && it.extension == "json" }.sortedBy { it.path }.toList()
        assertTrue(files.isNotEmpty(), "no scenario files under $root")
        val failures = mutableListOf<String>()
        var passed = 0
        for (file in files) {
            val problems =
                try {
                    run(file.readText())
                } catch (e: Throwable) {
                    listOf("runner crashed: $e")
                }
            if (problems.isEmpty()) passed++ else failures += "${file.relativeTo(root)}: ${problems.joinToString("; ")}"
        }
        failures.forEach { println("FAIL $it") }
        println("conformance (kotlin): $passed passed, ${failures.size} failed")
        assertEquals(files.size, passed + failures.size)
        if (failures.isNotEmpty()) fail("${failures.size} of ${files.size} scenarios failed:\n" + failures.joinToString("\n"))
    }

    /** One scenario: serve it, run the operation, judge the outcome. Returns the problems found. */
    private fun run(text: String): List<String> {
        val scenario = parseJson(text).jsonObject
        val served = Mock.serve(text)
        val operation = scenario.getValue("operation").jsonPrimitive.content
        val args = scenario["args"] ?: JsonObject(emptyMap())
        val paginate = scenario["paginate"]?.jsonPrimitive?.booleanOrNull == true
        val started = System.nanoTime()
        val outcome: Result<JsonElement> =
            runCatching {
                runBlocking {
                    val options = scenario["options"]?.let(RequestOptions::fromJson)
                    Mock.client(served).use { client ->
                        if (paginate) {
                            JsonArray(client.pagesRaw(operation, args, options).toList())
                        } else {
                            client.invokeRaw(operation, args, options)
                        }
                    }
                }
            }
        val elapsedMs = (System.nanoTime() - started) / 1_000_000
        val report = Mock.report(served.id)
        val problems = report.failures.map { "mock: $it" }.toMutableList()
        val expect = scenario.getValue("expect").jsonObject
        problems += checkRequests(expect, report.requests)
        expect["maxElapsedMs"]?.let { if (elapsedMs > it.jsonPrimitive.int) problems += "took $elapsedMs ms, expected at most $it" }
        val expectedResult = expect["result"]
        val expectedError = expect["error"]?.jsonObject
        outcome.fold(
            onSuccess = { result ->
                if (expectedResult == null) {
                    problems += "expected error ${expectedError?.get("code")}, got result $result"
                } else {
                    subsetDiff(expectedResult, result)?.let { problems += it }
                    problems += typedRoundTrip(operation, paginate, result, expectedResult)
                }
            },
            onFailure = { error ->
                when {
                    error !is HamsaException -> problems += "not a HamsaException: $error"
                    expectedError == null -> problems += "expected a result, got ${error.info.code}: ${error.info.message}"
                    else -> problems += checkError(expectedError, error, expect["secretsAbsent"])
                }
            },
        )
        return problems
    }

    /** The result through the typed models and back must still match: the typed layer loses nothing. */
    private fun typedRoundTrip(
        operation: String,
        paginate: Boolean,
        result: JsonElement,
        expected: JsonElement,
    ): List<String> {
        val again =
            try {
                if (paginate) {
                    val item = HamsaOperations.itemRoundTrip[operation] ?: return listOf("no typed item model for $operation")
                    JsonArray(result.jsonArray.map(item))
                } else {
                    val model = HamsaOperations.resultRoundTrip[operation] ?: return emptyList() // webhooks.verify: a boolean
                    model(result)
                }
            } catch (e: HamsaException) {
                return listOf("typed model refused the result: ${e.info.message}")
            }
        return listOfNotNull(subsetDiff(expected, again)?.let { "after the typed round trip: $it" })
    }

    private fun checkRequests(expect: JsonObject, count: Int): List<String> {
        val exact = expect["requests"]?.jsonPrimitive?.int
        val least = exact ?: expect["requestsAtLeast"]?.jsonPrimitive?.int ?: 0
        val most = exact ?: expect["requestsAtMost"]?.jsonPrimitive?.int
        return if (count < least || (most != null && count > most)) listOf("the mock received $count requests, expected $least..${most ?: "∞"}") else emptyList()
    }

    private fun checkError(
        expected: JsonObject,
        error: HamsaException,
        secretsAbsent: JsonElement?,
    ): List<String> {
        val info = error.info
        val problems = mutableListOf<String>()
        fun check(what: String, wanted: JsonElement?, actual: Any?) {
            if (wanted == null) return
            val want = if (wanted is JsonNull) null else wanted.jsonPrimitive.content
            if (want != actual?.toString()) problems += "$what: expected $want, got $actual"
        }
        check("code", expected["code"], info.code)
        check("status", expected["status"], info.status)
        check("message", expected["message"], info.message)
        check("messageKey", expected["messageKey"], info.messageKey)
        check("requestId", expected["requestId"], info.requestId)
        check("attempts", expected["attempts"], info.attempts.size)
        expected["messageContains"]?.jsonPrimitive?.content?.let {
            if (it !in info.message) problems += "message ${info.message} does not contain $it"
        }
        val variant = error::class.simpleName
        if (variant == null || variant.lowercase() != info.code.replace("_", "").removeSuffix("error").lowercase()) {
            problems += "code ${info.code} raised as HamsaException.$variant"
        }
        for (secret in (secretsAbsent as? JsonArray).orEmpty()) {
            val value = secret.jsonPrimitive.content
            val texts = listOf(info.message, error.toString(), error.message.orEmpty(), info.toString())
            if (texts.any { value in it }) problems += "secret $value appears in the error"
        }
        return problems
    }
}
