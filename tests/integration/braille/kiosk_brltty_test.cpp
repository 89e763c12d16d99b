// SPDX-License-Identifier: GPL-3.0-or-later
// The acceptance run of issue 4: the real kiosk binary, in real time without a screen
// (SDL_VIDEODRIVER=dummy, ended by SIGTERM), on a private `brltty -b vr`. The harness
// presses the display's keys and reads its cells; every step must show the focused item
// in national common braille, as liblouis writes it for the text the catalogue holds.
// Then brltty is killed and restarted: the kiosk must come back on its own and say so.
// One kiosk and one brltty for the whole suite; its tests run in order.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include "drivers/braille/louis_translator.h"
#include "drivers/speech/reading/reading_loader.h"
#include "kiosk/core/present/braille/braille_input.h"
#include "kiosk/core/present/braille/braille_text.h"
#include "kiosk_run.h"
#include "vr_harness.h"


using namespace std::chrono_literals;
using kiosk::testing::VrDisplay;
namespace fs = std::filesystem;
namespace cb = kiosk::core::braille;

namespace {

constexpr auto kDeadline = 20s;   // a reconnect waits out the driver's back-off (up to 5 s)
constexpr int kCells = 40;

class KioskOnBrltty : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const fs::path root = KIOSK_SOURCE_ROOT;
    // The main catalogue and each service's (config/locales/zh-CN/<service>.toml).
    toml::table zh = toml::parse_file((root / "config/locales/zh-CN.toml").string());
    catalog = std::make_unique<toml::table>(std::move(*zh["messages"].as_table()));
    for (const auto& entry : fs::directory_iterator(root / "config/locales/zh-CN")) {
      toml::table more = toml::parse_file(entry.path().string());
      for (auto&& [key, node] : *more["messages"].as_table()) catalog->insert(key, node);
    }
    auto opened = kiosk::drivers::braille::LouisTranslator::open({(root / "config/braille").string()});
    ASSERT_TRUE(opened.translator) << opened.error;
    translator = std::move(opened.translator);
    // The cells follow the kiosk's readings (issue 13): the same reading step and syllable
    // table as the kiosk's braille channel.
    auto reading = kiosk::drivers::speech::load_reading((root / "assets/pinyin/words.tsv").string(),
                                                        (root / "config/speech/lexicon.toml").string());
    ASSERT_EQ(reading.errors, "");
    const std::string syllables = (root / "config/braille/syllables.tsv").string();
    ASSERT_EQ(translator->follow_readings([reader = reading.reader] { return reader; }, syllables), "");

    display = std::make_unique<VrDisplay>(kCells);
    ASSERT_TRUE(display->start_brltty());
    dir = fs::temp_directory_path() / ("kiosk-brltty-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);

    // The hall config names no BrlAPI host, so libbrlapi takes it from the environment.
    const auto env = kiosk::testing::environment_with(
        {"DISPLAY=", "WAYLAND_DISPLAY=", "SDL_VIDEODRIVER=", "SDL_AUDIODRIVER=", "KIOSK_BRAILLE_DRIVER=", "BRLAPI_HOST=",
         "BRLAPI_AUTH="},
        {"SDL_VIDEODRIVER=dummy", "SDL_AUDIODRIVER=dummy", "KIOSK_BRAILLE_DRIVER=brlapi", "BRLAPI_AUTH=none",
         "BRLAPI_HOST=" + display->brlapi_host()});
    kiosk_pid = kiosk::testing::spawn_process({KIOSK_BINARY, "--config", kiosk::testing::foundation_hall(dir).substr(9),
                                               "--transcript", (dir / "t.jsonl").string()},
                                              env, dir / "err.txt");
    ASSERT_GT(kiosk_pid, 0) << "cannot start " << KIOSK_BINARY;
  }

  static void TearDownTestSuite() {
    if (kiosk_pid > 0) {
      kill(kiosk_pid, SIGTERM);
      int status = 0;
      waitpid(kiosk_pid, &status, 0);
      kiosk_exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      kiosk_pid = -1;
    }
    display.reset();
    translator.reset();
  }

  void SetUp() override {
    ASSERT_TRUE(display && translator && kiosk_pid > 0) << "suite set-up failed";
    ASSERT_EQ(waitpid(kiosk_pid, nullptr, WNOHANG), 0) << "the kiosk exited: " << stderr_text();
  }

