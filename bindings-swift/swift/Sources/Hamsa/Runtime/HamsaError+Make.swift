// Errors raised on the Swift side (a malformed result, bad options) use the core's codes too.

extension HamsaError {
    static func decodeFailure(_ message: String) -> HamsaError {
        .Decode(info: ErrorInfo.make("decode", message))
    }

    static func configurationFailure(_ message: String) -> HamsaError {
        .Configuration(info: ErrorInfo.make("configuration", message))
    }
}

extension ErrorInfo {
    static func make(_ code: String, _ message: String) -> ErrorInfo {
        ErrorInfo(
            code: code, status: nil, message: message, messageKey: nil, requestId: nil, attempts: [], field: nil,
            cause: nil, bodySnippet: nil)
    }
}
