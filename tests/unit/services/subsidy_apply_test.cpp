// SPDX-License-Identifier: GPL-3.0-or-later
// Applying for the two subsidies in the core (kiosk/services/subsidies/apply_flow.h): only
// what the gateway offers, the consent only for the living allowance and recorded with
// how and by whom it was given, every answer changeable from the summary, one outbox
// application per programme, and a store that fails told without losing what was stored.
#include <gtest/gtest.h>

#include <string>

#include "kiosk/core/settings.h"
#include "kiosk/core/text/i18n.h"
#include "kiosk/services/subsidies/apply_flow.h"
#include "kiosk/services/subsidies/subsidies.h"

namespace kiosk::services::subsidies {
namespace {

using core::ServiceOutcome;
using Kind = core::ServiceOutcome::Kind;
using Step = ApplyFlow::Step;

core::Value status_answer(bool bank) {
  core::Value answer;
  core::Value entries{core::Value::Array{}};
  for (const char* programme : {"living_allowance", "care_allowance"}) {
    core::Value entry;
    entry.set("programme", programme).set("status", "not_applied").set("may_apply", true);
    entries.push(std::move(entry));
  }
  core::Value stopped;
  stopped.set("programme", "other").set("may_apply", false);
  entries.push(std::move(stopped));
  answer.set("entitlements", std::move(entries));
  core::Value applicant;
  applicant.set("hukou_region", "150304").set("sms_on_file", true);
  if (bank) applicant.set("bank_account", core::Value{}.set("ref", "ba_1").set("masked", "****4521"));
  answer.set("applicant", std::move(applicant));
  return answer;
}

County county() {
  County c;
  c.living.name = {"困难残疾人生活补贴", "Living allowance"};
  c.care.name = {"重度残疾人护理补贴", "Care allowance"};
  c.regions.emplace("150304", Text{"内蒙古乌海市乌达区", "Wuda"});
  c.documents = {Text{"身份证", "ID card"}};
  return c;
}

struct Apply : ::testing::Test {
  core::Settings settings;
  core::Catalog catalog;
  core::Visit visit = [] {
    core::Visit v;
    v.subject_ref = "sub_actor";
    v.masked_name = "孙*新";
    return v;
  }();
  ApplyFlow flow;

