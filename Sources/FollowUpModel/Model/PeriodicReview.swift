/// One State's review by the Working Group on the Universal Periodic Review: the report whose
/// "Conclusions and/or recommendations" hold the recommendations made to it.
///
/// A cycle is four and a half years; every State is reviewed once in each. The recommendations
/// bind the State under review; the States that made them are kept apart (``ExtractedItem/recommenders``),
/// never as addressees.
public struct PeriodicReview: Codable, Sendable, Equatable {
    /// The Working Group report's symbol: `A/HRC/28/15`.
    public var report: String
    /// The State under review's code: `SVN`.
    public var state: String
    /// The cycle (1 for 2008–2011, 2 for 2012–2016, 3 for 2017–2022, 4 for 2022–2027).
    public var cycle: Int
    /// The Working Group's session: 20.
    public var session: Int?
    /// The day of the review (the interactive dialogue).
    public var reviewDate: CalendarDate

    public init(report: String, state: String, cycle: Int, session: Int?, reviewDate: CalendarDate) {
        self.report = report
        self.state = state
        self.cycle = cycle
        self.session = session
        self.reviewDate = reviewDate
    }

    /// The cycle of a Working Group session: sessions 1–12 were the first cycle, 13–26 the second,
    /// 27–40 the third, 41–54 the fourth, and each later cycle fourteen sessions again.
    public static func cycle(ofSession session: Int) -> Int {
        session <= 12 ? 1 : 2 + (session - 13) / 14
    }

    /// When the recommendations fall due: at the State's next review, four and a half years on
    /// (the length of a cycle since the second). A report of the next cycle, once imported, says
    /// when it was held.
    public var nextReview: CalendarDate { reviewDate.adding(months: 54) }
}

/// A State's position on one recommendation, as a document states it: the Working Group report
/// itself ("enjoy the support of Slovenia"), the State's addendum, or the thematic list.
public struct PositionStatement: Codable, Sendable, Equatable {
    /// The recommendation's key: `A/HRC/28/15 ¶115.18`.
    public var key: String
    /// The State under review.
    public var actor: String
    public var response: Response
    /// The document that states it, and the paragraph: `A/HRC/28/15/Add.1`, `4`.
    public var document: String
    public var paragraph: String?
    /// The document's date: the position holds from then.
    public var asOf: CalendarDate
    /// The State's own words on it, when it gives some (`Rec. 18  We consider that this
    /// recommendation is implemented …`).
    public var note: String?
    /// The line of the document where it is stated.
    public var line: Int

    public init(
        key: String, actor: String, response: Response, document: String, paragraph: String?, asOf: CalendarDate,
        note: String?, line: Int
    ) {
        self.key = key
        self.actor = actor
        self.response = response
        self.document = document
        self.paragraph = paragraph
        self.asOf = asOf
        self.note = note
        self.line = line
    }

    /// The progress log's uid for this statement: the same statement imported again is the same
    /// entry, so a second import changes nothing.
    public var uid: String {
        let suffix = key.split(separator: "¶").last.map { String($0).trimmingWhitespace() } ?? key
        return String("position:\(document):\(suffix)".prefix(64))
    }
}

/// What the State's addendum ("Views on conclusions and/or recommendations") says, read against
/// the Working Group report it answers.
public struct PositionsPlan: Codable, Sendable {
    /// The addendum's symbol and date.
    public var document: String
    public var date: CalendarDate
    /// The report it answers and the State under review.
    public var review: PeriodicReview
    /// One statement per recommendation the addendum gives a position on.
    public var positions: [PositionStatement]
    /// Recommendations of the report no document has given a position on, by key.
    public var withoutPosition: [String]
    /// Passages that name recommendations but state no position the reader could tell: each with
    /// its line, for a person to decide.
    public var unclear: [String]
    /// Notes for the reviewer.
    public var warnings: [String]

    package init(
        document: String, date: CalendarDate, review: PeriodicReview, positions: [PositionStatement],
        withoutPosition: [String], unclear: [String], warnings: [String]
    ) {
        self.document = document
        self.date = date
        self.review = review
        self.positions = positions
        self.withoutPosition = withoutPosition
        self.unclear = unclear
        self.warnings = warnings
    }

    /// How many positions of each response.
    public var counts: [Response: Int] {
        Dictionary(grouping: positions, by: \.response).mapValues(\.count)
    }
}

/// What one recommendation is about, by the thematic list OHCHR publishes for a review: its
/// themes (`A12 Acceptance of international norms`), the persons it concerns (`children`) and the
/// Sustainable Development Goals it serves (`5`).
public struct RecommendationTopics: Codable, Sendable, Equatable {
    public var key: String
    public var themes: [String]
    public var persons: [String]
    public var goals: [Int]

    public init(key: String, themes: [String], persons: [String], goals: [Int]) {
        self.key = key
        self.themes = themes
        self.persons = persons
        self.goals = goals
    }
}

/// What a thematic list adds to an imported review, and where it disagrees with it.
public struct ThemesPlan: Codable, Sendable {
    /// The file it came from.
    public var source: String
    public var review: PeriodicReview
    public var topics: [RecommendationTopics]
    /// Every difference with what was read from the report and the addendum: wording, recommending
    /// States, position; and recommendations one names and the other does not.
    public var disagreements: [String]
    /// Lines of a cell the reader did not recognise, with the recommendation they stand under.
    public var unread: [String]

