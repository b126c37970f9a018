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
/// device or anything else that is not a regular file is never replaced. The database the command
/// works on, its `-wal`, `-shm` and `-journal` files, are never an output, whatever path names
/// them (a link, `..`, a second hard link): `protecting` names the database.
final class OutputSink {
    private let path: String?
    private var temporary: String?
    private var handle: FileHandle?
    private let force: Bool
    private let protected: DatabaseFiles

    /// The name for messages.
    var name: String { path ?? "standard output" }

    /// The hidden file being written, moved to the target by ``close()``: for a writer that
    /// writes a file by its path (SQLite's backup) instead of through ``write(_:)``.
    var temporaryPath: String? { temporary }

    init(path: String?, force: Bool, protecting database: String?) throws(FollowUpError) {
        self.path = path
        self.force = force
        protected = DatabaseFiles(database)
        guard let path else { return }
        try Self.checkTarget(path, force: force, protected: protected)
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

    /// Refuses a target that is empty, the database or one of its files, a folder or not a regular
    /// file, or one that exists without `force`.
    static func checkTarget(_ path: String, force: Bool, protected: DatabaseFiles) throws(FollowUpError) {
        if path.isEmpty { throw .invalidArgument(field: "output", reason: "the file name is empty: name a file") }
        if let database = protected.match(path) {
            throw .outputExists(
                path: path,
                reason: "it is the database this command works on ('\(database)'): name another file "
                    + "(--force never replaces the database or its -wal and -shm files)")
        }
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
            try Self.checkTarget(path, force: force, protected: protected)
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

/// The files that make up a SQLite database (the file, its `-wal`, `-shm` and `-journal`), known
/// by their resolved paths and, for those that exist, by device and inode, so that no spelling of
/// a path (a symbolic or hard link, `..`, a relative path) can name one of them as an output.
struct DatabaseFiles {
    private var paths: [String] = []
    private var identities: [FileIdentity] = []
    private let database: String?

    init(_ database: String?) {
        self.database = database
        guard let database, !database.isEmpty else { return }
        for suffix in ["", "-wal", "-shm", "-journal"] {
            paths.append(Self.resolved(database + suffix))
            if let identity = FileIdentity(database + suffix) { identities.append(identity) }
        }
    }

    /// The database's path when `path` names one of its files.
    func match(_ path: String) -> String? {
        guard let database, !path.isEmpty else { return nil }
        if paths.contains(Self.resolved(path)) { return database }
        if let identity = FileIdentity(path), identities.contains(identity) { return database }
        return nil
    }

    /// `path` with every link and `..` resolved: the file's own real path when it exists, else its
    /// folder's real path and its name.
    static func resolved(_ path: String) -> String {
        if let real = realPath(path) { return real }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        return (realPath(folder) ?? url.deletingLastPathComponent().standardizedFileURL.path) + "/"
            + url.lastPathComponent
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// A file's device and inode number (links followed): the same for every path to one file.
struct FileIdentity: Equatable {
    let device: UInt64
    let inode: UInt64

    init?(_ path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}
