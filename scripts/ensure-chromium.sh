#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (browsers cannot be downloaded by npm here).
# Installs it when missing and we may (root with apt-get); otherwise says the one command to run.
set -euo pipefail
CHROMIUM="${VAFA_CHROMIUM:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
  echo "Chromium is missing at $CHROMIUM: installing Debian's chromium with apt-get..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # A font with Persian letters, so the Persian screenshots show text rather than boxes.
  fonts=fonts-noto-core
  if apt-cache show fonts-vazirmatn > /dev/null 2>&1; then fonts="fonts-vazirmatn $fonts"; fi
  # shellcheck disable=SC2086
  apt-get install -y -qq chromium $fonts > /dev/null
  [ -x "$CHROMIUM" ] && exit 0
fi

echo "The browser tests need Chromium at $CHROMIUM. Install it with:" >&2
echo "  sudo apt-get update && sudo apt-get install -y chromium fonts-noto-core" >&2
exit 1
