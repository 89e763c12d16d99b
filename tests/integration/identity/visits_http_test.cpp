// SPDX-License-Identifier: GPL-3.0-or-later
// The same visit over the wire: the kiosk's http client, mutual TLS on loopback, the
// simulator sending random codes and writing them to its SMS log, as a phone would get them.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "kiosk/backend/api/endpoints.h"
#include "test_support.h"

namespace kb = kiosk::backend;
namespace kt = kiosk::testing;
namespace rq = kiosk::backend::requests;

namespace {

std::string last_code(const std::string& log, const std::string& visit) {
  std::ifstream in(log);
  std::string v, phone, code, found;
  while (in >> v >> phone >> code)
    if (v == visit) found = code;
  return found;
}

TEST(VisitsOverHttps, ASmsCodeFromThePhoneOpensTheVisitAndTheMotherActsForHerChild) {
  const std::string dir = kt::make_temp_dir("identity-http");
  kiosk::tools::SimOptions o;
  o.port = 0;
  o.cert_file = kt::cert_dir() + "/server.pem";
  o.key_file = kt::cert_dir() + "/server.key";
  o.client_ca_file = kt::cert_dir() + "/ca.pem";
  o.demo_data_dir = KIOSK_DEMO_DIR;
  o.sms_log = dir + "/sms.log";
  kiosk::tools::GatewaySim sim(o);
  ASSERT_TRUE(sim.start().ok());
  auto api = kb::make_federation_api(kt::http_config(sim.port(), dir), [](const nlohmann::json&) {});
  ASSERT_TRUE(api.ok());

  auto opened = kt::call_sync(*api.value(), rq::open_visit("640324199603080626", "id_chip_sms"));
  ASSERT_TRUE(opened.ok());
  const std::string visit = opened.value().body["visit_id"];
  EXPECT_EQ(opened.value().body["phone_masked"], "138****0626");
  const std::string code = last_code(o.sms_log, visit);
  ASSERT_EQ(code.size(), 6u);

  auto wrong = kt::call_sync(*api.value(), rq::verify_visit(visit, code == "000000" ? "111111" : "000000"));
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().problem_code, "code_wrong");
  EXPECT_EQ(nlohmann::json::parse(wrong.error().problem_body)["tries_left"], 2);
  EXPECT_FALSE(wrong.error().accessible_message.empty());

  auto verified = kt::call_sync(*api.value(), rq::verify_visit(visit, code));
  ASSERT_TRUE(verified.ok());
  EXPECT_EQ(verified.value().body["subject_ref"], "act_1d9c0b7e4f32");

  auto acting = kt::call_sync(*api.value(), rq::represent(visit, "640324202107150466", "parent", "guardianship"));
  ASSERT_TRUE(acting.ok());
  EXPECT_EQ(acting.value().body["represented_subject_ref"], "sub_7a05c9e1b84d");
  api.value()->shutdown();
  sim.stop();
}

}  // namespace
