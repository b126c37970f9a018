#!/usr/bin/env bash
# The benchmark: builds release binaries, generates the synthetic dataset (270,000 UPR-like
# recommendations in 2,000 documents, 1,000 resolution recommendations to all Member States,
# 3,000,000 progress entries), imports it and times the commands against the sqlite3 floor.
# Results: .build-bench/results.md. Usage: Scripts/benchmark.sh [--runs N] [--skip-import]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v sqlite3 >/dev/null || { sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo; $sudo apt-get install -y -qq sqlite3; }
swift build -c release --product followup
swift build -c release --product followup-bench
python3 Scripts/benchmark.py --bin "$(swift build -c release --show-bin-path)" --work .build-bench "$@"
