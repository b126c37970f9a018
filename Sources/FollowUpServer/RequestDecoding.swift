import Foundation
import FollowUpKit
import Hummingbird
import MultipartKit

/// A request body the server reads: the same type from a form, a multipart upload or JSON.
///
/// JSON is read strictly, as scripts write it: a field the type does not know, or a field given
/// twice, is refused with its name (a misspelt `as_of` would otherwise record today's date in
/// silence). Forms carry the page's own extra fields (`csrf`), so unknown form fields are ignored.
protocol RequestBody: Decodable, Sendable {
    /// The names of the JSON fields the type reads.
    static var fields: Set<String> { get }
}

/// What `POST /submit` and `POST /api/submissions` read: one progress entry for review.
struct SubmissionRequest: RequestBody {
    var key: String
    var actor: String
    var status: String?
    var response: String?
    var asOf: String?
    var note: String?
    var evidence: String?
    var supersedes: Int64?

    static let fields: Set<String> = ["key", "actor", "status", "response", "asOf", "note", "evidence", "supersedes"]

    /// The entry, each value checked; empty form fields are absent values.
    func update() throws(FollowUpError) -> ProgressUpdate {
        func value(_ text: String?) -> String? {
            guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
            return text
        }
        let status = try value(status).map { (text) throws(FollowUpError) in try ImplementationStatus.parse(text) }
        let response = try value(response).map { (text) throws(FollowUpError) in try FollowUpKit.Response.parse(text)
        }
        var date: CalendarDate?
        if let text = value(asOf) {
            guard let parsed = CalendarDate(text) else {
                throw .invalidArgument(
                    field: "asOf", reason: "'\(FieldText.excerpt(text))' is not a real date (YYYY-MM-DD)")
            }
            date = parsed
        }
        return ProgressUpdate(
            key: value(key) ?? "", actor: value(actor) ?? "", status: status, response: response, asOf: date,
            note: value(note), evidence: value(evidence).flatMap(EvidenceReference.init(parsing:)),
            supersedes: supersedes)
    }
}

/// What `POST /review` and `POST /api/submissions/{id}/review` read.
struct ReviewRequest: RequestBody {
    var id: Int64?
    var decision: String
    var comment: String?

    static let fields: Set<String> = ["decision", "comment"]
}

/// What `POST /login` reads.
struct LoginRequest: RequestBody {
    var name: String
    var password: String
    /// The token of the login form (the page and its cookie must agree).
    var token: String?

    static let fields: Set<String> = ["name", "password", "token"]
}

/// A form that only proves where it came from: its session's token.
struct FormToken: RequestBody {
    var csrf: String?

    static let fields: Set<String> = ["csrf"]
}

/// A filled-in questionnaire uploaded from the browser.
struct QuestionnaireUpload: RequestBody {
    var file: Data

    static let fields: Set<String> = ["file"]
}

/// Decodes a ``RequestBody`` by the request's content type: `application/json` strictly,
/// `application/x-www-form-urlencoded` with Hummingbird's form decoder, `multipart/form-data`
/// with MultipartKit's. Bodies are read up to ``limit`` (a larger one is 413). Problems are
/// `FollowUpError`s in plain words, never the decoder's internals.
struct StrictRequestDecoder: RequestDecoder {
    /// The most bytes a body may hold: 1 MB, or 16 MB for an upload.
    static let limit = 1 << 20
    static let uploadLimit = 16 << 20

    func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws -> T {
        var request = request
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        let multipart = contentType.hasPrefix("multipart/form-data")
        let body = try await request.collectBody(upTo: multipart ? Self.uploadLimit : Self.limit)
        return try Self.decode(type, body: body, contentType: contentType)
    }

    static func decode<T: Decodable>(_ type: T.Type, body: ByteBuffer, contentType: String) throws(FollowUpError) -> T {
        do {
            if contentType.hasPrefix("application/x-www-form-urlencoded") {
                return try URLEncodedFormDecoder().decode(type, from: String(buffer: body))
            }
            if contentType.hasPrefix("multipart/form-data") {
                guard let boundary = Self.boundary(contentType) else {
                    throw FollowUpError.invalidInput(
                        source: "request body", line: nil, field: nil, reason: "a multipart form without its boundary")
                }
                return try FormDataDecoder().decode(type, from: body, boundary: boundary)
            }
            let bytes = Array(buffer: body)
            try checkJSON(bytes, fields: (type as? any RequestBody.Type)?.fields)
            return try JSONDecoder().decode(type, from: Data(bytes))
        } catch let error as FollowUpError {
            throw error
        } catch let error as DecodingError {
            throw .invalidInput(source: "request body", line: nil, field: nil, reason: Self.describe(error))
        } catch {
            throw .invalidInput(
                source: "request body", line: nil, field: nil,
                reason: "it is not the form or JSON expected: send application/json or a form")
        }
    }

    /// Refuses a JSON body that is not one object, or that gives a field twice or one not in `fields`.
    static func checkJSON(_ bytes: [UInt8], fields: Set<String>?) throws(FollowUpError) {
        guard (try? JSONSerialization.jsonObject(with: Data(bytes))) is [String: Any] else {
            throw .invalidInput(
                source: "request body", line: nil, field: nil, reason: "it is not a JSON object: send {\"field\": …}")
        }
        var seen = Set<String>()
        for raw in JSONText.topLevelKeys(bytes) {
            let name = String(decoding: raw, as: UTF8.self)
            guard seen.insert(name).inserted else {
                throw .invalidInput(
                    source: "request body", line: nil, field: FieldText.excerpt(name),
                    reason: "this field is given twice: give it once")
            }
            if let fields, !fields.contains(name) {
                throw .invalidInput(
                    source: "request body", line: nil, field: FieldText.excerpt(name),
                    reason: "unknown field: the fields are " + fields.sorted().joined(separator: ", "))
            }
        }
    }

    /// A decoder's error in the words of the API: which field, and what it should be.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context, _ key: (any CodingKey)? = nil) -> String {
            let names = (context.codingPath + (key.map { [$0] } ?? [])).map(\.stringValue)
            return names.isEmpty ? "the body" : "'" + names.joined(separator: ".") + "'"
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context, key)) is missing"
        case .valueNotFound(_, let context): return "\(path(context)) must have a value, not null"
        case .typeMismatch(let type, let context):
            let expected =
                type == String.self || type == String?.self
                ? "a string" : (type == Int64.self || type == Int64?.self ? "a whole number" : "\(type)")
            return "\(path(context)) must be \(expected)"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "it is not valid JSON" : "\(path(context)) is not valid"
        @unknown default: return "it is not the JSON expected"
        }
    }

    /// The boundary of a `multipart/form-data` content type.
    static func boundary(_ contentType: String) -> String? {
        guard let range = contentType.range(of: "boundary=") else { return nil }
        let value = contentType[range.upperBound...].prefix { $0 != ";" }
        let trimmed = value.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        return trimmed.isEmpty ? nil : trimmed
    }
}
