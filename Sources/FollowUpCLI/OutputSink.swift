import Foundation
import FollowUpKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a command's output goes: standard output, or a file written whole or not at all.
///
/// A file is written to a hidden temporary file in the target's folder and moved into place only
/// when complete, so an interrupted command leaves no half-written file. Without `force`, the move
/// is a hard link, which fails if the target appeared meanwhile: someone else's file is never
/// overwritten. With `force`, an existing regular file is replaced in one `rename`; a folder, a
/// device or anything else that is not a regular file is never replaced.
final class OutputSink {
    private let path: String?
    private var temporary: String?
    private var handle: FileHandle?
    private let force: Bool

    /// The name for messages.
    var name: String { path ?? "standard output" }

    init(path: String?, force: Bool) throws(FollowUpError) {
        self.path = path
        self.force = force
        guard let path else { return }
        try Self.checkTarget(path, force: force)
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw .fileAccess(path: path, reason: "the folder '\(folder)' does not exist")
        }
        let temporary =
            url.deletingLastPathComponent().appendingPathComponent(
                ".\(url.lastPathComponent).partial-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            ).path
        let descriptor = Glibc.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .fileAccess(path: path, reason: "cannot create a file in '\(folder)': \(Self.systemError())")
        }
        self.temporary = temporary
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// Refuses a target that is a folder or not a regular file, or one that exists without `force`.
    static func checkTarget(_ path: String, force: Bool) throws(FollowUpError) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        let type = status.st_mode & S_IFMT
        if type == S_IFDIR {
            throw .outputExists(path: path, reason: "it is a folder: name a file (--force never replaces a folder)")
        }
        if type != S_IFREG && type != S_IFLNK {
            throw .outputExists(path: path, reason: "it is not a regular file: name a file")
        }
        if !force { throw .outputExists(path: path, reason: nil) }
    }

    /// Writes `text` and moves the file into place.
    func finish(_ text: String) throws(FollowUpError) {
        try write(text)
        try close()
    }

    /// Writes `data` (a PDF) and moves the file into place; only to a file.
    func finish(_ data: Data) throws(FollowUpError) {
        guard let handle else { throw .internalError("binary output needs a file") }
        do {
            try handle.write(contentsOf: data)
        } catch {
            discard()
            throw .outputFailed(path: name, reason: Self.describe(error), saved: false)
        }
        try close()
    }

    func write(_ text: String) throws(FollowUpError) {
        do {
            if let handle {
                try handle.write(contentsOf: Data(text.utf8))
            } else {
                try CLIContext.current.standardOutput(text)
            }
        } catch {
            discard()
            throw .outputFailed(path: name, reason: Self.describe(error), saved: false)
        }
    }

    /// Moves the finished file into place.
    func close() throws(FollowUpError) {
        guard let handle, let temporary, let path else { return }
        self.handle = nil
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            discard()
            throw .outputFailed(path: path, reason: Self.describe(error), saved: false)
        }
        do {
            try Self.checkTarget(path, force: force)
        } catch {
            discard()
            throw error
        }
        if force {
            guard rename(temporary, path) == 0 else {
                let reason = Self.systemError()
                discard()
                throw .outputFailed(path: path, reason: reason, saved: false)
            }
        } else {
            // link() refuses an existing target: a file that appeared since the check stays.
            guard link(temporary, path) == 0 else {
                let code = errno
                let reason = Self.systemError()
                discard()
                if code == EEXIST { throw .outputExists(path: path, reason: "it was created while writing") }
                throw .outputFailed(path: path, reason: reason, saved: false)
            }
            unlink(temporary)
        }
        self.temporary = nil
        CLIContext.current.standardError("wrote \(path)\n")
    }

    private func discard() {
        try? handle?.close()
        handle = nil
        if let temporary { unlink(temporary) }
        temporary = nil
    }

    static func systemError() -> String { String(cString: strerror(errno)) }

    static func describe(_ error: any Error) -> String {
        let code = (error as NSError).code
        if (error as NSError).domain == NSPOSIXErrorDomain && code == ENOSPC { return "the disk is full" }
        if (error as NSError).domain == NSPOSIXErrorDomain, let message = strerror(Int32(code)) {
            return String(cString: message)
        }
        if code == ENOSPC || "\(error)".contains("No space") { return "the disk is full" }
        return (error as NSError).localizedDescription
    }

    deinit { discard() }
}
