// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/video/video_player.h"

#include <SDL_log.h>

#include <chrono>
#include <cmath>
#include <utility>

namespace kiosk::drivers::video {
namespace {

// FrameWait::UntilDue never blocks the caller longer than this (real time): a decoder
// that stalls must not freeze the kiosk, even in a headless run.
constexpr auto kMaxWait = std::chrono::seconds(2);

}  // namespace

VideoPlayer::VideoPlayer(NowFn now_ms, int queue_frames)
    : m_now(std::move(now_ms)),
      m_capacity(static_cast<std::size_t>(queue_frames < 1 ? 1 : queue_frames > 4 ? 4 : queue_frames)) {
  if (!m_now) {
    m_now = [] {
      return std::chrono::duration_cast<std::chrono::milliseconds>(
                 std::chrono::steady_clock::now().time_since_epoch())
          .count();
    };
  }
}

VideoPlayer::~VideoPlayer() { close(); }

void VideoPlayer::recycle(FramePtr frame) {
  if (frame) m_free.push_back(std::move(frame));
}

void VideoPlayer::flush_queue() {
  while (!m_queue.empty()) {
    recycle(std::move(m_queue.front()));
    m_queue.pop_front();
  }
}

void VideoPlayer::close() {
  if (m_worker.joinable()) {
    {
      std::lock_guard lock(m_mutex);
      m_stop = true;
    }
    m_cv.notify_all();
    m_worker.join();
  }
  m_decoder.close();
  std::lock_guard lock(m_mutex);
  flush_queue();
  recycle(std::move(m_current));
  m_current_shown = false;
  m_state = PlayerState::Closed;
}

void VideoPlayer::fail(const VideoError& error) {
  m_state = PlayerState::Failed;
  m_events.push_back({VideoEventKind::Error, m_path, error});
  // Logged once per failure; clip paths hold no personal data.
  SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "video: %s [%s]; showing captions only",
              error.message.c_str(), video_error_name(error.code));
}

VideoError VideoPlayer::open(const std::string& path, LoopMode loop) {
  close();
  m_path = path;
  m_info = {};
  m_shown = 0;
  m_dropped = 0;
  m_timeline = PlaybackTimeline{};
  m_timeline.reset(m_now(), 0, false);
  VideoError error = m_decoder.open(path);
  if (!error.ok()) {
    fail(error);
    return error;
  }
  m_info = m_decoder.info();
  {
    std::lock_guard lock(m_mutex);
    m_stop = false;
    m_rewind = false;
    m_worker_done = false;
    m_worker_failed = false;
    m_worker_error = {};
    m_loop = loop;
    m_decoded = 0;
    ++m_generation;
  }
  m_state = PlayerState::Ready;
  m_worker = std::thread([this] { worker_main(); });
  return {};
}

void VideoPlayer::play() {
  if (m_state == PlayerState::Ended) {
    replay();
    return;
  }
  if (m_state != PlayerState::Ready && m_state != PlayerState::Paused) return;
  m_timeline.play(m_now());
  m_state = PlayerState::Playing;
}

void VideoPlayer::pause() {
  if (m_state != PlayerState::Playing) return;
  m_timeline.pause(m_now());
  m_state = PlayerState::Paused;
}

void VideoPlayer::replay() {
  if (!m_worker.joinable()) return;   // never opened, or open failed
  {
    std::lock_guard lock(m_mutex);
    ++m_generation;
    m_rewind = true;
    m_worker_done = false;
    m_worker_failed = false;
    m_decoded = 0;
    flush_queue();
    recycle(std::move(m_current));
  }
  m_cv.notify_all();
  m_current_shown = false;
  m_timeline.reset(m_now(), 0, true);
  m_state = PlayerState::Playing;
}

void VideoPlayer::set_speed(double speed) {
  const auto permille = static_cast<int>(std::lround(speed * 1000.0));
  m_timeline.set_speed(m_now(), permille);
}

void VideoPlayer::set_loop(LoopMode loop) {
  std::lock_guard lock(m_mutex);
  m_loop = loop;
}

PlayerStats VideoPlayer::stats() const {
  std::lock_guard lock(m_mutex);
  return {m_decoded, m_shown, m_dropped};
}

