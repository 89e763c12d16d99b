// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The serial line to a GA 467 reader (termios: raw, 115200 8N1, the readers' default) and
// one command-and-answer exchange over it. Used by the driver's worker only; the stop pipe
// lets another thread interrupt any wait at once. Nothing here is logged: answers carry
// personal data.
#include <cstdint>
#include <string>

#include "drivers/card_reader/ga467_frame.h"

namespace kiosk::drivers::card_reader::ga467 {

enum class Outcome {
  Answer,     // a whole frame with a good check byte and SW1 SW2 SW3
  NoAnswer,   // nothing whole within the time (silence, noise, half a frame)
  Damaged,    // a frame with a wrong check byte or an impossible length
  Lost,       // the line is gone (unplugged: EIO, hang-up)
  Stopped,    // the driver is shutting down
};

class SerialPort {
 public:
  // `stop_fd`: readable when the worker must stop (the read end of the driver's pipe).
  explicit SerialPort(int stop_fd) : m_stop_fd(stop_fd) {}
  ~SerialPort() { close(); }
  SerialPort(const SerialPort&) = delete;
  SerialPort& operator=(const SerialPort&) = delete;

  bool open(const std::string& device);   // false: no such device, or not a tty
  void close();
  bool is_open() const { return m_fd >= 0; }

  // Sends CMD PARA and waits up to `timeout_ms` for the answer. Input left over from an
  // earlier exchange (a late or cut answer) is discarded first, so an answer always
  // belongs to its command; an answer with more than `max_data` data bytes is one to an
  // earlier, longer command that came late (a slow read), and is passed over too.
  // `answer` is filled on Outcome::Answer.
  Outcome exchange(const std::uint8_t (&command)[2], int timeout_ms, Answer& answer,
                   std::size_t max_data = kShortAnswerMax);
  static constexpr std::size_t kShortAnswerMax = 64;   // find, select, SAM status: 0..16
  static constexpr std::size_t kAnyLength = kMaxLength;

  // Sleeps `ms` unless the stop pipe is readable; false when stopped.
  bool sleep(int ms) const;

 private:
  int m_fd = -1;
  int m_stop_fd;
  FrameParser m_parser;
  std::vector<std::uint8_t> m_body;
};

}  // namespace kiosk::drivers::card_reader::ga467
