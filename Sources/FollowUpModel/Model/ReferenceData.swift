/// The actors FollowUp knows before any document is imported, built from the bundled seeds.
///
/// States come from the UN Member States table (names, codes, regions, LDC/LLDC/SIDS groups);
/// organs, entities, collectives and the groups not derived from States from `entities.csv`;
/// other names from `state-aliases.csv`. `followup init` loads it with
/// ``AppDatabase/loadReferenceData(_:)``.
public struct ReferenceData: Sendable {
    /// An actor with its aliases.
    public struct Entry: Sendable, Hashable {
        public var addressee: Addressee
        public var aliases: [Language: [String]]
        /// Its name in the official languages beyond English and Chinese (Arabic, French,
        /// Russian, Spanish), where the reference data has one.
        public var names: [Language: String]

        package init(addressee: Addressee, aliases: [Language: [String]], names: [Language: String] = [:]) {
            self.addressee = addressee
            self.aliases = aliases
            self.names = names
        }
    }

    /// A dated membership, by codes.
    public struct Membership: Sendable, Hashable {
        public var group: String
        public var member: String
        public var startDate: CalendarDate?
        public var endDate: CalendarDate?

        package init(group: String, member: String, startDate: CalendarDate? = nil, endDate: CalendarDate? = nil) {
            self.group = group
            self.member = member
            self.startDate = startDate
            self.endDate = endDate
        }
    }

    /// Every actor, in a stable order.
    public var entries: [Entry]
    /// Every membership of every group.
    public var memberships: [Membership]

    package init(entries: [Entry], memberships: [Membership]) {
        self.entries = entries
        self.memberships = memberships
    }
}
