import Testing

@testable import FollowUpImport

/// The reader of a Word document's `word/document.xml`, on markup written as Word writes it.
@Suite struct WordTextTests {
    func read(_ xml: String) -> (paragraphs: [String], malformedLine: Int?) {
        var reader = WordText.DocumentXMLReader()
        let line = reader.read(Array(xml.utf8))
        return (reader.paragraphs, line)
    }

    @Test("paragraphs, runs, entities, tabs, breaks, comments, CDATA and Word's numbering")
    func wellFormed() {
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <!-- made by hand -->
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
            <w:p w:rsidR="00A1"><w:r><w:t xml:space="preserve">The General Assembly, </w:t></w:r></w:p>
            <w:p/>
            <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr></w:pPr>
              <w:r><w:t>Urges</w:t></w:r><w:r><w:t xml:space='preserve'> States &amp; &quot;partners&quot; &#8220;to act&#x201D;</w:t></w:r></w:p>
            <w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="4"/></w:numPr></w:pPr><w:r><w:t>to report</w:t><w:tab/><w:t>yearly</w:t><w:br/><w:t><![CDATA[a < b]]></w:t></w:r></w:p>
            <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr></w:pPr><w:r><w:t>Decides</w:t></w:r></w:p>
            <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Unnumbered</w:t></w:r></w:p>
            </w:body></w:document>
            """
        let (paragraphs, line) = read(xml)
        #expect(line == nil)
        #expect(
            paragraphs == [
                "The General Assembly,", "", "1. Urges States & \"partners\" \u{201C}to act\u{201D}",
                "(a) to report\tyearly\na < b", "2. Decides", "Unnumbered",
            ])
    }

    @Test(
        "malformed markup is refused with the line where it goes wrong",
        arguments: [
            ("<w:document>\n<w:p><w:t>text</w:p>\n</w:document>", 2),  // </w:p> closes <w:t>
            ("<w:document>\n<w:p><w:t>a &nbsp; b</w:t></w:p>\n</w:document>", 2),  // not an XML entity
            ("<w:document>\n<w:p>\n<w:t>cut off", 3),  // the file ends inside elements
            ("<w:document>\n<w:p w:val=\"1></w:p></w:document>", 2),  // an unclosed quote
            ("<w:document></w:document>\n<w:document/>", 2),  // a second root
            ("<w:document>\n<!-- not closed\n</w:document>", 2),
        ])
    func malformed(xml: String, line: Int) {
        #expect(read(xml).malformedLine == line)
    }
}
