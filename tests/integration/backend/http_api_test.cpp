// SPDX-License-Identifier: GPL-3.0-or-later
// Every endpoint through both FederationApi implementations (local, and http against the
// simulator over mutual TLS on loopback), plus TLS refusals.
#include <gtest/gtest.h>

#include <map>
#include <optional>

#include "test_support.h"

namespace kb = kiosk::backend;
namespace rq = kiosk::backend::requests;
using kiosk::testing::call_sync;
using kiosk::testing::pump_until;

namespace {

class EveryEndpoint : public ::testing::TestWithParam<kb::BackendKind> {
 protected:
  void SetUp() override {
    m_dir = kiosk::testing::make_temp_dir("api");
    kb::BackendConfig c = kiosk::testing::local_config(m_dir);
    if (GetParam() == kb::BackendKind::Http) {
      m_sim = kiosk::testing::start_sim();
      c = kiosk::testing::http_config(m_sim->port(), m_dir);
    }
    auto api = kb::make_federation_api(c, [this](const nlohmann::json& e) { m_events.push_back(e); });
    ASSERT_TRUE(api.ok()) << api.error().detail;
    m_api = std::move(api.value());
  }
  void TearDown() override {
    if (m_api) m_api->shutdown();
  }
  kb::ApiResponse ok(kb::ApiRequest r) {
    auto res = call_sync(*m_api, std::move(r));
    EXPECT_TRUE(res.ok()) << (res.ok() ? "" : res.error().detail);
    if (!res.ok()) return {};
    EXPECT_TRUE(res->body.contains("data_as_of")) << res->body.dump();
    return res.value();
  }
  std::string submit_and_deliver(kb::ApiRequest r) {
    std::optional<kb::Result<kb::SubmitReceipt>> receipt;
    m_api->submit(std::move(r), [&](kb::Result<kb::SubmitReceipt> x) { receipt = std::move(x); });
    EXPECT_TRUE(pump_until(*m_api, [&] { return receipt.has_value(); }));
    EXPECT_TRUE(receipt && receipt->ok());
    if (!receipt || !receipt->ok()) return {};
    const std::string ref = receipt->value().ref;
    // Wait for the event (it follows the database change), then read the case id.
    EXPECT_TRUE(pump_until(*m_api, [&] {
      for (const auto& e : m_events)
        if (e["type"] == "outbox" && e["ref"] == ref && e["state"] == "delivered") return true;
      return false;
    }));
    const auto items = m_api->outbox_items();
    if (items.ok())
      for (const auto& v : items.value())
        if (v.ref == ref) return v.case_id;
    return {};
  }

  std::string m_dir;
  std::unique_ptr<kiosk::tools::GatewaySim> m_sim;
  std::unique_ptr<kb::FederationApi> m_api;
  std::vector<nlohmann::json> m_events;
};

TEST_P(EveryEndpoint, LiveCallsAnswerWithDataAsOf) {
  auto mother = ok(rq::open_visit("640324199603080626", "id_chip_staff", "0101", "2468"));
  EXPECT_EQ(mother.status, 201);
  auto visit = ok(rq::represent(mother.body["visit_id"], "640324202107150466", "parent", "guardianship"));
  EXPECT_EQ(visit.body.value("represented_subject_ref", ""), "sub_7a05c9e1b84d");

  auto r1 = ok(rq::open_visit("141081196804120356", "keyed_staff", "0101", "2468"));
  const std::string ref = r1.body.value("subject_ref", "");
  ASSERT_EQ(ref, "sub_4c1f0a7e92d3");

  auto subs = ok(rq::subsidies(ref));
  ASSERT_EQ(subs.body["entitlements"].size(), 2u);   // both programmes, always
  EXPECT_EQ(subs.body["entitlements"][0]["monthly_amount_fen"], 12200);
  EXPECT_EQ(subs.body["entitlements"][0]["status"], "active");

  auto cert = ok(rq::certificate_status(ref));
  EXPECT_EQ(cert.body["certificate"]["number_masked"], "141081**********5643");
  EXPECT_FALSE(cert.body["certificate"].contains("number"));

  auto services = ok(rq::rehab_services(ref));
  EXPECT_FALSE(services.body["services"].empty());
  auto fac = ok(rq::facilities("precision_rehab_physio"));
  EXPECT_FALSE(fac.body["facilities"].empty());

  auto slots = ok(rq::rehab_slots("precision_rehab_physio", "2026-03-10T00:00:00+08:00",
                                  "2026-03-11T00:00:00+08:00", "wheelchair"));
  ASSERT_FALSE(slots.body["slots"].empty());
  const std::string slot = slots.body["slots"][0]["slot_id"];
  auto hold = ok(rq::rehab_hold(slot, ref));
  EXPECT_EQ(hold.status, 201);
  auto taken = call_sync(*m_api, rq::rehab_hold(slot, "sub_9b27e5d04a61"));
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().code, kb::ErrorCode::Conflict);
  auto appt = ok(rq::rehab_appointment(hold.body["hold_id"], ref, {{"wheelchair", true}}, "sms"));
  EXPECT_EQ(appt.body["status"], "booked");
  auto cancelled = ok(rq::rehab_cancel(appt.body["appointment_id"], "resident_request"));
  EXPECT_EQ(cancelled.body["status"], "cancelled");

