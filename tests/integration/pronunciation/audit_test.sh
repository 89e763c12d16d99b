#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The pronunciation audit in CI (issue 13): every Chinese text through the kiosk's
# reading step against pinyin-pro (installed here from the npm registry, once per build
# tree). Exit 77 (skipped, with the reason) when npm or the registry is unavailable.
# Usage: audit_test.sh AUDIT_BINARY SOURCE_ROOT CACHE_DIR
set -u
audit=$1 root=$2 cache=$3
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "SKIPPED: the pronunciation audit needs node and npm (for pinyin-pro from the registry)"
  exit 77
fi
mkdir -p "$cache" || exit 1
if [ ! -f "$cache/node_modules/pinyin-pro/package.json" ] || [ ! -f "$cache/node_modules/@pinyin-pro/data/package.json" ]; then
  if ! npm install --silent --no-audit --no-fund --prefix "$cache" pinyin-pro@3.29.4 @pinyin-pro/data@1.3.1 >"$cache/npm.log" 2>&1; then
    echo "SKIPPED: npm could not install pinyin-pro@3.29.4 and @pinyin-pro/data@1.3.1 (see $cache/npm.log)"
    exit 77
  fi
fi
"$audit" --root "$root" --texts >"$cache/texts.json" || exit 1
PINYIN_REFERENCE_DIR="$cache" node "$root/tools/pronunciation_audit/reference.mjs" <"$cache/texts.json" >"$cache/reference.json" || exit 1
"$audit" --root "$root" --reference "$cache/reference.json"
