// SPDX-License-Identifier: GPL-3.0-or-later
// The headless contract (docs/design.md section 5) through the real kiosk binary: scripts
// in, transcript and screenshots out, exit codes for bad input.
#include <gtest/gtest.h>

#include <cstdio>
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

TEST(HeadlessTranscript, KeypadJourneyThroughMenuSettingsHelpAndTimeout) {
  const KioskRun run = run_kiosk("journey", R"(# a keypad-only visit
key select
key down
screenshot home
key select
key right
key right
key down
key right
key done-is-not-a-key-so-this-line-is-a-comment-free-zone
)");
  // An unknown key name is a script error: exit 2, naming the line.
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.stderr_text.find(":10:"), std::string::npos) << run.stderr_text;

  const KioskRun ok = run_kiosk("journey-ok", R"(key select
key down
key down
key down
key select
screenshot settings
key right
key right
key down
key right
key home
key language
key help
key help
screenshot help
key back
wait 180000
screenshot warning
key down
wait 180000
wait 45000
screenshot after
)");
  ASSERT_EQ(ok.exit_code, 0) << ok.stderr_text;
  EXPECT_EQ(values_of(ok, "screen", "id"), (std::vector<std::string>{"attract", "home", "settings", "home", "home", "help", "home",
                                                       "timeout", "home", "timeout", "attract"}));
  std::vector<std::pair<std::string, json>> settings;
  for (const auto& e : of_type(ok, "setting")) settings.emplace_back(e["name"], e["value"]);
  auto has = [&](const std::string& name, const json& value) {
    for (const auto& [n, v] : settings)
      if (n == name && v == value) return true;
    return false;
  };
  EXPECT_TRUE(has("zoom", 120));
  EXPECT_TRUE(has("zoom", 160));
  EXPECT_TRUE(has("theme", "yellow_on_black") || has("theme", "white_on_black") || has("theme", "black_on_white"));
  EXPECT_TRUE(has("language", "en"));
  EXPECT_TRUE(has("zoom", 100)) << "reset must bring the hall default back";
  EXPECT_TRUE(has("language", "zh-CN"));
  std::vector<std::string> session;
  for (const auto& e : of_type(ok, "session")) session.push_back(e["event"]);
  EXPECT_EQ(session, (std::vector<std::string>{"start", "timeout_warning", "extended", "timeout_warning", "reset"}));
  // Timers fire at their virtual deadlines.
  for (const auto& e : of_type(ok, "session")) {
    if (e["event"] == "timeout_warning") {
      EXPECT_EQ(e["t"].get<long long>() % 1000, 0);
    }
  }
  for (const char* shot : {"settings", "help", "warning", "after"})
    EXPECT_TRUE(fs::exists(ok.dir / "shots" / (std::string(shot) + ".png"))) << shot;
}

TEST(HeadlessTranscript, FocusEventsCarryRoleNameIndexAndCount) {
  const KioskRun run = run_kiosk("focus", "key select\nkey down\nkey up\nkey up\n");
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  std::vector<json> home_focus;
  for (const auto& e : of_type(run, "focus"))
    if (e["node"].get<std::string>().rfind("home.", 0) == 0) home_focus.push_back(e);
  ASSERT_EQ(home_focus.size(), 4u);
  EXPECT_EQ(home_focus[0]["node"], "home.entitlements");
  EXPECT_EQ(home_focus[0]["index"], 1);
  EXPECT_EQ(home_focus[0]["role"], "button");
  EXPECT_EQ(home_focus[0]["name"], "优待政策查询");
  const int count = home_focus[0]["count"];
  EXPECT_EQ(home_focus[1]["index"], 2);
  EXPECT_EQ(home_focus[3]["index"], count);   // up from the first wraps to the last
  bool wrap = false;
  for (const auto& e : of_type(run, "earcon")) wrap = wrap || e["name"] == "wrap";
  EXPECT_TRUE(wrap);
}

TEST(HeadlessTranscript, EntitlementsGuideListsTheCountysEntries) {
  // Houma (the demo hall): physical, grade 1, 18-59, dibao, hukou here.
  const KioskRun run = run_kiosk("guide", "key select\nkey select\nkey down\nkey down\nkey select\n"
                                     "key 4\nkey select\nkey 1\nkey select\nkey 3\nkey select\n"
                                     "key 1\nkey select\nkey 1\nkey select\nscreenshot result\n");
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  const auto ids = values_of(run, "screen", "id");
  const std::vector<std::string> expected{"entitlements", "entitlements_category", "entitlements_grade",
                                          "entitlements_age", "entitlements_dibao", "entitlements_hukou",
                                          "entitlements_result"};
  ASSERT_GE(ids.size(), expected.size() + 2);
  EXPECT_EQ(std::vector<std::string>(ids.end() - static_cast<long>(expected.size()), ids.end()), expected);
  EXPECT_TRUE(fs::exists(run.dir / "shots" / "result.png"));
}

