// SPDX-License-Identifier: GPL-3.0-or-later
// Deaf mode through the real kiosk binary (issue 6, docs/design.md section 5): with the `sign`
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

#include "journey.h"
#include "kiosk_run.h"

namespace fs = std::filesystem;
using nlohmann::json;

using namespace kiosk::testing;

namespace {

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
  const KioskRun run = run_kiosk_in(dir, "key select\nkey sign\nwait 500\nkey down\nkey down\nkey down\nkey select\nwait 500\nkey back\nwait 500\nscreenshot home\n");
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  const auto signs = of_type(run, "sign");
  ASSERT_FALSE(signs.empty()) << "no sign events";
  // Turning deaf mode on signs what has focus now: home's first item.
  EXPECT_EQ(signs.front().value("clip", ""), kEntitlementsClip);
  const auto all = values_of(run, "sign", "clip");
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
  // The guide's intro: the county line has no clip of its own, the start button has one.
  const KioskRun run = run_kiosk_in(dir, "key select\nkey sign\nkey 1\nkey select\nkey down\nkey down\nkey up\n");
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  const auto all = values_of(run, "sign", "clip");
  ASSERT_GE(all.size(), 3u);
  EXPECT_TRUE(contains(all, "sign/placeholder/entitlements.start.mp4"));
  EXPECT_EQ(clip_after_focus(run, "entitlements.start"), "sign/placeholder/entitlements.start.mp4");
  // Back up from the start button to the county line: the screen's clip returns.
  EXPECT_EQ(all.back(), "sign/placeholder/entitlements.title.mp4");
}

TEST(SignTranscript, WithoutDeafModeNoSignEvents) {
  const fs::path dir = fresh_dir("off");
  const KioskRun run = run_kiosk_in(dir, "key select\nkey down\nkey down\nkey down\nkey select\n");
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_FALSE(of_type(run, "focus").empty());   // the run did navigate
  EXPECT_TRUE(of_type(run, "sign").empty());
}

// A question screen signs its question first, not its first answer over it; each answer
// is signed as the resident moves to it.
TEST(SignTranscript, ANewScreenSignsItsPromptAndEachAnswerAsTheResidentMoves) {
  const KioskRun run = run_kiosk("question", "key select\nkey sign\nkey select\nkey down\nkey down\nkey select\nkey down\n");
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  std::vector<std::string> after_question;
  bool on_question = false;
  for (const auto& e : run.events) {
    if (e.value("type", "") == "screen") on_question = e.value("id", "") == "entitlements_category";
    if (on_question && e.value("type", "") == "sign") after_question.push_back(e.value("clip", ""));
  }
  EXPECT_EQ(after_question, (std::vector<std::string>{"sign/placeholder/entitlements.category.title.mp4",
                                                      "sign/placeholder/entitlements.category.hearing.mp4"}));
}

TEST(SignTranscript, TurningDeafModeOffStopsSignEvents) {
  const fs::path dir = fresh_dir("toggle");
  const KioskRun run = run_kiosk_in(dir, "key select\nkey sign\nkey sign\nkey down\nkey down\n");
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_EQ(values_of(run, "sign", "clip"), std::vector<std::string>{kEntitlementsClip});
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
  EXPECT_TRUE(contains(values_of(run, "sign", "clip"), kTitleClip));
  EXPECT_NE(run.stderr_text.find("home.title.mp4"), std::string::npos) << run.stderr_text;
  EXPECT_TRUE(fs::exists(dir / "shots" / "corrupt.png"));
}

namespace {

std::string file_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

// Repeat replays the clip: its `sign` event is written again, same clip, same caption.
TEST(SignTranscript, RepeatSignsTheCurrentClipAgain) {
  const KioskRun run = run_kiosk("repeat", "key select\nkey sign\nwait 3000\nkey repeat\nwait 500\nkey repeat\n");
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  const auto signs = of_type(run, "sign");
  ASSERT_EQ(signs.size(), 3u) << "one for deaf mode on, one per repeat";
  for (const auto& e : signs) {
    EXPECT_EQ(e.value("clip", ""), kEntitlementsClip);
    EXPECT_EQ(e.value("caption", ""), signs.front().value("caption", ""));
  }
  EXPECT_EQ(signs[1].value("t", -1), 3000);
  EXPECT_EQ(signs[2].value("t", -1), 3500);
}

// Pause holds the clip's frame (screenshots of a paused pane are identical however long
// it waits); Pause again plays on (the placeholder's sweeping dot moves).
TEST(SignTranscript, PauseHoldsTheClipAndPauseAgainPlaysOn) {
  const KioskRun run = run_kiosk("pause",
                                 "key select\nkey sign\nwait 600\nkey pause\nscreenshot a\nwait 800\n"
                                 "screenshot b\nkey pause\nwait 800\nscreenshot c\n");
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  const std::string a = file_bytes(run.dir / "shots" / "a.png"), b = file_bytes(run.dir / "shots" / "b.png"),
                    c = file_bytes(run.dir / "shots" / "c.png");
  ASSERT_FALSE(a.empty());
  EXPECT_TRUE(a == b) << "the paused clip moved on";
  EXPECT_FALSE(b == c) << "the clip did not play on after the second pause";
  EXPECT_EQ(of_type(run, "sign").size(), 1u) << "pause is not a new cue";
}

// The sign_speed setting (docs/design.md section 5): settings reach it, it is announced as a
// `setting` event, and the end of the session brings the hall default back.
TEST(SignTranscript, SignSpeedIsASettingThatTheSessionEndResets) {
  const KioskRun run = run_kiosk(
      "speed", "key select\nkey sign\nkey 4\nkey select\n" +
                   std::string("key down\nkey down\nkey down\nkey down\nkey down\nkey down\nkey down\nkey down\nkey down\n") +
                   "key left\nkey left\nwait 180000\nwait 45000\n");
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  std::vector<int> values;
  for (const auto& e : of_type(run, "setting"))
    if (e.value("name", "") == "sign_speed") values.push_back(e.value("value", -1));
  std::string focus;
  for (const auto& e : of_type(run, "focus")) focus += e.value("node", "") + " ";
  EXPECT_EQ(values, (std::vector<int>{75, 50, 100})) << "focus went: " << focus;
}

// The language key keeps the clip (sign language is the same) and captions it anew.
TEST(SignTranscript, LanguageSwitchCaptionsTheSameClipInTheOtherLanguage) {
  const KioskRun run = run_kiosk("language", "key select\nkey sign\nwait 500\nkey language\n");
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  const auto signs = of_type(run, "sign");
  ASSERT_GE(signs.size(), 2u);
  EXPECT_EQ(signs.front().value("caption", ""), "优待政策查询");
  EXPECT_EQ(signs.back().value("clip", ""), kEntitlementsClip);
  EXPECT_EQ(signs.back().value("caption", ""), "Entitlements guide");
}
