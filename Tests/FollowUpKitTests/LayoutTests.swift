import Foundation
import Testing
@testable import FollowUpKit
@testable import FollowUpImport
import FollowUpTestSupport

/// The importer never loses a paragraph in silence (issue #25): it counts what the text numbers
/// and accounts for each, and it reads the layouts the world hands it, each here from a real text
/// (`Fixtures/layouts`, with where each came from) or re-laid from one.
@Suite("Layouts and the census")
struct LayoutTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func text(_ path: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(path), encoding: .utf8)
    }

    static func plan(_ text: String, _ options: ImportOptions = ImportOptions(sourceName: "test")) throws -> ImportPlan
    {
        let database = try TestDatabase.withReference()
        return try database.planImport(text: text, options: options)
    }

    /// The top-level paragraph numbers of a plan, in order.
    static func paragraphs(_ plan: ImportPlan) -> [Int] {
        var numbers: [Int] = []
        for item in plan.items {
            guard let match = item.path.firstMatch(of: /¶(\d+)/), let number = Int(match.1) else { continue }
            if numbers.last != number { numbers.append(number) }
        }
        return numbers
    }

    @Test(
        "a number alone on its line (PyMuPDF, a PDF viewer's copy): every paragraph read",
        arguments: [("A_RES_78_19", 9), ("A_RES_78_187", 66), ("A_RES_78_256", 6)])
    func numberAlone(file: String, count: Int) throws {
        let text = try Self.text("layouts/pymupdf/\(file).txt")
        #expect(text.contains("\n1. \n") || text.contains("\n1.\n"))
        let plan = try Self.plan(text)
        #expect(Self.paragraphs(plan) == Array(1...count))
        #expect(plan.census.parts.map(\.summary) == ["operative paragraphs: \(count) of \(count) numbered"])
    }

    @Test("a resolution whose one operative paragraph is not numbered, laid out by PyMuPDF, keeps it as ¶1")
    func soleParagraphNumberAlone() throws {
        let plan = try Self.plan(try Self.text("layouts/pymupdf/A_RES_78_1.txt"))
        #expect(Self.paragraphs(plan) == [1])
        #expect(plan.census.parts.first?.unnumbered == true)
        // The declaration annexed to it numbers paragraphs of its own: set aside, with the reason.
        #expect(plan.census.setAside.contains { $0.reason.contains("annex") })
    }

    @Test("all on one line, as a web page's text gives it: split at the organ and at each number in turn")
    func oneLine() throws {
        // Re-laid from the corpus: the cleaned text of A/RES/78/19, every block on one line.
        let original = try Self.text("corpus-text/A_RES_78_19.txt")
        let line = TextCleaner.blocks(of: original).map(\.text).joined(separator: " ")
        #expect(!line.contains("\n"))
        let flat = try Self.plan(line)
        let laidOut = try Self.plan(original)
        #expect(Self.paragraphs(flat) == Array(1...9))
        #expect(flat.items.map(\.addressees) == laidOut.items.map(\.addressees))
        #expect(flat.items.map(\.classification) == laidOut.items.map(\.classification))
    }

    @Test("a lettered list in the preamble is set aside, and the operative part starts at paragraph 1")
    func preambleList() throws {
        // Re-laid from A/RES/78/19: a list in the preamble, as in A/RES/79/171 and 79/218.
        let original = try Self.text("corpus-text/A_RES_78_19.txt")
        let list = """
            Recalling the following instruments:
            (a) The Treaty on Principles Governing the Activities of States in the Exploration and Use of Outer Space;
            (b) The Agreement Governing the Activities of States on the Moon and Other Celestial Bodies;
            (c) The Convention on International Liability for Damage Caused by Space Objects,

            """
        let text = original.replacingOccurrences(
            of: "The General Assembly,\n", with: "The General Assembly,\n\n" + list)
        #expect(text != original)
        let plan = try Self.plan(text)
        #expect(Self.paragraphs(plan) == Array(1...9))
        #expect(!plan.items.contains { $0.path.hasPrefix("(") })
        #expect(plan.census.setAside.map(\.labels) == ["(a)–(c)"])
    }

    @Test(
        "a numbered paragraph that is not read stops the import, naming it and its line; --accept-partial imports the rest"
    )
    func census() throws {
        // Paragraph 4's number glued to the end of paragraph 3, as a bad conversion leaves it:
        // the text still numbers 1–9 in turn, but only eight start a paragraph.
        let original = try Self.text("corpus-text/A_RES_78_19.txt")
        let lines = original.components(separatedBy: "\n")
        guard let four = lines.firstIndex(where: { $0.trimmingWhitespace().hasPrefix("4.") }) else {
            Issue.record("no paragraph 4")
            return
        }
        var broken = lines
        broken[four] = broken[four].replacingOccurrences(of: "4.", with: "4")
        let text = broken.joined(separator: "\n")
        #expect {
            try Self.plan(text)
        } throws: { error in
            guard let error = error as? FollowUpError, case .invalidInput(_, let line, _, let reason) = error else {
                return false
            }
            return line != nil && reason.contains("operative paragraph") && reason.contains("--accept-partial")
        }
        // A text that numbers 1–9 with one number missing is also caught: the run stops, and
        // paragraphs after it are not counted as read.
        let partial = try Self.plan(text, ImportOptions(sourceName: "test", acceptPartial: true))
        #expect(partial.warnings.contains { $0.contains("--accept-partial") })
        #expect(partial.census.isPartial)
    }

    @Test("a Human Rights Council document under the Assembly's masthead is the Council's (A/HRC/… symbols)")
    func humanRightsCouncilBody() throws {
        #expect(DocumentImporter.body(ofSymbol: "A/HRC/59/15") == "HRC")
        #expect(DocumentImporter.body(ofSymbol: "S/RES/2719 (2023)") == "SC")
        #expect(DocumentImporter.body(ofSymbol: "E/RES/2023/30") == "ECOSOC")
    }
}

