// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk_run.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

namespace kiosk::testing {

namespace fs = std::filesystem;

fs::path fresh_dir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("kiosk-test-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string foundation_hall(const fs::path& dir) {
  if (fs::exists(dir / "config" / "kiosk.toml")) return "--config " + (dir / "config" / "kiosk.toml").string();
  return hall_config_with(dir, {});
}

KioskRun run_kiosk_in(const fs::path& dir, const std::string& script, const std::string& extra) {
  KioskRun run;
  run.dir = dir;
  std::ofstream(dir / "s.script") << script;
  const std::string config = extra.find("--config") == std::string::npos ? foundation_hall(dir) + " " : std::string{};
  const std::string command = std::string("SDL_AUDIODRIVER=dummy KIOSK_BRAILLE_DRIVER=null ") + KIOSK_BINARY +
                              " --headless --script '" + (dir / "s.script").string() + "' --transcript '" +
                              (dir / "t.jsonl").string() + "' --screenshots '" + (dir / "shots").string() + "' " +
                              config + extra + " 2>'" + (dir / "err.txt").string() + "'";
  const int status = std::system(command.c_str());
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(dir / "t.jsonl");
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) run.events.push_back(nlohmann::json::parse(line));
  std::stringstream err;
  err << std::ifstream(dir / "err.txt").rdbuf();
  run.stderr_text = err.str();
  return run;
}

KioskRun run_kiosk(const std::string& name, const std::string& script, const std::string& extra) {
  return run_kiosk_in(fresh_dir(name), script, extra);
}

void write_garbage_sign_assets(const fs::path& root) {
  fs::create_directories(root / "assets" / "sign" / "placeholder");
  {
    std::ofstream garbage(root / "assets" / "sign" / "placeholder" / "home.title.mp4", std::ios::binary);
    for (int i = 0; i < 4096; ++i) garbage.put(static_cast<char>((i * 7919) & 0xff));
  }
  std::ofstream(root / "assets" / "sign" / "manifest.toml") << R"([manifest]
format = 1
sign_language = "国家通用手语"

[clips."home.title"]
file = "placeholder/home.title.mp4"
duration_ms = 2400
sign_language = "国家通用手语"
version = "garbage-1"
placeholder = true
)";
}

std::vector<nlohmann::json> of_type(const KioskRun& run, const std::string& type) {
  std::vector<nlohmann::json> out;
  for (const auto& e : run.events)
    if (e.value("type", "") == type) out.push_back(e);
  return out;
}

std::vector<std::string> environment_with(std::initializer_list<const char*> drop, const std::vector<std::string>& add) {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string var = *e;
    bool keep = true;
    for (const char* prefix : drop) keep = keep && var.rfind(prefix, 0) != 0;
    if (keep) env.push_back(var);
  }
  env.insert(env.end(), add.begin(), add.end());
  return env;
}

pid_t spawn_process(const std::vector<std::string>& args, const std::vector<std::string>& env, const fs::path& err) {
  std::vector<std::string> a = args, e = env;
  std::vector<char*> argv, envp;
  for (auto& s : a) argv.push_back(s.data());
  argv.push_back(nullptr);
  for (auto& s : e) envp.push_back(s.data());
  envp.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = -1;
  const int rc = posix_spawnp(&pid, a.front().c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : -1;
}

bool have_tool(const char* tool) {
  return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0;
}

pid_t start_xvfb(std::string& display, const fs::path& dir) {
  // Tests run side by side: a display another server holds (its lock file) is skipped,
  // and a server that stops at once (it lost the race for the display) tries the next.
  for (int number = std::stoi(display.substr(1)), tries = 0; tries < 20; ++number, ++tries) {
    if (fs::exists("/tmp/.X" + std::to_string(number) + "-lock")) continue;
    display = ":" + std::to_string(number);
    const pid_t xvfb = spawn_process({"Xvfb", display, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"},
                                     environment_with({}, {}), dir / "xvfb.txt");
    if (xvfb <= 0) return -1;
    const fs::path socket = "/tmp/.X11-unix/X" + std::to_string(number);
    bool stopped = false;
    for (int i = 0; i < 200 && !stopped && !fs::exists(socket); ++i) {
      stopped = waitpid(xvfb, nullptr, WNOHANG) == xvfb;
      if (!stopped) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (!stopped && fs::exists(socket)) return xvfb;
    if (!stopped) {
      kill(xvfb, SIGTERM);
      waitpid(xvfb, nullptr, 0);
      return -1;
    }
  }
  return -1;
}

std::vector<nlohmann::json> read_events(const fs::path& transcript) {
  std::vector<nlohmann::json> out;
  std::ifstream in(transcript);
  for (std::string line; std::getline(in, line);) {
    auto event = nlohmann::json::parse(line, nullptr, false);
    if (!event.is_discarded()) out.push_back(std::move(event));
  }
  return out;
}

std::string hall_config_with(const fs::path& dir, std::vector<std::pair<std::string, std::string>> lines) {
  const bool own_services = std::any_of(lines.begin(), lines.end(), [](const auto& l) { return l.first == "services = "; });
  if (!own_services) lines.push_back({"services = ", kFoundationServices});
  fs::copy(fs::path(KIOSK_SOURCE_ROOT) / "config", dir / "config", fs::copy_options::recursive);
  fs::create_directory_symlink(fs::path(KIOSK_SOURCE_ROOT) / "assets", dir / "assets");   // sign clips, fonts
  std::ofstream out(dir / "config" / "kiosk.toml", std::ios::trunc);
  std::ifstream in(fs::path(KIOSK_SOURCE_ROOT) / "config" / "kiosk.toml");
  for (std::string line; std::getline(in, line);) {
    for (const auto& [start, replacement] : lines)
      if (line.rfind(start, 0) == 0) line = replacement;
    out << line << "\n";
  }
  return "--config " + (dir / "config" / "kiosk.toml").string();
}

std::string hall_config_in(const fs::path& dir, std::vector<std::pair<std::string, std::string>> lines) {
  lines.push_back({"outbox_path = ", "outbox_path = \"" + (dir / "outbox.db").string() + "\""});
  lines.push_back({"outbox_key_file = ", "outbox_key_file = \"" + (dir / "outbox.key").string() + "\""});
  return hall_config_with(dir, lines);
}

int line_starting_with(const fs::path& file, const std::string& start) {
  std::ifstream in(file);
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (line.rfind(start, 0) == 0) return number;
  }
  return 0;
}

}  // namespace kiosk::testing
