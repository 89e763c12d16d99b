// SPDX-License-Identifier: GPL-3.0-or-later
// Foundation figures (issue #2), printed against the targets; not a test:
//   build/ci/tests/bench/foundation/foundation_bench [steps]
// 1. Cold start to first frame: in process (config, display, first present, from main(),
//    then the channels and their first presentation) and the real binary's window loop
//    on the dummy video driver and, when installed, on Xvfb: from exec to the kiosk's
//    "first frame presented" log line, written right after its first SDL_RenderPresent.
//    Meanwhile the backend opens on a worker (joined by Runtime::start()) and the fonts on
//    another while SDL makes the window; libcurl and SDL2_image are not loaded at all
//    (docs/design.md, "Cold start").
//    Also the headless binary: exec to its first screenshot file and to exit.
// 2. Key press to frame presented, p50/p95, at 1920x1080 on SDL's software renderer
//    (dummy video driver): one key, then the event loop's poll, tick and redraw.
// 3. RSS after 1,000 navigation steps (menus, identity, the guide, its result pages, the
//    help desk: see the walk below).
// 4. Idle CPU over 10 s: the real binary's window loop under Xvfb (when installed)
//    on the attract screen and, after a key sent with xdotool, on the home menu.
// Targets: first frame <= 150 ms, p95 key-to-frame <= 16 ms, RSS <= 80 MB, idle CPU < 1 %.
#include <SDL.h>
#include <fcntl.h>
#include <malloc.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "drivers/display/texture_cache.h"
#include "kiosk/app/channels/channels.h"
#include "kiosk/app/config.h"
#include "kiosk/app/runtime/runtime.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double ms_between(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

void verdict(const char* what, double value, const char* unit, double target, bool below_strict = false) {
  const bool ok = below_strict ? value < target : value <= target;
  std::printf("%-52s %9.2f %-3s target %s %g %s  %s\n", what, value, unit, below_strict ? "<" : "<=", target, unit,
              ok ? "OK" : "OVER");
}

double rss_mb(pid_t pid) {
  std::ifstream in("/proc/" + (pid == 0 ? std::string("self") : std::to_string(pid)) + "/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("VmRSS:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
  return -1;
}

// Where the resident memory is, from /proc/PID/smaps: each mapping's Rss summed by what
// it maps (a font, eSpeak's data, liblouis' tables, shared libraries, malloc's heap and
// arenas, ...), largest first.
void print_rss_breakdown(const char* when, pid_t pid = 0) {
  std::ifstream in("/proc/" + (pid == 0 ? std::string("self") : std::to_string(pid)) + "/smaps");
  std::map<std::string, double> kb;
  std::string kind;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    if (std::isxdigit(static_cast<unsigned char>(line[0])) && line.find('-') < 17 && line.find(' ') > line.find('-')) {
      // "start-end perms offset dev inode   path"
      std::istringstream fields(line);
      std::string range, perms, offset, dev, inode, path;
      fields >> range >> perms >> offset >> dev >> inode;
      std::getline(fields >> std::ws, path);
      if (path.empty()) kind = "anonymous (malloc arenas, mmapped blocks: surfaces, textures)";
      else if (path == "[heap]") kind = "[heap] (main malloc arena)";
      else if (path[0] == '[') kind = path;
      else if (path.find(".so") != std::string::npos) kind = perms.find('x') != std::string::npos ? "shared libraries, code" : "shared libraries, data";
      else if (path.find("/fonts/") != std::string::npos) kind = "font files";
      else if (path.find("espeak-ng-data") != std::string::npos) kind = "eSpeak NG data";
      else if (path.find("liblouis") != std::string::npos) kind = "liblouis tables";
      else if (path.find("/locale") != std::string::npos || path.find("gconv") != std::string::npos) kind = "locale";
      else if (path.rfind("/dev/", 0) == 0 || path.rfind("/memfd:", 0) == 0) kind = "devices, memfd (" + path.substr(0, 20) + ")";
      else kind = "other files";
      continue;
    }
    if (line.rfind("Rss:", 0) == 0) kb[kind] += std::atof(line.c_str() + 4);
  }
  std::vector<std::pair<double, std::string>> rows;
  double total = 0;
  for (const auto& [k, v] : kb) {
    rows.emplace_back(v, k);
    total += v;
  }
  std::sort(rows.rbegin(), rows.rend());
  std::printf("  RSS by mapping %s (%.1f MB):", when, total / 1024.0);
  for (const auto& [v, k] : rows)
    if (v >= 256) std::printf("\n    %6.1f MB  %s", v / 1024.0, k.c_str());
  std::printf("\n");
}

