import Foundation
import FollowUpModel
import FollowUpStore

/// What one clause says: its operative verbs, whom it addresses, and when it is due.
struct ClauseAnalysis: Sendable {
    /// The clause's leading verb, if it has one.
    var leadVerb: Lexicon.Verb?
    /// Every operative verb found, in order.
    var verbs: [String] = []
    /// The actors addressed, by code, with the words that named them.
    var addressees: [Mention] = []
    /// Actor-like phrases after an actionable verb that match no actor.
    var unresolved: [String] = []
    /// An actionable verb with no addressee after it.
    var verbsWithoutAddressee: [String] = []
    /// Whether an actionable verb names an addressee.
    var hasActionableAddressee = false
    /// Whether a verb in mid-paragraph asks something of someone the text does not name as an
    /// actor ("and requests the administering Power to", "and requests that such assistance
    /// continue", "and calls for"): the clause is actionable, its addressee left for review.
    var hasActionableRequest = false
    /// A clause with no operative verb that decides in the modal "shall" or "is authorized to"
    /// ("Member States shall make advances …", "The Secretary-General is authorized to …").
    var isModalDecision = false
    /// A decision verb says what the deciding organ itself will do ("Decides to include in the
    /// provisional agenda …", "and decides to organize a briefing"): the organ is bound, whoever else is.
    var bindsOwnOrgan = false

    /// The class the verbs give the clause: actionable if any actionable verb names an addressee,
    /// asks something in mid-paragraph, or leads the clause; a decision if it decides by "shall";
    /// otherwise the leading verb's class.
    var classification: Classification? {
        if hasActionableAddressee || hasActionableRequest { return .actionable }
        if leadVerb == nil && isModalDecision { return .decision }
        // "Notes …, and decides to include …", "表示注意到…，因此决定将…延长": a decision later in
        // the paragraph makes it one.
        if bindsOwnOrgan, leadVerb?.classification == .declaratory { return .decision }
        return leadVerb?.classification
    }
}

/// Reads verbs and addressees from a clause's normalised text.
struct ClauseAnalyzer: Sendable {
    var matcher: AddresseeMatcher
    /// Codes that are States, for `该国` / `that State`.
    var stateCodes: Set<String>
    /// Codes that are non-self-governing territories, for "the Territory".
    var territoryCodes: Set<String> = []

    static let actorSuffixes = [
        "国", "国家", "政府", "组织", "机构", "实体", "方", "界", "部门", "委员会", "理事会", "论坛", "小组", "伙伴关系", "社会",
        "署", "会议", "银行", "大学", "社区", "议会", "集团", "联盟", "秘书处", "办事处",
    ]
    static let englishActorWords: Set<String> = [
        "states", "governments", "organizations", "organisations", "entities", "bodies", "agencies", "sector",
        "society", "community", "parties", "commission", "council", "committee", "secretariat", "office", "bank",
        "forum", "partnership", "programme", "fund", "union", "group", "parliaments", "institutions", "stakeholders",
        "power", "powers", "territory", "authorities", "rapporteur", "chair", "president",
    ]