  static std::string text_of(const std::string& id) {
    const auto* text = (*catalog)[id].as_string();
    return text ? text->get() : std::string{};
  }

  // What the presenter puts on the line, built here from the catalogue: each part
  // through liblouis on its own, one blank cell between parts.
  static std::string expected_cells(const std::vector<std::string>& parts) {
    std::u32string cells;
    for (const auto& part : parts) {
      const cb::Translation t = translator->translate(part, {});
      EXPECT_TRUE(t.ok()) << part << ": " << t.error;
      if (!cells.empty()) cells += U'\u2800';
      cells += cb::utf8_decode(t.cells);
    }
    return cb::utf8_encode(cells);
  }
  static std::string button(const std::string& id) {
    const std::string cells = expected_cells({text_of(id), text_of("braille.role.button")});
    EXPECT_LE(cb::utf8_decode(cells).size(), static_cast<std::size_t>(kCells)) << id << " needs panning";
    return cells;
  }

  static std::vector<nlohmann::json> events(const std::string& type) {
    std::vector<nlohmann::json> out;
    std::ifstream in(dir / "t.jsonl");
    for (std::string line; std::getline(in, line);) {
      auto event = nlohmann::json::parse(line, nullptr, false);   // the last line may be half-written
      if (!event.is_discarded() && event.value("type", "") == type) out.push_back(event);
    }
    return out;
  }
  // Waits until the transcript has an alert with `code` after the first `skip` of them.
  static bool wait_alert(const std::string& code, std::size_t skip = 0) {
    const auto end = std::chrono::steady_clock::now() + kDeadline;
    while (std::chrono::steady_clock::now() < end) {
      std::size_t seen = 0;
      for (const auto& e : events("alert"))
        if (e.value("code", "") == code && seen++ >= skip) return true;
      std::this_thread::sleep_for(20ms);
    }
    return false;
  }
  static std::size_t count_text(const std::string& type, const std::string& text) {
    std::size_t n = 0;
    for (const auto& e : events(type)) n += e.value("text", "") == text ? 1 : 0;
    return n;
  }
  // Waits until the transcript has more than `skip` events of `type` with `text`.
  static bool wait_text(const std::string& type, const std::string& text, std::size_t skip) {
    const auto end = std::chrono::steady_clock::now() + kDeadline;
    while (std::chrono::steady_clock::now() < end) {
      if (count_text(type, text) > skip) return true;
      std::this_thread::sleep_for(20ms);
    }
    return false;
  }
  static std::size_t count_alerts(const std::string& code) {
    std::size_t n = 0;
    for (const auto& e : events("alert")) n += e.value("code", "") == code ? 1 : 0;
    return n;
  }
  static std::string stderr_text() {
    std::ifstream in(dir / "err.txt");
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  // Presses `command` on the display and waits for `cells`.
  void press(const std::string& command, const std::string& cells) {
    display->send(command);
    EXPECT_TRUE(display->wait_for(cells, kDeadline))
        << command << ": shows " << display->shown() << ", expected " << cells << "\n" << stderr_text();
  }

  static std::unique_ptr<toml::table> catalog;
  static std::unique_ptr<kiosk::drivers::braille::LouisTranslator> translator;
  static std::unique_ptr<VrDisplay> display;
  static fs::path dir;
  static pid_t kiosk_pid;
  static int kiosk_exit;
};

std::unique_ptr<toml::table> KioskOnBrltty::catalog;
std::unique_ptr<kiosk::drivers::braille::LouisTranslator> KioskOnBrltty::translator;
std::unique_ptr<VrDisplay> KioskOnBrltty::display;
fs::path KioskOnBrltty::dir;
pid_t KioskOnBrltty::kiosk_pid = -1;
int KioskOnBrltty::kiosk_exit = -1;

}  // namespace

TEST_F(KioskOnBrltty, TheDisplayIsGreetedWhenItConnects) {
  EXPECT_TRUE(display->wait_for(expected_cells({text_of("alert.braille_connected")}), kDeadline))
      << display->shown() << "\n" << stderr_text();
  EXPECT_TRUE(wait_alert("braille_connected"));
}

