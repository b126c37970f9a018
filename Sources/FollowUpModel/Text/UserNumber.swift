/// The one rule for a number a person types, as an option's value or in an environment variable:
/// it is a number, inside the range the option states, or it is refused with a message that
/// names the option and the range. Never a crash on overflow, never a silent default.
///
/// ```swift
/// try UserNumber.validate(limit, in: 1...10_000, name: "--limit", what: "a number of results")
/// let seconds = try UserNumber.parse(environment["FOLLOWUP_BUSY_TIMEOUT"], in: 0...3600, name: "FOLLOWUP_BUSY_TIMEOUT", what: "a number of seconds")
/// ```
public enum UserNumber {
    /// `value` when it lies in `range`; else an error naming `name` and the range.
    @discardableResult
    public static func validate(_ value: Int, in range: ClosedRange<Int>, name: String, what: String)
        throws(FollowUpError)
        -> Int
    {
        guard range.contains(value) else {
            throw .invalidArgument(
                field: name,
                reason: "must be \(what) from \(range.lowerBound) to \(range.upperBound): \(value) is out of range")
        }
        return value
    }

    /// The number `text` spells (a whole or decimal number, no exponent, no sign but a leading
    /// minus), when it lies in `range`; `nil` when `text` is `nil`; else an error naming `name`.
    public static func parse(_ text: String?, in range: ClosedRange<Double>, name: String, what: String)
        throws(FollowUpError) -> Double?
    {
        guard let text else { return nil }
        let trimmed = text.trimmingWhitespace()
        let plain = trimmed.drop { $0 == "-" }
        let shape =
            !plain.isEmpty && trimmed.count - plain.count <= 1
            && plain.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") } && plain.filter { $0 == "." }.count <= 1
            && plain.contains { $0.isNumber }
        guard shape, let value = Double(trimmed), value.isFinite else {
            throw .invalidArgument(
                field: name,
                reason: "'\(FieldText.displaySafe(String(text.prefix(40)), singleLine: true))' is not \(what): "
                    + "write one from \(format(range.lowerBound)) to \(format(range.upperBound))")
        }
        guard range.contains(value) else {
            throw .invalidArgument(
                field: name,
                reason: "must be \(what) from \(format(range.lowerBound)) to \(format(range.upperBound)): "
                    + "\(trimmed) is out of range")
        }
        return value
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