  core::ServiceContext context(const char* method = "keypad") const {
    return core::ServiceContext{settings, catalog, false, true, 5'000, visit, 20261204, method};
  }
  ServiceOutcome select(const std::string& node, const char* method = "keypad") { return flow.activate(node, context(method)); }
  std::vector<std::string> ids() const {
    std::vector<std::string> out;
    for (const auto& node : flow.build(county(), context()).nodes) out.push_back(node.id);
    return out;
  }
  bool shows(const std::string& id) const {
    const auto all = ids();
    return std::find(all.begin(), all.end(), id) != all.end();
  }
  core::Reply stored(std::uint64_t id, const std::string& reference) const {
    core::Reply reply;
    reply.id = id;
    reply.ok = true;
    reply.reference = reference;
    return reply;
  }
};

TEST_F(Apply, OffersOnlyWhatTheGatewaySaysMayBeAppliedFor) {
  const ApplyOffer offer = apply_offer(status_answer(true));
  EXPECT_EQ(offer.programmes, (std::vector<std::string>{"living_allowance", "care_allowance"}));
  EXPECT_EQ(offer.bank_masked, "****4521");
  EXPECT_EQ(offer.hukou_region, "150304");
  EXPECT_TRUE(offer.sms_on_file);
  flow.begin(offer, "care_allowance");
  EXPECT_EQ(ids(), (std::vector<std::string>{"subsidy_apply_programme.living_allowance", "subsidy_apply_programme.care_allowance",
                                             "subsidy_apply_programme.next", "subsidy_apply_programme.back"}));
  EXPECT_TRUE(flow.build(county(), context()).find("subsidy_apply_programme.care_allowance")->state.selected);
  EXPECT_FALSE(flow.build(county(), context()).find("subsidy_apply_programme.living_allowance")->state.selected);
  // A programme the gateway did not offer cannot be chosen, even by its node id.
  (void)select("subsidy_apply_programme.other");
  EXPECT_FALSE(shows("subsidy_apply_programme.other"));
}

TEST_F(Apply, NothingChosenIsToldAndStays) {
  flow.begin(apply_offer(status_answer(true)), "care_allowance");
  (void)select("subsidy_apply_programme.care_allowance");   // untick
  const ServiceOutcome outcome = select("subsidy_apply_programme.next");
  ASSERT_TRUE(outcome.alert.has_value());
  EXPECT_EQ(outcome.alert->code, "choose_programme");
  EXPECT_EQ(flow.step(), Step::Programme);
}

TEST_F(Apply, TheCareAllowanceAloneAsksNoConsentAndAnAccountlessResidentIsSentToTheWindow) {
  flow.begin(apply_offer(status_answer(false)), "care_allowance");
  (void)select("subsidy_apply_programme.next");
  (void)select("subsidy_apply_residence.hukou");
  EXPECT_EQ(ids(), (std::vector<std::string>{"subsidy_apply_bank.none", "subsidy_apply_bank.at_window"}));
  (void)select("subsidy_apply_bank.at_window");
  EXPECT_EQ(flow.step(), Step::Summary);
  EXPECT_FALSE(shows("subsidy_apply_summary.consent"));
  const ServiceOutcome sent = select("subsidy_apply_summary.submit");
  ASSERT_TRUE(sent.request.has_value());
  EXPECT_EQ(sent.request->kind, core::RequestKind::Application);
  EXPECT_FALSE(sent.request->body["bank_account_ref"].is_string());
  EXPECT_TRUE(sent.request->body["consents"].as_array().empty());
}

TEST_F(Apply, RefusingTheConsentLeadsToTheWindowAndBackAgain) {
  flow.begin(apply_offer(status_answer(true)), "living_allowance");
  (void)select("subsidy_apply_programme.next");
  (void)select("subsidy_apply_residence.hukou");
  (void)select("subsidy_apply_bank.on_file");
  ASSERT_EQ(flow.step(), Step::Consent);
  (void)select("consent.refuse");
  EXPECT_EQ(flow.step(), Step::Refused);
  EXPECT_TRUE(shows("subsidy_apply_refused.text"));
  (void)select("subsidy_apply_refused.consent");
  EXPECT_EQ(flow.step(), Step::Consent);
}

// PIPL art. 31: for a child under 14 only a guardian consents. A relative acting without
// guardianship is told so; refusing still leads to the window.
TEST_F(Apply, ForAChildUnder14OnlyAGuardianMayAgree) {
  visit.represented_subject_ref = "sub_child";
  visit.relationship = "other_relative";
  visit.authority = "written_authorisation";
  visit.resident_under_14 = true;
  flow.begin(apply_offer(status_answer(true)), "living_allowance");
  (void)select("subsidy_apply_programme.next");
  (void)select("subsidy_apply_residence.hukou");
  (void)select("subsidy_apply_bank.on_file");
  ASSERT_EQ(flow.step(), Step::Consent);
  EXPECT_TRUE(shows("consent.guardian_only"));
  EXPECT_FALSE(shows("consent.agree"));
  EXPECT_FALSE(select("consent.agree").visit.has_value());
  EXPECT_EQ(flow.step(), Step::Consent);
  (void)select("consent.refuse");
  EXPECT_EQ(flow.step(), Step::Refused);
  // The same relative with guardianship may.
  visit.authority = "guardianship";
  (void)select("subsidy_apply_refused.consent");
  EXPECT_TRUE(shows("consent.agree"));
  EXPECT_FALSE(shows("consent.guardian_only"));
}

TEST_F(Apply, AGuardiansConsentIsRecordedWithHowItWasGivenAndTravelsWithEachApplication) {
  visit.represented_subject_ref = "sub_child";
  visit.relationship = "parent";
  flow.begin(apply_offer(status_answer(true)), "living_allowance");
  (void)select("subsidy_apply_programme.care_allowance");
  (void)select("subsidy_apply_programme.next");
  (void)select("subsidy_apply_residence.residence_permit");
  (void)select("subsidy_apply_bank.on_file");
  const ServiceOutcome agreed = select("consent.agree", "braille");
  ASSERT_TRUE(agreed.visit.has_value());
  ASSERT_EQ(agreed.visit->consents.size(), 1u);
  EXPECT_EQ(agreed.visit->consents[0].id, kIncomeCheckConsent);
  EXPECT_EQ(agreed.visit->consents[0].method, "braille");
  EXPECT_EQ(agreed.visit->consents[0].actor, "guardian");
  EXPECT_EQ(agreed.visit->consents[0].at_ms, 5'000);
  ASSERT_EQ(flow.step(), Step::Summary);

  const ServiceOutcome first = select("subsidy_apply_summary.submit");
  ASSERT_TRUE(first.request.has_value());
  const core::Value& body = first.request->body;
  EXPECT_EQ(first.request->endpoint, "subsidy_application");
  EXPECT_EQ(body.string_at("subject_ref"), "sub_child");   // the resident, not the guardian
  EXPECT_EQ(body.string_at("programme"), "living_allowance");
  EXPECT_EQ(body.string_at("applicant_role"), "guardian");
  EXPECT_EQ(body.string_at("residence_basis"), "residence_permit");
  EXPECT_EQ(body.string_at("bank_account_ref"), "ba_1");
  ASSERT_EQ(body["consents"].as_array().size(), 1u);
  EXPECT_EQ(body["consents"].as_array()[0].string_at("text_version"), kIncomeCheckVersion);
  // A second press while it is being stored sends nothing more.
  EXPECT_FALSE(select("subsidy_apply_summary.submit").request.has_value());

  const ServiceOutcome second = flow.on_reply(stored(1, "demo-01-000007"), context());
  ASSERT_TRUE(second.request.has_value());
  EXPECT_EQ(second.request->body.string_at("programme"), "care_allowance");
  (void)flow.on_reply(stored(2, "demo-01-000008"), context());
  EXPECT_EQ(flow.step(), Step::Receipt);
  EXPECT_TRUE(shows("subsidy_receipt.reference.living_allowance"));
  EXPECT_TRUE(shows("subsidy_receipt.reference.care_allowance"));
  EXPECT_TRUE(shows("subsidy_receipt.routed"));
  const auto receipt = flow.build(county(), context());
  EXPECT_NE(receipt.find("subsidy_receipt.reference.care_allowance")->name.args.back().second, "");
}

TEST_F(Apply, EveryAnswerCanBeChangedFromTheSummaryAndComesBackToIt) {
  flow.begin(apply_offer(status_answer(true)), "care_allowance");
  (void)select("subsidy_apply_programme.next");
  (void)select("subsidy_apply_residence.hukou");
  (void)select("subsidy_apply_bank.on_file");
  ASSERT_EQ(flow.step(), Step::Summary);
  (void)select("subsidy_apply_summary.residence");
  EXPECT_EQ(flow.step(), Step::Residence);
  (void)select("subsidy_apply_residence.residence_permit");
  EXPECT_EQ(flow.step(), Step::Summary);
  // Adding the living allowance from the summary asks for the consent it needs.
  (void)select("subsidy_apply_summary.programmes");
  (void)select("subsidy_apply_programme.living_allowance");
  (void)select("subsidy_apply_programme.next");
  EXPECT_EQ(flow.step(), Step::Consent);
  (void)select("consent.agree");
  EXPECT_EQ(flow.step(), Step::Summary);
  EXPECT_TRUE(shows("subsidy_apply_summary.consent"));
}

TEST_F(Apply, AStoreThatFailsIsToldAndWhatWasStoredStays) {
  flow.begin(apply_offer(status_answer(true)), "care_allowance");
  (void)select("subsidy_apply_programme.next");
  (void)select("subsidy_apply_residence.hukou");
  (void)select("subsidy_apply_bank.on_file");
  (void)select("subsidy_apply_summary.submit");
  core::Reply full;
  full.id = 1;
  full.error = core::ReplyError{"storage_full", {}, "存储空间已满。请呼叫工作人员。", "call_staff", {}};
  const ServiceOutcome told = flow.on_reply(full, context());
  ASSERT_TRUE(told.alert.has_value());
  EXPECT_EQ(flow.step(), Step::Summary);
  EXPECT_TRUE(shows("subsidy_apply_summary.failed"));
  // Tried again, it goes through.
  ASSERT_TRUE(select("subsidy_apply_summary.submit").request.has_value());
  (void)flow.on_reply(stored(2, "demo-01-000009"), context());
  EXPECT_EQ(flow.step(), Step::Receipt);
}

TEST_F(Apply, ResetForgetsEveryAnswer) {
  flow.begin(apply_offer(status_answer(true)), "living_allowance");
  (void)select("subsidy_apply_programme.next");
  (void)select("subsidy_apply_residence.residence_permit");
  flow.reset();
  EXPECT_EQ(flow.step(), Step::Programme);
  EXPECT_TRUE(ids() == (std::vector<std::string>{"subsidy_apply_programme.next", "subsidy_apply_programme.back"}));
}

TEST_F(Apply, AnAgentIsToldWhenTheGatewaySaysTheResidentMustApplyInPerson) {
  SubsidiesService service{county()};
  visit.represented_subject_ref = "sub_resident";
  visit.relationship = "other_relative";
  (void)service.on_open(context());
  core::Reply answer;
  answer.ok = true;
  answer.data = status_answer(true);
  (void)service.on_reply(answer, context());
  visit.own_application_required = {"subsidy_application"};
  const ServiceOutcome told = service.activate("subsidy_status.living_allowance.apply_start", context());
  ASSERT_TRUE(told.alert.has_value());
  EXPECT_EQ(told.alert->code, "own_application_required");
  EXPECT_EQ(service.build(context()).screen_id, "subsidy_status");
  visit.own_application_required.clear();
  EXPECT_EQ(service.activate("subsidy_status.living_allowance.apply_start", context()).kind, Kind::NewScreen);
  EXPECT_EQ(service.build(context()).screen_id, "subsidy_apply_programme");
}

}  // namespace
}  // namespace kiosk::services::subsidies
