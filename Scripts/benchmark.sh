#!/usr/bin/env bash
# The benchmark: builds release binaries, generates the synthetic dataset (270,000 UPR-like
# recommendations in 2,000 documents, 1,000 resolution recommendations to all Member States,
# 3,000,000 progress entries), imports it and times the commands against the sqlite3 floor.
# Results: .build-bench/results.md. Usage: Scripts/benchmark.sh [--runs N] [--skip-import]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v sqlite3 >/dev/null || { sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo; $sudo apt-get install -y -qq sqlite3; }
# The Swift runtime and Foundation linked statically (lld; its one notice, glibc's about mktemp
# inside Foundation, silenced): a process starts in about half the time (docs/benchmarks.md).
static=(-c release --static-swift-stdlib -Xswiftc -use-ld=lld -Xlinker --no-warnings --build-path .build-static)
swift build "${static[@]}" --product followup
swift build "${static[@]}" --product followup-bench
python3 Scripts/benchmark.py --bin "$(swift build "${static[@]}" --show-bin-path)" --work .build-bench "$@"
