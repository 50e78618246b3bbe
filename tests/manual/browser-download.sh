#!/bin/bash
# A manual check (not part of `npm test`): the README's first command on a machine with internet and
# no Chromium. It needs root (a private mount namespace) and `zip`; run it as
#
#   sudo unshare -m bash tests/manual/browser-download.sh
#
# In its own mount namespace (nothing outside it changes) it hides every Chromium in /usr/bin,
# stands up a stand-in for Playwright's CDN on 127.0.0.1 whose "Chrome for Testing" and "Chrome
# Headless Shell" zips start this machine's Debian Chromium, points Playwright at it
# (PLAYWRIGHT_DOWNLOAD_HOST) with an empty browser folder, and builds twice: the first build must
# download through Playwright's own installer (progress shown) and then render and print with what
# it downloaded; the second must download nothing. Only the bytes in the zips are stand-ins: the
# installer, its download, unpacking and bookkeeping, and the build's use of the result are real.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
REVISION_INFO=$("$ROOT/node_modules/node/bin/node" "$ROOT/node_modules/playwright-core/cli.js" install --dry-run chromium)
CFT=$(grep -o 'builds/cft/[^/]*/linux64' <<<"$REVISION_INFO" | head -1)
FFMPEG=$(grep -o 'builds/ffmpeg/[0-9]*' <<<"$REVISION_INFO" | head -1)
mkdir -p "$WORK/cdn/$CFT" "$WORK/cdn/$FFMPEG" "$WORK/zip/chrome-linux64" "$WORK/zip/chrome-headless-shell-linux64"
printf '#!/bin/sh\nexec /usr/lib/chromium/chromium "$@"\n' > "$WORK/zip/chrome-linux64/chrome"
printf '#!/bin/sh\nexec /usr/lib/chromium/chromium-headless-shell "$@"\n' > "$WORK/zip/chrome-headless-shell-linux64/chrome-headless-shell"
printf '#!/bin/sh\nexit 0\n' > "$WORK/zip/ffmpeg-linux"
chmod +x "$WORK"/zip/*/* "$WORK/zip/ffmpeg-linux"
(cd "$WORK/zip" && zip -qr "$WORK/cdn/$CFT/chrome-linux64.zip" chrome-linux64 && zip -qr "$WORK/cdn/$CFT/chrome-headless-shell-linux64.zip" chrome-headless-shell-linux64 && zip -q "$WORK/cdn/$FFMPEG/ffmpeg-linux.zip" ffmpeg-linux)

# /usr/bin without Chromium: the original bind-mounted aside, a tmpfs on top with links to the rest.
mkdir -p "$WORK/usr-bin"
mount --bind /usr/bin "$WORK/usr-bin"
mount -t tmpfs none /usr/bin
for f in "$WORK"/usr-bin/* "$WORK"/usr-bin/.[!.]*; do
  [ -e "$f" ] || [ -L "$f" ] || continue
  n=${f##*/}
  case "$n" in chromium | chromium-headless-shell | chromium-browser) continue ;; esac
  "$WORK/usr-bin/ln" -s "$f" "/usr/bin/$n"
done
if ls /usr/bin/chromium* >/dev/null 2>&1; then echo "FAIL: a Chromium is still in /usr/bin"; exit 1; fi

python3 -u -m http.server 8799 --bind 127.0.0.1 --directory "$WORK/cdn" >"$WORK/cdn.log" 2>&1 &
CDN=$!
trap 'kill $CDN 2>/dev/null || true' EXIT
sleep 1
export PLAYWRIGHT_DOWNLOAD_HOST=http://127.0.0.1:8799 PLAYWRIGHT_BROWSERS_PATH="$WORK/browsers" \
  DRIFTSBOK_DIAGRAM_CACHE="$WORK/diagrams" DRIFTSBOK_PDF_CACHE="$WORK/pdf"
unset CHROMIUM_PATH
cd "$ROOT"
echo "== first build: no Chromium anywhere"
node_modules/node/bin/node scripts/build.ts --force --out "$WORK/out" 2>&1 | tee "$WORK/first.log"
grep -q "downloading Playwright's own Chromium" "$WORK/first.log" || { echo "FAIL: no download"; exit 1; }
[ -s "$WORK/out/runbook-nb.pdf" ] || { echo "FAIL: no PDF"; exit 1; }
echo "== second build: must download nothing"
rm -rf "$WORK/diagrams" "$WORK/pdf"
node_modules/node/bin/node scripts/build.ts --force --out "$WORK/out" 2>&1 | tee "$WORK/second.log"
if grep -q "downloading" "$WORK/second.log"; then echo "FAIL: downloaded again"; exit 1; fi
echo "== what Playwright's installer put in its browser folder"
ls "$WORK/browsers"
echo "PASS: downloaded once through Playwright's installer, built and printed with it, then used it without downloading"
