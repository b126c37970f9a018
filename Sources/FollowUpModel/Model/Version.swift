/// This FollowUp's version, as `followup --version` prints it and reports name their maker.
public enum FollowUpVersion {
    public static let current = "0.2.0"
}
