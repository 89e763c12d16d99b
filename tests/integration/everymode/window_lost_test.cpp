// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 12 item 15: the kiosk's window destroyed from outside (`xdotool windowclose`)
// ends the kiosk with one clear log line and exit 1, for the service manager to restart
// it, instead of Xlib's raw protocol dump from deep inside SDL, or a kiosk held forever
// in SDL's wait for a window that will never be mapped: the window destroyed the moment
// it is created, instead of being mapped, as it appears, and while the kiosk sits idle
// drawing nothing that could fail.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <future>
#include <string>
#include <thread>

#include "kiosk_run.h"
#include "x_window_destroyer.h"

namespace fs = std::filesystem;
using kiosk::testing::environment_with;
using kiosk::testing::have_tool;
using kiosk::testing::spawn_process;

namespace {

std::string text_of(const fs::path& file) {
  std::stringstream text;
  text << std::ifstream(file).rdbuf();
  return text.str();
}

// Waits up to `ms` for the child to end; 0 if it has not.
pid_t wait_for_exit(pid_t child, int& status, int ms) {
  pid_t done = 0;
  for (int waited = 0; waited < ms && done == 0; waited += 50) {
    done = waitpid(child, &status, WNOHANG);
    if (done == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return done;
}

class WindowLost : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!have_tool("Xvfb") || !have_tool("xdotool")) GTEST_SKIP() << "Xvfb or xdotool missing";
    m_dir = kiosk::testing::fresh_dir("em-window-lost");
    m_display = ":" + std::to_string(700 + getpid() % 200);
    // The kiosk starts once the X server listens (else it would exit: no display).
    m_xvfb = kiosk::testing::start_xvfb(m_display, m_dir);
    ASSERT_GT(m_xvfb, 0) << "Xvfb did not start; see " << m_dir;
  }
  void start_the_kiosk() {
    m_kiosk = spawn_process(
        {KIOSK_BINARY, "--config", std::string(KIOSK_SOURCE_ROOT) + "/config/kiosk.toml"},
        environment_with({"DISPLAY=", "SDL_VIDEODRIVER=", "SDL_AUDIODRIVER=", "KIOSK_BRAILLE_DRIVER="},
                         {"DISPLAY=" + m_display, "SDL_AUDIODRIVER=dummy", "KIOSK_BRAILLE_DRIVER=null"}),
        m_dir / "err.txt");
    ASSERT_GT(m_kiosk, 0);
  }
  void TearDown() override {
    if (m_kiosk > 0 && waitpid(m_kiosk, nullptr, WNOHANG) == 0) {
      kill(m_kiosk, SIGKILL);
      waitpid(m_kiosk, nullptr, 0);
    }
    if (m_xvfb > 0) {
      kill(m_xvfb, SIGTERM);
      waitpid(m_xvfb, nullptr, 0);
    }
  }

  bool xdotool(const std::string& action) {
    const std::string command = "DISPLAY=" + m_display + " timeout 15 xdotool search --sync --class '^kiosk$' " +
                                action + " >>" + (m_dir / "x.txt").string() + " 2>&1";
    return std::system(command.c_str()) == 0;
  }
  bool first_frame_presented_within(int ms) {
    for (int waited = 0; waited < ms; waited += 50) {
      if (text_of(m_dir / "err.txt").find("first frame presented") != std::string::npos) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }
  // The kiosk ended on its own within `ms`, with exit 1 and the one clear line; its stderr.
  std::string expect_the_clear_exit(const std::string& line = kGone, int ms = 10000) {
    int status = 0;
    const pid_t done = wait_for_exit(m_kiosk, status, ms);
    if (done == 0) ADD_FAILURE() << "the kiosk did not exit; see " << m_dir;
    if (done == 0) return {};
    m_kiosk = 0;
    EXPECT_TRUE(WIFEXITED(status)) << "killed by a signal; see " << m_dir;
    EXPECT_EQ(WEXITSTATUS(status), 1);
    const std::string err = text_of(m_dir / "err.txt");
    EXPECT_NE(err.find(line), std::string::npos) << err;
    return err;
  }
  static constexpr const char* kGone = "kiosk: the kiosk window is gone (destroyed from outside)";

  fs::path m_dir;
  std::string m_display;
  pid_t m_xvfb = 0;
  pid_t m_kiosk = 0;
};

}  // namespace

// Destroyed before SDL has mapped it: the X error ends the kiosk during its set-up.
TEST_F(WindowLost, AWindowDestroyedAsItIsCreatedEndsWithAClearLineAndExit1) {
  auto destroyed = std::async(std::launch::async, kiosk::testing::destroy_the_next_window_created, m_display, 15000);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));   // the watcher listens
  start_the_kiosk();
  EXPECT_TRUE(destroyed.get()) << "no window was created; see " << m_dir;
  const std::string err = expect_the_clear_exit();
  EXPECT_EQ(err.find("first frame presented"), std::string::npos) << "it drew to a window that is gone:\n" << err;
}

// A window manager destroys the window instead of mapping it: no X error comes, SDL waits
// for the map, and the set-up's time limit ends the kiosk.
TEST_F(WindowLost, AWindowNeverMappedEndsAtTheSetUpsTimeLimit) {
  auto destroyed = std::async(std::launch::async, kiosk::testing::destroy_the_next_window_to_be_mapped, m_display,
                              15000);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));   // the window manager listens
  start_the_kiosk();
  EXPECT_TRUE(destroyed.get()) << "no window was to be mapped; see " << m_dir;
  expect_the_clear_exit("kiosk: the window was not set up within 10 s", 20000);
}

// Closed the moment it appears: the kiosk may still be setting the window up.
TEST_F(WindowLost, AWindowDestroyedAsItAppearsEndsWithAClearLineAndExit1) {
  start_the_kiosk();
  EXPECT_TRUE(xdotool("windowclose")) << "no kiosk window; see " << m_dir;
  expect_the_clear_exit();
}

// Closed once the first screen stands: nothing redraws, so no drawing call can fail, and
// only asking the X server finds the window gone.
TEST_F(WindowLost, AWindowDestroyedWhileTheKioskIdlesEndsWithAClearLineAndExit1) {
  start_the_kiosk();
  ASSERT_TRUE(xdotool("")) << "no kiosk window; see " << m_dir;
  ASSERT_TRUE(first_frame_presented_within(10000)) << "see " << m_dir;
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  EXPECT_TRUE(xdotool("windowclose")) << "see " << m_dir;
  expect_the_clear_exit();
}
