/// A clause's normalised text as the analyzer's readers walk it: its characters, and the same
/// characters lower-cased, position for position. A line break kept in a clause reads as a space
/// ("members of the United Nations\nspecialized agencies").
struct ClauseText: Sendable {
    let chars: [Character]
    let lower: [Character]

    init(_ text: String) {
        chars = Array(text).map { $0 == "\n" ? " " : $0 }
        lower = Array(text.lowercased()).map { $0 == "\n" ? " " : $0 }
    }

    /// A clause of `chars` already normalised (a document's first lines, read for its body).
    init(chars: [Character], lower: [Character]) {
        self.chars = chars
        self.lower = lower
    }

    var count: Int { chars.count }
}

/// An actor a clause names: its code, and the words that named it ("the Secretary-General").
struct Mention: Equatable, Sendable {
    var code: String
    var phrase: String

    init(_ code: String, _ phrase: String) {
        self.code = code
        self.phrase = phrase
    }
}