  EXPECT_EQ(ok(rq::assistive_devices()).body["devices"].size(), 6u);
  EXPECT_EQ(ok(rq::staff_call("sign_interpreter", {"sign_language"}, "home")).body["status"], "requested");
  EXPECT_EQ(ok(rq::queue_ticket("certificate", {"wheelchair"})).body["status"], "issued");
  EXPECT_TRUE(ok(rq::heartbeat("0.1.0", "demo", {{"braille", "absent"}}, 0)).body.contains("server_time"));
  EXPECT_EQ(ok(rq::config_version()).body["config_version"], "demo-2026.03.1");
  auto r6 = ok(rq::certificate_application_get("CA-2026-000102"));
  EXPECT_EQ(r6.body["routed_to"], "640324");

  auto unknown = call_sync(*m_api, rq::subsidies("sub_does_not_exist"));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, kb::ErrorCode::NotFound);
  EXPECT_EQ(unknown.error().next_step, kb::NextStep::GoToWindow);

  // Transcript events: one per call, no ID numbers anywhere.
  int requests = 0;
  for (const auto& e : m_events) {
    if (e["type"] == "request") ++requests;
    EXPECT_EQ(e.dump().find("141081196804120356"), std::string::npos);
  }
  EXPECT_EQ(requests, 19);
  EXPECT_EQ(m_events[3], (nlohmann::json{{"type", "request"}, {"kind", "live"}, {"method", "GET"},
                                         {"path", "/v1/subjects/sub_4c1f0a7e92d3/subsidies"},
                                         {"status", 200}}));
}

TEST_P(EveryEndpoint, ApplicationsAreStoredThenDelivered) {
  const std::string ref = "sub_58f1b2a6d07c";
  auto sa = submit_and_deliver({kb::Endpoint::SubsidyApplication, {}, {},
                                {{"subject_ref", ref}, {"programme", "care_allowance"},
                                 {"applicant_role", "self"}, {"residence_basis", "residence_permit"},
                                 {"consents", {"income_check"}}}});
  EXPECT_FALSE(sa.empty());
  auto ca = submit_and_deliver({kb::Endpoint::CertificateApplication, {}, {},
                                {{"subject_ref", ref}, {"type", "renew"}, {"applicant_role", "self"},
                                 {"residence_basis", "residence_permit"}, {"attachments", nlohmann::json::array()},
                                 {"home_visit_requested", false}, {"consents", nlohmann::json::array()}}});
  ASSERT_FALSE(ca.empty());
  EXPECT_EQ(ok(rq::certificate_application_get(ca)).body["routed_to"], "640324");
  auto hm = submit_and_deliver({kb::Endpoint::HomeModApplication, {}, {},
                                {{"subject_ref", "sub_4c1f0a7e92d3"}, {"obstacles", {"steps", "bathroom"}},
                                 {"contact_channel", "sms"}}});
  ASSERT_FALSE(hm.empty());
  EXPECT_EQ(ok(rq::home_mod_application_get(hm)).body["status"], "applied");
  auto sv = submit_and_deliver({kb::Endpoint::ServiceApplication, {}, {},
                                {{"subject_ref", "sub_e6a90d3c7b15"}, {"service", "legal_aid"}}});
  EXPECT_FALSE(sv.empty());

  std::vector<std::string> states;
  for (const auto& e : m_events)
    if (e["type"] == "outbox") states.push_back(e["state"]);
  EXPECT_EQ(states, (std::vector<std::string>{"queued", "delivered", "queued", "delivered", "queued",
                                              "delivered", "queued", "delivered"}));
  // A live call cannot be submitted, an application cannot be called.
  auto wrong = call_sync(*m_api, {kb::Endpoint::SubsidyApplication, {}, {}, {}});
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, kb::ErrorCode::InvalidRequest);
}

