import Foundation
import Testing
@testable import FollowUpKit
@testable import FollowUpImport
import FollowUpTestSupport

/// A Universal Periodic Review cycle end to end (issue #26), on Slovenia's real documents
/// (`Fixtures/upr`): the Working Group report, the State's views, OHCHR's thematic list, and the
/// next cycle's national report as evidence; and the matrix a focal point reads.
@Suite("Universal Periodic Review")
struct PeriodicReviewTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent("upr/\(name).txt"), encoding: .utf8)
    }

    static func tables(_ name: String) throws -> [[[String]]] {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("upr/\(name).docx"))
        return try WordText.tables(data, name: name, maximumBytes: 20 << 20)
    }

    static let clock = FixedClock(CalendarDate("2026-12-01")!)

    /// A database with the reference actors and the report (and its addendum) of each cycle given.
    static func database(_ cycles: [(report: String, addendum: String?)]) throws -> AppDatabase {
        let database = try TestDatabase.withReference()
        for (report, addendum) in cycles {
            let plan = try database.planImport(text: try text(report), options: ImportOptions(sourceName: report))
            try database.importDocument(plan, clock: clock)
            if let addendum {
                let positions = try database.planPositions(
                    text: try text(addendum), options: ImportOptions(sourceName: addendum))
                try database.recordPositions(positions, clock: clock)
            }
        }
        return database
    }

    // MARK: The Working Group report

    @Test("the report of cycle 2: 163 recommendations, each bound to Slovenia, with the States that made them")
    func secondCycleReport() throws {
        let database = try TestDatabase.withReference()
        let plan = try database.planImport(text: try Self.text("A_HRC_28_15"), options: ImportOptions(sourceName: "t"))
        #expect(plan.document.symbol == "A/HRC/28/15")
        #expect(plan.document.body == "HRC")
        #expect(
            plan.review
                == PeriodicReview(
                    report: "A/HRC/28/15", state: "SVN", cycle: 2, session: 20, reviewDate: CalendarDate("2014-11-04")!)
        )
        #expect(plan.items.map(\.path) == (1...163).map { "115.\($0)" })
        #expect(plan.items.allSatisfy { $0.addressees == ["SVN"] && $0.classification == .actionable })
        #expect(plan.items.allSatisfy { $0.dueDate == CalendarDate("2019-05-04") })
        #expect(plan.census.parts.map(\.summary) == ["recommendations 115.1–115.163: 163 of 163 numbered"])
        let byPath = Dictionary(uniqueKeysWithValues: plan.items.map { ($0.path, $0) })
        // A State named with its parenthesis, among others.
        #expect(byPath["115.8"]?.recommenders == ["SEN", "SLE", "VEN", "PER", "URY"])
        // Several wordings from several States in one item, the fourth after a page's foot note.
        #expect(byPath["115.124"]?.recommenders == ["ARM", "CRI", "UZB", "AZE"])
        #expect(byPath["115.12"]?.text.hasSuffix("(Egypt);") == true)
        // A State's name of the time: "the former Yugoslav Republic of Macedonia".
        #expect(byPath["115.72"]?.recommenders == ["MKD"])
        #expect(plan.items.allSatisfy { !$0.recommenders.isEmpty })
        // The report states no position yet: all are to be examined.
        #expect(plan.positions.count == 163 && plan.positions.allSatisfy { $0.response == .pending })
        // The note at the foot of the page is set aside, said so, not read into 115.12.
        #expect(plan.census.setAside.contains { $0.reason.contains("have not been edited") })
    }

    @Test("the report of cycle 1: 97 recommendations numbered 1. … 97. under ¶111, States inline")
    func firstCycleReport() throws {
        let database = try TestDatabase.withReference()
        let plan = try database.planImport(text: try Self.text("A_HRC_14_15"), options: ImportOptions(sourceName: "t"))
        #expect(plan.review?.cycle == 1)
        #expect(plan.review?.reviewDate == CalendarDate("2010-02-16"))
        #expect(plan.items.map(\.path) == (1...97).map { "111.\($0)" })
        let first = try #require(plan.items.first)
        // "To examine the possibility of joining (Algeria)/sign and ratify (Egypt)/…", across a page.
        #expect(first.recommenders == ["DZA", "EGY", "BIH", "ARG"])
        #expect(!first.text.contains(" 14 "))
        #expect(first.verbs == ["examine"])
    }

    @Test("the report of cycle 3: 58 supported at the review, 157 to be examined")
    func thirdCycleReport() throws {
        let database = try TestDatabase.withReference()
        let plan = try database.planImport(text: try Self.text("A_HRC_43_15"), options: ImportOptions(sourceName: "t"))
        #expect(plan.items.count == 215)
        #expect(plan.positions.filter { $0.response == .supported }.map(\.key).count == 58)
        #expect(plan.positions.filter { $0.response == .pending }.count == 157)
        // A second wording in capitals, from a second State.
        #expect(plan.items.first { $0.path == "121.2" }?.recommenders == ["UKR", "SVK"])
    }

    @Test("a report with no section of recommendations is refused, saying so")
    func noRecommendations() throws {
        let database = try TestDatabase.withReference()
        let text = try Self.text("A_HRC_28_15")
        let cut = String(text[..<text.range(of: "II. Conclusions and/or recommendations**")!.lowerBound])
        #expect {
            try database.planImport(text: cut, options: ImportOptions(sourceName: "cut.txt"))
        } throws: { error in
            (error as? FollowUpError)?.message.contains("has no section 'Conclusions and/or recommendations'") == true
        }
    }

    @Test("a recommendation whose number the text skips is named, and the import refused")
    func skippedNumber() throws {
        let database = try TestDatabase.withReference()
        let text = try Self.text("A_HRC_28_15").replacingOccurrences(of: "115.51 ", with: "115.5l ")
        #expect {
            try database.planImport(text: text, options: ImportOptions(sourceName: "gap.txt"))
        } throws: { error in
            (error as? FollowUpError)?.message.contains("recommendation 115.51 of the 163") == true
        }
    }

    // MARK: Positions

    @Test("the addendum of cycle 2: lists and ranges read exactly, three categories, each comment kept")
    func secondCycleAddendum() throws {
        let database = try Self.database([("A_HRC_28_15", nil)])
        let plan = try database.planPositions(
            text: try Self.text("A_HRC_28_15_Add.1"), options: ImportOptions(sourceName: "t"))
        #expect(plan.document == "A/HRC/28/15/Add.1")
        #expect(plan.date == CalendarDate("2015-03-04"))
        #expect(plan.counts == [.supported: 70, .supportedImplemented: 72, .noted: 21])
        #expect(plan.withoutPosition.isEmpty && plan.unclear.isEmpty)
        let byPath = Dictionary(uniqueKeysWithValues: plan.positions.map { ($0.key, $0) })
        // "14–\n16" across a line, "150 – 152" with spaces.
        for path in ["115.14", "115.15", "115.16"] { #expect(byPath["A/HRC/28/15 ¶\(path)"]?.response == .supported) }
        for path in ["115.150", "115.151", "115.152"] {
            #expect(byPath["A/HRC/28/15 ¶\(path)"]?.response == .supportedImplemented)
        }
        #expect(
            byPath["A/HRC/28/15 ¶115.18"]?.note?.hasPrefix("We consider that this recommendation is implemented")
                == true)
        // The notes at the end of the document are no comment on the last recommendation.
        #expect(byPath["A/HRC/28/15 ¶115.163"]?.note == "See information on recommendations 6–13.")
        #expect(byPath["A/HRC/28/15 ¶115.6"]?.response == .noted)
        #expect(byPath["A/HRC/28/15 ¶115.6"]?.paragraph == "5")
    }

    @Test("the addendum of cycle 3: '122.17-18', '122.34- 35', headings without numbers, comments under numbers")
    func thirdCycleAddendum() throws {
        let database = try Self.database([("A_HRC_43_15", nil)])
        let plan = try database.planPositions(
            text: try Self.text("A_HRC_43_15_Add.1"), options: ImportOptions(sourceName: "t"))
        #expect(plan.counts == [.supported: 80, .supportedImplemented: 44, .noted: 33])
        #expect(plan.withoutPosition.isEmpty)
        let byKey = Dictionary(uniqueKeysWithValues: plan.positions.map { ($0.key, $0) })
        #expect(byKey["A/HRC/43/15 ¶122.17"]?.response == .supported)
        #expect(byKey["A/HRC/43/15 ¶122.18"]?.response == .supported)
        #expect(byKey["A/HRC/43/15 ¶122.35"]?.response == .supportedImplemented)
        #expect(
            byKey["A/HRC/43/15 ¶122.15"]?.note?.hasPrefix("Slovenia considers these recommendations implemented")
                == true)
    }

    @Test("the addendum of cycle 1: a paragraph per recommendation; what says no position is reported, not guessed")
    func firstCycleAddendum() throws {
        let database = try Self.database([("A_HRC_14_15", nil)])
        let plan = try database.planPositions(
            text: try Self.text("A_HRC_14_15_Add.1"), options: ImportOptions(sourceName: "t"))
        #expect(plan.positions.count == 96)
        let byPath = Dictionary(
            uniqueKeysWithValues: plan.positions.map { ($0.key.split(separator: "¶")[1], $0.response) })
        #expect(byPath["111.1"] == .noted)  // "cannot, at this point in time, make a definitive statement"
        #expect(byPath["111.3"] == .supportedInPart)
        // "accepts the recommendation and has already implemented it"
        #expect(byPath["111.13"] == .supportedImplemented)
        #expect(byPath["111.43"] == .supportedImplemented)  // its label on the line after "40., 41., 42.,"
        #expect(byPath["111.84"] == .noted)
        #expect(plan.withoutPosition == ["A/HRC/14/15 ¶111.15"])
        #expect(plan.unclear.count == 1 && plan.unclear[0].contains("agrees with the importance"))
    }

    @Test(
        "an addendum before its report, naming recommendations the report does not hold, or of another State: refused")
    func addendumRefusals() throws {
        let empty = try TestDatabase.withReference()
        let addendum = try Self.text("A_HRC_28_15_Add.1")
        #expect {
            try empty.planPositions(text: addendum, options: ImportOptions(sourceName: "add.txt"))
        } throws: { error in
            (error as? FollowUpError)?.message.contains("A/HRC/28/15, which is not imported") == true
        }
        let database = try Self.database([("A_HRC_28_15", nil)])
        let unknown = addendum.replacingOccurrences(of: "159, 160, 162.", with: "159, 160, 162, 170, 171.")
        #expect {
            try database.planPositions(text: unknown, options: ImportOptions(sourceName: "add.txt"))
        } throws: { error in
            let message = (error as? FollowUpError)?.message ?? ""
            return message.contains("170 (line") && message.contains("171 (line")
                && message.contains("Nothing was recorded")
        }
        let other = addendum.replacingOccurrences(of: "              Slovenia\n", with: "              Croatia\n")
        #expect {
            try database.planPositions(text: other, options: ImportOptions(sourceName: "add.txt"))
        } throws: { error in
            (error as? FollowUpError)?.message.contains("it is about HRV, but A/HRC/28/15 reviewed SVN") == true
        }
    }

    @Test(
        "lists of numbers as addenda and national reports write them",
        arguments: [
            ("1–5, 14–\u{20}16, 20", ["1", "2", "3", "4", "5", "14", "15", "16", "20"]),
            ("150 – 152, 159", ["150", "151", "152", "159"]),
            ("122.1, 122.17-18, 122.30-33", ["122.1", "122.17", "122.18", "122.30", "122.31", "122.32", "122.33"]),
            ("122.34- 35 and 122.40", ["122.34", "122.35", "122.40"]),
            ("122.17 to 122.19", ["122.17", "122.18", "122.19"]),
            ("6–13 and 17.", ["6", "7", "8", "9", "10", "11", "12", "13", "17"]),
        ])
    func numberLists(text: String, expected: [String]) {
        let (numbers, _) = RecommendationNumbers.list(in: Array(text), from: 0)
        #expect(numbers.map(\.description) == expected)
    }

    @Test("a number in a convention's name is no recommendation: 'Convention (No. 174)'")
    func conventionNumbers() {
        let lists = RecommendationNumbers.lists(
            in: "accepts the recommendations on ratifying the Convention (No. 174) and recommendation 12.",
            paragraphs: [])
        #expect(lists.flatMap(\.numbers).map(\.description) == ["12"])
    }

    // MARK: The thematic list

    @Test("the thematic list of cycle 2: themes and persons on every recommendation; the report's typo reported")
    func secondCycleThemes() throws {
        let database = try Self.database([("A_HRC_28_15", "A_HRC_28_15_Add.1")])
        let plan = try database.planThemes(
            tables: try Self.tables("UPR20_Slovenia_thematic_list"), source: "list.docx", report: nil)
        #expect(plan.topics.count == 163)
        #expect(plan.unread.isEmpty)
        let first = try #require(plan.topics.first { $0.key == "A/HRC/28/15 ¶115.1" })
        #expect(first.themes == ["A12 Acceptance of international norms"])
        #expect(first.persons == ["general"])
        // The report says "childre,"; the list corrected it. Nothing else disagrees.
        #expect(plan.disagreements.count == 1)
        #expect(plan.disagreements[0].contains("115.104") && plan.disagreements[0].contains("childre,"))
        let result = try database.recordTopics(plan)
        #expect(result.written == 163)
        #expect(try database.recordTopics(plan).unchanged == 163)
    }

    @Test("the thematic list of cycle 3: themes without codes, persons, SDGs")
    func thirdCycleThemes() throws {
        let database = try Self.database([("A_HRC_43_15", "A_HRC_43_15_Add.1")])
        let plan = try database.planThemes(
            tables: try Self.tables("UPR34_Slovenia_thematic_list"), source: "list.docx", report: "A/HRC/43/15")
        #expect(plan.topics.count == 215)
        #expect(plan.topics.allSatisfy { !$0.themes.isEmpty })
        // The list gives no persons for 19 of them (122.1 "Acceptance of international norms" …).
        #expect(plan.topics.count { $0.persons.isEmpty } == 19)
        #expect(plan.unread.isEmpty)
        #expect(plan.topics.first { $0.key == "A/HRC/43/15 ¶121.1" }?.goals == [16])
        #expect {
            try database.planThemes(
                tables: try Self.tables("UPR34_Slovenia_thematic_list"), source: "list.docx", report: "A/HRC/28/15")
        } throws: { error in
            (error as? FollowUpError)?.message.contains("not imported") == true
        }
    }

    // MARK: Evidence

    @Test("cycle 2's national report: each section's recommendations of cycle 1, proposed with their words")
    func secondCycleEvidence() throws {
        let database = try Self.database([("A_HRC_14_15", "A_HRC_14_15_Add.1")])
        let plan = try database.planEvidence(
            text: try Self.text("A_HRC_WG.6_20_SVN_1"), answers: "A/HRC/14/15",
            options: ImportOptions(sourceName: "t", today: CalendarDate("2026-12-01")))
        #expect(plan.sections.count == 12)
        #expect(plan.sections[0].cited == "30–31, 54–57")
        #expect(plan.answered.count == 87)
        // Every proposal is on a recommendation its section names.
        for proposal in plan.proposals {
            #expect(plan.sections.contains { $0.heading == proposal.section && $0.keys.contains(proposal.key) })
        }
        #expect(Set(plan.proposals.map(\.key)) == plan.answered)
        // The words that justify a status are in the passage quoted.
        #expect(
            plan.proposals.allSatisfy {
                $0.words.isEmpty || $0.passage.lowercased().contains($0.words.prefix { $0 != ";" })
            })
    }

    @Test("a national report for a review not imported, or of another State, is refused")
    func evidenceRefusals() throws {
        let database = try Self.database([("A_HRC_14_15", nil)])
        let report = try Self.text("A_HRC_WG.6_20_SVN_1")
        #expect {
            try database.planEvidence(text: report, answers: "A/HRC/28/15", options: ImportOptions(sourceName: "t"))
        } throws: { error in
            (error as? FollowUpError)?.message.contains("--answers A/HRC/28/15: that report is not imported") == true
        }
        #expect {
            try database.planEvidence(
                text: report.replacingOccurrences(of: "A/HRC/WG.6/20/SVN/1", with: "A/HRC/WG.6/20/HRV/1"),
                answers: "A/HRC/14/15", options: ImportOptions(sourceName: "t"))
        } throws: { error in
            (error as? FollowUpError)?.message.contains("it is about HRV") == true
        }
    }

    // MARK: The targets, on the cycle scored blind

    @Test("cycle 3 against its labels: every recommendation, States F1 ≥ 0.98, positions 100%, evidence ≥ 90% / ≥ 80%")
    func thirdCycleTargets() throws {
        struct Labels: Decodable {
            struct Recommendation: Decodable {
                var number: String
                var recommendingStates: [String]
                var position: String
                var sdgs: [String]
            }
            var recommendations: [Recommendation]
        }
        struct EvidenceLabels: Decodable {
            struct Section: Decodable {
                var recommendations: [String]
                var paragraphs: [Int]
            }
            var sections: [Section]
        }
        let folder = Self.fixtures.appendingPathComponent("upr-blind-cycle3")
        let labels = try JSONDecoder().decode(
            Labels.self, from: Data(contentsOf: folder.appendingPathComponent("recommendations.json")))
        let database = try Self.database([("A_HRC_28_15", "A_HRC_28_15_Add.1"), ("A_HRC_43_15", "A_HRC_43_15_Add.1")])
        try database.recordTopics(
            try database.planThemes(
                tables: try Self.tables("UPR34_Slovenia_thematic_list"), source: "list", report: "A/HRC/43/15"))
        let matrix = try database.reviewMatrix(report: "A/HRC/43/15", asOf: .distantFuture).rows
        let byPath = Dictionary(uniqueKeysWithValues: matrix.map { ($0.path, $0) })
        #expect(matrix.count == labels.recommendations.count)
        var (truePositives, falsePositives, falseNegatives, positions, goals) = (0, 0, 0, 0, 0)
        for label in labels.recommendations {
            let row = try #require(byPath[label.number])
            let truth = Set(label.recommendingStates)
            let read = Set(row.recommenders)
            truePositives += truth.intersection(read).count
            falsePositives += read.subtracting(truth).count
            falseNegatives += truth.subtracting(read).count
            if row.response?.rawValue == label.position { positions += 1 }
            if Set(row.goals) == Set(label.sdgs.compactMap { Int($0.prefix { $0.isNumber }) }) { goals += 1 }
        }
        let precision = Double(truePositives) / Double(truePositives + falsePositives)
        let recall = Double(truePositives) / Double(truePositives + falseNegatives)
        #expect(2 * precision * recall / (precision + recall) >= 0.98)
        #expect(positions == labels.recommendations.count)
        #expect(goals == labels.recommendations.count)

        let evidence = try JSONDecoder().decode(
            EvidenceLabels.self, from: Data(contentsOf: folder.appendingPathComponent("evidence.json")))
        let plan = try database.planEvidence(
            text: try Self.text("A_HRC_WG.6_34_SVN_1"), answers: "A/HRC/28/15", options: ImportOptions(sourceName: "t"))
        let cited = Set(evidence.sections.flatMap(\.recommendations))
        let proposed = Set(plan.proposals.map { String($0.key.split(separator: "¶")[1]) })
        #expect(Double(cited.intersection(proposed).count) >= 0.9 * Double(cited.count))
        let onTheirSection = plan.proposals.count { proposal in
            let path = String(proposal.key.split(separator: "¶")[1])
            let paragraphs = Set(proposal.paragraphs.split(separator: ",").compactMap { Int($0.trimmingWhitespace()) })
            return evidence.sections.contains {
                $0.recommendations.contains(path) && !paragraphs.isDisjoint(with: $0.paragraphs)
            }
        }
        #expect(Double(onTheirSection) >= 0.8 * Double(plan.proposals.count))
    }

    // MARK: What a focal point reads

    @Test("the matrix: positions with their source, topics, a status accepted from evidence, and its summaries")
    func matrix() throws {
        let database = try Self.database([("A_HRC_14_15", "A_HRC_14_15_Add.1"), ("A_HRC_28_15", "A_HRC_28_15_Add.1")])
        try database.recordTopics(
            try database.planThemes(
                tables: try Self.tables("UPR20_Slovenia_thematic_list"), source: "list", report: nil))
        let report = try database.reviewMatrixReport(report: "A/HRC/28/15", asOf: CalendarDate("2026-12-01")!)
        #expect(report.rows.count == 163)
        #expect(report.positions == ["supported": 70, "supported-implemented": 72, "noted": 21])
        #expect(report.statuses == ["unreported": 163])
        let first = try #require(report.rows.first)
        #expect(first.responseSource == EvidenceReference(document: "A/HRC/28/15/Add.1", paragraph: "3"))
        #expect(first.themes == ["A12 Acceptance of international norms"])
        #expect(report.rows.count(where: \.isOwed) == 142)
        // What Brazil recommended, and the summaries.
        let brazil = try database.reviewMatrixReport(
            report: "A/HRC/28/15", asOf: CalendarDate("2026-12-01")!, recommender: "Brazil")
        #expect(!brazil.rows.isEmpty && brazil.rows.allSatisfy { $0.recommenders.contains("BRA") })
        let byState = try database.reviewMatrixReport(
            report: "A/HRC/28/15", asOf: CalendarDate("2026-12-01")!, grouping: .state)
        #expect(byState.groups.first { $0.name == "BRA" }?.recommendations == brazil.rows.count)
        let byTheme = try database.reviewMatrixReport(
            report: "A/HRC/28/15", asOf: CalendarDate("2026-12-01")!, grouping: .theme)
        #expect(byTheme.groups.reduce(0) { $0 + $1.recommendations } >= 163)
        // The same report read the same way twice changes nothing.
        let again = try database.planImport(text: try Self.text("A_HRC_28_15"), options: ImportOptions(sourceName: "t"))
        #expect(try database.importDocument(again, clock: Self.clock).outcome == .unchanged)
        let positions = try database.planPositions(
            text: try Self.text("A_HRC_28_15_Add.1"), options: ImportOptions(sourceName: "t"))
        let twice = try database.recordPositions(positions, clock: Self.clock)
        #expect(twice.written == 0 && twice.unchanged == 163)
        // A UPR recommendation counts in the country summary like any other, due at the next review.
        let country = try database.countryReport("SVN", asOf: CalendarDate("2026-12-01")!)
        #expect(country.rows.count == 163 + 97)
        #expect(country.overdue == 163 + 97)
    }
}

