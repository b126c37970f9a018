#!/usr/bin/env python3
"""The completeness guarantee, tried on the UN's own XML: no operative paragraph lost in silence.

    python3 Scripts/census-sweep.py [--bin .build/debug/followup] [--keep DIR] [XML_FOLDER…]

For each Akoma Ntoso file (UNxml, the UN's own markup of its resolutions) in the folders given
(by default Tests/FollowUpKitTests/Fixtures/sweep/raw and Tests/FollowUpKitTests/Fixtures/layouts/raw),
the XML says how many operative paragraphs the resolution has (the <paragraph>s of <mainBody>).
Its text is laid out three ways, as the importer meets text in the world:

- blocks:  one line per paragraph, a blank line between (a web page, a word processor);
- wrapped: wrapped at 88 columns (40 for Chinese) with no blank lines (pdftotext of a PDF);
- alone:   wrapped, each paragraph's number alone on its line (PyMuPDF, a PDF viewer's copy);

footnote markers glued where the XML has them, footnotes after a rule at the end. Each is given
to `followup import document --dry-run --format json`, and the top-level paragraphs it reads are
compared with the XML's. Each run is "ok" (every paragraph read), "refused" (a non-zero exit, with
the importer's message) or "LOSS" (exit 0 with paragraphs missing or extra: what must never
happen). Exits 1 if any run is a LOSS.
"""
import argparse, glob, json, os, re, subprocess, sys, tempfile, textwrap
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "FollowUpKitTests", "Fixtures")


def tag(element):
    return element.tag.split("}")[1]


def text_of(element, notes):
    """The element's words, each footnote (authorialNote) replaced by its marker and collected."""
    parts = []

    def walk(node):
        if tag(node) == "authorialNote":
            marker = node.get("marker", "")
            notes.append((marker, " ".join("".join(node.itertext()).split())))
            parts.append(marker)
        else:
            if tag(node) == "eol":
                parts.append(" ")
            parts.append(node.text or "")
            for child in node:
                walk(child)
        parts.append(node.tail or "")

    parts.append(element.text or "")
    for child in element:
        walk(child)
    return " ".join("".join(parts).split())


def read(path):
    """(blocks, notes, operative paragraphs) of one XML file; a block is (kind, label, text)."""
    raw = open(path, encoding="utf-8").read()
    document = ET.fromstring(raw[raw.find("<akomaNtoso"):])[0]
    notes, blocks, operative = [], [], 0

    def paragraph(node, label, kind):
        intro, points = [], []
        for child in node:
            if tag(child) == "num":
                continue
            if tag(child) == "list":
                for item in child:
                    if tag(item) == "intro":
                        intro.append(text_of(item, notes))
                    elif tag(item) in ("point", "item", "subparagraph", "paragraph"):
                        points.append(item)
            elif tag(child) in ("point", "subparagraph"):
                points.append(child)
            else:
                intro.append(text_of(child, notes))
        blocks.append((kind, label, " ".join(text for text in intro if text)))
        for point in points:
            number = point.find("{*}num")
            paragraph(point, (number.text or "").strip() if number is not None else "", "item")

    for part in document:
        name = tag(part)
        if name in ("coverPage", "preface", "conclusions"):
            for line in part:
                text = text_of(line, notes)
                if text:
                    blocks.append(("line", None, text))
        elif name == "preamble":
            for container in part:
                if tag(container) == "formula":
                    blocks.append(("organ", None, text_of(container, notes)))
                    continue
                lists = [node for node in container.iter() if tag(node) == "blockList"]
                if not lists:
                    blocks.append(("preamble", None, text_of(container, notes)))
                    continue
                for item in lists[0]:
                    if tag(item) == "listIntroduction":
                        blocks.append(("preamble", None, text_of(item, notes)))
                    elif tag(item) == "item":
                        number = item.find("{*}num")
                        body = " ".join(text_of(node, notes) for node in item if tag(node) != "num")
                        blocks.append(("item", (number.text or "").strip() if number is not None else "", body))
        elif name == "mainBody":
            numbered = any((node.findtext("{*}num") or "").strip() for node in part)
            for node in part:
                # The XML marks a heading between paragraphs as a paragraph holding only a
                # <subheading> ("Political situation"), or in Chinese as one with no number among
                # numbered ones (政治局势): a heading, not an operative paragraph.
                heading = tag(node) == "paragraph" and (
                    all(tag(child) == "subheading" for child in node)
                    or (numbered and not (node.findtext("{*}num") or "").strip()))
                if tag(node) != "paragraph" or heading:
                    text = text_of(node, notes)
                    if text:
                        blocks.append(("line", None, text))
                    continue
                operative += 1
                number = node.find("{*}num")
                paragraph(node, (number.text or "").strip() if number is not None and number.text else "", "operative")
    return blocks, notes, operative


