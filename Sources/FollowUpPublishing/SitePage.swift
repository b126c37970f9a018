import FollowUpModel
import FollowUpRendering

/// The frame every page of the published site shares: a skip link, the site's navigation and
/// language switch as landmarks, the page's `main`, and a footer; links relative, so that the site
/// works from a folder as from any host.
struct SitePage {
    /// The six official languages, each named in itself, in the UN's order.
    static let languages: [(Language, String)] = [
        (.ar, "العربية"), (.zh, "中文"), (.en, "English"), (.fr, "Français"), (.ru, "Русский"), (.es, "Español"),
    ]

    /// The site's own words in Chinese; English is the key. Arabic, French, Russian and Spanish
    /// pages use the English words (docs/publishing.md says why): actor names follow the page.
    static let chinese: [String: String] = [
        "Skip to content": "跳至正文", "Site": "网站", "Language": "语言", "Documents": "文件",
        "Countries and organizations": "国家和组织", "Groups": "组别", "Overdue audit": "逾期审计",
        "Universal Periodic Review": "普遍定期审议", "Search": "检索", "Site map": "网站地图",
        "What is tracked": "跟踪事项", "Recommendations": "建议", "Assignments": "落实单元", "Symbol": "文号",
        "Title": "标题", "Date": "日期", "Implemented": "已落实", "Overdue": "逾期", "Download": "下载",
        "Download this list": "下载此列表", "CSV": "CSV", "JSON Lines": "JSON Lines",
        "All recommendations": "全部建议", "Status of every assignment": "全部落实单元的状态",
        "Document": "文件", "Due": "截止日期", "Class": "类别", "Text": "案文", "Whom it binds": "约束对象",
        "Addressed as": "文中称谓", "Where each actor stands": "各行为方的落实状态", "Actor": "行为方",
        "Bound": "约束方式", "Status": "状态", "Response": "回应", "As of": "截至", "Last update": "最近更新",
        "Progress entries (accepted)": "进展记录（已核准）", "Evidence": "证据", "Note": "说明",
        "No entry yet.": "尚无记录。", "Corrections to what the importer read": "对导入结果的更正",
        "Change": "更正", "From": "原值", "To": "新值", "Reason": "原因", "Recorded": "记录时间",
        "Name": "名称", "Kind": "类别", "Members": "成员", "Words": "检索词",
        "Search the recommendations": "检索建议",
        "Search runs in your browser and needs JavaScript. Without it, every recommendation is listed on its document's page, and all of them in":
            "检索在浏览器中运行，需要 JavaScript。没有 JavaScript 时，每项建议均列在其文件的页面上，全部建议见",
        "No recommendation contains all these words.": "没有建议包含所有这些检索词。",
        "recommendations contain these words": "项建议包含这些检索词", "showing the first": "仅显示前",
        "Only accepted progress entries are published: submissions awaiting review, accounts and reviewers' comments never are.":
            "仅公布已核准的进展记录：待审核的提交、账户和审核意见一概不公布。",
        "Journal head": "记录日志头", "Published by FollowUp": "由 FollowUp 发布", "Every page of this site": "本网站的全部页面",
        "Pages": "页面", "Reviews": "审议", "State": "国家", "Cycle": "周期", "Report": "报告",
        "overdue": "逾期", "Choose a language": "选择语言", "Recommendation": "建议", "Not reported yet": "尚未报告",
        "The latest": "最近", "of": "项，共",
        "all of them are in this page's download": "全部记录见本页的下载",
    ]

    /// What kind of actor `kind` is, in words.
    static func kind(_ kind: AddresseeKind, _ language: Language) -> String {
        let words: (String, String) =
            switch kind {
            case .state: ("State", "国家")
            case .territory: ("Territory", "领土")
            case .unEntity: ("UN entity", "联合国实体")
            case .organization: ("Organization", "组织")
            case .group: ("Group", "组别")
            case .collective: ("Collective", "集体")
            }
        return language == .zh ? words.1 : words.0
    }

    static func w(_ english: String, _ language: Language) -> String {
        language == .zh ? chinese[english] ?? english : english
    }

    static func escape(_ text: String) -> String { HTMLRenderer.escape(text) }

    /// The page's path below the language folder ("documents/E-2020-31.html").
    var path: String
    var language: Language
    /// The `title` element's text (the first heading, as a rule).
    var title: String
    var body: String
    /// The lists the page offers as files: (label, CSV path, JSON Lines path), paths below the
    /// language folder.
    var downloads: [(label: String, csv: String, jsonl: String)] = []

    /// From this page to the language folder: "../" per folder below it.
    var up: String { String(repeating: "../", count: path.split(separator: "/").count - 1) }

