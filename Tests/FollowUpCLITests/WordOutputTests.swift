import Foundation
import Testing
import FollowUpTestTiers
import FollowUpKit
import FollowUpTestSupport

/// Whether python-docx, a maintained reader of Word files, is installed (`.ci/run` installs
/// Debian's `python3-docx`; there a missing reader fails instead of skipping).
enum WordReader {
    static let installed: Bool = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { return false }
        return (try? Browser.output(of: "/usr/bin/python3", ["-c", "import docx; print('ok')"]))?.hasPrefix("ok")
            == true
    }()

    /// What python-docx reads in the file: each paragraph's style and text, each table's rows and
    /// whether its first row repeats on every page, the default fonts, the title.
    struct Contents: Decodable {
        struct Table: Decodable {
            var rows: [[String]]
            var headerRepeats: Bool
        }

        var paragraphs: [[String]]
        var tables: [Table]
        var latinFont: String?
        var eastAsianFont: String?
        var title: String
        /// Each picture: its description, whether its PNG decodes with the right size, and the
        /// content type of the SVG beside it.
        var pictures: [Picture]
        /// Whether paragraphs run right to left by default, and tables with them.
        var rightToLeft: Bool
        var tablesRightToLeft: Bool
    }

    struct Picture: Decodable {
        var description: String
        var pngWidth: Int
        var pngHeight: Int
        var svgType: String
    }

    static let script = """
        import docx, json, sys
        from docx.oxml.ns import qn
        d = docx.Document(sys.argv[1])
        tables = []
        for t in d.tables:
            rows = [[c.text for c in r.cells] for r in t.rows]
            trPr = t.rows[0]._tr.trPr
            tables.append({"rows": rows, "headerRepeats": trPr is not None and trPr.find(qn("w:tblHeader")) is not None})
        fonts = d.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
        import struct, zlib
        pictures = []
        for shape in d.inline_shapes:
            inline = shape._inline
            blip = inline.graphic.graphicData.pic.blipFill.blip
            png = d.part.related_parts[blip.embed].blob
            assert png[:8] == bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            width, height = struct.unpack(">II", png[16:24])
            # Every chunk's CRC holds and the rows inflate to height * (1 + 3 * width) bytes.
            at, data = 8, b""
            while at < len(png):
                size, kind = struct.unpack(">I4s", png[at:at + 8])
                body = png[at + 8:at + 8 + size]
                assert zlib.crc32(kind + body) == struct.unpack(">I", png[at + 8 + size:at + 12 + size])[0]
                if kind == b"IDAT": data += body
                at += 12 + size
            assert len(zlib.decompress(data)) == height * (1 + 3 * width)
            svg = blip.find(".//{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip")
            svgPart = d.part.related_parts[svg.get(qn("r:embed"))]
            pictures.append({"description": inline.docPr.get("descr"), "pngWidth": width, "pngHeight": height,
                             "svgType": svgPart.content_type})
        pPr = d.styles.element.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
        table_style = [s for s in d.styles.element.findall(qn("w:style")) if s.get(qn("w:styleId")) == "FollowUpTable"][0]
        print(json.dumps({
            "pictures": pictures,
            "rightToLeft": pPr.find(qn("w:bidi")) is not None,
            "tablesRightToLeft": table_style.find(qn("w:tblPr")).find(qn("w:bidiVisual")) is not None,
            "paragraphs": [[p.style.name, p.text] for p in d.paragraphs],
            "tables": tables,
            "latinFont": fonts.get(qn("w:ascii")),
            "eastAsianFont": fonts.get(qn("w:eastAsia")),
            "title": d.core_properties.title,
        }))
        """

    static func read(_ path: String) throws -> Contents {
        let json = try Browser.output(of: "/usr/bin/python3", ["-c", script, path])
        return try JSONDecoder().decode(Contents.self, from: Data(json.utf8))
    }
}

@Suite(
    "Reports as Word documents", .tags(.process),
    .enabled(if: TestTier.selected.contains(.process) && (WordReader.installed || Browser.required)))
struct WordOutputTests {
    static let fixture = Result { try reportFixture() }

    func word(_ arguments: [String]) throws -> WordReader.Contents {
        #expect(WordReader.installed, "python-docx is not installed: apt-get install python3-docx")
        let cli = try Self.fixture.get()
        let path = cli.folder.file("report-\(UUID().uuidString).docx")
        let result = cli.run(arguments + ["--format", "docx", "-o", path])
        #expect(result.exitCode == 0, "\(result.standardError)")
        return try WordReader.read(path)
    }

