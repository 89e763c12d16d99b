// SPDX-License-Identifier: GPL-3.0-or-later
// Identity through the real kiosk and the embedded gateway (the demo residents): a card
// placed on the attract screen starts the visit, the SMS code is typed on the keypad and
// never said, shown or brailled, three wrong codes lock it and lead to staff, and no ID
// number or code reaches the kiosk's log.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "journey.h"
#include "kiosk_run.h"

namespace fs = std::filesystem;
using namespace kiosk::testing;   // the suites' support (kiosk_run.h, journey.h)

namespace {

// R1 of the demo data, as printed on his card (valid to `valid_to`, YYYYMMDD).
std::string r1_card(const std::string& valid_to = "20360101") {
  return card_json("赵大山", "141081196804120356", valid_to, "山西省侯马市浍滨街道1号", "侯马市公安局");
}

std::string config_in(const fs::path& dir) {
  std::ofstream(dir / "r1.json") << r1_card();
  return hall_config_in(dir);
}

}  // namespace

TEST(IdentityTranscript, R1PlacesHisCardAndTypesTheSmsCodeOnTheKeypad) {
  const auto dir = fresh_dir("identity_r1_card");
  // Headphones in: personal content (whom the visit is for) may be said.
  const std::string script = "headphones in\ncard r1.json\nkey select\n" + key_digits("135790") + "key select\n";
  const KioskRun run = run_kiosk_in(dir, script, config_in(dir));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_EQ(joined(run, "screen", "id"), "attract|home|identify|identify_factor|verify|home|");
  const std::string alerts = joined(run, "alert", "code");
  EXPECT_NE(alerts.find("take_card"), std::string::npos) << alerts;   // 请取回您的身份证
  EXPECT_NE(alerts.find("code_sent"), std::string::npos) << alerts;
  EXPECT_NE(alerts.find("identified"), std::string::npos) << alerts;
  // Two live round trips, both answered.
  std::vector<int> statuses;
  for (const auto& e : of_type(run, "request")) {
    EXPECT_EQ(e.value("kind", ""), "live");
    statuses.push_back(e.value("status", 0));
  }
  EXPECT_EQ(statuses, (std::vector<int>{201, 200}));
  // The code is never said, captioned or brailled; the card's number never either.
  for (const char* type : {"speech", "braille", "caption"}) {
    for (const auto& e : of_type(run, type)) {
      const std::string text = e.dump();
      EXPECT_EQ(text.find("135790"), std::string::npos) << text;
      EXPECT_EQ(text.find("141081196804120356"), std::string::npos) << text;
    }
  }
  EXPECT_EQ(run.stderr_text.find("141081196804120356"), std::string::npos);
  EXPECT_EQ(run.stderr_text.find("135790"), std::string::npos);
  // Whom the visit is for is said (to the headset) and brailled, masked.
  bool for_r1 = false;
  for (const auto& e : of_type(run, "speech")) for_r1 = for_r1 || e.dump().find("赵*山") != std::string::npos;
  for (const auto& e : of_type(run, "braille")) for_r1 = for_r1 || e.dump().find("赵*山") != std::string::npos;
  EXPECT_TRUE(for_r1);
}

TEST(IdentityTranscript, ThreeWrongCodesLockTheCodeAndOfferStaff) {
  const auto dir = fresh_dir("identity_wrong_codes");
  std::string script = "card r1.json\nkey select\n";
  for (int i = 0; i < 3; ++i) script += key_digits("000000") + "key select\n";
  const KioskRun run = run_kiosk_in(dir, script, config_in(dir));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  const std::string alerts = joined(run, "alert", "code");
  EXPECT_NE(alerts.find("code_wrong|"), std::string::npos) << alerts;
  EXPECT_NE(alerts.find("code_locked"), std::string::npos) << alerts;
  const auto focus = of_type(run, "focus");
  ASSERT_FALSE(focus.empty());
  EXPECT_EQ(focus.back().value("node", ""), "verify.staff");
  // C1: the wrong code is told with the error earcon.
  EXPECT_NE(joined(run, "earcon", "name").find("error"), std::string::npos);
}

