// The conformance suite's result matching (tests/README.md, "Matching a result"), in Kotlin.

package com.tryhamsa.sdk

import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import java.math.BigDecimal

/** The first difference of [actual] from [expected] (subset match), or null when they match. */
fun subsetDiff(expected: JsonElement, actual: JsonElement?, path: String = "$"): String? {
    if (actual == null) return if (expected is JsonNull) null else "$path: missing, expected $expected"
    return when {
        expected is JsonObject && actual is JsonObject ->
            expected.entries.firstNotNullOfOrNull { (key, want) -> subsetDiff(want, actual[key], "$path.$key") }
        expected is JsonArray && actual is JsonArray ->
            if (expected.size != actual.size) {
                "$path: expected ${expected.size} elements, got ${actual.size}"
            } else {
                expected.indices.firstNotNullOfOrNull { subsetDiff(expected[it], actual[it], "$path[$it]") }
            }
        expected is JsonPrimitive && actual is JsonPrimitive && isNumber(expected) && isNumber(actual) ->
            if (BigDecimal(expected.content).compareTo(BigDecimal(actual.content)) == 0) null else "$path: expected $expected, got $actual"
        expected == actual -> null
        else -> "$path: expected $expected, got $actual"
    }
}

private fun isNumber(value: JsonPrimitive): Boolean = !value.isString && value !is JsonNull && value.content != "true" && value.content != "false"