    func analyze(_ text: String, previous: [Mention] = []) -> ClauseAnalysis {
        let clause = ClauseText(text)
        let (chars, lower) = (clause.chars, clause.lower)
        var analysis = ClauseAnalysis()
        var context = previous

        // The leading verb, after prefixes such as 又, 还, Also, In this regard.
        var position = skipPrefixes(clause, from: 0)
        // An addressee before a suggestion verb: 会员国不妨考虑…, The international community may wish…
        let subject = skipQualifiers(clause, from: position)
        if let match = matcher.match(in: chars, lowered: lower, at: subject) {
            var after = subject + match.length
            while after < chars.count && chars[after] == " " { after += 1 }
            if let verb = verb(at: after, clause), verb.addresseeFirst {
                analysis.leadVerb = verb
                analysis.verbs.append(verb.text)
                analysis.addressees.append(Mention(match.code, String(chars[subject..<(subject + match.length)])))
                analysis.hasActionableAddressee = true
                return analysis
            }
        }
        // A sub-item of "Decides:" that asks in the infinitive: "(b) To request the Secretary-General to …".
        if let infinitive = Lexicon.englishInfinitives.first(where: { lower[position...].starts(with: $0 + " ") }) {
            let end = position + infinitive.count
            analysis.leadVerb = Lexicon.Verb(text: infinitive, classification: .actionable)
            analysis.verbs.append(infinitive)
            let found = addressees(clause, at: end, context: context)
            record(found, verb: infinitive, into: &analysis, context: &context, clause: clause, at: end)
            return analysis
        }
        var leadEnd = position
        if leadingVerb(clause, from: position) == nil, chars.first?.isASCII == true {
            let head = String(lower.prefix(300))
            if head.contains(" shall ") || head.contains(" is authorized to ") || head.contains(" are authorized to ") {
                analysis.isModalDecision = true
                // Its subject, when an actor: "Member States shall …", "The Secretary-General is authorized …".
                let subjectStart = skipQualifiers(clause, from: position)
                if let match = matcher.match(in: chars, lowered: lower, at: subjectStart) {
                    analysis.addressees.append(
                        Mention(match.code, String(chars[subjectStart..<(subjectStart + match.length)])))
                } else if let subject = modalSubject(clause) {
                    // After a condition: "Should the provision prove inadequate, the Secretary-General is authorized to …".
                    analysis.addressees.append(subject)
                }
            }
        }
        if let (verb, start) = leadingVerb(clause, from: position) {
            analysis.leadVerb = verb
            analysis.verbs.append(verb.text)
            leadEnd = start + verb.text.count
            position = leadEnd
            // Coordinated verbs share the addressee: 欢迎并敦促…, welcomes and urges …
            var lead = verb
            for joiner in ["并", "和", " and "] {
                let letters = Array(joiner)
                let end = leadEnd + letters.count
                if end <= lower.count, Array(lower[leadEnd..<end]) == letters,
                    let second = self.verb(at: end, clause),
                    second.classification == .actionable
                {
                    analysis.verbs.append(second.text)
                    leadEnd = end + second.text.count
                    lead = second
                    break
                }
            }
            if lead.classification == .actionable && !lead.addresseeFirst {
                let found = addressees(clause, at: leadEnd, context: context)
                record(found, verb: lead.text, into: &analysis, context: &context, clause: clause, at: leadEnd)
                if lead.text != verb.text { analysis.leadVerb = lead }
            } else if lead.classification == .decision && chars[start].isASCII {
                // "Decides that the working group will …" binds its subject; "Decides to include …"
                // or "Decides that the proceedings shall be webcast" the deciding organ.
                // "Decides to request the Secretary-General to …": the Assembly asks.
                var asks = false
                if let (infinitive, end) = requestDecided(clause, after: leadEnd) {
                    let found = addressees(clause, at: end, context: context)
                    if !found.list.isEmpty {
                        analysis.verbs.append(infinitive)
                        record(found, verb: infinitive, into: &analysis, context: &context, clause: clause, at: end)
                        asks = true
                    }
                }
                var subjects = apportioned(clause, after: leadEnd, context: context)
                if subjects.isEmpty { subjects = decidedSubjects(clause, at: leadEnd, context: context) }
                // "Endorses the conclusions …" binds the organ only when nobody else is bound.
                if subjects.isEmpty, !asks,
                    isSelfDecision(after: leadEnd, clause) || lower[leadEnd...].starts(with: " that ")
                {
                    analysis.bindsOwnOrgan = true
                }
                for item in subjects where !analysis.addressees.contains(where: { $0.code == item.code }) {
                    analysis.addressees.append(item)
                }
            } else if lead.classification == .decision {
                // 核准委员会…临时议程: what follows 核准, 通过 … is what is approved, not who acts.
                if verb.text == "决定" {
                    chineseDecision(clause, after: leadEnd, into: &analysis, context: &context)
                } else {
                    analysis.bindsOwnOrgan = true
                }
            }
        }
        // Further verbs with their own addressees: "，并请…", ", and requests the Secretary-General".
        var index = leadEnd
        while index < chars.count {
            guard let verb = verb(at: index, clause), verb.classification != .declaratory, !verb.addresseeFirst,
                isClauseBoundary(before: index, clause)
            else {
                index += 1
                continue
            }
            let after = index + verb.text.count
            // 因此决定将…延长: a Chinese decision later in the paragraph, read as one that leads it.
            if verb.text == "决定" {
                analysis.verbs.append(verb.text)
                chineseDecision(clause, after: after, into: &analysis, context: &context)
                index = after
                continue
            }
            if verb.classification == .decision, chars[index].isASCII, isSelfDecision(after: after, clause) {
                analysis.verbs.append(verb.text)
                let shares = apportioned(clause, after: after, context: context)
                if shares.isEmpty { analysis.bindsOwnOrgan = true }
                for item in shares where !analysis.addressees.contains(where: { $0.code == item.code }) {
                    analysis.addressees.append(item)
                }
                index = after
                continue
            }
            let found = addressees(clause, at: after, context: context)
            if !found.list.isEmpty {
                analysis.verbs.append(verb.text)
                record(found, verb: verb.text, into: &analysis, context: &context, clause: clause, at: after)
            } else if verb.classification == .actionable, reportsAnotherActor(clause, analysis: analysis) {
                // 回顾大会在第70/125号决议中，呼吁继续…: the Assembly's call, recalled, is no request.
            } else if verb.classification == .actionable, let phrase = actorLikePhrase(clause, from: after) {
                analysis.verbs.append(verb.text)
                analysis.unresolved.append(phrase)
                analysis.hasActionableRequest = true
            } else if verb.classification == .actionable {
                // "…, and encourages the continuation of …", "…，鼓励继续进行此类接触": a request,
                // whoever is to act.
                analysis.verbs.append(verb.text)
                analysis.hasActionableRequest = true
            }
            index = after
        }
        if analysis.hasActionableAddressee, chars.first?.isASCII == true {
            for item in gapped(clause, from: firstActionable(clause))
            where !analysis.addressees.contains(where: { $0.code == item.code }) {
                analysis.addressees.append(item)
            }
        }
        if chars.first?.isASCII == true, analysis.isModalDecision || analysis.leadVerb?.classification == .decision {
            for item in agents(clause, context: context)
            where !analysis.addressees.contains(where: { $0.code == item.code }) {
                analysis.addressees.append(item)
            }
        }
        // Each verb once: "Demands …, and also demands …".
        var seen = Set<String>()
        analysis.verbs = analysis.verbs.filter { seen.insert($0).inserted }
        return analysis
    }