std::int64_t VideoPlayer::next_frame_due() const {
  if (m_state != PlayerState::Playing) return -1;
  std::int64_t pts = 0;   // nothing shown yet: the first frame
  {
    std::lock_guard lock(m_mutex);
    if (!m_queue.empty()) pts = m_queue.front()->pts_ms;
    else if (m_current) pts = m_current->pts_ms + m_current->duration_ms;   // decoding, or the end
  }
  return m_timeline.clock_at(pts);
}

std::vector<VideoEvent> VideoPlayer::poll_events() { return std::exchange(m_events, {}); }

const VideoFrame* VideoPlayer::frame_for(std::int64_t now_ms, FrameWait wait) {
  if (m_state == PlayerState::Closed || m_state == PlayerState::Failed) return nullptr;
  const std::int64_t media = m_timeline.media_at(now_ms);
  const auto deadline = std::chrono::steady_clock::now() + kMaxWait;
  bool finished = false;
  {
    std::unique_lock lock(m_mutex);
    for (;;) {
      bool took = false;
      while (!m_queue.empty() && m_queue.front()->pts_ms <= media) {
        if (m_current && !m_current_shown) ++m_dropped;
        recycle(std::move(m_current));
        m_current = std::move(m_queue.front());
        m_queue.pop_front();
        m_current_shown = false;
        took = true;
      }
      if (took) m_cv.notify_all();   // room in the queue
      if (m_worker_failed) break;
      // A queued frame that is not due yet proves nothing else is due.
      if (wait == FrameWait::Never || m_worker_done || !m_queue.empty()) break;
      if (m_ready.wait_until(lock, deadline) == std::cv_status::timeout) break;
    }
    if (m_worker_failed) {
      const VideoError error = m_worker_error;
      m_worker_failed = false;
      flush_queue();
      recycle(std::move(m_current));
      lock.unlock();
      fail(error);
      return nullptr;
    }
    finished = m_worker_done && m_queue.empty();
  }
  if (m_current && !m_current_shown) {
    m_current_shown = true;
    ++m_shown;
  }
  if (finished && m_state == PlayerState::Playing &&
      (!m_current || media >= m_current->pts_ms + m_current->duration_ms)) {
    m_state = PlayerState::Ended;
    m_events.push_back({VideoEventKind::Ended, m_path, {}});
  }
  return m_current.get();
}

void VideoPlayer::worker_main() {
  std::int64_t loop_offset = 0;   // media time added to each frame of the current round
  std::int64_t round_end = 0;     // end of the last frame decoded
  std::unique_lock lock(m_mutex);
  for (;;) {
    m_cv.wait(lock, [this] {
      return m_stop || m_rewind || (!m_worker_done && m_queue.size() < m_capacity);
    });
    if (m_stop) break;
    const std::uint64_t generation = m_generation;
    if (m_rewind) {
      m_rewind = false;
      lock.unlock();
      const bool ok = m_decoder.rewind();
      lock.lock();
      loop_offset = 0;
      round_end = 0;
      if (!ok && generation == m_generation) {
        m_worker_done = true;
        m_worker_failed = true;
        m_worker_error = {VideoErrorCode::DecodeFailed, "video clip " + m_path + ": cannot seek"};
        m_ready.notify_all();
      }
      continue;
    }
    FramePtr frame;
    if (!m_free.empty()) {
      frame = std::move(m_free.back());
      m_free.pop_back();
    } else {
      frame = std::make_unique<VideoFrame>();
      ++m_allocated;
    }
    lock.unlock();
    VideoError error;
    const DecodeStatus status = m_decoder.next(*frame, error);
    lock.lock();
    if (m_stop) {
      recycle(std::move(frame));
      break;
    }
    if (generation != m_generation || m_rewind) {   // a replay overtook this frame
      recycle(std::move(frame));
      continue;
    }
    if (status == DecodeStatus::Frame) {
      frame->pts_ms += loop_offset;
      frame->index = m_decoded++;
      round_end = frame->pts_ms + frame->duration_ms;
      m_queue.push_back(std::move(frame));
      m_ready.notify_all();
      continue;
    }
    recycle(std::move(frame));
    if (status == DecodeStatus::End && m_loop == LoopMode::Loop) {
      lock.unlock();
      const bool ok = m_decoder.rewind();
      lock.lock();
      if (ok) {
        loop_offset = round_end;
        continue;
      }
    }
    m_worker_done = true;
    if (status == DecodeStatus::Error) {
      m_worker_failed = true;
      m_worker_error = error;
    }
    m_ready.notify_all();
  }
}

}  // namespace kiosk::drivers::video
