// Client and per-request options, with the core's option names. They travel to the core as JSON, where
// they are validated once (an unknown region or auth scheme is a `configuration` error).

/// How the client talks to Hamsa. Every field is optional; unset ones take the environment or defaults.
public struct HamsaOptions: Sendable, Equatable {
    /// Else `HAMSA_API_KEY`. Never printed.
    public var apiKey: String?
    /// Else `HAMSA_BASE_URL`, else the region's URL.
    public var baseUrl: String?
    /// `"eu"` (default) or `"uae"`.
    public var region: String?
    /// `"Token"` (default) or `"Bearer"`.
    public var authScheme: String?
    /// Per attempt.
    public var timeoutMs: Int?
    public var connectTimeoutMs: Int?
    /// Across every attempt and the waits between them.
    public var deadlineMs: Int?
    public var maxRetries: Int?
    public var retryInitialDelayMs: Int?
    public var retryMaxDelayMs: Int?
    /// Sent with every request.
    public var defaultHeaders: [String: String]

    public init(
        apiKey: String? = nil, baseUrl: String? = nil, region: String? = nil, authScheme: String? = nil,
        timeoutMs: Int? = nil, connectTimeoutMs: Int? = nil, deadlineMs: Int? = nil, maxRetries: Int? = nil,
        retryInitialDelayMs: Int? = nil, retryMaxDelayMs: Int? = nil, defaultHeaders: [String: String] = [:]
    ) {
        self.apiKey = apiKey
        self.baseUrl = baseUrl
        self.region = region
        self.authScheme = authScheme
        self.timeoutMs = timeoutMs
        self.connectTimeoutMs = connectTimeoutMs
        self.deadlineMs = deadlineMs
        self.maxRetries = maxRetries
        self.retryInitialDelayMs = retryInitialDelayMs
        self.retryMaxDelayMs = retryMaxDelayMs
        self.defaultHeaders = defaultHeaders
    }

    /// Options from the core's JSON form (e.g. a config file). An unknown key is a `configuration` error:
    /// a typo in an option should not pass silently.
    public init(json: JSONValue) throws {
        let reader = try OptionsReader(json, "client options")
        self.init(
            apiKey: try reader.optional("apiKey"), baseUrl: try reader.optional("baseUrl"),
            region: try reader.optional("region"), authScheme: try reader.optional("authScheme"),
            timeoutMs: try reader.optional("timeoutMs"), connectTimeoutMs: try reader.optional("connectTimeoutMs"),
            deadlineMs: try reader.optional("deadlineMs"), maxRetries: try reader.optional("maxRetries"),
            retryInitialDelayMs: try reader.optional("retryInitialDelayMs"),
            retryMaxDelayMs: try reader.optional("retryMaxDelayMs"),
            defaultHeaders: try reader.headers("defaultHeaders"))
        try reader.refuseUnknown()
    }

    func json(binding: String) -> JSONValue {
        var writer = JSONObjectWriter()
        writer.set("apiKey", apiKey)
        writer.set("baseUrl", baseUrl)
        writer.set("region", region)
        writer.set("authScheme", authScheme)
        writer.set("timeoutMs", timeoutMs)
        writer.set("connectTimeoutMs", connectTimeoutMs)
        writer.set("deadlineMs", deadlineMs)
        writer.set("maxRetries", maxRetries)
        writer.set("retryInitialDelayMs", retryInitialDelayMs)
        writer.set("retryMaxDelayMs", retryMaxDelayMs)
        writer.set("defaultHeaders", JSONValue.object(defaultHeaders.mapValues { .string($0) }))
        writer.set("binding", binding)
        return writer.json
    }
}

extension HamsaOptions: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "apiKey": (apiKey == nil ? nil : Redacted.value) as Any, "baseUrl": baseUrl as Any,
                "region": region as Any, "authScheme": authScheme as Any, "timeoutMs": timeoutMs as Any,
                "maxRetries": maxRetries as Any, "deadlineMs": deadlineMs as Any,
            ], displayStyle: .struct)
    }

    public var description: String { Redacted.describe(self) }
    public var debugDescription: String { Redacted.describe(self) }
}

/// Overrides of the client's options for one request.
public struct RequestOptions: Sendable, Equatable {
    public var timeoutMs: Int?
    public var deadlineMs: Int?
    public var maxRetries: Int?
    /// Extra headers for this request.
    public var headers: [String: String]

    public init(timeoutMs: Int? = nil, deadlineMs: Int? = nil, maxRetries: Int? = nil, headers: [String: String] = [:]) {
        self.timeoutMs = timeoutMs
        self.deadlineMs = deadlineMs
        self.maxRetries = maxRetries
        self.headers = headers
    }

    /// Options from the core's JSON form; an unknown key is a `configuration` error.
    public init(json: JSONValue) throws {
        let reader = try OptionsReader(json, "request options")
        self.init(
            timeoutMs: try reader.optional("timeoutMs"), deadlineMs: try reader.optional("deadlineMs"),
            maxRetries: try reader.optional("maxRetries"), headers: try reader.headers("headers"))
        try reader.refuseUnknown()
    }

    var json: JSONValue {
        var writer = JSONObjectWriter()
        writer.set("timeoutMs", timeoutMs)
        writer.set("deadlineMs", deadlineMs)
        writer.set("maxRetries", maxRetries)
        writer.set("headers", JSONValue.object(headers.mapValues { .string($0) }))
        return writer.json
    }
}

/// Reads options JSON, remembering which keys were read so that the rest can be refused.
private final class OptionsReader {
    let object: [String: JSONValue]
    let what: String
    var seen: Set<String> = []

    init(_ json: JSONValue, _ what: String) throws {
        guard case .object(let object) = json else { throw HamsaError.configurationFailure("\(what): expected an object") }
        self.object = object
        self.what = what
    }

    func optional<T: JSONConvertible>(_ key: String) throws -> T? {
        seen.insert(key)
        guard let value = object[key], value != .null else { return nil }
        do {
            return try T(json: value)
        } catch {
            throw HamsaError.configurationFailure("\(what): \(key): expected \(T.self)")
        }
    }

    func headers(_ key: String) throws -> [String: String] {
        let object: JSONValue? = try optional(key)
        guard case .object(let headers)? = object else { return [:] }
        return try headers.mapValues { try String(json: $0) }
    }

    func refuseUnknown() throws {
        if let unknown = object.keys.sorted().first(where: { !seen.contains($0) }) {
            throw HamsaError.configurationFailure("\(what): unknown option \(unknown)")
        }
    }
}
