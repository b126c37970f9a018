import Testing
@testable import FollowUpKit
@testable import FollowUpModel
@testable import FollowUpStore
@testable import FollowUpImport
@testable import FollowUpExchange
@testable import FollowUpReports
@testable import FollowUpReference
@testable import FollowUpBootstrap
@testable import FollowUpRendering

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test("accepts real days", arguments: ["2020-02-29", "2021-12-31", "1970-01-01", "2030-06-30"])
    func acceptsRealDays(text: String) {
        #expect(CalendarDate(text)?.description == text)
    }

    @Test(
        "refuses impossible or malformed dates",
        arguments: [
            "2021-02-30", "2021-02-29", "2021-13-01", "2021-00-10", "2021-04-31", "2021-2-3", "21-02-03",
            "2021/02/03", "2021-02-03T00:00", "", "abcd-ef-gh",
        ])
    func refusesImpossibleDates(text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test("days since the epoch round-trip")
    func daysRoundTrip() {
        for days in stride(from: -800_000, through: 2_932_896, by: 9_973) {
            #expect(CalendarDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        #expect(CalendarDate("1970-01-01")?.daysSinceEpoch == 0)
        #expect(CalendarDate.distantFuture.description == "9999-12-31")
    }

    @Test("adds days and months, clamping to the month's end")
    func arithmetic() {
        let date = CalendarDate("2020-01-31")!
        #expect(date.adding(days: 30).description == "2020-03-01")
        #expect(date.adding(months: 1).description == "2020-02-29")
        #expect(date.adding(months: 13).description == "2021-02-28")
        #expect(date.days(until: CalendarDate("2021-01-31")!) == 366)
    }
}
