// Cancelling a Swift Task stops the request in the core: the call returns promptly, not when the slow
// mock finally answers. (Task.cancel() does not reach Rust by itself; HamsaClient wires a CancelToken to
// withTaskCancellationHandler.)

import Foundation
import XCTest

@testable import Hamsa

final class CancellationTests: XCTestCase {
    private let job: JSONValue = ["success": true, "data": ["id": "job-1"]]

    private func slowScenario() -> String {
        scenario(
            operation: "jobs.get", arguments: ["jobId": "job-1"], path: "/v1/jobs", query: ["jobId": "job-1"],
            body: job, delayMs: 5_000)
    }

    func testCancellingTheTaskStopsTheRequest() async throws {
        let served = try await Mock.serve(slowScenario())
        let client = try Mock.client(served)
        let task = Task { try await client.jobs.get(jobId: "job-1", options: RequestOptions(maxRetries: 0)) }
        try await Task.sleep(nanoseconds: 300_000_000)  // the request is on the wire, the mock is sleeping
        let started = DispatchTime.now()
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("the cancelled call returned a job")
        } catch let error as HamsaError {
            XCTAssertEqual(error.code, "cancelled")
        }
        let tookMs = (DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000
        XCTAssertLessThan(tookMs, 1_000, "cancel took \(tookMs) ms")
        let report = try await Mock.report(served.id)
        XCTAssertEqual(report.requests, 1)
    }

    func testATaskCancelledBeforeTheCallNeverSends() async throws {
        let served = try await Mock.serve(slowScenario())
        let client = try Mock.client(served)
        let task = Task {
            while !Task.isCancelled { await Task.yield() }
            return try await client.jobs.get(jobId: "job-1")
        }
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("the cancelled call returned a job")
        } catch let error as HamsaError {
            XCTAssertEqual(error.code, "cancelled")
        }
        let report = try await Mock.report(served.id)
        XCTAssertEqual(report.requests, 0)
    }

    func testCancellingPagingStopsIt() async throws {
        let served = try await Mock.serve(
            scenario(
                operation: "phone_numbers.list", arguments: ["take": 2], path: "/v1/voice-agents/phone-number/list",
                query: ["skip": "1", "take": "2"], body: ["success": true, "data": []], delayMs: 5_000))
        let client = try Mock.client(served)
        let task = Task {
            for try await _ in client.phoneNumbers.listAll(ListPhoneNumbersParams(take: 2)) {}
        }
        try await Task.sleep(nanoseconds: 300_000_000)
        let started = DispatchTime.now()
        task.cancel()
        await XCTAssertThrowsErrorAsync(try await task.value)
        let tookMs = (DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000
        XCTAssertLessThan(tookMs, 1_000, "cancel took \(tookMs) ms")
        _ = try await Mock.report(served.id)
    }
}

func XCTAssertThrowsErrorAsync<T>(_ expression: @autoclosure () async throws -> T, file: StaticString = #filePath, line: UInt = #line) async {
    do {
        _ = try await expression()
        XCTFail("expected an error", file: file, line: line)
    } catch {}
}
