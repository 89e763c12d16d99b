// SPDX-License-Identifier: GPL-3.0-or-later
// 残疾人证 through the real kiosk and the embedded gateway: identity first, then the card's
// state and what can be done; R6 renews across provinces by keypad (routed to her hukou
// county, Tongxin); R5's father changes his son's grade as guardian by braille keys; a case
// is followed by its typed number; the receipt never names the category.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "journey.h"
#include "kiosk_run.h"

namespace fs = std::filesystem;
using namespace kiosk::testing;

namespace {

// A hall in `county` offering the certificate (and identity, which it needs).
std::string config_in(const fs::path& dir, const std::string& county) {
  std::ofstream(dir / "r6.json") << card_json("杨春燕", "640324199205210288");
  std::ofstream(dir / "s3.json") << card_json("胡志强", "370303198211270138");
  std::ofstream(dir / "s7.json") << card_json("张德福", "370303195808160173");
  return hall_config_in(dir, {{"services = ", R"(services = ["certificate", "identity"])"},
                              {"deployment = ", "deployment = \"" + county + "\""}});
}

}  // namespace

TEST(CertificateTranscript, R6RenewsAcrossProvincesByKeypad) {
  const auto dir = fresh_dir("certificate_r6");
  // certificate: state (focused), expiry, generation, number, category, severity, then the
  // transactions, renewal first (her card expires within the window).
  std::string script = by_card(1, "r6.json") + repeat("key down\n", 6) + "key select\n";
  script += "key down\nkey down\nkey select\n";               // basis: who applies, then residence permit
  script += repeat("key down\nkey down\nkey select\n", 4);    // four documents, each with why
  script += "screenshot options\n";
  script += "key down\nkey select\n";                         // options: pickup → mail; focus on next
  script += "key select\n";                                   // next
  script += "key down\nkey down\nkey select\n";               // consent: agree
  script += "screenshot summary\nkey select\n";               // summary: submit (focused)
  script += "screenshot receipt\n" + repeat("key down\n", 7);   // every line of the receipt
  const KioskRun run = run_kiosk_in(dir, script, config_in(dir, "zhangdian"));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_EQ(joined(run, "screen", "id"),
            "attract|home|identify|identify_factor|verify|certificate|certificate_apply_basis|"
            "certificate_apply_documents|certificate_apply_options|certificate_apply_consent|"
            "certificate_apply_summary|certificate_apply_receipt|")
      << all_of_type(run, "focus");
  const std::string captions = joined(run, "caption", "text");
  EXPECT_NE(captions.find("快到期了"), std::string::npos) << captions;
  EXPECT_NE(captions.find("纸质证本"), std::string::npos) << captions;
  // The application went to the outbox; the receipt says its number and where it goes.
  std::string kinds;
  for (const auto& e : of_type(run, "request")) kinds += e.value("kind", "") + ":" + e.value("path", "") + " ";
  EXPECT_NE(kinds.find("application:/v1/certificate-applications"), std::string::npos) << kinds;
  const std::string receipt = after_screen(run, "certificate_apply_receipt");
  EXPECT_NE(receipt.find("受理号是demo-01-"), std::string::npos) << receipt;
  EXPECT_NE(receipt.find("同心县"), std::string::npos) << receipt;
  EXPECT_NE(receipt.find("10个工作日内审核"), std::string::npos) << receipt;   // county review
  EXPECT_NE(receipt.find("10个工作日内向宁夏吴忠市同心县所在市"), std::string::npos) << receipt;   // appeal
  // Never the category on the receipt.
  for (const char* word : {"肢体", "类别", "四级", "等级", "残疾类别"}) EXPECT_EQ(receipt.find(word), std::string::npos) << word;
}

