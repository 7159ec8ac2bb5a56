package com.tryhamsa.sdk

import org.junit.jupiter.api.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse

class WebhooksTest {
    @Test
    fun verifyAcceptsTheMatchingHeaderOnly() {
        Webhooks.verify("Bearer s3cret", "Bearer", "s3cret")
        val error = assertFailsWith<HamsaException.WebhookVerification> { Webhooks.verify("Bearer wrong", "Bearer", "s3cret") }
        assertFalse("s3cret" in error.info.message)
        assertFailsWith<HamsaException.WebhookVerification> { Webhooks.verify(null, "Bearer", "s3cret") }
    }

    @Test
    fun parseKnowsEventsAndKeepsUnknownOnes() {
        val started = Webhooks.parse("""{"eventType":"call.started","callId":"c1","data":{"a":1}}""")
        assertEquals(WebhookEventType.CALL_STARTED, started.eventType)
        assertEquals("c1", started.callId)
        val future = Webhooks.parse("""{"eventType":"call.teleported","callId":"c2","planet":"mars"}""")
        assertEquals("call.teleported", future.eventType.value)
        assertFalse(future.eventType.isKnown)
        assertEquals("\"mars\"", future.extra["planet"].toString())
        assertFailsWith<HamsaException.Decode> { Webhooks.parse("{not json") }
    }
}
