#!/usr/bin/env bash
# Sets up zhubao and runs the daily job on a demo workspace (default: ./demo).
#   bash scripts/demo.sh [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release
root="${1:-demo}"
.build/release/zhubao demo --root "$root"
