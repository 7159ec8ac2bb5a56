// How typed models meet wire JSON. Free-form JSON is kotlinx-serialization's JsonElement (the library
// only: no compiler plugin), and the generated models (Models.kt) convert themselves explicitly through
// the codecs below, which keeps unknown fields and unknown enum values without custom serializers.

package com.tryhamsa.sdk

import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.booleanOrNull
import kotlinx.serialization.json.doubleOrNull
import kotlinx.serialization.json.intOrNull
import kotlinx.serialization.json.longOrNull

/** A model with a wire-JSON form. */
interface JsonModel {
    fun toJson(): JsonElement
}

/** Converts one type to and from wire JSON. */
interface JsonCodec<T> {
    fun decode(json: JsonElement): T

    fun encode(value: T): JsonElement

    /** Decodes and encodes again: what survives the typed model. */
    fun roundTrip(json: JsonElement): JsonElement = encode(decode(json))

    companion object {
        fun <T> of(decode: (JsonElement) -> T, encode: (T) -> JsonElement): JsonCodec<T> =
            object : JsonCodec<T> {
                override fun decode(json: JsonElement): T = decode(json)

                override fun encode(value: T): JsonElement = encode(value)
            }

        fun <T : JsonModel> model(decode: (JsonElement) -> T): JsonCodec<T> = of(decode) { it.toJson() }
    }
}

/** The codecs of the scalar types and lists. */
object Codecs {
    val STRING: JsonCodec<String> = primitive("a string", { if (it.isString) it.content else null }) { JsonPrimitive(it) }
    val INT: JsonCodec<Int> = primitive("an integer", { if (it.isString) null else it.intOrNull }) { JsonPrimitive(it) }
    val LONG: JsonCodec<Long> = primitive("an integer", { if (it.isString) null else it.longOrNull }) { JsonPrimitive(it) }
    val DOUBLE: JsonCodec<Double> = primitive("a number", { if (it.isString) null else it.doubleOrNull }) { JsonPrimitive(it) }
    val BOOLEAN: JsonCodec<Boolean> = primitive("a boolean", { if (it.isString) null else it.booleanOrNull }) { JsonPrimitive(it) }
    val JSON: JsonCodec<JsonElement> = JsonCodec.of({ it }, { it })

    fun <T> list(item: JsonCodec<T>): JsonCodec<List<T>> =
        JsonCodec.of(
            { json -> (json as? JsonArray ?: throw decodeFailure("expected an array, got $json")).map(item::decode) },
            { value -> JsonArray(value.map(item::encode)) },
        )

    private fun <T> primitive(
        what: String,
        read: (JsonPrimitive) -> T?,
        write: (T) -> JsonElement,
    ): JsonCodec<T> =
        JsonCodec.of(
            { json -> (json as? JsonPrimitive)?.takeIf { it !is JsonNull }?.let(read) ?: throw decodeFailure("expected $what, got $json") },
            write,
        )
}

/** Reads a JSON object's fields for a generated model's codec. */
class JsonObjectReader(json: JsonElement, private val typeName: String) {
    private val fields: JsonObject = json as? JsonObject ?: throw decodeFailure("$typeName: expected an object, got $json")

    fun <T> required(key: String, codec: JsonCodec<T>): T =
        optional(key, codec) ?: throw decodeFailure("$typeName.$key is missing")

    /** Absent and null are both null: the SDK drops nulls. */
    fun <T> optional(key: String, codec: JsonCodec<T>): T? {
        val value = fields[key]
        if (value == null || value is JsonNull) return null
        return try {
            codec.decode(value)
        } catch (e: HamsaException) {
            throw decodeFailure("$typeName.$key: ${e.info.message}")
        }
    }

    /** The fields no generated property holds. */
    fun rest(known: Set<String>): Map<String, JsonElement> = fields.filterKeys { it !in known }
}

/** Builds a JSON object for a generated model's `toJson()`; null fields are left out. */
class JsonObjectWriter(extra: Map<String, JsonElement> = emptyMap()) {
    private val fields = LinkedHashMap(extra)

    fun <T> set(key: String, value: T?, codec: JsonCodec<T>): JsonObjectWriter {
        if (value != null) fields[key] = codec.encode(value)
        return this
    }

    fun build(): JsonElement = JsonObject(fields)
}

/** Parses JSON text (lenient parsing off: the core only produces strict JSON). */
fun parseJson(text: String): JsonElement =
    try {
        Json.parseToJsonElement(text)
    } catch (e: IllegalArgumentException) {
        throw decodeFailure("invalid JSON: ${e.message}")
    }

internal const val REDACTED = "<redacted>"

internal fun decodeFailure(message: String): HamsaException = HamsaException.Decode(errorInfo("decode", message))

internal fun configurationFailure(message: String): HamsaException =
    HamsaException.Configuration(errorInfo("configuration", message))

internal fun errorInfo(
    code: String,
    message: String,
): ErrorInfo =
    ErrorInfo(
        code = code,
        status = null,
        message = message,
        messageKey = null,
        requestId = null,
        attempts = emptyList(),
        field = null,
        cause = null,
        bodySnippet = null,
    )
