import Foundation
import Testing
import FollowUpTestTiers
import ZIPFoundation
import FollowUpKit
import FollowUpTestSupport

/// Whether poppler's `pdftotext` is installed (`.ci/run` installs it).
let pdfExtractorInstalled = FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")
/// The GA-78 corpus in `../shared`, beside the repository.
let gaCorpus = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/corpus/ga-78")

struct ImportFailed: Error, CustomStringConvertible {
    var description: String
}

/// PDF documents as the UN publishes them, read through poppler's `pdftotext`.
@Suite("Importing PDF documents", .enabled(if: pdfExtractorInstalled))
struct PDFImportTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let example = repository.appendingPathComponent("docs/examples/A_RES_78_19.pdf").path
    static let corpus = gaCorpus

    struct Reference: Decodable {
        var file: String
        var symbol: String
        var title: String
        var adopted: String
        var operative_paragraphs: [Int]
    }

    /// Where the corpus reference (made by another program) and the PDF disagree, the PDF wins.
    static let corrections: [String: [Int]] = [
        // One unnumbered operative paragraph ("Endorses the political declaration … annex");
        // the reference counted the annexed declaration's 43 paragraphs, which are not operative.
        "A_RES_78_1.pdf": [1],
        // One unnumbered operative paragraph ("Takes note of the report of the Human Rights
        // Council …"); the reference found none.
        "A_RES_78_186.pdf": [1],
    ]

    func plan(_ cli: CLIHarness, _ path: String) throws -> (items: [ExtractedItem], notes: String, table: String) {
        let json = cli.run(["import", "document", path, "--dry-run", "--format", "json"])
        guard json.exitCode == 0 else { throw ImportFailed(description: "\(path): \(json.standardError)") }
        let items = try JSONDecoder().decode([ExtractedItem].self, from: Data(json.standardOutput.utf8))
        let table = try cli.succeed(["import", "document", path, "--dry-run"])
        return (items, json.standardError, table)
    }

    static func paragraphNumbers(_ items: [ExtractedItem]) -> [Int] {
        var numbers: [Int] = []
        for item in items {
            guard let match = item.path.firstMatch(of: /^¶(\d+)/), let number = Int(match.1) else { continue }
            if numbers.last != number { numbers.append(number) }
        }
        return numbers
    }

    @Test("a resolution PDF imports as downloaded: symbol, title, adoption date and paragraphs from the text")
    func importsThePDF() throws {
        let cli = CLIHarness()
        try cli.succeed(["init", "--no-seeds"])
        let (items, notes, table) = try plan(cli, Self.example)
        #expect(notes.contains("symbol A/RES/78/19 read from the text"))
        #expect(notes.contains("date 2023-12-04 read from the text"))
        #expect(table.contains("A/RES/78/19 — Prevention of an arms race in outer space"))
        #expect(Self.paragraphNumbers(items) == Array(1...9))
        let imported = try cli.succeed(["import", "document", Self.example])
        #expect(imported.contains("Imported A/RES/78/19"))
        #expect(try cli.succeed(["documents"]).contains("2023-12-04"))
    }

    @Test("many files at once: one transaction each, a line per file and a summary; a bad file changes nothing else")
    func manyFiles() throws {
        let cli = CLIHarness()
        try cli.succeed(["init", "--no-seeds"])
        let broken = cli.folder.file("broken.pdf")
        try Data("%PDF-1.7\nnot really a PDF".utf8).write(to: URL(fileURLWithPath: broken))
        let second = cli.folder.file("A_RES_78_19-copy.pdf")
        try FileManager.default.copyItem(atPath: Self.example, toPath: second)
        let dryRun = cli.run(["import", "document", Self.example, broken, "--dry-run"])
        #expect(dryRun.standardOutput.contains("A/RES/78/19 would import"), "\(dryRun.standardOutput)")
        #expect(try cli.succeed(["documents"]).contains("A/RES/78/19") == false)

        let result = cli.run(["import", "document", Self.example, broken, second])
        #expect(result.exitCode == 65, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 4, "\(result.standardOutput)")
        #expect(lines[0].contains("A_RES_78_19.pdf: A/RES/78/19 imported, "), "\(lines[0])")
        #expect(lines[1].contains("broken.pdf: refused: "))
        #expect(lines[2].contains("A/RES/78/19 unchanged (imported before)"))
        #expect(lines[3] == "3 files: 1 imported, 1 unchanged, 1 refused; each refused file changed nothing.")
        #expect(try cli.succeed(["documents"]).contains("A/RES/78/19"))

        let refused = cli.run(["import", "document", Self.example, second, "--symbol", "A/RES/1"])
        #expect(refused.exitCode == 64 && refused.standardError.contains("--symbol describes one document"))
    }

    @Test("a Word .docx with Word's own numbering imports like the PDF of the same resolution")
    func wordDocument() throws {
        let cli = CLIHarness()
        try cli.succeed(["init", "--no-seeds"])
        let word = Self.repository.appendingPathComponent("docs/examples/A_RES_78_19.docx").path
        let (fromWord, notes, _) = try plan(cli, word)
        let (fromPDF, _, _) = try plan(cli, Self.example)
        #expect(notes.contains("symbol A/RES/78/19 read from the text") && notes.contains("date 2023-12-04"))
        #expect(fromWord.map(\.key) == fromPDF.map(\.key))
        #expect(fromWord.map(\.addressees) == fromPDF.map(\.addressees))
        #expect(fromWord.map(\.text) == fromPDF.map(\.text))

        // A damaged ZIP: refused with what to do, nothing written.
        let zip = cli.folder.file("other.zip")
        try Data([0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 40)).write(to: URL(fileURLWithPath: zip))
        let before = try cli.dump()
        let damaged = cli.run(["import", "document", zip])
        #expect(damaged.exitCode == 65 && damaged.standardError.contains("other.zip"), "\(damaged.standardError)")
        #expect(try cli.dump() == before)
    }

    @Test("a .docx whose XML inflates past the limit (a decompression bomb) is refused before it is read")
    func decompressionBomb() throws {
        let cli = CLIHarness()
        try cli.succeed(["init", "--no-seeds"])
        // 64 MB of XML that compresses to about 64 KB, under a limit of 1 MB of text (2 MB of XML).
        let bomb = cli.folder.file("bomb.docx")
        let archive = try Archive(url: URL(fileURLWithPath: bomb), accessMode: .create)
        let size: Int64 = 64 << 20
        let prefix = Data("<w:document><w:body><w:p><w:r><w:t>".utf8)
        try archive.addEntry(
            with: "word/document.xml", type: .file, uncompressedSize: size, compressionMethod: .deflate
        ) { position, count in
            position == 0
                ? prefix + Data(repeating: 0x61, count: count - prefix.count) : Data(repeating: 0x61, count: count)
        }
        #expect(try FileManager.default.attributesOfItem(atPath: bomb)[.size] as? Int ?? .max < 1 << 20)
        let before = try cli.dump()
        let refused = cli.run(["import", "document", bomb, "--max-size", "1"])
        #expect(refused.exitCode == 65, "\(refused.standardError)")
        #expect(refused.standardError.contains("decompression bomb") && refused.standardError.contains("bomb.docx"))
        #expect(try cli.dump() == before)
    }

    @Test("without pdftotext the error says how to install it, and nothing is written")
    func missingExtractor() throws {
        let cli = CLIHarness()
        try cli.succeed(["init", "--no-seeds"])
        let before = try cli.dump()
        let result = cli.run(
            ["import", "document", Self.example], environment: ["FOLLOWUP_PDFTOTEXT": "/nonexistent/pdftotext"])
        #expect(result.exitCode == 65)
        #expect(result.standardError.contains("apt-get install poppler-utils"))
        #expect(try cli.dump() == before)
    }

    @Test(
        "every resolution of the GA-78 corpus: paragraphs, adoption date, symbol and title as the reference says",
        .tags(.corpus), .enabled(if: TestTier.selected.contains(.corpus)),
        .enabled(if: FileManager.default.fileExists(atPath: gaCorpus.path)))
    func corpus() throws {
        let data = try Data(contentsOf: Self.corpus.appendingPathComponent("reference.json"))
        let references = try JSONDecoder().decode([Reference].self, from: data)
        #expect(references.count == 40)
        let cli = CLIHarness()
        try cli.succeed(["init", "--no-seeds"])
        for reference in references {
            let (items, notes, table) = try plan(cli, Self.corpus.appendingPathComponent(reference.file).path)
            let expected = Self.corrections[reference.file] ?? reference.operative_paragraphs
            #expect(Self.paragraphNumbers(items) == expected, "\(reference.file)")
            #expect(notes.contains("date \(reference.adopted) read from the text"), "\(reference.file)")
            #expect(notes.contains("symbol \(reference.symbol) read from the text"), "\(reference.file)")
            let title = reference.title.split(separator: ". ", maxSplits: 1).last.map(String.init) ?? ""
            #expect(table.contains("\(reference.symbol) — \(title)"), "\(reference.file)")
        }
    }
}
