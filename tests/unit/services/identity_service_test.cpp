// SPDX-License-Identifier: GPL-3.0-or-later
// The identity service in the core (kiosk/services/identity): typed numbers checked with
// one alert each (C1: at the field, spoken at once, the error earcon, focus there), the
// second factor's round trips as typed requests, the code's timers on the virtual clock,
// agents, cards, and the wipe at the session's end. Answers are built by the test; the
// real gateways answer in tests/integration/identity.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <utility>

#include "kiosk/services/identity/identity.h"
#include "kiosk_fixture.h"

namespace kiosk::core {
namespace {

using fixtures::all_of;

// A personal service: asks for identification, then records whom it serves.
class Personal final : public Service {
 public:
  std::string id() const override { return "personal"; }
  Message menu_name() const override { return Message::of("home.personal"); }
  Message menu_hint() const override { return {}; }
  void start() override {}
  Tree build(const ServiceContext& context) const override {
    seen_ref = context.visit.resident_ref();
    Tree tree{"personal", Message::of("personal.title"), {}, {}};
    Node node;
    node.id = "personal.go";
    node.role = Role::Button;
    tree.nodes.push_back(node);
    return tree;
  }
  ServiceOutcome activate(const std::string&, const ServiceContext& context) override {
    return context.visit.identified() ? ServiceOutcome{} : ServiceOutcome::of(ServiceOutcome::Kind::Identify);
  }
  ServiceOutcome back() override { return ServiceOutcome::of(ServiceOutcome::Kind::Leave); }
  void reset() override {}
  mutable std::string seen_ref;
};

struct Identity : fixtures::KioskTest {
  Effects last;

  void SetUp() override {
    kiosk.add_service(std::make_unique<Personal>());
    kiosk.add_service(std::make_unique<services::identity::IdentityService>());
    kiosk.set_today(20261204);
    kiosk.start(now);
    kiosk.command(Command::Select, InputSource::Key, now);
    select("home.personal");
    select("personal.go");
    ASSERT_EQ(screen(), "identify");
  }