TEST(IdentityTranscript, AnExpiredCardLeadsToTheTypedNumber) {
  const auto dir = fresh_dir("identity_expired");
  const std::string config = config_in(dir);
  std::ofstream(dir / "old.json") << r1_card("20200101");
  const KioskRun run = run_kiosk_in(dir, "card old.json\n", config);
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_NE(joined(run, "alert", "code").find("card_expired"), std::string::npos);
  EXPECT_EQ(joined(run, "screen", "id"), "attract|home|identify|identify_keyed|");
}

TEST(IdentityTranscript, R4sMotherActsForHerDaughterByKeypad) {
  const auto dir = fresh_dir("identity_agent_r4");
  const KioskRun run = run_kiosk_in(dir, as_agent(3, "640324199603080626", "640324202107150466", false), config_in(dir));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_EQ(joined(run, "screen", "id"),
            "attract|home|identify|identify_keyed|identify_factor|verify|agent_resident|agent_relationship|"
            "agent_authority|subsidy_status|");
  const std::string alerts = joined(run, "alert", "code");
  EXPECT_NE(alerts.find("agent_actor_first"), std::string::npos) << alerts;
  EXPECT_NE(alerts.find("identified"), std::string::npos) << alerts;
  // The subsidies are asked for the daughter, by her opaque reference, never a number.
  bool for_r4 = false;
  for (const auto& e : of_type(run, "alert")) for_r4 = for_r4 || e.dump().find("马*雨") != std::string::npos;
  EXPECT_TRUE(for_r4);
  EXPECT_EQ(run.stderr_text.find("640324202107150466"), std::string::npos);
}

TEST(IdentityTranscript, AStrangerIsRefusedAsAgentAndMayGoOnForThemself) {
  const auto dir = fresh_dir("identity_agent_refused");
  // R1 claims to act for R4: the gateway has no such record.
  const KioskRun run = run_kiosk_in(dir, as_agent(3, "141081196804120356", "640324202107150466", false) + "key select\n",
                                    config_in(dir));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  const std::string screens = joined(run, "screen", "id");
  EXPECT_NE(screens.find("agent_refused|subsidy_status|"), std::string::npos) << screens;
  EXPECT_NE(joined(run, "alert", "code").find("authority_unknown"), std::string::npos);
}

TEST(IdentityTranscript, AWrongCheckDigitIsToldAtTheFieldAndTheNextVisitHoldsNothing) {
  const auto dir = fresh_dir("identity_next_visit");
  // A wrong check digit, then the right number; the visit ends (finish, confirmed); a new
  // visit goes to identity again and finds an empty field.
  const std::string script = "key select\nkey 3\nkey select\nkey down\nkey select\n" + key_digits("141081196804120357") +
                             "key select\nkey clear\nkey 6\nkey select\nkey home\nkey 9\nkey select\nkey down\nkey select\n"
                             "key select\nkey 3\nkey select\nkey down\nkey select\n";
  const KioskRun run = run_kiosk_in(dir, script, config_in(dir));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_NE(joined(run, "alert", "code").find("id_checksum"), std::string::npos);
  const auto focus = of_type(run, "focus");
  ASSERT_FALSE(focus.empty());
  EXPECT_EQ(focus.back().value("node", ""), "identify_keyed.id");
  EXPECT_EQ(focus.back().value("value", std::string("none")), std::string("none")) << focus.back().dump();
  // After the session's end nothing of the number is said, shown or brailled again.
  bool after_end = false;
  for (const auto& e : run.events) {
    if (e.value("type", "") == "session" && e.value("event", "") == "reset") after_end = true;
    if (after_end) {
      EXPECT_EQ(e.dump().find("0357"), std::string::npos) << e.dump();
    }
  }
  EXPECT_TRUE(after_end);
}

