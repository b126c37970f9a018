import FollowUpModel
import FollowUpStore
/// The importer's regular expressions, built once.
///
/// A regex literal in a function is parsed again every time the function runs: testing every
/// line of a document against a dozen of them spent half of an import's time re-parsing patterns
/// (a 1 MB text took 11 s). Kept here, each is parsed once per process.
enum ImportPatterns {
    nonisolated(unsafe) static let chineseDraftResolution = /^决议草案([一二三四五六七八九十]+)$/
    nonisolated(unsafe) static let chineseDraftDecision = /^决定草案([一二三四五六七八九十]*)$/
    nonisolated(unsafe) static let draftResolution = /^Draft resolution ([IVXL]+)$/
    nonisolated(unsafe) static let draftDecision = /^Draft decision( [IVXL]+)?$/
    nonisolated(unsafe) static let numberLabel = /^(\d{1,4})\.\s*(?=\S)/
    nonisolated(unsafe) static let labelOnly = /\d{1,4}\.|\(([a-z]{1,2}|[ivxl]{1,6})\)|\([一二三四五六七八九十]{1,4}\)/
    nonisolated(unsafe) static let letterLabel = /^\(([a-z]{1,2}|[ivxl]{1,6})\)\s*/
    /// A roman numeral with a full stop, as some Security Council texts number sub-items: "ii.\tA joint …".
    nonisolated(unsafe) static let romanDotLabel = /^([ivx]{1,5})\.\s+(?=[A-Z])/
    nonisolated(unsafe) static let chineseLabel = /^\(([一二三四五六七八九十]{1,4})\)\s*/
    /// `大会，`; a main organ also bare on its line (`安全理事会`), as web pages lay it out.
    nonisolated(unsafe) static let chineseOrgan =
        /^(?:(大会|经济及社会理事会|安全理事会|人权理事会|托管理事会|[\p{Han}、和及]{2,30}委员会)[，,：:]|(大会|经济及社会理事会|安全理事会|人权理事会))$/
    /// An organ inside a line of running text: "… 大会, 审议了…", "… The General Assembly, Recalling …".
    nonisolated(unsafe) static let inlineOrgan =
        /(?:大会|经济及社会理事会|安全理事会|人权理事会|The (?:General Assembly|Economic and Social Council|Security Council|Human Rights Council))\s*[,，:：]/
    nonisolated(unsafe) static let englishOrgan =
        /^The ((General Assembly|Economic and Social Council|Security Council|Human Rights Council)[,:]?|(Commission|Committee|Council|Conference|Board|Assembly)( [A-Za-z ,\-]+)?[,:])$/
    nonisolated(unsafe) static let yearDeadline =
        /到\s*(\d{4})\s*年|(\d{4})\s*年(?:以前|之前|前)|[Bb]y (?:the end of )?(\d{4})\b/
    nonisolated(unsafe) static let chineseOwnSession = /(?:委员会|其|本)第([一二三四五六七八九十]+)届(?:年度)?会议/
    /// In a General Assembly document: 向大会第七十九届会议报告.
    nonisolated(unsafe) static let chineseAssemblySession = /大会第([一二三四五六七八九十]+)届(?:年度)?会议/
    /// 2023年12月7日大会决议, 大会2023年12月4日通过的决议, 2023年7月26日经济及社会理事会决定.
    nonisolated(unsafe) static let chineseAdoption =
        /(\d{4})年(\d{1,2})月(\d{1,2})日(?:(?:(?:大会|经济及社会理事会|安全理事会|人权理事会)(?:通过的)?|通过的)(?:决议|决定)|安全理事会第\d+次会议通过)/
    /// "within 30 days", "within six months": a period counted from the document's date.
    nonisolated(unsafe) static let withinPeriod =
        /\bwithin (\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|eighteen|twenty|thirty|forty-five|sixty|ninety) (days?|weeks?|months?|years?)\b/
    /// A clause that asks for a report or a briefing.
    nonisolated(unsafe) static let reportingVerb = /\b(?:report|submit|present|brief|inform)/
    /// "9th plenary meeting", "41st meeting", "第53次全体会议": the meeting that adopted a resolution.
    nonisolated(unsafe) static let meetingLine = /^(?:\d{1,4}(?:st|nd|rd|th) (?:plenary )?meeting\b|第\d{1,4}次(?:全体)?会议)/
    /// "Adopted by the Security Council at its 9586th meeting, on 25 March 2024" (also "on21 …",
    /// as the XML of S/RES/2719 (2023) has it).
    nonisolated(unsafe) static let meetingAdoption =
        /Adopted by the [A-Z][A-Za-z ]{2,60} at its \d+(?:st|nd|rd|th) meeting,? on ?(\d{1,2}) ([A-Z][a-z]+) (\d{4})/
    nonisolated(unsafe) static let englishOwnSession = /(?:at|to|before) its ([a-z]+(?:-[a-z]+)?) session/
}
