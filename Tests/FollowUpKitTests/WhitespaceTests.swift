import Foundation
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

/// The importer's own trimming, held to Foundation's `trimmingCharacters(in: .whitespaces)`.
@Suite struct WhitespaceTests {
    @Test(
        "trims what Foundation trims, and nothing else",
        arguments: [
            "", " ", "\t \t", "plain", "  both  ", "\tTabbed\t", "\u{00A0}no-break\u{00A0}", "\u{3000}全角\u{3000}",
            "\u{2003}em\u{2009}thin\u{2009}", "\u{202F}narrow", "line\n", "\nline", "\u{200B}zero-width\u{200B}",
            " e\u{0301} ", " \u{0301}mark", "¶ 49 ", "  （a） ", "\r\n", "\u{1680}ogham",
        ])
    func sameAsFoundation(text: String) {
        #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces))
        #expect(Substring(text).trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces))
    }

    @Test("every Unicode space separator and the tab, the zero-width space, and no other character of the BMP, is cut")
    func everyScalar() {
        for value in UInt32(0)..<0x1_0000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar)) + "x"
            #expect(
                text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces), "U+\(String(value, radix: 16))")
        }
    }
}
