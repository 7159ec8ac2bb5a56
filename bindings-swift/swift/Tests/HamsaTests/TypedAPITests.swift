// The typed layer against the mock: the issue's example, open enums, unknown fields, errors, paging.

import XCTest

@testable import Hamsa

final class TypedAPITests: XCTestCase {
    /// Serves a scenario file of the suite and runs `body` with a client for it; checks the mock saw no problem.
    private func withScenario<T>(_ path: String, _ body: (HamsaClient, JSONValue) async throws -> T) async throws -> T {
        let text = try Mock.scenarioText(path)
        let served = try await Mock.serve(text)
        let result: Result<T, Error>
        do {
            result = .success(try await body(try Mock.client(served), try JSONValue(parsing: text)))
        } catch {
            result = .failure(error)
        }
        let report = try await Mock.report(served.id)
        XCTAssertEqual(report.failures, [])
        return try result.get()
    }

    func testCreateTwilioAsInTheIssue() async throws {
        let job = try await withScenario("calls/create_twilio_reference_body.json") { client, scenario in
            let args = try CreateTwilioCallParams(json: scenario["args"]!)
            return try await client.calls.createTwilio(
                CreateTwilioCallParams(
                    toNumber: args.toNumber, twilioPhoneNumber: args.twilioPhoneNumber, agentDetails: args.agentDetails,
                    voiceAgentId: args.voiceAgentId, params: args.params, webhookUrl: args.webhookUrl,
                    webhookAuth: args.webhookAuth))
        }
        XCTAssertFalse(job.id.isEmpty)
    }

    func testUnknownFieldsAndEnumValuesAreKept() async throws {
        let job = try await withScenario("jobs/get_keeps_unknown_fields_and_values.json") { client, scenario in
            try await client.jobs.get(GetJobParams(json: scenario["args"]!))
        }
        let status = try XCTUnwrap(job.status)
        XCTAssertFalse(status.isKnown, "the scenario's status is one this SDK does not know: \(status)")
        XCTAssertFalse(job.extra.isEmpty)
        XCTAssertEqual(job, try Job(json: job.json))
    }

    func testErrorsAreEnumCasesWithTheCoreDetails() async throws {
        do {
            _ = try await withScenario("jobs/get_not_found.json") { client, scenario in
                try await client.jobs.get(GetJobParams(json: scenario["args"]!))
            }
            XCTFail("expected not_found")
        } catch HamsaError.NotFound(let info) {
            XCTAssertEqual(info.code, "not_found")
            XCTAssertEqual(info.status, 404)
            XCTAssertFalse(info.message.isEmpty)
        }
    }

    func testInvalidArgumentsFailBeforeSending() async throws {
        let client = try HamsaClient(options: HamsaOptions(apiKey: "k", baseUrl: "http://127.0.0.1:9"))
        do {
            _ = try await client.calls.createTwilio(CreateTwilioCallParams(toNumber: "0500", twilioPhoneNumber: "+1234567890"))
            XCTFail("expected invalid_argument")
        } catch let error as HamsaError {
            XCTAssertEqual(error.code, "invalid_argument")
            XCTAssertEqual(error.info.field, "toNumber")
        }
    }

    func testListAllWalksEveryPage() async throws {
        let numbers = try await withScenario("phone_numbers/list_all_pages.json") { client, scenario in
            var numbers: [PhoneNumber] = []
            for try await number in client.phoneNumbers.listAll(try ListPhoneNumbersParams(json: scenario["args"]!)) {
                numbers.append(number)
            }
            return numbers
        }
        XCTAssertGreaterThan(numbers.count, 2)
        XCTAssertTrue(numbers.allSatisfy { !$0.id.isEmpty })
    }

    func testSecretsNeverShowInDescriptions() {
        let params = CreateTwilioCallParams(
            toNumber: "+966500000001", twilioPhoneNumber: "+1234567890",
            webhookAuth: WebhookAuth(authKey: "Bearer", authSecret: "tw-secret-token"))
        for text in [String(describing: params), String(reflecting: params), "\(params)", dumped(params)] {
            XCTAssertFalse(text.contains("tw-secret-token"), text)
        }
        XCTAssertEqual(params.webhookAuth?.authSecret, "tw-secret-token")
        let options = HamsaOptions(apiKey: "sk-live-secret")
        for text in [String(describing: options), String(reflecting: options), dumped(options)] {
            XCTAssertFalse(text.contains("sk-live-secret"), text)
        }
    }

    func testConfigurationErrorsAreTyped() {
        XCTAssertThrowsError(try HamsaClient(options: HamsaOptions(apiKey: "k", region: "mars"))) { error in
            XCTAssertEqual((error as? HamsaError)?.code, "configuration")
        }
    }

    func testCatalogAndVersionAreReachable() throws {
        let catalog = try JSONValue(parsing: try catalogJson())
        XCTAssertEqual(HamsaOperations.sdkVersion, sdkVersion())
        guard case .array(let errors) = catalog["errors"] else { return XCTFail("the catalog has no errors") }
        XCTAssertEqual(errors.compactMap { $0["code"]?.stringValue }, HamsaOperations.errorCodes)
    }

    func testJSONValueRoundTrips() throws {
        let text = #"{"a":[1,2.5,-3e2,true,false,null],"b":"\u062c\"\n\ud83d\ude00","c":{}}"#
        let value = try JSONValue(parsing: text)
        XCTAssertEqual(value["a"]?[1], .double(2.5))
        XCTAssertEqual(value["b"]?.stringValue, "ج\"\n😀")
        XCTAssertEqual(try JSONValue(parsing: value.jsonText), value)
        XCTAssertThrowsError(try JSONValue(parsing: "{\"a\": tr"))
    }

    private func dumped<T>(_ value: T) -> String {
        var out = ""
        dump(value, to: &out)
        return out
    }
}
