// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Plays one clip: FFmpeg decoding on a worker thread into a small bounded frame queue,
// and frame pacing by timestamps against a clock the owner passes in (a virtual clock in
// headless runs and tests). Play, pause, replay, loop and a slower speed (0.5x-1x).
//
// A missing or corrupt clip never crashes or blocks: open() returns the error, and
// trouble found while decoding ends the clip with an Error event (both are also logged
// once as a warning through SDL_Log). The pane then shows captions only.
//
// Threads: every public member is for the owner's thread (the main thread); the worker
// is internal. Memory: at most queue_frames + 2 frames exist (queue, shown, decoding).
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "drivers/video/clip_decoder.h"
#include "drivers/video/playback_timeline.h"
#include "drivers/video/video_types.h"

namespace kiosk::drivers::video {

enum class LoopMode { Once, Loop };

// Never: return what is due among the frames decoded so far (the live kiosk: a frame
// that is not ready yet counts as late, the last one stays up).
// UntilDue: wait for the worker until the frame due at now_ms is decoded (headless runs
// and tests, where a virtual clock runs faster than decoding). Waits at most 2 s real time.
enum class FrameWait { Never, UntilDue };

enum class PlayerState { Closed, Ready, Playing, Paused, Ended, Failed };

enum class VideoEventKind { Ended, Error };
struct VideoEvent {
  VideoEventKind kind = VideoEventKind::Ended;
  std::string path;
  VideoError error;   // for Error
};

struct PlayerStats {
  std::uint64_t decoded = 0;   // frames the worker produced (this clip)
  std::uint64_t shown = 0;     // distinct frames frame_for returned
  std::uint64_t dropped = 0;   // frames that became due but were overtaken before shown
};

class VideoPlayer {
 public:
  using NowFn = std::function<std::int64_t()>;   // clock in ms; any origin, monotonic

  // now_ms: the clock play/pause/replay/set_speed read; frame_for gets the same clock's
  // time passed in. queue_frames is clamped to 1..4.
  explicit VideoPlayer(NowFn now_ms, int queue_frames = 3);
  ~VideoPlayer();
  VideoPlayer(const VideoPlayer&) = delete;
  VideoPlayer& operator=(const VideoPlayer&) = delete;

  // Opens the clip (probing takes a few ms) and starts decoding ahead, paused at the first
  // frame (state Ready). On error the state is Failed and an Error event is queued too.
  VideoError open(const std::string& path, LoopMode loop = LoopMode::Once);
  void close();

  void play();                       // from Ready or Paused; from Ended = replay()
  void pause();
  void replay();                     // from the first frame, playing
  void set_speed(double speed);      // 0.5 .. 1.0 (clamped); keeps the current position
  void set_loop(LoopMode loop);

  // The latest frame due at clock time now_ms (never one whose pts is later than the
  // media time), or nullptr when none is ready yet, or the clip failed. The pointer stays
  // valid until the next call of any member. After Ended the last frame stays.
  const VideoFrame* frame_for(std::int64_t now_ms, FrameWait wait = FrameWait::Never);

  std::vector<VideoEvent> poll_events();
  PlayerState state() const { return m_state; }
  const ClipInfo& info() const { return m_info; }
  const std::string& path() const { return m_path; }
  PlayerStats stats() const;
  std::int64_t media_time(std::int64_t now_ms) const { return m_timeline.media_at(now_ms); }
  // Clock time at which the next frame after the one shown becomes due, or -1 when none
  // will without a command (not playing). It may lie in the past when the decoder is
  // behind. For a loop that sleeps between frames (the window kiosk): wake up then.
  std::int64_t next_frame_due() const;

 private:
  using FramePtr = std::unique_ptr<VideoFrame>;
  void worker_main();
  void fail(const VideoError& error);
  void recycle(FramePtr frame);   // caller holds m_mutex
  void flush_queue();             // caller holds m_mutex

  NowFn m_now;
  std::size_t m_capacity;
  PlaybackTimeline m_timeline;
  PlayerState m_state = PlayerState::Closed;
  ClipInfo m_info;
  std::string m_path;
  std::vector<VideoEvent> m_events;
  FramePtr m_current;               // the frame last returned (owner's thread)
  bool m_current_shown = false;
  std::uint64_t m_shown = 0;
  std::uint64_t m_dropped = 0;

  // Shared with the worker, under m_mutex.
  mutable std::mutex m_mutex;
  std::condition_variable m_cv;       // worker waits for room / commands
  std::condition_variable m_ready;    // owner waits for frames (FrameWait::UntilDue)
  std::deque<FramePtr> m_queue;
  std::vector<FramePtr> m_free;
  std::size_t m_allocated = 0;
  std::uint64_t m_generation = 0;     // bumped by replay; frames of older ones are dropped
  bool m_stop = false;
  bool m_rewind = false;
  bool m_worker_done = false;         // End or Error reached for this generation
  bool m_worker_failed = false;
  VideoError m_worker_error;
  LoopMode m_loop = LoopMode::Once;
  std::uint64_t m_decoded = 0;
  ClipDecoder m_decoder;              // worker's once it runs
  std::thread m_worker;
};

}  // namespace kiosk::drivers::video
