#!/usr/bin/env bash
# What the tests drive besides Python: Debian's Chromium (Playwright cannot download its own
# browser here) with fonts for every script the site shows, and LibreOffice Calc with its
# Python bridge (the shift sheet's round trip, tests/test_sheet_format.py), and rsync (the
# daily run's copy of the personal calendars, tests/test_workflows.py), and DejaVu Sans (the
# volunteers' attestations, tests/test_attest.py), and Noto's Arabic and Ethiopic (test_fonts.py). Installs what is
# missing when we may (root, or sudo without a password); otherwise says what to install and
# exits 0: those tests then skip with the same words (tests/system_tools.py), except in CI
# (CI set), where they fail.
set -euo pipefail
# The browser as it has always been installed (with its recommended packages, as the pages
# were measured); LibreOffice without them (no desktop, no Java).
browser=()
office=()
if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  browser+=(chromium fonts-noto-core)
fi
if ! command -v soffice >/dev/null 2>&1; then
  office+=(libreoffice-calc-nogui)
fi
if [ ! -x /usr/bin/python3 ] || ! /usr/bin/python3 -c "import uno" 2>/dev/null; then
  office+=(python3-uno)
fi
tools=()
if ! command -v rsync >/dev/null 2>&1; then
  tools+=(rsync)
fi
# The fonts of the site's scripts, as a learner's phone has them (Android ships Noto): Arabic
# with Pashto's own letters, and Ethiopic for Tigrinya, which many desktops lack. No web font
# is fetched: tests/browser/test_fonts.py checks in Chromium that each script is drawn by one.
if [ ! -f /usr/share/fonts/truetype/noto/NotoSansEthiopic-Regular.ttf ]; then
  tools+=(fonts-noto-core)
fi
# The Unicode font of the volunteers' attestations (konexio attest: Arabic, any name).
if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  tools+=(fonts-dejavu-core)
fi
missing=("${browser[@]}" "${office[@]}" "${tools[@]}")
if [ "${#missing[@]}" = 0 ]; then
  exit 0
fi
install() {
  "$@" apt-get update -qq
  if [ "${#browser[@]}" != 0 ]; then
    "$@" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${browser[@]}" >/dev/null
  fi
  if [ "${#office[@]}" != 0 ]; then
    "$@" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${office[@]}" >/dev/null
  fi
  if [ "${#tools[@]}" != 0 ]; then
    "$@" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${tools[@]}" >/dev/null
  fi
}
if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing for the tests: ${missing[*]}..."
    install
    exit 0
  fi
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    echo "Installing for the tests (sudo): ${missing[*]}..."
    install sudo
    exit 0
  fi
fi
echo "Some tests need system packages this user cannot install: ${missing[*]}." >&2
echo "Install them (Debian: sudo apt-get install ${missing[*]}); until then those tests are skipped." >&2
exit 0
