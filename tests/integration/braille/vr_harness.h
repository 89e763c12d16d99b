// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Test harness for a private BRLTTY with the Virtual ("vr") braille driver
// (docs/design.md 9.3, docs/accessibility.md 7): listens on a unix socket that brltty connects to,
// says how many cells the display has, records each `Braille "..."` line and injects
// commands (`LnDn`, `Route n`, `PassDots n`). Also owns the brltty process.
#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace kiosk::testing {

class VrDisplay {
 public:
  explicit VrDisplay(int cells);
  ~VrDisplay();   // stops brltty and the reader

  bool start_brltty();   // spawns brltty; false if it could not be spawned
  void stop_brltty();    // SIGTERM + waitpid
  int api_offset() const { return m_offset; }     // BrlAPI host "127.0.0.1:<offset>"
  std::string brlapi_host() const { return "127.0.0.1:" + std::to_string(m_offset); }

  void set_cells(int cells);                 // sends `cells N` now and on reconnects
  void send(const std::string& line);        // e.g. "LnDn", "Route 3", "PassDots 3"
  // The display's cells as Unicode braille (blank = U+2800, trailing blanks dropped).
  std::string shown();
  // Waits until the display shows `cells` (trailing blanks ignored); false at the deadline.
  bool wait_for(const std::string& cells, std::chrono::milliseconds deadline);
  bool wait_connected(std::chrono::milliseconds deadline);
  std::string log_path() const { return m_dir + "/brltty.log"; }

  static std::string parse_braille_line(const std::string& line);   // `Braille "1|2| "` -> cells

 private:
  void serve();
  std::string m_dir;
  int m_cells;
  int m_offset;
  int m_listen_fd = -1;
  std::atomic<int> m_client_fd{-1};
  pid_t m_brltty = -1;
  std::atomic<bool> m_stop{false};
  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::string m_shown;
  std::thread m_reader;
};

}  // namespace kiosk::testing
