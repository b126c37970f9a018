import FollowUpKit
import FollowUpSeeds
import Foundation

/// Feeds random and mutated inputs to the document importer and the CSV and JSON Lines readers.
///
/// Every input must end in a result or a `FollowUpError`: anything else (a crash, another error)
/// is a failure, and so is an input that takes longer than `timeLimit`. Deterministic from a seed,
/// so a failure reproduces.
public struct Fuzzer {
    /// What a run did.
    public struct Report: CustomStringConvertible, Sendable {
        public var documents = 0
        public var documentsImported = 0
        public var csvInputs = 0
        public var jsonInputs = 0
        public var slowest = 0.0
        public var failures: [String] = []

        public var description: String {
            "\(documents) documents (\(documentsImported) gave recommendations), \(csvInputs) CSV and \(jsonInputs) JSON Lines inputs; "
                + "slowest input \(String(format: "%.2f", slowest)) s; \(failures.count) failures"
        }
    }

    var random: SplitMix
    let database: AppDatabase
    let bases: [String]
    let timeLimit: Double

    /// A fuzzer with `seed`, failing inputs slower than `timeLimit` seconds.
    public init(seed: UInt64, timeLimit: Double = 10) throws {
        random = SplitMix(seed: seed)
        database = try AppDatabase.inMemory()
        try database.loadReferenceData(try ReferenceData.bundled())
        var bases: [String] = []
        for file in ["E-2020-31.zh.txt", "sg-report-sti-2021.zh.txt"] {
            if let bytes = SeedFiles.documentText(file) { bases.append(String(decoding: bytes, as: UTF8.self)) }
        }
        bases.append(
            "The General Assembly,\n\nRecalling its resolutions,\n\n1. Requests the Secretary-General to report;\n\n"
                + "2. Urges Member States to: (a) act; (b) report; (i) annually;\n\n3. Decides to remain seized of the matter.\n"
        )
        self.bases = bases
        self.timeLimit = timeLimit
    }

    static let fragments = [
        "\n", "\n\n", "1. ", "12. ", "(a) ", "(i) ", "(h) ", "(一) ", "(二十八) ", "㈠", "（三）", "、", "，", "；", "：", "。",
        "决议草案一\n", "决定草案\n", "第一章\n", "第二章\n", "经济及社会理事会，\n", "The General Assembly,\n", "____________\n",
        "¹", "^a ", "1 See A/70/1.\n", "20-08012 (C)\n", "3/21\n", "https://undocs.org/x\n", "五. 结论和建议\n",
        "V. Conclusions and recommendations\n", "鼓励", "请", "会员国", "不妨考虑以下建议：", "如下：", "Requests him ",
        "到2020年", "每年", "第二十四届会议", "\u{0}", "\u{FEFF}", "\t", "    ", "—", "…", "🙂", "e\u{301}",
    ]

    mutating func mutate(_ text: String) -> String {
        var characters = Array(text)
        // Work on a window so each input stays small and fast.
        if characters.count > 20_000 {
            let start = Int(random.next() % UInt64(characters.count - 20_000))
            characters = Array(characters[start..<(start + 20_000)])
        }
        for _ in 0..<(1 + Int(random.next() % 12)) {
            let position = characters.isEmpty ? 0 : Int(random.next() % UInt64(characters.count))
            switch random.next() % 6 {
            case 0:
                let fragment = Self.fragments[Int(random.next() % UInt64(Self.fragments.count))]
                characters.insert(contentsOf: fragment, at: position)
            case 1 where !characters.isEmpty:
                let length = min(characters.count - position, Int(random.next() % 400))
                characters.removeSubrange(position..<(position + length))
            case 2 where !characters.isEmpty:
                let length = min(characters.count - position, Int(random.next() % 200))
                characters.insert(
                    contentsOf: characters[position..<(position + length)],
                    at: Int(random.next() % UInt64(characters.count)))
            case 3:
                characters = Array(characters.prefix(position))
            case 4 where !characters.isEmpty:
                characters[position] = Character(Unicode.Scalar(UInt32(random.next() % 0x9FFF)) ?? "x")
            default:
                var lines = String(characters).split(separator: "\n", omittingEmptySubsequences: false)
                if lines.count > 2 {
                    lines.swapAt(Int(random.next() % UInt64(lines.count)), Int(random.next() % UInt64(lines.count)))
                }
                characters = Array(lines.joined(separator: "\n"))
            }
        }
        return String(characters)
    }

    mutating func randomBytes(alphabet: [UInt8], maximum: Int) -> [UInt8] {
        (0..<Int(random.next() % UInt64(maximum))).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
    }

    /// Runs `documents` document inputs and `records` CSV and JSON Lines inputs, or until `seconds` pass.
    public mutating func run(documents: Int, records: Int, seconds: Double = .infinity) -> Report {
        var report = Report()
        let deadline = Date().addingTimeInterval(seconds)
        func timed(_ label: String, _ body: () throws -> Void) {
            let start = Date()
            do {
                try body()
            } catch is FollowUpError {
            } catch {
                report.failures.append("\(label): unexpected error \(error)")
            }
            let elapsed = Date().timeIntervalSince(start)
            report.slowest = max(report.slowest, elapsed)
            if elapsed > timeLimit { report.failures.append("\(label): took \(elapsed) s") }
        }
        for index in 0..<documents {
            if Date() >= deadline { break }
            let text = mutate(bases[index % bases.count])
            timed("document \(index)") {
                report.documents += 1
                let plan = try database.planImport(
                    text: text,
                    options: ImportOptions(
                        symbol: "FUZZ/\(index)", date: CalendarDate("2020-06-12"), sourceName: "fuzz"))
                if !plan.items.isEmpty { report.documentsImported += 1 }
            }
        }
        let alphabet = Array(",\"\n\r|aé{}[]:;1-".utf8) + [0xFF, 0xEF, 0xBB, 0xBF, 0x00, 0xE6, 0x95]
        for index in 0..<records {
            if Date() >= deadline { break }
            let bytes = randomBytes(alphabet: alphabet, maximum: 2_000)
            for format in [ExchangeFormat.csv, .jsonl] {
                timed("\(format.rawValue) \(index)") {
                    if format == .csv { report.csvInputs += 1 } else { report.jsonInputs += 1 }
                    var reader = RecordReader(
                        source: ByteStream(bytes: bytes), format: format, sourceName: "fuzz",
                        columns: ExchangeColumns.progress, listColumns: ExchangeColumns.progressLists)
                    while try reader.next() != nil {}
                }
            }
        }
        return report
    }
}

/// SplitMix64, for reproducible random inputs.
public struct SplitMix: Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
