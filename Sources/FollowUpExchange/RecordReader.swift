import Foundation
import FollowUpModel
import FollowUpStore

/// The formats of exchange files.
public enum ExchangeFormat: String, Vocabulary {
    /// RFC 4180 CSV, UTF-8 with or without a byte-order mark, CRLF or LF, a header row.
    case csv
    /// JSON Lines: one JSON object per line.
    case jsonl

    public static let vocabularyName = "input format"

    /// The format a file name suggests: `.jsonl` / `.ndjson` is JSON Lines, anything else CSV.
    public static func guess(_ path: String) -> ExchangeFormat {
        let lower = path.lowercased()
        return lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") ? .jsonl : .csv
    }
}

/// One row of an exchange file, its values in the order of the declared columns, and its line.
public struct ExchangeRecord: Sendable {
    public var line: Int
    /// The declared columns, whose positions `values` follows.
    public let columns: [String]
    /// Values by declared column position; `nil` where the file has no such column.
    var values: [String?]
    /// List values by declared column position.
    var listValues: [[String]?]

    /// The trimmed text of `column`, `nil` when empty or missing.
    public func text(_ column: String) -> String? {
        guard let position = columns.firstIndex(of: column) else { return nil }
        return text(at: position)
    }

    /// The trimmed text at declared column `position`, `nil` when empty or missing.
    public func text(at position: Int) -> String? {
        guard let value = values[position] else { return nil }
        return Self.trimmed(value)
    }

    /// The list in `column` (empty when missing).
    public func list(_ column: String) -> [String] {
        guard let position = columns.firstIndex(of: column) else { return [] }
        return listValues[position] ?? []
    }

