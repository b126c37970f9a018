import FollowUpModel
import FollowUpStore

/// The actors a document is read against: every name and alias, and the codes of each kind the
/// reading rules ask about. Load it once to read several documents (`import document FILE…`):
/// building the matcher was a sixth of importing the 40 GA-78 resolutions.
public struct ImportReference: Sendable {
    let matcher: AddresseeMatcher
    let byName: [String: String]
    let states: Set<String>
    let territories: Set<String>
    let entities: Set<String>
    let commissions: Set<String>

    init(_ names: ActorNames) {
        matcher = AddresseeMatcher(names: names.names)
        byName = Dictionary(names.names.map { ($0.name, $0.code) }, uniquingKeysWith: { first, _ in first })
        states = names.codes[.state] ?? []
        territories = names.codes[.territory] ?? []
        entities = names.codes[.unEntity] ?? []
        commissions = names.commissions
    }
}

extension AppDatabase {
    /// The actors of this database as ``ImportReference``. Importing documents does not change
    /// them, so one reference serves a whole run of imports.
    public func importReference() throws(FollowUpError) -> ImportReference {
        ImportReference(try actorNames())
    }

    /// Reads `text` and proposes what to import, without writing anything (`--dry-run`); against
    /// `reference` when given (see ``importReference()``), else against the actors loaded now.
    public func planImport(text: String, options: ImportOptions, reference given: ImportReference? = nil)
        throws(FollowUpError) -> ImportPlan
    {
        let reference: ImportReference
        if let given { reference = given } else { reference = try importReference() }
        switch ReviewDocumentKind.of(text) {
        case .report?:
            return try ReviewReportReader(names: StateNames(reference)).plan(text: text, options: options)
        case .addendum?:
            throw .invalidInput(
                source: options.sourceName, line: nil, field: nil,
                reason: "this is a State's views on its Universal Periodic Review (an addendum): its positions are "
                    + "recorded with 'followup import document FILE' (the command line) or planPositions")
        case .nationalReport?:
            throw .invalidInput(
                source: options.sourceName, line: nil, field: nil,
                reason: "this is a national report of the Universal Periodic Review: it answers the previous "
                    + "cycle's recommendations; read it with 'followup import evidence FILE --answers REPORT'")
        case .compilation?:
            throw .invalidInput(
                source: options.sourceName, line: nil, field: nil,
                reason: "this is a compilation or a summary of submissions prepared for a Universal Periodic Review "
                    + "(A/HRC/WG.6/…/2 or …/3): it quotes what others recommended, but the review's own "
                    + "recommendations are in the Working Group's report (A/HRC/NN/…): import that instead")
        case .thematicList?:
            throw .invalidInput(
                source: options.sourceName, line: nil, field: nil,
                reason: "this is the thematic list of a Universal Periodic Review: its themes, persons and goals "
                    + "are recorded with 'followup import themes FILE'")
        case nil: break
        }
        let byName = reference.byName
        var importer = DocumentImporter(
            analyzer: ClauseAnalyzer(
                matcher: reference.matcher, stateCodes: reference.states, territoryCodes: reference.territories),
            codeForName: { byName[$0] })
        importer.ownCommission = Self.detectBody(text, matcher: reference.matcher, entities: reference.commissions)
        let bodyCode =
            try options.body.map { (body) throws(FollowUpError) in try addressee(body).code }
            ?? Self.detectBody(text, matcher: reference.matcher, entities: reference.entities)
        return try importer.plan(text: text, options: options, bodyCode: bodyCode)
    }

    /// The first of `entities` named in the document's first lines: its issuing body, or (given
    /// only commissions) the commission "the Commission" refers to.
    static func detectBody(_ text: String, matcher: AddresseeMatcher, entities: Set<String>) -> String? {
        // "Resolution adopted by the Human Rights Council on …" names the body, whatever the masthead
        // (a Council resolution is published under the General Assembly's symbol series).
        let head = Array(String(text.prefix(6_000)).split(whereSeparator: \.isWhitespace).joined(separator: " "))
        let lowerHead = Array(String(head).lowercased())
        let adopted = Array("adopted by the ")
        var index = 0
        while index + adopted.count < lowerHead.count {
            if lowerHead[index...].starts(with: adopted),
                let match = matcher.match(in: head, lowered: lowerHead, at: index + adopted.count),
                entities.contains(match.code)
            {
                return match.code
            }
            index += 1
        }
        let lines = TextCleaner.blocks(of: String(text.prefix(3_000))).prefix(15)
        for block in lines {
            let chars = Array(block.normalized)
            let lower = Array(block.normalized.lowercased())
            for position in chars.indices {
                if let match = matcher.match(in: chars, lowered: lower, at: position), entities.contains(match.code) {
                    return match.code
                }
            }
        }
        return nil
    }
}
