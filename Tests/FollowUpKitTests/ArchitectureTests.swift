import Foundation
import Testing

/// Keeps the folder tree of `FollowUpKit` the architecture: floors whose arrows point only down,
/// and feature slices that never call each other (docs/architecture.md).
@Suite("Architecture")
struct ArchitectureTests {
    /// Each folder's floor: a file may use what is declared on its own floor or below.
    static let floors: [String: Int] = [
        "Model": 0, "Text": 0,
        "Store": 1,
        "Import": 2, "Exchange": 2, "Reports": 2, "Reference": 2,
        "Bootstrap": 3,
        "Rendering": 4,
    ]
    /// Folders of one floor that must not use each other.
    static let slices: Set<String> = ["Import", "Exchange", "Reports", "Reference"]

    static let libraryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/FollowUpKit")

    struct SourceFile {
        var folder: String
        var path: String
        var code: String
    }

    /// Every Swift file of the library, without comments and string contents.
    static func sources() throws -> [SourceFile] {
        let manager = FileManager.default
        guard let paths = manager.enumerator(atPath: libraryRoot.path) else { return [] }
        var files: [SourceFile] = []
        for case let path as String in paths where path.hasSuffix(".swift") {
            let text = try String(contentsOf: libraryRoot.appendingPathComponent(path), encoding: .utf8)
            files.append(
                SourceFile(
                    folder: String(path.split(separator: "/").first ?? ""), path: path, code: stripped(text)))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The code without comments, and with every string literal emptied. Strings go first, so
    /// that `"https://"` in a string is not read as a comment.
    static func stripped(_ text: String) -> String {
        var code = text.replacing(/"""[\s\S]*?"""/, with: "\"\"")
        code = code.replacing(/"(?:\\.|[^"\\\n])*"/, with: "\"\"")
        return code.replacing(/\/\/[^\n]*/, with: "")
    }

    /// The names each folder declares: top-level types and functions, and the members of
    /// `extension AppDatabase` (how slices would call each other), marked with a trailing `(`:
    /// a member counts as used where it is called, so a property of the same name is no use.
    static func declarations(in files: [SourceFile]) -> [String: Set<String>] {
        var declared: [String: Set<String>] = [:]
        let declaration =
            /^\s*(?:@\w+\s+)*(?:public |internal |package )?(?:static |final |nonisolated )*(struct|enum|class|protocol|typealias|func|extension) (\w+)/
        let staticMember = /^\s*(?:public |internal )?static (?:let|var) (\w+)/
        for file in files {
            var depth = 0
            var extended: String?
            for line in file.code.split(separator: "\n", omittingEmptySubsequences: false) {
                if let match = line.firstMatch(of: declaration) {
                    let kind = String(match.1)
                    let name = String(match.2)
                    if depth == 0 && kind == "extension" {
                        extended = name
                    } else if depth == 0 {
                        declared[name, default: []].insert(file.folder)
                    } else if depth == 1 && extended == "AppDatabase" && kind == "func" {
                        declared[name + "(", default: []].insert(file.folder)
                    }
                }
                if depth == 1, extended == "AppDatabase", let match = line.firstMatch(of: staticMember) {
                    declared[String(match.1), default: []].insert(file.folder)
                }
                depth += line.filter { $0 == "{" }.count - line.filter { $0 == "}" }.count
                if depth == 0 { extended = nil }
            }
        }
        return declared
    }

    @Test("every folder of FollowUpKit has a floor")
    func everyFolderHasAFloor() throws {
        let folders = Set(try Self.sources().map(\.folder))
        #expect(folders.subtracting(Self.floors.keys).isEmpty, "add the folder to docs/architecture.md and here")
        #expect(!folders.isEmpty)
    }

    @Test("no file uses a name declared on a floor above it or in another slice")
    func arrowsPointDown() throws {
        let files = try Self.sources()
        let owners = Self.declarations(in: files).compactMapValues { $0.count == 1 ? $0.first : nil }
        var violations: [String] = []
        for file in files {
            guard let floor = Self.floors[file.folder] else { continue }
            let names = file.code.matches(of: /\b([A-Za-z_]\w*)\b(\()?/).map { String($0.1) + ($0.2 == nil ? "" : "(") }
            var identifiers = Set(names)
            for name in names where name.hasSuffix("(") { identifiers.insert(String(name.dropLast())) }
            for identifier in identifiers.sorted() {
                guard let owner = owners[identifier], owner != file.folder, let ownerFloor = Self.floors[owner]
                else { continue }
                let sideways = ownerFloor == floor && (Self.slices.contains(owner) || Self.slices.contains(file.folder))
                if ownerFloor > floor || sideways {
                    violations.append("\(file.path) uses \(identifier) from \(owner)/")
                }
            }
        }
        #expect(violations.isEmpty, "\(violations.joined(separator: "\n"))")
    }

    @Test("the check sees an upward reference")
    func checkCanFail() {
        let files = [
            SourceFile(folder: "Store", path: "Store/A.swift", code: "struct Stored { let x = ReportThing() }"),
            SourceFile(folder: "Reports", path: "Reports/B.swift", code: "struct ReportThing {}"),
        ]
        let owners = Self.declarations(in: files)
        #expect(owners["ReportThing"] == ["Reports"])
        #expect(Self.floors["Reports", default: 0] > Self.floors["Store", default: 0])
    }

    @Test("no SQL text crosses a file boundary as a String parameter")
    func noSQLStringParameters() throws {
        var offenders: [String] = []
        let parameter =
            /func \w+(?:<[^>]*>)?\([^)]*\b(?:where|condition|whereClause|sql|clause|join)\b\s*\w*\s*:\s*String\b/
        for file in try Self.sources() where file.code.contains(parameter) {
            offenders.append(file.path)
        }
        #expect(offenders.isEmpty, "\(offenders)")
    }

    @Test("in the slices, only AppDatabase+Feature.swift touches the database: parsers and importers are pure")
    func slicesKeepSQLInOneFile() throws {
        let slices = ["Import/", "Exchange/", "Reports/", "Reference/", "Rendering/", "Model/", "Text/"]
        var offenders: [String] = []
        for file in try Self.sources() where slices.contains(where: file.path.hasPrefix) {
            let isStoreFile = file.path.split(separator: "/").last?.hasPrefix("AppDatabase+") == true
            if !isStoreFile && (file.code.contains("import GRDB") || file.code.contains("Database)")) {
                offenders.append(file.path)
            }
        }
        #expect(offenders.isEmpty, "\(offenders)")
    }
}