// R5's father and guardian 周国华 changes his son's grade, with the braille display's keys
// only: identity as an agent (his number, SMS code, the son's number, parent, guardianship),
// then reclassify: the assessment booked through the slot flow (disability_assessment_6 at
// Houma's institution: needs, place, day, time, hold, confirm) before anything is sent, the
// son's checklist (medical records for a mental disability, the guardian's papers),
// consent, submit.
TEST(CertificateTranscript, R5sFatherAppliesForAGradeChangeAsGuardianByBrailleKeys) {
  const auto dir = fresh_dir("certificate_r5");
  const std::string down = "braille-line down\n", enter = "braille-key enter\n";
  std::string script = "headphones in\nbraille-dots 1\n" + enter;              // home item 1
  script += down + down + enter + enter;                                       // 我替别人办理, then typed number
  script += braille_digits("141081195801200137") + enter + enter;             // the father; SMS
  script += braille_digits("135790") + enter;                                  // the code
  script += braille_digits("141081198811030518") + enter + enter + enter;     // the son; parent; guardianship
  script += repeat(down, 9) + enter;                                           // certificate: reclassify
  script += down + enter;                                                      // basis: who applies, then hukou here
  script += down + enter;                                                      // assessment: book a time
  script += repeat(down, 7) + enter;                                           // booking_needs: search
  script += enter + enter + enter;                                             // the institution, day, time
  script += repeat(down, 4) + enter;                                           // booking_hold: confirm
  script += "screenshot r5_booked\n" + repeat(down, 6) + enter;                // booking_done: finish
  script += repeat(down + down + enter, 6);                                    // six documents
  script += down + down + enter;                                               // options: next
  script += down + down + enter;                                               // consent: agree
  script += "screenshot r5_summary\n" + enter;                                 // submit
  script += repeat(down, 8);
  const KioskRun run = run_kiosk_in(dir, script, config_in(dir, "houma"));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  const std::string screens = joined(run, "screen", "id");
  EXPECT_NE(screens.find("agent_authority|certificate|certificate_apply_basis|certificate_apply_assessment|booking_needs|"),
            std::string::npos)
      << screens << all_of_type(run, "focus");
  EXPECT_NE(screens.find("booking_hold|booking_done|certificate_apply_documents|certificate_apply_options|"
                         "certificate_apply_consent|certificate_apply_summary|certificate_apply_receipt|"),
            std::string::npos)
      << screens;
  std::string slots;
  for (const auto& e : of_type(run, "request")) slots += e.value("path", "") + " ";
  EXPECT_NE(slots.find("/v1/rehab/slots"), std::string::npos) << slots;
  EXPECT_NE(slots.find("/v1/rehab/appointments"), std::string::npos) << slots;
  const std::string captions = joined(run, "caption", "text");
  EXPECT_NE(captions.find("申请人：监护人，为周*斌办理"), std::string::npos) << captions;
  EXPECT_NE(captions.find("病历和诊断证明"), std::string::npos);
  EXPECT_NE(captions.find("监护关系证明"), std::string::npos);
  // The son's category and grade were said on his private screen, on the headset.
  bool said = false;
  for (const auto& e : of_type(run, "speech"))
    if (e.value("text", "").find("精神残疾") != std::string::npos) said = e.value("route", "") == "headset";
  EXPECT_TRUE(said);
  const std::string receipt = after_screen(run, "certificate_apply_receipt");
  EXPECT_NE(receipt.find("公示5个工作日"), std::string::npos) << receipt;
  EXPECT_NE(receipt.find("评定时间：3月9日 星期一 9:00"), std::string::npos) << receipt;
  EXPECT_NE(receipt.find("10个工作日内向临汾市残联申请复核"), std::string::npos) << receipt;
  for (const char* word : {"精神", "类别", "二级", "等级", "重度"}) EXPECT_EQ(receipt.find(word), std::string::npos) << word;
  // Sent after the booking, with it: the gateway took it (202), which it refuses without an
  // assessment (422 assessment_required).
  const auto requests = of_type(run, "request");
  ASSERT_FALSE(requests.empty());
  EXPECT_EQ(requests.back().value("path", ""), "/v1/certificate-applications");
  EXPECT_EQ(requests.back().value("status", 0), 202);
}

