// The client's machinery; the generated HamsaClient (Resources.kt) adds the resource properties.
// Cancellation: each call carries a CancelToken that a cancelled coroutine trips, so the core drops the
// request (closing its connection) instead of letting it run on unobserved.

package com.tryhamsa.sdk

import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject

abstract class HamsaClientBase(options: HamsaOptions) : AutoCloseable {
    private val native: NativeClient = NativeClient(options.toJson("kotlin/${KotlinVersion.CURRENT}").toString())

    /** The base URL requests go to. */
    val baseUrl: String get() = native.baseUrl()

    /**
     * Runs any operation by its public name (`"calls.create_twilio"`) with wire-JSON arguments and returns
     * the wire-JSON result: the escape hatch under the typed methods.
     */
    suspend fun invokeRaw(
        operation: String,
        arguments: JsonElement = JsonObject(emptyMap()),
        options: RequestOptions? = null,
    ): JsonElement {
        val optionsText = (options ?: RequestOptions()).toJson().toString()
        val text = withCancelToken { token -> native.invoke(operation, arguments.toString(), optionsText, token) }
        return parseJson(text)
    }

    /** Every item of every page of a paged operation, as wire JSON; pages are fetched as the flow is collected. */
    fun pagesRaw(
        operation: String,
        arguments: JsonElement = JsonObject(emptyMap()),
        options: RequestOptions? = null,
    ): Flow<JsonElement> = pages(operation, arguments, options, Codecs.JSON)

    /** What the generated typed methods call. */
    internal suspend fun <T> perform(
        operation: String,
        arguments: JsonElement,
        options: RequestOptions?,
        codec: JsonCodec<T>,
    ): T = codec.decode(invokeRaw(operation, arguments, options))

    internal fun <T> pages(
        operation: String,
        arguments: JsonElement,
        options: RequestOptions?,
        codec: JsonCodec<T>,
    ): Flow<T> =
        flow {
            val optionsText = (options ?: RequestOptions()).toJson().toString()
            native.pager(operation, arguments.toString(), optionsText).use { pager ->
                val itemsField = pager.itemsField()
                while (true) {
                    val text = withCancelToken { token -> pager.nextPage(token) } ?: break
                    val items = (parseJson(text) as? JsonObject)?.get(itemsField) as? JsonArray ?: JsonArray(emptyList())
                    for (item in items) emit(codec.decode(item))
                }
            }
        }

    /** Frees the native client. Calls still running finish first (they hold their own reference). */
    override fun close() = native.close()
}

/**
 * Runs [body] with a fresh CancelToken, tripped when the coroutine is cancelled. UniFFI's generated
 * suspend functions also drop the Rust future on cancellation; the token makes the stop explicit and
 * immediate, and is what the cancellation tests check.
 */
internal suspend fun <T> withCancelToken(body: suspend (CancelToken) -> T): T =
    CancelToken().use { token ->
        try {
            body(token)
        } catch (e: CancellationException) {
            token.cancel()
            throw e
        }
    }