TEST_P(EveryEndpoint, InvalidApplicationFailsForStaffAndIsKept) {
  std::optional<kb::Result<kb::SubmitReceipt>> receipt;
  m_api->submit({kb::Endpoint::SubsidyApplication, {}, {},
                 {{"subject_ref", "sub_4c1f0a7e92d3"}, {"programme", "lottery"}}},
                [&](kb::Result<kb::SubmitReceipt> r) { receipt = std::move(r); });
  ASSERT_TRUE(pump_until(*m_api, [&] { return receipt.has_value(); }));
  ASSERT_TRUE(receipt->ok());
  ASSERT_TRUE(pump_until(*m_api, [&] {
    auto items = m_api->outbox_items();
    return !items.value().empty() && items.value()[0].state == kb::OutboxState::Failed;
  }));
  EXPECT_EQ(m_api->outbox_items().value()[0].reason, "invalid_request");
  EXPECT_EQ(m_api->outbox_health().value().failed, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, EveryEndpoint,
                         ::testing::Values(kb::BackendKind::Local, kb::BackendKind::Http),
                         [](const auto& p) {
                           return p.param == kb::BackendKind::Local ? std::string("Local")
                                                                       : std::string("Http");
                         });

class Tls : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = kiosk::testing::make_temp_dir("tls");
    m_sim = kiosk::testing::start_sim();
  }
  kb::ApiError fail_with(kb::BackendConfig c) {
    auto api = kb::make_federation_api(c, {});
    EXPECT_TRUE(api.ok());
    auto r = call_sync(*api.value(), rq::config_version());
    EXPECT_FALSE(r.ok());
    return r.ok() ? kb::make_error(kb::ErrorCode::Cancelled) : r.error();
  }
  std::string m_dir;
  std::unique_ptr<kiosk::tools::GatewaySim> m_sim;
};

TEST_F(Tls, WrongCaIsRefused) {
  auto c = kiosk::testing::http_config(m_sim->port(), m_dir);
  c.ca_file = kiosk::testing::cert_dir() + "/rogue-ca.pem";
  auto e = fail_with(c);
  EXPECT_EQ(e.code, kb::ErrorCode::TlsFailure) << e.detail;
  EXPECT_EQ(e.next_step, kb::NextStep::CallStaff);
}

// With TLS 1.3 the server refuses a client certificate after the client's handshake is
// done, so curl sees either the alert (tls_failure) or, if it was still writing, a broken
// pipe (backend_unreachable). Either way nothing is served; both are clear refusals.
// curl words the broken pipe differently by timing ("Send failure: Broken pipe",
// "Failed sending data to the peer"); what matters is that no HTTP answer came.
bool refused(const kb::ApiError& e) {
  return e.code == kb::ErrorCode::TlsFailure ||
         (e.code == kb::ErrorCode::BackendUnreachable && e.http_status == 0);
}

TEST_F(Tls, MissingClientCertificateIsRefused) {
  auto c = kiosk::testing::http_config(m_sim->port(), m_dir);
  c.client_cert.clear();
  c.client_key.clear();
  auto e = fail_with(c);
  EXPECT_TRUE(refused(e)) << e.detail;
}

TEST_F(Tls, ClientCertificateFromAnotherCaIsRefused) {
  auto c = kiosk::testing::http_config(m_sim->port(), m_dir);
  c.client_cert = kiosk::testing::cert_dir() + "/rogue-client.pem";
  c.client_key = kiosk::testing::cert_dir() + "/rogue-client.key";
  auto e = fail_with(c);
  EXPECT_TRUE(refused(e)) << e.detail;
}

TEST_F(Tls, RightCertificatesAreAccepted) {
  auto api = kb::make_federation_api(kiosk::testing::http_config(m_sim->port(), m_dir), {});
  ASSERT_TRUE(api.ok());
  EXPECT_TRUE(call_sync(*api.value(), rq::config_version()).ok());
}

}  // namespace
