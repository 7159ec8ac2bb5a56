// The conformance mock (tests/src/bin/conformance-mock.rs) as seen from the tests: started once per test
// run from $HAMSA_CONFORMANCE_MOCK (or reached at $HAMSA_MOCK_URL), driven through its control API.

package com.tryhamsa.sdk

import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.int
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration

/** A scenario being served: its id and the effective client options the mock chose. */
data class Served(val id: String, val client: JsonElement)

data class Report(val requests: Int, val failures: List<String>)

object Mock {
    private val http: HttpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()

    val url: String by lazy { System.getenv("HAMSA_MOCK_URL") ?: start() }

    private fun start(): String {
        val binary =
            System.getenv("HAMSA_CONFORMANCE_MOCK")
                ?: error("set HAMSA_CONFORMANCE_MOCK (the conformance-mock binary) or HAMSA_MOCK_URL")
        val process = ProcessBuilder(binary).redirectError(ProcessBuilder.Redirect.INHERIT).start()
        Runtime.getRuntime().addShutdownHook(Thread { process.destroy() })
        val output = process.inputStream.bufferedReader()
        val first = output.readLine() ?: error("conformance-mock printed nothing")
        // Keep draining its output, so that a chatty mock never blocks on a full pipe.
        Thread { output.lineSequence().forEach { } }.apply { isDaemon = true }.start()
        return Regex("listening on (\\S+)").find(first)?.groupValues?.get(1) ?: error("unexpected first line: $first")
    }

    fun serve(scenario: String): Served {
        val answer = parseJson(post("/scenarios", scenario)).jsonObject
        return Served(answer.getValue("id").jsonPrimitive.content, answer.getValue("client"))
    }

    /**
     * Stops a served scenario and has the mock judge what the runner saw ([report], the outcome report of
     * tests/README.md): every reason the scenario failed, or nothing.
     */
    fun outcome(
        id: String,
        report: JsonObject,
    ): List<String> {
        val answer = parseJson(post("/scenarios/$id/outcome", report.toString())).jsonObject
        return answer.getValue("failures").jsonArray.map { it.jsonPrimitive.content }
    }

    /** Stops a served scenario without judging it (for the tests' own scenarios): what the mock saw. */
    fun report(id: String): Report {
        val answer = parseJson(get("/scenarios/$id/report")).jsonObject
        return Report(
            answer.getValue("requests").jsonPrimitive.int,
            answer["failures"]?.jsonArray?.map { it.jsonPrimitive.content } ?: emptyList(),
        )
    }

    /** A client for a served scenario, made through the public options type. */
    fun client(served: Served): HamsaClient = HamsaClient(HamsaOptions.fromJson(served.client))

    private fun post(path: String, body: String): String =
        send(HttpRequest.newBuilder(URI(url + path)).POST(HttpRequest.BodyPublishers.ofString(body)).header("content-type", "application/json"))

    private fun get(path: String): String = send(HttpRequest.newBuilder(URI(url + path)).GET())

    private fun send(request: HttpRequest.Builder): String {
        val response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString())
        check(response.statusCode() == 200) { "mock control API answered ${response.statusCode()}: ${response.body()}" }
        return response.body()
    }
}

/** A one-exchange scenario that the test cancels, e.g. behind a slow response. */
fun scenario(
    operation: String,
    args: JsonObject,
    path: String,
    method: String = "GET",
    query: Map<String, String> = emptyMap(),
    status: Int = 200,
    body: JsonElement? = null,
    delayMs: Int = 0,
): String {
    val response =
        buildMap {
            put("status", JsonPrimitive(status))
            if (body != null) put("body", body)
            put("delayMs", JsonPrimitive(delayMs))
        }
    val request =
        mapOf(
            "method" to JsonPrimitive(method),
            "path" to JsonPrimitive(path),
            "query" to JsonObject(query.mapValues { JsonPrimitive(it.value) }),
        )
    val exchange = mapOf("request" to JsonObject(request), "response" to JsonObject(response))
    return JsonObject(
        mapOf(
            "name" to JsonPrimitive("kotlin: $operation"),
            "operation" to JsonPrimitive(operation),
            "args" to args,
            "exchanges" to kotlinx.serialization.json.JsonArray(listOf(JsonObject(exchange))),
            // The mock insists on an expectation; these scenarios are cancelled by the tests.
            "expect" to JsonObject(mapOf("requests" to JsonPrimitive(1), "error" to JsonObject(mapOf("code" to JsonPrimitive("cancelled"))))),
        ),
    ).toString()
}