// R2 is blind: headset in, braille display keys only. Her number typed in chords, a member
// of staff confirms with their number and PIN, and she hears her care allowance's review.
TEST(IdentityTranscript, R2TypesHerNumberOnTheBrailleDisplayAndStaffConfirm) {
  const auto dir = fresh_dir("identity_r2_braille");
  const std::string script = "headphones in\nbraille-dots 1-4\nbraille-key enter\nbraille-line down\nbraille-key enter\n" +
                             braille_digits("370303195009300248") +
                             "braille-key enter\nbraille-line down\nbraille-key enter\n" + braille_digits("0101") +
                             "braille-key enter\n" + braille_digits("2468") + "braille-key enter\n" +
                             "braille-line down\nbraille-line down\nbraille-line down\nbraille-line down\nbraille-line down\n"
                             "braille-line down\nbraille-line down\nbraille-line down\n";
  const KioskRun run = run_kiosk_in(dir, script, config_in(dir));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_EQ(joined(run, "screen", "id"), "attract|home|identify|identify_keyed|identify_factor|identify_staff|subsidy_status|");
  // Her care allowance is with the county DPF, step 2 of 3: said on her headset, line by line
  // as she moves the display.
  std::string heard;
  for (const auto& e : of_type(run, "speech")) heard += e.value("text", "");
  EXPECT_NE(heard.find("县残联正在审核您的申请"), std::string::npos) << heard;
  EXPECT_NE(heard.find("现在在第2步"), std::string::npos) << heard;
  // The PIN is never said, shown or brailled; the typed number is brailled (S7: her own
  // display) and said only on the headset.
  for (const auto& e : run.events) EXPECT_EQ(e.dump().find("2468"), std::string::npos) << e.dump();
  bool brailled = false;
  for (const auto& e : of_type(run, "braille")) brailled = brailled || e.dump().find("370303195009300248") != std::string::npos;
  EXPECT_TRUE(brailled);
  for (const auto& e : of_type(run, "speech")) {
    if (e.dump().find("370303") != std::string::npos) {
      EXPECT_EQ(e.value("route", ""), "headset");
    }
  }
}

namespace {

std::string clear_keys(int n) {
  std::string keys;
  for (int i = 0; i < n; ++i) keys += "key clear\n";
  return keys;
}

}  // namespace

// R1's card has run out: he types his disability certificate's number instead, and the
// kiosk holds him to the card he placed (the first 18 characters must be its number).
TEST(IdentityTranscript, AfterAnExpiredCardHisCertificateNumberIdentifiesHim) {
  const auto dir = fresh_dir("identity_certificate_keypad");
  const std::string config = config_in(dir);
  std::ofstream(dir / "old.json") << r1_card("20200101");
  // identify_keyed's items: the number, confirm, "改输残疾人证号".
  const std::string script = "card old.json\nkey down\nkey down\nkey select\n" + key_digits("64032420210715046621") +
                             "key select\n" + clear_keys(20) + key_digits("14108119680412035643") + "key select\nkey select\n" +
                             key_digits("135790") + "key select\n";
  const KioskRun run = run_kiosk_in(dir, script, config);
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_NE(joined(run, "alert", "code").find("cert_id_mismatch"), std::string::npos) << joined(run, "alert", "code");
  EXPECT_NE(joined(run, "alert", "code").find("identified"), std::string::npos) << joined(run, "alert", "code");
  EXPECT_NE(joined(run, "screen", "id").find("identify_keyed|identify_factor|verify|"), std::string::npos)
      << joined(run, "screen", "id");
  // Nothing of it reaches the log.
  EXPECT_EQ(run.stderr_text.find("035643"), std::string::npos);
}

// R6 is blind and holds a replaced certificate (…44B1): by braille keys alone, the star's
// twin X typed as the 21st character gives the B.
TEST(IdentityTranscript, R6TypesHerReplacedCertificateNumberOnTheBrailleDisplay) {
  const auto dir = fresh_dir("identity_certificate_braille");
  const std::string script = "headphones in\nbraille-dots 1-4\nbraille-key enter\nbraille-line down\nbraille-key enter\n"
                             "braille-line down\nbraille-line down\nbraille-key enter\n" +
                             braille_digits("6403241992052102884") + braille_digits("4") + "braille-dots 1-3-4-6\n" +
                             braille_digits("1") + "braille-key enter\nbraille-key enter\n" + braille_digits("135790") +
                             "braille-key enter\n";
  const KioskRun run = run_kiosk_in(dir, script, config_in(dir));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_NE(joined(run, "screen", "id").find("identify_keyed|identify_factor|verify|subsidy_status|"), std::string::npos)
      << joined(run, "screen", "id");
  bool brailled = false;   // S7: her own display shows what she typed
  for (const auto& e : of_type(run, "braille")) brailled = brailled || e.dump().find("64032419920521028844B1") != std::string::npos;
  EXPECT_TRUE(brailled);
  for (const auto& e : of_type(run, "speech")) {
    if (e.dump().find("640324") != std::string::npos) {
      EXPECT_EQ(e.value("route", ""), "headset");
    }
  }
}

