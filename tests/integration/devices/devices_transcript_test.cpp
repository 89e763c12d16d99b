// SPDX-License-Identifier: GPL-3.0-or-later
// Assistive devices and children's aid through the real kiosk and the embedded gateway:
// R1 applies for a new wheelchair and a repair by keypad; R2 asks for a white cane on the
// braille keys and is told when the next is possible; the catalogue pages at 200 %; a
// guardian sees the age-out warning by touch; with the gateway down, the live look-up
// fails at once with the way forward.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "journey.h"
#include "journey.h"
#include "kiosk_run.h"

namespace fs = std::filesystem;
using namespace kiosk::testing;   // the suites' support (kiosk_run.h, journey.h)

namespace {

// The hall offers the two services first (home items 1 and 2), then identity.
std::string config_in(const fs::path& dir, std::vector<std::pair<std::string, std::string>> lines = {}) {
  std::ofstream(dir / "r1.json") << card_json("赵大山", "141081196804120356");
  std::ofstream(dir / "r2.json") << card_json("孙桂兰", "370303195009300248");
  lines.push_back({"services = ", R"(services = ["devices", "child_aid", "identity"])"});
  return hall_config_in(dir, std::move(lines));
}

}  // namespace

TEST(DevicesTranscript, R1AppliesForANewWheelchairAndARepairByKeypad) {
  const auto dir = fresh_dir("devices_r1");
  // Status; 申请新辅具 (button 1); the wheelchair (first); confirm (button 1); the status
  // again (button 1); 申请维修 (button 2); the wheelchair; confirm.
  // Down to the wheelchair held, and on the second visit to the new application.
  const std::string script = by_card(1, "r1.json") + "key down\nkey down\nkey 1\nkey select\nkey select\nkey 1\nkey select\n" +
                             "key 1\nkey select\nkey down\nkey down\nkey down\nkey down\nkey down\n" +
                             "key 2\nkey select\nkey select\nkey 1\nkey select\n";
  const KioskRun run = run_kiosk_in(dir, script, config_in(dir));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_EQ(joined(run, "screen", "id"),
            "attract|home|identify|identify_factor|verify|devices|device_apply_choose|device_apply_summary|"
            "device_apply_receipt|devices|device_apply_choose|device_apply_summary|device_apply_receipt|");
  std::string requests;
  for (const auto& e : of_type(run, "request"))
    requests += e.value("kind", "") + " " + e.value("path", "") + " " + std::to_string(e.value("status", 0)) + "|";
  // The second delivery may come after the script's end: the outbox delivers on its own.
  EXPECT_EQ(requests.rfind("live /v1/visits 201|live /v1/visits/V-000001/verify 200|live /v1/assistive-devices 200|"
                           "application /v1/assistive-device-applications 202|live /v1/assistive-devices 200|", 0), 0u)
      << requests;
  EXPECT_NE(all_of_type(run, "outbox").find("\"ref\":\"demo-01-000002\",\"state\":\"queued\""), std::string::npos);
  const std::string captions = all_of_type(run, "caption");
  EXPECT_NE(captions.find("已到使用年限，可以申请换新的"), std::string::npos) << captions;   // due for replacement
  EXPECT_NE(captions.find("普通轮椅：补贴最高800.00元，使用年限4年"), std::string::npos) << captions;
  EXPECT_NE(captions.find("您的受理号是demo-01-000001"), std::string::npos) << captions;
  EXPECT_NE(captions.find("维修：普通轮椅"), std::string::npos) << captions;
  EXPECT_NE(captions.find("您的受理号是demo-01-000002"), std::string::npos) << captions;
  // The second status shows the new application.
  EXPECT_NE(captions.find("申请普通轮椅：已受理"), std::string::npos) << captions;
  EXPECT_EQ(run.stderr_text.find("141081196804120356"), std::string::npos);
}

// R2 is blind: headset in, braille display keys only. Her number in chords, staff confirm,
// then 申请新辅具, down to the white cane: the gateway's answer says from when a new one is
// possible, and offers a repair instead.
TEST(DevicesTranscript, R2AsksForAWhiteCaneOnTheBrailleKeysAndIsToldWhenTheNextIsPossible) {
  const auto dir = fresh_dir("devices_r2_braille");
  std::string script = "headphones in\nbraille-dots 1\nbraille-key enter\nbraille-line down\nbraille-key enter\n" +
                       braille_digits("370303195009300248") +
                       "braille-key enter\nbraille-line down\nbraille-key enter\n" + braille_digits("0101") +
                       "braille-key enter\n" + braille_digits("2468") + "braille-key enter\n";
  script += "braille-dots 1\nbraille-key enter\n";   // 申请新辅具, the first button
  for (int i = 0; i < 5; ++i) script += "braille-line down\n";
  script += "braille-key enter\n";
  const KioskRun run = run_kiosk_in(dir, script, config_in(dir));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_EQ(joined(run, "screen", "id"),
            "attract|home|identify|identify_keyed|identify_factor|identify_staff|devices|device_apply_choose|"
            "device_apply_refused|");
  const std::string captions = all_of_type(run, "caption");
  EXPECT_NE(captions.find("您的盲杖还在使用年限内，2026年9月20日以后才能再申请新的"), std::string::npos) << captions;
  // Brailled on her display, said on the headset; nothing was sent.
  bool brailled = false;
  for (const auto& e : of_type(run, "braille")) brailled = brailled || e.dump().find("2026") != std::string::npos;
  EXPECT_TRUE(brailled);
  for (const auto& e : of_type(run, "request")) EXPECT_EQ(e.value("kind", ""), "live") << e.dump();
  for (const auto& e : run.events) EXPECT_EQ(e.dump().find("2468"), std::string::npos) << e.dump();
}

