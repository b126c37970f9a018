import FollowUpModel
import FollowUpStore
/// Finds actor names in normalised text, longest match first.
///
/// Built from every actor's names and aliases; Chinese matches anywhere, English only at word
/// boundaries and ignoring case, except all-capital acronyms (`WHO` is not `who`).
struct AddresseeMatcher: Sendable {
    struct Entry: Sendable {
        var phrase: [Character]
        var code: String
        var caseSensitive: Bool
    }

    /// Entries by first character (lower-cased, acronyms too), longest first.
    private var index: [Character: [Entry]] = [:]

    init(names: [(name: String, code: String)]) {
        var seen = Set<String>()
        for (name, code) in names + Self.councilForms(of: names) {
            let normalized = String(TextNormalization.normalize(name).map(Self.fold))
            guard normalized.count >= 2 else { continue }
            let caseSensitive = normalized.count <= 6 && normalized.allSatisfy { $0.isUppercase || $0 == "-" }
            let key = (caseSensitive ? normalized : normalized.lowercased()) + "\u{0}" + code
            guard seen.insert(key).inserted else { continue }
            let phrase = Array(caseSensitive ? normalized : normalized.lowercased())
            guard let first = phrase.first else { continue }
            // Looked up by the lower-cased text, so an acronym (`WHO`, kept in capitals) is filed
            // under its lower-cased first letter too.
            let bucket = Character(first.lowercased())
            index[bucket, default: []].append(Entry(phrase: phrase, code: code, caseSensitive: caseSensitive))
        }
        for key in index.keys { index[key]?.sort { $0.phrase.count > $1.phrase.count } }
    }

    /// "Special Rapporteur of the Human Rights Council on …" for every "Special Rapporteur on …", and
    /// likewise for independent experts and working groups: resolutions use both forms; and "UN …"
    /// for every "United Nations …".
    static func councilForms(of names: [(name: String, code: String)]) -> [(name: String, code: String)] {
        var forms: [(name: String, code: String)] = []
        for (name, code) in names {
            // "the UN Truce Supervision Organization": UN for United Nations.
            if name.hasPrefix("United Nations ") {
                forms.append(("UN " + name.dropFirst("United Nations ".count), code))
            }
            for head in ["Special Rapporteur on ", "Independent Expert on ", "Working Group on "]
            where name.hasPrefix(head) {
                let rest = name.dropFirst(head.count)
                forms.append((head.dropLast(4) + " of the Human Rights Council on " + rest, code))
            }
        }
        return forms
    }

    /// Adds `phrase` as a name of `code` (for the document's own organ: `委员会` → CSTD).
    mutating func add(_ phrase: String, code: String) {
        let normalized = Array(TextNormalization.normalize(phrase).lowercased().map(Self.fold))
        guard let first = normalized.first else { return }
        index[first, default: []].append(Entry(phrase: normalized, code: code, caseSensitive: false))
        index[first]?.sort { $0.phrase.count > $1.phrase.count }
    }

    /// Typographic apostrophes read as straight ones: "People’s" in a PDF is "People's".
    ///
    /// Compared by bytes: U+2018 and U+2019 have no other canonical form, and comparing a
    /// Character with a non-ASCII one checks Unicode normalization first (a fifth of reading a
    /// long document, where every character passes here).
    static func fold(_ character: Character) -> Character {
        let utf8 = character.utf8
        guard utf8.count == 3, utf8.first == 0xE2 else { return character }
        return utf8.elementsEqual([0xE2, 0x80, 0x99]) || utf8.elementsEqual([0xE2, 0x80, 0x98]) ? "'" : character
    }

    /// The longest actor name starting at `position` in `text`: its code and length.
    func match(in text: [Character], lowered: [Character], at position: Int) -> (code: String, length: Int)? {
        guard position < text.count else { return nil }
        let candidates = index[lowered[position]] ?? []
        for entry in candidates {
            let end = position + entry.phrase.count
            guard end <= text.count else { continue }
            let source = entry.caseSensitive ? text : lowered
            if !zip(source[position..<end], entry.phrase).allSatisfy({ Self.fold($0) == $1 }) { continue }
            // English names end at a word boundary.
            if let last = entry.phrase.last, last.isLetter, last.isASCII, end < text.count, text[end].isLetter {
                continue
            }
            if let first = entry.phrase.first, first.isASCII, first.isLetter, position > 0, text[position - 1].isLetter
            {
                continue
            }
            return (entry.code, entry.phrase.count)
        }
        return nil
    }
}
