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
/// language is the report's; in Arabic, paragraphs and tables run right to left. Pages are A4
/// landscape: reports have wide tables. Each chart is a picture (SVG with its labels, which Word
/// 2016 and later show, and a PNG of its shapes for other readers), with a description for screen
/// readers, followed by a table of its counts (a bar's statuses, a timeline's months).
public enum DocxRenderer {
    public static func render(_ document: OutputDocument, language: Language) throws(FollowUpError) -> Data {
        var body = ""
        var media = Media(rightToLeft: language == .ar)
        for block in document.blocks { body += try xml(block.displaySafe, media: &media) }
        var parts: [(String, Data)] = [
            ("[Content_Types].xml", Data(contentTypes.utf8)),
            ("_rels/.rels", Data(packageRelationships.utf8)),
            ("word/_rels/document.xml.rels", Data(documentRelationships(media).utf8)),
            ("word/styles.xml", Data(styles(language).utf8)),
            ("word/settings.xml", Data(settings.utf8)),
            ("docProps/core.xml", Data(coreProperties(title: title(of: document)).utf8)),
            ("word/document.xml", Data(wordDocument(body, rightToLeft: language == .ar).utf8)),
        ]
        parts += media.files.map { ("word/" + $0.name, $0.data) }
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            // A fixed date: the same report gives the same file.
            let date = Date(timeIntervalSince1970: 1_767_225_600)
            for (path, data) in parts {
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

    /// The pictures of a document: each chart's PNG and SVG, as parts of the package.
    struct Media {
        /// Whether the document runs right to left (Arabic): its paragraphs of left-to-right text
        /// (a recommendation in Chinese or English, a date) then run left to right.
        var rightToLeft = false
        var files: [(name: String, data: Data)] = []
        var pictures: Int { files.count / 2 }

        /// Adds a chart's two pictures; returns their relationship ids (PNG, SVG) and number.
        mutating func add(png: Data, svg: String) -> (png: String, svg: String, number: Int) {
            let number = pictures + 1
            files.append(("media/chart\(number).png", png))
            files.append(("media/chart\(number).svg", Data(svg.utf8)))
            return ("rIdChart\(number)", "rIdChartSVG\(number)", number)
        }
    }

    /// The document's title: its first heading of level 1.
    static func title(of document: OutputDocument) -> String {
        for case .heading(let text, let level) in document.blocks where level == 1 { return text }
        return "FollowUp"
    }

    // MARK: Blocks

    static func xml(_ block: OutputDocument.Block, media: inout Media) throws(FollowUpError) -> String {
        switch block {
        case .heading(let text, let level):
            return paragraph(text, style: "Heading\(min(max(level, 1), 3))")
        case .fields(let pairs):
            let rtl = media.rightToLeft
            return pairs.map { label, value in
                "<w:p><w:pPr><w:pStyle w:val=\"Field\"/>\(direction(label, rtl: rtl))</w:pPr>"
                    + "<w:r><w:rPr><w:rStyle w:val=\"FieldLabel\"/></w:rPr>\(textRun(label + ": "))</w:r>"
                    + "<w:r>\(textRun(value))</w:r></w:p>"
            }.joined()
        case .table(let table):
            return self.table(table, rtl: media.rightToLeft)
        case .text(let text):
            return text.split(separator: "\n", omittingEmptySubsequences: false).map {
                paragraph(String($0), style: "Normal", rtl: media.rightToLeft)
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
            let description =
                chart.title + ": "
                + chart.bars.map { bar in
                    bar.label + " "
                        + groups.compactMap { group in
                            (bar.counts[group] ?? 0) > 0
                                ? "\(chart.legend[group] ?? "\(group)") \(bar.counts[group] ?? 0)" : nil
                        }.joined(separator: ", ")
                }.joined(separator: "; ")
            return paragraph(chart.title, style: "Caption")
                + (try picture(
                    ChartImage.bars(chart), svg: HTMLRenderer.standalone(HTMLRenderer.barsSVG(chart)),
                    description: description, media: &media))
                + table(TextTable(columns: columns, rows: rows), rtl: media.rightToLeft)
        case .timeline(let timeline):
            let groups = StatusGroup.allCases
            var drawn = ""
            if let image = ChartImage.timeline(timeline), let svg = HTMLRenderer.timelineSVG(timeline) {
                let counts = timeline.monthCounts
                let description =
                    "\(timeline.title): \(counts.map(\.total).reduce(0, +)) entries from "
                    + "\(counts.first.map { String(format: "%04d-%02d", $0.year, $0.month) } ?? "") to "
                    + "\(counts.last.map { String(format: "%04d-%02d", $0.year, $0.month) } ?? "")"
                drawn = try picture(image, svg: HTMLRenderer.standalone(svg), description: description, media: &media)
            }
            if !timeline.months.isEmpty {
                let columns =
                    [TextTable.Column("")]
                    + groups.map { TextTable.Column(timeline.legend[$0] ?? "\($0)", alignRight: true) }
                let rows = timeline.months.map { month in
                    [String(format: "%04d-%02d", month.year, month.month)]
                        + groups.map { String(month.counts[$0] ?? 0) }
                }
                return paragraph(timeline.title, style: "Caption") + drawn
                    + table(TextTable(columns: columns, rows: rows), rtl: media.rightToLeft)
            }
            let rows = timeline.sortedPoints.enumerated().map { number, point in
                ["\(number + 1)", point.date.description, timeline.legend[point.group] ?? "", point.label]
            }
            return paragraph(timeline.title, style: "Caption") + drawn
                + table(
                    TextTable(columns: [.init("#", alignRight: true), .init(""), .init(""), .init("")], rows: rows),
                    rtl: media.rightToLeft)
        }
    }

    /// A chart's picture in a paragraph of its own, 9 inches wide: the PNG, with the SVG as
    /// Office 2016's extension of it, and `description` for screen readers.
    static func picture(_ image: ChartImage, svg: String, description: String, media: inout Media)
        throws(FollowUpError) -> String
    {
        let png: Data
        do { png = try image.png() } catch { throw .internalError("the chart's picture was not made: \(error)") }
        let ids = media.add(png: png, svg: svg)
        let width = 8_229_600
        let height = width * image.height / max(image.width, 1)
        return """
            <w:p><w:pPr><w:pStyle w:val="Normal"/><w:keepNext/></w:pPr><w:r><w:drawing>\
            <wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="\(width)" cy="\(height)"/>\
            <wp:docPr id="\(ids.number)" name="Chart \(ids.number)" descr="\(escape(description))"/>\
            <wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>\
            <a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">\
            <pic:pic><pic:nvPicPr><pic:cNvPr id="\(ids.number)" name="chart\(ids.number).png"/><pic:cNvPicPr/></pic:nvPicPr>\
            <pic:blipFill><a:blip r:embed="\(ids.png)"><a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}">\
            <asvg:svgBlip r:embed="\(ids.svg)"/></a:ext></a:extLst></a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
            <pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="\(width)" cy="\(height)"/></a:xfrm>\
            <a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>\
            </wp:inline></w:drawing></w:r></w:p>
            """
    }

    /// A table; a column of long text (a recommendation's) goes under its row's other cells,
    /// across the table's width, as in the HTML report, so that the other columns keep theirs.
    static func table(_ table: TextTable, rtl: Bool = false) -> String {
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
                    paragraph(String($0), style: style, rtl: rtl)
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

    /// A paragraph of `style`; in a right-to-left document (`rtl`), one whose first letter is not
    /// Arabic or Hebrew runs left to right, as HTML's `unicode-bidi: plaintext` has it.
    static func paragraph(_ text: String, style: String, rtl: Bool = false) -> String {
        "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/>\(direction(text, rtl: rtl))</w:pPr>"
            + (text.isEmpty ? "" : "<w:r>\(textRun(text))</w:r>")
            + "</w:p>"
    }

    /// `<w:bidi w:val="0"/>` for text in a right-to-left document whose first strong letter reads
    /// left to right; nothing otherwise (the document's direction holds).
    static func direction(_ text: String, rtl: Bool) -> String {
        guard rtl else { return "" }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF: return ""
            default:
                if scalar.properties.isAlphabetic { return "<w:bidi w:val=\"0\"/>" }
            }
        }
        return ""
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
        <Default Extension="png" ContentType="image/png"/>\
        <Default Extension="svg" ContentType="image/svg+xml"/>\
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

    static func documentRelationships(_ media: Media) -> String {
        var pictures = ""
        for number in stride(from: 1, through: media.pictures, by: 1) {
            let image = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
            pictures += "<Relationship Id=\"rIdChart\(number)\" Type=\"\(image)\" Target=\"media/chart\(number).png\"/>"
            pictures +=
                "<Relationship Id=\"rIdChartSVG\(number)\" Type=\"\(image)\" Target=\"media/chart\(number).svg\"/>"
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" \
            Target="styles.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" \
            Target="settings.xml"/>\(pictures)\
            </Relationships>
            """
    }

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

    /// The document part; `rightToLeft` sets its section's pages right to left (Arabic).
    static func wordDocument(_ body: String, rightToLeft: Bool) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="\(main)" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
        xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
        xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
        xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" \
        xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main"><w:body>\(body)\
        <w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>\
        <w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>\
        \(rightToLeft ? "<w:bidi/>" : "")</w:sectPr></w:body></w:document>
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
            <w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="\(lang)" w:eastAsia="zh-CN"\(language == .ar ? " w:bidi=\"ar-SA\"" : "")/></w:rPr></w:rPrDefault>\
            <w:pPrDefault><w:pPr>\(language == .ar ? "<w:bidi/>" : "")<w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>\
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
            <w:basedOn w:val="TableNormal"/><w:tblPr>\(language == .ar ? "<w:bidiVisual/>" : "")<w:tblBorders>\
            <w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/>\
            <w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/>\
            <w:insideH w:val="single" w:sz="2" w:space="0" w:color="BFBFBF"/></w:tblBorders></w:tblPr>\
            <w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" \
            w:fill="E7EEF5"/></w:tcPr></w:tblStylePr></w:style>\
            </w:styles>
            """
    }
}
