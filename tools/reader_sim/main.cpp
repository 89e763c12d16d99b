// SPDX-License-Identifier: GPL-3.0-or-later
// reader_sim: a resident-ID card reader on a pseudo-terminal, for the GA 467 driver's tests
// and for trying the kiosk without a reader (docs/design.md 3).
//
//   reader_sim [CARD.json] [--fault NAME] [--slow-ms N] [--link PATH] [--log FILE] [--removed]
//
// It prints "ready PATH" (the terminal, or --link PATH, a symbolic link to it that stays
// the same across an unplug and replug), then answers GA 467 frames from the card file
// until stdin ends. Lines on stdin: "place", "remove" (the card), "unplug", "replug"
// (the whole reader), "quit". --log writes one line per command received:
// "MILLISECONDS CMD PARA" (a monotonic clock). Exit 2 on bad arguments or card file.
#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <string>

#include "drivers/card_reader/ga467_frame.h"
#include "reader_model.h"

namespace ga467 = kiosk::drivers::card_reader::ga467;
using namespace kiosk::tools::reader_sim;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
  std::string card_file;
  Fault fault = Fault::None;
  int slow_ms = 3000;
  std::string link;
  std::string log;
  bool removed = false;
};

int usage(const char* problem) {
  std::fprintf(stderr, "reader_sim: %s\nusage: reader_sim [CARD.json] [--fault no-card|garbage|half-frame|"
               "bad-check|unplug|slow-sam] [--slow-ms N] [--link PATH] [--log FILE] [--removed]\n", problem);
  return 2;
}

bool parse_options(int argc, char** argv, Options& options, std::string& problem) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--fault" && has_value) {
      const auto fault = parse_fault(argv[++i]);
      if (!fault) return problem = std::string("unknown fault \"") + argv[i] + "\"", false;
      options.fault = *fault;
    } else if (arg == "--slow-ms" && has_value) {
      options.slow_ms = std::atoi(argv[++i]);
      if (options.slow_ms < 0 || options.slow_ms > 60000) return problem = "--slow-ms takes 0..60000", false;
    } else if (arg == "--link" && has_value) {
      options.link = argv[++i];
    } else if (arg == "--log" && has_value) {
      options.log = argv[++i];
    } else if (arg == "--removed") {
      options.removed = true;
    } else if (arg.starts_with("--") || !options.card_file.empty()) {
      return problem = "unexpected argument \"" + arg + "\"", false;
    } else {
      options.card_file = arg;
    }
  }
  return true;
}

// The reader's end of the line: the pty master; the slave is held open too, so that the
// driver closing and reopening it never looks like a hang-up here.
struct Line {
  int master = -1;
  int slave = -1;
  std::string path;
};

bool plug(Line& line, const std::string& link) {
  line.master = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (line.master < 0 || ::grantpt(line.master) != 0 || ::unlockpt(line.master) != 0) return false;
  char name[128];
  if (::ptsname_r(line.master, name, sizeof name) != 0) return false;
  line.path = name;
  line.slave = ::open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
  termios tio{};
  if (line.slave < 0 || ::tcgetattr(line.slave, &tio) != 0) return false;
  ::cfmakeraw(&tio);   // no echo before the driver sets its own modes
  ::tcsetattr(line.slave, TCSANOW, &tio);
  ::fcntl(line.master, F_SETFL, ::fcntl(line.master, F_GETFL) | O_NONBLOCK);
  if (!link.empty()) {
    // Replace the link in one step: the driver sees the old terminal or the new one.
    const std::string temp = link + ".new";
    std::filesystem::remove(temp);
    if (::symlink(name, temp.c_str()) != 0 || ::rename(temp.c_str(), link.c_str()) != 0) return false;
  }
  std::printf("ready %s\n", link.empty() ? name : link.c_str());
  std::fflush(stdout);
  return true;
}

void unplug(Line& line, const std::string& link) {
  if (!link.empty()) ::unlink(link.c_str());
  for (int* fd : {&line.master, &line.slave})
    if (*fd >= 0) ::close(*fd), *fd = -1;
  std::printf("unplugged\n");
  std::fflush(stdout);
}

void write_all(int fd, const std::vector<std::uint8_t>& bytes) {
  for (std::size_t sent = 0; sent < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + sent, bytes.size() - sent);
    if (n > 0) {
      sent += static_cast<std::size_t>(n);
    } else {
      pollfd out{fd, POLLOUT, 0};
      if (::poll(&out, 1, 1000) <= 0) return;   // nobody reads: the rest is lost, as on a wire
    }
  }
}

struct Pending {
  Clock::time_point due;
  Reply reply;
};

