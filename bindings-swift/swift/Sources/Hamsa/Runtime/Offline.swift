// Receiving Hamsa's webhooks with any server framework: header value and raw body in. Both run in the
// core (constant-time comparison, the event model); they need no client. `client.webhooks` (generated,
// Resources.swift) points here, and Operations.swift names each of the catalog's offline operations, so a
// new one does not compile until it is written here.

public enum Webhooks {
    /// Checks a webhook request's `Authorization` header (nil when the request had none) against the
    /// `webhookAuth` you gave when you started the call. Throws `HamsaError.webhookVerification`.
    public static func verify(authorization: String?, authKey: String, authSecret: String) throws {
        try webhooksVerify(authorization: authorization, authKey: authKey, authSecret: authSecret)
    }

    /// Parses a webhook request's raw body into an event. An event type this SDK does not know keeps its
    /// raw value in `eventType.rawValue` and its fields in `data` and `extra`.
    public static func parse(body: String) throws -> WebhookEvent {
        try WebhookEvent(json: parseRaw(body: body))
    }

    /// The event as wire JSON.
    public static func parseRaw(body: String) throws -> JSONValue {
        try JSONValue(parsing: webhooksParse(body: body))
    }
}
