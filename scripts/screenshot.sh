#!/usr/bin/env bash
# Writes docs/screenshot.png: the investor map as served by an already running instance.
#
#   scripts/screenshot.sh [BASE_URL] [HASH]
#
#   BASE_URL  where the service runs (default http://localhost:8080); this script starts nothing.
#   HASH      optional map state to show, e.g. 'parcel=QOV-LI-014' or 'zone=laser-industry'.
#
# Environment: CHROMIUM (default /usr/bin/chromium), OUT (default docs/screenshot.png).
# Chromium runs headless with background networking off, so the only requests it makes go to BASE_URL.
set -euo pipefail

base_url="${1:-http://localhost:8080}"
base_url="${base_url%/}"
hash="${2:-}"
chromium="${CHROMIUM:-/usr/bin/chromium}"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${OUT:-$repo_root/docs/screenshot.png}"

if [[ ! -x "$chromium" ]]; then
  echo "error: $chromium not found; install it with: apt-get install -y chromium fonts-noto-cjk" >&2
  exit 1
fi
# Fail clearly instead of photographing Chromium's error page.
if ! curl -fsS -o /dev/null --max-time 10 "$base_url/api/map-config"; then
  echo "error: no planner service answering at $base_url (start it first, e.g. mvn spring-boot:run)" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$(dirname "$out")"
rm -f "$out"

url="$base_url/?animate=0"
[[ -n "$hash" ]] && url="$url#$hash"

# --virtual-time-budget lets the page finish its fetches and drawing before the capture;
# animate=0 keeps Leaflet from being caught mid-animation. Chromium's stderr is noisy in containers
# (no D-Bus), so it is only shown when something goes wrong.
if ! "$chromium" \
  --headless=new \
  --no-sandbox \
  --disable-gpu \
  --disable-dev-shm-usage \
  --disable-background-networking \
  --disable-component-update \
  --disable-sync \
  --no-first-run \
  --hide-scrollbars \
  --user-data-dir="$work/profile" \
  --window-size=1400,900 \
  --virtual-time-budget=5000 \
  --screenshot="$out" \
  "$url" 2>"$work/chromium.log" || [[ ! -s "$out" ]]; then
  cat "$work/chromium.log" >&2
  echo "error: chromium did not write $out" >&2
  exit 1
fi

echo "wrote $out ($url)"
