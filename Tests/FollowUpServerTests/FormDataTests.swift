import Foundation
import FollowUpKit
import Hummingbird
import Testing
@testable import FollowUpServer

@Suite("Request bodies")
struct RequestBodyTests {
    @Test("a form decodes + and %XX as UTF-8; a link encodes back")
    func forms() throws {
        let form = try StrictRequestDecoder.decode(
            SubmissionRequest.self,
            body: ByteBuffer(
                string: "key=E%2F2020%2F31+DR-I+%C2%B623&actor=KEN&note=%E6%95%B0%E6%8D%AE+plan%3Cb%3E&csrf=x"),
            contentType: "application/x-www-form-urlencoded")
        #expect(form.key == "E/2020/31 DR-I ¶23" && form.note == "数据 plan<b>")
        #expect(Pages.encode("E/2020/31 DR-I ¶23 & more+") == "E%2F2020%2F31%20DR-I%20%C2%B623%20%26%20more%2B")
    }

    @Test("the form token is read from a form alone: decoded, and refused when missing or given twice")
    func formToken() {
        #expect(FormTokenMiddleware.field("csrf", ofForm: "key=a&csrf=ab%63d&note=x") == "abcd")
        #expect(FormTokenMiddleware.field("csrf", ofForm: "c%73rf=a+b") == "a b")
        #expect(FormTokenMiddleware.field("csrf", ofForm: "csrf=&key=a") == "")
        #expect(FormTokenMiddleware.field("csrf", ofForm: "csrfx=a&xcsrf=b") == nil)
        #expect(FormTokenMiddleware.field("csrf", ofForm: "csrf=a&csrf=a") == nil)
        #expect(FormTokenMiddleware.field("csrf", ofForm: "") == nil)
    }

    @Test(
        "JSON: an unknown or repeated field is refused by name; the decoder's internals never show",
        arguments: [
            (#"{"key": "K", "actor": "KEN", "as_of": "2021-01-01"}"#, "as_of: unknown field"),
            (#"{"key": "K", "actor": "KEN", "note": "a", "note": "b"}"#, "note: this field is given twice"),
            (#"{"actor": "KEN"}"#, "'key' is missing"),
            (#"{"key": 1, "actor": "KEN"}"#, "'key' must be a string"),
            (#"[1, 2]"#, "not a JSON object"),
            (#"{"key": "K", "actor": "KEN", "supersedes": "x"}"#, "'supersedes' must be a whole number"),
        ])
    func strictJSON(body: String, message: String) {
        #expect {
            try StrictRequestDecoder.decode(
                SubmissionRequest.self, body: ByteBuffer(string: body), contentType: "application/json")
        } throws: { error in
            let text = (error as? FollowUpError)?.message ?? "\(error)"
            return text.contains(message) && !text.contains("CodingKeys") && !text.contains("DecodingError")
        }
    }
}
