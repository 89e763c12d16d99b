// SPDX-License-Identifier: GPL-3.0-or-later
// 康复服务 and the slot flow through the real kiosk and the embedded gateway (virtual
// clock): R4's mother books a session for her daughter with a sign-language interpreter
// and cancels another (keypad); a hold that runs out while the resident waits; a slot
// taken between search and hold (the demo's always-taken slot); R2 books by braille keys.
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

// The hall offers rehabilitation first (and identity, which it needs).
std::string config_in(const fs::path& dir) {
  std::ofstream(dir / "r1.json") << card_json("赵大山", "141081196804120356");
  return hall_config_in(dir, {{"services = ", "services = [\"rehab\", \"identity\"]"}});
}

// rehab → 我的康复计划 → 预约 (the plan's service: item `book_item` on the plan) → the
// needs as preset → search → first place → day `day` → time `time`.
std::string to_hold(int book_item, int day, int time) {
  return "key 1\nkey select\nkey " + std::to_string(book_item) + "\nkey select\nkey 7\nkey select\nkey 1\nkey select\nkey " +
         std::to_string(day) + "\nkey select\nkey " + std::to_string(time) + "\nkey select\n";
}

std::string requests(const KioskRun& run) {
  std::string all;
  for (const auto& e : of_type(run, "request")) all += e.value("path", "") + " " + std::to_string(e.value("status", 0)) + "|";
  return all;
}

}  // namespace

TEST(RehabTranscript, R4sMotherBooksASessionWithAnInterpreterAndCancelsAnother) {
  const auto dir = fresh_dir("rehab_r4_keypad");
  // rehab → 我的康复计划 (visits read with Down) → 预约 (item 5, after move/cancel of 3月11日
  // and 3月16日) → the plan's needs preset → search → place, day, time 1 → on the hold,
  // Down reads what is held → confirm → Down through the receipt → 完成 → the plan: now
  // 3月9日 comes first, so item 4 cancels 3月11日 (AP-R4-0001), reason 2 (身体不舒服).
  // The mother acts for her daughter (home item 1, 康复服务).
  const std::string mother_for_r4 = as_agent(1, "640324199603080626", "640324202107150466");
  const std::string script = mother_for_r4 + "screenshot rehab\nkey 1\nkey select\nkey down\nkey down\n" +
                             "key 5\nkey select\nscreenshot needs\nkey 7\nkey select\nkey 1\nkey select\nkey 1\nkey select\n" +
                             "key 1\nkey select\nkey down\nkey down\nscreenshot hold\nkey 1\nkey select\n" +
                             "key down\nkey down\nkey down\nkey down\nscreenshot done\nkey 1\nkey select\nscreenshot plan\n" +
                             "key 4\nkey select\nscreenshot cancel\nkey 2\nkey select\nscreenshot cancelled\nkey 1\nkey select\n";
  const KioskRun run = run_kiosk_in(dir, script, config_in(dir));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  const std::string screens = joined(run, "screen", "id");
  EXPECT_NE(screens.find("agent_authority|rehab|rehab_plan|booking_needs|booking_place|booking_place|booking_day|booking_time|"
                         "booking_hold|booking_done|rehab_plan|booking_cancel|booking_cancelled|rehab_plan|"),
            std::string::npos)
      << screens;
  EXPECT_NE(requests(run).find("/v1/rehab/holds 201|/v1/rehab/holds/H-"), std::string::npos) << requests(run);
  EXPECT_NE(requests(run).find("/v1/rehab/appointments 201|/v1/rehab/services 200|/v1/rehab/appointments/AP-R4-0001/cancel 200|"),
            std::string::npos)
      << requests(run);
  const std::string captions = all_of_type(run, "caption");
  // The plan's needs came preset: the interpreter is asked for, and the hold says so.
  EXPECT_NE(captions.find("需要的帮助：需要手语翻译、有人陪同"), std::string::npos) << captions;
  EXPECT_NE(captions.find("已经做了20次，还剩28次"), std::string::npos);
  // The receipt: where, when, what to bring, the step-free route.
  EXPECT_NE(captions.find("时间：3月9日 星期一 9:00到9:45"), std::string::npos);
  EXPECT_NE(captions.find("地点：同心县残疾儿童康复中心，同心县豫海镇"), std::string::npos);
  EXPECT_NE(captions.find("无障碍路线：东门有坡道"), std::string::npos);
  EXPECT_NE(captions.find("已取消：同心县残疾儿童康复中心，3月11日 星期三 10:00"), std::string::npos);
  const std::string alerts = joined(run, "alert", "code");
  EXPECT_NE(alerts.find("booking_booked|"), std::string::npos) << alerts;
  EXPECT_NE(alerts.find("booking_cancelled|"), std::string::npos) << alerts;
  // On the headset the booking is said; the daughter's number is never logged.
  EXPECT_NE(all_of_type(run, "speech").find("\"route\":\"headset\""), std::string::npos);
  EXPECT_EQ(run.stderr_text.find("640324202107150466"), std::string::npos);
  // The plan at the end: the new session first, the cancelled one gone.
  const auto focus = of_type(run, "focus");
  EXPECT_EQ(focus.back().value("node", ""), "rehab_plan.institution");
  EXPECT_EQ(captions.rfind("取消3月11日"), captions.find("取消3月11日"));   // only on the plan before the cancel
}

