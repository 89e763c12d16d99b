// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Plain types shared by the video driver's pieces: decoded frames, clip facts, errors.
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::drivers::video {

// One decoded picture in planar YUV 4:2:0 (the layout of SDL_PIXELFORMAT_IYUV).
// Planes are owned by the frame; pitches are bytes per row. Chroma planes are
// ((width+1)/2) x ((height+1)/2).
struct VideoFrame {
  int width = 0;
  int height = 0;
  std::int64_t pts_ms = 0;        // media time, ms from the clip's first frame; a loop adds
                                  // the clip's length each time round, so it never goes back
  std::int64_t duration_ms = 0;   // until the next frame (from the stream's frame rate)
  std::uint64_t index = 0;        // 0-based count of frames decoded since open/replay
  std::vector<std::uint8_t> y, u, v;
  int pitch_y = 0, pitch_u = 0, pitch_v = 0;
};

enum class VideoErrorCode {
  None,
  NotFound,          // no such file
  OpenFailed,        // not a container FFmpeg recognises, or unreadable
  NoVideoStream,
  CodecUnavailable,  // no decoder in this FFmpeg build
  DecodeFailed,      // the stream is corrupt past recovery
  NoFrames,          // the clip ended without a single picture
};
const char* video_error_name(VideoErrorCode code);   // stable snake_case, e.g. "not_found"

struct VideoError {
  VideoErrorCode code = VideoErrorCode::None;
  std::string message;   // for the log: names the file and the FFmpeg reason
  bool ok() const { return code == VideoErrorCode::None; }
};

struct ClipInfo {
  int width = 0;
  int height = 0;
  double fps = 0;                 // average frame rate from the container, 0 if unknown
  std::int64_t duration_ms = 0;   // container duration, 0 if unknown
  std::string codec;              // decoder name, e.g. "h264", "vp9"
};

}  // namespace kiosk::drivers::video
