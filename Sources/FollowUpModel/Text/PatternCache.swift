import Foundation

/// Regular expressions compiled once per pattern and shared.
///
/// Foundation's `range(of:options: .regularExpression)` compiles its pattern on every call; the
/// importer tests every line of a document against a dozen patterns, so a 50 MB document would
/// spend minutes compiling. Patterns here are the importer's own constants.
package final class PatternCache: @unchecked Sendable {
    package static let shared = PatternCache()
    private let lock = NSLock()
    private var compiled: [String: NSRegularExpression] = [:]

    package func regex(_ pattern: String) -> NSRegularExpression {
        lock.lock()
        defer { lock.unlock() }
        if let regex = compiled[pattern] { return regex }
        // A pattern that does not compile matches nothing (the patterns are constants, tested).
        let regex = (try? NSRegularExpression(pattern: pattern)) ?? PatternCache.never
        compiled[pattern] = regex
        return regex
    }

    private static let never: NSRegularExpression = {
        guard let regex = try? NSRegularExpression(pattern: "(?!)") else { preconditionFailure("(?!) compiles") }
        return regex
    }()
}

extension String {
    /// Whether the regular expression `pattern` matches somewhere in the string.
    package func matches(pattern: String) -> Bool {
        PatternCache.shared.regex(pattern).firstMatch(in: self, range: NSRange(startIndex..., in: self)) != nil
    }

    /// The string with every match of `pattern` replaced by `template` (`$1` for groups).
    package func replacing(pattern: String, with template: String) -> String {
        PatternCache.shared.regex(pattern).stringByReplacingMatches(
            in: self, range: NSRange(startIndex..., in: self), withTemplate: template)
    }
}
