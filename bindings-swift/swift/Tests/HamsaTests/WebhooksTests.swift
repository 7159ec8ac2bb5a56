import XCTest

@testable import Hamsa

final class WebhooksTests: XCTestCase {
    func testVerifyAcceptsTheMatchingHeaderOnly() throws {
        try Webhooks.verify(authorization: "Bearer s3cret", authKey: "Bearer", authSecret: "s3cret")
        XCTAssertThrowsError(try Webhooks.verify(authorization: "Bearer wrong", authKey: "Bearer", authSecret: "s3cret")) {
            guard case HamsaError.WebhookVerification(let info) = $0 else { return XCTFail("got \($0)") }
            XCTAssertFalse(info.message.contains("s3cret"))
        }
        XCTAssertThrowsError(try Webhooks.verify(authorization: nil, authKey: "Bearer", authSecret: "s3cret"))
    }

    func testParseKnowsEventsAndKeepsUnknownOnes() throws {
        let started = try Webhooks.parse(body: #"{"eventType":"call.started","callId":"c1","data":{"a":1}}"#)
        XCTAssertEqual(started.eventType, .callStarted)
        XCTAssertEqual(started.callId, "c1")
        let future = try Webhooks.parse(body: #"{"eventType":"call.teleported","callId":"c2","planet":"mars"}"#)
        XCTAssertEqual(future.eventType.rawValue, "call.teleported")
        XCTAssertFalse(future.eventType.isKnown)
        XCTAssertEqual(future.extra["planet"], "mars")
        XCTAssertThrowsError(try Webhooks.parse(body: "{not json")) {
            XCTAssertEqual(($0 as? HamsaError)?.code, "decode")
        }
    }
}
