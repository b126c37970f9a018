import Foundation
import FollowUpKit

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a text file named on the command line (`-` for standard input), refusing what is not
/// UTF-8 text with a message that names the file.
enum InputFile {
    /// The tables of the Word document at `path`; refuses any other kind of file.
    static func readWordTables(_ path: String, maximumMegabytes: Int) throws(FollowUpError) -> [[[String]]] {
        let size = try checkRegularFile(path)
        let limit = maximumMegabytes.multipliedReportingOverflow(by: 1_048_576)
        if !limit.overflow && size > limit.partialValue {
            throw tooLarge(path, bytes: size, maximumMegabytes: maximumMegabytes)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .fileAccess(path: path, reason: "it cannot be read")
        }
        guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            throw .invalidInput(
                source: path, line: nil, field: nil, reason: "this is not a Word .docx file: save the list as .docx")
        }
        return try WordText.tables(
            data, name: path, maximumBytes: limit.overflow ? .max : limit.partialValue)
    }

    static func readText(_ path: String, maximumMegabytes: Int = .max) throws(FollowUpError) -> String {
        let data: Data
        let maximumBytes = maximumMegabytes.multipliedReportingOverflow(by: 1_048_576)
        if path == "-" {
            data = CLIContext.current.readStandardInput(maximumBytes.overflow ? .max : maximumBytes.partialValue)
        } else {
            let size = try checkRegularFile(path)
            let limit = maximumMegabytes.multipliedReportingOverflow(by: 1_048_576)
            if !limit.overflow && size > limit.partialValue {
                throw tooLarge(path, bytes: size, maximumMegabytes: maximumMegabytes)
            }
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw .fileAccess(path: path, reason: "it cannot be read")
            }
            data = contents
        }
        let name = path == "-" ? "standard input" : path
        let limit = maximumMegabytes.multipliedReportingOverflow(by: 1_048_576)
        if !limit.overflow && data.count > limit.partialValue {
            throw tooLarge(name, bytes: data.count, maximumMegabytes: maximumMegabytes)
        }
        if data.starts(with: Array("%PDF-".utf8)) {
            return try PDFText.extract(data, name: name)
        }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return try WordText.extract(
                data, name: name, maximumBytes: maximumBytes.overflow ? .max : maximumBytes.partialValue)
        }
        if data.prefix(8_192).contains(0) {
            throw .invalidInput(source: name, line: nil, field: nil, reason: "this is a binary file, not text")
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // Windows line ends read as Unix ones: each CR before an LF dropped, by byte.
        if bytes.contains(0x0D) {
            var kept = 0
            for index in bytes.indices
            where !(bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) {
                bytes[kept] = bytes[index]
                kept += 1
            }
            bytes.removeLast(bytes.count - kept)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let line = Self.firstInvalidLine(bytes)
            throw .invalidInput(
                source: name, line: line, field: nil, reason: "this is not UTF-8 text: convert it to UTF-8 first")
        }
        return text
    }

    /// Refuses what is not a readable regular file (a folder, a pipe, a device, a dangling or
    /// looping link), naming it; returns its size in bytes. A symbolic link to a regular file is
    /// that file.
    @discardableResult
    static func checkRegularFile(_ path: String) throws(FollowUpError) -> Int {
        var status = stat()
        guard stat(path, &status) == 0 else {
            let code = errno
            var link = stat()
            if lstat(path, &link) == 0 && link.st_mode & S_IFMT == S_IFLNK {
                if code == ELOOP { throw .fileAccess(path: path, reason: "it is a symbolic link that loops") }
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
                throw .fileAccess(path: path, reason: "it is a symbolic link to '\(target)', which does not exist")
            }
            if code == EACCES { throw .fileAccess(path: path, reason: "you may not read the folder it is in") }
            throw .fileAccess(path: path, reason: "no such file")
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .fileAccess(path: path, reason: "it is a folder: name a file in it")
        case S_IFIFO, S_IFSOCK:
            throw .fileAccess(
                path: path, reason: "it is a pipe, not a regular file: name a file, or - for standard input")
        default:
            throw .fileAccess(
                path: path, reason: "it is a device, not a regular file: name a file, or - for standard input")
        }
        guard access(path, R_OK) == 0 else { throw .fileAccess(path: path, reason: "you may not read it") }
        return Int(status.st_size)
    }

    private static func tooLarge(_ name: String, bytes: Int, maximumMegabytes: Int) -> FollowUpError {
        let size = String(format: "%.1f", Double(bytes) / 1_048_576)
        return .invalidInput(
            source: name, line: nil, field: nil,
            reason: "the file is \(size) MB, over the \(maximumMegabytes) MB limit for one document: "
                + "UN documents run to a few MB as text; check it is one document, or pass --max-size")
    }

    /// The line of the first byte sequence that is not UTF-8.
    static func firstInvalidLine(_ bytes: [UInt8]) -> Int {
        var line = 1
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            if String(validating: bytes[start..<index], as: UTF8.self) == nil { return line }
            line += 1
            start = index + 1
        }
        return line
    }
}
