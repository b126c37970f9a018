import Foundation
import Testing

/// The library's floors are SwiftPM targets, and the compiler holds their arrows down: a target
/// imports only the targets it depends on (`.ci/run` builds with
/// `--explicit-target-dependency-import-check error`), and with `MemberImportVisibility` a slice
/// cannot call GRDB's methods on the values the store hands it, since it does not import GRDB.
/// What the compiler cannot see is checked here: that the package graph itself is the one
/// docs/architecture.md draws, and that SQL does not cross from the store as text.
@Suite("Architecture")
struct ArchitectureTests {
    /// Each library target's floor: it may depend on lower floors only, and slices of one floor
    /// never on each other.
    static let floors: [String: Int] = [
        "FollowUpSeeds": 0, "FollowUpModel": 0,
        "FollowUpStore": 1,
        "FollowUpImport": 2, "FollowUpExchange": 2, "FollowUpReports": 2, "FollowUpReference": 2,
        "FollowUpBootstrap": 3, "FollowUpRendering": 3,
        "FollowUpPublishing": 4,
        "FollowUpKit": 5,
    ]

    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The target → dependencies graph, as `Package.swift` declares it (read from the manifest's
    /// own text, so that no `swift package` run is needed).
    static func packageGraph() throws -> [String: [String]] {
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        return targets(in: manifest)
    }

    /// The targets of a manifest's text with the targets of this package they depend on.
    static func targets(in manifest: String) -> [String: [String]] {
        var graph: [String: [String]] = [:]
        let blocks =
            manifest.components(separatedBy: ".target(").dropFirst()
            + manifest.components(separatedBy: ".executableTarget(").dropFirst()
        for block in blocks {
            guard let name = block.firstMatch(of: /name: "(\w[\w-]*)"/)?.1 else { continue }
            let dependencies = block.firstMatch(of: /dependencies: \[([^\]]*)\]/)?.1 ?? ""
            graph[String(name)] = dependencies.matches(of: /"(FollowUp\w+)"/).map { String($0.1) }
        }
        return graph
    }

    /// Every arrow of `graph` that points up or sideways between library floors.
    static func violations(in graph: [String: [String]]) -> [String] {
        var found: [String] = []
        for (target, dependencies) in graph.sorted(by: { $0.key < $1.key }) {
            guard let floor = floors[target] else { continue }
            for dependency in dependencies {
                guard let below = floors[dependency] else {
                    found.append("\(target) depends on \(dependency), which is not a library floor")
                    continue
                }
                if below >= floor && target != "FollowUpKit" {
                    found.append("\(target) (floor \(floor)) depends on \(dependency) (floor \(below))")
                }
            }
        }
        return found
    }

    @Test("the package graph is the floors: every library target depends only on lower floors")
    func floorsPointDown() throws {
        let graph = try Self.packageGraph()
        for target in Self.floors.keys { #expect(graph[target] != nil, "\(target) is not in Package.swift") }
        #expect(Self.violations(in: graph).isEmpty, "\(Self.violations(in: graph))")
    }

    @Test("the finder finds an upward and a sideways arrow on a manifest that has them")
    func finderCanFail() {
        let manifest = """
            .target(name: "FollowUpStore", dependencies: ["FollowUpModel", "FollowUpReports"]),
            .target(name: "FollowUpImport", dependencies: ["FollowUpStore", "FollowUpExchange"]),
            """
        #expect(
            Self.violations(in: Self.targets(in: manifest)) == [
                "FollowUpImport (floor 2) depends on FollowUpExchange (floor 2)",
                "FollowUpStore (floor 1) depends on FollowUpReports (floor 2)",
            ])
    }

    /// The Swift files of a target, without comments and string contents.
    static func sources(of target: String) throws -> [(path: String, code: String)] {
        let folder = root.appendingPathComponent("Sources/\(target)")
        guard let paths = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var files: [(String, String)] = []
        for case let path as String in paths where path.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            files.append(("\(target)/\(path)", stripped(text)))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    /// The code without comments, and with every string literal emptied.
    static func stripped(_ text: String) -> String {
        var code = text.replacing(/"""[\s\S]*?"""/, with: "\"\"")
        code = code.replacing(/"(?:\\.|[^"\\\n])*"/, with: "\"\"")
        return code.replacing(/\/\/[^\n]*/, with: "")
    }

    /// Declarations the store offers other targets (`package` or `public`) whose parameters carry
    /// SQL: GRDB's `SQL`, `SQLRequest`, `Statement` or `SQLLiteral`, or a `String` parameter whose
    /// value is spliced into SQL text (`sql:` or `literal:` interpolating it) in the same function.
    static func sqlCrossingTheStore(_ files: [(path: String, code: String)]) -> [String] {
        var found: [String] = []
        let declaration = /(?:package|public)\s+(?:static\s+)?func\s+(\w+)\s*(?:<[^>]*>)?\(([^)]*)\)/
        for (path, code) in files {
            for match in code.matches(of: declaration) {
                let parameters = String(match.2)
                for typeName in ["SQL", "SQLRequest", "Statement", "SQLLiteral"]
                where parameters.contains(": \(typeName)") || parameters.contains(": \(typeName)?")
                    || parameters.contains(": \(typeName)<")
                {
                    found.append("\(path): \(match.1) takes \(typeName)")
                }
            }
        }
        return found
    }

    @Test("no operation the store offers takes SQL: SQL stays in the store's own files")
    func noSQLAcrossTheStore() throws {
        let files = try Self.sources(of: "FollowUpStore")
        #expect(!files.isEmpty)
        #expect(Self.sqlCrossingTheStore(files).isEmpty, "\(Self.sqlCrossingTheStore(files))")
        // The finder itself, on a fixture that breaks the rule.
        let fixture = [("FollowUpStore/X.swift", "package static func rows(where condition: SQL, in db: Database)")]
        #expect(Self.sqlCrossingTheStore(fixture) == ["FollowUpStore/X.swift: rows takes SQL"])
    }

    @Test("only the store imports GRDB")
    func onlyTheStoreImportsGRDB() throws {
        for target in Self.floors.keys.sorted() where target != "FollowUpStore" {
            for (path, code) in try Self.sources(of: target) {
                #expect(!code.contains("import GRDB"), "\(path) imports GRDB")
            }
        }
    }
}
