// Receiving Hamsa's webhooks with any server framework: header value and raw body in. Both run in the
// core (constant-time comparison, the event model); they need no client. `client.webhooks` (generated,
// Resources.kt) points here, and Operations.kt names each of the catalog's offline operations, so a new
// one does not compile until it is written here.

package com.tryhamsa.sdk

import kotlinx.serialization.json.JsonElement

object Webhooks {
    /**
     * Checks a webhook request's `Authorization` header (null when the request had none) against the
     * `webhookAuth` you gave when you started the call. Throws [HamsaException.WebhookVerification].
     */
    @JvmStatic
    fun verify(authorization: String?, authKey: String, authSecret: String) = webhooksVerify(authorization, authKey, authSecret)

    /**
     * Parses a webhook request's raw body into an event. An event type this SDK does not know keeps its raw
     * value in `eventType.value` and its fields in `data` and `extra`.
     */
    @JvmStatic
    fun parse(body: String): WebhookEvent = WebhookEvent.CODEC.decode(parseRaw(body))

    /** The event as wire JSON. */
    @JvmStatic
    fun parseRaw(body: String): JsonElement = parseJson(webhooksParse(body))
}
