// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Synchronous, frame-by-frame decoding of one clip with FFmpeg (libavformat, libavcodec,
// libswscale; docs/design.md section 9.5) into YUV 4:2:0 frames. No threads and no clock, which
// makes it deterministic for tests; VideoPlayer runs it on its worker thread.
// Not thread-safe: one thread at a time uses an instance. FFmpeg's libraries are opened
// by the first open() (drivers/video/libav.h), not when the kiosk starts.
#include <memory>
#include <string>

#include "drivers/video/video_types.h"

namespace kiosk::drivers::video {

enum class DecodeStatus { Frame, End, Error };

// FFmpeg's version ("5.1.6") and its libraries' ("libavformat 59.27.100, libavcodec ...")
// for `kiosk --version`; loads them. {"not available", why} if they cannot be opened.
struct LibAvVersions { std::string version, detail; };
LibAvVersions libav_versions();

class ClipDecoder {
 public:
  ClipDecoder();
  ~ClipDecoder();
  ClipDecoder(const ClipDecoder&) = delete;
  ClipDecoder& operator=(const ClipDecoder&) = delete;

  // Opens the file and its best video stream (audio is ignored). Probing a small local
  // file takes a few ms. Closes any clip open before.
  VideoError open(const std::string& path);
  void close();
  bool is_open() const;
  const ClipInfo& info() const;

  // Decodes the next picture into `out`, reusing its buffers. End: the clip is over.
  // Error: `error` says why; the decoder is then unusable until open/rewind.
  // Damaged packets are skipped as long as pictures keep coming (a few bad packets in a
  // long clip are survivable; a run of them, or a clip with no picture at all, is not).
  DecodeStatus next(VideoFrame& out, VideoError& error);

  // Back to the first frame (for replay and loop). False if seeking failed.
  bool rewind();

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace kiosk::drivers::video