    package init(
        source: String, review: PeriodicReview, topics: [RecommendationTopics], disagreements: [String],
        unread: [String]
    ) {
        self.source = source
        self.review = review
        self.topics = topics
        self.disagreements = disagreements
        self.unread = unread
    }
}

/// What a report says an actor did about recommendations it answers: a national report of the
/// next cycle, section by section, each headed by the recommendations it answers.
public struct EvidencePlan: Codable, Sendable {
    /// One section of the report and the recommendations its heading cites.
    public struct Section: Codable, Sendable, Equatable {
        public var heading: String
        public var line: Int
        /// The numbers as the heading writes them: "30–31, 54–57".
        public var cited: String
        /// The keys they resolve to.
        public var keys: [String]
        /// The section's paragraph numbers.
        public var paragraphs: [String]

        package init(heading: String, line: Int, cited: String, keys: [String], paragraphs: [String]) {
            self.heading = heading
            self.line = line
            self.cited = cited
            self.keys = keys
            self.paragraphs = paragraphs
        }
    }

    /// A progress entry proposed for a validator: never written to the log directly.
    public struct Proposal: Codable, Sendable, Equatable {
        public var key: String
        public var actor: String
        public var status: ImplementationStatus
        /// The words of the report that justify the status ("has ratified"), or empty when none
        /// does and the status is only that the report reports activity.
        public var words: String
        /// The paragraphs cited as evidence: "31, 35".
        public var paragraphs: String
        /// The section's heading.
        public var section: String
        /// The passage, shortened, for the note.
        public var passage: String
        public var line: Int

        package init(
            key: String, actor: String, status: ImplementationStatus, words: String, paragraphs: String,
            section: String, passage: String, line: Int
        ) {
            self.key = key
            self.actor = actor
            self.status = status
            self.words = words
            self.paragraphs = paragraphs
            self.section = section
            self.passage = passage
            self.line = line
        }

        /// The note a submission carries: the justifying words and the passage.
        public var note: String {
            let why = words.isEmpty ? "no words state a status: the report reports activity" : "“\(words)”"
            return "Proposed from the report (\(why)): \(passage)"
        }
    }

    /// The report read and its date.
    public var document: String
    public var date: CalendarDate
    /// The document whose recommendations it answers: a review's Working Group report, or any
    /// document (its paragraphs matched by wording).
    public var answers: String
    /// The review, when it answers one.
    public var review: PeriodicReview?
    public var sections: [Section]
    public var proposals: [Proposal]
    /// Numbers cited that the review does not hold, with their line.
    public var unresolved: [String]
    /// How the report's numbers were mapped onto the review's recommendations.
    public var numbering: String
    public var warnings: [String]

    package init(
        document: String, date: CalendarDate, answers: String, review: PeriodicReview?, sections: [Section],
        proposals: [Proposal], unresolved: [String], numbering: String, warnings: [String]
    ) {
        self.document = document
        self.date = date
        self.answers = answers
        self.review = review
        self.sections = sections
        self.proposals = proposals
        self.unresolved = unresolved
        self.numbering = numbering
        self.warnings = warnings
    }

    /// The recommendations the report says it answers.
    public var answered: Set<String> { Set(sections.flatMap(\.keys)) }
}

/// One line of a review's implementation matrix: a recommendation, who made it, the State's
/// position, what it is about, and where it stands.
public struct ReviewMatrixRow: Codable, Sendable, Equatable {
    public var key: String
    /// `115.18`.
    public var path: String
    public var text: String
    public var dueDate: CalendarDate?
    /// The recommending States' codes.
    public var recommenders: [String]
    public var response: Response?
    public var responseAsOf: CalendarDate?
    /// The document (and paragraph) that states the position.
    public var responseSource: EvidenceReference?
    public var status: ImplementationStatus?
    public var statusAsOf: CalendarDate?
    /// The note and evidence of the entry that gives the status.
    public var statusNote: String?
    public var evidence: EvidenceReference?
    public var themes: [String]
    public var persons: [String]
    public var goals: [Int]
    /// A status proposed and waiting for a validator, if any.
    public var proposed: ImplementationStatus?

    package init(
        key: String, path: String, text: String, dueDate: CalendarDate?, recommenders: [String], response: Response?,
        responseAsOf: CalendarDate?, responseSource: EvidenceReference?, status: ImplementationStatus?,
        statusAsOf: CalendarDate?, statusNote: String?, evidence: EvidenceReference?, themes: [String],
        persons: [String], goals: [Int], proposed: ImplementationStatus?
    ) {
        self.key = key
        self.path = path
        self.text = text
        self.dueDate = dueDate
        self.recommenders = recommenders
        self.response = response
        self.responseAsOf = responseAsOf
        self.responseSource = responseSource
        self.status = status
        self.statusAsOf = statusAsOf
        self.statusNote = statusNote
        self.evidence = evidence
        self.themes = themes
        self.persons = persons
        self.goals = goals
        self.proposed = proposed
    }

    /// Supported (wholly, in part, or as already implemented) and with no status reported yet:
    /// what the mid-term report owes.
    public var isOwed: Bool { (response?.isSupport ?? false) && status == nil }
}