TEST(RehabTranscript, AHoldThatRunsOutWhileTheResidentWaitsIsToldWithTheNextTimes) {
  const auto dir = fresh_dir("rehab_hold_expires");
  // R1's plan has no appointment: 预约 is item 1. First place, 3月9日, 9:00 held. A key after
  // a second extends the hold once (ten more minutes from then); the resident then presses
  // a key every 150 s (the session stays), and the hold runs out at 601 s.
  std::string script = by_card(1, "r1.json", false) + to_hold(1, 1, 1) + "wait 1000\nkey down\n";
  for (int i = 0; i < 4; ++i) script += "wait 150000\nkey down\n";
  script += "wait 2000\nscreenshot next\n";
  const KioskRun run = run_kiosk_in(dir, script, config_in(dir));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  std::int64_t held_at = -1;
  for (const auto& e : of_type(run, "screen"))
    if (e.value("id", "") == "booking_hold" && held_at < 0) held_at = e.value("t", 0);
  ASSERT_GE(held_at, 0);
  // Extended at 1 s: said at 5, 2 and 1 minutes before 601 s, then run out.
  std::string said;
  for (const auto& e : of_type(run, "alert")) {
    const std::string code = e.value("code", "");
    if (code.rfind("booking_", 0) == 0) said += code + "@" + std::to_string(e.value("t", 0) - held_at) + " ";
  }
  EXPECT_EQ(said, "booking_hold_extended@1000 booking_hold_minutes@301000 booking_hold_minutes@481000 "
                  "booking_hold_minutes@541000 booking_hold_expired@601000 ")
      << said;
  const std::string captions = all_of_type(run, "caption");
  EXPECT_NE(captions.find("保留时间还剩5分钟"), std::string::npos);
  EXPECT_NE(captions.find("保留时间还剩1分钟"), std::string::npos);
  // The next free times at once, without booking anything.
  EXPECT_EQ(of_type(run, "screen").back().value("id", ""), "booking_time");
  EXPECT_NE(captions.find("刚才的时间已经没有了。这些是最近的空闲时间。"), std::string::npos);
  EXPECT_EQ(requests(run).find("/v1/rehab/appointments"), std::string::npos) << requests(run);
  EXPECT_EQ(joined(run, "session", "event").find("reset"), std::string::npos);
}

