/// An actor a recommendation can address: a State, a UN entity, an organisation, a group or a
/// collective. (Not `Actor`, which is Swift's own protocol.)
///
/// States are identified by ISO 3166-1 alpha-3 (`CHN`), everything else by a stable upper-case
/// slug (`UNCTAD`, `LDC`, `ALL-STAKEHOLDERS`, `M49-002`).
public struct Addressee: Codable, Hashable, Sendable {
    /// Row id.
    public var id: Int64?
    /// ISO 3166-1 alpha-3 for a State, a slug otherwise; unique.
    public var code: String
    /// What sort of actor it is.
    public var kind: AddresseeKind
    /// The English name, as the UN writes it.
    public var nameEn: String
    /// The Chinese name, as UN documents write it.
    public var nameZh: String
    /// The UN M49 numeric code, for States and regions.
    public var m49: String?
    /// ISO 3166-1 alpha-2, for States.
    public var iso2: String?

    public init(
        id: Int64? = nil, code: String, kind: AddresseeKind, nameEn: String, nameZh: String,
        m49: String? = nil, iso2: String? = nil
    ) {
        self.id = id
        self.code = code
        self.kind = kind
        self.nameEn = nameEn
        self.nameZh = nameZh
        self.m49 = m49
        self.iso2 = iso2
    }

    /// The name in `language`: Chinese for `.zh`, English otherwise.
    public func name(in language: Language) -> String {
        language == .zh ? nameZh : nameEn
    }
}

/// Another name of an addressee, in one language: `美国`, `Russia`, `贸发会议`.
public struct AddresseeAlias: Codable, Hashable, Sendable {
    /// The addressee.
    public var addresseeId: Int64
    /// The language of the alias.
    public var language: Language
    /// The alias as written.
    public var alias: String

    public init(addresseeId: Int64, language: Language, alias: String) {
        self.addresseeId = addresseeId
        self.language = language
        self.alias = alias
    }
}

/// A member of a group between two dates: an LDC until it graduates, say.
///
/// `startDate == nil` means a member since before any tracked document; `endDate` is the first
/// day it is no longer a member, `nil` while it still is.
public struct GroupMembership: Codable, Hashable, Sendable {
    /// Row id.
    public var id: Int64?
    /// The group.
    public var groupId: Int64
    /// The member.
    public var memberId: Int64
    /// First day of membership, if known.
    public var startDate: CalendarDate?
    /// First day after membership, if it ended.
    public var endDate: CalendarDate?

    public init(
        id: Int64? = nil, groupId: Int64, memberId: Int64, startDate: CalendarDate? = nil,
        endDate: CalendarDate? = nil
    ) {
        self.id = id
        self.groupId = groupId
        self.memberId = memberId
        self.startDate = startDate
        self.endDate = endDate
    }

    /// Whether the membership holds on `date`.
    public func holds(on date: CalendarDate) -> Bool {
        (startDate.map { $0 <= date } ?? true) && (endDate.map { date < $0 } ?? true)
    }
}
