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
}