// utime + stime of a process, in seconds (all its threads).
double cpu_seconds(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto close = text.rfind(')');
  if (close == std::string::npos) return -1;
  std::vector<std::string> fields;
  std::string field;
  for (std::size_t i = close + 2; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ' ') {
      fields.push_back(field);
      field.clear();
    } else {
      field += text[i];
    }
  }
  // After the ')' field 3 (state) is index 0: utime is field 14, stime 15.
  if (fields.size() < 13) return -1;
  return (std::atof(fields[11].c_str()) + std::atof(fields[12].c_str())) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// Starts the kiosk binary in `dir` with `args`; stdout and stderr go to dir/err.txt.
pid_t spawn_kiosk(const fs::path& dir, const std::vector<std::string>& args, bool dummy_video) {
  const pid_t pid = fork();
  if (pid != 0) return pid;
  if (chdir(dir.c_str()) != 0) _exit(127);
  const int fd = open((dir / "err.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd >= 0) {
    dup2(fd, 1);
    dup2(fd, 2);
  }
  setenv("SDL_AUDIODRIVER", "dummy", 1);
  setenv("KIOSK_BRAILLE_DRIVER", "null", 1);
  if (dummy_video) setenv("SDL_VIDEODRIVER", "dummy", 1);
  else unsetenv("SDL_VIDEODRIVER");   // this process runs on the dummy driver itself
  std::vector<char*> argv{const_cast<char*>(KIOSK_BINARY)};
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  execv(KIOSK_BINARY, argv.data());
  _exit(127);
}

struct BinaryStart { double to_png = -1, to_exit = -1; };

// The real binary, headless, with a script of one screenshot: the first frame drawn
// and read back. to_png is when the file appears (the encoding has started).
BinaryStart time_binary_start(const fs::path& dir) {
  fs::remove_all(dir / "shots");
  std::ofstream(dir / "first.script") << "screenshot first\n";
  const fs::path png = dir / "shots" / "first.png";
  BinaryStart out;
  const auto t0 = Clock::now();
  const pid_t pid = spawn_kiosk(dir, {"--headless", "--script", (dir / "first.script").string(), "--screenshots",
                                      (dir / "shots").string()}, false);
  for (;;) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      out.to_exit = ms_between(t0, Clock::now());
      if (out.to_png < 0 && fs::exists(png)) out.to_png = out.to_exit;
      if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) out.to_exit = -1;
      return out;
    }
    if (out.to_png < 0 && fs::exists(png)) out.to_png = ms_between(t0, Clock::now());
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
}

// SIGTERM, as systemd stops it; again if it has not ended within 2 s.
void stop_kiosk(pid_t pid) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    kill(pid, SIGTERM);
    for (int i = 0; i < 200; ++i) {
      if (waitpid(pid, nullptr, WNOHANG) == pid) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::fprintf(stderr, "kiosk %d did not end on SIGTERM; sending it again\n", static_cast<int>(pid));
  }
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
}

struct WindowStart { double to_frame = -1, own_count = -1; };

