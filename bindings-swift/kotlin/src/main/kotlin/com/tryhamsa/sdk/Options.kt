// Client and per-request options, with the core's option names. They travel to the core as JSON, where
// they are validated once (an unknown region or auth scheme is a `configuration` error).

package com.tryhamsa.sdk

import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive

/** How the client talks to Hamsa. Every field is optional; unset ones take the environment or defaults. */
data class HamsaOptions(
    /** Else `HAMSA_API_KEY`. Never printed. */
    val apiKey: String? = null,
    /** Else `HAMSA_BASE_URL`, else the region's URL. */
    val baseUrl: String? = null,
    /** `"eu"` (default) or `"uae"`. */
    val region: String? = null,
    /** `"Token"` (default) or `"Bearer"`. */
    val authScheme: String? = null,
    /** Per attempt. */
    val timeoutMs: Long? = null,
    val connectTimeoutMs: Long? = null,
    /** Across every attempt and the waits between them. */
    val deadlineMs: Long? = null,
    val maxRetries: Int? = null,
    val retryInitialDelayMs: Long? = null,
    val retryMaxDelayMs: Long? = null,
    /** Sent with every request. */
    val defaultHeaders: Map<String, String> = emptyMap(),
) {
    internal fun toJson(binding: String): JsonElement =
        JsonObjectWriter()
            .set("apiKey", apiKey, Codecs.STRING)
            .set("baseUrl", baseUrl, Codecs.STRING)
            .set("region", region, Codecs.STRING)
            .set("authScheme", authScheme, Codecs.STRING)
            .set("timeoutMs", timeoutMs, Codecs.LONG)
            .set("connectTimeoutMs", connectTimeoutMs, Codecs.LONG)
            .set("deadlineMs", deadlineMs, Codecs.LONG)
            .set("maxRetries", maxRetries, Codecs.INT)
            .set("retryInitialDelayMs", retryInitialDelayMs, Codecs.LONG)
            .set("retryMaxDelayMs", retryMaxDelayMs, Codecs.LONG)
            .set("defaultHeaders", headersJson(defaultHeaders), Codecs.JSON)
            .set("binding", binding, Codecs.STRING)
            .build()

    /** The API key never shows in logs. */
    override fun toString(): String =
        "HamsaOptions(apiKey=${apiKey?.let { REDACTED }}, baseUrl=$baseUrl, region=$region, authScheme=$authScheme, " +
            "timeoutMs=$timeoutMs, deadlineMs=$deadlineMs, maxRetries=$maxRetries)"

    companion object {
        /** Options from the core's JSON form (e.g. a config file); an unknown key is a `configuration` error. */
        @JvmStatic
        fun fromJson(json: JsonElement): HamsaOptions {
            val reader = OptionsReader(json, "client options")
            return HamsaOptions(
                apiKey = reader.get("apiKey", Codecs.STRING),
                baseUrl = reader.get("baseUrl", Codecs.STRING),
                region = reader.get("region", Codecs.STRING),
                authScheme = reader.get("authScheme", Codecs.STRING),
                timeoutMs = reader.get("timeoutMs", Codecs.LONG),
                connectTimeoutMs = reader.get("connectTimeoutMs", Codecs.LONG),
                deadlineMs = reader.get("deadlineMs", Codecs.LONG),
                maxRetries = reader.get("maxRetries", Codecs.INT),
                retryInitialDelayMs = reader.get("retryInitialDelayMs", Codecs.LONG),
                retryMaxDelayMs = reader.get("retryMaxDelayMs", Codecs.LONG),
                defaultHeaders = reader.headers("defaultHeaders"),
            ).also { reader.refuseUnknown() }
        }
    }
}

/** Overrides of the client's options for one request. */
data class RequestOptions(
    val timeoutMs: Long? = null,
    val deadlineMs: Long? = null,
    val maxRetries: Int? = null,
    /** Extra headers for this request. */
    val headers: Map<String, String> = emptyMap(),
) {
    internal fun toJson(): JsonElement =
        JsonObjectWriter()
            .set("timeoutMs", timeoutMs, Codecs.LONG)
            .set("deadlineMs", deadlineMs, Codecs.LONG)
            .set("maxRetries", maxRetries, Codecs.INT)
            .set("headers", headersJson(headers), Codecs.JSON)
            .build()

    companion object {
        /** Options from the core's JSON form; an unknown key is a `configuration` error. */
        @JvmStatic
        fun fromJson(json: JsonElement): RequestOptions {
            val reader = OptionsReader(json, "request options")
            return RequestOptions(
                timeoutMs = reader.get("timeoutMs", Codecs.LONG),
                deadlineMs = reader.get("deadlineMs", Codecs.LONG),
                maxRetries = reader.get("maxRetries", Codecs.INT),
                headers = reader.headers("headers"),
            ).also { reader.refuseUnknown() }
        }
    }
}

private fun headersJson(headers: Map<String, String>): JsonElement = JsonObject(headers.mapValues { JsonPrimitive(it.value) })

/** Reads options JSON, remembering which keys were read so that the rest can be refused. */
private class OptionsReader(json: JsonElement, private val what: String) {
    private val fields = json as? JsonObject ?: throw configurationFailure("$what: expected an object")
    private val seen = mutableSetOf<String>()

    fun <T> get(key: String, codec: JsonCodec<T>): T? {
        seen += key
        val value = fields[key] ?: return null
        if (value is kotlinx.serialization.json.JsonNull) return null
        return try {
            codec.decode(value)
        } catch (e: HamsaException) {
            throw configurationFailure("$what: $key: ${e.info.message}")
        }
    }

    fun headers(key: String): Map<String, String> {
        val value = get(key, Codecs.JSON) ?: return emptyMap()
        val headers = value as? JsonObject ?: throw configurationFailure("$what: $key: expected an object")
        return headers.mapValues { Codecs.STRING.decode(it.value) }
    }

    fun refuseUnknown() {
        fields.keys.sorted().firstOrNull { it !in seen }?.let { throw configurationFailure("$what: unknown option $it") }
    }
}
