#!/usr/bin/env bash
# Fetches axe-core (Deque's accessibility rules engine, MPL 2.0) for the published site's browser
# test: the axe.min.js that PyPI's axe-selenium-python carries, unpacked into .build/axe.
# Prints the script's path. Needs python3 with pip (Debian: python3-pip).
set -euo pipefail
cd "$(dirname "$0")/.."
target=.build/axe/axe_selenium_python/node_modules/axe-core/axe.min.js
if [ ! -s "$target" ]; then
    mkdir -p .build/axe
    python3 -m pip download --quiet --no-deps --dest .build/axe 'axe-selenium-python==2.1.6' >&2
    python3 -m zipfile -e .build/axe/axe_selenium_python-2.1.6-py2.py3-none-any.whl .build/axe
fi
echo "$(pwd)/$target"