// At 200 % the catalogue is longer than a screen: it pages like any long content, and
// turning a page moves the focus to its first device.
TEST(DevicesTranscript, TheCataloguePagesAtTwoHundredPercent) {
  const auto dir = fresh_dir("devices_catalogue_200");
  const std::string script = by_card(1, "r1.json") + "key 1\nkey select\nscreenshot catalogue_page1\n" +
                             "key right\nscreenshot catalogue_page2\nkey right\nkey right\nscreenshot catalogue_page4\n";
  const KioskRun run = run_kiosk_in(dir, script, config_in(dir, {{"zoom = ", "zoom = 200"}}));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  ASSERT_EQ(of_type(run, "screen").back().value("id", ""), "device_apply_choose");
  std::vector<int> indices;
  for (const auto& e : of_type(run, "focus"))
    if (e.value("node", "").rfind("device_apply_choose.", 0) == 0) indices.push_back(e.value("index", 0));
  // The first device, then the first of each later page, further down the list each time.
  ASSERT_GE(indices.size(), 4u);
  EXPECT_EQ(indices.front(), 1);
  for (std::size_t i = 1; i < indices.size(); ++i) EXPECT_GT(indices[i], indices[i - 1]);
  EXPECT_GE(indices.back(), 5);
  for (const char* shot : {"catalogue_page1.png", "catalogue_page2.png", "catalogue_page4.png"})
    EXPECT_TRUE(fs::exists(run.dir / "shots" / shot)) << shot;
  // At 100 % the same list is on one page but for the last item or two: a page turn goes further.
  const auto plain_dir = fresh_dir("devices_catalogue_100");
  const KioskRun plain = run_kiosk_in(plain_dir, by_card(1, "r1.json") + "key 1\nkey select\nkey right\n", config_in(plain_dir));
  ASSERT_EQ(plain.exit_code, 0) << plain.stderr_text;
  EXPECT_GT(of_type(plain, "focus").back().value("index", 0), 2);
}

// R4's mother acts for her (the identity service's agent path) and applies, for her
// daughter, for Tongxin's home rehabilitation (0 to under 14) at its designated institution;
// the rescue aid she is in already is not offered again.
TEST(ChildAidTranscript, R4sMotherAppliesForHomeRehabilitationByKeypad) {
  const auto dir = fresh_dir("child_aid_r4");
  const std::string script =
      as_agent(2, "640324199603080626", "640324202107150466") + "key 1\nkey select\nkey select\nkey 1\nkey select\n";
  const KioskRun run = run_kiosk_in(dir, script, config_in(dir));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_EQ(joined(run, "screen", "id"),
            "attract|home|identify|identify_keyed|identify_factor|verify|agent_resident|agent_relationship|"
            "agent_authority|child_aid|child_aid_institution|child_aid_summary|child_aid_receipt|");
  const std::string captions = all_of_type(run, "caption");
  EXPECT_NE(captions.find("申请送康上门"), std::string::npos) << captions;
  EXPECT_NE(captions.find("同心县送康上门服务队"), std::string::npos) << captions;
  EXPECT_NE(captions.find("您的受理号是demo-01-000001"), std::string::npos) << captions;
  // The child's record is asked for by her opaque reference, never a number.
  std::string paths;
  for (const auto& e : of_type(run, "request")) paths += e.value("path", "") + "|";
  EXPECT_NE(paths.find("/v1/subjects/sub_7a05c9e1b84d/child-rehab-aid"), std::string::npos) << paths;
  EXPECT_EQ(paths.find("640324202107150466"), std::string::npos);
  EXPECT_EQ(run.stderr_text.find("640324202107150466"), std::string::npos);
}

// A bad value in the hall's [devices] or in a neighbouring profile's [child_aid] stops
// start-up with exit code 2 and the file and line.
TEST(DevicesTranscript, ABadProfileValueStopsStartUpWithItsLine) {
  for (const char* county : {"houma", "tongxin"}) {
    const auto dir = fresh_dir(std::string("devices_bad_") + county);
    const std::string config = config_in(dir);
    const fs::path profile = dir / "config" / "deployments" / (std::string(county) + ".toml");
    std::ifstream in(profile);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    in.close();
    const std::string from = county == std::string("houma") ? "life_years = 4" : "upper = \"exclusive\"";
    const std::string to = county == std::string("houma") ? "life_years = 0" : "upper = \"open\"";
    ASSERT_NE(text.find(from), std::string::npos);
    text.replace(text.find(from), from.size(), to);
    std::ofstream(profile, std::ios::trunc) << text;
    const int line = kiosk::testing::line_starting_with(profile, to);
    const KioskRun run = run_kiosk_in(dir, "key select\n", config);
    EXPECT_EQ(run.exit_code, 2) << county;
    EXPECT_NE(run.stderr_text.find(std::string(county) + ".toml:" + std::to_string(line) + ": "), std::string::npos)
        << run.stderr_text;
  }
}
