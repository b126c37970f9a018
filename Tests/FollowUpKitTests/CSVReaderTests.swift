import Testing
@testable import FollowUpKit
@testable import FollowUpModel
@testable import FollowUpStore
@testable import FollowUpImport
@testable import FollowUpExchange
@testable import FollowUpReports
@testable import FollowUpReference
@testable import FollowUpBootstrap
@testable import FollowUpRendering

@Suite("CSV reader")
struct CSVReaderTests {
    func records(_ text: String) throws -> [CSVRecord] {
        var reader = CSVReader(bytes: Array(text.utf8), source: "test.csv")
        var result: [CSVRecord] = []
        while let record = try reader.next() { result.append(record) }
        return result
    }

    @Test("reads quoted fields with commas, quotes and line breaks, and numbers lines")
    func quotedFields() throws {
        let result = try records("a,b,c\r\n1,\"x, \"\"y\"\"\",\"two\nlines\"\r\n\n3,,\"\"\n")
        #expect(result.map(\.fields) == [["a", "b", "c"], ["1", "x, \"y\"", "two\nlines"], ["3", "", ""]])
        #expect(result.map(\.line) == [1, 2, 5])
    }

    @Test("skips a UTF-8 byte-order mark and reads a last line without a line end")
    func bomAndLastLine() throws {
        let result = try records("\u{FEFF}代码,名称\nCHN,中国")
        #expect(result.map(\.fields) == [["代码", "名称"], ["CHN", "中国"]])
    }

    @Test("reports an unclosed quote with the line it opened on")
    func unclosedQuote() {
        #expect(
            throws: FollowUpError.invalidInput(
                source: "test.csv", line: 2, field: nil, reason: "a quoted field opened on this line is never closed")
        ) {
            _ = try records("a,b\n1,\"open\n2,3\n")
        }
    }

    @Test("reports a stray quote inside an unquoted field")
    func strayQuote() {
        #expect(throws: FollowUpError.self) { _ = try records("a,b\n1,x\"y\n") }
    }

    @Test("reports bytes that are not UTF-8")
    func invalidUTF8() {
        var reader = CSVReader(bytes: [0x61, 0x2C, 0xFF, 0xFE, 0x0A], source: "bad.csv")
        #expect(throws: FollowUpError.self) { _ = try reader.next() }
    }
}
