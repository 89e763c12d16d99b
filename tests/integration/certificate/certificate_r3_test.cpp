// SPDX-License-Identifier: GPL-3.0-or-later
// R3 (钱志刚, Wuda, spinal injury, no certificate yet) books his assessment and applies for a
// new certificate by keypad alone and by braille keys alone, through the real kiosk and the embedded gateway: the
// assessment's institution, day and time, the reference number, the legal time limits,
// no category on the receipt, and the application stored in the outbox file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "journey.h"
#include "kiosk_run.h"

namespace fs = std::filesystem;
using namespace kiosk::testing;

// The same journey with the keypad's keys or the braille display's: line down/up, enter,
// and digits as chords.
static void r3_journey(const std::string& name, bool braille) {
  const auto dir = fresh_dir(name);
  std::ofstream(dir / "r3.json") << card_json("钱志刚", "150304197902280176");
  const std::string config = hall_config_in(dir, {{"services = ", R"(services = ["certificate", "identity"])"},
                                                  {"deployment = ", "deployment = \"wuda\""}});
  const std::string down = braille ? "braille-line down\n" : "key down\n";
  const std::string up = braille ? "braille-line up\n" : "key up\n";
  const std::string select = braille ? "braille-key enter\n" : "key select\n";
  const auto digits = [&](const std::string& text) { return braille ? braille_digits(text) : key_digits(text); };
  std::string script = "headphones in\n" + digits("1") + select + "card r3.json\n" + select;
  script += digits(kDemoSmsCode) + select;   // the demo SMS code
  script += down + select;                                                 // certificate: 新办
  script += down + select;                                                 // basis: hukou here
  script += repeat(down, 4) + select;                                      // assessment: 肢体残疾
  script += repeat(down, 7) + select;   // needs: wheelchair ticked already (on file); search
  script += select + select + select;   // the first place (Wuda's: the province's, nearest first), day, time
  script += "screenshot " + name + "_hold\n" + repeat(down, 4) + select;             // hold: confirm
  script += repeat(down, 6) + select;                                      // booking_done: finish
  script += repeat(down + down + select, 4);                               // four documents
  script += down + select + up + down + select;                  // options: mail, its address, next
  script += down + down + select;                                          // consent: agree
  script += "screenshot " + name + "_summary\n" + repeat(down, 4) + repeat(up, 4) + select;   // read, then submit
  script += "screenshot " + name + "_receipt\n" + repeat(down, 8);
  const KioskRun run = run_kiosk_in(dir, script, config);
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_NE(joined(run, "screen", "id")
                .find("certificate|certificate_apply_basis|certificate_apply_assessment|booking_needs|booking_place|"
                      "booking_place|booking_day|booking_time|booking_hold|booking_done|certificate_apply_documents|"
                      "certificate_apply_options|certificate_apply_consent|certificate_apply_summary|"
                      "certificate_apply_receipt|"),
            std::string::npos)
      << joined(run, "screen", "id");
  // The hold names the institution, the day and the time; the slots searched fit a wheelchair.
  const std::string hold = after_screen(run, "booking_hold");
  EXPECT_NE(hold.find("乌达区残疾评定医院，3月9日 星期一 9:00"), std::string::npos) << hold;
  // Inner Mongolia designates its assessing institutions: Shanxi's is not offered to him.
  for (const auto& e : run.events) EXPECT_EQ(e.dump().find("侯马市残疾人康复中心"), std::string::npos) << e.dump();
  EXPECT_NE(hold.find("需要轮椅通道"), std::string::npos) << hold;   // from his needs on file: he ticked nothing
  // The summary names the booked assessment's day, time and institution.
  const std::string summary = after_screen(run, "certificate_apply_summary");
  EXPECT_NE(summary.find("已预约，3月9日 星期一 9:00，乌达区残疾评定医院"), std::string::npos) << summary;
  // Mailed: his address on file, down to the village (community) only.
  const std::string options = after_screen(run, "certificate_apply_options");
  EXPECT_NE(options.find("内蒙古乌海市乌达区苏海图街道滨河社区****"), std::string::npos) << options;
  EXPECT_EQ(options.find("5栋"), std::string::npos) << options;
  const std::string receipt = after_screen(run, "certificate_apply_receipt");
  EXPECT_NE(receipt.find("您的受理号是demo-01-"), std::string::npos) << receipt;
  EXPECT_NE(receipt.find("评定时间：3月9日 星期一 9:00，地点：乌达区残疾评定医院（乌海市乌达区），预约号AP-"), std::string::npos)
      << receipt;
  EXPECT_NE(receipt.find("公示5个工作日"), std::string::npos) << receipt;
  EXPECT_NE(receipt.find("10个工作日内审核"), std::string::npos) << receipt;
  EXPECT_NE(receipt.find("10个工作日内向乌海市残联申请复核"), std::string::npos) << receipt;
  // He chose 肢体残疾 for the assessment: never on the receipt.
  for (const char* word : {"肢体", "类别", "等级", "残疾类别", "重度"}) EXPECT_EQ(receipt.find(word), std::string::npos) << word;
  // Stored in the outbox (on disk, so it survives a crash), then delivered and taken (202).
  const std::string outbox = joined(run, "outbox", "state");
  EXPECT_NE(outbox.find("queued"), std::string::npos) << outbox;
  EXPECT_TRUE(fs::exists(dir / "outbox.db"));
  const auto requests = of_type(run, "request");
  ASSERT_FALSE(requests.empty());
  EXPECT_EQ(requests.back().value("path", ""), "/v1/certificate-applications");
  EXPECT_EQ(requests.back().value("status", 0), 202);
}

TEST(CertificateR3, BooksHisAssessmentAndAppliesForANewCardByKeypad) { r3_journey("certificate_r3_keys", false); }

TEST(CertificateR3, BooksHisAssessmentAndAppliesForANewCardByBrailleKeys) { r3_journey("certificate_r3_braille", true); }
