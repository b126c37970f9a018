import Foundation

/// One record of a CSV file: its fields and the line it starts on (1-based).
public struct CSVRecord: Equatable, Sendable {
    /// The fields, unquoted.
    public var fields: [String]
    /// The line the record starts on, counting from 1.
    public var line: Int

    /// The memberwise initializer, for the other floors of the library.
    package init(
        fields: [String], line: Int
    ) {
        self.fields = fields
        self.line = line
    }
}

/// Reads RFC 4180 CSV from a stream of bytes, one record at a time.
///
/// Accepts UTF-8 with or without a byte-order mark, CRLF or LF line ends, quoted fields with
/// embedded commas, quotes (`""`) and line breaks. Holds one record in memory at a time, so a
/// file of any size reads in constant memory. Malformed input (a quote left open, a quote in the
/// middle of an unquoted field, bytes that are not UTF-8) throws with the line it is on.
///
/// ```swift
/// var reader = CSVReader(bytes: Array("a,b\n1,\"x, y\"\n".utf8), source: "inline")
/// while let record = try reader.next() { print(record.line, record.fields) }
/// ```
public struct CSVReader {
    private let source: ByteStream
    private var pending: UInt8?
    private var line = 1
    private var atStart = true
    private var finished = false
    /// The name used in error messages: a file path, or `-` for standard input.
    public let sourceName: String
    /// The most bytes one record (one line, or several when a quoted field holds line breaks) may
    /// have: a few fields at `FieldText.maxBytes`. Past it the input is refused rather than read
    /// into memory without end (`/dev/zero`, a binary file).
    public static let maxRecordBytes = 4 * FieldText.maxBytes

    /// A reader over `source`, named `sourceName` in errors.
    public init(source: ByteStream, sourceName: String) {
        self.source = source
        self.sourceName = sourceName
    }

    private mutating func nextByte() -> UInt8? {
        if let byte = pending {
            pending = nil
            return byte
        }
        return source.next()
    }

    /// The next record, or `nil` at the end of the input. A blank line yields no record.
    public mutating func next() throws(FollowUpError) -> CSVRecord? {
        while !finished {
            if let record = try readRecord(), !(record.fields.count == 1 && record.fields[0].isEmpty) {
                return record
            }
        }
        return nil
    }

    private mutating func readRecord() throws(FollowUpError) -> CSVRecord? {
        if atStart {
            atStart = false
            let b0 = nextByte()
            if b0 == 0xEF {
                let b1 = source.next()
                let b2 = source.next()
                if !(b1 == 0xBB && b2 == 0xBF) {
                    throw invalid(line, "the file is not UTF-8 text")
                }
            } else {
                pending = b0
            }
        }
        let startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var inQuotes = false
        var afterClosingQuote = false
        var size = 0
        func finishField() throws(FollowUpError) {
            guard let text = String(validating: field, as: UTF8.self) else {
                throw invalid(startLine, "field \(fields.count + 1) is not valid UTF-8")
            }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
            quoted = false
            afterClosingQuote = false
        }
        while true {
            // Runs of ordinary bytes are copied from the stream's buffer in one go; only the bytes
            // that mean something (separators, quotes, line ends) go one at a time.
            if pending == nil && !afterClosingQuote {
                size += source.appendRun(to: &field, quoted: inQuotes)
                if size > Self.maxRecordBytes {
                    throw invalid(
                        startLine,
                        "this record is longer than \(Self.maxRecordBytes >> 20) MiB: is the file CSV, and is every quote closed?"
                    )
                }
            }
            guard let byte = nextByte() else {
                if inQuotes {
                    throw invalid(startLine, "a quoted field opened on this line is never closed")
                }
                finished = true
                if fields.isEmpty && field.isEmpty && !quoted { return nil }
                try finishField()
                return CSVRecord(fields: fields, line: startLine)
            }
            size += 1
            if size > Self.maxRecordBytes {
                throw invalid(
                    startLine,
                    "this record is longer than \(Self.maxRecordBytes >> 20) MiB: is the file CSV, and is every quote closed?"
                )
            }
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    let following = nextByte()
                    if following == UInt8(ascii: "\"") {
                        field.append(byte)
                    } else {
                        inQuotes = false
                        afterClosingQuote = true
                        pending = following
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                try finishField()
            case UInt8(ascii: "\r"):
                let following = nextByte()
                if following != UInt8(ascii: "\n") { pending = following }
                line += 1
                try finishField()
                return CSVRecord(fields: fields, line: startLine)
            case UInt8(ascii: "\n"):
                line += 1
                try finishField()
                return CSVRecord(fields: fields, line: startLine)
            case UInt8(ascii: "\""):
                if field.isEmpty && !quoted && !afterClosingQuote {
                    quoted = true
                    inQuotes = true
                } else {
                    throw invalid(
                        line,
                        "field \(fields.count + 1) has a quote inside it: quote the whole field and double inner quotes"
                    )
                }
            default:
                if afterClosingQuote {
                    throw invalid(
                        line, "field \(fields.count + 1) has text after its closing quote")
                }
                field.append(byte)
            }
        }
    }

