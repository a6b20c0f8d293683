#!/usr/bin/env bash
# Installs the Debian packages zhubao builds and tests with, when they are missing.
# Safe to run again: it installs nothing that is already there.
#   bash scripts/setup.sh          build dependencies
#   bash scripts/setup.sh --tests  also what the test suite uses
set -euo pipefail

packages=(pkg-config libxml2-dev zlib1g-dev libsqlite3-dev util-linux)
if [[ "${1:-}" == "--tests" ]]; then
  # xmllint checks the claim XML against its XSD; promtool (prometheus) checks the metrics file;
  # fonts-hanazono (HanaMinA/B) covers CJK Extension B (names like 赖*𠮷), which the reports'
  # font stack names and the font test requires (fontconfig, fc-list, comes with it).
  packages+=(libxml2-utils prometheus fonts-hanazono fontconfig)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=""
  [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [[ "${1:-}" == "--tests" ]]; then
  # The report tests: openpyxl reads the generated .xlsx; headless Chromium renders exceptions.html
  # (with a CJK font, so that the Chinese shows). Without them those tests fail and say what to
  # install (they are never skipped).
  python3 -c "import openpyxl" 2>/dev/null || python3 -m pip install --quiet openpyxl \
    || python3 -m pip install --quiet --break-system-packages openpyxl
  if ! command -v chromium >/dev/null || ! fc-list :lang=zh 2>/dev/null | grep -q .; then
    sudo_cmd=""
    [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
    { $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq \
        chromium fonts-wqy-microhei >/dev/null; } \
      || echo "setup: chromium could not be installed; the HTML render test will fail" >&2
  fi
fi

command -v swift >/dev/null || { echo "setup: swift is not on PATH (Swift 6.3 is required)" >&2; exit 1; }
