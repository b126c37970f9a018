// The files of this folder, compiled into the binary (see `Package.swift`).

/// The bundled seed files, as UTF-8 bytes.
///
/// `FollowUpKit` parses them; this module only carries them, so that the embedded bytes are
/// compiled once and a `followup` binary copied on its own still has its reference data.
public enum SeedFiles {
    /// UN Member States, observer States, Cook Islands and Niue, with names, codes and groups.
    public static var memberStates: [UInt8] { PackageResources.un_member_states_csv }
    /// UN entities and organs, collectives and groups that are not derived from the States table.
    public static var entities: [UInt8] { PackageResources.entities_csv }
    /// Other names of States: formal, ISO 3166-1 and colloquial, in English and Chinese.
    public static var stateAliases: [UInt8] { PackageResources.state_aliases_csv }
    /// Names of countries, areas and regions in Arabic, French, Russian and Spanish (UN M49).
    public static var unNames: [UInt8] { PackageResources.un_names_csv }
    /// The seed documents: which file, and the symbol, title, date, language and body of each.
    public static var documents: [UInt8] { PackageResources.documents_csv }
    /// Progress that the Secretary-General's report documents on the recommendations of E/2020/31.
    public static var progress: [UInt8] { PackageResources.progress_csv }

    /// The text of a seed document, by file name.
    public static func documentText(_ file: String) -> [UInt8]? {
        switch file {
        case "E-2020-31.zh.txt": PackageResources.E_2020_31_zh_txt
        case "sg-report-sti-2021.zh.txt": PackageResources.sg_report_sti_2021_zh_txt
        default: nil
        }
    }
}
