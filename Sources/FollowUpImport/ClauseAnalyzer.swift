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
    var addressees: [(code: String, phrase: String)] = []
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

    func analyze(_ text: String, previous: [(code: String, phrase: String)] = []) -> ClauseAnalysis {
        // A line break kept in a clause reads as a space: "members of the United Nations\nspecialized agencies".
        let chars = Array(text).map { $0 == "\n" ? " " : $0 }
        let lower = Array(text.lowercased()).map { $0 == "\n" ? " " : $0 }
        var analysis = ClauseAnalysis()
        var context = previous

        // The leading verb, after prefixes such as 又, 还, Also, In this regard.
        var position = skipPrefixes(chars, lower, from: 0)
        // An addressee before a suggestion verb: 会员国不妨考虑…, The international community may wish…
        let subject = skipQualifiers(chars, lower, from: position)
        if let match = matcher.match(in: chars, lowered: lower, at: subject) {
            var after = subject + match.length
            while after < chars.count && chars[after] == " " { after += 1 }
            if let verb = verb(at: after, chars, lower), verb.addresseeFirst {
                analysis.leadVerb = verb
                analysis.verbs.append(verb.text)
                analysis.addressees.append((match.code, String(chars[subject..<(subject + match.length)])))
                analysis.hasActionableAddressee = true
                return analysis
            }
        }
        // A sub-item of "Decides:" that asks in the infinitive: "(b) To request the Secretary-General to …".
        if let infinitive = Lexicon.englishInfinitives.first(where: { lower[position...].starts(with: $0 + " ") }) {
            let end = position + infinitive.count
            analysis.leadVerb = Lexicon.Verb(text: infinitive, classification: .actionable)
            analysis.verbs.append(infinitive)
            let found = addressees(chars, lower, at: end, context: context)
            record(found, verb: infinitive, into: &analysis, context: &context, chars: chars, at: end)
            return analysis
        }
        var leadEnd = position
        if leadingVerb(chars, lower, from: position) == nil, chars.first?.isASCII == true {
            let head = String(lower.prefix(300))
            if head.contains(" shall ") || head.contains(" is authorized to ") || head.contains(" are authorized to ") {
                analysis.isModalDecision = true
                // Its subject, when an actor: "Member States shall …", "The Secretary-General is authorized …".
                let subjectStart = skipQualifiers(chars, lower, from: position)
                if let match = matcher.match(in: chars, lowered: lower, at: subjectStart) {
                    analysis.addressees.append(
                        (match.code, String(chars[subjectStart..<(subjectStart + match.length)])))
                } else if let subject = modalSubject(chars, lower) {
                    // After a condition: "Should the provision prove inadequate, the Secretary-General is authorized to …".
                    analysis.addressees.append(subject)
                }
            }
        }
        if let (verb, start) = leadingVerb(chars, lower, from: position) {
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
                    let second = self.verb(at: end, chars, lower),
                    second.classification == .actionable
                {
                    analysis.verbs.append(second.text)
                    leadEnd = end + second.text.count
                    lead = second
                    break
                }
            }
            if lead.classification == .actionable && !lead.addresseeFirst {
                let found = addressees(chars, lower, at: leadEnd, context: context)
                record(found, verb: lead.text, into: &analysis, context: &context, chars: chars, at: leadEnd)
                if lead.text != verb.text { analysis.leadVerb = lead }
            } else if lead.classification == .decision && chars[start].isASCII {
                // "Decides that the working group will …" binds its subject; "Decides to include …"
                // or "Decides that the proceedings shall be webcast" the deciding organ.
                // "Decides to request the Secretary-General to …": the Assembly asks.
                var asks = false
                if let (infinitive, end) = requestDecided(lower, after: leadEnd) {
                    let found = addressees(chars, lower, at: end, context: context)
                    if !found.list.isEmpty {
                        analysis.verbs.append(infinitive)
                        record(found, verb: infinitive, into: &analysis, context: &context, chars: chars, at: end)
                        asks = true
                    }
                }
                var subjects = apportioned(chars, lower, after: leadEnd, context: context)
                if subjects.isEmpty { subjects = decidedSubjects(chars, lower, at: leadEnd, context: context) }
                // "Endorses the conclusions …" binds the organ only when nobody else is bound.
                if subjects.isEmpty, !asks,
                    isSelfDecision(after: leadEnd, lower) || lower[leadEnd...].starts(with: " that ")
                {
                    analysis.bindsOwnOrgan = true
                }
                for item in subjects where !analysis.addressees.contains(where: { $0.code == item.code }) {
                    analysis.addressees.append(item)
                }
            }
        }
        // Further verbs with their own addressees: "，并请…", ", and requests the Secretary-General".
        var index = leadEnd
        while index < chars.count {
            guard let verb = verb(at: index, chars, lower), verb.classification != .declaratory, !verb.addresseeFirst,
                isClauseBoundary(before: index, chars, lower)
            else {
                index += 1
                continue
            }
            let after = index + verb.text.count
            if verb.classification == .decision, chars[index].isASCII, isSelfDecision(after: after, lower) {
                analysis.verbs.append(verb.text)
                let shares = apportioned(chars, lower, after: after, context: context)
                if shares.isEmpty { analysis.bindsOwnOrgan = true }
                for item in shares where !analysis.addressees.contains(where: { $0.code == item.code }) {
                    analysis.addressees.append(item)
                }
                index = after
                continue
            }
            let found = addressees(chars, lower, at: after, context: context)
            if !found.list.isEmpty {
                analysis.verbs.append(verb.text)
                record(found, verb: verb.text, into: &analysis, context: &context, chars: chars, at: after)
            } else if verb.classification == .actionable, let phrase = actorLikePhrase(chars, from: after) {
                analysis.verbs.append(verb.text)
                analysis.unresolved.append(phrase)
                // Measured on English resolutions only: Chinese keeps the leading verb's class.
                if chars[index].isASCII { analysis.hasActionableRequest = true }
            } else if verb.classification == .actionable, chars[index].isASCII {
                // "…, and encourages the continuation of …": a request, whoever is to act.
                analysis.verbs.append(verb.text)
                analysis.hasActionableRequest = true
            }
            index = after
        }
        if analysis.hasActionableAddressee, chars.first?.isASCII == true {
            for item in gapped(chars, lower, from: firstActionable(chars, lower))
            where !analysis.addressees.contains(where: { $0.code == item.code }) {
                analysis.addressees.append(item)
            }
        }
        if chars.first?.isASCII == true, analysis.isModalDecision || analysis.leadVerb?.classification == .decision {
            for item in agents(chars, lower, context: context)
            where !analysis.addressees.contains(where: { $0.code == item.code }) {
                analysis.addressees.append(item)
            }
        }
        // Each verb once: "Demands …, and also demands …".
        var seen = Set<String>()
        analysis.verbs = analysis.verbs.filter { seen.insert($0).inserted }
        return analysis
    }

    /// Where to look for gapped requests: after the first actionable verb of the clause.
    private func firstActionable(_ chars: [Character], _ lower: [Character]) -> Int {
        var index = 0
        while index < chars.count {
            if index == 0 || !lower[index - 1].isLetter, let verb = verb(at: index, chars, lower),
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
    private func gapped(_ chars: [Character], _ lower: [Character], from start: Int) -> [(code: String, phrase: String)]
    {
        var result: [(code: String, phrase: String)] = []
        let joiner = Array(", and ")
        var index = start
        while index + joiner.count < lower.count {
            if lower[index] == ";" { break }
            guard lower[index...].starts(with: joiner) else {
                index += 1
                continue
            }
            let next = index + joiner.count
            let found = addressees(chars, lower, at: next, context: [])
            let rest = String(lower[found.end..<min(lower.count, found.end + 5)])
            if !found.list.isEmpty, verb(at: next, chars, lower) == nil, rest.hasPrefix(" to "),
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
    private func agents(_ chars: [Character], _ lower: [Character], context: [(code: String, phrase: String)]) -> [(
        code: String, phrase: String
    )] {
        var result: [(code: String, phrase: String)] = []
        let by = Array(" by ")
        var index = 0
        while index + by.count < lower.count {
            guard lower[index...].starts(with: by) else {
                index += 1
                continue
            }
            let words = String(lower[max(0, index - 40)..<index]).split(separator: " ").suffix(2)
            if words.count == 2, words.first == "be", let participle = words.last, participle.hasSuffix("ed") {
                let found = addressees(chars, lower, at: index + by.count, context: context)
                result += found.list
            }
            index += by.count
        }
        return result
    }

    /// The infinitive request right after a decision verb ("Decides to request", "decides also to
    /// invite") and where its object starts.
    private func requestDecided(_ lower: [Character], after end: Int) -> (String, Int)? {
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
    private func apportioned(
        _ chars: [Character], _ lower: [Character], after end: Int, context: [(code: String, phrase: String)]
    ) -> [(code: String, phrase: String)] {
        let head = String(lower[end..<min(lower.count, end + 40)])
        guard let range = head.range(of: "apportion among ") else { return [] }
        let position = end + head.distance(from: head.startIndex, to: range.upperBound)
        return addressees(chars, lower, at: position, context: context).list
    }

    private func record(
        _ found: (list: [(code: String, phrase: String)], end: Int), verb: String, into analysis: inout ClauseAnalysis,
        context: inout [(code: String, phrase: String)], chars: [Character], at position: Int
    ) {
        if found.list.isEmpty {
            if let phrase = actorLikePhrase(chars, from: position) {
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
    private func modalSubject(_ chars: [Character], _ lower: [Character]) -> (code: String, phrase: String)? {
        let head = String(lower.prefix(400))
        for modal in [" is authorized to ", " are authorized to ", " shall "] {
            guard let range = head.range(of: modal) else { continue }
            let end = head.distance(from: head.startIndex, to: range.lowerBound)
            for begin in max(0, end - 90)..<end where begin == 0 || lower[begin - 1] == " " {
                if let match = matcher.match(in: chars, lowered: lower, at: begin), begin + match.length == end {
                    return (match.code, String(chars[begin..<end]))
                }
            }
        }
        return nil
    }

    /// Whether a decision verb ending before `end` goes on with what the organ itself will do.
    private func isSelfDecision(after end: Int, _ lower: [Character]) -> Bool {
        Lexicon.englishSelfDecisionTails.contains { tail in
            let letters = Array(tail)
            return end + letters.count <= lower.count && Array(lower[end..<(end + letters.count)]) == letters
        }
    }

    /// The actors a decision says will act: "Decides (also) that X will / shall / is to …".
    private func decidedSubjects(
        _ chars: [Character], _ lower: [Character], at end: Int, context: [(code: String, phrase: String)]
    ) -> [(code: String, phrase: String)] {
        var starts: [Int] = []
        for lead in [" also that ", " further that ", " that "] {
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
        var subjects: [(code: String, phrase: String)] = []
        for start in starts {
            // "Decides that it will consider the question": the Assembly itself.
            if String(lower[start..<min(lower.count, start + 3)]) == "it " { continue }
            let found = addressees(chars, lower, at: start, context: context)
            guard !found.list.isEmpty, isModal(after: found.end, lower) else { continue }
            for item in found.list where !subjects.contains(where: { $0.code == item.code }) { subjects.append(item) }
        }
        return subjects
    }

    /// Whether a modal verb follows `end`, perhaps after one parenthesis: "… should provide",
    /// "…, within their respective mandates and available resources, should provide".
    private func isModal(after end: Int, _ lower: [Character]) -> Bool {
        let modals = ["will ", "shall ", "should ", "is to ", "are to "]
        let rest = String(lower[end..<min(lower.count, end + 100)])
        let trimmed = rest.drop { $0 == " " }
        if modals.contains(where: { trimmed.hasPrefix($0) }) { return true }
        guard trimmed.hasPrefix(","), let close = trimmed.dropFirst().firstIndex(of: ",") else { return false }
        if trimmed[trimmed.startIndex..<close].contains(where: { ";.".contains($0) }) { return false }
        let after = trimmed[trimmed.index(after: close)...].drop { $0 == " " }
        return modals.contains { after.hasPrefix($0) }
    }

    // MARK: Verbs

    private func verb(at position: Int, _ chars: [Character], _ lower: [Character]) -> Lexicon.Verb? {
        guard position < chars.count else { return nil }
        if chars[position].isASCII {
            guard position == 0 || !lower[position - 1].isLetter else { return nil }
            for (verb, word) in Lexicon.englishByFirst[lower[position]] ?? [] {
                let end = position + word.count
                if end <= lower.count, lower[position..<end].elementsEqual(word),
                    end == lower.count || !lower[end].isLetter
                {
                    return verb
                }
            }
            return nil
        }
        for (verb, word) in Lexicon.chineseByFirst[chars[position]] ?? [] {
            let end = position + word.count
            if end <= chars.count, chars[position..<end].elementsEqual(word) { return verb }
        }
        return nil
    }

    /// The first verb near the start: within a dozen characters in Chinese (after adverbs such as
    /// 极为关切地), at the start or after one adverb in English.
    private func leadingVerb(_ chars: [Character], _ lower: [Character], from start: Int) -> (Lexicon.Verb, Int)? {
        guard start < chars.count else { return nil }
        if chars[start].isASCII {
            // "Should the provision prove inadequate, …" is a condition: a suggestion verb follows its addressee.
            if let verb = verb(at: start, chars, lower) { return verb.addresseeFirst ? nil : (verb, start) }
            // One adverb: "Strongly urges", "Emphatically reaffirms".
            if let space = lower[start...].firstIndex(of: " "), lower[start..<space].suffix(2) == ["l", "y"],
                let verb = verb(at: space + 1, chars, lower)
            {
                return (verb, space + 1)
            }
            return nil
        }
        var index = start
        while index < min(chars.count, start + 12) {
            if "，；：。,;:".contains(chars[index]) { return nil }
            if let verb = verb(at: index, chars, lower) {
                // 关切地注意到, 表示赞赏地注意到: a verb followed by 地 is an adverb; the verb follows.
                let end = index + verb.text.count
                if end < chars.count && chars[end] == "地" {
                    index = end + 1
                    continue
                }
                return (verb, index)
            }
            index += 1
        }
        return nil
    }

    private func skipPrefixes(_ chars: [Character], _ lower: [Character], from start: Int) -> Int {
        var position = start
        var moved = true
        while moved {
            moved = false
            while position < chars.count && (chars[position] == " " || chars[position] == ",") { position += 1 }
            for prefix in Lexicon.chinesePrefixes + Lexicon.englishPrefixes {
                let word = Array(prefix)
                let end = position + word.count
                guard end <= lower.count, Array(lower[position..<end]) == word else { continue }
                if word.last?.isLetter == true && word.first?.isASCII == true && end < lower.count
                    && lower[end].isLetter
                {
                    continue
                }
                // A Chinese prefix must not be the start of a verb (又 in 又请 is a prefix; 并 in 并请 too).
                position = end
                moved = true
                break
            }
        }
        return position
    }

    private func isClauseBoundary(before index: Int, _ chars: [Character], _ lower: [Character]) -> Bool {
        guard index > 0 else { return false }
        if chars[index].isASCII {
            // Lead-ins between the boundary and the verb: ", and in this regard strongly urges".
            var before = String(lower[max(0, index - 60)..<index])
            // A footnote number the PDF left before the verb: "… of People of African Descent, 16 invites".
            let spaces = before.reversed().prefix { $0 == " " }.count
            let digits = before.dropLast(spaces).reversed().prefix { $0.isNumber }.count
            if (1...3).contains(digits), before.dropLast(spaces + digits).hasSuffix(", ") {
                before = String(before.dropLast(spaces + digits))
            }
            var moved = true
            while moved {
                moved = false
                let trimmed = String(before.reversed().drop { $0 == " " || $0 == "," }.reversed())
                for word in Lexicon.englishVerbLeadIns where trimmed.hasSuffix(" " + word) {
                    before = String(trimmed.dropLast(word.count))
                    moved = true
                    break
                }
                if !moved, let last = trimmed.split(separator: " ").last, last.count > 4, last.hasSuffix("ly"),
                    last.allSatisfy(\.isLetter)
                {
                    before = String(trimmed.dropLast(last.count))
                    moved = true
                }
            }
            return before.hasSuffix(", and ") || before.hasSuffix("; and ") || before.hasSuffix("; ")
                || before.hasSuffix(", ") || before.hasSuffix(" and ")
        }
        let before = String(chars[max(0, index - 6)..<index])
        // Normalised text has ASCII punctuation: NFKC maps ，；： to ,;:
        let boundaries = [",", ";", "，", "；", "并", "还", "又", "同时", "为此", "因此", "从而", "并且"]
        return boundaries.contains { before.hasSuffix($0) }
    }

    // MARK: Addressees

    /// Addressees starting at `start`: one or more actor names joined by 、/和/and, each possibly
    /// after qualifiers (酌情, the, relevant) or a modifier ending in 的.
    func addressees(
        _ chars: [Character], _ lower: [Character], at start: Int, context: [(code: String, phrase: String)]
    ) -> (list: [(code: String, phrase: String)], end: Int) {
        var result: [(code: String, phrase: String)] = []
        var position = start
        // Inside "the United Nations system, including its funds, programmes and specialized agencies":
        // the members named are folded into the whole, up to "as well as", ", and" or ", or".
        var folding = false
        // A first item that is no actor, then one that is: "Requests the Territory and the administering Power".
        if addressee(chars, lower, at: position, context: context) == nil,
            let after = properNounSkipped(chars, lower, from: position)
        {
            position = after
        }
        while true {
            guard let found = addressee(chars, lower, at: position, context: context) else { break }
            if !folding {
                for item in found.items where !result.contains(where: { $0.code == item.code }) { result.append(item) }
            }
            position = found.end
            // A body named with what it belongs to: "the Department of Economic and Social Affairs of
            // the Secretariat".
            let of = Array(" of ")
            if position + of.count < lower.count, Array(lower[position..<(position + of.count)]) == of {
                let owner = skipQualifiers(chars, lower, from: position + of.count)
                if let match = matcher.match(in: chars, lowered: lower, at: owner) { position = owner + match.length }
            }
            // Another addressee after a conjunction, perhaps after a parenthesis ("United Nations
            // entities, within their respective mandates, and other relevant stakeholders")?
            guard var next = conjunction(chars, lower, at: position) else { break }
            var candidate = skipQualifiers(chars, lower, from: next)
            if let again = conjunction(chars, lower, at: candidate) {
                next = again
                candidate = skipQualifiers(chars, lower, from: again)
            }
            let joiner = String(lower[position..<next]).trimmingWhitespace()
            if folding, joiner.hasSuffix("as well as") || joiner == ", and" || joiner == ", or" { folding = false }
            if !folding, let head = found.items.last, Lexicon.englishFoldingWholes.contains(head.code),
                lower[next..<min(lower.count, next + 12)].drop(while: { $0 == " " }).starts(with: "including ")
            {
                folding = true
            }
            if addressee(chars, lower, at: next, context: []) != nil
                || addressee(chars, lower, at: candidate, context: []) != nil
            {
                position = next
            } else if let after = listItemSkipped(chars, lower, from: next) {
                // One item that is no actor in a list that goes on with actors ("regional
                // organizations and forums, civil society organizations, foundations …").
                position = after
            } else {
                break
            }
        }
        return (result, position)
    }

    /// Past "the Territory and" when an actor follows: one capitalised word after "the", then "and".
    private func properNounSkipped(_ chars: [Character], _ lower: [Character], from start: Int) -> Int? {
        var index = start
        while index < chars.count && chars[index] == " " { index += 1 }
        guard lower[index...].starts(with: "the "), index + 4 < chars.count, chars[index + 4].isUppercase else {
            return nil
        }
        var end = index + 4
        while end < chars.count && chars[end].isLetter { end += 1 }
        guard lower[end...].starts(with: " and "), addressee(chars, lower, at: end + 5, context: []) != nil else {
            return nil
        }
        return end + 5
    }

    /// Past one list item that names no actor, up to the comma before an item that does: at most
    /// six words, with no verb and no clause punctuation in between; `nil` otherwise.
    private func listItemSkipped(_ chars: [Character], _ lower: [Character], from start: Int) -> Int? {
        guard start < chars.count, chars[start].isASCII else { return nil }
        var index = start
        var words = 0
        while index < chars.count && index < start + 60 {
            let character = chars[index]
            if ";:.".contains(character) { return nil }
            if character == " " { words += 1 }
            if words > 6 { return nil }
            if character == "," {
                if addressee(chars, lower, at: index + 1, context: []) != nil { return index + 1 }
                // "States and international donors, as well as the private sector"
                if let next = conjunction(chars, lower, at: index + 1), next > index + 2,
                    addressee(chars, lower, at: next, context: []) != nil
                {
                    return next
                }
            }
            if index > start, lower[index - 1] == " ", verb(at: index, chars, lower) != nil { return nil }
            index += 1
        }
        return nil
    }

    /// One addressee at `start` (or several, for "regional and international organizations"):
    /// the name as written, else after qualifiers (the, all, relevant); "the Government of X" is X.
    private func addressee(
        _ chars: [Character], _ lower: [Character], at start: Int, context: [(code: String, phrase: String)]
    ) -> (items: [(code: String, phrase: String)], end: Int)? {
        var raw = start
        while raw < chars.count && chars[raw] == " " { raw += 1 }
        for begin in Set([raw, skipQualifiers(chars, lower, from: raw)]).sorted() {
            if let reference = backReference(chars, lower, at: begin, context: context) {
                return (reference.items, reference.end)
            }
            if let match = matcher.match(in: chars, lowered: lower, at: begin) {
                let phrase = String(chars[begin..<(begin + match.length)])
                // "the countries of the Sahelo-Saharan subregion" are some countries, not all States.
                if ["countries", "States"].contains(phrase), lower[(begin + match.length)...].starts(with: " of ") {
                    return nil
                }
                return ([(match.code, phrase)], begin + match.length)
            }
            if let modified = modifiedActor(chars, lower, from: begin) {
                return ([(modified.code, String(chars[begin..<modified.end]))], modified.end)
            }
            if let state = ofState(chars, lower, at: begin) { return ([state.item], state.end) }
            if let body = ofBody(chars, lower, at: begin) { return ([body.item], body.end) }
            if let unit = unitOf(chars, lower, at: begin) { return ([unit.item], unit.end) }
            if let pair = distributed(chars, lower, at: begin) { return pair }
        }
        return nil
    }

    /// "the Government of Israel", "the authorities of X": the State named after it.
    private func ofState(_ chars: [Character], _ lower: [Character], at start: Int) -> (
        item: (code: String, phrase: String), end: Int
    )? {
        for lead in Lexicon.englishOfState {
            let letters = Array(lead + " ")
            let end = start + letters.count
            guard end <= lower.count, Array(lower[start..<end]) == letters else { continue }
            let begin = skipQualifiers(chars, lower, from: end)
            if let match = matcher.match(in: chars, lowered: lower, at: begin),
                stateCodes.contains(match.code) || territoryCodes.contains(match.code)
            {
                return ((match.code, String(chars[start..<(begin + match.length)])), begin + match.length)
            }
        }
        return nil
    }

    /// "the Chair of the Committee on …": the body whose officer is named.
    private func ofBody(_ chars: [Character], _ lower: [Character], at start: Int) -> (
        item: (code: String, phrase: String), end: Int
    )? {
        for lead in Lexicon.englishOfBody {
            let letters = Array(lead + " ")
            let end = start + letters.count
            guard end <= lower.count, Array(lower[start..<end]) == letters else { continue }
            let begin = skipQualifiers(chars, lower, from: end)
            if let match = matcher.match(in: chars, lowered: lower, at: begin), !stateCodes.contains(match.code) {
                return ((match.code, String(chars[start..<(begin + match.length)])), begin + match.length)
            }
        }
        return nil
    }

    /// A unit of a known body, named in capitals: "the Development Assistance Committee of the
    /// Organisation for Economic Co-operation and Development" binds the OECD.
    private func unitOf(_ chars: [Character], _ lower: [Character], at start: Int) -> (
        item: (code: String, phrase: String), end: Int
    )? {
        guard start < chars.count, chars[start].isUppercase, chars[start].isASCII else { return nil }
        var index = start
        var words = 0
        while index < chars.count && words < 7 {
            var end = index
            while end < chars.count && (chars[end].isLetter || chars[end] == "-") { end += 1 }
            let word = String(chars[index..<end])
            guard !word.isEmpty, word.first?.isUppercase == true || ["and", "on", "for"].contains(word) else {
                return nil
            }
            words += 1
            if Lexicon.englishUnitHeads.contains(word), lower[end...].starts(with: " of ") {
                let owner = skipQualifiers(chars, lower, from: end + 4)
                if let match = matcher.match(in: chars, lowered: lower, at: owner), !stateCodes.contains(match.code) {
                    return ((match.code, String(chars[start..<(owner + match.length)])), owner + match.length)
                }
                return nil
            }
            guard end < chars.count, chars[end] == " " else { return nil }
            index = end + 1
        }
        return nil
    }

    /// Two adjectives sharing one noun: "regional and international organizations" names the
    /// regional organizations and the international ones; "regional and international financial
    /// institutions" at least the international financial institutions.
    private func distributed(_ chars: [Character], _ lower: [Character], at start: Int) -> (
        items: [(code: String, phrase: String)], end: Int
    )? {
        // 国际和区域组织: 国际组织 and 区域组织.
        if start + 3 < chars.count, !chars[start].isASCII, chars[start + 2] == "和",
            let match = matcher.match(in: chars, lowered: lower, at: start + 3), match.length > 2
        {
            let phrase = Array(chars[(start + 3)..<(start + 3 + match.length)])
            let first = Array(chars[start..<(start + 2)]) + phrase.dropFirst(2)
            var items = [(code: match.code, phrase: String(chars[start..<(start + 3 + match.length)]))]
            if let other = matcher.match(in: first, lowered: first, at: 0), other.length == first.count,
                other.code != match.code
            {
                items.insert((other.code, items[0].phrase), at: 0)
            }
            return (items, start + 3 + match.length)
        }
        guard start < chars.count, chars[start].isASCII, chars[start].isLetter else { return nil }
        var wordEnd = start
        while wordEnd < chars.count && (lower[wordEnd].isLetter || lower[wordEnd] == "-") { wordEnd += 1 }
        let joiner = Array(" and ")
        let second = wordEnd + joiner.count
        guard wordEnd > start, second < lower.count, Array(lower[wordEnd..<second]) == joiner,
            let match = matcher.match(in: chars, lowered: lower, at: second)
        else { return nil }
        let phrase = String(chars[second..<(second + match.length)])
        var items = [(code: match.code, phrase: String(chars[start..<(second + match.length)]))]
        if let space = phrase.firstIndex(of: " ") {
            let first = String(chars[start..<wordEnd]) + phrase[space...]
            let letters = Array(first)
            if let other = matcher.match(in: letters, lowered: Array(first.lowercased()), at: 0),
                other.length == letters.count, other.code != match.code
            {
                items.insert((other.code, items[0].phrase), at: 0)
            }
        }
        return (items, second + match.length)
    }

    private func skipQualifiers(_ chars: [Character], _ lower: [Character], from start: Int) -> Int {
        var position = start
        var moved = true
        while moved {
            moved = false
            while position < chars.count && chars[position] == " " { position += 1 }
            for qualifier in Lexicon.chineseQualifiers + Lexicon.englishQualifiers {
                let word = Array(qualifier)
                let end = position + word.count
                guard end <= lower.count, Array(lower[position..<end]) == word else { continue }
                if word.first?.isASCII == true && end < lower.count && lower[end].isLetter { continue }
                position = end
                moved = true
                break
            }
        }
        return position
    }

    private func conjunction(_ chars: [Character], _ lower: [Character], at start: Int) -> Int? {
        for word in Lexicon.chineseConjunctions + Lexicon.englishConjunctions {
            var position = start
            while position < chars.count && chars[position] == " " { position += 1 }
            let letters = Array(word)
            let end = position + letters.count
            // A word ends at a word boundary: "or" is not the start of "organizations".
            if end <= lower.count, Array(lower[position..<end]) == letters,
                !(letters.last?.isASCII == true && letters.last?.isLetter == true && end < lower.count
                    && lower[end].isLetter)
            {
                return end
            }
        }
        return nil
    }

    /// An actor named after a modifier that ends in 的: 协助实施世界峰会行动方针的联合国系统各实体.
    private func modifiedActor(_ chars: [Character], _ lower: [Character], from start: Int) -> (code: String, end: Int)?
    {
        guard start < chars.count, !chars[start].isASCII else { return nil }
        var index = start
        while index < min(chars.count, start + 30) {
            if "，；：。,;:".contains(chars[index]) { return nil }
            if index > start, chars[index - 1] == "的", let match = matcher.match(in: chars, lowered: lower, at: index) {
                return (match.code, index + match.length)
            }
            index += 1
        }
        return nil
    }

    private func backReference(
        _ chars: [Character], _ lower: [Character], at start: Int, context: [(code: String, phrase: String)]
    ) -> (items: [(code: String, phrase: String)], end: Int)? {
        for word in Lexicon.chineseBackReferences + Lexicon.englishBackReferences {
            let letters = Array(word.lowercased())
            let end = start + letters.count
            guard end <= lower.count, Array(lower[start..<end]) == letters else { continue }
            if letters.first?.isASCII == true && end < lower.count && lower[end].isLetter { continue }
            if word == "it" {
                // "Acknowledges the leadership role of the Human Rights Council, and encourages it to
                // continue": the nearest actor named before the pronoun.
                guard let mention = nearestMention(chars, lower, before: start) else { continue }
                return ([(mention, String(chars[start..<end]))], end)
            }
            if word == "them", case let mentions = mentionsInPreviousClause(chars, lower, before: start),
                !mentions.isEmpty
            {
                // "Recognizes the role of the United Nations and of the international financial
                // institutions, …, and encourages them": every actor of the clause before.
                return (mentions.map { ($0, String(chars[start..<end])) }, end)
            }
            let wantsState = word == "该国" || word.hasSuffix("State") || word.hasSuffix("States")
            if let earlier = context.first(where: { !wantsState || stateCodes.contains($0.code) }) {
                return ([(earlier.code, String(chars[start..<end]))], end)
            }
        }
        return nil
    }

    /// The actors named between the verb before the one that governs a pronoun at `end` and that
    /// verb: for "them" in "Recognizes the role of X and of Y, and encourages them", X and Y.
    private func mentionsInPreviousClause(_ chars: [Character], _ lower: [Character], before end: Int) -> [String] {
        var verbs: [(start: Int, end: Int)] = []
        var index = 0
        while index < end {
            if index == 0 || !lower[index - 1].isLetter, let verb = verb(at: index, chars, lower) {
                verbs.append((index, index + verb.text.count))
                index += verb.text.count
            } else {
                index += 1
            }
        }
        guard let governing = verbs.last else { return [] }
        // After a request, "them" is whom it addressed (the caller's context); after a statement,
        // the actors it named.
        if verbs.count > 1, let previous = verb(at: verbs[verbs.count - 2].start, chars, lower),
            previous.classification == .actionable
        {
            return []
        }
        let from = verbs.count > 1 ? verbs[verbs.count - 2].end : 0
        var codes: [String] = []
        var begin = from
        while begin < governing.start {
            if begin == 0 || !lower[begin - 1].isLetter,
                let match = matcher.match(in: chars, lowered: lower, at: begin), begin + match.length <= governing.start
            {
                if !codes.contains(match.code) { codes.append(match.code) }
                begin += match.length
            } else {
                begin += 1
            }
        }
        return codes
    }

    /// The code of the actor named last before `end`, if any.
    private func nearestMention(_ chars: [Character], _ lower: [Character], before end: Int) -> String? {
        // Read from the start, longest names first, so that "the Human Rights Council" is not "Council".
        var last: String?
        var begin = 0
        while begin < end {
            if begin == 0 || !lower[begin - 1].isLetter,
                let match = matcher.match(in: chars, lowered: lower, at: begin),
                begin + match.length <= end
            {
                last = match.code
                begin += match.length
            } else {
                begin += 1
            }
        }
        return last
    }

    /// The words after an actionable verb that look like an actor but match none, if any.
    private func actorLikePhrase(_ chars: [Character], from start: Int) -> String? {
        var end = start
        while end < chars.count && !"，；：。,;:".contains(chars[end]) { end += 1 }
        let span = String(chars[start..<min(end, start + 24)]).trimmingWhitespace()
        guard !span.isEmpty else { return nil }
        if span.first?.isASCII == true {
            var words = span.split(separator: " ").prefix(6)
            if words.first?.lowercased() == "the" { words = words.dropFirst() }
            for (offset, word) in words.enumerated() where Self.englishActorWords.contains(word.lowercased()) {
                return words.prefix(offset + 1).joined(separator: " ")
            }
            return nil
        }
        var best: String?
        for length in stride(from: min(span.count, 16), through: 2, by: -1) {
            let candidate = String(span.prefix(length))
            if Self.actorSuffixes.contains(where: { candidate.hasSuffix($0) }) {
                best = candidate
                break
            }
        }
        return best
    }

    // MARK: Deadlines and cycles

    /// A due date the text states: 到2020年 / by 2030 → the year's last day, unless a quantity
    /// follows (a global target: 到 2020 年增加 15 亿 …; see ``target(in:)``); 第二十四届会议 /
    /// "at its eighty-first session" → when that session of the document's own body meets
    /// (``SessionCalendar``), up to five sessions ahead.
    static func dueDate(in text: String, ownSession: SessionCalendar?, issued: CalendarDate? = nil) -> CalendarDate? {
        // "to report … within 30 days", "within six months": counted from the document's date.
        if let issued, text.contains(ImportPatterns.reportingVerb),
            let match = text.firstMatch(of: ImportPatterns.withinPeriod),
            let count = Int(match.1) ?? EnglishOrdinals.cardinals[String(match.1)]
        {
            switch match.2.prefix(3) {
            case "day": return issued.adding(days: count)
            case "wee": return issued.adding(days: 7 * count)
            case "mon": return issued.adding(months: count)
            default: return issued.adding(months: 12 * count)
            }
        }
        for match in text.matches(of: ImportPatterns.yearDeadline) {
            if isTarget(match.range, in: text) { continue }
            if let year = Int(match.1 ?? match.2 ?? match.3 ?? "") {
                return CalendarDate(year: year, month: 12, day: 31)
            }
        }
        if let ownSession {
            // Only the body's own sessions: 委员会第二十四届会议, 其第二十四届会议, at its 81st session.
            if let match = text.firstMatch(of: ImportPatterns.chineseOwnSession),
                let number = ChineseNumerals.value(String(match.1)), let due = ownSession.dueDate(of: number)
            {
                return due
            }
            // A General Assembly document names its own sessions as the Assembly's: 向大会第七十九届会议报告.
            if ownSession.opensInMonth == 9, let match = text.firstMatch(of: ImportPatterns.chineseAssemblySession),
                let number = ChineseNumerals.value(String(match.1)), let due = ownSession.dueDate(of: number)
            {
                return due
            }
            if let match = text.firstMatch(of: ImportPatterns.englishOwnSession),
                let number = EnglishOrdinals.value(String(match.1)), let due = ownSession.dueDate(of: number)
            {
                return due
            }
        }
        return nil
    }

    /// A year that sets a quantified goal for the world ("到 2020 年增加 15 亿新的在线互联网用户",
    /// "by 2030, halve …"): kept as the recommendation's target, not made its addressees' deadline.
    static func target(in text: String) -> Int? {
        for match in text.matches(of: ImportPatterns.yearDeadline)
        where isTarget(match.range, in: text) {
            return Int(match.1 ?? match.2 ?? match.3 ?? "")
        }
        return nil
    }

    /// A quantity after the year, or the year as the horizon of the Sustainable Development
    /// Goals ("achieving the Goals by 2030", "到2030年实现可持续发展目标").
    private static func isTarget(_ range: Range<String.Index>, in text: String) -> Bool {
        let after = text[range.upperBound...].prefix(16)
        if after.contains(where: \.isNumber) || after.contains(/亿|万|倍|一半|半数|per ?cent|%|halve|double/) {
            return true
        }
        let around = text[..<range.lowerBound].suffix(60) + text[range.upperBound...].prefix(30)
        return around.contains(/Sustainable Development Goals|2030 Agenda|可持续发展目标|2030年议程|2030 年议程/)
    }

    /// A reporting cycle the text states: 每年 / annually → annual; 每两年 / biennially → biennial.
    static func cycle(in text: String) -> ReportingCycle? {
        if text.matches(pattern: "每两年|biennial|every two years") { return .biennial }
        if text.matches(pattern: "每四年|quadrennial|every four years") {
            return .quadrennial
        }
        if text.matches(pattern: "每年|annually|each year|every year|on an annual basis|annual report") {
            return .annual
        }
        return nil
    }
}

/// English ordinal words up to ninety-nine: `twenty-fourth` → 24.
enum EnglishOrdinals {
    static let units = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
        "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
        "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
        "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
    ]
    static let tens = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]

    /// Numbers written out in a period: "within six months", "within ninety days".
    static let cardinals = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "twelve": 12, "fifteen": 15, "eighteen": 18, "twenty": 20, "thirty": 30, "forty-five": 45, "sixty": 60,
        "ninety": 90,
    ]

    static func value(_ text: String) -> Int? {
        if let value = units[text] { return value }
        let parts = text.split(separator: "-").map(String.init)
        guard parts.count == 2, let ten = tens[parts[0]], let unit = units[parts[1]], unit < 10 else { return nil }
        return ten + unit
    }
}