extension PeriodicReviewTests {
    @Test(
        "OHCHR's compilation and summary for a review are named as such, not as 'no organ line'",
        arguments: [
            // The first lines of A/HRC/WG.6/34/SVN/2 and of A/HRC/WG.6/7/SVN/2/Corr.1 as pdftotext reads them.
            "United Nations\n\nGeneral Assembly\n\nA/HRC/WG.6/34/SVN/2\nDistr.: General\n30 August 2019\n"
                + "Original: English\n\nHuman Rights Council\nWorking Group on the Universal Periodic Review\n"
                + "Thirty-fourth session\n4–15 November 2019\n\nCompilation on Slovenia\n\nI. Background\n1.\n"
                + "The present report was prepared pursuant to Human Rights Council resolutions 5/1\n",
            "UNITED\nNATIONS\n\nA\nGeneral Assembly\n\nDistr.\nGENERAL\nA/HRC/WG.6/7/SVN/2/Corr.1\n22 December 2009\n\n"
                + "Original: ENGLISH\nHUMAN RIGHTS COUNCIL\nWorking Group on the Universal Periodic Review\n"
                + "Seventh session\n\nCOMPILATION PREPARED BY THE OFFICE OF THE HIGH COMMISSIONER FOR\n"
                + "HUMAN RIGHTS\n\nSlovenia\nCorrigendum\n",
        ])
    func compilation(text: String) throws {
        #expect(ReviewDocumentKind.of(text) == .compilation)
        let database = try TestDatabase.withReference()
        #expect {
            _ = try database.planImport(text: text, options: ImportOptions(sourceName: "SVN_2.pdf"))
        } throws: { error in
            "\(error)".contains("compilation") && "\(error)".contains("Working Group")
        }
    }
}
