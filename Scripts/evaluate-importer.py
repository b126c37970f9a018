#!/usr/bin/env python3
"""Scores the document importer against hand-labelled resolutions.

    python3 Scripts/evaluate-importer.py [--binary .build/debug/followup] [--corpus ../shared/corpus/ga-78]

For each file in Tests/FollowUpKitTests/Fixtures/ground-truth/*.json it runs
`followup import document PDF --dry-run --format json` on a scratch database, groups the clauses by
their top-level paragraph, and compares with the labels: paragraph segmentation (the numbers and
their first-level sub-items), class (a paragraph is actionable if any clause is, else a decision if
any is, else declaratory) and addressees (micro-averaged precision, recall and F1 over
paragraph-addressee pairs). Prints one line per resolution and the totals.
"""
import argparse, glob, json, os, re, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RANK = {"declaratory": 0, "decision": 1, "actionable": 2}
CHINESE_NUMERALS = "一二三四五六七八九十"


def chinese_value(text):
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23."""
    digits = {c: i + 1 for i, c in enumerate("一二三四五六七八九")}
    if "十" in text:
        tens, _, units = text.partition("十")
        return (digits.get(tens, 1) if tens else 1) * 10 + (digits.get(units, 0) if units else 0)
    return digits.get(text, 0)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/followup"))
    parser.add_argument("--corpus", default=os.path.join(os.path.dirname(ROOT), "shared/corpus/ga-78"))
    parser.add_argument("--truth", default=os.path.join(ROOT, "Tests/FollowUpKitTests/Fixtures/ground-truth"),
                        help="the folder of labelled resolutions (ground-truth-heldout: labelled after the rules)")
    parser.add_argument("--given-metadata", action="store_true",
                        help="when an import fails, try again with the label's symbol and date (counted apart)")
    parser.add_argument("--misses", action="store_true",
                        help="also print, per paragraph, the addressees missed and those found wrongly, with the text")
    args = parser.parse_args()
    if not os.path.exists(args.binary):
        sys.exit(f"no binary at {args.binary}: run 'swift build' first, or pass --binary")
    scratch = tempfile.mkdtemp()
    database = os.path.join(scratch, "followup.sqlite")
    subprocess.run([args.binary, "init", "--no-seeds", "--database", database], check=True, capture_output=True)
    totals = dict(paragraphs=0, segmented=0, classes=0, tp=0, fp=0, fn=0, documents=0, documents_segmented=0,
                  failed=0, metadata_given=0)
    confusion = {}
    labels = sorted(p for p in glob.glob(os.path.join(args.truth, "*.json")) if not p.endswith("reference.json"))
    for path in labels:
        truth = json.load(open(path))
        # A label names its document: a PDF of the corpus, or a text beside the labels (texts/…).
        document = os.path.join(args.truth, truth["file"])
        if not os.path.exists(document):
            document = os.path.join(args.corpus, truth["file"])
        command = [args.binary, "import", "document", document, "--database", database, "--dry-run",
                   "--format", "json"]
        run = subprocess.run(command, capture_output=True, text=True)
        if run.returncode != 0 and args.given_metadata:
            # What the text does not say about itself, given as a person would: scored apart.
            run = subprocess.run(command + ["--symbol", truth["symbol"], "--date", truth["adopted"]],
                                 capture_output=True, text=True)
            if run.returncode == 0:
                totals["metadata_given"] += 1
        if run.returncode != 0:
            totals["failed"] += 1
            totals["paragraphs"] += len(truth["paragraphs"])
            totals["fn"] += sum(len(p["addressees"]) for p in truth["paragraphs"])
            totals["documents"] += 1
            print(f"{truth['file']}: import failed: {run.stderr.strip()[:300]}")
            continue
        found = {}
        for item in json.loads(run.stdout):
            match = re.match(r"¶(\d+)(?:\(([a-z]+|[一二三四五六七八九十]+)\))?", item["path"])
            if not match:
                continue
            entry = found.setdefault(int(match.group(1)), dict(sub=[], cls="declaratory", addressees=set(), text=""))
            entry["text"] = entry["text"] or item.get("text", "")
            sub = match.group(2)
            if sub and sub[0] in CHINESE_NUMERALS:
                # (一) (二) … are the first-level items of a Chinese text: labelled a, b, …
                sub = chr(ord("a") + chinese_value(sub) - 1)
            if sub and sub not in entry["sub"]:
                entry["sub"].append(sub)
            if RANK[item["classification"]] > RANK[entry["cls"]]:
                entry["cls"] = item["classification"]
            entry["addressees"] |= set(item["addressees"])
        doc = dict(segmented=0, classes=0, tp=0, fp=0, fn=0)
        for paragraph in truth["paragraphs"]:
            got = found.get(paragraph["number"], dict(sub=[], cls="missing", addressees=set()))
            want = set(paragraph["addressees"])
            doc["segmented"] += paragraph["number"] in found and got["sub"] == paragraph["subItems"]
            doc["classes"] += got["cls"] == paragraph["class"]
            confusion[(paragraph["class"], got["cls"])] = confusion.get((paragraph["class"], got["cls"]), 0) + 1
            doc["tp"] += len(want & got["addressees"])
            doc["fp"] += len(got["addressees"] - want)
            doc["fn"] += len(want - got["addressees"])
            if args.misses and want != got["addressees"]:
                print(f"  {truth['symbol']} ¶{paragraph['number']}: missed {sorted(want - got['addressees'])}, "
                      f"wrong {sorted(got['addressees'] - want)}: {got.get('text', '')[:300]}")
        extra = sorted(set(found) - {p["number"] for p in truth["paragraphs"]})
        n = len(truth["paragraphs"])
        totals["documents"] += 1
        totals["documents_segmented"] += doc["segmented"] == n and not extra
        totals["paragraphs"] += n
        for key in ("segmented", "classes", "tp", "fp", "fn"):
            totals[key] += doc[key]
        f1 = 2 * doc["tp"] / max(1, 2 * doc["tp"] + doc["fp"] + doc["fn"])
        print(f"{truth['file']:<18} {truth.get('committee', ''):<8} paragraphs {doc['segmented']:>3}/{n:<3}"
              f"{' extra ' + str(extra) if extra else ''} class {doc['classes']:>3}/{n:<3} addressee F1 {f1:.2f}")
    tp, fp, fn = totals["tp"], totals["fp"], totals["fn"]
    precision = tp / max(1, tp + fp)
    recall = tp / max(1, tp + fn)
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    n = max(1, totals["paragraphs"])
    print(f"\n{totals['documents']} resolutions, {totals['paragraphs']} operative paragraphs"
          f"; {totals['failed']} failed to import (scored as nothing found)"
          + (f"; {totals['metadata_given']} imported only with the label's symbol and date" if args.given_metadata else ""))
    print(f"segmentation: {totals['segmented'] / n:.1%} of paragraphs ({totals['documents_segmented']}/{totals['documents']} resolutions exact)")
    print(f"class accuracy: {totals['classes'] / n:.1%}")
    print(f"addressees: precision {precision:.2f}, recall {recall:.2f}, F1 {f1:.2f} ({tp} right, {fp} wrong, {fn} missed)")
    print("class confusion (labelled -> found): " + ", ".join(
        f"{a}->{b} {c}" for (a, b), c in sorted(confusion.items()) if a != b))


if __name__ == "__main__":
    main()
