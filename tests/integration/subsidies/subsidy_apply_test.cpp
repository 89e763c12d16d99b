// SPDX-License-Identifier: GPL-3.0-or-later
// Applying for a subsidy through the real kiosk: S9 (hukou in Wuda, living in Houma on a
// residence permit) applies for the living allowance, by keypad against the gateway
// simulator over mutual TLS while the application route is down, and by braille keys alone
// against the embedded gateway. Stored is success: the receipt gives the local reference
// number at once; when the gateway is back the application is delivered exactly once, and
// the next visit's status shows that reference and the county that decides it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <regex>
#include <string>
#include <vector>

#include "journey.h"
#include "kiosk_run.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace kiosk::testing;   // the suites' support (kiosk_run.h, journey.h)

namespace {

// The hall's config with its outbox in DIR and, for port > 0, the gateway simulator on it.
std::string config_for(const fs::path& dir, int port) {
  std::ofstream(dir / "s9.json") << card_json("孙立新", "150304198506120431", "20380101", "演示地址", "演示公安局", "20180101");
  if (port == 0) return hall_config_in(dir);
  return hall_config_in(dir, {http_backend_line(port)});
}

// From the status: apply for the living allowance only, hukou elsewhere (residence
// permit), the account on file, consent, submit.
constexpr const char* kApplyLiving =
    "key down\nkey down\nkey down\nkey down\nkey select\n"   // 申请困难残疾人生活补贴
    "key down\nkey down\nkey select\n"                        // 下一步
    "key down\nkey select\n"                                  // 户口在外地，有本地居住证
    "key select\n"                                            // 已登记的账户
    "key down\nkey down\nkey down\nkey down\nkey select\n"   // 同意
    "key select\n"                                            // 提交申请
    "key down\n";                                            // the receipt's reference line

// The same keys on a braille display: line down to move, the enter key to act, digits
// as chords (letters a-j).
std::string on_braille_keys(const std::string& script) {
  static const char* const kDots[] = {"2-4-5", "1", "1-2", "1-4", "1-4-5", "1-5", "1-2-4", "1-2-4-5", "1-2-5", "2-4"};
  std::string out;
  std::istringstream in(script);
  for (std::string line; std::getline(in, line);) {
    if (line == "key down") out += "braille-line down\n";
    else if (line == "key select") out += "braille-key enter\n";
    else if (line.size() == 5 && line.rfind("key ", 0) == 0 && std::isdigit(static_cast<unsigned char>(line[4])))
      out += std::string("braille-dots ") + kDots[line[4] - '0'] + "\n";
    else out += line + "\n";
  }
  return out;
}

std::string screens(const KioskRun& run) { return joined(run, "screen", "id", " "); }

// The reference number the receipt told, e.g. demo-01-000001.
std::string receipt_reference(const KioskRun& run) {
  std::smatch m;
  const std::string captions = all_of_type(run, "caption");
  static const std::regex kReference("受理号：([a-z0-9-]+)");
  return std::regex_search(captions, m, kReference) ? m[1].str() : std::string{};
}

int subsidy_applications(kiosk::tools::GatewaySim& sim, const std::string& reference) {
  int n = 0;
  const nlohmann::json applied = sim.applied_applications();
  for (const auto& a : applied["applications"])
    n += a.value("kind", "") == "subsidy_application" && a.value("client_reference", "") == reference;
  return n;
}

}  // namespace

