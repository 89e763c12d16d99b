// SPDX-License-Identifier: GPL-3.0-or-later
#include "vr_harness.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

#include "kiosk/core/present/braille/braille_text.h"

extern char** environ;

namespace kiosk::testing {

VrDisplay::VrDisplay(int cells) : m_cells(cells) {
  char tmpl[] = "/tmp/kiosk-brltty-XXXXXX";
  m_dir = mkdtemp(tmpl);
  std::filesystem::create_directories(m_dir + "/w");
  // BrlAPI listens on TCP 4101 + offset; from the pid so parallel suites differ.
  m_offset = 1000 + static_cast<int>(getpid() % 20000);
  const std::string path = m_dir + "/vr.sock";
  m_listen_fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::strncpy(addr.sun_path, path.c_str(), sizeof(addr.sun_path) - 1);
  bind(m_listen_fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
  listen(m_listen_fd, 4);
  m_reader = std::thread([this] { serve(); });
}

VrDisplay::~VrDisplay() {
  stop_brltty();
  m_stop = true;
  if (m_reader.joinable()) m_reader.join();
  if (m_listen_fd >= 0) close(m_listen_fd);
  std::error_code ec;
  std::filesystem::remove_all(m_dir, ec);
}

bool VrDisplay::start_brltty() {
  const std::string sock = "client:" + m_dir + "/vr.sock";
  const std::string api = "auth=none,host=127.0.0.1:" + std::to_string(m_offset);
  const std::string w = m_dir + "/w";
  const std::string pid = m_dir + "/brltty.pid";
  const std::string log = log_path();
  std::vector<std::string> args = {"brltty", "-n", "-e", "-q", "-f", "/dev/null", "-b", "vr",
                                   "-d", sock, "-x", "no", "-s", "no", "-A", api, "-W", w,
                                   "-U", w, "-P", pid, "-l", "warning"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  const int rc = posix_spawnp(&m_brltty, "brltty", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) m_brltty = -1;
  return rc == 0;
}

void VrDisplay::stop_brltty() {
  if (m_brltty <= 0) return;
  kill(m_brltty, SIGTERM);
  int status = 0;
  waitpid(m_brltty, &status, 0);
  m_brltty = -1;
  const int fd = m_client_fd.exchange(-1);
  if (fd >= 0) close(fd);
  std::lock_guard lock(m_mutex);
  m_shown.clear();
}

void VrDisplay::set_cells(int cells) {
  m_cells = cells;
  send("cells " + std::to_string(cells));
}

void VrDisplay::send(const std::string& line) {
  const int fd = m_client_fd.load();
  if (fd < 0) return;
  const std::string data = line + "\n";
  (void)!::write(fd, data.data(), data.size());
}

std::string VrDisplay::parse_braille_line(const std::string& line) {
  const auto open = line.find('"');
  const auto close_quote = line.rfind('"');
  if (open == std::string::npos || close_quote <= open) return {};
  const std::string body = line.substr(open + 1, close_quote - open - 1);
  std::u32string cells;
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t bar = body.find('|', start);
    if (bar == std::string::npos) bar = body.size();
    const std::string token = body.substr(start, bar - start);
    unsigned mask = 0;
    for (char c : token) {
      if (c >= '1' && c <= '8') mask |= 1u << (c - '1');
    }
    cells += static_cast<char32_t>(0x2800 + mask);
    start = bar + 1;
  }
  while (!cells.empty() && cells.back() == U'\u2800') cells.pop_back();
  return core::braille::utf8_encode(cells);
}

void VrDisplay::serve() {
  std::string buffer;
  while (!m_stop) {
    int fd = m_client_fd.load();
    if (fd < 0) {
      pollfd p{m_listen_fd, POLLIN, 0};
      if (poll(&p, 1, 50) <= 0) continue;
      fd = accept4(m_listen_fd, nullptr, nullptr, SOCK_CLOEXEC);
      if (fd < 0) continue;
      buffer.clear();
      m_client_fd = fd;
      send("cells " + std::to_string(m_cells));
      continue;
    }
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 50) <= 0) continue;
    char chunk[4096];
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n <= 0) {
      if (m_client_fd.compare_exchange_strong(fd, -1)) close(fd);
      continue;
    }
    buffer.append(chunk, static_cast<std::size_t>(n));
    std::size_t nl;
    while ((nl = buffer.find('\n')) != std::string::npos) {
      std::string line = buffer.substr(0, nl);
      buffer.erase(0, nl + 1);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.rfind("Braille ", 0) == 0) {
        std::lock_guard lock(m_mutex);
        m_shown = parse_braille_line(line);
        m_changed.notify_all();
      }
    }
  }
  const int fd = m_client_fd.exchange(-1);
  if (fd >= 0) close(fd);
}

std::string VrDisplay::shown() {
  std::lock_guard lock(m_mutex);
  return m_shown;
}

bool VrDisplay::wait_for(const std::string& cells, std::chrono::milliseconds deadline) {
  std::u32string want = core::braille::utf8_decode(cells);
  while (!want.empty() && want.back() == U'\u2800') want.pop_back();
  const std::string expected = core::braille::utf8_encode(want);
  std::unique_lock lock(m_mutex);
  return m_changed.wait_for(lock, deadline, [&] { return m_shown == expected; });
}

bool VrDisplay::wait_connected(std::chrono::milliseconds deadline) {
  const auto end = std::chrono::steady_clock::now() + deadline;
  while (std::chrono::steady_clock::now() < end) {
    if (m_client_fd.load() >= 0) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

}  // namespace kiosk::testing
