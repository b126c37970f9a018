import FollowUpModel
import FollowUpReports
/// The words of reports in English and Chinese: headings, statuses, "as a Member State".
///
/// Report text (a recommendation, a note) stays in its original language; only labels and actor
/// names follow `--lang`.
public enum Labels {
    static let table: [String: (en: String, zh: String)] = [
        "follow-up report": ("Follow-up report", "后续落实情况报告"),
        "country summary": ("Country status summary", "国家落实情况摘要"),
        "actor summary": ("Status summary", "落实情况摘要"),
        "overdue audit": ("Audit of overdue and silent items", "逾期和未报告事项审计"),
        "as of": ("As of", "截至"), "summary": ("Summary", "摘要"), "document": ("Document", "文件"),
        "date": ("Date", "日期"), "body": ("Body", "机构"), "recommendations": ("Recommendations", "建议"),
        "recommendation": ("Recommendation", "建议"), "assignments": ("Assignments", "落实单元"),
        "binds": ("Binds", "约束"), "status": ("Status", "状态"), "response": ("Response", "回应"),
        "latest progress": ("Latest progress", "最新进展"), "evidence": ("Evidence", "证据"),
        "due": ("Due", "截止日期"), "overdue": ("Overdue", "逾期"), "silent": ("Silent", "未按期报告"),
        "cycle": ("Cycle", "报告周期"), "through": ("Bound", "约束方式"), "last update": ("Last update", "最近更新"),
        "note": ("Note", "说明"), "actor": ("Actor", "行为方"), "age": ("Age", "逾期时长"), "days": ("Days", "天数"),
        "all assignments": ("All assignments", "全部落实单元"), "since": ("Since", "自"),
        "reason": ("Reason", "原因"), "key": ("Key", "编号"), "text": ("Text", "案文"), "by": ("Reported by", "报告方"),
        "timeline": ("Timeline of progress entries", "进展记录时间线"),
        "status by recommendation": ("Status by recommendation", "各项建议的落实状态"),
        "status by document": ("Status by document", "按文件分列的落实状态"),
        "totals by document": ("Totals by document", "按文件合计"),
        "by bucket": ("By age", "按逾期时长"), "items": ("Items", "事项"), "tracked": ("tracked recommendations", "项受跟踪建议"),
        "declaratory context": ("declaratory clauses kept as context, not tracked", "项宣示性条款作为背景保留，不跟踪"),
        "declaratory context 1": ("declaratory clause kept as context, not tracked", "项宣示性条款作为背景保留，不跟踪"),
        "tracked 1": ("tracked recommendation", "项受跟踪建议"),
        "nothing": ("Nothing to report.", "无事项。"), "group": ("Group", "组别"),

        "per state": ("Status by State (those that reported)", "各国落实状态（已报告的国家）"),
        "per organization": (
            "Status by UN entity and organization (those that reported)", "联合国实体和组织落实状态（已报告的）"
        ), "total": ("Total", "合计"),
        "group summary": ("Group status summary", "组别落实情况摘要"), "members": ("Members", "成员"),
        "name": ("Name", "名称"), "target": ("target", "目标年"),
    ]

    /// The label for `key` in `language` (English unless Chinese is asked for).
    public static func text(_ key: String, _ language: Language) -> String {
        guard let entry = table[key] else { return key }
        return language == .zh ? entry.zh : entry.en
    }

    /// An implementation status, or `unreported`, in words: "in progress" (the option value
    /// `in-progress` is for typing, not for reading).
    public static func status(_ status: ImplementationStatus?, _ language: Language) -> String {
        guard language == .zh else {
            // Literals: `words` makes a new string on every call, 77,000 times in an audit.
            switch status {
            case .notStarted: return "not started"
            case .planned: return "planned"
            case .inProgress: return "in progress"
            case .partiallyImplemented: return "partially implemented"
            case .implemented: return "implemented"
            case .notImplemented: return "not implemented"
            case .noLongerRelevant: return "no longer relevant"
            case nil: return "unreported"
            }
        }
        switch status {
        case .notStarted: return "未开始"
        case .planned: return "已规划"
        case .inProgress: return "进行中"
        case .partiallyImplemented: return "部分落实"
        case .implemented: return "已落实"
        case .notImplemented: return "未落实"
        case .noLongerRelevant: return "不再相关"
        case nil: return "未报告"
        }
    }

    /// A response, in words.
    public static func response(_ response: Response?, _ language: Language) -> String {
        guard let response else { return "—" }
        guard language == .zh else { return response.words }
        switch response {
        case .supported: return "支持"
        case .supportedImplemented: return "支持（已落实或正在落实）"
        case .supportedInPart: return "部分支持"
        case .noted: return "注意到"
        case .notApplicable: return "不适用"
        case .pending: return "待定"
        }
    }

    /// A status group.
    public static func group(_ group: StatusGroup, _ language: Language) -> String {
        switch (group, language) {
        case (.implemented, .zh): "已落实"
        case (.inProgress, .zh): "进行中"
        case (.notStarted, .zh): "未开始"
        case (.notImplemented, .zh): "未落实"
        case (.noLongerRelevant, .zh): "不再相关"
        case (.unreported, .zh): "未报告"
        case (.implemented, _): "implemented"
        case (.inProgress, _): "in progress"
        case (.notStarted, _): "not started"
        case (.notImplemented, _): "not implemented"
        case (.noLongerRelevant, _): "no longer relevant"
        case (.unreported, _): "unreported"
        }
    }

    /// How an assignment binds its actor: "as a Member State", "as an LDC", "named directly".
    public static func through(
        _ code: String, actor: String, actors: ActorDirectory, _ language: Language
    ) -> String {
        if code == actor { return language == .zh ? "直接点名" : "named directly" }
        let phrases: [String: (en: String, zh: String)] = [
            "MEMBER-STATES": ("as a Member State", "作为会员国"), "GOVERNMENTS": ("as a Government", "作为国家政府"),
            "ALL-STATES": ("as a State", "作为国家"), "LDC": ("as an LDC", "作为最不发达国家"),
            "LLDC": ("as an LLDC", "作为内陆发展中国家"), "SIDS": ("as a SIDS", "作为小岛屿发展中国家"),
            "DEVELOPING": ("as a developing country", "作为发展中国家"), "DEVELOPED": ("as a developed country", "作为发达国家"),
            "OBSERVER-STATES": ("as an observer State", "作为观察员国"),
            "REGIONAL-COMMISSIONS": ("as a regional commission", "作为区域委员会"),
        ]
        if let phrase = phrases[code] { return language == .zh ? phrase.zh : phrase.en }
        let name = actors.name(code, language)
        if code.hasPrefix("M49-") { return language == .zh ? "作为\(name)国家" : "in \(name)" }
        return language == .zh ? "作为\(name)成员" : "as a member of \(name)"
    }
}
