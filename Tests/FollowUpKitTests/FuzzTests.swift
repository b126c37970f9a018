import Testing
import FollowUpTestTiers
import FollowUpTestSupport

/// A short run of the fuzzer on every `swift test`; the long run is `followup-bench fuzz`.
@Suite("Fuzzing", .tags(.slow), .enabled(if: TestTier.selected.contains(.slow)))
struct FuzzTests {
    @Test("the importer and the readers survive random and mutated inputs", arguments: [1 as UInt64, 2, 3])
    func survives(seed: UInt64) throws {
        var fuzzer = try Fuzzer(seed: seed)
        let report = fuzzer.run(documents: 40, records: 400)
        #expect(report.failures.isEmpty, "\(report.failures.prefix(5))")
        #expect(report.documents == 40)
        #expect(report.csvInputs == 400)
    }
}
