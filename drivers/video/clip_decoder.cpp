// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/video/clip_decoder.h"

#include <filesystem>
#include <mutex>

#include "drivers/video/libav.h"

namespace kiosk::drivers::video {
namespace {

// A run of this many failed packets without a picture in between means the stream is
// damaged beyond concealment; a clip of 25 fps shows no picture for about a second.
constexpr int kMaxConsecutiveBadPackets = 25;

void quiet_ffmpeg_once(const LibAv& av) {
  // FFmpeg logs every concealed macroblock of a damaged clip to stderr; the driver reports
  // clip problems itself, once, through VideoError.
  static std::once_flag once;
  std::call_once(once, [&av] { av.av_log_set_level(AV_LOG_FATAL); });
}

}  // namespace

const char* video_error_name(VideoErrorCode code) {
  switch (code) {
    case VideoErrorCode::None: return "none";
    case VideoErrorCode::NotFound: return "not_found";
    case VideoErrorCode::OpenFailed: return "open_failed";
    case VideoErrorCode::NoVideoStream: return "no_video_stream";
    case VideoErrorCode::CodecUnavailable: return "codec_unavailable";
    case VideoErrorCode::DecodeFailed: return "decode_failed";
    case VideoErrorCode::NoFrames: return "no_frames";
  }
  return "unknown";
}

struct ClipDecoder::Impl {
  const LibAv* av = nullptr;        // loaded by the first open()
  AVFormatContext* format = nullptr;
  AVCodecContext* codec = nullptr;
  AVPacket* packet = nullptr;
  AVFrame* frame = nullptr;
  SwsContext* sws = nullptr;
  int stream = -1;
  AVRational time_base{1, 1000};
  std::int64_t start_pts = 0;
  std::int64_t frame_ms = 40;       // from the average frame rate
  std::int64_t next_pts_ms = 0;     // fallback when a frame has no timestamp
  std::uint64_t decoded = 0;
  bool draining = false;            // sent the flush packet
  ClipInfo info;
  std::string path;

  void release() {
    stream = -1;
    info = {};
    if (av == nullptr) return;   // nothing was allocated
    av->sws_freeContext(sws);
    sws = nullptr;
    av->av_frame_free(&frame);
    av->av_packet_free(&packet);
    av->avcodec_free_context(&codec);
    av->avformat_close_input(&format);
  }

  std::string reason(int err) const {
    char buf[AV_ERROR_MAX_STRING_SIZE] = {};
    av->av_strerror(err, buf, sizeof buf);
    return buf;
  }

  VideoError fail(VideoErrorCode code, const std::string& why) {
    return {code, "video clip " + path + ": " + why};
  }

  void copy_out(VideoFrame& out) {
    const int w = frame->width, h = frame->height;
    const int cw = (w + 1) / 2, ch = (h + 1) / 2;
    out.width = w;
    out.height = h;
    out.pitch_y = w;
    out.pitch_u = cw;
    out.pitch_v = cw;
    out.y.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    out.u.resize(static_cast<std::size_t>(cw) * static_cast<std::size_t>(ch));
    out.v.resize(out.u.size());
    const auto fmt = static_cast<AVPixelFormat>(frame->format);
    if (fmt == AV_PIX_FMT_YUV420P || fmt == AV_PIX_FMT_YUVJ420P) {
      // Already the texture's layout: a plane copy is cheaper than swscale.
      av->av_image_copy_plane(out.y.data(), out.pitch_y, frame->data[0], frame->linesize[0], w, h);
      av->av_image_copy_plane(out.u.data(), out.pitch_u, frame->data[1], frame->linesize[1], cw, ch);
      av->av_image_copy_plane(out.v.data(), out.pitch_v, frame->data[2], frame->linesize[2], cw, ch);
      return;
    }
    // Anything else (gbrp from an RGB-sourced vp9, yuv444p, 10-bit): convert (docs/design.md 9.5).
    sws = av->sws_getCachedContext(sws, w, h, fmt, w, h, AV_PIX_FMT_YUV420P, SWS_BILINEAR,
                               nullptr, nullptr, nullptr);
    if (sws == nullptr) return;   // leaves a blank picture rather than failing the clip
    uint8_t* dst[4] = {out.y.data(), out.u.data(), out.v.data(), nullptr};
    int pitches[4] = {out.pitch_y, out.pitch_u, out.pitch_v, 0};
    av->sws_scale(sws, frame->data, frame->linesize, 0, h, dst, pitches);
  }