    @Test("the follow-up report in Word: Word's headings, tables whose header row repeats, totals that add up")
    func documentReport() throws {
        let word = try word(["report", "document", "TEST/1", "--as-of", "2024-01-01"])
        let headings = word.paragraphs.filter { $0[0].hasPrefix("Heading") }
        let recommendationsHeading = headings.filter { $0 == ["Heading 2", "Status by recommendation"] }
        #expect(headings.first?[0] == "Heading 1")
        #expect(headings.first?[1].hasPrefix("Follow-up report: TEST/1") == true)
        #expect(recommendationsHeading.count == 1)
        #expect(word.title == headings.first?[1])
        #expect(word.latinFont == "Calibri" && word.eastAsianFont == "SimSun")
        let repeated = word.tables.filter(\.headerRepeats).count
        #expect(!word.tables.isEmpty && repeated == word.tables.count)
        // The table of recommendations: each row's statuses add up to its assignments.
        let main = try #require(word.tables.first { $0.rows.first?.first == "Key" })
        let header = main.rows[0]
        let assignments = try #require(header.firstIndex(of: "Assignments"))
        let statuses = [
            "implemented", "in progress", "not started", "not implemented", "no longer relevant", "unreported",
        ]
        .compactMap { header.firstIndex(of: $0) }
        #expect(statuses.count == 6, "\(header)")
        // A recommendation's text is a row of its own under its cells, one cell across the table.
        let rows = main.rows.dropFirst().filter { Set($0).count > 1 }
        #expect(main.rows.count > rows.count + 1)
        #expect(rows.count == 4)  // TEST/1's four tracked paragraphs (¶4 is declaratory)
        var total = 0
        for row in rows {
            let sum = statuses.compactMap { Int(row[$0]) }.reduce(0, +)
            #expect(sum == Int(row[assignments]), "\(row)")
            total += sum
        }
        // The chart of all assignments, as a table, holds the same total.
        let chart = try #require(word.tables.first { $0.rows.first?.last == "Σ" })
        #expect(chart.rows.dropFirst().compactMap { Int($0.last ?? "") }.reduce(0, +) == total)
        // Each chart is also a picture (a PNG that decodes, an SVG beside it) with a description.
        #expect(word.pictures.count >= 2, "\(word.pictures)")
        for picture in word.pictures {
            #expect(picture.svgType == "image/svg+xml" && picture.pngWidth == 1200 && picture.pngHeight > 0)
        }
        #expect(word.pictures.first?.description.hasPrefix("All assignments: TEST/1 ") == true)
        #expect(!word.rightToLeft && !word.tablesRightToLeft)
        // The same figures as the CSV of the report.
        let csv = try Self.fixture.get().succeed([
            "report", "document", "TEST/1", "--as-of", "2024-01-01", "--format", "csv",
        ])
        let csvAssignments = csv.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",")[2] }
        #expect(rows.map { $0[assignments] } == csvAssignments.map(String.init))
    }

    @Test("a country summary, the audit and a refusal without a file name")
    func otherReports() throws {
        let country = try word(["report", "country", "ETH", "--as-of", "2024-01-01", "--lang", "zh"])
        #expect(country.paragraphs.first?[0] == "Heading 1")
        #expect(country.tables.filter(\.headerRepeats).count == country.tables.count)
        let rows = country.tables.flatMap(\.rows)
        #expect(rows.contains { $0.contains("TEST/1 ¶1") })
        let audit = try word(["audit", "overdue", "--as-of", "2024-01-01"])
        let auditHeadings = audit.paragraphs.filter { $0[0] == "Heading 1" }
        #expect(!auditHeadings.isEmpty)
        let actorTables = audit.tables.filter { $0.rows.first?.first == "Actor" }
        #expect(!actorTables.isEmpty)

        // Arabic runs right to left: paragraphs and tables.
        let arabic = try word(["report", "country", "ETH", "--as-of", "2024-01-01", "--lang", "ar"])
        #expect(arabic.rightToLeft && arabic.tablesRightToLeft)
        #expect(arabic.paragraphs.first?[1].contains("إثيوبيا") == true)

        let refused = try Self.fixture.get().run(["report", "document", "TEST/1", "--format", "docx"])
        #expect(refused.exitCode == 65)  // refused before anything is read, as --format pdf is
        #expect(refused.standardError.contains("-o report.docx"))
    }
}