extension LayoutTests {
    @Test(
        "the UN's own text of seven resolutions in English and Chinese: every operative paragraph read",
        arguments: [
            ("S_RES_2517 (2020)", 3), ("S_RES_2615 (2021)", 4), ("E_RES_2023_1", 2), ("E_RES_2023_9", 3),
            ("A_HRC_RES_54_33", 5), ("A_RES_79_132", 1), ("A_RES_79_171", 51),
        ])
    func unxml(file: String, count: Int) throws {
        for language in ["en", "zh"] {
            let plan = try Self.plan(try Self.text("layouts/\(file).\(language).txt"))
            #expect(Self.paragraphs(plan) == Array(1...count), "\(file).\(language)")
            let summary = plan.census.parts.map(\.summary)
            if count == 1 {
                #expect(summary == ["operative paragraphs: 1, not numbered (the only one)"], "\(file).\(language)")
            } else {
                #expect(summary == ["operative paragraphs: \(count) of \(count) numbered"], "\(file).\(language)")
            }
            #expect(plan.document.language.rawValue == language)
        }
    }
}

extension LayoutTests {
    @Test("a Chinese Security Council text's title is its resolution line, not the masthead's date joined to it")
    func chineseCouncilTitle() throws {
        let plan = try Self.plan(try Self.text("ground-truth-blind-9/texts/S_RES_2697_2023.zh.txt"))
        #expect(plan.document.title == "第2697(2023)号决议")
    }
}

extension LayoutTests {
    @Test(
        "a one-paragraph decision wrapped at a fixed width: its paragraph is not joined to the preamble before it",
        arguments: [
            ("A_HRC_DEC_28_111", "Decides to adopt the outcome of the review of Slovenia", "(A/HRC/28/15/Add.1 and"),
            ("A_HRC_DEC_43_112", "Adopts the outcome of the review of Slovenia", "held in the Working Group."),
        ])
    func wrappedSoleParagraph(file: String, opening: String, kept: String) throws {
        let plan = try Self.plan(try Self.text("layouts/pdftotext/\(file).txt"))
        #expect(Self.paragraphs(plan) == [1])
        #expect(plan.census.parts.map(\.summary) == ["operative paragraphs: 1, not numbered (the only one)"])
        let text = try #require(plan.items.first?.text)
        #expect(text.hasPrefix(opening))
        // A symbol's addendum keeps its number; a footnote marker after the last full stop goes.
        #expect(text.contains(kept))
        #expect(text.hasSuffix(".") || text.hasSuffix(")."))
        #expect(plan.document.body == "HRC")
    }
}