    private func invalid(_ line: Int, _ reason: String) -> FollowUpError {
        .invalidInput(source: sourceName, line: line, field: nil, reason: reason)
    }
}

extension CSVReader {
    /// A reader over bytes held in memory.
    public init(bytes: [UInt8], source: String) {
        self.init(source: ByteStream(bytes: bytes), sourceName: source)
    }
}

/// Bytes to read one at a time, from memory or from a file read 64 KiB at a time (so memory
/// stays flat whatever the file's size). A concrete class, so the per-byte loop is compiled
/// specialised rather than through generic witness tables.
public final class ByteStream {
    private let handle: FileHandle?
    private var buffer: [UInt8]
    private var index = 0

    /// Bytes held in memory.
    public init(bytes: [UInt8]) {
        handle = nil
        buffer = bytes
    }

    /// The bytes of an open file, from its current position.
    public init(handle: FileHandle) {
        self.handle = handle
        buffer = []
    }

    /// Appends to `field` the bytes from here to the next one that means something in CSV (in a
    /// quoted field: a quote or a line feed; outside: a comma, a quote or a line end), within
    /// the bytes already read; returns how many it appended.
    public func appendRun(to field: inout [UInt8], quoted: Bool) -> Int {
        let start = index
        var end = index
        buffer.withUnsafeBufferPointer { bytes in
            if quoted {
                while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\n") { end += 1 }
            } else {
                while end < bytes.count {
                    let byte = bytes[end]
                    if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                        || byte == UInt8(ascii: "\"")
                    {
                        break
                    }
                    end += 1
                }
            }
            field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
        index = end
        return end - start
    }

    /// The next byte, or `nil` at the end.
    @inline(__always)
    public func next() -> UInt8? {
        if index < buffer.count {
            defer { index += 1 }
            return buffer[index]
        }
        guard let handle, let data = try? handle.read(upToCount: 65_536), !data.isEmpty else { return nil }
        buffer = [UInt8](data)
        index = 1
        return buffer[0]
    }
}

/// A CSV table read whole, with its header: for small files such as the bundled seeds.
public struct CSVTable: Sendable {
    /// The header's column names.
    public let header: [String]
    /// The data records.
    public let records: [CSVRecord]
    /// The name used in error messages.
    public let source: String

    /// Reads `bytes` whole; the first record is the header.
    public init(bytes: [UInt8], source: String) throws(FollowUpError) {
        var reader = CSVReader(bytes: bytes, source: source)
        guard let header = try reader.next() else {
            throw .invalidInput(source: source, line: 1, field: nil, reason: "the file is empty")
        }
        var records: [CSVRecord] = []
        while let record = try reader.next() {
            guard record.fields.count == header.fields.count else {
                throw .invalidInput(
                    source: source, line: record.line, field: nil,
                    reason: "expected \(header.fields.count) fields, found \(record.fields.count)")
            }
            records.append(record)
        }
        self.header = header.fields
        self.records = records
        self.source = source
    }

    /// The value of `column` in `record`; throws when the header has no such column.
    public func value(_ column: String, in record: CSVRecord) throws(FollowUpError) -> String {
        guard let index = header.firstIndex(of: column) else {
            throw .invalidInput(
                source: source, line: 1, field: column, reason: "the header has no such column")
        }
        return record.fields[index]
    }
}
