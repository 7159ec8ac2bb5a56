// Runs EVERY scenario of the conformance suite (tests/scenarios) through the Swift binding and prints
// `conformance (swift): N passed, M failed`. Fails unless every scenario passes and the count equals the
// number of scenario files.

import Foundation
import XCTest

@testable import Hamsa

final class ConformanceTests: XCTestCase {
    func testEveryScenarioPasses() async throws {
        let root = Mock.scenariosDirectory
        let files = try scenarioFiles(root)
        XCTAssertFalse(files.isEmpty, "no scenario files under \(root.path)")
        var passed = 0
        var failures: [String] = []
        for file in files {
            var problems: [String]
            do {
                problems = try await run(try String(contentsOfFile: file, encoding: .utf8))
            } catch {
                problems = ["runner crashed: \(error)"]
            }
            if problems.isEmpty {
                passed += 1
            } else {
                failures.append("\(file.dropFirst(root.path.count + 1)): \(problems.joined(separator: "; "))")
            }
        }
        for failure in failures { print("FAIL \(failure)") }
        print("conformance (swift): \(passed) passed, \(failures.count) failed")
        XCTAssertEqual(passed + failures.count, files.count)
        XCTAssertTrue(failures.isEmpty, "\(failures.count) of \(files.count) scenarios failed:\n" + failures.joined(separator: "\n"))
    }

    private func scenarioFiles(_ root: URL) throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root.path) else {
            throw MockError("cannot read \(root.path)")
        }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }.sorted()
            .map { root.appendingPathComponent($0).path }
    }

    /// One scenario: serve it, run the operation, report what it did; the mock judges it (with the suite's
    /// one judge, tests/src/verdict.rs) and answers the problems found.
    private func run(_ text: String) async throws -> [String] {
        let scenario = try JSONValue(parsing: text)
        let served = try await Mock.serve(text)
        let operation = scenario["operation"]?.stringValue ?? ""
        let arguments = scenario["args"] ?? [:]
        let paginate = scenario["paginate"]?.boolValue ?? false
        let started = DispatchTime.now()
        let outcome: Result<JSONValue, Error>
        do {
            let options = try scenario["options"].map(RequestOptions.init(json:))
            let client = try Mock.client(served)
            if paginate {
                var items: [JSONValue] = []
                for try await item in client.pages(operation, arguments: arguments, options: options, of: JSONValue.self) {
                    items.append(item)
                }
                outcome = .success(.array(items))
            } else {
                outcome = .success(try await client.invokeRaw(operation, arguments: arguments, options: options))
            }
        } catch {
            outcome = .failure(error)
        }
        let elapsedMs = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000
        var report: [String: JSONValue] = ["elapsedMs": .double(elapsedMs)]
        switch outcome {
        case .success(let result):
            do {
                report["result"] = result
                if let typed = try typedRoundTrip(operation, paginate, result) { report["typedResult"] = typed }
            } catch {
                report = ["elapsedMs": .double(elapsedMs), "failure": .string("\(error)")]
            }
        case .failure(let error as HamsaError):
            report["error"] = errorFacts(error)
        case .failure(let error):
            report["failure"] = .string("not a HamsaError: \(error)")
        }
        return try await Mock.outcome(served.id, .object(report))
    }

    /// The result through the typed models and back, which must match `expect.result` too: the typed layer
    /// loses nothing. `nil` when the operation has no typed result model (`webhooks.verify`: a boolean).
    private func typedRoundTrip(_ operation: String, _ paginate: Bool, _ result: JSONValue) throws -> JSONValue? {
        if paginate {
            guard let item = HamsaOperations.itemRoundTrip[operation], case .array(let items) = result else {
                throw MockError("no typed item model for \(operation)")
            }
            do { return .array(try items.map(item)) } catch { throw MockError("typed model refused the result: \(error)") }
        }
        guard let model = HamsaOperations.resultRoundTrip[operation] else { return nil }
        do { return try model(result) } catch { throw MockError("typed model refused the result: \(error)") }
    }

    /// The error as the outcome report describes it (tests/README.md).
    private func errorFacts(_ error: HamsaError) -> JSONValue {
        let info = error.info
        return [
            "code": .string(info.code),
            "status": info.status.map { .int(Int64($0)) } ?? .null,
            "message": .string(info.message),
            "messageKey": info.messageKey.map(JSONValue.string) ?? .null,
            "requestId": info.requestId.map(JSONValue.string) ?? .null,
            "attempts": .int(Int64(info.attempts.count)),
            "display": .string(String(describing: error)),
            "debug": .string(String(reflecting: error)),
        ]
    }
}