    /// Whether a Chinese clause recalls what another actor did (回顾大会在…中…): a verb later in it
    /// with no addressee of its own is that actor's, not a request of the organ's.
    func reportsAnotherActor(_ clause: ClauseText, analysis: ClauseAnalysis) -> Bool {
        let (chars, lower) = (clause.chars, clause.lower)
        guard let lead = analysis.leadVerb, lead.text == "回顾", !chars.isEmpty, !chars[0].isASCII
        else { return false }
        guard let start = chars.indices.first(where: { chars[$0...].starts(with: Array(lead.text)) }) else {
            return false
        }
        let after = start + lead.text.count
        return matcher.match(in: chars, lowered: lower, at: after) != nil
    }

    /// What a Chinese decision binds: 决定请秘书长… asks the Secretary-General; 决定，混合行动应… and
    /// 决定特别委员会于…举行 bind the body named first; 决定将…延长, 决定设立… the deciding organ.
    func chineseDecision(
        _ clause: ClauseText, after end: Int, into analysis: inout ClauseAnalysis, context: inout [Mention]
    ) {
        let chars = clause.chars
        var start = end
        while start < chars.count && "，, 、".contains(chars[start]) { start += 1 }
        // Past a circumstance before the subject: 还决定，在此期间达尔富尔混合行动应….
        if start < chars.count, chars[start] == "在",
            let comma = chars[start...].prefix(40).firstIndex(where: { "，,".contains($0) })
        {
            start = comma + 1
        }
        if let verb = verb(at: start, clause), verb.classification == .actionable, !verb.addresseeFirst {
            let after = start + verb.text.count
            let found = addressees(clause, at: after, context: context)
            if !found.list.isEmpty {
                analysis.verbs.append(verb.text)
                record(found, verb: verb.text, into: &analysis, context: &context, clause: clause, at: after)
                return
            }
        }
        // 决定将…延长 / 决定把…: 将 and 把 mark the object of what the organ itself decides.
        var subjects =
            start < chars.count && "将把".contains(chars[start])
            ? [] : addressees(clause, at: start, context: context).list
        // 在此期间达尔富尔混合行动应…: a subject a little further on, when 应 or 将 follows it.
        if subjects.isEmpty, start < chars.count, chars[start] == "在" {
            let lower = clause.lower
            for position in start..<min(chars.count, start + 20) {
                guard let match = matcher.match(in: chars, lowered: lower, at: position) else { continue }
                let after = position + match.length
                if after < chars.count, "应将须".contains(chars[after]) {
                    subjects = [Mention(match.code, String(chars[position..<after]))]
                }
                break
            }
        }
        guard !subjects.isEmpty else {
            analysis.bindsOwnOrgan = true
            return
        }
        for item in subjects where !analysis.addressees.contains(where: { $0.code == item.code }) {
            analysis.addressees.append(item)
        }
    }

