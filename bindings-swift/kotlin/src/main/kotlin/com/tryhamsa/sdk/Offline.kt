// The operations that need no client (the catalog's kind `offline`, such as the webhook helpers: header
// value and raw body in, a verdict or an event out). They run in the core through its one native entry
// point for them, `invokeOffline(operation, argsJson)`; each one's typed function (`Webhooks.verify`,
// `Webhooks.parse`) is generated (Resources.kt) on top of this.

package com.tryhamsa.sdk

import kotlinx.serialization.json.JsonElement

/** What the generated functions of the operations that need no client call: wire JSON in, typed result out. */
internal fun <T> performOffline(operation: String, arguments: JsonElement, codec: JsonCodec<T>): T =
    codec.decode(parseJson(invokeOffline(operation, arguments.toString())))
