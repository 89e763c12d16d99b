// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// tools/reader_sim as a child process for the GA 467 driver's tests: started with a link
// path in a fresh folder, steered through its stdin, its command log read back. Test
// thread only.
#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::testing {

class ReaderSimProcess {
 public:
  // `args`: what follows the program name, besides --link and --log (added here).
  ReaderSimProcess(const std::filesystem::path& dir, std::vector<std::string> args);
  ~ReaderSimProcess();   // "quit", then a kill if it does not end within 2 s
  ReaderSimProcess(const ReaderSimProcess&) = delete;
  ReaderSimProcess& operator=(const ReaderSimProcess&) = delete;

  bool started() const { return m_ready; }
  const std::string& link() const { return m_link; }
  void send(const std::string& line);                   // "place", "remove", "unplug", ...
  bool wait_line(const std::string& prefix, int timeout_ms);   // the next stdout line so starting
  struct Command {
    std::int64_t ms;   // the simulator's monotonic clock
    int cmd, para;
  };
  std::vector<Command> commands() const;   // from the log, oldest first

 private:
  pid_t m_pid = -1;
  int m_in = -1, m_out = -1;
  std::string m_pending;   // stdout read but not yet a whole line
  std::string m_link, m_log;
  bool m_ready = false;
};

// The card file every test places (its text fits the card's fields).
inline constexpr const char* kSimCard = R"({"name":"张三明","sex":"男","nation":"汉","birth":"19800101",
  "address":"山西省侯马市某街1号","id_number":"14108119800101035X","authority":"侯马市公安局",
  "valid_from":"20200101","valid_to":"长期"})";

}  // namespace kiosk::testing
