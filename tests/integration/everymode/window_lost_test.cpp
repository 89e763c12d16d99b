// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 12 item 15: the kiosk's window destroyed from outside (`xdotool windowclose`)
// ends the kiosk with one clear log line and exit 1, for the service manager to restart
// it, instead of Xlib's raw protocol dump from deep inside SDL.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "kiosk_run.h"

namespace fs = std::filesystem;
using kiosk::testing::environment_with;
using kiosk::testing::have_tool;
using kiosk::testing::spawn_process;

TEST(WindowLost, AnExternalWindowDestroyEndsWithAClearLineAndExit1) {
  if (!have_tool("Xvfb") || !have_tool("xdotool")) GTEST_SKIP() << "Xvfb or xdotool missing";
  const fs::path dir = kiosk::testing::fresh_dir("em-window-lost");
  const std::string display = ":" + std::to_string(700 + getpid() % 200);
  // The kiosk starts once the X server listens (else it would exit: no display).
  const pid_t xvfb = kiosk::testing::start_xvfb(display, dir);
  ASSERT_GT(xvfb, 0) << "Xvfb did not start; see " << dir;
  const pid_t kiosk = spawn_process(
      {KIOSK_BINARY, "--config", std::string(KIOSK_SOURCE_ROOT) + "/config/kiosk.toml"},
      environment_with({"DISPLAY=", "SDL_VIDEODRIVER=", "SDL_AUDIODRIVER=", "KIOSK_BRAILLE_DRIVER="},
                       {"DISPLAY=" + display, "SDL_AUDIODRIVER=dummy", "KIOSK_BRAILLE_DRIVER=null"}),
      dir / "err.txt");
  ASSERT_GT(kiosk, 0);
  const std::string x = "DISPLAY=" + display + " timeout 15 xdotool search --sync --class '^kiosk$' windowclose >>" +
                        (dir / "x.txt").string() + " 2>&1";
  EXPECT_EQ(std::system(x.c_str()), 0) << "no kiosk window; see " << dir;
  int status = 0;
  pid_t done = 0;
  for (int i = 0; i < 200 && done == 0; ++i) {
    done = waitpid(kiosk, &status, WNOHANG);
    if (done == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (done == 0) {
    kill(kiosk, SIGKILL);
    waitpid(kiosk, &status, 0);
  }
  kill(xvfb, SIGTERM);
  waitpid(xvfb, nullptr, 0);
  ASSERT_NE(done, 0) << "the kiosk did not exit; see " << dir;
  ASSERT_TRUE(WIFEXITED(status)) << "killed by a signal; see " << dir;
  EXPECT_EQ(WEXITSTATUS(status), 1);
  std::stringstream err;
  err << std::ifstream(dir / "err.txt").rdbuf();
  EXPECT_NE(err.str().find("kiosk: the kiosk window is gone (destroyed from outside)"), std::string::npos) << err.str();
}
