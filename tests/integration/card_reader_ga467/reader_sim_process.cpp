// SPDX-License-Identifier: GPL-3.0-or-later
#include "reader_sim_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>

extern char** environ;

namespace kiosk::testing {

ReaderSimProcess::ReaderSimProcess(const std::filesystem::path& dir, std::vector<std::string> args)
    : m_link((dir / "reader").string()), m_log((dir / "commands.log").string()) {
  args.insert(args.begin(), READER_SIM);
  for (const std::string& extra : {std::string("--link"), m_link, std::string("--log"), m_log}) args.push_back(extra);
  int in[2], out[2];
  if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0) return;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const int spawned = ::posix_spawn(&m_pid, READER_SIM, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(in[0]);
  ::close(out[1]);
  m_in = in[1];
  m_out = out[0];
  if (spawned != 0) {
    m_pid = -1;
    return;
  }
  m_ready = wait_line("ready ", 5000);
}

ReaderSimProcess::~ReaderSimProcess() {
  if (m_pid > 0) {
    send("quit");
    int status = 0;
    for (int i = 0; i < 200 && ::waitpid(m_pid, &status, WNOHANG) == 0; ++i) ::usleep(10000);
    if (::waitpid(m_pid, &status, WNOHANG) == 0) {
      ::kill(m_pid, SIGKILL);
      ::waitpid(m_pid, &status, 0);
    }
  }
  if (m_in >= 0) ::close(m_in);
  if (m_out >= 0) ::close(m_out);
}

void ReaderSimProcess::send(const std::string& line) {
  const std::string text = line + "\n";
  [[maybe_unused]] const ssize_t n = ::write(m_in, text.data(), text.size());
}

bool ReaderSimProcess::wait_line(const std::string& prefix, int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    for (std::size_t end; (end = m_pending.find('\n')) != std::string::npos;) {
      const std::string line = m_pending.substr(0, end);
      m_pending.erase(0, end + 1);
      if (line.starts_with(prefix)) return true;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd fd{m_out, POLLIN, 0};
    if (::poll(&fd, 1, static_cast<int>(left.count())) <= 0) return false;
    char chunk[256];
    const ssize_t n = ::read(m_out, chunk, sizeof chunk);
    if (n <= 0) return false;
    m_pending.append(chunk, static_cast<std::size_t>(n));
  }
}

std::vector<ReaderSimProcess::Command> ReaderSimProcess::commands() const {
  std::vector<Command> out;
  std::ifstream in(m_log);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    Command c{};
    fields >> c.ms >> std::hex >> c.cmd >> c.para;
    if (fields) out.push_back(c);
  }
  return out;
}

}  // namespace kiosk::testing