TEST(SubsidyApply, QueuedWhileTheGatewayIsDownThenDeliveredOnceAndFollowedOnTheNextVisit) {
  auto sim = start_sim({*kiosk::tools::parse_fault_rule("subsidy_application=reset")});
  const fs::path dir = fresh_dir("subsidy_apply_queued");
  const std::string config = config_for(dir, sim->port());

  const KioskRun applied = run_kiosk_in(dir, by_card(3, "s9.json") + kApplyLiving, config);
  ASSERT_EQ(applied.exit_code, 0) << applied.stderr_text;
  EXPECT_EQ(screens(applied),
            "attract home identify identify_factor verify subsidy_status subsidy_apply_programme subsidy_apply_residence "
            "subsidy_apply_bank consent subsidy_apply_summary subsidy_receipt ");
  const std::string reference = receipt_reference(applied);
  ASSERT_FALSE(reference.empty()) << all_of_type(applied, "caption");
  const std::string captions = all_of_type(applied, "caption");
  EXPECT_NE(captions.find("网络断了也不会丢"), std::string::npos) << captions;
  EXPECT_NE(captions.find("内蒙古乌海市乌达区"), std::string::npos) << captions;   // routed to the hukou county
  EXPECT_EQ(subsidy_applications(*sim, reference), 0);   // the route was down: nothing arrived

  // The gateway is back: the outbox delivers it, and sending again changes nothing.
  sim->set_faults({});
  const std::string send = std::string(KIOSK_OUTBOX_TOOL) + " " + config + " send --wait-seconds 20 >/dev/null 2>&1";
  ASSERT_EQ(std::system(send.c_str()), 0);
  EXPECT_EQ(subsidy_applications(*sim, reference), 1);
  ASSERT_EQ(std::system(send.c_str()), 0);
  EXPECT_EQ(subsidy_applications(*sim, reference), 1);

  // The next visit: the living allowance is submitted, under the receipt's reference.
  const KioskRun next = run_kiosk_in(dir, by_card(3, "s9.json") + "key down\nkey down\nkey down\nkey down\nkey down\n", config);
  ASSERT_EQ(next.exit_code, 0) << next.stderr_text;
  const std::string later = all_of_type(next, "caption");
  EXPECT_NE(later.find("受理号：" + reference), std::string::npos) << later;
  EXPECT_NE(later.find("申请已经交上去了"), std::string::npos) << later;
  EXPECT_NE(later.find("由内蒙古乌海市乌达区审批发放"), std::string::npos) << later;
  // And nothing of the first visit's application screens.
  EXPECT_EQ(screens(next).find("subsidy_apply"), std::string::npos);

  // Nothing the kiosk wrote (the outbox, its key, the transcripts, screenshots) holds S9's
  // number or name in the clear; only the test's own card file and the shipped demo data
  // in the hall's config copy do.
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    const bool input = entry.path().filename() == "s9.json" ||
                       entry.path().string().rfind((dir / "config").string(), 0) == 0;
    if (!entry.is_regular_file() || input) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(bytes.find("150304198506120431"), std::string::npos) << entry.path();
    EXPECT_EQ(bytes.find("孙立新"), std::string::npos) << entry.path();
  }
}

TEST(SubsidyApply, ByBrailleKeysAloneTheReceiptIsBrailledAndTheConsentRecordsIt) {
  const fs::path dir = fresh_dir("subsidy_apply_braille");
  const KioskRun run = run_kiosk_in(dir, on_braille_keys(by_card(3, "s9.json") + kApplyLiving), config_for(dir, 0));
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  ASSERT_EQ(of_type(run, "screen").back().value("id", ""), "subsidy_receipt") << screens(run);
  const std::string reference = receipt_reference(run);
  ASSERT_FALSE(reference.empty());
  // The reference line is on the display when it is focused.
  const std::string braille = all_of_type(run, "braille");
  EXPECT_NE(braille.find(reference), std::string::npos) << braille.substr(braille.size() > 2000 ? braille.size() - 2000 : 0);
  // The application went through the outbox, with the consent given on the braille keys.
  bool application = false;
  for (const auto& e : of_type(run, "request"))
    application = application || (e.value("kind", "") == "application" && e.value("path", "") == "/v1/subsidy-applications");
  EXPECT_TRUE(application) << all_of_type(run, "request");
  EXPECT_NE(all_of_type(run, "alert").find("已记录您的同意"), std::string::npos);
}
