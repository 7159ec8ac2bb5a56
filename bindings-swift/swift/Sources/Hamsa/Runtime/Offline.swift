// The operations that need no client (the catalog's kind `offline`, such as the webhook helpers: header
// value and raw body in, a verdict or an event out). They run in the core through its one native entry
// point for them, `invokeOffline(operation:argsJson:)`; each one's typed function (`Webhooks.verify`,
// `Webhooks.parse`) is generated (Resources.swift) on top of these two.

/// Runs an operation that needs no client with wire-JSON arguments; returns its wire-JSON result.
func invokeOfflineRaw(_ operation: String, arguments: JSONValue) throws -> JSONValue {
    try JSONValue(parsing: invokeOffline(operation: operation, argsJson: arguments.jsonText))
}

/// What the generated functions of the operations that need no client call.
func performOffline<Result: JSONConvertible>(_ operation: String, arguments: JSONValue) throws -> Result {
    try Result(json: invokeOfflineRaw(operation, arguments: arguments))
}
