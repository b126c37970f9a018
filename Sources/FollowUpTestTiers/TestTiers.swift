import Foundation
import Testing

/// The tiers the tests run in, as Swift Testing tags, and which of them a run includes.
///
/// | tier | what | |
/// |---|---|---|
/// | fast | everything in-process: the library, the commands, the server on loopback | always |
/// | process | real child processes: a killed import, concurrent writers, the server's executable | |
/// | browser | headless Chromium: reports' layout and print, the workflow through Selenium | needs Chromium |
/// | corpus | the PDFs of `../shared/corpus`, through poppler | needs `../shared` |
/// | slow | long runs: the fuzzer | |
///
/// `swift test` runs every tier this machine can run. `FOLLOWUP_TEST_TIERS=fast swift test`
/// (or a comma-separated list, e.g. `fast,process`) runs only those; `.ci/run` runs them all.
public enum TestTier: String, CaseIterable, Sendable {
    case fast, process, browser, corpus, slow

    /// The tiers this run includes: `FOLLOWUP_TEST_TIERS`, else all.
    public static let selected: Set<TestTier> = {
        guard let given = ProcessInfo.processInfo.environment["FOLLOWUP_TEST_TIERS"], !given.isEmpty, given != "all"
        else { return Set(allCases) }
        return Set(
            given.split(separator: ",").compactMap { TestTier(rawValue: $0.trimmingCharacters(in: .whitespaces)) })
    }()

    /// Tags a suite with its tier and runs it only when the tier is selected.
    public var traits: [any SuiteTrait] {
        let tag: Tag =
            switch self {
            case .fast: .fast
            case .process: .process
            case .browser: .browser
            case .corpus: .corpus
            case .slow: .slow
            }
        return [
            .tags(tag),
            .enabled(if: Self.selected.contains(self), "the \(rawValue) tier is not in FOLLOWUP_TEST_TIERS"),
        ]
    }
}

extension Tag {
    /// In-process tests: the default tier.
    @Tag public static var fast: Self
    /// Tests that run real child processes.
    @Tag public static var process: Self
    /// Tests in headless Chromium.
    @Tag public static var browser: Self
    /// Tests over the real documents of `../shared/corpus`.
    @Tag public static var corpus: Self
    /// Long runs.
    @Tag public static var slow: Self
}
