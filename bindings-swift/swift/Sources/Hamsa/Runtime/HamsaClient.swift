// The client: a thin Swift face over the native (Rust) client. Every operation goes through
// `invokeRaw`, which adds the one thing Swift needs on top of the core: cancellation. `Task.cancel()`
// does not reach Rust by itself, so each call carries a CancelToken tripped by
// `withTaskCancellationHandler`; the core then drops the request (closing its connection).

/// The Hamsa client. Thread-safe; share one per app (it holds a connection pool).
///
/// ```swift
/// let client = try HamsaClient(options: HamsaOptions(apiKey: key))
/// let job = try await client.calls.createTwilio(
///     CreateTwilioCallParams(toNumber: "+9665...", twilioPhoneNumber: "+1234567890", voiceAgentId: "..."))
/// ```
public final class HamsaClient: Sendable {
    let native: NativeClient

    /// Unset options fall back to the environment (`HAMSA_API_KEY`, `HAMSA_BASE_URL`), read now.
    public init(options: HamsaOptions = HamsaOptions()) throws {
        native = try NativeClient(optionsJson: options.json(binding: "swift").jsonText)
    }

    /// The base URL requests go to.
    public var baseURL: String { native.baseUrl() }

    /// Runs any operation by its public name (`"calls.create_twilio"`) with wire-JSON arguments and
    /// returns the wire-JSON result: the escape hatch under the typed methods.
    public func invokeRaw(_ operation: String, arguments: JSONValue = [:], options: RequestOptions? = nil)
        async throws -> JSONValue
    {
        let native = self.native
        let optionsText = (options ?? RequestOptions()).json.jsonText
        let text = try await withCancelToken { token in
            try await native.invoke(
                operation: operation, argsJson: arguments.jsonText, optionsJson: optionsText, cancel: token)
        }
        return try JSONValue(parsing: text)
    }

    /// Every item of every page of a paged operation, as wire JSON or any `JSONConvertible` item type.
    public func pages<Item: JSONConvertible>(
        _ operation: String, arguments: JSONValue = [:], options: RequestOptions? = nil, of: Item.Type = Item.self
    ) -> HamsaPages<Item> {
        HamsaPages(native: native, operation: operation, arguments: arguments, options: options ?? RequestOptions())
    }

    /// What the generated typed methods call.
    func perform<Result: JSONConvertible>(_ operation: String, arguments: JSONValue, options: RequestOptions?)
        async throws -> Result
    {
        try Result(json: try await invokeRaw(operation, arguments: arguments, options: options))
    }
}

/// Runs `body` with a fresh CancelToken that the current task's cancellation trips (at once if the task
/// is already cancelled).
func withCancelToken<T>(_ body: (CancelToken) async throws -> T) async throws -> T {
    let token = CancelToken()
    return try await withTaskCancellationHandler {
        try await body(token)
    } onCancel: {
        token.cancel()
    }
}