  void stamp(VideoFrame& out) {
    std::int64_t ts = frame->best_effort_timestamp;
    if (ts == AV_NOPTS_VALUE) {
      out.pts_ms = next_pts_ms;
    } else {
      out.pts_ms = av->av_rescale_q(ts - start_pts, time_base, AVRational{1, 1000});
      if (out.pts_ms < 0) out.pts_ms = 0;
    }
    out.duration_ms = frame_ms;
    out.index = decoded++;
    next_pts_ms = out.pts_ms + frame_ms;
  }
};

ClipDecoder::ClipDecoder() : m_impl(std::make_unique<Impl>()) {}
ClipDecoder::~ClipDecoder() { close(); }

void ClipDecoder::close() { m_impl->release(); }
bool ClipDecoder::is_open() const { return m_impl->codec != nullptr; }
const ClipInfo& ClipDecoder::info() const { return m_impl->info; }

VideoError ClipDecoder::open(const std::string& path) {
  Impl& d = *m_impl;
  d.release();
  d.path = path;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return d.fail(VideoErrorCode::NotFound, "no such file");
  }
  if (d.av == nullptr) {
    std::string why;
    d.av = load_libav(&why);
    if (d.av == nullptr) return d.fail(VideoErrorCode::CodecUnavailable, "FFmpeg: " + why);
    quiet_ffmpeg_once(*d.av);
  }
  int rc = d.av->avformat_open_input(&d.format, path.c_str(), nullptr, nullptr);
  if (rc < 0) return d.fail(VideoErrorCode::OpenFailed, d.reason(rc));
  rc = d.av->avformat_find_stream_info(d.format, nullptr);
  if (rc < 0) {
    d.release();
    return d.fail(VideoErrorCode::OpenFailed, d.reason(rc));
  }
  const AVCodec* decoder = nullptr;
  rc = d.av->av_find_best_stream(d.format, AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0);
  if (rc == AVERROR_DECODER_NOT_FOUND) {
    d.release();
    return d.fail(VideoErrorCode::CodecUnavailable, "no decoder for the video stream");
  }
  if (rc < 0 || decoder == nullptr) {
    d.release();
    return d.fail(VideoErrorCode::NoVideoStream, "no video stream");
  }
  d.stream = rc;
  AVStream* st = d.format->streams[d.stream];
  d.codec = d.av->avcodec_alloc_context3(decoder);
  if (d.codec == nullptr || d.av->avcodec_parameters_to_context(d.codec, st->codecpar) < 0) {
    d.release();
    return d.fail(VideoErrorCode::CodecUnavailable, "cannot set up the decoder");
  }
  // One thread: the worker is already off the main thread, and speech and braille share
  // the machine's two cores.
  d.codec->thread_count = 1;
  rc = d.av->avcodec_open2(d.codec, decoder, nullptr);
  if (rc < 0) {
    d.release();
    return d.fail(VideoErrorCode::CodecUnavailable, d.reason(rc));
  }
  if (d.codec->width <= 0 || d.codec->height <= 0) {
    d.release();
    return d.fail(VideoErrorCode::OpenFailed, "video stream has no picture size");
  }
  d.packet = d.av->av_packet_alloc();
  d.frame = d.av->av_frame_alloc();
  d.time_base = st->time_base;
  d.start_pts = st->start_time == AV_NOPTS_VALUE ? 0 : st->start_time;
  const AVRational rate = st->avg_frame_rate.num > 0 ? st->avg_frame_rate : st->r_frame_rate;
  d.info.fps = rate.num > 0 && rate.den > 0 ? av_q2d(rate) : 0.0;
  d.frame_ms = d.info.fps > 0 ? static_cast<std::int64_t>(1000.0 / d.info.fps + 0.5) : 40;
  d.info.width = d.codec->width;
  d.info.height = d.codec->height;
  d.info.codec = decoder->name;
  d.info.duration_ms = d.format->duration > 0 ? d.format->duration / 1000 : 0;
  d.next_pts_ms = 0;
  d.decoded = 0;
  d.draining = false;
  return {};
}

DecodeStatus ClipDecoder::next(VideoFrame& out, VideoError& error) {
  Impl& d = *m_impl;
  if (d.codec == nullptr) {
    error = d.fail(VideoErrorCode::OpenFailed, "not open");
    return DecodeStatus::Error;
  }
  int bad_packets = 0;
  for (;;) {
    int rc = d.av->avcodec_receive_frame(d.codec, d.frame);
    if (rc == 0) {
      d.copy_out(out);
      d.stamp(out);
      d.av->av_frame_unref(d.frame);
      return DecodeStatus::Frame;
    }
    if (rc == AVERROR_EOF) {
      if (d.decoded == 0) {
        error = d.fail(VideoErrorCode::NoFrames, "the clip holds no picture");
        return DecodeStatus::Error;
      }
      return DecodeStatus::End;
    }
    if (rc != AVERROR(EAGAIN)) {
      // A picture that fails to decode is skipped; a run of them is a broken clip.
      if (++bad_packets > kMaxConsecutiveBadPackets) {
        error = d.fail(VideoErrorCode::DecodeFailed, d.reason(rc));
        return DecodeStatus::Error;
      }
      continue;
    }
    if (d.draining) {   // EAGAIN after the flush packet should not happen; end the clip
      return d.decoded == 0 ? (error = d.fail(VideoErrorCode::NoFrames, "no picture"),
                               DecodeStatus::Error)
                            : DecodeStatus::End;
    }
    rc = d.av->av_read_frame(d.format, d.packet);
    if (rc < 0) {
      // End of file, or a truncated/unreadable file: flush what the decoder holds.
      d.draining = true;
      d.av->avcodec_send_packet(d.codec, nullptr);
      continue;
    }
    if (d.packet->stream_index != d.stream) {
      d.av->av_packet_unref(d.packet);
      continue;
    }
    rc = d.av->avcodec_send_packet(d.codec, d.packet);
    d.av->av_packet_unref(d.packet);
    if (rc < 0 && rc != AVERROR(EAGAIN)) {
      if (++bad_packets > kMaxConsecutiveBadPackets) {
        error = d.fail(VideoErrorCode::DecodeFailed, d.reason(rc));
        return DecodeStatus::Error;
      }
    }
  }
}

bool ClipDecoder::rewind() {
  Impl& d = *m_impl;
  if (d.codec == nullptr) return false;
  const int rc = d.av->av_seek_frame(d.format, d.stream, d.start_pts, AVSEEK_FLAG_BACKWARD);
  d.av->avcodec_flush_buffers(d.codec);
  d.draining = false;
  d.decoded = 0;
  d.next_pts_ms = 0;
  return rc >= 0;
}

}  // namespace kiosk::drivers::video