    /// The whole page, in `language`, with `footer` (the as-of date, and what is published).
    func html(footer: String) -> String {
        let language = self.language
        let toRoot = up + "../"
        var html = """
            <!DOCTYPE html>
            <html lang="\(language == .zh ? "zh-Hans" : language.rawValue)"\(language == .ar ? " dir=\"rtl\"" : "")>
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Self.escape(title)) — FollowUp</title>
            <link rel="stylesheet" href="\(toRoot)site.css">

            """
        for (other, _) in Self.languages {
            html +=
                "<link rel=\"alternate\" hreflang=\"\(other.rawValue)\" href=\"\(toRoot)\(other.rawValue)/\(path)\">\n"
        }
        html += """
            </head>
            <body>
            <a class="skip" href="#main">\(Self.escape(Self.w("Skip to content", language)))</a>
            <header>
            <a class="home" href="\(up)index.html">FollowUp</a>
            <nav aria-label="\(Self.escape(Self.w("Site", language)))"><ul>

            """
        for (label, target) in [
            ("Documents", "index.html"), ("Countries and organizations", "actors.html"), ("Groups", "groups.html"),
            ("Overdue audit", "audit.html"), ("Search", "search.html"),
        ] {
            let current = target == path ? " aria-current=\"page\"" : ""
            html += "<li><a href=\"\(up)\(target)\"\(current)>\(Self.escape(Self.w(label, language)))</a></li>\n"
        }
        html +=
            "</ul></nav>\n<nav class=\"languages\" aria-label=\"\(Self.escape(Self.w("Language", language)))\"><ul>\n"
        for (other, name) in Self.languages {
            if other == language {
                html += "<li><span lang=\"\(other.rawValue)\" aria-current=\"true\">\(name)</span></li>\n"
            } else {
                html +=
                    "<li><a href=\"\(toRoot)\(other.rawValue)/\(path)\" lang=\"\(other.rawValue)\" hreflang=\"\(other.rawValue)\">\(name)</a></li>\n"
            }
        }
        html += "</ul></nav>\n</header>\n<main id=\"main\">\n\(body)"
        if !downloads.isEmpty {
            html += "<section class=\"downloads\" aria-label=\"\(Self.escape(Self.w("Download", language)))\">\n"
            html += "<h2>\(Self.escape(Self.w("Download", language)))</h2><ul>\n"
            for download in downloads {
                html +=
                    "<li>\(Self.escape(download.label)): <a href=\"\(up)\(download.csv)\" download>\(Self.escape(Self.w("CSV", language)))</a> · "
                    + "<a href=\"\(up)\(download.jsonl)\" download>\(Self.escape(Self.w("JSON Lines", language)))</a></li>\n"
            }
            html += "</ul></section>\n"
        }
        html += "</main>\n<footer>\n\(footer)</footer>\n</body>\n</html>\n"
        return html
    }

    /// The site's style sheet: the reports' own, the frame's, and room for a keyboard's focus.
    static let css =
        HTMLRenderer.css + """

            header { background: #0b3d91; color: #fff; padding: .5rem 1.5rem; display: flex; flex-wrap: wrap;
              gap: .4rem 1.5rem; align-items: center; }
            header a { color: #fff; }
            header a.home { font-weight: 700; font-size: 1.1rem; text-decoration: none; }
            header ul { list-style: none; display: flex; flex-wrap: wrap; gap: .3rem 1rem; margin: 0; padding: 0; }
            header nav.languages { margin-inline-start: auto; }
            header [aria-current] { font-weight: 700; }
            a { color: #0550ae; }
            a:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid #e3a008; outline-offset: 2px; }
            /* Out of sight until focused, without a far offset (which a right-to-left page scrolls to). */
            .skip { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
            .skip:focus { position: static; width: auto; height: auto; clip-path: none; display: inline-block;
              padding: .4rem; background: #fff; color: #0b3d91; }
            html[dir=rtl] li, html[dir=rtl] div.text { unicode-bidi: plaintext; }
            .text { white-space: pre-wrap; background: #f6f8fa; padding: .75rem; border-radius: 4px; }
            .overdue { color: #b3141f; font-weight: 600; }
            form[role=search] { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: 1rem 0; }
            form[role=search] input { font: inherit; padding: .35rem; min-width: 18rem; }
            form[role=search] button { font: inherit; padding: .35rem 1rem; background: #0b3d91; color: #fff;
              border: 0; border-radius: 4px; }
            ol.results li { margin-bottom: .6rem; }
            ol.results p { margin: .1rem 0; color: #32383f; }
            mark { background: #fff8c5; }
            footer { color: #57606a; }
            footer a { color: #0550ae; }
            @media print { header, .skip, .downloads { display: none; } }

            """
}

/// File names for symbols and keys: what a URL may hold without escaping, readable, and unique
/// (a name two keys would share carries a short hash of each).
struct SiteSlugs {
    private var slugs: [String: String] = [:]

    init(_ identifiers: [String]) {
        var byName: [String: [String]] = [:]
        for identifier in identifiers { byName[Self.readable(identifier), default: []].append(identifier) }
        for (name, owners) in byName {
            for owner in owners {
                slugs[owner] = owners.count == 1 ? name : name + "-" + String(SHA256.hex(Array(owner.utf8)).prefix(8))
            }
        }
    }

    func callAsFunction(_ identifier: String) -> String { slugs[identifier] ?? Self.readable(identifier) }

    /// ASCII letters, digits, `.` and `_` kept; `¶` as `p`; anything else a `-`, runs collapsed.
    static func readable(_ identifier: String) -> String {
        var result = ""
        for scalar in identifier.unicodeScalars {
            let character: Character
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", ".", "_": character = Character(scalar)
            case "¶": character = "p"
            default: character = "-"
            }
            if character == "-" && (result.isEmpty || result.hasSuffix("-")) { continue }
            result.append(character)
        }
        while result.hasSuffix("-") || result.hasSuffix(".") { result.removeLast() }
        return result.isEmpty ? "-" : result
    }
}
