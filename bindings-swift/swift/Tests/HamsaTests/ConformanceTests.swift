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

    /// One scenario: serve it, run the operation, judge the outcome. Returns the problems found.
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
        let elapsedMs = Int((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000)
        let report = try await Mock.report(served.id)
        var problems = report.failures.map { "mock: \($0)" }
        let expect = scenario["expect"] ?? [:]
        problems += checkRequests(expect, report.requests)
        if let most = expect["maxElapsedMs"]?.doubleValue, Double(elapsedMs) > most {
            problems.append("took \(elapsedMs) ms, expected at most \(Int(most))")
        }
        switch (outcome, expect["result"], expect["error"]) {
        case (.success(let result), let expected?, _):
            if let problem = subsetDiff(expected, result) { problems.append(problem) }
            problems += typedRoundTrip(operation, paginate, result, expected)
        case (.success(let result), nil, let error):
            problems.append("expected error \(error?["code"] ?? nil), got result \(result)")
        case (.failure(let error as HamsaError), _, let expected?):
            problems += checkError(expected, error, expect["secretsAbsent"])
        case (.failure(let error as HamsaError), _, nil):
            problems.append("expected a result, got \(error.code): \(error.info.message)")
        case (.failure(let error), _, _):
            problems.append("not a HamsaError: \(error)")
        }
        return problems
    }

    /// The result through the typed models and back must still match: the typed layer loses nothing.
    private func typedRoundTrip(_ operation: String, _ paginate: Bool, _ result: JSONValue, _ expected: JSONValue)
        -> [String]
    {
        do {
            let again: JSONValue
            if paginate {
                guard let item = HamsaOperations.itemRoundTrip[operation], case .array(let items) = result else {
                    return ["no typed item model for \(operation)"]
                }
                again = .array(try items.map(item))
            } else {
                guard let model = HamsaOperations.resultRoundTrip[operation] else { return [] }
                again = try model(result)
            }
            return subsetDiff(expected, again).map { ["after the typed round trip: \($0)"] } ?? []
        } catch {
            return ["typed model refused the result: \(error)"]
        }
    }

    private func checkRequests(_ expect: JSONValue, _ count: Int) -> [String] {
        let exact = expect["requests"]?.doubleValue.map(Int.init)
        let least = exact ?? expect["requestsAtLeast"]?.doubleValue.map(Int.init) ?? 0
        let most = exact ?? expect["requestsAtMost"]?.doubleValue.map(Int.init)
        if count < least || (most.map { count > $0 } ?? false) {
            return ["the mock received \(count) requests, expected \(least)...\(most.map(String.init) ?? "")"]
        }
        return []
    }

    private func checkError(_ expected: JSONValue, _ error: HamsaError, _ secretsAbsent: JSONValue?) -> [String] {
        let info = error.info
        var problems: [String] = []
        func check(_ what: String, _ wanted: JSONValue?, _ actual: String?) {
            guard let wanted else { return }
            let want: String? = wanted == .null ? nil : (wanted.stringValue ?? wanted.jsonText)
            if want != actual { problems.append("\(what): expected \(want ?? "nil"), got \(actual ?? "nil")") }
        }
        check("code", expected["code"], info.code)
        check("status", expected["status"], info.status.map { String($0) })
        check("message", expected["message"], info.message)
        check("messageKey", expected["messageKey"], info.messageKey)
        check("requestId", expected["requestId"], info.requestId)
        check("attempts", expected["attempts"], String(info.attempts.count))
        if let part = expected["messageContains"]?.stringValue, !info.message.contains(part) {
            problems.append("message \(info.message) does not contain \(part)")
        }
        if case .array(let secrets)? = secretsAbsent {
            let texts = [info.message, String(describing: error), String(reflecting: error)]
            for secret in secrets.compactMap(\.stringValue) where texts.contains(where: { $0.contains(secret) }) {
                problems.append("secret \(secret) appears in the error")
            }
        }
        return problems
    }
}
