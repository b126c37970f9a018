import FollowUpModel
import FollowUpStore
import Foundation
/// The questionnaire an offline focal point fills in (`followup questionnaire ACTOR`): one row
/// per recommendation binding the actor, what is known now, and blank columns to fill.
public enum Questionnaire {
    /// The columns a reader is given, to read: not imported back.
    public static let contextColumns = [
        "key", "actor", "due_date", "overdue", "current_status", "current_as_of", "text",
    ]
    /// The columns the focal point fills in.
    public static let answerColumns = ["status", "response", "as_of", "note", "evidence"]

    /// The answered rows of a filled-in questionnaire (CSV), as updates with their lines. A row
    /// with neither status nor response is left out (not answered). Every problem is reported,
    /// with its line and column, before anything is written.
    public static func answers(bytes: [UInt8], source: String, vocabulary: TrackerVocabulary = .followup)
        throws(FollowUpError) -> [(line: Int, update: ProgressUpdate)]
    {
        let table = try CSVTable(bytes: bytes, source: source)
        for column in ["key", "actor"] + answerColumns where !table.header.contains(column) {
            throw .invalidInput(
                source: source, line: 1, field: column,
                reason: "the header has no such column: is this a file from 'followup questionnaire'?")
        }
        var problems: [RecordProblem] = []
        var answers: [(line: Int, update: ProgressUpdate)] = []
        for record in table.records {
            func value(_ column: String) throws(FollowUpError) -> String {
                ExchangeWriter.unguard(
                    try table.value(column, in: record).trimmingCharacters(in: .whitespacesAndNewlines))
            }
            let statusText = try value("status")
            let responseText = try value("response")
            if statusText.isEmpty && responseText.isEmpty { continue }
            var status: ImplementationStatus?
            var response: Response?
            var asOf: CalendarDate?
            if !statusText.isEmpty {
                status = vocabulary.status(statusText)
                if status == nil {
                    problems.append(
                        RecordProblem(
                            line: record.line, column: "status",
                            reason:
                                "unknown status '\(statusText)': use one of \(ImplementationStatus.allRawValues.joined(separator: ", "))"
                        ))
                }
            }
            if !responseText.isEmpty {
                response = vocabulary.response(responseText)
                if response == nil {
                    problems.append(
                        RecordProblem(
                            line: record.line, column: "response",
                            reason:
                                "unknown response '\(responseText)': use one of \(Response.allRawValues.joined(separator: ", "))"
                        ))
                }
            }
            let dateText = try value("as_of")
            if !dateText.isEmpty {
                asOf = CalendarDate(dateText)
                if asOf == nil {
                    problems.append(
                        RecordProblem(
                            line: record.line, column: "as_of",
                            reason: "'\(dateText)' is not a real date of the form YYYY-MM-DD"))
                }
            }
            let note = try value("note")
            let evidence = try value("evidence")
            answers.append(
                (
                    record.line,
                    ProgressUpdate(
                        key: try value("key"), actor: try value("actor"), status: status, response: response,
                        asOf: asOf, note: note.isEmpty ? nil : note, evidence: EvidenceReference(parsing: evidence))
                ))
        }
        if !problems.isEmpty {
            throw .invalidRecords(
                source: source, problems: Array(problems.prefix(50)), more: max(0, problems.count - 50))
        }
        return answers
    }
}
