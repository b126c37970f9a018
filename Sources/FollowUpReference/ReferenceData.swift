import Foundation
import FollowUpSeeds
import FollowUpModel
import FollowUpStore

extension ReferenceData {
    /// The States that are observers rather than members (the reference table's README:
    /// the Holy See and the State of Palestine; Cook Islands and Niue are neither).
    static let observerStates: Set<String> = ["VAT", "PSE"]

    /// The reference data compiled into this binary.
    public static func bundled() throws(FollowUpError) -> ReferenceData {
        let states = try CSVTable(bytes: SeedFiles.memberStates, source: "Seeds/un-member-states.csv")
        let entities = try CSVTable(bytes: SeedFiles.entities, source: "Seeds/entities.csv")
        let aliases = try CSVTable(bytes: SeedFiles.stateAliases, source: "Seeds/state-aliases.csv")
        let names = try CSVTable(bytes: SeedFiles.unNames, source: "Seeds/un-names.csv")
        return try ReferenceData(states: states, entities: entities, stateAliases: aliases, names: names)
    }

    /// The official languages whose names `Seeds/un-names.csv` gives, by column.
    static let otherLanguages: [(Language, String)] = [
        (.ar, "name_ar"), (.fr, "name_fr"), (.ru, "name_ru"), (.es, "name_es"),
    ]

    /// Builds the reference data from the seed tables; `names` gives the names of States, areas
    /// and regions in Arabic, French, Russian and Spanish (a code the other tables do not define
    /// is skipped: the M49 table also names areas that are not actors).
    public init(states: CSVTable, entities: CSVTable, stateAliases: CSVTable, names: CSVTable? = nil)
        throws(FollowUpError)
    {
        var entries: [Entry] = []
        var memberships: [Membership] = []
        var regions: [String: (en: String, zh: String)] = [:]
        var regionOrder: [String] = []
        var rules: [String: [(code: String, end: CalendarDate?)]] = [:]

        for record in states.records {
            func field(_ name: String) throws(FollowUpError) -> String {
                try states.value(name, in: record)
            }
            let code = try field("iso3")
            entries.append(
                Entry(
                    addressee: Addressee(
                        code: code, kind: .state, nameEn: try field("name_en"),
                        nameZh: try field("name_zh"), m49: try field("m49"), iso2: try field("iso2")),
                    aliases: [:]))
            for level in ["region", "subregion", "intermediate"] {
                let m49 = try field("\(level)_code")
                guard !m49.isEmpty else { continue }
                let group = "M49-\(m49)"
                if regions[group] == nil {
                    regions[group] = (try field("\(level)_en"), try field("\(level)_zh"))
                    regionOrder.append(group)
                }
                memberships.append(Membership(group: group, member: code))
            }
            let isMember = try field("un_member") == "Y"
            rules["all-states", default: []].append((code, nil))
            if isMember { rules["member-states", default: []].append((code, nil)) }
            if Self.observerStates.contains(code) { rules["observer-states", default: []].append((code, nil)) }
            switch try field("developed_m49_2017") {
            case "developing": rules["developing", default: []].append((code, nil))
            case "developed": rules["developed", default: []].append((code, nil))
            default: break
            }
            if try field("ldc_m49_2017") == "Y" {
                let graduated = try field("ldc_graduated_on")
                var end: CalendarDate?
                if !graduated.isEmpty {
                    guard let date = CalendarDate(graduated) else {
                        throw .invalidInput(
                            source: states.source, line: record.line, field: "ldc_graduated_on",
                            reason: "'\(graduated)' is not a date of the form YYYY-MM-DD")
                    }
                    end = date
                }
                rules["ldc", default: []].append((code, end))
            }
            if try field("lldc_m49_2017") == "Y" { rules["lldc", default: []].append((code, nil)) }
            if try field("sids_m49_2017") == "Y" { rules["sids", default: []].append((code, nil)) }
        }

        for record in entities.records {
            func field(_ name: String) throws(FollowUpError) -> String {
                try entities.value(name, in: record)
            }
            let code = try field("code")
            let kindText = try field("kind")
            guard let kind = AddresseeKind(rawValue: kindText) else {
                throw .invalidInput(
                    source: entities.source, line: record.line, field: "kind",
                    reason: "unknown kind '\(kindText)'")
            }
            entries.append(
                Entry(
                    addressee: Addressee(
                        code: code, kind: kind, nameEn: try field("name_en"), nameZh: try field("name_zh")),
                    aliases: [
                        .en: try field("aliases_en").split(separator: "|").map(String.init),
                        .zh: try field("aliases_zh").split(separator: "|").map(String.init),
                    ]))
            let members = try field("members")
            if members.hasPrefix("rule:") {
                let rule = String(members.dropFirst("rule:".count))
                guard let list = rules[rule] else {
                    throw .invalidInput(
                        source: entities.source, line: record.line, field: "members",
                        reason: "unknown membership rule '\(rule)'")
                }
                memberships += list.map { Membership(group: code, member: $0.code, endDate: $0.end) }
            } else {
                memberships += members.split(separator: "|").map {
                    Membership(group: code, member: String($0))
                }
            }
        }

        for group in regionOrder {
            guard let names = regions[group] else { continue }
            entries.append(
                Entry(
                    addressee: Addressee(
                        code: group, kind: .group, nameEn: names.en, nameZh: names.zh,
                        m49: String(group.dropFirst(4))),
                    aliases: [:]))
        }

        var index: [String: Int] = [:]
        for (position, entry) in entries.enumerated() {
            if index[entry.addressee.code] != nil {
                throw .invalidInput(
                    source: entities.source, line: nil, field: "code",
                    reason: "'\(entry.addressee.code)' is defined twice")
            }
            index[entry.addressee.code] = position
        }
        for record in names?.records ?? [] {
            guard let names else { break }
            let code = try names.value("code", in: record)
            guard let position = index[code] else { continue }
            for (language, column) in Self.otherLanguages {
                let name = try names.value(column, in: record).trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else {
                    throw .invalidInput(
                        source: names.source, line: record.line, field: column, reason: "the name of \(code) is empty")
                }
                entries[position].names[language] = name
            }
        }
        for record in stateAliases.records {
            let code = try stateAliases.value("iso3", in: record)
            let languageText = try stateAliases.value("language", in: record)
            guard let position = index[code], let language = Language(rawValue: languageText) else {
                throw .invalidInput(
                    source: stateAliases.source, line: record.line, field: nil,
                    reason: "unknown State '\(code)' or language '\(languageText)'")
            }
            entries[position].aliases[language, default: []].append(
                try stateAliases.value("alias", in: record))
        }
        for membership in memberships where index[membership.member] == nil {
            throw .invalidInput(
                source: entities.source, line: nil, field: "members",
                reason: "group '\(membership.group)' lists unknown member '\(membership.member)'")
        }
        self.init(entries: entries, memberships: memberships)
    }
}
