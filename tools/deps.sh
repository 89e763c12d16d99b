#!/usr/bin/env bash
# Installs every Debian 12 package the kiosk, its tools and its tests need.
# Run as root (or through sudo). Safe to run again: apt skips what is there.
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then exec sudo -E bash "$0" "$@"; fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
  build-essential cmake ninja-build pkg-config libgtest-dev libgmock-dev \
  libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev \
  libespeak-ng-dev espeak-ng espeak-ng-data \
  liblouis-dev liblouis-data liblouis-bin \
  libbrlapi-dev brltty \
  libavformat-dev libavcodec-dev libswscale-dev libswresample-dev libavutil-dev \
  libcurl4-openssl-dev libsqlite3-dev libcpp-httplib-dev libssl-dev nlohmann-json3-dev \
  libtomlplusplus-dev libsodium-dev \
  fonts-noto-cjk fonts-dejavu-core \
  xvfb xauth xdotool x11-apps imagemagick ffmpeg sox openssl procps >/dev/null