def render(blocks, notes, layout):
    chinese = any("\u4e00" <= ch <= "\u9fff" for _, _, text in blocks for ch in text[:200])
    width = 40 if chinese else 88
    lines = []
    for kind, label, text in blocks:
        if layout == "blocks":
            lead = f"{label}\t" if kind in ("operative", "item") else ("\t" if kind == "preamble" else "")
            lines += [lead + text, ""]
            continue
        head = f"{label} " if kind in ("operative", "item") and label else ""
        if layout == "alone" and head:
            lines.append(label)
            head = ""
        body = head + text
        if chinese:
            lines += [body[i:i + width] for i in range(0, len(body), width)] or [""]
        else:
            lines += textwrap.wrap(body, width) or [""]
    lines.append("_" * 20)
    lines += [f"{marker}\t{note}" if layout == "blocks" else f"{marker} {note}" for marker, note in notes]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*",
                        default=[os.path.join(FIXTURES, "sweep", "raw"), os.path.join(FIXTURES, "layouts", "raw")])
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "debug", "followup"))
    parser.add_argument("--keep", help="write the laid-out texts here instead of a scratch folder")
    args = parser.parse_args()
    work = args.keep or tempfile.mkdtemp(prefix="census-sweep-")
    os.makedirs(work, exist_ok=True)
    database = os.path.join(work, "sweep.sqlite")
    if not os.path.exists(database):
        subprocess.run([args.bin, "init", "--database", database], capture_output=True, check=True)
    files = sorted(path for folder in args.folders for path in glob.glob(os.path.join(folder, "*.xml")))
    tally = {"ok": 0, "refused": 0, "LOSS": 0}
    for path in files:
        try:
            blocks, notes, operative = read(path)
        except ET.ParseError as error:
            print(f"skipped  {os.path.basename(path)}: not well-formed XML ({error})")
            continue
        stem = os.path.splitext(os.path.basename(path))[0]
        for layout in ("blocks", "wrapped", "alone"):
            text = os.path.join(work, f"{stem}.{layout}.txt")
            with open(text, "w", encoding="utf-8") as out:
                out.write(render(blocks, notes, layout))
            run = subprocess.run([args.bin, "import", "document", text, "--dry-run", "--format", "json",
                                  "--database", database], capture_output=True, text=True)
            found = set()
            if run.returncode == 0:
                for clause in json.loads(run.stdout):
                    match = re.match(r"¶(\d+)", clause.get("path", ""))
                    if match:
                        found.add(int(match.group(1)))
            if run.returncode != 0:
                verdict = "refused"
            else:
                verdict = "ok" if found == set(range(1, operative + 1)) else "LOSS"
            tally[verdict] += 1
            message = next((line for line in run.stderr.splitlines() if line.startswith("error")), "")
            if verdict != "ok":
                print(f"{verdict:8} {stem} ({layout}): {operative} in the XML, {len(found)} read. {message[:200]}")
    total = sum(tally.values())
    print(f"{len(files)} documents × 3 layouts = {total} runs: {tally['ok']} read whole, "
          f"{tally['refused']} refused with a reason, {tally['LOSS']} lost paragraphs in silence")
    if not args.keep:
        subprocess.run(["rm", "-rf", work])
    sys.exit(1 if tally["LOSS"] else 0)


if __name__ == "__main__":
    main()