TEST(HeadlessTranscript, BackNeverLosesAnAnswer) {
  const KioskRun run = run_kiosk("back", "key select\nkey select\nkey down\nkey down\nkey select\n"
                                    "key 2\nkey select\nkey back\n");
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  const auto focus = of_type(run, "focus");
  ASSERT_FALSE(focus.empty());
  EXPECT_EQ(focus.back()["node"], "entitlements_category.hearing");
}

TEST(HeadlessTranscript, TouchStartLeavesSpeechOffAndOffersIt) {
  const KioskRun run = run_kiosk("touch", "touch 960 540\n");
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  for (const auto& e : of_type(run, "setting")) EXPECT_NE(e["name"], "speech");
  const auto focus = of_type(run, "focus");
  ASSERT_FALSE(focus.empty());
  EXPECT_EQ(focus.back()["node"], "home.speech_on");
}

TEST(HeadlessTranscript, CallStaffReachesTheEmbeddedBackend) {
  const KioskRun run = run_kiosk("staff", "key select\nkey call-staff\n");
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  std::vector<std::string> codes;
  for (const auto& e : of_type(run, "alert")) codes.push_back(e["code"]);
  EXPECT_EQ(codes, (std::vector<std::string>{"staff_call_sending", "staff_call_ok"}));
  // One round trip, in the transcript with its kind and the answer's status.
  const auto requests = of_type(run, "request");
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].value("kind", ""), "live");
  EXPECT_EQ(requests[0].value("path", ""), "/v1/staff-calls");
  EXPECT_EQ(requests[0].value("status", 0), 201);
}

TEST(HeadlessTranscript, SignInterpreterIsALiveStaffCallWithSignLanguageNeed) {
  const KioskRun run = run_kiosk("interpreter", "key select\nkey 8\nkey select\n");
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  std::vector<std::string> codes;
  for (const auto& e : of_type(run, "alert")) codes.push_back(e["code"]);
  EXPECT_EQ(codes, (std::vector<std::string>{"sign_interpreter_sending", "sign_interpreter_ok"}));
  const auto requests = of_type(run, "request");
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0]["path"], "/v1/staff-calls");
  EXPECT_EQ(requests[0]["status"], 201);
}

TEST(HeadlessTranscript, ACopiedHallConfigBringsItsOwnDemoOutbox) {
  // A hall's config copied elsewhere: the demo backend creates its outbox folder itself.
  const fs::path dir = fresh_dir("copied");
  fs::copy(fs::path(KIOSK_SOURCE_ROOT) / "config", dir / "config", fs::copy_options::recursive);
  const KioskRun run = run_kiosk("copied-run", "key select\nkey call-staff\n",
                                 "--config " + (dir / "config" / "kiosk.toml").string());
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  std::vector<std::string> codes;
  for (const auto& e : of_type(run, "alert")) codes.push_back(e["code"]);
  EXPECT_EQ(codes, (std::vector<std::string>{"staff_call_sending", "staff_call_ok"})) << run.stderr_text;
  EXPECT_TRUE(fs::exists(dir / "build" / "kiosk-outbox.key"));
}


TEST(HeadlessTranscript, SignInterpreterFailsAtOnceWhenTheGatewayIsUnreachable) {
  const fs::path dir = fresh_dir("unreachable");
  const std::string config = hall_config_with(
      dir, {{"kind = ", "kind = \"http\"\nbase_url = \"https://127.0.0.1:9\""},
            {"outbox_path", "outbox_path = \"" + (dir / "outbox.db").string() + "\""},
            {"outbox_key_file", "outbox_key_file = \"" + (dir / "outbox.key").string() + "\""}});
  const KioskRun run = run_kiosk("unreachable-run", "key select\nkey 8\nkey select\n", config);
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  std::vector<std::string> codes;
  for (const auto& e : of_type(run, "alert")) codes.push_back(e["code"]);
  EXPECT_EQ(codes, (std::vector<std::string>{"sign_interpreter_sending", "sign_interpreter_failed"}));
}