extension LayoutTests {
    @Test("a footnote marker after a paragraph's full stop still ends it: the closing line is not joined to it")
    func markerAfterFullStop() throws {
        // Re-laid from A/RES/79/132 as its XML has it: the marker of the footnote citing A/79/613
        // glued to the full stop, the meeting and the date on one line.
        let original = try Self.text("layouts/A_RES_79_132.en.txt")
        let relaid = original.replacingOccurrences(
            of: "Approves the report of the Credentials Committee.\n48th plenary meeting\n6 December 2024",
            with: "Approves the report of the Credentials Committee.1\n48th plenary meeting 6 December 2024")
        #expect(relaid != original)
        let plan = try Self.plan(relaid)
        #expect(Self.paragraphs(plan) == [1])
        #expect(plan.items.first?.text == "Approves the report of the Credentials Committee.")
        // A symbol's addendum at a line's end is not a marker: the line goes on.
        #expect(!DocumentPatterns.endsWithPunctuation("as requested in A/79/613/Add.1"))
        #expect(DocumentPatterns.endsWithTerminal("核可全权证书委员会的报告。1"))
    }
}

extension LayoutTests {
    @Test("sub-items numbered 'i.' … 'vi.' are roman numerals, and 'on21 December 2023' is the adoption date")
    func romanWithFullStop() throws {
        let plan = try Self.plan(try Self.text("ground-truth-blind-10/texts/S_RES_2719_2023.txt"))
        let third = plan.items.map(\.path).filter { $0.hasPrefix("¶3") }
        #expect(third == ["¶3(i)", "¶3(ii)", "¶3(iii)", "¶3(iv)", "¶3(v)", "¶3(vi)"])
        #expect(plan.document.date.description == "2023-12-21")
        #expect(plan.census.parts.map(\.summary) == ["operative paragraphs: 17 of 17 numbered"])
    }
}

extension LayoutTests {
    @Test("the meeting line after a resolution's last paragraph is not joined to it, however long its last line")
    func meetingLine() throws {
        let plan = try Self.plan(try Self.text("layouts/wrapped/E_RES_2022_2.en.txt"))
        #expect(Self.paragraphs(plan) == [1])
        #expect(plan.items.first?.text.hasSuffix("as set out in the annex to the present resolution.") == true)
        #expect(DocumentPatterns.isMeetingLine("9th plenary meeting 16 February 2022"))
        #expect(DocumentPatterns.isMeetingLine("第53次全体会议"))
        #expect(!DocumentPatterns.isMeetingLine("9th session of the Commission"))
    }
}

extension LayoutTests {
    @Test("a PDF's pages as pdftotext -layout gives them: no page head, foot or footnote in a paragraph or heading")
    func pageFurniture() throws {
        let plan = try Self.plan(try Self.text("layouts/pdftotext-layout/A_RES_78_102.txt"))
        #expect(Self.paragraphs(plan) == Array(1...33))
        for item in plan.items {
            #expect(!item.text.contains("23-24976") && !item.text.contains("\u{0C}"), "\(item.path)")
            #expect(item.text.firstMatch(of: /\b\d{1,2}\/8\b/) == nil, "\(item.path)")
            #expect(!item.text.contains("ST/SGB/2017/2/Rev.1") && !item.text.contains("and ibid."), "\(item.path)")
            #expect(item.tags.allSatisfy { !$0.hasPrefix("heading:") }, "\(item.path): \(item.tags)")
        }
        #expect(plan.items.first?.text.hasSuffix("experts on mission since 1 July 2016;") == true)
        #expect(DocumentPatterns.isRunningHead("A/RES/78/102"))
        #expect(!DocumentPatterns.isRunningHead("A/77/237."))
        #expect(DocumentPatterns.isRunningHead("S/RES/2719 (2023)"))
        #expect(TextCleaner.isPageFoot("23-24976                    7/8"))
        #expect(!TextCleaner.isPageFoot("A/RES/78/102                on mission"))
    }
}
