// SPDX-License-Identifier: GPL-3.0-or-later
// The certificate service's steps without a Kiosk: answers from the gateway as Values, the
// summary whose every answer opens its step again, refusals known before sending, and
// answers it cannot read.
#include <gtest/gtest.h>

#include <string>

#include "kiosk/services/certificate/certificate.h"

namespace kiosk::services::certificate {
namespace {

using core::ServiceOutcome;
using core::Value;

CertificateConfig county() {
  CertificateConfig config;
  config.county = {"侯马市", "Houma"};
  config.window = {"窗口", "window"};
  config.hotline = "12385";
  config.warning_days = 90;
  config.fee = {"免费", "free"};
  config.home_assessment = true;
  config.appeal_city = {"临汾市残联", "Linfen"};
  config.appeal_province = {"山西省残联", "Shanxi"};
  config.documents = {Document{"photos", {"照片", "photos"}, {"印在证上", "card"}, {}, {}, false, ""},
                      Document{"permit", {"居住证", "permit"}, {"跨省", "cross"}, {}, {}, false, "residence_permit"},
                      Document{"records", {"病历", "records"}, {"评定", "assess"}, {"reclassify"}, {"mental"}, false, ""}};
  return config;
}

Value card(const std::string& state, int category = 4, const std::string& expires = "2031-05-31") {
  Value c;
  c.set("state", state).set("category", category).set("grade", 2).set("generation", "paper").set("expires_on", expires);
  c.set("number_masked", "141081**********5643");
  return c;
}

struct CertificateSteps : ::testing::Test {
  core::Settings settings;
  core::Catalog catalog;
  core::Visit visit = [] {
    core::Visit v;
    v.subject_ref = "sub_x";
    return v;
  }();
  CertificateService service{county()};

  core::ServiceContext context() const { return core::ServiceContext{settings, catalog, false, true, 0, visit, 20260308}; }

