import Foundation
import Testing
import FollowUpKit
import FollowUpTestSupport

@Suite("Exchange files")
struct ExchangeTests {
    /// A database with the seeds, whose exports the tests re-import.
    static let seeded = Result { () throws -> CLIHarness in
        let cli = CLIHarness()
        try cli.succeed(["init"])
        try cli.succeed([
            "update", "E/2020/31 DR-I ¶90", "--actor", "SG", "--status", "in-progress", "--as-of", "2022-08-01",
            "--note", "=HYPERLINK(\"http://x\") \"quoted\", with comma\nand a line break", "--evidence",
            "https://undocs.org/A/77/1",
        ])
        try cli.succeed([
            "update", "E/2020/31 DR-I ¶90", "--actor", "SG", "--status", "implemented", "--as-of", "2022-08-01",
            "--supersedes", "37",
        ])
        return cli
    }

    func emptyDatabase() throws -> CLIHarness {
        let cli = CLIHarness()
        try cli.succeed(["init", "--no-seeds"])
        return cli
    }

    @Test("export → import into an empty database → export is identical", arguments: ["csv", "jsonl"])
    func roundTrip(format: String) throws {
        let source = try Self.seeded.get()
        let recommendations = try source.succeed(["export", "recommendations", "--format", format])
        let progress = try source.succeed(["export", "progress", "--format", format])
        #expect(progress.contains("HYPERLINK"))
        let target = try emptyDatabase()
        let recommendationsFile = target.folder.file("recs.\(format)")
        let progressFile = target.folder.file("progress.\(format)")
        try recommendations.write(toFile: recommendationsFile, atomically: true, encoding: .utf8)
        try progress.write(toFile: progressFile, atomically: true, encoding: .utf8)
        #expect(
            try target.succeed(["import", "recommendations", recommendationsFile]).contains("169 recommendations added")
        )
        #expect(try target.succeed(["import", "progress", progressFile]).contains("38 entries added"))
        // The bulk path rebuilt the status cache set-based and put its triggers back: check agrees,
        // and the statuses (assignments export) are those the per-entry triggers gave the source.
        #expect(try target.succeed(["check"]).contains("no problems found"))
        #expect(try target.succeed(["export", "recommendations", "--format", format]) == recommendations)
        #expect(try target.succeed(["export", "progress", "--format", format]) == progress)
        #expect(
            try target.succeed(["export", "assignments", "--format", format])
                == (try source.succeed(["export", "assignments", "--format", format])))
        // Re-importing the same files changes nothing.
        let dump = try target.dump()
        #expect(try target.succeed(["import", "progress", progressFile]).contains("0 entries added, 38 unchanged"))
        #expect(
            try target.succeed(["import", "recommendations", recommendationsFile]).contains(
                "0 recommendations added, 169 unchanged"))
        #expect(try target.dump() == dump)
    }

    @Test("exported CSV neutralises formulas and quotes what needs quoting")
    func csvSafety() throws {
        let progress = try Self.seeded.get().succeed(["export", "progress"])
        #expect(progress.contains("\"'=HYPERLINK(\"\"http://x\"\") \"\"quoted\"\", with comma\nand a line break\""))
        #expect(progress.hasPrefix("uid,key,actor,as_of,status,response,note,"))
        #expect(progress.contains("\r\n"))
    }

    static let header =
        "uid,key,actor,as_of,status,response,note,evidence_document,evidence_paragraph,evidence_url,reported_by,recorded_at,supersedes"

    func importProgress(_ text: String, name: String = "in.csv", vocabulary: String? = nil) throws -> (CLIResult, Bool)
    {
        let cli = try Self.seeded.get()
        let path = cli.folder.file(UUID().uuidString + "-" + name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let before = try cli.dump()
        let result = cli.run(["import", "progress", path] + (vocabulary.map { ["--vocabulary", $0] } ?? []))
        return (result, try cli.dump() == before)
    }

    @Test("every bad row is reported with its line and column, and nothing is written")
    func badRows() throws {
        let rows = [
            Self.header,
            "a1,E/2020/31 DR-I ¶90,SG,2021-02-30,implemented,,,,,,,,",
            "a2,E/2020/31 DR-I ¶999,SG,2021-02-01,implemented,,,,,,,,",
            "a3,E/2020/31 DR-I ¶90,Atlantis,2021-02-01,implemented,,,,,,,,",
            "a4,E/2020/31 DR-I ¶90,SG,2021-02-01,finished,,,,,,,,",
            "a9,E/2020/31 DR-I ¶90,SG,2021-02-02,planned,,,,,,,,",
            "a6,E/2020/31 DR-I ¶90,KEN,2021-02-01,planned,,,,,,,,",
            "a7,E/2020/31 DR-I ¶90,SG,2031-02-01,planned,,,,,,,,",
            "a8,E/2020/31 DR-I ¶90,SG,2021-02-01,planned,,,,,,,,nope",
            "a9,E/2020/31 DR-I ¶90,SG,2021-02-01,planned,,,,,,,,",
            "a10,E/2020/31 DR-I ¶90,SG,2021-02-01,planned,,,,,,,,",
        ]
        let (result, unchanged) = try importProgress(rows.joined(separator: "\n") + "\n")
        #expect(result.exitCode == 65)
        #expect(unchanged)
        let expected = [
            ":2: as_of: '2021-02-30' is not a real date", ":3: key: no recommendation 'E/2020/31 DR-I ¶999'",
            ":4: actor: no actor 'Atlantis'", ":5: status: unknown status 'finished'", ":10: uid: 'a9' appears twice",
            ":7: actor: 'E/2020/31 DR-I ¶90' does not bind 'KEN'", ":8: as_of: 2031-02-01 is in the future",
            ":9: supersedes: no earlier entry 'nope'", "8 problems in 8 rows; nothing was imported",
        ]
        for message in expected {
            #expect(result.standardError.contains(message), "\(message)\n\(result.standardError)")
        }
        #expect(!result.standardError.contains(":6:") && !result.standardError.contains(":11:"))
    }

    @Test(
        "malformed files are refused whole",
        arguments: [
            (
                "\(ExchangeTests.header)\na1,E/2020/31 DR-I ¶90,SG,2021-02-01,\"planned,,,,,,,,\n", "in.csv",
                "a quoted field opened on this line is never closed"
            ),
            (
                "\(ExchangeTests.header)\na1,E/2020/31 DR-I ¶90,SG,2021-02-01,planned\n", "in.csv",
                ":2: 5 fields where the header has 13"
            ),
            (
                "\(ExchangeTests.header)\na1,E/2020/31 DR-I ¶90,SG,2021-02-01,planned,,,,,,,,,,extra\n", "in.csv",
                "15 fields where the header has 13"
            ),
            ("uid,key,actor,as_of,state\n", "in.csv", "state: unknown column"),
            ("", "in.csv", "the file is empty"),
            ("{\"uid\":\"a1\",\"key\":\"E/2020/31 DR-I ¶90\"\n", "in.jsonl", ":1: not a JSON object"),
            ("[1,2]\n", "in.jsonl", "each line must be one JSON object"),
            ("{\"uid\":\"a1\",\"colour\":\"red\"}\n", "in.jsonl", "colour: unknown field"),
        ])
    func malformed(text: String, name: String, message: String) throws {
        let (result, unchanged) = try importProgress(text, name: name)
        #expect(result.exitCode == 65, "\(result.standardError)")
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(unchanged)
    }

    @Test("a 1 MB field, a byte-order mark and CRLF line ends are fine")
    func bigFieldBOMAndCRLF() throws {
        let note = String(repeating: "数", count: 350_000)
        let text = "\u{FEFF}" + Self.header + "\r\nbig1,E/2020/31 DR-I ¶90,SG,2021-02-01,planned,,\(note),,,,,,\r\n"
        let cli = try emptyWithSeeds()
        let path = cli.folder.file("big.csv")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try cli.succeed(["import", "progress", path]).contains("1 entries added"))
        let history = try JSONDecoder().decode(
            [ProgressEntryInfo].self,
            from: Data(try cli.succeed(["history", "E/2020/31 DR-I ¶90", "--format", "json"]).utf8))
        #expect(history.contains { $0.note?.count == 350_000 })
    }

    func emptyWithSeeds() throws -> CLIHarness {
        try CLIHarness.seeded()
    }

    typealias VocabularyCase = (
        vocabulary: TrackerVocabulary, word: String, status: ImplementationStatus?, response: Response?
    )
    static let vocabularyCases: [VocabularyCase] = [
        (.upr, "Supported", nil, .supported), (.upr, "Noted", nil, .noted),
        (.upr, "partially implemented", .partiallyImplemented, nil),
        (.impact, "Supported in part", nil, .supportedInPart), (.impact, "Not applicable", nil, .notApplicable),
        (.impact, "In preparation", .planned, nil), (.impact, "Completed", .implemented, nil),
        (.jiu, "accepted", nil, .supported), (.jiu, "not accepted", nil, .noted),
        (.jiu, "under consideration", nil, .pending),
        (.jiu, "not relevant", nil, .notApplicable), (.jiu, "not started", .notStarted, nil),
        (.ogp, "Limited", .inProgress, nil), (.ogp, "Substantial", .partiallyImplemented, nil),
        (.ogp, "Complete", .implemented, nil),
        (.ogp, "No evidence", .notStarted, nil), (.seridh, "Atendida", .implemented, nil),
        (.seridh, "En proceso de atención", .inProgress, nil), (.seridh, "EN PROCESO DE ATENCION", .inProgress, nil),
        (.seridh, "No atendida", .notStarted, nil), (.treatyBody, "A", .implemented, nil),
        (.treatyBody, "B", .partiallyImplemented, nil), (.treatyBody, "C", .notImplemented, nil),
        (.treatyBody, "D", .notStarted, nil), (.treatyBody, "E", .notImplemented, nil),
    ]

    @Test("other trackers' words map onto FollowUp's", arguments: vocabularyCases)
    func vocabularies(item: VocabularyCase) {
        if let status = item.status { #expect(item.vocabulary.status(item.word) == status) }
        if let response = item.response { #expect(item.vocabulary.response(item.word) == response) }
    }

    @Test("--vocabulary applies on import; FollowUp's own words still work")
    func vocabularyImport() throws {
        let cli = try emptyWithSeeds()
        let path = cli.folder.file("seridh.csv")
        try
            (Self.header
            + "\ns1,E/2020/31 DR-I ¶90,SG,2022-01-01,En proceso de atención,,,,,,,,\ns2,E/2020/31 DR-I ¶90,SG,2022-02-01,implemented,,,,,,,,\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try cli.succeed(["import", "progress", path, "--vocabulary", "seridh"]).contains("2 entries added"))
        let history = try JSONDecoder().decode(
            [ProgressEntryInfo].self,
            from: Data(try cli.succeed(["history", "E/2020/31 DR-I ¶90", "--format", "json"]).utf8))
        #expect(history.suffix(2).map(\.status) == [.inProgress, .implemented])
        let refused = cli.run(["import", "progress", path, "--vocabulary", "upr"])
        #expect(refused.standardError.contains("unknown status 'En proceso de atención' in the upr vocabulary"))
    }

    @Test("a file written before the review columns (recommended_by, themes, persons, sdgs) still imports")
    func olderColumns() throws {
        let cli = try emptyDatabase()
        let path = cli.folder.file("old.csv")
        let old = ExchangeColumns.recommendations.filter {
            !["recommended_by", "themes", "persons", "sdgs"].contains($0)
        }
        #expect(old.count == 17)
        try [
            old.joined(separator: ","),
            "X/1 ¶1,X/1,¶1,recommendation,actionable,,Text,en,,,,MEMBER-STATES,,Title,2020-01-01,en,",
        ].joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let result = cli.run(["import", "recommendations", path])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("1 recommendations added"))
    }

    @Test("bad recommendation rows are reported too")
    func badRecommendationRows() throws {
        let cli = try emptyDatabase()
        let path = cli.folder.file("recs.csv")
        let header = ExchangeColumns.recommendations.joined(separator: ",")
        try [
            header, "X/1 ¶1,X/1,¶1,recommendation,actionable,,Text,en,,,,MEMBER-STATES,,Title,2020-01-01,en,,,,,",
            "X/1 ¶2,X/1,¶2,recommendation,urgent,,Text,en,2021-02-30,,,Narnia,,,,,,,,,",
            "Y/1 ¶1,Y/1,¶1,recommendation,actionable,,Text,en,,,,SG,,,,,,,,,",
        ].joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let before = try cli.dump()
        let result = cli.run(["import", "recommendations", path])
        #expect(result.exitCode == 65)
        for message in [
            ":3: class: unknown class 'urgent'", ":3: due_date: '2021-02-30'", ":3: addressees: no actor 'Narnia'",
            ":4: document: no document 'Y/1'",
        ] {
            #expect(result.standardError.contains(message), "\(result.standardError)")
        }
        #expect(try cli.dump() == before)
    }
}
