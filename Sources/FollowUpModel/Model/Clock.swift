import Foundation

/// Where FollowUp reads the current time: the system clock in use, a fixed one in tests.
///
/// Everything that depends on "now" (the default `--as-of` date, the time an entry is recorded,
/// what is overdue) asks a clock, so output is deterministic under test.
public protocol FollowUpClock: Sendable {
    /// The current instant.
    func now() -> Date
}

extension FollowUpClock {
    /// Today's date in UTC.
    public func today() -> CalendarDate { CalendarDate(now()) }
}

/// The machine's clock.
public struct SystemClock: FollowUpClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that always answers the same instant.
public struct FixedClock: FollowUpClock {
    /// The instant this clock answers.
    public let instant: Date

    /// A clock stopped at `instant`.
    public init(_ instant: Date) { self.instant = instant }

    /// A clock stopped at midday UTC on `date`.
    public init(_ date: CalendarDate) {
        self.instant = Date(timeIntervalSince1970: Double(date.daysSinceEpoch) * 86_400 + 43_200)
    }

    public func now() -> Date { instant }
}

/// An instant written as ISO 8601 in UTC to the second: `2026-11-21T08:30:00Z`.
public enum Timestamp {
    /// Formats `instant` as `YYYY-MM-DDTHH:MM:SSZ`.
    public static func string(from instant: Date) -> String {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(CalendarDate(daysSinceEpoch: days))T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
    }
}
