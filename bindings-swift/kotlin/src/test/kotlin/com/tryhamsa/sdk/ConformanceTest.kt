// Runs EVERY scenario of the conformance suite (tests/scenarios) through the Kotlin binding and prints
// `conformance (kotlin): N passed, M failed`. The test fails unless every scenario passes and the count
// equals the number of scenario files. The runner only reports what it saw; the mock judges it with the
// suite's one judge (tests/src/verdict.rs).

package com.tryhamsa.sdk

import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.booleanOrNull
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

    /**
     * One scenario: serve it, run the operation, report what it did; the mock judges it (with the suite's
     * one judge, tests/src/verdict.rs) and answers the problems found.
     */
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
        val elapsedMs = JsonPrimitive((System.nanoTime() - started) / 1_000_000.0)
        val report =
            try {
                outcome.fold(
                    onSuccess = { result ->
                        val typed = typedRoundTrip(operation, paginate, result)
                        JsonObject(listOfNotNull("result" to result, typed?.let { "typedResult" to it }).toMap())
                    },
                    onFailure = { error ->
                        if (error is HamsaException) {
                            JsonObject(mapOf("error" to errorFacts(error)))
                        } else {
                            failure("not a HamsaException: $error")
                        }
                    },
                )
            } catch (e: RunnerFailure) {
                failure(e.message)
            } catch (e: Exception) {
                failure("runner crashed: $e")
            }
        return Mock.outcome(served.id, JsonObject(report + ("elapsedMs" to elapsedMs)))
    }

    private class RunnerFailure(override val message: String) : Exception(message)

    private fun failure(reason: String) = JsonObject(mapOf("failure" to JsonPrimitive(reason)))

    /**
     * The result through the typed models and back, which must match `expect.result` too: the typed layer
     * loses nothing. Null when the operation has no typed result model (`webhooks.verify`: a boolean).
     */
    private fun typedRoundTrip(
        operation: String,
        paginate: Boolean,
        result: JsonElement,
    ): JsonElement? =
        try {
            if (paginate) {
                val item = HamsaOperations.itemRoundTrip[operation] ?: throw RunnerFailure("no typed item model for $operation")
                JsonArray(result.jsonArray.map(item))
            } else {
                HamsaOperations.resultRoundTrip[operation]?.invoke(result)
            }
        } catch (e: HamsaException) {
            throw RunnerFailure("typed model refused the result: ${e.info.message}")
        }

    /** The error as the outcome report describes it (tests/README.md). */
    private fun errorFacts(error: HamsaException): JsonObject {
        val info = error.info
        fun text(value: String?) = value?.let { JsonPrimitive(it) } ?: JsonNull
        return JsonObject(
            mapOf(
                "code" to JsonPrimitive(info.code),
                "status" to (info.status?.let { JsonPrimitive(it) } ?: JsonNull),
                "message" to JsonPrimitive(info.message),
                "messageKey" to text(info.messageKey),
                "requestId" to text(info.requestId),
                "attempts" to JsonPrimitive(info.attempts.size),
                // Throwable.toString() is the class name and `error.message`.
                "display" to JsonPrimitive(error.toString()),
                "debug" to JsonPrimitive(info.toString()),
                // One class per code: the mock checks that this one names the code.
                "class" to JsonPrimitive(error::class.simpleName ?: "an anonymous class"),
            ),
        )
    }
}
