// SPDX-License-Identifier: GPL-3.0-or-later
// 残疾人证 through the real kiosk and the embedded gateway: identity first, then the card's
// state and what can be done; R6 renews across provinces by keypad (routed to her hukou
// county, Tongxin); R5's father changes his son's grade as guardian by braille keys; a case
// is followed by its typed number; the receipt never names the category.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "kiosk_run.h"

namespace fs = std::filesystem;
using kiosk::testing::fresh_dir;
using kiosk::testing::hall_config_in;
using kiosk::testing::KioskRun;
using kiosk::testing::of_type;
using kiosk::testing::run_kiosk_in;

namespace {

std::string card(const std::string& name, const std::string& id) {
  return R"({"name": ")" + name + R"(", "sex": "女", "nation": "汉", "birth": ")" + id.substr(6, 8) +
         R"(", "address": "演示地址", "id_number": ")" + id +
         R"(", "authority": "演示公安局", "valid_from": "20160101", "valid_to": "20360101"})";
}

// A hall in `county` offering the certificate (and identity, which it needs).
std::string config_in(const fs::path& dir, const std::string& county) {
  std::ofstream(dir / "r6.json") << card("杨春燕", "640324199205210288");
  std::ofstream(dir / "s3.json") << card("胡志强", "370303198211270138");
  return hall_config_in(dir, {{"services = ", R"(services = ["certificate", "identity"])"},
                              {"deployment = ", "deployment = \"" + county + "\""}});
}

std::string keys(const std::string& digits) {
  std::string out;
  for (char c : digits) out += std::string("key ") + c + "\n";
  return out;
}

std::string repeat(const std::string& step, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += step;
  return out;
}

// Home item 1 (残疾人证), the card and the demo SMS code: the certificate screen.
std::string to_certificate(const std::string& card_file) {
  return "headphones in\nkey 1\nkey select\ncard " + card_file + "\nkey select\n" + keys("135790") + "key select\n";
}

std::string joined(const KioskRun& run, const std::string& type, const std::string& field) {
  std::string out;
  for (const auto& e : of_type(run, type)) out += e.value(field, "") + "|";
  return out;
}

std::string all_of_type(const KioskRun& run, const std::string& type) {
  std::string all;
  for (const auto& e : of_type(run, type)) all += e.dump() + "\n";
  return all;
}

// The events after the first screen event with this id.
std::string after_screen(const KioskRun& run, const std::string& screen) {
  std::string out;
  bool on = false;
  for (const auto& e : run.events) {
    if (e.value("type", "") == "screen") on = on || e.value("id", "") == screen;
    if (on) out += e.dump() + "\n";
  }
  return out;
}

}  // namespace

TEST(CertificateTranscript, R6RenewsAcrossProvincesByKeypad) {
  const auto dir = fresh_dir("certificate_r6");
  // certificate: state (focused), expiry, generation, number, category, severity, then the
  // transactions, renewal first (her card expires within the window).
  std::string script = to_certificate("r6.json") + repeat("key down\n", 6) + "key select\n";
  script += "key down\nkey select\n";                         // basis: residence permit
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
