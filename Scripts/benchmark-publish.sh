#!/usr/bin/env bash
# The published site's benchmark (docs/benchmarks.md#the-published-site): a synthetic database of
# 10,055 recommendations (73 UPR-like documents of 135, each binding one State; 10 resolutions of
# 20, each binding the 193 Member States) and 300,000 progress entries, published in the six
# languages into an empty folder, again unchanged, and again after one update.
# Usage: Scripts/benchmark-publish.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# The same static release build as Scripts/benchmark.sh.
static=(-c release --static-swift-stdlib -Xswiftc -use-ld=lld -Xlinker --no-warnings --build-path .build-static)
swift build "${static[@]}" --product followup
swift build "${static[@]}" --product followup-bench
bin="$(swift build "${static[@]}" --show-bin-path)"
work=.build-bench/publish
rm -rf "$work"
mkdir -p "$work"
"$bin/followup-bench" generate --output "$work/data" --upr-documents 73 --resolutions 10 --entries 300000
database="$work/site.sqlite"
"$bin/followup" init --no-seeds --database "$database" >/dev/null
"$bin/followup" import recommendations "$work/data/recommendations.csv" --database "$database"
"$bin/followup" import progress "$work/data/progress.csv" --database "$database"

# One publication, timed: wall-clock seconds, peak memory where GNU time is installed, and what
# was written.
publish() {
    local label=$1
    local start end
    start=$(date +%s.%N)
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f "  peak memory %M KB" "$bin/followup" publish -o "$work/site" --database "$database" \
            --as-of 2026-11-21 --format json >"$work/result.json"
    else
        "$bin/followup" publish -o "$work/site" --database "$database" --as-of 2026-11-21 --format json \
            >"$work/result.json"
    fi
    end=$(date +%s.%N)
    python3 - "$label" "$start" "$end" "$work/result.json" <<'PY'
import json, sys
label, start, end, path = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
r = json.load(open(path))
print(f"{label}: {end - start:.1f} s — {r['recommendations']} recommendations, {len(r['languages'])} languages, "
      f"{r['files']} files: {r['written']} written, {r['unchanged']} unchanged, {r['removed']} removed")
PY
}

publish "into an empty folder"
publish "again, nothing changed"
"$bin/followup" update "SYN/UPR/0001 ¶1" --actor AFG --status implemented --as-of 2026-11-01 \
    --database "$database" >/dev/null
publish "again, after one update"
echo "site: $(du -sh --apparent-size "$work/site" | cut -f1) in $work/site"
