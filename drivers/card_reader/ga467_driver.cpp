// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/card_reader/ga467_driver.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>

#include "drivers/card_reader/ga467_port.h"
#include "drivers/card_reader/ga467_text.h"

namespace kiosk::drivers::card_reader {

namespace {

using Clock = std::chrono::steady_clock;
using ga467::Outcome;

// The reader is taken as lost after this many "find card" polls in a row without an answer.
constexpr int kSilentPollsForLost = 3;

}  // namespace

Ga467CardReader::Ga467CardReader(std::string device, Timing timing)
    : m_device(std::move(device)), m_timing(timing) {
  if (::pipe2(m_stop_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
    // No way to stop a worker: run none, and say the reader is not there.
    m_events.push_back({core::CardEvent::Kind::ReaderLost, {}});
    return;
  }
  m_worker = std::thread([this] { run(); });
}

Ga467CardReader::~Ga467CardReader() {
  if (m_worker.joinable()) {
    const char stop = 's';
    [[maybe_unused]] const ssize_t n = ::write(m_stop_pipe[1], &stop, 1);
    m_worker.join();
  }
  for (const int fd : m_stop_pipe)
    if (fd >= 0) ::close(fd);
}

std::vector<core::CardEvent> Ga467CardReader::drain() {
  std::vector<core::CardEvent> out;
  const std::lock_guard lock(m_mutex);
  out.swap(m_events);
  return out;
}

void Ga467CardReader::set_wakeup(std::function<void()> wakeup) {
  const std::lock_guard lock(m_mutex);
  m_wakeup = std::move(wakeup);
}

void Ga467CardReader::post(core::CardEvent event) {
  std::function<void()> wakeup;
  {
    const std::lock_guard lock(m_mutex);
    m_events.push_back(std::move(event));
    wakeup = m_wakeup;
  }
  if (wakeup) wakeup();
}

// Worker: open, serve until lost, say so once, reopen after a pause; until stopped.
void Ga467CardReader::run() {
  ga467::SerialPort port(m_stop_pipe[0]);
  bool lost_told = false;
  for (;;) {
    if (open_reader(port)) {
      lost_told = false;
      const bool lost = serve(port);
      port.close();
      if (!lost) return;
    }
    if (!port.sleep(0)) return;
    if (!lost_told) post({core::CardEvent::Kind::ReaderLost, {}});
    lost_told = true;
    if (!port.sleep(m_timing.reopen_ms)) return;
  }
}

// The device opens as a tty and its SAM says it is ready.
bool Ga467CardReader::open_reader(ga467::SerialPort& port) {
  if (!port.open(m_device)) return false;
  ga467::Answer answer;
  if (port.exchange(ga467::kCmdSamStatus, m_timing.answer_ms, answer) == Outcome::Answer &&
      answer.sw3 == ga467::kStatusOk)
    return true;
  port.close();
  return false;
}

bool Ga467CardReader::serve(ga467::SerialPort& port) {
  const auto poll = std::chrono::milliseconds(std::max(m_timing.poll_ms, kMinPollMs));
  CardState state = CardState::Absent;
  int silent = 0;
  Clock::time_point last_find = Clock::now() - poll;
  ga467::Answer answer;
  for (;;) {
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(last_find + poll - Clock::now());
    if (!port.sleep(static_cast<int>(std::max<std::int64_t>(wait.count(), 0)))) return false;
    last_find = Clock::now();
    Outcome outcome = port.exchange(ga467::kCmdFindCard, m_timing.answer_ms, answer);
    if (outcome == Outcome::Stopped) return false;
    if (outcome == Outcome::Lost) return true;
    if (outcome != Outcome::Answer) {
      if (++silent >= kSilentPollsForLost) return true;
      continue;
    }
    silent = 0;
    if (answer.sw3 == ga467::kStatusCardFound) {
      switch (read_card(port)) {
        case ReadResult::Stopped: return false;
        case ReadResult::Lost: return true;
        case ReadResult::Placed: state = CardState::Read; break;
        case ReadResult::Failed:
          if (state != CardState::Failed) post({core::CardEvent::Kind::Unreadable, {}});
          state = CardState::Failed;
          break;
      }
      continue;
    }
    if (state == CardState::Absent) continue;
    // A card once read is not "found" again while it lies there; "select" still reaches it.
    outcome = port.exchange(ga467::kCmdSelectCard, m_timing.answer_ms, answer);
    if (outcome == Outcome::Stopped) return false;
    if (outcome == Outcome::Lost) return true;
    if (outcome == Outcome::Answer && answer.sw3 != ga467::kStatusOk) {
      post({core::CardEvent::Kind::Removed, {}});
      state = CardState::Absent;
    }
  }
}

// Select, then read the text and photo; the photo is wiped with the answer, unread.
Ga467CardReader::ReadResult Ga467CardReader::read_card(ga467::SerialPort& port) {
  ga467::Answer answer;
  const auto step = [&](const std::uint8_t (&command)[2], int timeout_ms, std::size_t max_data) {
    const Outcome outcome = port.exchange(command, timeout_ms, answer, max_data);
    if (outcome == Outcome::Stopped) return ReadResult::Stopped;
    if (outcome == Outcome::Lost) return ReadResult::Lost;
    return outcome == Outcome::Answer && answer.sw3 == ga467::kStatusOk ? ReadResult::Placed : ReadResult::Failed;
  };
  if (const ReadResult selected = step(ga467::kCmdSelectCard, m_timing.answer_ms,
                                                 ga467::SerialPort::kShortAnswerMax); selected != ReadResult::Placed)
    return selected;
  const ReadResult read = step(ga467::kCmdReadBase, m_timing.read_ms, ga467::SerialPort::kAnyLength);
  if (read != ReadResult::Placed) {
    ga467::wipe(answer.data);
    return read;
  }
  ga467::BaseBlocks blocks;
  auto card = ga467::split_base(answer.data, blocks) ? ga467::decode_text_block(blocks.text)
                                                     : core::Result<core::IdCard>(core::Error{"ga467_base", ""});
  ga467::wipe(answer.data);
  if (!card.ok()) return ReadResult::Failed;
  post({core::CardEvent::Kind::Placed, std::move(card.value())});
  return ReadResult::Placed;
}

}  // namespace kiosk::drivers::card_reader