  void answer(Value certificate, Value applications = {}) {
    service.start();
    const ServiceOutcome asked = service.on_open(context());
    ASSERT_TRUE(asked.request.has_value());
    EXPECT_EQ(asked.request->endpoint, "certificate_status");
    EXPECT_EQ(asked.request->path.at("ref"), "sub_x");
    core::Reply reply;
    reply.ok = true;
    reply.data.set("certificate", std::move(certificate)).set("hukou_region", "141081");
    reply.data.set("applications", std::move(applications));
    reply.data_as_of = "2026-03-07T18:00:00+08:00";
    (void)service.on_reply(reply, context());
  }
  std::string screen() const { return service.build(context()).screen_id; }
  bool has(const std::string& node) const { return service.build(context()).find(node) != nullptr; }
  ServiceOutcome press(const std::string& node) { return service.activate(node, context()); }
};

TEST_F(CertificateSteps, EveryAnswerOnTheSummaryOpensItsStepAndComesBack) {
  answer(card("valid", 6));
  ASSERT_TRUE(has("certificate.apply.reclassify"));
  press("certificate.apply.reclassify");
  EXPECT_EQ(screen(), "certificate_apply_basis");
  press("certificate_apply_basis.hukou");
  EXPECT_EQ(screen(), "certificate_apply_assessment");
  EXPECT_TRUE(has("certificate_apply_assessment.book"));   // a time for the card's category
  press("certificate_apply_assessment.home_visit");
  EXPECT_EQ(screen(), "certificate_apply_documents");
  press("certificate_apply_documents.next");   // photos
  press("certificate_apply_documents.next");   // medical records (mental): the permit is not asked for
  EXPECT_EQ(screen(), "certificate_apply_options");
  press("certificate_apply_options.next");
  EXPECT_EQ(screen(), "certificate_apply_consent");   // the assessment shares medical records
  press("certificate_apply_consent.agree");
  ASSERT_EQ(screen(), "certificate_apply_summary");
  // Change the basis: its own papers (now the residence permit too) and its own consent,
  // then the summary again.
  press("certificate_apply_summary.basis");
  EXPECT_EQ(screen(), "certificate_apply_basis");
  press("certificate_apply_basis.residence_permit");
  EXPECT_EQ(screen(), "certificate_apply_documents");
  for (int i = 0; i < 3; ++i) press("certificate_apply_documents.next");
  EXPECT_EQ(screen(), "certificate_apply_consent");
  press("certificate_apply_consent.agree");
  EXPECT_EQ(screen(), "certificate_apply_summary");
  // The documents again: read through, back here.
  press("certificate_apply_summary.documents");
  EXPECT_EQ(screen(), "certificate_apply_documents");
  for (int i = 0; i < 3; ++i) press("certificate_apply_documents.next");
  EXPECT_EQ(screen(), "certificate_apply_summary");
  press("certificate_apply_summary.options");
  press("certificate_apply_options.mail");
  press("certificate_apply_options.next");
  EXPECT_EQ(screen(), "certificate_apply_summary");
  const ServiceOutcome sent = press("certificate_apply_summary.submit");
  ASSERT_TRUE(sent.request.has_value());
  EXPECT_EQ(sent.request->kind, core::RequestKind::Application);
  const Value& body = sent.request->body;
  EXPECT_EQ(body.string_at("type"), "reclassify");
  EXPECT_EQ(body.string_at("residence_basis"), "residence_permit");
  EXPECT_EQ(body.string_at("delivery"), "mail");
  EXPECT_TRUE(body["home_visit_requested"].as_bool());
  EXPECT_EQ(body["attachments"].as_array().size(), 3u);
  EXPECT_EQ(body["consents"].as_array().size(), 1u);
  core::Reply stored;
  stored.ok = true;
  stored.reference = "demo-01-000007";
  (void)service.on_reply(stored, context());
  EXPECT_EQ(screen(), "certificate_apply_receipt");
  EXPECT_TRUE(has("certificate_apply_receipt.routed"));
  for (const auto& node : service.build(context()).nodes) EXPECT_EQ(node.name.id.find("category"), std::string::npos);
}

TEST_F(CertificateSteps, ARuleKnownBeforeSendingIsARefusalWithTheWayForward) {
  Value cancelled = card("cancelled");
  cancelled.set("cancelled_on", "2025-08-01");
  answer(cancelled);
  EXPECT_FALSE(has("certificate.apply.renew"));
  const ServiceOutcome refused = press("certificate.apply.new");
  ASSERT_TRUE(refused.alert.has_value());
  EXPECT_EQ(refused.alert->code, "cancelled_within_year");
  EXPECT_EQ(screen(), "certificate_apply_refused");
  // The way forward names the window: the message has its arguments.
  bool window = false;
  for (const auto& [name, value] : refused.alert->text.args) window = window || (name == "window" && value == "窗口");
  EXPECT_TRUE(window);
}

Value case_on_file(const std::string& type, const std::string& status) {
  Value a;
  a.set("application_id", "CA-2026-000101").set("type", type).set("status", status);
  return a;
}

TEST_F(CertificateSteps, ASecondNewApplicationWhileOneIsInProgressIsRefusedBeforeSending) {
  Value cases;
  cases.push(case_on_file("new", "accepted"));
  answer(Value(), cases);
  EXPECT_TRUE(has("certificate.case.CA-2026-000101"));   // the way forward: its progress
  const ServiceOutcome refused = press("certificate.apply.new");
  EXPECT_FALSE(refused.request.has_value());
  ASSERT_TRUE(refused.alert.has_value());
  EXPECT_EQ(refused.alert->code, "application_open");
  EXPECT_EQ(screen(), "certificate_apply_refused");
}

TEST_F(CertificateSteps, ANewApplicationAfterOneWasTurnedBackIsTaken) {
  Value cases;
  cases.push(case_on_file("new", "intake_rejected"));
  answer(Value(), cases);
  const ServiceOutcome taken = press("certificate.apply.new");
  EXPECT_FALSE(taken.alert.has_value());
  EXPECT_EQ(screen(), "certificate_apply_basis");
}

TEST_F(CertificateSteps, AnExpiringCardOffersRenewalFirst) {
  answer(card("valid", 4, "2026-05-20"));
  const core::Tree tree = service.build(context());
  const core::Node* state = tree.find("certificate.state");
  ASSERT_NE(state, nullptr);
  EXPECT_EQ(state->name.id, "certificate.state.expiring");
  EXPECT_EQ(state->privacy, core::Privacy::Personal);
  for (const auto& node : tree.nodes)
    if (node.id.rfind("certificate.apply.", 0) == 0) {
      EXPECT_EQ(node.id, "certificate.apply.renew");
      break;
    }
  EXPECT_EQ(tree.find("certificate.category")->privacy, core::Privacy::Personal);
}

TEST_F(CertificateSteps, TheAssessmentIsBookedThroughTheSlotFlowForTheCategory) {
  answer(Value());   // no card yet: a new applicant says which kind of disability
  press("certificate.apply.new");
  press("certificate_apply_basis.hukou");
  ASSERT_EQ(screen(), "certificate_apply_assessment");
  EXPECT_FALSE(has("certificate_apply_assessment.book"));
  const ServiceOutcome search = press("certificate_apply_assessment.book.4");
  EXPECT_EQ(screen().rfind("booking_", 0), 0u) << screen();
  // The slot flow runs inside the service; its search names the category's institutions.
  bool coded = false;
  if (search.request)
    for (const auto& [key, value] : search.request->query) coded = coded || value == "disability_assessment_4";
  if (!coded) {   // the flow asks for needs first: search from there
    const ServiceOutcome searched = press("booking_needs.search");
    ASSERT_TRUE(searched.request.has_value());
    for (const auto& [key, value] : searched.request->query) coded = coded || value == "disability_assessment_4";
  }
  EXPECT_TRUE(coded);
  // Back out of the flow: the assessment step again, nothing sent.
  for (int i = 0; i < 4 && screen() != "certificate_apply_assessment"; ++i) (void)service.back();
  EXPECT_EQ(screen(), "certificate_apply_assessment");
}

TEST_F(CertificateSteps, AnAnswerItCannotReadIsToldAsAFailure) {
  answer(card("misplaced"));
  EXPECT_TRUE(has("certificate.retry"));
  EXPECT_FALSE(has("certificate.state"));
}

}  // namespace
}  // namespace kiosk::services::certificate
