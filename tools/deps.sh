#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs every Debian 12 package the kiosk, its tools and its tests need.
# Run as root (or through sudo). Safe to run again: apt skips what is there.
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then exec sudo -E bash "$0" "$@"; fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $(grep -v '^#' "$(dirname "$0")/packages.txt") >/dev/null
# The pronunciation audit's reference (pinyin-pro, installed by the test from the npm
# registry) runs on Node.js. Debian's nodejs and npm, unless a Node.js with its own npm is
# already there (NodeSource's package conflicts with Debian's npm).
if ! command -v npm >/dev/null 2>&1; then
  apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
