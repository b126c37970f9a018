import Foundation
import FollowUpModel
import FollowUpStore

/// The status and response words of other trackers, mapped onto FollowUp's own.
///
/// Matching ignores case, accents and surrounding space ("En proceso de atención" =
/// "en proceso de atencion"). FollowUp's own spellings are always accepted too. The table is in
/// `docs/exchange.md`.
public enum TrackerVocabulary: String, Vocabulary {
    /// FollowUp's own words only.
    case followup
    /// Universal Periodic Review (UPR Info): Supported / Noted; fully / partially / not implemented.
    case upr
    /// IMPACT OSS: Supported, Supported in part, Noted, Not applicable; In preparation, In progress, Completed.
    case impact
    /// JIU web-based tracking: accepted, not accepted, under consideration, not relevant; implemented, in progress, not started.
    case jiu
    /// Open Government Partnership completion: No evidence, Not started, Limited, Substantial, Complete.
    case ogp
    /// SERIDH (Mexico) and SIMORE: Atendida, En proceso de atención, No atendida.
    case seridh
    /// Treaty-body follow-up grades A–E.
    case treatyBody = "treaty-body"

    public static let vocabularyName = "vocabulary"

    /// The statuses this vocabulary names, by folded word.
    public var statuses: [String: ImplementationStatus] {
        switch self {
        case .followup: [:]
        case .upr:
            [
                "fully implemented": .implemented, "implemented": .implemented,
                "partially implemented": .partiallyImplemented, "not implemented": .notImplemented,
            ]
        case .impact: ["in preparation": .planned, "in progress": .inProgress, "completed": .implemented]
        case .jiu: ["implemented": .implemented, "in progress": .inProgress, "not started": .notStarted]
        case .ogp:
            [
                "no evidence": .notStarted, "no evidence available": .notStarted, "not started": .notStarted,
                "limited": .inProgress, "substantial": .partiallyImplemented, "complete": .implemented,
                "completed": .implemented,
            ]
        case .seridh:
            [
                "atendida": .implemented, "en proceso de atencion": .inProgress, "en proceso": .inProgress,
                "no atendida": .notStarted,
            ]
        case .treatyBody:
            [
                "a": .implemented, "b": .partiallyImplemented, "b1": .partiallyImplemented, "b2": .partiallyImplemented,
                "c": .notImplemented, "d": .notStarted, "e": .notImplemented,
            ]
        }
    }

    /// The responses this vocabulary names, by folded word.
    public var responses: [String: Response] {
        switch self {
        case .followup, .ogp, .seridh, .treatyBody: [:]
        case .upr: ["supported": .supported, "noted": .noted, "partially supported": .supportedInPart]
        case .impact:
            [
                "supported": .supported, "supported in part": .supportedInPart, "noted": .noted,
                "not applicable": .notApplicable,
            ]
        case .jiu:
            [
                "accepted": .supported, "not accepted": .noted, "under consideration": .pending,
                "not relevant": .notApplicable,
            ]
        }
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The status `text` names in this vocabulary or FollowUp's own, or `nil`.
    public func status(_ text: String) -> ImplementationStatus? {
        if self == .followup, let status = ImplementationStatus(rawValue: text) { return status }
        return statuses[Self.fold(text)] ?? ImplementationStatus(lenient: text)
    }

    /// The response `text` names in this vocabulary or FollowUp's own, or `nil`.
    public func response(_ text: String) -> Response? {
        if self == .followup, let response = Response(rawValue: text) { return response }
        return responses[Self.fold(text)] ?? Response(lenient: text)
    }
}
