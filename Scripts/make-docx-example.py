#!/usr/bin/env python3
"""Writes docs/examples/A_RES_78_19.docx: resolution 78/19 as a Word document.

    python3 Scripts/make-docx-example.py items.json docs/examples/A_RES_78_19.docx

items.json is `followup import document docs/examples/A_RES_78_19.pdf --dry-run --format json`.
The heading lines and the preamble's first paragraphs are those of the PDF; the operative
paragraphs are numbered by Word itself (w:numPr), not typed, as in the Secretariat's templates,
so that the importer must write the numbers out as a reader sees them.
"""
import json, sys, zipfile
from xml.sax.saxutils import escape

items = json.load(open(sys.argv[1]))
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def paragraph(text, numbered=False, level=0):
    numbering = f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr>' if numbered else ""
    return f'<w:p>{numbering}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


body = [
    paragraph("United Nations"), paragraph("A/RES/78/19"), paragraph("General Assembly"),
    paragraph("Distr.: General"), paragraph("6 December 2023"), paragraph("Seventy-eighth session"),
    paragraph("Agenda item 97 (a)"),
    paragraph("Resolution adopted by the General Assembly on 4 December 2023"),
    paragraph("[on the report of the First Committee (A/78/407, para. 15)]"),
    paragraph("78/19.\tPrevention of an arms race in outer space"),
    paragraph("The General Assembly,"),
    paragraph("Recognizing the common interest of all humankind in the exploration and use of outer space for "
              "peaceful purposes,"),
    paragraph("Recognizing that the prevention of an arms race in outer space would avert a grave danger for "
              "international peace and security,"),
]
body += [paragraph(item["text"], numbered=True) for item in items]
document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{"".join(body)}</w:body></w:document>'
content_types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                 '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>')
rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
document_rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>')
numbering = (f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {W}><w:abstractNum w:abstractNumId="0">'
             '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
             '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>'
             '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as archive:
    archive.writestr("[Content_Types].xml", content_types)
    archive.writestr("_rels/.rels", rels)
    archive.writestr("word/_rels/document.xml.rels", document_rels)
    archive.writestr("word/document.xml", document)
    archive.writestr("word/numbering.xml", numbering)