  std::string screen() const { return kiosk.tree().screen_id; }
  void select(const std::string& node) {
    kiosk.focus_node(node, now);
    last = kiosk.command(Command::Select, InputSource::Key, now);
  }
  void type(const std::string& text) { last = kiosk.type_text(text, now); }
  std::optional<Request> request() const {
    const auto requests = all_of<Request>(last);
    if (requests.empty()) return std::nullopt;
    return requests.back();
  }
  std::string alert() const {
    const auto alerts = all_of<Alert>(last);
    return alerts.empty() ? std::string() : alerts.back().code;
  }
  void answer(bool ok, Value data, std::string problem = {}, Value extra = {}) {
    const auto sent = request();
    ASSERT_TRUE(sent.has_value());
    Reply reply;
    reply.id = sent->id;
    reply.ok = ok;
    reply.status = ok ? 200 : 422;
    reply.data = std::move(data);
    if (!ok) reply.error = ReplyError{"invalid_request", std::move(problem), "网关的话。", "retry_later", std::move(extra)};
    last = kiosk.reply(reply, now);
  }
  // R1's card, valid to YYYYMMDD.
  static CardEvent r1_card(const char* valid_to) {
    CardEvent placed;
    placed.card.name = "赵大山";
    placed.card.id_number = "141081196804120356";
    placed.card.valid_to = valid_to;
    return placed;
  }
  // The keyed path up to the code screen, for R1.
  void up_to_the_code() {
    select("identify.keyed");
    type("141081196804120356");
    select("identify_keyed.submit");
    ASSERT_EQ(screen(), "identify_factor");
    select("identify_factor.sms");
    Value data;
    data.set("visit_id", "V1").set("verified", false).set("phone_masked", "138****0356");
    answer(true, data);
    ASSERT_EQ(screen(), "verify");
  }
};

TEST_F(Identity, AKeyedNumberAndAnSmsCodeIdentifyTheVisitAndTheServiceThatAskedComesBack) {
  select("identify.keyed");
  ASSERT_EQ(screen(), "identify_keyed");
  EXPECT_EQ(kiosk.focus().current(), "identify_keyed.id");
  type("１４１０８１１９６８０４１２０３５６");   // full-width, as a pasted number
  select("identify_keyed.submit");
  ASSERT_EQ(screen(), "identify_factor");
  select("identify_factor.sms");
  auto sent = request();
  ASSERT_TRUE(sent.has_value());
  EXPECT_EQ(sent->spec.endpoint, "open_visit");
  EXPECT_EQ(sent->spec.kind, RequestKind::Live);
  EXPECT_EQ(sent->spec.body.string_at("method"), "keyed_sms");
  EXPECT_EQ(sent->spec.body.string_at("id_number"), "141081196804120356");   // the body only, never a path
  EXPECT_TRUE(sent->spec.path.empty());
  Value data;
  data.set("visit_id", "V1").set("verified", false).set("phone_masked", "138****0356");
  answer(true, data);
  ASSERT_EQ(screen(), "verify");
  EXPECT_EQ(kiosk.focus().current(), "verify.code");
  type("135790");
  const Node* code = kiosk.tree().find("verify.code");
  ASSERT_NE(code, nullptr);
  EXPECT_EQ(code->privacy, Privacy::Secret);
  select("verify.submit");
  sent = request();
  ASSERT_TRUE(sent.has_value());
  EXPECT_EQ(sent->spec.endpoint, "verify_visit");
  EXPECT_EQ(sent->spec.path.at("id"), "V1");
  EXPECT_EQ(sent->spec.body.string_at("code"), "135790");
  Value verified;
  verified.set("visit_id", "V1").set("verified", true).set("subject_ref", "sub_R1").set("name_masked", "赵*山");
  answer(true, verified);
  EXPECT_EQ(screen(), "personal");
  EXPECT_EQ(kiosk.visit().subject_ref, "sub_R1");
  EXPECT_EQ(alert(), "identified");
  // Every later screen says whom the visit is for.
  const Node* who = kiosk.tree().find("visit.for");
  ASSERT_NE(who, nullptr);
  ASSERT_EQ(who->name.args.size(), 1u);
  EXPECT_EQ(who->name.args.front().second, "赵*山");
}

// C1: said at once, with the error earcon, shown at the field, focus on the field.
TEST_F(Identity, AWrongCheckCharacterIsAFieldErrorThatNeverRevealsTheRightOne) {
  select("identify.keyed");
  type("141081196804120357");
  select("identify_keyed.submit");
  EXPECT_EQ(screen(), "identify_keyed");
  EXPECT_EQ(alert(), "id_checksum");
  const auto earcons = all_of<Earcon>(last);
  EXPECT_TRUE(std::any_of(earcons.begin(), earcons.end(), [](const Earcon& e) { return e.name == "error"; }));
  ASSERT_FALSE(all_of<SpeechRequest>(last).empty());
  EXPECT_EQ(all_of<SpeechRequest>(last).front().control, SpeechControl::Interrupt);
  EXPECT_EQ(kiosk.focus().current(), "identify_keyed.id");
  const Node* field = kiosk.tree().find("identify_keyed.id");
  ASSERT_NE(field, nullptr);
  EXPECT_TRUE(field->state.invalid);
  EXPECT_EQ(field->error.id, "identity.error.id_checksum");
  EXPECT_TRUE(field->error.args.empty());   // no argument: the right character is never in it
  // Mending the field clears the error.
  kiosk.edit_field({FieldKey::Backspace, 0, 0}, now);
  EXPECT_FALSE(kiosk.tree().find("identify_keyed.id")->state.invalid);
}

TEST_F(Identity, EachProblemOfATypedNumberHasItsOwnCode) {
  select("identify.keyed");
  type("14108119680412035");
  select("identify_keyed.submit");
  EXPECT_EQ(alert(), "id_length");
  kiosk.edit_field({FieldKey::Clear, 0, 0}, now);
  type("370303198702300127");
  select("identify_keyed.submit");
  EXPECT_EQ(alert(), "id_date");
  kiosk.edit_field({FieldKey::Clear, 0, 0}, now);
  type("990101199001010211");
  select("identify_keyed.submit");
  EXPECT_EQ(alert(), "id_region");
}

TEST_F(Identity, ALegacyNumberIsReadBackBeforeItIsUsed) {
  select("identify.keyed");
  type("141081680412035");
  select("identify_keyed.submit");
  EXPECT_EQ(alert(), "id_converted");
  EXPECT_EQ(all_of<Alert>(last).back().privacy, Privacy::Personal);
  EXPECT_EQ(kiosk.tree().find("identify_keyed.id")->value, "141081196804120356");
  select("identify_keyed.submit");
  EXPECT_EQ(screen(), "identify_factor");
}

TEST_F(Identity, ACertificateNumberIdentifiesByItsIdPartAndEachProblemHasItsOwnCode) {
  select("identify.keyed");
  select("identify_keyed.by_certificate");
  EXPECT_EQ(kiosk.focus().current(), "identify_keyed.certificate");
  EXPECT_EQ(kiosk.tree().find("identify_keyed.certificate")->field_kind, "certificate_number");
  EXPECT_EQ(kiosk.tree().find("identify_keyed.id"), nullptr);
  const std::pair<const char*, const char*> cases[] = {
      {"1410811968041203564", "cert_format"},     // 19 characters
      {"14108119680412035643B0", "cert_format"},  // no B0
      {"14108119680412035683", "cert_category"},  // category 8
      {"14108119680412035645", "cert_grade"},     // grade 5
      {"14108119680412035743", "id_checksum"},    // the ID part's own check
      {"37030319870230012743", "id_date"},
  };
  for (const auto& [number, code] : cases) {
    kiosk.edit_field({FieldKey::Clear, 0, 0}, now);
    type(number);
    select("identify_keyed.submit");
    EXPECT_EQ(alert(), code) << number;
    EXPECT_EQ(screen(), "identify_keyed");
    EXPECT_EQ(kiosk.tree().find("identify_keyed.certificate")->error.id, std::string("identity.error.") + code);
  }
  kiosk.edit_field({FieldKey::Clear, 0, 0}, now);
  type("14108119680412035643B2");
  EXPECT_EQ(kiosk.tree().find("identify_keyed.certificate")->masked_value, "141081********0356****");
  select("identify_keyed.submit");
  ASSERT_EQ(screen(), "identify_factor");
  select("identify_factor.sms");
  ASSERT_TRUE(request().has_value());
  // Only the ID part leaves the kiosk: category and grade are the resident's claim.
  EXPECT_EQ(request()->spec.body.string_at("id_number"), "141081196804120356");
  EXPECT_EQ(request()->spec.body.string_at("method"), "keyed_sms");
}

TEST_F(Identity, AfterAnExpiredCardATypedCertificateMustBeItsHolders) {
  CardEvent placed = r1_card("20200101");
  last = kiosk.card(placed, now);
  ASSERT_EQ(screen(), "identify_keyed");
  select("identify_keyed.by_certificate");
  type("64032420210715046624");
  select("identify_keyed.submit");
  EXPECT_EQ(alert(), "cert_id_mismatch");
  select("identify_keyed.by_id");   // and back: the ID field again, the same screen
  EXPECT_EQ(kiosk.focus().current(), "identify_keyed.id");
  select("identify_keyed.by_certificate");
  kiosk.edit_field({FieldKey::Clear, 0, 0}, now);
  type("14108119680412035643");
  select("identify_keyed.submit");
  EXPECT_EQ(screen(), "identify_factor");
}

TEST_F(Identity, ThreeWrongCodesLockTheCodeAndLeadToStaff) {
  up_to_the_code();
  for (int tries_left : {2, 1}) {
    type("000000");
    select("verify.submit");
    Value extra;
    extra.set("tries_left", tries_left);
    answer(false, {}, "code_wrong", extra);
    EXPECT_EQ(alert(), "code_wrong");
    EXPECT_EQ(kiosk.focus().current(), "verify.code");
    EXPECT_TRUE(kiosk.tree().find("verify.code")->value.empty());   // cleared for the next try
  }
  type("000000");
  select("verify.submit");
  answer(false, {}, "code_locked");
  EXPECT_EQ(alert(), "code_locked");
  EXPECT_EQ(kiosk.tree().find("verify.code"), nullptr);   // no more tries
  EXPECT_EQ(kiosk.focus().current(), "verify.staff");
}

TEST_F(Identity, TheCodeExpiresOnTheClockAndAnotherCanBeAskedForAfterAMinute) {
  up_to_the_code();
  EXPECT_TRUE(kiosk.tree().find("verify.resend")->state.disabled);
  now += services::identity::kResendGapMs;
  kiosk.tick(now);
  EXPECT_FALSE(kiosk.tree().find("verify.resend")->state.disabled);
  // The resident stays busy (no inactivity warning) while the code runs out.
  for (std::int64_t minute = 1; minute < 5; ++minute) {
    now += 60'000;
    kiosk.command(Command::Repeat, InputSource::Key, now);
  }
  now += 1'000;
  last = kiosk.tick(now);
  EXPECT_EQ(alert(), "code_expired");
  EXPECT_EQ(kiosk.focus().current(), "verify.resend");
  select("verify.resend");
  ASSERT_TRUE(request().has_value());
  EXPECT_EQ(request()->spec.endpoint, "resend_code");
}

TEST_F(Identity, StaffConfirmationSendsTheStaffNumberAndPin) {
  select("identify.keyed");
  type("141081196804120356");
  select("identify_keyed.submit");
  select("identify_factor.staff");
  ASSERT_EQ(screen(), "identify_staff");
  type("0101");
  select("identify_staff.submit");
  EXPECT_EQ(alert(), "staff_pin_missing");
  EXPECT_EQ(kiosk.focus().current(), "identify_staff.pin");
  type("2468");
  EXPECT_EQ(kiosk.tree().find("identify_staff.pin")->privacy, Privacy::Secret);
  select("identify_staff.submit");
  ASSERT_TRUE(request().has_value());
  EXPECT_EQ(request()->spec.body.string_at("method"), "keyed_staff");
  EXPECT_EQ(request()->spec.body.string_at("staff_pin"), "2468");
}

TEST_F(Identity, ACardIsReadAndAnExpiredOneLeadsToTheKeyedPath) {
  CardEvent placed = r1_card("20200101");
  last = kiosk.card(placed, now);
  EXPECT_EQ(alert(), "card_expired");
  EXPECT_EQ(screen(), "identify_keyed");
  kiosk.command(Command::Back, InputSource::Key, now);
  placed.card.valid_to = "20360101";
  last = kiosk.card(placed, now);
  EXPECT_EQ(alert(), "take_card");
  EXPECT_EQ(screen(), "identify_factor");
  select("identify_factor.sms");
  EXPECT_EQ(request()->spec.body.string_at("method"), "id_chip_sms");
}

TEST_F(Identity, AnAgentIdentifiesThemselfThenNamesTheResidentAndMayBeRefused) {
  select("identify.agent");
  EXPECT_EQ(alert(), "agent_actor_first");
  up_to_the_code();
  type("135790");
  select("verify.submit");
  Value verified;
  verified.set("visit_id", "V1").set("verified", true).set("subject_ref", "sub_actor");
  answer(true, verified);
  ASSERT_EQ(screen(), "agent_resident");
  type("141081196804120356");   // the agent's own number
  select("agent_resident.submit");
  EXPECT_EQ(alert(), "agent_self");
  kiosk.edit_field({FieldKey::Clear, 0, 0}, now);
  select("agent_resident.by_certificate");   // the agent may hold the resident's certificate
  type("14108119680412035643");               // again the agent's own
  select("agent_resident.submit");
  EXPECT_EQ(alert(), "agent_self");
  kiosk.edit_field({FieldKey::Clear, 0, 0}, now);
  type("64032420210715046621");
  select("agent_resident.submit");
  ASSERT_EQ(screen(), "agent_relationship");
  select("agent_relationship.parent");
  ASSERT_EQ(screen(), "agent_authority");
  select("agent_authority.guardianship");
  ASSERT_TRUE(request().has_value());
  EXPECT_EQ(request()->spec.endpoint, "represent");
  EXPECT_EQ(request()->spec.body.string_at("authority"), "guardianship");
  EXPECT_EQ(request()->spec.body.string_at("represented_id_number"), "640324202107150466");
  answer(false, {}, "authority_unknown");
  EXPECT_EQ(screen(), "agent_refused");
  select("agent_refused.self");   // never a dead end: go on for yourself
  EXPECT_EQ(screen(), "personal");
  EXPECT_EQ(kiosk.visit().subject_ref, "sub_actor");
  EXPECT_FALSE(kiosk.visit().for_someone_else());
}

TEST_F(Identity, WhatTheResidentMustApplyForInPersonTravelsWithTheVisit) {
  select("identify.agent");
  up_to_the_code();
  type("135790");
  select("verify.submit");
  Value verified;
  verified.set("visit_id", "V1").set("verified", true).set("subject_ref", "sub_actor");
  answer(true, verified);
  type("640324202107150466");
  select("agent_resident.submit");
  select("agent_relationship.parent");
  select("agent_authority.guardianship");
  Value represented;
  represented.set("represented_subject_ref", "sub_child").set("name_masked", "马*花");
  represented.set("own_application_required", Value{Value::Array{}}.push("subsidy_application"));
  answer(true, represented);
  ASSERT_EQ(screen(), "personal");
  EXPECT_TRUE(kiosk.visit().needs_own_application("subsidy_application"));
  EXPECT_FALSE(kiosk.visit().needs_own_application("certificate_application"));
  // The child is 5: only a guardian consents for her, and her parent acting with
  // guardianship is one.
  EXPECT_TRUE(kiosk.visit().resident_under_14);
  EXPECT_EQ(kiosk.visit().authority, "guardianship");
  EXPECT_FALSE(kiosk.visit().consent_needs_guardian());
}

TEST_F(Identity, AChildWhoIdentifiesThemselfIsMarkedUnder14) {
  select("identify.keyed");
  type("640324202107150466");
  select("identify_keyed.submit");
  select("identify_factor.sms");
  Value data;
  data.set("visit_id", "V1").set("verified", false).set("phone_masked", "138****0466");
  answer(true, data);
  type("135790");
  select("verify.submit");
  Value verified;
  verified.set("visit_id", "V1").set("verified", true).set("subject_ref", "sub_child");
  answer(true, verified);
  ASSERT_EQ(screen(), "personal");
  EXPECT_TRUE(kiosk.visit().resident_under_14);
  EXPECT_TRUE(kiosk.visit().consent_needs_guardian());
}

TEST_F(Identity, ABackendThatIsDownIsToldAtOnceAndNothingIsKeptAfterTheSession) {
  select("identify.keyed");
  type("141081196804120356");
  select("identify_keyed.submit");
  select("identify_factor.sms");
  const auto sent = request();
  ASSERT_TRUE(sent.has_value());
  Reply down;
  down.id = sent->id;
  down.error = ReplyError{"backend_unreachable", {}, "暂时连不上残联系统。", "call_staff", {}};
  last = kiosk.reply(down, now);
  EXPECT_EQ(alert(), "backend_unreachable");
  EXPECT_EQ(screen(), "identify_factor");
  // The session ends; the next visit's identity screens hold nothing of this one.
  now += 60LL * 60 * 1000;
  kiosk.tick(now);
  now += 60LL * 60 * 1000;
  kiosk.tick(now);
  ASSERT_FALSE(kiosk.in_session());
  kiosk.command(Command::Select, InputSource::Key, now);
  select("home.personal");
  select("personal.go");
  select("identify.keyed");
  EXPECT_TRUE(kiosk.tree().find("identify_keyed.id")->value.empty());
}

}  // namespace
}  // namespace kiosk::core
