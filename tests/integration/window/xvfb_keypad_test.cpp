// SPDX-License-Identifier: GPL-3.0-or-later
// The kiosk's own window on a real X server (Xvfb), driven by xdotool key presses the
// way a keypad user drives it: start a visit, open the settings, text size up to 200 %,
// the next theme, English, then the quit keys a passer-by might try (they do nothing:
// lockdown), then help. The transcript shows each step; the X server's own picture of
// the screen shows the theme the resident chose; SIGTERM ends the kiosk with exit 0.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <optional>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk_run.h"

namespace fs = std::filesystem;
using nlohmann::json;

using kiosk::testing::environment_with;
using kiosk::testing::have_tool;
using kiosk::testing::read_events;
using kiosk::testing::spawn_process;

namespace {

bool has_event(const std::vector<json>& events, const std::string& type, const std::string& key, const json& value) {
  for (const auto& e : events)
    if (e.value("type", "") == type && e.contains(key) && e[key] == value) return true;
  return false;
}

// Polls the transcript until `done` holds or 10 s pass: the kiosk runs in real time.
template <typename Done>
std::vector<json> wait_for(const fs::path& transcript, Done done) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  std::vector<json> events;
  while (std::chrono::steady_clock::now() < until) {
    events = read_events(transcript);
    if (done(events)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return events;
}

struct Rgb {
  int r, g, b;
};

// A pixel of a binary PPM (P6, maxval 255), as ImageMagick's `import` writes it.
std::optional<Rgb> ppm_pixel(const fs::path& path, int x, int y) {
  std::ifstream in(path, std::ios::binary);
  std::string magic;
  int w = 0, h = 0, max = 0;
  in >> magic >> w >> h >> max;
  in.get();
  if (magic != "P6" || max != 255 || x >= w || y >= h) return std::nullopt;
  in.seekg(static_cast<std::streamoff>((static_cast<long>(y) * w + x) * 3), std::ios::cur);
  unsigned char p[3];
  if (!in.read(reinterpret_cast<char*>(p), 3)) return std::nullopt;
  return Rgb{p[0], p[1], p[2]};
}

}  // namespace

TEST(XvfbKeypad, AResidentDrivesTheRealWindowWithKeysAndQuitKeysDoNothing) {
  if (!have_tool("Xvfb") || !have_tool("xdotool") || !have_tool("import")) GTEST_SKIP() << "Xvfb, xdotool or ImageMagick missing";
  const fs::path dir = kiosk::testing::fresh_dir("xvfb");
  std::string display = ":" + std::to_string(200 + getpid() % 500);
  // The kiosk starts once the X server listens (else it would exit: no display).
  const pid_t xvfb = kiosk::testing::start_xvfb(display, dir);
  ASSERT_GT(xvfb, 0) << "Xvfb did not start; see " << dir;
  const fs::path transcript = dir / "t.jsonl";
  const pid_t kiosk = spawn_process(
      {KIOSK_BINARY, "--config", kiosk::testing::foundation_hall(dir).substr(9), "--transcript", transcript.string()},
      environment_with({"DISPLAY=", "SDL_VIDEODRIVER=", "SDL_AUDIODRIVER=", "KIOSK_BRAILLE_DRIVER="},
                       {"DISPLAY=" + display, "SDL_AUDIODRIVER=dummy", "KIOSK_BRAILLE_DRIVER=null"}),
      dir / "err.txt");
  ASSERT_GT(kiosk, 0);
  auto x = [&](const std::string& command) {
    return std::system(("DISPLAY=" + display + " timeout 15 " + command + " >>" + (dir / "x.txt").string() + " 2>&1").c_str());
  };
  auto events = wait_for(transcript, [](const auto& e) { return has_event(e, "screen", "id", "attract"); });
  ASSERT_TRUE(has_event(events, "screen", "id", "attract")) << "no attract screen; see " << dir;
  ASSERT_EQ(x("xdotool search --sync --class '^kiosk$' windowfocus --sync"), 0) << "no kiosk window; see " << dir;

  // A key starts the visit; Down three times (past the three services), Select: the settings.
  // Right x4: 200 %. Down, Right: the
  // next theme. The language key. Then Ctrl+Q and Alt+F4, which must not close the kiosk,
  // and Escape (back: home). Help twice: the key list.
  // The first key can reach the window before X has given it the focus: like a resident
  // whose press did nothing, press again.
  for (int attempt = 0; attempt < 3 && !has_event(events, "session", "event", "start"); ++attempt) {
    ASSERT_EQ(x("xdotool search --class '^kiosk$' windowfocus --sync key Return"), 0);
    events = wait_for(transcript, [](const auto& e) { return has_event(e, "session", "event", "start"); });
  }
  ASSERT_TRUE(has_event(events, "session", "event", "start")) << "no key reached the kiosk; see " << dir;
  ASSERT_EQ(x("xdotool key --delay 120 Down Down Down Return Right Right Right Right Down Right F12 ctrl+q alt+F4 Escape F1 F1"), 0);
  events = wait_for(transcript, [](const auto& e) { return has_event(e, "screen", "id", "help"); });
  EXPECT_TRUE(has_event(events, "screen", "id", "settings"));
  EXPECT_TRUE(has_event(events, "setting", "value", 200));
  EXPECT_TRUE(has_event(events, "setting", "value", "white_on_black"));
  EXPECT_TRUE(has_event(events, "setting", "value", "en"));
  EXPECT_TRUE(has_event(events, "screen", "id", "help")) << "see " << transcript;
  EXPECT_EQ(waitpid(kiosk, nullptr, WNOHANG), 0) << "a quit key closed the kiosk";

  // What the X server shows: the white-on-black theme's black page, with light text.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const fs::path shot = dir / "root.ppm";
  ASSERT_EQ(x("import -window root -depth 8 " + shot.string()), 0);
  const auto corner = ppm_pixel(shot, 4, 4);
  ASSERT_TRUE(corner.has_value());
  EXPECT_LT(corner->r + corner->g + corner->b, 60) << "background not black";
  int light = 0;
  for (int y = 20; y < 140; y += 2)
    for (int px = 20; px < 400; px += 2)
      if (auto p = ppm_pixel(shot, px, y); p && p->r + p->g + p->b > 400) ++light;
  EXPECT_GT(light, 50) << "no light title text at the top left";

  kill(kiosk, SIGTERM);
  int status = 0;
  ASSERT_EQ(waitpid(kiosk, &status, 0), kiosk);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  kill(xvfb, SIGTERM);
  waitpid(xvfb, nullptr, 0);
}
