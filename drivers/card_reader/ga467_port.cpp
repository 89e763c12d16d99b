// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/card_reader/ga467_port.h"

#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <chrono>

namespace kiosk::drivers::card_reader::ga467 {

namespace {

using Clock = std::chrono::steady_clock;

int ms_left(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return left < 0 ? 0 : static_cast<int>(left);
}

}  // namespace

bool SerialPort::open(const std::string& device) {
  close();
  const int fd = ::open(device.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return false;
  termios tio{};
  if (!::isatty(fd) || ::tcgetattr(fd, &tio) != 0) {
    ::close(fd);
    return false;
  }
  // Raw bytes both ways: no echo, no line editing, no CR/LF translation, no flow control.
  ::cfmakeraw(&tio);
  ::cfsetispeed(&tio, B115200);
  ::cfsetospeed(&tio, B115200);
  tio.c_cflag |= CLOCAL | CREAD;
  tio.c_cflag &= ~static_cast<tcflag_t>(CSTOPB | PARENB | CRTSCTS);
  tio.c_cc[VMIN] = 0;
  tio.c_cc[VTIME] = 0;
  if (::tcsetattr(fd, TCSANOW, &tio) != 0) {
    ::close(fd);
    return false;
  }
  ::tcflush(fd, TCIOFLUSH);
  m_fd = fd;
  return true;
}

void SerialPort::close() {
  if (m_fd >= 0) ::close(m_fd);
  m_fd = -1;
  m_parser.clear();
  wipe(m_body);
}

bool SerialPort::sleep(int ms) const {
  pollfd stop{m_stop_fd, POLLIN, 0};
  return ::poll(&stop, 1, ms) == 0;   // interrupted by a signal: the next poll waits again
}

Outcome SerialPort::exchange(const std::uint8_t (&command)[2], int timeout_ms, Answer& answer, std::size_t max_data) {
  if (m_fd < 0) return Outcome::Lost;
  // A late answer to the last command must not pass for this one's.
  ::tcflush(m_fd, TCIFLUSH);
  std::uint8_t scratch[512];
  // The bytes read may be a card's text: wiped on every way out.
  struct Wipe {
    std::uint8_t* p;
    std::size_t n;
    ~Wipe() { ::explicit_bzero(p, n); }
  } wipe_scratch{scratch, sizeof scratch};
  while (::read(m_fd, scratch, sizeof scratch) > 0) {
  }
  m_parser.clear();

  const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  const auto frame = encode_command(command[0], command[1]);
  for (std::size_t sent = 0; sent < frame.size();) {
    const ssize_t n = ::write(m_fd, frame.data() + sent, frame.size() - sent);
    if (n > 0) {
      sent += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno != EAGAIN && errno != EINTR) return Outcome::Lost;
    pollfd out{m_fd, POLLOUT, 0};
    if (::poll(&out, 1, ms_left(deadline)) <= 0 || (out.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0)
      return (out.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0 ? Outcome::Lost : Outcome::NoAnswer;
  }

  for (;;) {
    pollfd fds[2] = {{m_fd, POLLIN, 0}, {m_stop_fd, POLLIN, 0}};
    const int ready = ::poll(fds, 2, ms_left(deadline));
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) return Outcome::Lost;
    if ((fds[1].revents & POLLIN) != 0) return Outcome::Stopped;
    if (ready == 0) return Outcome::NoAnswer;
    if ((fds[0].revents & POLLIN) == 0) return Outcome::Lost;   // hang-up or error alone
    const ssize_t n = ::read(m_fd, scratch, sizeof scratch);
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
    if (n <= 0) return Outcome::Lost;   // EIO, or end of file on a hung-up line
    m_parser.feed(std::span<const std::uint8_t>(scratch, static_cast<std::size_t>(n)));
    for (;;) {
      const Parsed parsed = m_parser.next(m_body);
      if (parsed == Parsed::NeedMore) break;
      if (parsed != Parsed::Frame) return Outcome::Damaged;
      const bool whole = parse_answer(m_body, answer);
      wipe(m_body);
      if (!whole) return Outcome::Damaged;
      if (answer.data.size() <= max_data) return Outcome::Answer;
      wipe(answer.data);   // a late answer to an earlier command: wait on

    }
  }
}

}  // namespace kiosk::drivers::card_reader::ga467
