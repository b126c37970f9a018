import Foundation
import FollowUpModel
import FollowUpReports
import ZIPFoundation

/// Renders an ``OutputDocument`` as a Word document (Office Open XML, `.docx`), for a secretariat
/// that drafts its report in Word.
///
/// Structure is carried by Word's own styles, not by inline formatting: headings are "Heading 1"
/// to "Heading 3" (so Word's navigation pane and table of contents find them), paragraphs
/// "Normal", the fields of a report "Field" with a "Field Label" character style, tables the
/// "FollowUp Table" table style with a header row that Word repeats on every page, numbers in
/// "Table Number" (right-aligned), notes and the footer "Note". Fonts are named for Latin text
/// (Calibri) and for Chinese (SimSun, with Microsoft YaHei for headings), and the document's
/// language is the report's (English or Chinese; Arabic text is not yet set right to left). Pages
/// are A4 landscape: reports have wide tables. Charts are given as tables of their counts (a
/// bar's statuses, a timeline's months), not as pictures.
public enum DocxRenderer {
    public static func render(_ document: OutputDocument, language: Language) throws(FollowUpError) -> Data {
        var body = ""
        for block in document.blocks { body += xml(block.displaySafe) }
        let parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", packageRelationships),
            ("word/_rels/document.xml.rels", documentRelationships),
            ("word/styles.xml", styles(language)),
            ("word/settings.xml", settings),
            ("docProps/core.xml", coreProperties(title: title(of: document))),
            ("word/document.xml", wordDocument(body)),
        ]
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            // A fixed date: the same report gives the same file.
            let date = Date(timeIntervalSince1970: 1_767_225_600)
            for (path, text) in parts {
                let data = Data(text.utf8)
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                    compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw FollowUpError.internalError("the Word file was not made") }
            return data
        } catch let error as FollowUpError {
            throw error
        } catch {
            throw .internalError("the Word file was not made: \(error)")
        }
    }

    /// The document's title: its first heading of level 1.
    static func title(of document: OutputDocument) -> String {
        for case .heading(let text, let level) in document.blocks where level == 1 { return text }
        return "FollowUp"
    }

    // MARK: Blocks

    static func xml(_ block: OutputDocument.Block) -> String {
        switch block {
        case .heading(let text, let level):
            return paragraph(text, style: "Heading\(min(max(level, 1), 3))")
        case .fields(let pairs):
            return pairs.map { label, value in
                "<w:p><w:pPr><w:pStyle w:val=\"Field\"/></w:pPr>"
                    + "<w:r><w:rPr><w:rStyle w:val=\"FieldLabel\"/></w:rPr>\(textRun(label + ": "))</w:r>"
                    + "<w:r>\(textRun(value))</w:r></w:p>"
            }.joined()
        case .table(let table):
            return self.table(table)
        case .text(let text):
            return text.split(separator: "\n", omittingEmptySubsequences: false).map {
                paragraph(String($0), style: "Normal")
            }.joined()
        case .footer(let text):
            return text.split(separator: "\n").map { paragraph(String($0), style: "Note") }.joined()
        case .bars(let chart):
            let groups = StatusGroup.allCases
            let columns =
                [TextTable.Column("")] + groups.map { TextTable.Column(chart.legend[$0] ?? "\($0)", alignRight: true) }
                + [TextTable.Column("Σ", alignRight: true)]
            let rows = chart.bars.map { bar in
                [bar.label] + groups.map { String(bar.counts[$0] ?? 0) } + [String(bar.total)]
            }
            return paragraph(chart.title, style: "Caption") + table(TextTable(columns: columns, rows: rows))
        case .timeline(let timeline):
            let groups = StatusGroup.allCases
            if !timeline.months.isEmpty {
                let columns =
                    [TextTable.Column("")]
                    + groups.map { TextTable.Column(timeline.legend[$0] ?? "\($0)", alignRight: true) }
                let rows = timeline.months.map { month in
                    [String(format: "%04d-%02d", month.year, month.month)]
                        + groups.map { String(month.counts[$0] ?? 0) }
                }
                return paragraph(timeline.title, style: "Caption") + table(TextTable(columns: columns, rows: rows))
            }
            let rows = timeline.points.map { [$0.date.description, timeline.legend[$0.group] ?? "", $0.label] }
            return paragraph(timeline.title, style: "Caption")
                + table(TextTable(columns: [.init(""), .init(""), .init("")], rows: rows))
        }
    }

    /// A table; a column of long text (a recommendation's) goes under its row's other cells,
    /// across the table's width, as in the HTML report, so that the other columns keep theirs.
    static func table(_ table: TextTable) -> String {
        let shown = table.columns.indices.filter { !table.columns[$0].underRow }
        let under = table.columns.indices.filter { table.columns[$0].underRow }
        let widths = columnWidths(table, shown)
        var result = "<w:tbl><w:tblPr><w:tblStyle w:val=\"FollowUpTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
        result += "<w:tblLayout w:type=\"fixed\"/>"
        result += "<w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\""
        result += " w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
        result += widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        func cell(_ text: String, width: Int, span: Int = 1, style: String) -> String {
            "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
                + (span > 1 ? "<w:gridSpan w:val=\"\(span)\"/>" : "") + "</w:tcPr>"
                + text.split(separator: "\n", omittingEmptySubsequences: false).map {
                    paragraph(String($0), style: style)
                }.joined() + "</w:tc>"
        }
        func row(_ cells: [String], header: Bool) -> String {
            var xml =
                "<w:tr>"
                + (header ? "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" : "<w:trPr><w:cantSplit/></w:trPr>")
            for (position, index) in shown.enumerated() {
                let style = header ? "TableHeading" : table.columns[index].alignRight ? "TableNumber" : "TableText"
                xml += cell(index < cells.count ? cells[index] : "", width: widths[position], style: style)
            }
            xml += "</w:tr>"
            guard !header else { return xml }
            for index in under where index < cells.count && !cells[index].isEmpty && cells[index] != "—" {
                xml += "<w:tr>" + cell(cells[index], width: 14_570, span: shown.count, style: "TableText") + "</w:tr>"
            }
            return xml
        }
        result += row(table.columns.map(\.header), header: true)
        for cells in table.rows { result += row(cells, header: false) }
        // Word needs a paragraph between two tables, and after the last one.
        return result + "</w:tbl>" + paragraph("", style: "Normal")
    }

    /// The page's text width (A4 landscape less two 2 cm margins, in twentieths of a point)
    /// shared by the columns `shown` after what they hold: each its widest value, up to its
    /// limit, and at least its header's longest word; scaled to the page.
    static func columnWidths(_ table: TextTable, _ shown: [Int]) -> [Int] {
        let page = 14_570
        let needs = shown.map { index -> Int in
            let column = table.columns[index]
            let word = column.header.split(whereSeparator: \.isWhitespace).map { DisplayWidth.of($0) }.max() ?? 1
            let widest =
                table.rows.lazy.prefix(500).map { row in
                    index < row.count ? row[index].split(separator: "\n").map { DisplayWidth.of($0) }.max() ?? 0 : 0
                }.max() ?? 0
            return max(word, min(widest, column.maxWidth ?? 40), 2) + 2
        }
        let total = max(needs.reduce(0, +), 1)
        return needs.map { page * $0 / total }
    }

    static func paragraph(_ text: String, style: String) -> String {
        "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/></w:pPr>" + (text.isEmpty ? "" : "<w:r>\(textRun(text))</w:r>")
            + "</w:p>"
    }

    /// A run's text: escaped, its tabs as Word's tabs, its spaces kept.
    static func textRun(_ text: String) -> String {
        text.split(separator: "\t", omittingEmptySubsequences: false).map {
            "<w:t xml:space=\"preserve\">\(escape(String($0)))</w:t>"
        }.joined(separator: "<w:tab/>")
    }

    /// XML's five special characters; characters XML 1.0 cannot hold (controls) are dropped.
    static func escape(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": result.append(contentsOf: "&quot;".unicodeScalars)
            case "'": result.append(contentsOf: "&apos;".unicodeScalars)
            default:
                let value = scalar.value
                if value >= 0x20 || value == 0x09 || value == 0x0A || value == 0x0D, value != 0xFFFE, value != 0xFFFF {
                    result.append(scalar)
                }
            }
        }
        return String(result)
    }

    // MARK: Package parts

    static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/word/settings.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        </Types>
        """

    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="word/document.xml"/>\
        <Relationship Id="rId2" \
        Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" \
        Target="docProps/core.xml"/>\
        </Relationships>
        """

    static let documentRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" \
        Target="styles.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" \
        Target="settings.xml"/>\
        </Relationships>
        """

    static func coreProperties(title: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(escape(title))</dc:title>\
        <dc:creator>FollowUp</dc:creator></cp:coreProperties>
        """
    }

    static let settings = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:settings xmlns:w="\(main)"><w:themeFontLang w:val="en-GB" w:eastAsia="zh-CN"/>\
        <w:defaultTabStop w:val="720"/><w:compat><w:compatSetting w:name="compatibilityMode" \
        w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>
        """

    static func wordDocument(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="\(main)"><w:body>\(body)\
        <w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>\
        <w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>\
        </w:sectPr></w:body></w:document>
        """
    }

    static func styles(_ language: Language) -> String {
        let lang =
            switch language {
            case .zh: "zh-CN"
            case .en: "en-GB"
            default: language.rawValue
            }
        func paragraphStyle(
            _ id: String, _ name: String, basedOn: String? = "Normal", paragraph: String = "", run: String = ""
        ) -> String {
            "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>"
                + (basedOn.map { "<w:basedOn w:val=\"\($0)\"/>" } ?? "") + "<w:qFormat/>"
                + (paragraph.isEmpty ? "" : "<w:pPr>\(paragraph)</w:pPr>")
                + (run.isEmpty ? "" : "<w:rPr>\(run)</w:rPr>")
                + "</w:style>"
        }
        let headingFonts =
            "<w:rFonts w:ascii=\"Calibri Light\" w:hAnsi=\"Calibri Light\" w:eastAsia=\"Microsoft YaHei\"/>"
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:styles xmlns:w="\(main)"><w:docDefaults><w:rPrDefault><w:rPr>\
            <w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri" w:eastAsia="SimSun"/>\
            <w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="\(lang)" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>\
            <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>\
            </w:docDefaults>\
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
            \(paragraphStyle("Heading1", "heading 1", paragraph: "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/>", run: headingFonts + "<w:b/><w:sz w:val=\"32\"/>"))\
            \(paragraphStyle("Heading2", "heading 2", paragraph: "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"80\"/><w:outlineLvl w:val=\"1\"/>", run: headingFonts + "<w:b/><w:sz w:val=\"26\"/>"))\
            \(paragraphStyle("Heading3", "heading 3", paragraph: "<w:keepNext/><w:spacing w:before=\"200\" w:after=\"60\"/><w:outlineLvl w:val=\"2\"/>", run: headingFonts + "<w:b/><w:sz w:val=\"22\"/>"))\
            \(paragraphStyle("Field", "Field", paragraph: "<w:spacing w:after=\"0\"/>"))\
            \(paragraphStyle("Caption", "caption", paragraph: "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/>", run: "<w:b/><w:sz w:val=\"20\"/>"))\
            \(paragraphStyle("Note", "Note", run: "<w:i/><w:color w:val=\"595959\"/><w:sz w:val=\"18\"/>"))\
            \(paragraphStyle("TableText", "Table Text", paragraph: "<w:spacing w:after=\"0\"/>", run: "<w:sz w:val=\"18\"/>"))\
            \(paragraphStyle("TableNumber", "Table Number", basedOn: "TableText", paragraph: "<w:jc w:val=\"right\"/>"))\
            \(paragraphStyle("TableHeading", "Table Heading", basedOn: "TableText", paragraph: "<w:keepNext/>", run: "<w:b/>"))\
            <w:style w:type="character" w:styleId="FieldLabel"><w:name w:val="Field Label"/><w:rPr><w:b/></w:rPr></w:style>\
            <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>\
            <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>\
            <w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>\
            </w:tblCellMar></w:tblPr></w:style>\
            <w:style w:type="table" w:styleId="FollowUpTable"><w:name w:val="FollowUp Table"/>\
            <w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>\
            <w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/>\
            <w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/>\
            <w:insideH w:val="single" w:sz="2" w:space="0" w:color="BFBFBF"/></w:tblBorders></w:tblPr>\
            <w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" \
            w:fill="E7EEF5"/></w:tcPr></w:tblStylePr></w:style>\
            </w:styles>
            """
    }
}