// Every setting of the session can be a hall default: a hall for deaf residents starts
// each session with the sign pane, large and slower, and brief speech.
TEST(HeadlessTranscript, HallDefaultsFromKioskTomlStartEverySession) {
  // Home, the guide and back: the second visit to home is where brief speech is brief.
  const std::string script = "key select\nkey select\nkey back\nkey down\n";
  const fs::path dir = fresh_dir("defaults");
  const KioskRun run = run_kiosk_in(dir, script,
                                    hall_config_with(dir, {{"sign = ", "sign = true"}, {"sign_large = ", "sign_large = true"},
                                                           {"sign_speed = ", "sign_speed = 75"},
                                                           {"verbosity = ", "verbosity = \"brief\""}}));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  const KioskRun plain = run_kiosk("defaults-plain", script);
  ASSERT_EQ(plain.exit_code, 0) << plain.stderr_text;
  // Signed from the attract screen on, before any key, with no sign key pressed.
  const auto signs = of_type(run, "sign");
  ASSERT_FALSE(signs.empty());
  EXPECT_EQ(signs.front()["clip"], "sign/placeholder/attract.title.mp4");
  EXPECT_TRUE(of_type(plain, "sign").empty());
  // Brief: on a screen visited before, an item is said without its role and position.
  const std::string brief = of_type(run, "speech").back()["text"], full = of_type(plain, "speech").back()["text"];
  EXPECT_LT(brief.size(), full.size()) << brief << " / " << full;
  EXPECT_NE(full.find("第2项"), std::string::npos) << full;
  EXPECT_EQ(brief.find("第2项"), std::string::npos) << brief;
}

TEST(HeadlessExitCodes, BadHallDefaultNamesTheLine) {
  const fs::path dir = fresh_dir("baddefault");
  const KioskRun run = run_kiosk_in(dir, "key select\n", hall_config_with(dir, {{"sign_speed = ", "sign_speed = 60"}}));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.stderr_text.find("kiosk.toml:"), std::string::npos) << run.stderr_text;
  EXPECT_NE(run.stderr_text.find("sign_speed must be 50, 75 or 100"), std::string::npos) << run.stderr_text;
}

TEST(HeadlessExitCodes, UnknownStepNamesTheLine) {
  const KioskRun run = run_kiosk("badstep", "key select\n\n# fine\njump 3\n");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.stderr_text.find(":4:"), std::string::npos) << run.stderr_text;
  EXPECT_NE(run.stderr_text.find("jump"), std::string::npos);
}

TEST(HeadlessExitCodes, BadNowIsABadArgument) {
  const KioskRun run = run_kiosk("badnow", "key select\n", "--now yesterday");
  EXPECT_EQ(run.exit_code, 2);
}

TEST(HeadlessExitCodes, BadCountyProfileStopsStartUpNamingFileAndLine) {
  const fs::path dir = fresh_dir("badconfig");
  fs::copy(fs::path(KIOSK_SOURCE_ROOT) / "config", dir / "config", fs::copy_options::recursive);
  {
    std::ofstream out(dir / "config" / "deployments" / "houma.toml", std::ios::app);
    out << "\n[[entitlement]]\nid = \"broken\"\nname = 7\n";
  }
  const KioskRun run = run_kiosk("badconfig-run", "key select\n", "--config " + (dir / "config" / "kiosk.toml").string());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.stderr_text.find("houma.toml:"), std::string::npos) << run.stderr_text;
}

// Key-describer mode through the binary, in both languages: every key's line exists
// in the catalogue (a missing id would show as "[id]") and nothing acts.
TEST(HeadlessTranscript, KeyDescriberSpeaksEveryKeyInBothLanguagesAndActsOnNothing) {
  std::string script = "key select\nkey help\nkey help\nkey help\n";
  const char* keys[] = {"up", "left", "select", "back", "repeat", "where", "pause", "volume+", "rate-",
                        "zoom+", "contrast", "home", "curtain", "sign", "call-staff", "5", "star", "clear"};
  for (const char* key : keys) script += std::string("key ") + key + "\n";
  script += "key language\nkey help\nkey language\nkey help\n";   // out, switch, back in
  for (const char* key : keys) script += std::string("key ") + key + "\n";
  const KioskRun run = run_kiosk("describer", script);
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  int described = 0;
  for (const auto& e : of_type(run, "alert")) {
    const std::string text = e["text"];
    EXPECT_EQ(text.find('['), std::string::npos) << text;
    if (e["code"] == "key_described") ++described;
  }
  EXPECT_EQ(described, 2 * static_cast<int>(std::size(keys)) + 1);   // + the language key
  // Only the language key pressed outside the mode changes a setting.
  std::vector<std::string> names;
  for (const auto& e : of_type(run, "setting")) names.push_back(e["name"]);
  for (const auto& name : names) EXPECT_TRUE(name == "language" || name == "speech" || name == "touch_explore") << name;
  EXPECT_EQ(values_of(run, "screen", "id").back(), "help");
}
