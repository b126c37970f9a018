/// Every actor's names and kind by code, for reports that show names rather than codes.
public struct ActorDirectory: Sendable {
    /// One actor.
    public struct Entry: Sendable, Equatable {
        public var nameEn: String
        public var nameZh: String
        public var kind: AddresseeKind
        /// Its names in Arabic, French, Russian and Spanish, where known.
        public var names: [Language: String]

        public init(nameEn: String, nameZh: String, kind: AddresseeKind, names: [Language: String] = [:]) {
            self.nameEn = nameEn
            self.nameZh = nameZh
            self.kind = kind
            self.names = names
        }

        /// The name in `language`; the English one where no other is known.
        public func name(in language: Language) -> String {
            switch language {
            case .en: nameEn
            case .zh: nameZh
            default: names[language] ?? nameEn
            }
        }
    }

    public var entries: [String: Entry]

    public init(_ entries: [String: Entry] = [:]) { self.entries = entries }

    /// The name of `code` in `language`; the code itself for an actor the directory does not hold.
    public func name(_ code: String, _ language: Language) -> String {
        guard let entry = entries[code] else { return code }
        return entry.name(in: language)
    }

    /// The name of `code` in `language` for a row that carries its English and Chinese names:
    /// those in English and Chinese, the directory's in the other languages, else the English one
    /// (an actor the directory does not hold, or an empty directory).
    public func name(_ code: String, _ language: Language, en: String, zh: String) -> String {
        switch language {
        case .en: en
        case .zh: zh
        default: entries[code]?.names[language] ?? en
        }
    }

    /// The kind of `code`, if known.
    public func kind(_ code: String) -> AddresseeKind? { entries[code]?.kind }
}

/// Every name an actor answers to (English and Chinese names, aliases), the codes of each kind, and
/// the UN entities that are commissions: what a document's addressees are read against.
public struct ActorNames: Sendable {
    /// Each name or alias with its actor's code; one actor has many.
    public var names: [(name: String, code: String)]
    /// The codes of each kind of actor.
    public var codes: [AddresseeKind: Set<String>]
    /// The codes of the UN entities named "… Commission …" or "…委员会".
    public var commissions: Set<String>

    package init(
        names: [(name: String, code: String)], codes: [AddresseeKind: Set<String>], commissions: Set<String>
    ) {
        self.names = names
        self.codes = codes
        self.commissions = commissions
    }
}
