// Deaf mode through the real kiosk binary (issue 6, DESIGN.md section 5): with the `sign`
// key the transcript carries {type:"sign", clip, caption} for the screen and for each
// focus move; without it none; a corrupt clip is survived.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk_run.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using kiosk::testing::fresh_dir;
using kiosk::testing::KioskRun;
using kiosk::testing::of_type;
using kiosk::testing::run_kiosk_in;

std::vector<std::string> clips(const KioskRun& run) {
  std::vector<std::string> out;
  for (const auto& e : of_type(run, "sign")) out.push_back(e.value("clip", ""));
  return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  for (const auto& x : v)
    if (x == s) return true;
  return false;
}

// The clip that follows the last focus event naming `node`.
std::string clip_after_focus(const KioskRun& run, const std::string& node) {
  std::string found;
  bool armed = false;
  for (const auto& e : run.events) {
    const std::string type = e.value("type", "");
    if (type == "focus") armed = e.value("node", "") == node;
    if (type == "sign" && armed) {
      found = e.value("clip", "");
      armed = false;
    }
  }
  return found;
}

constexpr const char* kTitleClip = "sign/placeholder/home.title.mp4";
constexpr const char* kEntitlementsClip = "sign/placeholder/home.entitlements.mp4";

}  // namespace

TEST(SignTranscript, DeafModeSignsTheScreenThenEachFocusedItem) {
  const fs::path dir = fresh_dir("on");
  // Deaf mode on at home, into settings and back: home's own clip signs its prompt again.
  const KioskRun run = run_kiosk_in(dir, "key select\nkey sign\nwait 500\nkey down\nkey select\nwait 500\nkey back\nwait 500\nscreenshot home\n");
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  const auto signs = of_type(run, "sign");
  ASSERT_FALSE(signs.empty()) << "no sign events";
  // Turning deaf mode on signs what has focus now: home's first item.
  EXPECT_EQ(signs.front().value("clip", ""), kEntitlementsClip);
  const auto all = clips(run);
  EXPECT_TRUE(contains(all, "sign/placeholder/settings.title.mp4"));
  EXPECT_TRUE(contains(all, kTitleClip));   // back on home: the screen's clip
  EXPECT_EQ(clip_after_focus(run, "home.settings"), "sign/placeholder/home.settings.mp4");
  for (const auto& e : signs) {
    EXPECT_TRUE(e.contains("clip") && e["clip"].is_string());
    EXPECT_TRUE(e.contains("caption") && e["caption"].is_string());
    EXPECT_FALSE(e.value("caption", "").empty()) << e.dump();
  }
  // Moving onto an item with a clip plays that item's clip, captioned with its name.
  // The sign event comes after the setting went on, never before.
  bool sign_seen_before_setting = false, setting_seen = false;
  for (const auto& e : run.events) {
    if (e.value("type", "") == "setting" && e.value("name", "") == "sign") setting_seen = true;
    if (e.value("type", "") == "sign" && !setting_seen) sign_seen_before_setting = true;
  }
  EXPECT_TRUE(setting_seen);
  EXPECT_FALSE(sign_seen_before_setting);
  EXPECT_TRUE(fs::exists(dir / "shots" / "home.png"));
}

TEST(SignTranscript, FocusWithoutClipFallsBackToTheScreenClip) {
  const fs::path dir = fresh_dir("fallback");
  // home.finish has no clip of its own: up from the first item wraps to it.
  const KioskRun run = run_kiosk_in(dir, "key select\nkey sign\nkey down\nkey up\nkey up\n");
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  const auto all = clips(run);
  ASSERT_GE(all.size(), 2u);
  EXPECT_TRUE(contains(all, kEntitlementsClip));
  // After leaving home.entitlements for an item without a clip, the title clip returns.
  EXPECT_EQ(all.back(), kTitleClip);
}

TEST(SignTranscript, WithoutDeafModeNoSignEvents) {
  const fs::path dir = fresh_dir("off");
  const KioskRun run = run_kiosk_in(dir, "key select\nkey down\nkey down\nkey select\n");
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_FALSE(of_type(run, "focus").empty());   // the run did navigate
  EXPECT_TRUE(of_type(run, "sign").empty());
}

TEST(SignTranscript, TurningDeafModeOffStopsSignEvents) {
  const fs::path dir = fresh_dir("toggle");
  const KioskRun run = run_kiosk_in(dir, "key select\nkey sign\nkey sign\nkey down\nkey down\n");
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_EQ(clips(run), std::vector<std::string>{kEntitlementsClip});
}

TEST(SignTranscript, CorruptClipIsSurvived) {
  const fs::path dir = fresh_dir("corrupt");
  const fs::path root = dir / "root";
  fs::create_directories(root);
  fs::copy(fs::path(KIOSK_SOURCE_ROOT) / "config", root / "config", fs::copy_options::recursive);
  kiosk::testing::write_garbage_sign_assets(root);
  const KioskRun run =
      run_kiosk_in(dir, "key select\nkey sign\nkey down\nkey select\nkey back\nwait 1000\nscreenshot corrupt\nkey down\nwait 500\n",
                "--config " + (root / "config" / "kiosk.toml").string());
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_TRUE(contains(clips(run), kTitleClip));
  EXPECT_NE(run.stderr_text.find("home.title.mp4"), std::string::npos) << run.stderr_text;
  EXPECT_TRUE(fs::exists(dir / "shots" / "corrupt.png"));
}