// The real binary's window loop, as a hall runs it: from exec to the line the kiosk logs
// right after presenting its first frame (own_count: the kiosk's own figure, from the
// start of its run()). The kiosk is then ended with SIGTERM, as systemd would.
WindowStart time_window_first_frame(const fs::path& dir, bool dummy_video) {
  static constexpr std::string_view kLine = "kiosk: first frame presented ";
  WindowStart out;
  // The last run's log must not be read as this one's before the child truncates it.
  fs::remove(dir / "err.txt");
  const auto t0 = Clock::now();
  const pid_t pid = spawn_kiosk(dir, {}, dummy_video);
  while (Clock::now() - t0 < std::chrono::seconds(10)) {
    if (waitpid(pid, nullptr, WNOHANG) == pid) return out;   // it exited: no first frame
    std::ifstream err(dir / "err.txt");
    const std::string text((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
    if (const auto at = text.find(kLine); at != std::string::npos && text.find('\n', at) != std::string::npos) {
      out.to_frame = ms_between(t0, Clock::now());
      out.own_count = std::atof(text.c_str() + at + kLine.size());
      break;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  stop_kiosk(pid);
  return out;
}

// Five cold starts of the window loop; prints the medians against the target.
void report_window_starts(const fs::path& dir, bool dummy_video) {
  std::vector<double> to_frame, own;
  for (int i = 0; i < 5; ++i) {
    const WindowStart r = time_window_first_frame(dir, dummy_video);
    if (r.to_frame < 0) {
      std::fprintf(stderr, "kiosk window run failed (see %s/err.txt)\n", dir.c_str());
      return;
    }
    to_frame.push_back(r.to_frame);
    own.push_back(r.own_count);
  }
  const char* video = dummy_video ? "dummy video" : "X11 on Xvfb";
  std::printf("real binary, window loop (%s), 5 runs: first frame presented %.1f ms after exec (median; "
              "first run %.1f ms), %.1f ms after its run() began\n",
              video, percentile(to_frame, 0.5), to_frame.front(), percentile(own, 0.5));
  verdict((std::string("cold start to first frame, real binary, ") + video).c_str(), percentile(to_frame, 0.5), "ms",
          150);
}

// Bytes of the text textures one frame draws (each line is a w x h ARGB texture).
std::size_t text_texture_bytes(const kiosk::app::Runtime& runtime) {
  const auto& measurer = runtime.display().measurer();
  std::size_t bytes = 0;
  for (const auto& text : runtime.layout().list.texts)
    for (const auto& line : text.lines)
      bytes += static_cast<std::size_t>(measurer.width(line, text.px, text.face)) *
               static_cast<std::size_t>(measurer.line_height(text.px, text.face)) * 4;
  return bytes;
}

std::int64_t wall_ms() { return static_cast<std::int64_t>(SDL_GetTicks64()); }

// Xvfb (when installed) for the window loop's cold start and, in part 4, its idle CPU.
// Under X11 SDL waits for events in the kernel; the dummy video driver has no such
// wait and SDL_WaitEventTimeout polls it every millisecond, so an idle run on dummy
// measures SDL's polling, not the kiosk.
struct Xvfb {
  bool on = false;
  pid_t pid = -1;
  std::string display;
};

Xvfb start_xvfb() {
  Xvfb x;
  x.on = std::system("command -v Xvfb >/dev/null 2>&1 && command -v xdotool >/dev/null 2>&1") == 0;
  x.display = ":" + std::to_string(90 + getpid() % 9);
  if (!x.on) return x;
  x.pid = fork();
  if (x.pid == 0) {
    const int fd = open("/dev/null", O_WRONLY);
    dup2(fd, 1);
    dup2(fd, 2);
    execlp("Xvfb", "Xvfb", x.display.c_str(), "-screen", "0", "1920x1080x24", "-nolisten", "tcp", nullptr);
    _exit(127);
  }
  std::this_thread::sleep_for(std::chrono::seconds(1));
  setenv("DISPLAY", x.display.c_str(), 1);
  return x;
}

void stop_xvfb(const Xvfb& x) {
  if (x.pid > 0) {
    kill(x.pid, SIGTERM);
    waitpid(x.pid, nullptr, 0);
  }
}

// 1. (the real binary) The window loop on dummy video and on Xvfb, then the headless run.
void report_binary_starts(const fs::path& work, const Xvfb& x) {
  report_window_starts(work, true);
  if (x.on) report_window_starts(work, false);

  std::vector<double> to_png, to_exit;
  for (int i = 0; i < 5; ++i) {
    const auto r = time_binary_start(work);
    if (r.to_png < 0 || r.to_exit < 0) {
      std::fprintf(stderr, "kiosk binary run failed (see %s/err.txt)\n", work.c_str());
      break;
    }
    to_png.push_back(r.to_png);
    to_exit.push_back(r.to_exit);
  }
  if (!to_png.empty()) {
    std::printf("real binary, headless, 5 runs: first screenshot file after %.1f ms (first run) / %.1f ms (median); "
                "exit after %.1f ms (median)\n", to_png.front(), percentile(to_png, 0.5), percentile(to_exit, 0.5));
  }
}

// 2./3. Key to frame and RSS after the navigation steps, in process.
void report_navigation(kiosk::app::Runtime& runtime, int steps) {
  const double rss_start = rss_mb(0);
  print_rss_breakdown("after start");
  // A walk a resident might take on the demo hall (config/kiosk.toml), by position, so
  // what it reaches follows the hall's menu. With today's menu (13 items) the first round
  // goes from the attract screen to the home menu, the certificate service's identity
  // step (identify, then identify_keyed: typing a short ID number on the pad, its field
  // error), back home and into the help desk (hotline) card. Every later round: the help
  // desk's rows, home, the entitlements guide with its five questions skipped, the result's
  // pages, home, the help desk again. Repeated until `steps` keys were pressed.
  const std::vector<std::string> walk = {
      "Return", "Down", "Down", "Down", "Up", "Home",                           // visit starts; menu
      "Return", "Down", "Down", "Return", "8", "Return", "5", "Return", "5",  // the guide
      "Return", "4", "Return", "3", "Return",                                  // the result
      "Down", "Down", "Down", "Right", "Right", "Down", "Left", "Up",           // its pages
      "Home", "Down", "Return", "Down", "Down", "Up", "Escape", "Home"};       // settings, home
  std::vector<double> key_to_frame;
  key_to_frame.reserve(static_cast<std::size_t>(steps));
  std::size_t frame_text_bytes = 0;   // the largest frame's text textures (what the cache must hold)
  const auto misses_before = runtime.display().texture_cache() ? runtime.display().texture_cache()->misses() : 0;
  const auto caption_misses_before = runtime.display().caption_cache() ? runtime.display().caption_cache()->misses() : 0;
  for (int i = 0; i < steps; ++i) {
    const auto t0 = Clock::now();
    runtime.key(walk[static_cast<std::size_t>(i) % walk.size()]);
    runtime.poll();
    runtime.tick();
    runtime.redraw();
    key_to_frame.push_back(ms_between(t0, Clock::now()));
    frame_text_bytes = std::max(frame_text_bytes, text_texture_bytes(runtime));
  }
  std::printf("key to frame presented over %d keys: p50 %.2f ms, p95 %.2f ms, max %.2f ms\n", steps,
              percentile(key_to_frame, 0.5), percentile(key_to_frame, 0.95), percentile(key_to_frame, 1.0));
  verdict("key to frame presented, p95", percentile(key_to_frame, 0.95), "ms", 16);
  const double rss_end = rss_mb(0);
  std::printf("RSS: %.1f MB after start, %.1f MB after %d navigation steps\n", rss_start,
              rss_end, steps);
  verdict("RSS after the navigation steps", rss_end, "MB", 80);
  print_rss_breakdown("after the steps");
  if (const auto* cache = runtime.display().texture_cache())
    std::printf("  of which the text texture cache holds %.1f MiB in %zu textures (bound: %.1f MiB; the largest "
                "frame's text is %.1f MiB; %zu misses in %d keys)\n",
                static_cast<double>(cache->bytes()) / (1024.0 * 1024.0), cache->size(),
                static_cast<double>(cache->max_bytes()) / (1024.0 * 1024.0),
                static_cast<double>(frame_text_bytes) / (1024.0 * 1024.0), cache->misses() - misses_before, steps);
  if (const auto* captions = runtime.display().caption_cache())
    std::printf("  and the caption cache %.1f MiB in %zu textures (bound: %.1f MiB; %zu misses: one per caption shown)\n",
                static_cast<double>(captions->bytes()) / (1024.0 * 1024.0), captions->size(),
                static_cast<double>(captions->max_bytes()) / (1024.0 * 1024.0), captions->misses() - caption_misses_before);
  malloc_trim(0);
  std::printf("  after malloc_trim(0): %.1f MB\n", rss_mb(0));
}

// 4. Idle CPU of the real binary (on Xvfb when installed, see Xvfb).
void report_idle_cpu(const fs::path& work, const Xvfb& x) {
  {
    const pid_t pid = spawn_kiosk(work, {}, !x.on);
    auto measure = [&](const char* what) {
      const double c0 = cpu_seconds(pid);
      const auto t0 = Clock::now();
      std::this_thread::sleep_for(std::chrono::seconds(10));
      const double c1 = cpu_seconds(pid);
      const double wall = ms_between(t0, Clock::now()) / 1000.0;
      if (c0 < 0 || c1 < 0) {
        std::fprintf(stderr, "idle run of the binary failed (see %s/err.txt)\n", work.c_str());
        return;
      }
      std::printf("real binary (%s), idle on the %s: %.3f s CPU in %.1f s, RSS %.1f MB\n",
                  x.on ? "X11 on Xvfb" : "dummy video", what, c1 - c0, wall, rss_mb(pid));
      verdict((std::string("idle CPU, ") + what).c_str(), 100.0 * (c1 - c0) / wall, "%", 1, true);
    };
    std::this_thread::sleep_for(std::chrono::seconds(3));   // start-up and the first speech
    measure("attract screen");
    if (x.on) {
      // A key starts a visit: the home menu, with its session timer running.
      const std::string key = "DISPLAY=" + x.display + " xdotool key Return";
      if (std::system(key.c_str()) == 0) {
        // The menu's speech (about 12 s of Mandarin) plays out first: speaking is not idle.
        std::this_thread::sleep_for(std::chrono::seconds(20));
        measure("home menu (in a visit)");
      }
    }
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const auto t_main = Clock::now();
  const int steps = argc > 1 ? std::atoi(argv[1]) : 1000;
  setenv("SDL_VIDEODRIVER", "dummy", 1);
  setenv("SDL_AUDIODRIVER", "dummy", 1);
  setenv("KIOSK_BRAILLE_DRIVER", "null", 1);
  const fs::path work = fs::temp_directory_path() / ("kiosk-foundation-bench-" + std::to_string(getpid()));
  fs::create_directories(work);
  fs::current_path(work);   // the demo backend's outbox goes under here, not the source tree

  // ---- 1. cold start, in process ----------------------------------------------------
  auto loaded = kiosk::app::load_config((fs::path(KIOSK_SOURCE_ROOT) / "config" / "kiosk.toml").string());
  if (!loaded.ok()) {
    std::fprintf(stderr, "config: %s\n", loaded.describe().c_str());
    return 1;
  }
  const auto t_config = Clock::now();
  kiosk::app::Config& config = *loaded.config;
  // The kiosk's own order (app.cpp): the display and the first frame, then the channels.
  kiosk::app::Runtime runtime(config, wall_ms);
  std::string error;
  if (!runtime.open_display(kiosk::drivers::display::DisplayMode::Headless, error)) {
    std::fprintf(stderr, "display: %s\n", error.c_str());
    return 1;
  }
  const auto t_display = Clock::now();
  runtime.show_first_screen();
  const auto t_first = Clock::now();
  for (auto& channel : kiosk::app::make_channels(config, kiosk::app::RunMode::Window))
    runtime.add_channel(std::move(channel));
  const auto t_channels = Clock::now();
  runtime.start();
  const auto t_started = Clock::now();
  SDL_RendererInfo info{};
  SDL_Renderer* renderer = SDL_GetRenderer(SDL_GetWindowFromID(1));
  if (renderer) SDL_GetRendererInfo(renderer, &info);
  std::printf("== Foundation benchmark (%dx%d, video driver %s, renderer %s)\n", config.metrics.width,
              config.metrics.height, SDL_GetCurrentVideoDriver(), info.name ? info.name : "?");
  std::printf("in process: config %.1f ms, display %.1f ms, first frame %.1f ms; then channels %.1f ms, "
              "first screen presented on them %.1f ms (%.1f ms from main)\n",
              ms_between(t_main, t_config), ms_between(t_config, t_display), ms_between(t_display, t_first),
              ms_between(t_first, t_channels), ms_between(t_channels, t_started), ms_between(t_main, t_started));
  verdict("cold start to first frame, in process (from main)", ms_between(t_main, t_first), "ms", 150);

  const Xvfb x = start_xvfb();
  report_binary_starts(work, x);

  report_navigation(runtime, steps);
  report_idle_cpu(work, x);
  stop_xvfb(x);
  fs::remove_all(work);
  return 0;
}