    /// Where to look for gapped requests: after the first actionable verb of the clause.
    func firstActionable(_ clause: ClauseText) -> Int {
        let (chars, lower) = (clause.chars, clause.lower)
        var index = 0
        while index < chars.count {
            if index == 0 || !lower[index - 1].isLetter, let verb = verb(at: index, clause),
                verb.classification == .actionable
            {
                return index + verb.text.count
            }
            index += 1
        }
        return chars.count
    }

    /// Addressees of a request whose verb is not repeated: "Calls upon States that have not done so
    /// to accede to the Convention, and States parties to consider making the declaration".
    func gapped(_ clause: ClauseText, from start: Int) -> [Mention] {
        let lower = clause.lower
        var result: [Mention] = []
        let joiner = Array(", and ")
        var index = start
        while index + joiner.count < lower.count {
            if lower[index] == ";" { break }
            guard lower[index...].starts(with: joiner) else {
                index += 1
                continue
            }
            let next = index + joiner.count
            let found = addressees(clause, at: next, context: [])
            let rest = String(lower[found.end..<min(lower.count, found.end + 5)])
            if !found.list.isEmpty, verb(at: next, clause) == nil, rest.hasPrefix(" to "),
                rest.count == 5, rest.last?.isLetter == true
            {
                result += found.list
                index = found.end
            } else {
                index = next
            }
        }
        return result
    }

    /// The actors a decision names as agents of what it sets up: "round tables … to be appointed by
    /// the President of the General Assembly", "a meeting to be convened by …".
    func agents(_ clause: ClauseText, context: [Mention]) -> [Mention] {
        let lower = clause.lower
        var result: [Mention] = []
        let by = Array(" by ")
        var index = 0
        while index + by.count < lower.count {
            guard lower[index...].starts(with: by) else {
                index += 1
                continue
            }
            let words = String(lower[max(0, index - 40)..<index]).split(separator: " ").suffix(2)
            if words.count == 2, words.first == "be", let participle = words.last, participle.hasSuffix("ed") {
                let found = addressees(clause, at: index + by.count, context: context)
                result += found.list
            }
            index += by.count
        }
        return result
    }

    /// The infinitive request right after a decision verb ("Decides to request", "decides also to
    /// invite") and where its object starts.
    func requestDecided(_ clause: ClauseText, after end: Int) -> (String, Int)? {
        let lower = clause.lower
        for tail in Lexicon.englishSelfDecisionTails {
            let letters = Array(tail)
            guard lower[end...].starts(with: letters) else { continue }
            let start = end + letters.count - 3  // back to "to "
            for infinitive in Lexicon.englishInfinitives where lower[start...].starts(with: infinitive + " ") {
                return (infinitive, start + infinitive.count)
            }
        }
        return nil
    }

    /// "Decides to apportion among Member States the amount of …": the Member States.
    func apportioned(
        _ clause: ClauseText, after end: Int, context: [Mention]
    ) -> [Mention] {
        let lower = clause.lower
        let head = String(lower[end..<min(lower.count, end + 40)])
        guard let range = head.range(of: "apportion among ") else { return [] }
        let position = end + head.distance(from: head.startIndex, to: range.upperBound)
        return addressees(clause, at: position, context: context).list
    }

    func record(
        _ found: (list: [Mention], end: Int), verb: String, into analysis: inout ClauseAnalysis,
        context: inout [Mention], clause: ClauseText, at position: Int
    ) {
        if found.list.isEmpty {
            if let phrase = actorLikePhrase(clause, from: position) {
                analysis.unresolved.append(phrase)
            } else {
                analysis.verbsWithoutAddressee.append(verb)
            }
            return
        }
        analysis.hasActionableAddressee = true
        for item in found.list where !analysis.addressees.contains(where: { $0.code == item.code }) {
            analysis.addressees.append(item)
        }
        context = found.list + context
    }

    /// The actor right before the first "is authorized to" / "shall" of a clause, if any.
    func modalSubject(_ clause: ClauseText) -> Mention? {
        let (chars, lower) = (clause.chars, clause.lower)
        let head = String(lower.prefix(400))
        for modal in [" is authorized to ", " are authorized to ", " shall "] {
            guard let range = head.range(of: modal) else { continue }
            let end = head.distance(from: head.startIndex, to: range.lowerBound)
            for begin in max(0, end - 90)..<end where begin == 0 || lower[begin - 1] == " " {
                if let match = matcher.match(in: chars, lowered: lower, at: begin), begin + match.length == end {
                    return Mention(match.code, String(chars[begin..<end]))
                }
            }
        }
        return nil
    }

