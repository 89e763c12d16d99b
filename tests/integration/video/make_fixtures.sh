#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Generates the video test clips with ffmpeg into DIR (created). Each file is written
# under a temporary name and renamed, so a reader never sees half a file.
# Usage: make_fixtures.sh DIR
set -euo pipefail
dir="$1"
mkdir -p "$dir"
ff() { ffmpeg -nostdin -hide_banner -loglevel error -y "$@"; }
make() {   # make NAME ffmpeg-args...
  local name="$1"; shift
  [ -s "$dir/$name" ] && return 0
  local tmp="$dir/.tmp.$$.$name"
  ff "$@" "$tmp"
  mv -f "$tmp" "$dir/$name"
}
src="testsrc=duration=2:size=640x360:rate=25"
make h264.mp4 -f lavfi -i "$src" -c:v libx264 -preset veryfast -pix_fmt yuv420p -movflags +faststart
make vp9.webm -f lavfi -i "$src" -c:v libvpx-vp9 -b:v 500k -deadline realtime -cpu-used 8 -pix_fmt yuv420p
# Not yuv420p: exercises the swscale path.
make h264_444.mp4 -f lavfi -i "$src" -c:v libx264 -preset veryfast -pix_fmt yuv444p -frames:v 10 -f mp4
# A sound track is ignored.
make h264_audio.mp4 -f lavfi -i "$src" -f lavfi -i sine=frequency=440:duration=2 \
  -c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac -shortest
# Sound only: no video stream.
make audio_only.m4a -f lavfi -i sine=frequency=440:duration=1 -c:a aac
# A flat red picture, for the colour check of the SDL upload.
make red.mp4 -f lavfi -i "color=c=red:size=320x240:rate=25:duration=0.4" -c:v libx264 -preset veryfast -pix_fmt yuv420p
# 1280x720 for the benchmark.
make h264_720p.mp4 -f lavfi -i "testsrc=duration=4:size=1280x720:rate=25" -c:v libx264 -preset veryfast -pix_fmt yuv420p -movflags +faststart
make h264_360p_4s.mp4 -f lavfi -i "testsrc=duration=4:size=640x360:rate=25" -c:v libx264 -preset veryfast -pix_fmt yuv420p -movflags +faststart
# Frame 0 of h264.mp4 as ffmpeg itself decodes it (raw yuv420p), the reference picture.
if [ ! -s "$dir/h264_frame0.yuv" ]; then
  ff -i "$dir/h264.mp4" -frames:v 1 -f rawvideo -pix_fmt yuv420p "$dir/.tmp.$$.frame0"
  mv -f "$dir/.tmp.$$.frame0" "$dir/h264_frame0.yuv"
fi
