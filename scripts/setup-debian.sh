#!/usr/bin/env bash
# Installs the Debian packages named as arguments when they are missing, and says so. Used by:
#   npm test   chromium (browser tests of the sidebar), libreoffice-calc (the .xlsx opened in LibreOffice)
#   npm run bench  python3-pandas (the benchmark's peer)
# Runs apt-get directly as root, through sudo otherwise; with neither it stops and prints the command to run.
set -euo pipefail

declare -A probe=(
  [chromium]=/usr/bin/chromium
  [libreoffice-calc]=/usr/bin/libreoffice
  [python3-pandas]=/usr/lib/python3/dist-packages/pandas
)

wanted=("$@")
missing=()
for package in "${wanted[@]}"; do
  path="${probe[$package]:-}"
  if [ -n "$path" ] && [ -e "$path" ]; then continue; fi
  if [ -z "$path" ] && dpkg -s "$package" >/dev/null 2>&1; then continue; fi
  missing+=("$package")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

echo "setup: installing Debian packages the tests need: ${missing[*]} (apt-get; this takes a few minutes once)" >&2
if [ "$(id -u)" -eq 0 ]; then
  run=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  run=(sudo)
else
  echo "setup: cannot install without root. Run: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
log="$(mktemp -t segment-tabs-apt.XXXXXX)"
# apt's own output is long; it goes to a log that is shown only when something fails.
if ! { "${run[@]}" apt-get update -q && "${run[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  echo "setup: apt-get failed (full log: $log)" >&2
  exit 1
fi
echo "setup: installed ${missing[*]}" >&2