    /// `value` without surrounding spaces and tabs, `nil` when nothing is left. Fast when there is
    /// nothing to trim, which is nearly always.
    static func trimmed(_ value: String) -> String? {
        let utf8 = value.utf8
        guard let first = utf8.first, let last = utf8.last else { return nil }
        if first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09 { return value }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// Reads exchange records one at a time from CSV or JSON Lines.
///
/// CSV needs a header row; list columns hold values separated by `|`. JSON Lines holds one object
/// per line, with strings, numbers, `null`, and arrays of strings for list columns. Unknown
/// columns are refused (a misspelt column would otherwise be silently ignored).
public struct RecordReader {
    public let format: ExchangeFormat
    public let sourceName: String
    private var csv: CSVReader?
    private var header: [String] = []
    /// For each header column, its declared position.
    private var headerPositions: [Int] = []
    private let declared: [String]
    private let positions: [String: Int]
    private let isList: [Bool]
    private var bytes: ByteStream?
    private var lineNumber = 0
    private var atStart = true
    private let columns: Set<String>
    private let listColumns: Set<String>

    /// A reader of `source` in `format`, accepting `columns` (of which `listColumns` are lists).
    public init(
        source: ByteStream, format: ExchangeFormat, sourceName: String, columns: [String], listColumns: Set<String>
    ) {
        self.format = format
        self.sourceName = sourceName
        self.columns = Set(columns)
        self.listColumns = listColumns
        declared = columns
        positions = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
        isList = columns.map { listColumns.contains($0) }
        switch format {
        case .csv: csv = CSVReader(source: source, sourceName: sourceName)
        case .jsonl: bytes = source
        }
    }

    /// The next record, `nil` at the end; throws on malformed syntax with the line.
    public mutating func next() throws(FollowUpError) -> ExchangeRecord? {
        switch format {
        case .csv: return try nextCSV()
        case .jsonl: return try nextJSON()
        }
    }

    private mutating func nextCSV() throws(FollowUpError) -> ExchangeRecord? {
        guard var reader = csv else { return nil }
        defer { csv = reader }
        if header.isEmpty {
            guard let first = try reader.next() else {
                throw .invalidInput(
                    source: sourceName, line: 1, field: nil, reason: "the file is empty: expected a header row")
            }
            header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            var seen = Set<String>()
            for name in header {
                guard columns.contains(name) else {
                    throw .invalidInput(
                        source: sourceName, line: first.line, field: FieldText.excerpt(name),
                        reason: "unknown column: the columns are " + columns.sorted().joined(separator: ", "))
                }
                guard seen.insert(name).inserted else {
                    throw .invalidInput(
                        source: sourceName, line: first.line, field: name,
                        reason: "this column appears twice in the header: keep one")
                }
            }
            headerPositions = header.map { positions[$0] ?? 0 }
        }
        guard let record = try reader.next() else { return nil }
        guard record.fields.count == header.count else {
            throw .invalidRecords(
                source: sourceName,
                problems: [
                    RecordProblem(
                        line: record.line, column: nil,
                        reason: "\(record.fields.count) fields where the header has \(header.count)")
                ], more: 0)
        }
        var values = [String?](repeating: nil, count: declared.count)
        var lists = [[String]?](repeating: nil, count: declared.count)
        for (index, value) in record.fields.enumerated() {
            let position = headerPositions[index]
            if isList[position] {
                lists[position] =
                    value.isEmpty ? [] : value.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            } else {
                values[position] = value
            }
        }
        return ExchangeRecord(line: record.line, columns: declared, values: values, listValues: lists)
    }

    private mutating func nextJSON() throws(FollowUpError) -> ExchangeRecord? {
        guard let source = bytes else { return nil }
        while true {
            var line: [UInt8] = []
            var sawByte = false
            while let byte = source.next() {
                sawByte = true
                if byte == 0x0A { break }
                line.append(byte)
                if line.count > CSVReader.maxRecordBytes {
                    throw problem(
                        lineNumber + 1, nil,
                        "this line is longer than \(CSVReader.maxRecordBytes >> 20) MiB: is the file JSON Lines?")
                }
            }
            if !sawByte { return nil }
            lineNumber += 1
            if atStart {
                atStart = false
                if line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
            }
            if line.last == 0x0D { line.removeLast() }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let object: Any
            do {
                object = try JSONSerialization.jsonObject(with: Data(line))
            } catch {
                throw problem(lineNumber, nil, "not a JSON object: check quotes, commas and brackets")
            }
            guard let dictionary = object as? [String: Any] else {
                throw problem(lineNumber, nil, "each line must be one JSON object")
            }
            let keys = JSONText.topLevelKeys(line)
            if keys.count != dictionary.count {
                var seen = Set<[UInt8]>()
                let twice = keys.first { !seen.insert($0).inserted }.flatMap { String(validating: $0, as: UTF8.self) }
                throw problem(
                    lineNumber, twice, "this field appears twice in the object: which value is meant is not clear")
            }
            var values = [String?](repeating: nil, count: declared.count)
            var lists = [[String]?](repeating: nil, count: declared.count)
            for (name, value) in dictionary {
                guard let position = positions[name] else {
                    throw problem(
                        lineNumber, name, "unknown field: the fields are " + columns.sorted().joined(separator: ", "))
                }
                if isList[position] {
                    guard let array = value as? [Any], array.allSatisfy({ $0 is String }) else {
                        if value is NSNull { continue }
                        throw problem(lineNumber, name, "expected an array of strings")
                    }
                    lists[position] = array.compactMap { $0 as? String }
                } else if let text = value as? String {
                    values[position] = text
                } else if let number = value as? NSNumber {
                    values[position] = number.stringValue
                } else if value is NSNull {
                    continue
                } else {
                    throw problem(lineNumber, name, "expected a string")
                }
            }
            return ExchangeRecord(line: lineNumber, columns: declared, values: values, listValues: lists)
        }
    }

    private func problem(_ line: Int, _ column: String?, _ reason: String) -> FollowUpError {
        .invalidRecords(
            source: sourceName, problems: [RecordProblem(line: line, column: column, reason: reason)], more: 0)
    }
}
