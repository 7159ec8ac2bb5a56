// The UniFFI entry points themselves (below the typed layer): argument JSON that does not parse is an
// invalid_argument, before anything is sent, in every binding alike.

package com.tryhamsa.sdk

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue

class NativeBoundaryTest {
    private val broken = """{"jobId": """

    private fun check(entry: String, error: HamsaException.InvalidArgument) {
        assertEquals("invalid_argument", error.info.code, entry)
        assertTrue("not valid JSON" in error.info.message, "$entry: ${error.info.message}")
    }

    @Test
    fun unparseableArgumentJsonIsAnInvalidArgument() {
        check("NativeClient", assertFailsWith<HamsaException.InvalidArgument> { NativeClient(broken) })
        // Nothing listens on port 9: a request that was sent would fail with `connection` instead.
        NativeClient("""{"apiKey":"k","baseUrl":"http://127.0.0.1:9"}""").use { native ->
            check("pager arguments", assertFailsWith { native.pager("phone_numbers.list", broken, "") })
            check("pager options", assertFailsWith { native.pager("phone_numbers.list", "{}", broken) })
            runBlocking {
                check("invoke arguments", assertFailsWith { native.invoke("jobs.get", broken, "", null) })
                check("invoke options", assertFailsWith { native.invoke("jobs.get", """{"jobId":"j"}""", broken, null) })
            }
        }
    }
}
