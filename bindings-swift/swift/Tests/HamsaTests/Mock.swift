// The conformance mock (tests/src/bin/conformance-mock.rs), reached at $HAMSA_MOCK_URL (the test script
// starts it on the host; the chroot shares the host's network), driven through its control API.

import Foundation
import XCTest

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@testable import Hamsa

struct Served {
    let id: String
    let client: JSONValue
}

struct Report {
    let requests: Int
    let failures: [String]
}

enum Mock {
    static func url() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["HAMSA_MOCK_URL"], !url.isEmpty else {
            // Failing, not skipping: a skipped suite must never look like a passing one.
            throw MockError("HAMSA_MOCK_URL is not set: run bindings-swift/test-swift.sh")
        }
        return url
    }

    static var scenariosDirectory: URL {
        URL(fileURLWithPath: ProcessInfo.processInfo.environment["HAMSA_SCENARIOS"] ?? "../../tests/scenarios")
    }

    static func scenarioText(_ path: String) throws -> String {
        try String(contentsOf: scenariosDirectory.appendingPathComponent(path), encoding: .utf8)
    }

    static func serve(_ scenario: String) async throws -> Served {
        let answer = try JSONValue(parsing: try await send("POST", "/scenarios", body: scenario))
        guard let id = answer["id"]?.stringValue, let client = answer["client"] else {
            throw MockError("unexpected answer \(answer)")
        }
        return Served(id: id, client: client)
    }

    /// Stops a served scenario and has the mock judge what the runner saw (`report`, the outcome report
    /// of tests/README.md): every reason the scenario failed, or nothing.
    static func outcome(_ id: String, _ report: JSONValue) async throws -> [String] {
        let answer = try JSONValue(parsing: try await send("POST", "/scenarios/\(id)/outcome", body: report.jsonText))
        guard case .array(let failures)? = answer["failures"] else { throw MockError("unexpected answer \(answer)") }
        return try failures.map { failure in
            guard let text = failure.stringValue else { throw MockError("unexpected answer \(answer)") }
            return text
        }
    }

    /// Stops a served scenario without judging it (for the tests' own scenarios): what the mock saw.
    static func report(_ id: String) async throws -> Report {
        let answer = try JSONValue(parsing: try await send("GET", "/scenarios/\(id)/report"))
        let failures = (answer["failures"].flatMap { try? [String](json: $0) }) ?? []
        return Report(requests: Int(answer["requests"]?.doubleValue ?? -1), failures: failures)
    }

    /// A client for a served scenario, made through the public options type.
    static func client(_ served: Served) throws -> HamsaClient {
        try HamsaClient(options: HamsaOptions(json: served.client))
    }

    private static func send(_ method: String, _ path: String, body: String? = nil) async throws -> String {
        var request = URLRequest(url: URL(string: try url() + path)!)
        request.httpMethod = method
        request.timeoutInterval = 30
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "content-type")
        }
        // The completion-handler API: the async one is missing from older Linux Foundations.
        let (data, status): (Data, Int) = try await withCheckedThrowingContinuation { continuation in
            URLSession.shared.dataTask(with: request) { data, response, error in
                if let error {
                    continuation.resume(throwing: error)
                } else {
                    continuation.resume(returning: (data ?? Data(), (response as? HTTPURLResponse)?.statusCode ?? 0))
                }
            }.resume()
        }
        let text = String(decoding: data, as: UTF8.self)
        guard status == 200 else { throw MockError("mock control API answered \(status): \(text)") }
        return text
    }
}

struct MockError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A one-exchange scenario that the test cancels, e.g. behind a slow response.
func scenario(
    operation: String, arguments: JSONValue, path: String, query: [String: String] = [:], body: JSONValue,
    delayMs: Int = 0
) -> String {
    let exchange: JSONValue = [
        "request": ["method": "GET", "path": .string(path), "query": .object(query.mapValues { .string($0) })],
        "response": ["status": 200, "body": body, "delayMs": .int(Int64(delayMs))],
    ]
    let scenario: JSONValue = [
        "name": .string("swift: \(operation)"), "operation": .string(operation), "args": arguments,
        "exchanges": [exchange],
        // The mock insists on an expectation; these scenarios are cancelled by the tests.
        "expect": ["requests": 1, "error": ["code": "cancelled"]],
    ]
    return scenario.jsonText
}