TEST_F(KioskOnBrltty, NavigationByDisplayKeysShowsEachItemInNationalCommonBraille) {
  // The first key starts the visit on the home menu, focus on its first item.
  press("LnDn", button("home.entitlements"));
  // 优待政策查询: 查询 through the project override (= 茶寻), not zhcn-cbs's zhā xún.
  EXPECT_NE(display->shown().find(translator->translate("茶寻", {}).cells), std::string::npos) << display->shown();
  press("LnDn", button("home.help_desk"));
  press("LnDn", button("home.subsidies"));
  press("LnDn", button("home.settings"));
  press("LnUp", button("home.subsidies"));
  press("LnUp", button("home.help_desk"));
  press("LnUp", button("home.entitlements"));
  // Top and bottom of the screen: the ends of the menu.
  press("Bot", button("home.finish"));
  press("Top", button("home.entitlements"));
  // Braille keyboard: dots 1-5 is e, the digit 5 (no number sign needed), item 5 of the menu.
  press("PassDots " + std::to_string(cb::dots_mask(1, 5)), button("home.language"));
  // The transcript agrees: the same focus and the same line.
  const auto focus = events("focus");
  ASSERT_FALSE(focus.empty());
  EXPECT_EQ(focus.back().value("node", ""), "home.language");
  const auto lines = events("braille");
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.back().value("cells", ""), button("home.language"));
  EXPECT_EQ(lines.back().value("table", ""), "kiosk-zh.ctb");
}

TEST_F(KioskOnBrltty, RecoversOnItsOwnWhenBrlttyIsKilledAndRestarted) {
  const std::size_t lost_before = count_alerts("braille_lost");
  const std::size_t back_before = count_alerts("braille_connected");
  const std::string lost = text_of("alert.braille_lost");
  const std::string back = text_of("alert.braille_connected");
  const std::size_t spoken_lost = count_text("speech", lost), spoken_back = count_text("speech", back);
  const std::size_t shown_lost = count_text("caption", lost), shown_back = count_text("caption", back);
  display->stop_brltty();
  ASSERT_TRUE(wait_alert("braille_lost", lost_before)) << stderr_text();
  ASSERT_TRUE(display->start_brltty());
  // Back without help: greeted on the display, in the transcript, and spoken.
  EXPECT_TRUE(display->wait_for(expected_cells({text_of("alert.braille_connected")}), kDeadline))
      << display->shown() << "\nsee " << display->log_path();
  ASSERT_TRUE(wait_alert("braille_connected", back_before));
  // Spoken, and shown: on screen the caption line carries what is spoken.
  EXPECT_TRUE(wait_text("speech", lost, spoken_lost));
  EXPECT_TRUE(wait_text("speech", back, spoken_back));
  EXPECT_TRUE(wait_text("caption", lost, shown_lost));
  EXPECT_TRUE(wait_text("caption", back, shown_back));
  // Nothing was lost: the visit and the focus are where they were.
  press("LnDn", button("home.help"));
}

TEST_F(KioskOnBrltty, RoutingKeyActivatesTheItem) {
  // Cell 1, not 0: the vr driver drops `Route 0`.
  display->send("Route 1");
  const auto end = std::chrono::steady_clock::now() + kDeadline;
  bool on_help = false;
  while (!on_help && std::chrono::steady_clock::now() < end) {
    for (const auto& e : events("screen")) on_help = on_help || e.value("id", "") == "help";
    std::this_thread::sleep_for(20ms);
  }
  ASSERT_TRUE(on_help);
  // The display shows the first window of the new screen's focused item (the line may
  // be longer than 40 cells), and that line names the focused item.
  std::string line;
  std::string shown;
  while (std::chrono::steady_clock::now() < end) {
    const auto lines = events("braille");
    line = lines.empty() ? std::string{} : lines.back().value("cells", "");
    shown = display->shown();
    if (!shown.empty() && line.rfind(shown, 0) == 0 && shown != button("home.help")) break;
    std::this_thread::sleep_for(20ms);
  }
  EXPECT_FALSE(shown.empty());
  EXPECT_EQ(line.rfind(shown, 0), 0u) << "line " << line << ", display " << shown;
  const std::string name = events("focus").back().value("name", "");
  ASSERT_FALSE(name.empty());
  EXPECT_EQ(line.rfind(expected_cells({name}), 0), 0u) << name << ": " << line;
}

TEST_F(KioskOnBrltty, EndsOnSigterm) {
  kill(kiosk_pid, SIGTERM);
  int status = 0;
  ASSERT_EQ(waitpid(kiosk_pid, &status, 0), kiosk_pid);
  kiosk_pid = -1;
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << stderr_text();
}
