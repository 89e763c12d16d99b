// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The certified resident-ID reader over a serial line (docs/design.md 3, "ga467:DEVICE"):
// a worker thread opens DEVICE (a USB reader is /dev/ttyUSB* or /dev/ttyACM*), checks the
// SAM, then asks "find card" at most every `poll_ms` (never below 300 ms, as readers
// require) and sleeps in between (poll on a stop pipe: no busy loop, stops at once).
//
// Events, through drain() and the wake-up like the fake reader's:
//   Placed      a card found, selected and its base text decoded;
//   Unreadable  a card found but its read failed (a status, silence, a damaged or cut
//               frame, a SAM too slow): once per card on the reader (read again only if
//               the reader finds it again, which most do only once it has been lifted);
//   Removed     a card that was there is gone (a read card is not "found" again, so the
//               worker asks "select card" to know whether it is still there);
//   ReaderLost  the device cannot be opened, does not answer, or hangs up; once per outage.
//               The worker reopens it every `reopen_ms` and goes on when it answers.
//
// Privacy: the photo is read with the text (one command gives both) and wiped from memory
// with the frame; it is never decoded, stored or handed on. Nothing is logged.
// Threading: the public members are for the main thread (drain, set_wakeup), as the base
// class says; the wake-up runs on the worker.
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "drivers/card_reader/card_reader_driver.h"

namespace kiosk::drivers::card_reader {

namespace ga467 {
class SerialPort;
struct Answer;
}  // namespace ga467

class Ga467CardReader final : public CardReaderDriver {
 public:
  struct Timing {
    int poll_ms = 400;       // between two "find card" commands; raised to 300 if lower
    int answer_ms = 1000;    // for an answer to a short command
    int read_ms = 2500;      // for the text and photo (the SAM decrypts them: ~1 s typical)
    int reopen_ms = 2000;    // between attempts to reopen a lost device
  };
  static constexpr int kMinPollMs = 300;

  explicit Ga467CardReader(std::string device) : Ga467CardReader(std::move(device), Timing{}) {}
  Ga467CardReader(std::string device, Timing timing);
  ~Ga467CardReader() override;   // stops and joins the worker
  Ga467CardReader(const Ga467CardReader&) = delete;
  Ga467CardReader& operator=(const Ga467CardReader&) = delete;

  std::string_view code() const override { return "ga467"; }
  std::vector<core::CardEvent> drain() override;
  void set_wakeup(std::function<void()> wakeup) override;

 private:
  enum class CardState { Absent, Read, Failed };
  enum class ReadResult { Placed, Failed, Lost, Stopped };
  void run();
  bool open_reader(ga467::SerialPort& port);
  bool serve(ga467::SerialPort& port);   // true when the reader is lost, false when stopping
  ReadResult read_card(ga467::SerialPort& port);
  void post(core::CardEvent event);

  const std::string m_device;
  const Timing m_timing;
  int m_stop_pipe[2] = {-1, -1};
  std::mutex m_mutex;   // guards m_events and m_wakeup
  std::vector<core::CardEvent> m_events;
  std::function<void()> m_wakeup;
  std::thread m_worker;   // last: started once everything above exists
};

}  // namespace kiosk::drivers::card_reader
