import Foundation
import FollowUpModel

/// The actors a clause names after a verb: lists, conjunctions, units of bodies, "of the State",
/// back-references ("requests him", 该国) and the qualifiers that are no actors.
extension ClauseAnalyzer {

    /// Addressees starting at `start`: one or more actor names joined by 、/和/and, each possibly
    /// after qualifiers (酌情, the, relevant) or a modifier ending in 的.
    func addressees(
        _ clause: ClauseText, at start: Int, context: [Mention]
    ) -> (list: [Mention], end: Int) {
        let (chars, lower) = (clause.chars, clause.lower)
        var result: [Mention] = []
        var position = start
        // Inside "the United Nations system, including its funds, programmes and specialized agencies":
        // the members named are folded into the whole, up to "as well as", ", and" or ", or".
        var folding = false
        // A first item that is no actor, then one that is: "Requests the Territory and the administering Power".
        if addressee(clause, at: position, context: context) == nil,
            let after = properNounSkipped(clause, from: position)
        {
            position = after
        }
        while true {
            guard let found = addressee(clause, at: position, context: context) else { break }
            if !folding {
                for item in found.items where !result.contains(where: { $0.code == item.code }) { result.append(item) }
            }
            position = found.end
            // A body named with what it belongs to: "the Department of Economic and Social Affairs of
            // the Secretariat".
            let of = Array(" of ")
            if position + of.count < lower.count, Array(lower[position..<(position + of.count)]) == of {
                let owner = skipQualifiers(clause, from: position + of.count)
                if let match = matcher.match(in: chars, lowered: lower, at: owner) { position = owner + match.length }
            }
            // Another addressee after a conjunction, perhaps after a parenthesis ("United Nations
            // entities, within their respective mandates, and other relevant stakeholders")? Or
            // after the rest of an item the name did not cover ("relevant United Nations agencies,
            // funds and programmes, treaty bodies"): the list goes on at the next item that names one.
            guard var next = conjunction(clause, at: position) else {
                // Right after a name, in Chinese, only the rest of that item is passed over (…行为体、):
                // 吁请以色列遵守大会、安全理事会… goes on with what Israel is to do, not with a list.
                if let after = listItemSkipped(clause, from: position), after > position,
                    chars[position].isASCII || after - position <= 4
                {
                    position = after
                    continue
                }
                break
            }
            var candidate = skipQualifiers(clause, from: next)
            if let again = conjunction(clause, at: candidate) {
                next = again
                candidate = skipQualifiers(clause, from: again)
            }
            let joiner = String(lower[position..<next]).trimmingWhitespace()
            if folding, joiner.hasSuffix("as well as") || joiner == ", and" || joiner == ", or" { folding = false }
            if !folding, let head = found.items.last, Lexicon.englishFoldingWholes.contains(head.code),
                lower[next..<min(lower.count, next + 12)].drop(while: { $0 == " " }).starts(with: "including ")
            {
                folding = true
            }
            if addressee(clause, at: next, context: []) != nil
                || addressee(clause, at: candidate, context: []) != nil
            {
                position = next
            } else if let after = listItemSkipped(clause, from: next) {
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
    func properNounSkipped(_ clause: ClauseText, from start: Int) -> Int? {
        let (chars, lower) = (clause.chars, clause.lower)
        var index = start
        while index < chars.count && chars[index] == " " { index += 1 }
        guard lower[index...].starts(with: "the "), index + 4 < chars.count, chars[index + 4].isUppercase else {
            return nil
        }
        var end = index + 4
        while end < chars.count && chars[end].isLetter { end += 1 }
        guard lower[end...].starts(with: " and "), addressee(clause, at: end + 5, context: []) != nil else {
            return nil
        }
        return end + 5
    }

    /// Past one list item that names no actor, up to the comma before an item that does: at most
    /// six words (in Chinese, twelve characters up to 、 or a conjunction), with no verb and no
    /// clause punctuation in between; `nil` otherwise.
    func listItemSkipped(_ clause: ClauseText, from start: Int) -> Int? {
        let (chars, lower) = (clause.chars, clause.lower)
        guard start < chars.count else { return nil }
        guard chars[start].isASCII else { return chineseListItemSkipped(clause, from: start) }
        var index = start
        var words = 0
        while index < chars.count && index < start + 90 {
            let character = chars[index]
            if ";:.".contains(character) { return nil }
            if character == " " { words += 1 }
            // At most six words, or nine of a body's proper name.
            // (Judged at each space, on the words before it.)
            if words > 9 { return nil }
            if character == " ", words > 6 || index >= start + 60, !isProperName(String(chars[start..<index])) {
                return nil
            }
            if character == "," {
                if addressee(clause, at: index + 1, context: []) != nil { return index + 1 }
                // "States and international donors, as well as the private sector"
                if let next = conjunction(clause, at: index + 1), next > index + 2,
                    addressee(clause, at: next, context: []) != nil
                {
                    return next
                }
            }
            // "major groups and other donors": a short item of plain words, then the conjunction;
            // or the proper name of a body no register holds ("the Office of the Secretary-General's
            // Envoy on Youth and the United Nations Entity for …").
            if character == " ", index > start, lower[index + 1].isLetter,
                let next = conjunction(clause, at: index), next > index + 2,
                isProperName(String(chars[start..<index]))
                    || (words <= 3
                        && !String(lower[start..<index]).split(separator: " ").contains(where: {
                            Self.englishListBreakers.contains(String($0))
                        })),
                addressee(clause, at: next, context: []) != nil
            {
                return next
            }
            if index > start, lower[index - 1] == " ", verb(at: index, clause) != nil { return nil }
            index += 1
        }
        return nil
    }

    /// Whether a span is a body's proper name: capitalised words, with "of", "the", "on", "for"
    /// between them ("the Office of the Secretary-General's Envoy on Youth").
    func isProperName(_ span: String) -> Bool {
        var words = span.split(separator: " ")
        if words.first == "the" { words.removeFirst() }
        guard words.count >= 2, words.count <= 9, words.first?.first?.isUppercase == true else { return false }
        return words.allSatisfy { word in
            word.first?.isUppercase == true || ["of", "the", "on", "for", "and"].contains(String(word))
        }
    }

    /// Words that show a span is no list item but an action or a circumstance: "to urge …",
    /// "in consultation with …".
    static let englishListBreakers: Set<String> = [
        "to", "with", "in", "by", "for", "of", "on", "from", "through", "within", "at", "into",
    ]

    /// The Chinese form of ``listItemSkipped(_:from:)``: past an item that names no actor
    /// (民间社会行为体) to the 、 or conjunction before one that does (非政府组织以及私营部门).
    func chineseListItemSkipped(_ clause: ClauseText, from start: Int) -> Int? {
        let chars = clause.chars
        // An item is a noun: "为联合国人道主义机构…提供" says for whom, "在…" where.
        guard start < chars.count, !"为向对在给从以按根通".contains(chars[start]) else { return nil }
        var index = start
        while index < chars.count && index < start + 12 {
            let character = chars[index]
            if "，；：。,;:（(".contains(character) { return nil }
            if index > start, verb(at: index, clause) != nil { return nil }
            if character == "、", addressee(clause, at: index + 1, context: []) != nil { return index + 1 }
            if index > start, let next = conjunction(clause, at: index), next > index,
                addressee(clause, at: next, context: []) != nil
            {
                return next
            }
            index += 1
        }
        return nil
    }

    /// One addressee at `start` (or several, for "regional and international organizations"):
    /// the name as written, else after qualifiers (the, all, relevant); "the Government of X" is X.
    func addressee(
        _ clause: ClauseText, at start: Int, context: [Mention]
    ) -> (items: [Mention], end: Int)? {
        let (chars, lower) = (clause.chars, clause.lower)
        var raw = start
        while raw < chars.count && chars[raw] == " " { raw += 1 }
        // Each place the qualifiers pass through, first to last: "that all parties" is "all
        // parties" (a name), not "parties"; "relevant actors" a name, "the relevant ones" not.
        let stops = qualifierStops(clause, from: raw)
        for begin in stops {
            if let system = systemMembers(clause, at: begin) { return system }
        }
        // A name as written wins over a reading of what surrounds it: 所有会员国、…在内的民间社会
        // starts with the Member States, not with a modifier that ends at 的民间社会.
        for begin in stops {
            if let reference = backReference(clause, at: begin, context: context) {
                return (reference.items, reference.end)
            }
            if let match = matcher.match(in: chars, lowered: lower, at: begin) {
                let phrase = String(chars[begin..<(begin + match.length)])
                // "the countries of the Sahelo-Saharan subregion" are some countries, not all States.
                if ["countries", "States"].contains(phrase), lower[(begin + match.length)...].starts(with: " of ") {
                    return nil
                }
                return ([Mention(match.code, phrase)], begin + match.length)
            }
        }
        for begin in stops {
            if let state = ofState(clause, at: begin) ?? demonymState(clause, at: begin) {
                return ([state.item], state.end)
            }
            if let body = ofBody(clause, at: begin) { return ([body.item], body.end) }
            if let unit = unitOf(clause, at: begin) { return ([unit.item], unit.end) }
            if let pair = distributed(clause, at: begin) { return pair }
        }
        // Last, a name after a modifier ending in 的, which may reach far (其他国际和区域组织以及
        // 包括…在内的民间社会 is two items, not one modified).
        for begin in stops {
            if let modified = modifiedActor(clause, from: begin) {
                return ([Mention(modified.code, String(chars[begin..<modified.end]))], modified.end)
            }
        }
        return nil
    }

    /// Kinds of members named together "of the United Nations system": "the specialized agencies,
    /// components, organizations, programmes and funds of the United Nations system", "relevant
    /// organs, bodies and agencies of the United Nations system" are its entities (and, when named,
    /// its specialized agencies, funds and programmes).
    func systemMembers(_ clause: ClauseText, at start: Int) -> (items: [Mention], end: Int)? {
        let (chars, lower) = (clause.chars, clause.lower)
        guard start < chars.count, chars[start].isASCII, chars[start].isLetter else { return nil }
        let tail = Array(" of the united nations system")
        var index = start
        var kinds = 0
        var specialized = false
        while index < lower.count && index < start + 160 {
            if lower[index...].starts(with: tail) {
                guard kinds >= 2 else { return nil }
                let end = index + tail.count
                let phrase = String(chars[start..<end])
                // The kinds that have codes of their own are named too: the specialized agencies,
                // the funds and programmes.
                let words = Set(phrase.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
                var items = specialized ? [Mention("SPECIALIZED-AGENCIES", phrase)] : []
                items.append(Mention("UN-ENTITIES", phrase))
                if words.contains("funds") && words.contains("programmes") {
                    items.append(Mention("UN-FUNDS-PROGRAMMES", phrase))
                }
                return (items, end)
            }
            if lower[index] == " " || lower[index] == "," {
                index += 1
                continue
            }
            var end = index
            while end < lower.count && lower[end].isLetter { end += 1 }
            guard end > index else { return nil }
            let word = String(lower[index..<end])
            if Lexicon.englishSystemMembers.contains(word) {
                kinds += 1
                if word == "agencies", index >= 12, String(lower[(index - 12)..<index]) == "specialized " {
                    specialized = true
                }
            } else if !["specialized", "other", "relevant", "and", "the", "its", "all"].contains(word) {
                return nil
            }
            index = end
        }
        return nil
    }

    /// "the Government of Israel", "the authorities of X": the State named after it.
    func ofState(_ clause: ClauseText, at start: Int) -> (
        item: Mention, end: Int
    )? {
        let (chars, lower) = (clause.chars, clause.lower)
        for lead in Lexicon.englishOfState {
            let letters = Array(lead + " ")
            let end = start + letters.count
            guard end <= lower.count, Array(lower[start..<end]) == letters else { continue }
            let begin = skipQualifiers(clause, from: end)
            if let match = matcher.match(in: chars, lowered: lower, at: begin),
                stateCodes.contains(match.code) || territoryCodes.contains(match.code)
            {
                return (Mention(match.code, String(chars[start..<(begin + match.length)])), begin + match.length)
            }
        }
        return nil
    }

    /// "the Haitian authorities", "the Syrian Government": the State whose name the adjective is
    /// made from (Haiti-an, Syria-n, Sudan-ese, Iraq-i), when the matcher knows that name.
    func demonymState(_ clause: ClauseText, at start: Int) -> (item: Mention, end: Int)? {
        let (chars, lower) = (clause.chars, clause.lower)
        guard start < chars.count, chars[start].isUppercase, chars[start].isASCII else { return nil }
        var end = start
        while end < chars.count && chars[end].isLetter { end += 1 }
        let word = String(chars[start..<end])
        let rest = String(lower[end..<min(lower.count, end + 24)])
        guard
            let head = [" authorities", " government", " transitional authorities", " de facto authorities"]
                .first(where: { rest.hasPrefix($0) })
        else { return nil }
        for suffix in ["ese", "ian", "an", "n", "i"] where word.count > suffix.count + 3 && word.hasSuffix(suffix) {
            let stem = Array(word.dropLast(suffix.count))
            let lowered = Array(String(stem).lowercased())
            if let match = matcher.match(in: stem, lowered: lowered, at: 0), match.length == stem.count,
                stateCodes.contains(match.code)
            {
                let stop = end + head.count
                return (Mention(match.code, String(chars[start..<stop])), stop)
            }
        }
        return nil
    }

    /// "the Chair of the Committee on …": the body whose officer is named.
    func ofBody(_ clause: ClauseText, at start: Int) -> (
        item: Mention, end: Int
    )? {
        let (chars, lower) = (clause.chars, clause.lower)
        for lead in Lexicon.englishOfBody {
            let letters = Array(lead + " ")
            let end = start + letters.count
            guard end <= lower.count, Array(lower[start..<end]) == letters else { continue }
            let begin = skipQualifiers(clause, from: end)
            if let match = matcher.match(in: chars, lowered: lower, at: begin), !stateCodes.contains(match.code),
                !isPossessive(clause, at: begin + match.length)
            {
                return (Mention(match.code, String(chars[start..<(begin + match.length)])), begin + match.length)
            }
        }
        return nil
    }

    /// Whether 's follows: "the Office of the Secretary-General's Envoy on Youth" is the envoy's
    /// office, not the Secretary-General.
    func isPossessive(_ clause: ClauseText, at end: Int) -> Bool {
        let chars = clause.chars
        return end + 1 < chars.count && (chars[end] == "'" || chars[end] == "\u{2019}") && chars[end + 1] == "s"
    }

    /// A unit of a known body, named in capitals: "the Development Assistance Committee of the
    /// Organisation for Economic Co-operation and Development" binds the OECD.
    func unitOf(_ clause: ClauseText, at start: Int) -> (
        item: Mention, end: Int
    )? {
        let (chars, lower) = (clause.chars, clause.lower)
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
                let owner = skipQualifiers(clause, from: end + 4)
                if let match = matcher.match(in: chars, lowered: lower, at: owner), !stateCodes.contains(match.code),
                    !isPossessive(clause, at: owner + match.length)
                {
                    return (Mention(match.code, String(chars[start..<(owner + match.length)])), owner + match.length)
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
    func distributed(_ clause: ClauseText, at start: Int) -> (
        items: [Mention], end: Int
    )? {
        let (chars, lower) = (clause.chars, clause.lower)
        if let shared = sharedHead(clause, at: start) { return shared }
        // 国际和区域组织: 国际组织 and 区域组织.
        if start + 3 < chars.count, !chars[start].isASCII, chars[start + 2] == "和",
            let match = matcher.match(in: chars, lowered: lower, at: start + 3), match.length > 2
        {
            let phrase = Array(chars[(start + 3)..<(start + 3 + match.length)])
            let first = Array(chars[start..<(start + 2)]) + phrase.dropFirst(2)
            var items = [Mention(match.code, String(chars[start..<(start + 3 + match.length)]))]
            if let other = matcher.match(in: first, lowered: first, at: 0), other.length == first.count,
                other.code != match.code
            {
                items.insert(Mention(other.code, items[0].phrase), at: 0)
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
        var items = [Mention(match.code, String(chars[start..<(second + match.length)]))]
        if let space = phrase.firstIndex(of: " ") {
            let first = String(chars[start..<wordEnd]) + phrase[space...]
            let letters = Array(first)
            if let other = matcher.match(in: letters, lowered: Array(first.lowercased()), at: 0),
                other.length == letters.count, other.code != match.code
            {
                items.insert(Mention(other.code, items[0].phrase), at: 0)
            }
        }
        return (items, second + match.length)
    }

    /// Chinese modifiers joined by 、 and 和 (及) that share the head noun of the last:
    /// 全球、区域和次区域组织 names 全球组织, 区域组织 and 次区域组织; 发展和贸易伙伴 names 发展伙伴.
    /// Each modifier with the head is tried as a whole name; the names that are actors are the items.
    func sharedHead(_ clause: ClauseText, at start: Int) -> (items: [Mention], end: Int)? {
        let chars = clause.chars
        guard start < chars.count, TextNormalization.isCJK(chars[start]) else { return nil }
        var modifiers: [Range<Int>] = []
        var index = start
        while true {
            var end = index
            while end < chars.count, end - index < 4, TextNormalization.isCJK(chars[end]), !"、和及".contains(chars[end]) {
                end += 1
            }
            guard end > index, end < chars.count else { return nil }
            modifiers.append(index..<end)
            if chars[end] == "、" {
                index = end + 1
            } else if chars[end] == "和" || chars[end] == "及" {
                index = end + 1
                break
            } else {
                return nil
            }
        }
        for head in Lexicon.chineseSharedHeads {
            let headChars = Array(head)
            for length in 1...4 {
                let headStart = index + length
                let end = headStart + headChars.count
                guard end <= chars.count, Array(chars[headStart..<end]) == headChars else { continue }
                let phrase = String(chars[start..<end])
                var items: [Mention] = []
                for (number, modifier) in (modifiers + [index..<headStart]).enumerated() {
                    let name = Array(chars[modifier]) + headChars
                    guard let match = matcher.match(in: name, lowered: name, at: 0), match.length == name.count else {
                        // The first must name an actor: 其他国际和区域组织 is read from 国际, past 其他.
                        if number == 0 { return nil }
                        continue
                    }
                    if !items.contains(where: { $0.code == match.code }) { items.append(Mention(match.code, phrase)) }
                }
                return items.isEmpty ? nil : (items, end)
            }
        }
        return nil
    }

    func skipQualifiers(_ clause: ClauseText, from start: Int) -> Int {
        qualifierStops(clause, from: start).last ?? start
    }

    /// `start` and each position after one more qualifier (酌情, the, all, relevant) or an
    /// inserted "including" phrase (包括世界银行和国际货币基金组织在内的), in order.
    func qualifierStops(_ clause: ClauseText, from start: Int) -> [Int] {
        let (chars, lower) = (clause.chars, clause.lower)
        var position = start
        var stops = [start]
        var moved = true
        while moved {
            moved = false
            while position < chars.count && chars[position] == " " { position += 1 }
            if stops.last != position { stops.append(position) }
            if let after = includedSkipped(clause, from: position) ?? titlesSkipped(clause, from: position) {
                position = after
                moved = true
                continue
            }
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
        if stops.last != position { stops.append(position) }
        return stops
    }

    /// Past the titles of instruments before the actor they qualify: 《特拉特洛尔科条约》、《第一附加
    /// 议定书》和《第二附加议定书》缔约国 are the States parties. `nil` unless an actor follows.
    func titlesSkipped(_ clause: ClauseText, from start: Int) -> Int? {
        let (chars, lower) = (clause.chars, clause.lower)
        var index = start
        var titles = 0
        while index < chars.count && chars[index] == "《" {
            guard let close = chars[index...].prefix(60).firstIndex(of: "》") else { return nil }
            titles += 1
            index = close + 1
            if index < chars.count && "、和及与".contains(chars[index]) { index += 1 }
        }
        guard titles > 0, matcher.match(in: chars, lowered: lower, at: index) != nil else { return nil }
        return index
    }

    /// Past 包括…在内的, which names members of the whole that follows (包括世界银行和国际货币基金组织
    /// 在内的所有相关国际组织 binds the international organizations): `nil` if none starts here.
    func includedSkipped(_ clause: ClauseText, from start: Int) -> Int? {
        let chars = clause.chars
        guard start + 2 < chars.count, chars[start] == "包", chars[start + 1] == "括" else { return nil }
        var index = start + 2
        while index + 2 < chars.count && index < start + 60 {
            if "，；：。,;:".contains(chars[index]) { return nil }
            if chars[index] == "在", chars[index + 1] == "内", chars[index + 2] == "的" { return index + 3 }
            index += 1
        }
        return nil
    }

    func conjunction(_ clause: ClauseText, at start: Int) -> Int? {
        let (chars, lower) = (clause.chars, clause.lower)
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
                // 与特别报告员合作 is "cooperate with the Special Rapporteur": a partner, not a second addressee.
                if word == "与" && isPartner(clause, from: end) { continue }
                return end
            }
        }
        return nil
    }

    /// Whether the words after 与 name someone acted with (与X合作, 与X协商) rather than a second actor.
    func isPartner(_ clause: ClauseText, from start: Int) -> Bool {
        let chars = clause.chars
        var end = start
        while end < chars.count && end < start + 30 && !"，；：。,;:".contains(chars[end]) { end += 1 }
        let span = String(chars[start..<end])
        return Lexicon.chineseJointActions.contains { span.contains($0) }
    }

    /// An actor named after a modifier that ends in 的: 协助实施世界峰会行动方针的联合国系统各实体.
    func modifiedActor(_ clause: ClauseText, from start: Int) -> (code: String, end: Int)? {
        let (chars, lower) = (clause.chars, clause.lower)
        guard start < chars.count, !chars[start].isASCII else { return nil }
        var index = start
        var inTitle = false
        while index < min(chars.count, start + 60) {
            if "，；：。,;:".contains(chars[index]) { return nil }
            // A title is no actor's modifier: 《…在发生严重干旱的国家…公约》.
            if chars[index] == "《" { inTitle = true }
            if chars[index] == "》" { inTitle = false }
            if !inTitle, index > start, chars[index - 1] == "的" {
                if let match = matcher.match(in: chars, lowered: lower, at: index) {
                    return (match.code, index + match.length)
                }
                // …国家的发展和贸易伙伴: modifiers sharing a head noun, the first an actor's.
                if let shared = sharedHead(clause, at: index), let first = shared.items.first {
                    return (first.code, shared.end)
                }
                // 尚未加入《公约》的国家: the States that have not, a part of all States.
                if index + 1 < chars.count, chars[index] == "国", chars[index + 1] == "家" {
                    return ("ALL-STATES", index + 2)
                }
            }
            index += 1
        }
        return nil
    }

    func backReference(
        _ clause: ClauseText, at start: Int, context: [Mention]
    ) -> (items: [Mention], end: Int)? {
        let (chars, lower) = (clause.chars, clause.lower)
        for word in Lexicon.chineseBackReferences + Lexicon.englishBackReferences {
            let letters = Array(word.lowercased())
            let end = start + letters.count
            guard end <= lower.count, Array(lower[start..<end]) == letters else { continue }
            if letters.first?.isASCII == true && end < lower.count && lower[end].isLetter { continue }
            // 其他 / 其余 / 其中 are "other", "the rest", "among them": no reference.
            if word == "其", end < chars.count, "他它余中".contains(chars[end]) { continue }
            if word == "政府" {
                // 敦促布隆迪政府…；鼓励政府…: the Government already named. With no State named
                // before, 政府 is left to the actor list (Governments).
                guard start == 0 || !"国各".contains(chars[start - 1]) else { continue }
                let named = nearestMention(clause, before: start, wanted: stateCodes.contains)
                guard let state = named ?? context.first(where: { stateCodes.contains($0.code) })?.code else {
                    continue
                }
                return ([Mention(state, String(chars[start..<end]))], end)
            }
            if word == "it" {
                // "Acknowledges the leadership role of the Human Rights Council, and encourages it to
                // continue": the nearest actor named before the pronoun.
                guard let mention = nearestMention(clause, before: start) else { continue }
                return ([Mention(mention, String(chars[start..<end]))], end)
            }
            if ["them", "它们", "他们"].contains(word), case let mentions = mentionsInPreviousClause(clause, before: start),
                !mentions.isEmpty
            {
                // "Recognizes the role of the United Nations and of the international financial
                // institutions, …, and encourages them": every actor of the clause before.
                return (mentions.map { Mention($0, String(chars[start..<end])) }, end)
            }
            let wantsState = word == "该国" || word.hasSuffix("State") || word.hasSuffix("States")
            if let earlier = context.first(where: { !wantsState || stateCodes.contains($0.code) }) {
                return ([Mention(earlier.code, String(chars[start..<end]))], end)
            }
        }
        return nil
    }

    /// The actors named between the verb before the one that governs a pronoun at `end` and that
    /// verb: for "them" in "Recognizes the role of X and of Y, and encourages them", X and Y.
    func mentionsInPreviousClause(_ clause: ClauseText, before end: Int) -> [String] {
        let (chars, lower) = (clause.chars, clause.lower)
        var verbs: [(start: Int, end: Int)] = []
        var index = 0
        while index < end {
            if index == 0 || !lower[index - 1].isLetter || !chars[index].isASCII, let verb = verb(at: index, clause) {
                verbs.append((index, index + verb.text.count))
                index += verb.text.count
            } else {
                index += 1
            }
        }
        guard let governing = verbs.last else { return [] }
        // After a request, "them" is whom it addressed (the caller's context); after a statement,
        // the actors it named.
        if verbs.count > 1, let previous = verb(at: verbs[verbs.count - 2].start, clause),
            previous.classification == .actionable
        {
            return []
        }
        let from = verbs.count > 1 ? verbs[verbs.count - 2].end : 0
        var codes: [String] = []
        var begin = from
        while begin < governing.start {
            if begin == 0 || !lower[begin - 1].isLetter || !chars[begin].isASCII,
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

    /// The code of the actor named last before `end`, if any; only those `wanted` counts ("it" is
    /// any actor, a bare 政府 the government of the State named last).
    func nearestMention(
        _ clause: ClauseText, before end: Int, wanted: (String) -> Bool = { _ in true }
    ) -> String? {
        let (chars, lower) = (clause.chars, clause.lower)
        // Read from the start, longest names first, so that "the Human Rights Council" is not "Council".
        // A name starts at a word's start; Chinese has no spaces.
        var last: String?
        var begin = 0
        while begin < end {
            if begin == 0 || !lower[begin - 1].isLetter || !chars[begin].isASCII,
                let match = matcher.match(in: chars, lowered: lower, at: begin),
                begin + match.length <= end
            {
                if wanted(match.code) { last = match.code }
                begin += match.length
            } else {
                begin += 1
            }
        }
        return last
    }

    /// The words after an actionable verb that look like an actor but match none, if any.
    func actorLikePhrase(_ clause: ClauseText, from start: Int) -> String? {
        let chars = clause.chars
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
}
