// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// FFmpeg, loaded on first use. libavformat and libavcodec pull in about 80 shared
// libraries (every codec Debian builds in, VA-API, X11, ...); linked into the kiosk they
// were mapped and relocated before main(), about half of the time from exec to the first
// frame, for a sign pane that plays its first clip long after. The video driver opens
// them with dlopen (the sonames it was built against) when it opens its first clip.
// Thread-safe: load_libav() may be called from any thread; the table is never unloaded.
extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/error.h>
#include <libavutil/imgutils.h>
#include <libswscale/swscale.h>
}

#include <string>

namespace kiosk::drivers::video {

// The FFmpeg functions the driver calls, with their own signatures.
struct LibAv {
#define KIOSK_LIBAV_FUNCTIONS(X)                                                             \
  X(av_strerror) X(av_log_set_level) X(av_frame_alloc) X(av_frame_free) X(av_frame_unref)      \
  X(av_image_copy_plane) X(av_rescale_q) X(av_version_info) X(avutil_version)                  \
  X(sws_getCachedContext) X(sws_scale) X(sws_freeContext) X(swscale_version)                   \
  X(av_packet_alloc) X(av_packet_free) X(av_packet_unref) X(avcodec_alloc_context3)            \
  X(avcodec_free_context) X(avcodec_parameters_to_context) X(avcodec_open2)                    \
  X(avcodec_send_packet) X(avcodec_receive_frame) X(avcodec_flush_buffers) X(avcodec_version)  \
  X(avformat_open_input) X(avformat_find_stream_info) X(avformat_close_input)                  \
  X(av_find_best_stream) X(av_read_frame) X(av_seek_frame) X(avformat_version)
#define KIOSK_LIBAV_MEMBER(name) decltype(&::name) name = nullptr;
  KIOSK_LIBAV_FUNCTIONS(KIOSK_LIBAV_MEMBER)
#undef KIOSK_LIBAV_MEMBER
};

// The table, loaded on the first call; null if a library or a function is missing
// (then `why` says which, e.g. "libavcodec.so.59: cannot open shared object file").
const LibAv* load_libav(std::string* why = nullptr);

}  // namespace kiosk::drivers::video