TEST(RehabTranscript, ASlotTakenBetweenSearchAndHoldIsToldAndTheNextTimesOffered) {
  const auto dir = fresh_dir("rehab_slot_taken");
  // 3月10日 10:00 at Houma is the demo's always-taken slot (residents.json rehab.taken_at_hold).
  const std::string script =
      by_card(1, "r1.json", false) + to_hold(1, 2, 2) + "screenshot taken\nkey 1\nkey select\nkey 1\nkey select\nkey down\n";
  const KioskRun run = run_kiosk_in(dir, script, config_in(dir));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_NE(requests(run).find("/v1/rehab/holds 409|/v1/rehab/slots 200|/v1/rehab/holds 201|"), std::string::npos)
      << requests(run);
  const auto alerts = of_type(run, "alert");
  bool taken = false;
  for (const auto& e : alerts)
    if (e.value("code", "") == "slot_taken") {
      taken = true;
      EXPECT_NE(e.value("text", "").find("已被预约"), std::string::npos);
    }
  EXPECT_TRUE(taken) << joined(run, "alert", "code");
  const std::string captions = all_of_type(run, "caption");
  EXPECT_NE(captions.find("刚才的时间已经没有了"), std::string::npos);
  EXPECT_NE(captions.find("3月10日 星期二 14:30到15:15，侯马市残疾人康复中心"), std::string::npos);
  // The next time is then booked.
  EXPECT_NE(joined(run, "screen", "id").find("booking_time|booking_time|booking_hold|booking_done|"), std::string::npos)
      << joined(run, "screen", "id");
  EXPECT_NE(captions.find("时间：3月10日 星期二 14:30到15:15"), std::string::npos);
}

// R2 is blind: headset in, braille display keys only. Her number in chords, staff confirm;
// she books orientation and mobility training (no plan yet: 预约 is item 1 of rehab).
TEST(RehabTranscript, R2BooksByBrailleKeysAlone) {
  const auto dir = fresh_dir("rehab_r2_braille");
  std::string script = "headphones in\nbraille-dots 1\nbraille-key enter\nbraille-line down\nbraille-key enter\n" +
                       braille_digits("370303195009300248") + "braille-key enter\nbraille-line down\nbraille-key enter\n" +
                       braille_digits("0101") + "braille-key enter\n" + braille_digits("2468") + "braille-key enter\n";
  for (const char* item : {"1", "7", "1", "1", "1", "1"}) script += braille_digits(item) + "braille-key enter\n";
  script += "screenshot braille_done\nbraille-line down\nbraille-line down\n";
  const KioskRun run = run_kiosk_in(dir, script, config_in(dir));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_NE(joined(run, "screen", "id").find("identify_staff|rehab|booking_needs|booking_place|booking_place|booking_day|"
                                             "booking_time|booking_hold|booking_done|"),
            std::string::npos)
      << joined(run, "screen", "id");
  // The receipt reaches her display.
  const std::string braille = all_of_type(run, "braille");
  EXPECT_NE(braille.find("时间：3月9日 星期一 9:00到9:45"), std::string::npos) << braille;
  EXPECT_NE(braille.find("地点：张店区如康家园康复站"), std::string::npos);
}

// R5's father, his guardian, moves his son's mental-health session: it is called 健康支持
// on every screen, the new time is booked first and then the old one is cancelled.
TEST(RehabTranscript, R5sFatherMovesAHealthSupportSessionUnderItsDiscreetName) {
  const auto dir = fresh_dir("rehab_r5_move");
  std::string script = as_agent(1, "141081195801200137", "141081198811030518");
  // rehab → plan (Down reads the service) → 改3月12日的时间 (item 1) → search → place, day,
  // time 1 → confirm → 完成.
  script += "key 1\nkey select\nkey down\nkey 1\nkey select\nkey 7\nkey select\nkey 1\nkey select\nkey 1\nkey select\n"
            "key 1\nkey select\nscreenshot move_hold\nkey 1\nkey select\nscreenshot moved\nkey 1\nkey select\n";
  const KioskRun run = run_kiosk_in(dir, script, config_in(dir));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_NE(requests(run).find("/v1/rehab/appointments 201|/v1/rehab/appointments/AP-R5-0001/cancel 200|"), std::string::npos)
      << requests(run);
  EXPECT_NE(joined(run, "alert", "code").find("booking_moved|"), std::string::npos) << joined(run, "alert", "code");
  const std::string captions = all_of_type(run, "caption");
  EXPECT_NE(captions.find("康复项目：健康支持"), std::string::npos) << captions;
  EXPECT_NE(captions.find("预约健康支持"), std::string::npos);
  // Never the diagnosis, in any channel.
  for (const auto& e : run.events) EXPECT_EQ(e.dump().find("精神"), std::string::npos) << e.dump();
  EXPECT_EQ(of_type(run, "screen").back().value("id", ""), "rehab_plan");
}