// The reader's loop: commands from the line, answers when due, control lines from stdin.
class Simulator {
 public:
  Simulator(ReaderModel& model, Options& options, std::FILE* log) : m_model(model), m_options(options), m_log(log) {}
  bool plug() { return ::plug(m_line, m_options.link); }
  // Until stdin ends or says "quit"; false when a replug failed.
  bool run() {
    for (;;) {
      int timeout = -1;
      if (!m_pending.empty())
        timeout = static_cast<int>(std::max<std::int64_t>(
            0, std::chrono::ceil<std::chrono::milliseconds>(m_pending.front().due - Clock::now()).count()));
      pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {m_line.master, POLLIN, 0}};
      if (::poll(fds, m_line.master >= 0 ? 2 : 1, timeout) < 0) continue;
      send_due();
      if (m_line.master >= 0 && (fds[1].revents & POLLIN) != 0) take_commands();
      if ((fds[0].revents & (POLLIN | POLLHUP)) != 0) {
        char chunk[256];
        const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (n <= 0) return true;
        m_input.append(chunk, static_cast<std::size_t>(n));
        for (std::size_t end; (end = m_input.find('\n')) != std::string::npos;) {
          const std::string line = m_input.substr(0, end);
          m_input.erase(0, end + 1);
          if (line == "quit") return true;
          if (!control(line)) return false;
        }
      }
    }
  }

 private:
  void unplug() {
    ::unplug(m_line, m_options.link);
    m_pending.clear();
    m_parser.clear();
  }

  bool control(const std::string& line) {
    if (line == "place") m_model.place();
    if (line == "remove") m_model.remove();
    if (line == "unplug" && m_line.master >= 0) unplug();
    if (line == "replug" && m_line.master < 0) {
      if (!plug()) return false;
      m_model.replugged();
    }
    return true;
  }

  void send_due() {
    while (!m_pending.empty() && m_pending.front().due <= Clock::now()) {
      const Pending next = std::move(m_pending.front());
      m_pending.pop_front();
      if (m_line.master >= 0) write_all(m_line.master, next.reply.bytes);
      if (next.reply.unplug_after) unplug();
    }
  }

  void take_commands() {
    std::uint8_t buffer[512];
    const ssize_t n = ::read(m_line.master, buffer, sizeof buffer);
    if (n > 0) m_parser.feed(std::span<const std::uint8_t>(buffer, static_cast<std::size_t>(n)));
    for (ga467::Parsed parsed; (parsed = m_parser.next(m_body)) != ga467::Parsed::NeedMore;) {
      if (parsed == ga467::Parsed::BadLength) continue;
      if (m_log != nullptr && parsed == ga467::Parsed::Frame && m_body.size() >= 2) {
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch());
        std::fprintf(m_log, "%lld %02X %02X\n", static_cast<long long>(ms.count()), m_body[0], m_body[1]);
        std::fflush(m_log);
      }
      // One command at a time, as a reader works: an answer waits for the one before it.
      Reply reply = parsed == ga467::Parsed::Frame ? m_model.answer(m_body) : m_model.answer_bad_check();
      const auto due = std::max(Clock::now(), m_busy_until) + std::chrono::milliseconds(reply.delay_ms);
      m_busy_until = due;
      m_pending.push_back({due, std::move(reply)});
    }
  }

  ReaderModel& m_model;
  Options& m_options;
  std::FILE* m_log;
  Line m_line;
  ga467::FrameParser m_parser;
  std::vector<std::uint8_t> m_body;
  std::deque<Pending> m_pending;
  Clock::time_point m_busy_until = Clock::now();
  std::string m_input;
};

}  // namespace

int main(int argc, char** argv) {
  Options options;
  std::string problem;
  if (!parse_options(argc, argv, options, problem)) return usage(problem.c_str());
  std::optional<kiosk::core::IdCard> card;
  if (!options.card_file.empty()) {
    auto loaded = load_card(options.card_file);
    if (!loaded.ok()) {
      std::fprintf(stderr, "reader_sim: %s\n", loaded.error().message.c_str());
      return 2;
    }
    card = std::move(loaded.value());
  }
  const bool placed = card.has_value() && !options.removed;
  ReaderModel model(std::move(card), options.fault, options.slow_ms);
  if (!placed) model.remove();
  std::FILE* log = options.log.empty() ? nullptr : std::fopen(options.log.c_str(), "w");
  if (!options.log.empty() && log == nullptr) return usage("cannot write the --log file");
  Simulator simulator(model, options, log);
  if (!simulator.plug()) return usage("cannot open a pseudo-terminal or its link");
  const bool ended_well = simulator.run();
  if (!options.link.empty()) ::unlink(options.link.c_str());
  if (log != nullptr) std::fclose(log);
  return ended_well ? 0 : usage("cannot replug: no pseudo-terminal or link");
}