    /// Whether a decision verb ending before `end` goes on with what the organ itself will do.
    func isSelfDecision(after end: Int, _ clause: ClauseText) -> Bool {
        let lower = clause.lower
        return Lexicon.englishSelfDecisionTails.contains { tail in
            let letters = Array(tail)
            return end + letters.count <= lower.count && Array(lower[end..<(end + letters.count)]) == letters
        }
    }

    /// The actors a decision says will act: "Decides (also) that X will / shall / is to …".
    func decidedSubjects(
        _ clause: ClauseText, at end: Int, context: [Mention]
    ) -> [Mention] {
        let lower = clause.lower
        var starts: [Int] = []
        // "that " or "that," ("Also decides that, at each session, the Commission will …").
        for lead in [" also that ", " further that ", " that ", " also that,", " further that,", " that,"] {
            let letters = Array(lead)
            if end + letters.count <= lower.count, Array(lower[end..<(end + letters.count)]) == letters {
                starts.append(end + letters.count)
                break
            }
        }
        guard !starts.isEmpty else { return [] }
        // Later "that" clauses of the same decision: "Decides that preparations should be carried out
        // … and that, for this purpose, the Department … should provide …".
        let and = Array(" and that")
        var index = starts[0]
        while index + and.count < lower.count {
            if lower[index] == ";" { break }
            if lower[index...].starts(with: and),
                lower[index + and.count] == " " || lower[index + and.count] == ","
            {
                var start = index + and.count
                // Past a parenthesis: ", for this purpose,".
                if start < lower.count, lower[start] == ",",
                    let close = lower[(start + 1)..<min(lower.count, start + 40)].firstIndex(of: ",")
                {
                    start = close + 1
                }
                starts.append(start)
            }
            index += 1
        }
        var subjects: [Mention] = []
        for first in starts {
            // "Decides that it will consider the question": the Assembly itself.
            if String(lower[first..<min(lower.count, first + 3)]) == "it " { continue }
            // Past up to two circumstances before the subject: "Decides that at its sixty-ninth
            // session, in 2025, the Commission on the Status of Women will undertake …".
            var start = first
            // "Decides that, at each session, the Commission will …".
            while start < lower.count && (lower[start] == "," || lower[start] == " ") { start += 1 }
            for _ in 0..<3 {
                let found = addressees(clause, at: start, context: context)
                if !found.list.isEmpty, isModal(after: found.end, clause) {
                    for item in found.list where !subjects.contains(where: { $0.code == item.code }) {
                        subjects.append(item)
                    }
                    break
                }
                let rest = String(lower[start..<min(lower.count, start + 80)])
                guard Lexicon.englishCircumstanceLeads.contains(where: { rest.hasPrefix($0) }),
                    let comma = rest.firstIndex(of: ","), !rest[..<comma].contains(";")
                else { break }
                start += rest.distance(from: rest.startIndex, to: comma) + 1
                while start < lower.count && lower[start] == " " { start += 1 }
            }
        }
        return subjects
    }

    /// Whether a modal verb follows `end`, perhaps after one parenthesis: "… should provide",
    /// "…, within their respective mandates and available resources, should provide".
    func isModal(after end: Int, _ clause: ClauseText) -> Bool {
        let lower = clause.lower
        // "will " or "will," ("the Commission will, as necessary, discuss").
        let modals = ["will ", "shall ", "should ", "is to ", "are to ", "will,", "shall,", "should,"]
        let rest = String(lower[end..<min(lower.count, end + 100)])
        var trimmed = rest.drop { $0 == " " }
        // Past the short name in brackets: "the … Hybrid Operation in Darfur (UNAMID) shall".
        if trimmed.hasPrefix("("), let close = trimmed.firstIndex(of: ")") {
            trimmed = trimmed[trimmed.index(after: close)...].drop { $0 == " " }
        }
        if modals.contains(where: { trimmed.hasPrefix($0) }) { return true }
        guard trimmed.hasPrefix(","), let close = trimmed.dropFirst().firstIndex(of: ",") else { return false }
        if trimmed[trimmed.startIndex..<close].contains(where: { ";.".contains($0) }) { return false }
        let after = trimmed[trimmed.index(after: close)...].drop { $0 == " " }
        return modals.contains { after.hasPrefix($0) }
    }
}