// R6 follows her renewal by the number's digits typed on the pad: where it is (county
// review), until when, which county handles it, and the steps so far with their dates.
TEST(CertificateTranscript, R6FollowsHerCaseByATypedNumber) {
  const auto dir = fresh_dir("certificate_case");
  // state, five card lines, six transactions, her open case: then 输入受理号.
  std::string script = by_card(1, "r6.json") + repeat("key down\n", 13) + "key select\n";
  script += key_digits("000103") + "key select\n";                     // a wrong number first: back at the field
  script += repeat("key clear\n", 6) + key_digits("000102") + "key select\n";   // the right one
  script += "screenshot case\n" + repeat("key down\n", 6);
  const KioskRun run = run_kiosk_in(dir, script, config_in(dir, "zhangdian"));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  std::string alerts = joined(run, "alert", "code");
  EXPECT_NE(alerts.find("case_not_found"), std::string::npos) << alerts;
  const std::string found = after_screen(run, "certificate_case");
  EXPECT_NE(found.find("县残联正在审核"), std::string::npos) << found;
  EXPECT_NE(found.find("县残联最晚2026年3月12日审核完"), std::string::npos) << found;
  EXPECT_NE(found.find("办理地：宁夏吴忠市同心县残联"), std::string::npos) << found;
  EXPECT_NE(found.find("2026年2月20日：提交申请"), std::string::npos) << found;
  std::string paths;
  for (const auto& e : of_type(run, "request")) paths += e.value("path", "") + " ";
  EXPECT_NE(paths.find("/v1/certificate-applications/000102"), std::string::npos) << paths;
}

// On the loudspeaker without consent, the card's state, category and grade are not said
// (S3: mental, grade 2); the screen and braille still show them; consent lets them be said.
TEST(CertificateTranscript, OnTheLoudspeakerTheCategoryWaitsForConsent) {
  const auto dir = fresh_dir("certificate_speaker");
  std::string script = "key select\nkey 1\nkey select\ncard s3.json\nkey select\n" + key_digits("135790") + "key select\n";
  script += repeat("key down\n", 5);   // to the category line
  const KioskRun run = run_kiosk_in(dir, script, config_in(dir, "zhangdian"));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  ASSERT_EQ(of_type(run, "screen").back().value("id", ""), "certificate");
  bool hidden = false, shown = false;
  for (const auto& e : of_type(run, "speech")) {
    EXPECT_EQ(e.dump().find("精神"), std::string::npos) << e.dump();
    hidden = hidden || e.dump().find("内容已隐藏") != std::string::npos;
  }
  for (const auto& e : of_type(run, "braille")) shown = shown || e.dump().find("精神") != std::string::npos;
  EXPECT_TRUE(hidden);
  EXPECT_TRUE(shown);
}

// S7 cancelled her certificate in August 2025: a new one within the year is refused before
// anything is sent, with the way forward (the county's window and hotline).
TEST(CertificateTranscript, ANewCardWithinAYearOfCancellingIsRefusedWithTheWayForward) {
  const auto dir = fresh_dir("certificate_s7");
  // state, number, category, severity (no expiry or form for a cancelled card), then 新办
  const std::string script = by_card(1, "s7.json") + repeat("key down\n", 4) + "key select\n";
  const KioskRun run = run_kiosk_in(dir, script, config_in(dir, "zhangdian"));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_EQ(of_type(run, "screen").back().value("id", ""), "certificate_apply_refused");
  std::string alert;
  for (const auto& e : of_type(run, "alert"))
    if (e.value("code", "") == "cancelled_within_year") alert = e.value("text", "");
  EXPECT_NE(alert.find("一年内不能重新申请"), std::string::npos) << alert;
  EXPECT_NE(alert.find("热线12385"), std::string::npos) << alert;
  EXPECT_EQ(alert.find("{"), std::string::npos) << alert;
  for (const auto& e : of_type(run, "request")) EXPECT_NE(e.value("kind", ""), "application");
}