namespace {

// The same keypad script, by braille display keys alone: select is the display's enter,
// down and up its line keys, a digit its chord.
std::string by_braille_keys(const std::string& keypad_script) {
  std::string out;
  std::size_t at = 0;
  while (at < keypad_script.size()) {
    const std::size_t end = keypad_script.find('\n', at);
    const std::string line = keypad_script.substr(at, end - at);
    at = end == std::string::npos ? keypad_script.size() : end + 1;
    if (line == "key select") out += "braille-key enter\n";
    else if (line == "key down") out += "braille-line down\n";
    else if (line == "key up") out += "braille-line up\n";
    else if (line.size() == 5 && line.rfind("key ", 0) == 0 && line[4] >= '0' && line[4] <= '9') out += braille_digits(line.substr(4));
    else out += line + "\n";
  }
  return out;
}

}  // namespace

TEST(IdentityTranscript, TheAgentJourneysByBrailleKeysAlone) {
  struct Journey {
    const char* name;
    std::string script;
    const char* ends;       // the screens it must end with
    const char* for_whom;   // masked, in an alert ("" = refused)
  };
  const Journey journeys[] = {
      {"R4's mother", as_agent(3, "640324199603080626", "640324202107150466"), "agent_authority|subsidy_status|", "马*雨"},
      {"R5's father", as_agent(3, "141081195801200137", "141081198811030518") + "key down\nkey down\n",
       "agent_authority|subsidy_status|", "周*斌"},
      {"a stranger", as_agent(3, "141081196804120356", "640324202107150466") + "key select\n", "agent_refused|subsidy_status|",
       ""},
  };
  for (const Journey& journey : journeys) {
    const std::string script = by_braille_keys(journey.script);   // the headset plugged in starts the visit
    ASSERT_EQ(("\n" + script).find("\nkey "), std::string::npos) << journey.name << ": only braille keys";
    const auto dir = fresh_dir("identity_agent_braille");
    const KioskRun run = run_kiosk_in(dir, script, config_in(dir));
    ASSERT_EQ(run.exit_code, 0) << journey.name << run.stderr_text;
    const std::string screens = joined(run, "screen", "id");
    EXPECT_NE(screens.find(journey.ends), std::string::npos) << journey.name << ": " << screens;
    const std::string alerts = joined(run, "alert", "code");
    if (*journey.for_whom) {
      bool named = false;
      for (const auto& e : of_type(run, "alert")) named = named || e.dump().find(journey.for_whom) != std::string::npos;
      EXPECT_TRUE(named) << journey.name;
    } else {
      EXPECT_NE(alerts.find("authority_unknown"), std::string::npos) << journey.name << ": " << alerts;
    }
  }
}

TEST(IdentityTranscript, R5sFatherActsForHisSonAsGuardian) {
  const auto dir = fresh_dir("identity_agent_r5");
  // 周国华 for 周文斌 (R5): parent is first on the relationship list, guardianship first on
  // the authority list; the gateway's record says father, guardianship.
  const KioskRun run = run_kiosk_in(dir, as_agent(3, "141081195801200137", "141081198811030518", false) + "key down\nkey down\n",
                                    config_in(dir));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_NE(joined(run, "screen", "id").find("agent_authority|subsidy_status|"), std::string::npos);
  bool for_r5 = false;
  for (const auto& e : of_type(run, "alert")) for_r5 = for_r5 || e.dump().find("周*斌") != std::string::npos;
  EXPECT_TRUE(for_r5);
  // The status is asked for the son: the gateway knows no subsidies of the father (it would
  // answer 404) and answers 200 with the son's.
  const auto requests = of_type(run, "request");
  ASSERT_FALSE(requests.empty());
  EXPECT_EQ(requests.back().value("status", 0), 200);
  EXPECT_NE(joined(run, "caption", "text").find("困难残疾人生活补贴"), std::string::npos);
}
