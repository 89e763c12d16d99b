// SPDX-License-Identifier: GPL-3.0-or-later
// The slot flow's pure state machine (kiosk/services/booking): the hold's countdown on a
// virtual clock (shown in whole minutes, said at 5, 2 and 1 minutes left), the extension
// asked once on the first input, a hold that runs out and a slot taken (the next free times
// offered), Back through the steps, cancel and reschedule. Answers are built by the test;
// the real gateway answers in tests/integration/rehab.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kiosk/services/booking/slot_flow.h"

namespace kiosk::services::booking {
namespace {

using core::ServiceOutcome;
using core::Value;
using Kind = core::ServiceOutcome::Kind;

constexpr std::int64_t kMin = 60'000;

TEST(HoldClock, ShowsWholeMinutesAndSpeaksAtFiveTwoAndOne) {
  HoldClock clock;
  clock.start(1'000, 10 * kMin);
  EXPECT_EQ(clock.minutes_left(1'000), 10);
  std::vector<int> said;
  std::vector<std::int64_t> ticks;
  std::int64_t now = 1'000;
  while (clock.running()) {
    now = clock.next_deadline();
    ticks.push_back(now - 1'000);
    const HoldClock::Step step = clock.tick(now);
    EXPECT_TRUE(step.changed);
    if (step.announce) said.push_back(step.announce);
    if (step.expired) break;
  }
  EXPECT_EQ(said, (std::vector<int>{5, 2, 1}));
  ASSERT_EQ(ticks.size(), 10u);   // one a minute: 9 marks, then the expiry
  EXPECT_EQ(ticks.front(), 1 * kMin);
  EXPECT_EQ(ticks.back(), 10 * kMin);
  EXPECT_FALSE(clock.running());
  EXPECT_EQ(clock.minutes_left(now), 0);
}

TEST(HoldClock, ALateTickSaysOnlyTheLastMarkAndAnExtensionStartsAgain) {
  HoldClock clock;
  clock.start(0, 10 * kMin);
  EXPECT_EQ(clock.tick(kMin - 1).changed, false);   // nothing before the first mark
  const HoldClock::Step late = clock.tick(8 * kMin + 30'000);   // crossed 5 and 2
  EXPECT_EQ(late.announce, 2);
  EXPECT_EQ(clock.minutes_left(8 * kMin + 30'000), 2);
  clock.start(8 * kMin + 30'000, 10 * kMin);   // extended
  EXPECT_EQ(clock.minutes_left(8 * kMin + 30'000), 10);
  EXPECT_EQ(clock.tick(13 * kMin + 30'000).announce, 5);
}

TEST(SlotWords, DaysTimesAndDurations) {
  EXPECT_EQ(day_words("2026-03-09T09:00:00+08:00", "zh-CN"), "3月9日 星期一");
  EXPECT_EQ(day_words("2026-03-09T09:00:00+08:00", "en"), "9 March, Monday");
  EXPECT_EQ(time_words("2026-03-09T14:30:00+08:00"), "14:30");
  EXPECT_EQ(day_words("yesterday", "zh-CN"), "");
  EXPECT_EQ(ms_between("2026-03-09T09:00:00+08:00", "2026-03-09T09:10:00+08:00"), 10 * kMin);
  EXPECT_EQ(ms_between("2026-03-09T23:55:00+08:00", "2026-03-10T00:05:00+08:00"), 10 * kMin);
  EXPECT_EQ(ms_between("2026-03-09T09:00:00Z", "2026-03-09T09:10:00+08:00"), -1);
  EXPECT_EQ(date_after(20240228, 1), "2024-02-29");
  EXPECT_EQ(date_after(20261231, 1), "2027-01-01");
}

struct SlotFlowTest : ::testing::Test {
  core::Settings settings;
  core::Catalog catalog;
  core::Visit visit = [] {
    core::Visit v;
    v.subject_ref = "sub_mother";
    v.represented_subject_ref = "sub_child";
    v.relationship = "parent";
    v.masked_name = "马*雨";
    return v;
  }();
  std::int64_t now = 0;
  SlotFlow flow;

  bool awaiting = true;   // the Kiosk still has the flow's last request out
  core::ServiceContext context() const {
    return core::ServiceContext{settings, catalog, false, false, now, visit, 20260308, "keypad", awaiting};
  }

  static Value slot(const std::string& id, const std::string& org, const std::string& start, const std::string& status = "free") {
    Value v{Value::Object{}};
    v.set("slot_id", id).set("org_id", org).set("org", "机构" + org).set("start", start).set("status", status);
    v.set("end", start.substr(0, 11) + "23:59:00+08:00");
    return v;
  }
  static core::Reply ok(Value data, std::string as_of = "2026-03-08T09:00:00+08:00") {
    core::Reply reply;
    reply.ok = true;
    reply.status = 200;
    reply.data = std::move(data);
    reply.data_as_of = std::move(as_of);
    return reply;
  }
  static core::Reply problem(const std::string& code, const std::string& problem_code) {
    core::Reply reply;
    reply.error = core::ReplyError{code, problem_code, "这个时间已被预约，请选择其他时间。", "retry_later", {}};
    return reply;
  }
  static core::Reply slots() {
    Value list{Value::Array{}};
    list.push(slot("s1", "a", "2026-03-09T09:00:00+08:00"));
    list.push(slot("s2", "a", "2026-03-09T10:00:00+08:00"));
    list.push(slot("s3", "a", "2026-03-10T09:00:00+08:00"));
    list.push(slot("s4", "b", "2026-03-09T14:30:00+08:00"));
    list.push(slot("s5", "a", "2026-03-11T09:00:00+08:00", "booked"));   // never offered
    Value data{Value::Object{}};
    data.set("slots", std::move(list));
    return ok(std::move(data));
  }
  static core::Reply held(const std::string& expires = "2026-03-08T09:10:00+08:00",
                          const std::string& as_of = "2026-03-08T09:00:00+08:00") {
    Value data{Value::Object{}};
    data.set("hold_id", "H-1").set("expires_at", expires);
    return ok(std::move(data), as_of);
  }
  std::vector<std::string> ids() const {
    std::vector<std::string> out;
    for (const auto& node : flow.build(context()).nodes) out.push_back(node.id);
    return out;
  }
  std::string screen() const { return flow.build(context()).screen_id; }
  // begin without the needs screen, the search answered, then a, 2026-03-09, s1 held.
  void to_hold() {
    BookingRequest want;
    want.service_code = "child_rehab_hearing_training";
    want.needs.sign_language = true;
    want.ask_needs = false;
    const ServiceOutcome search = flow.begin(want, context());
    ASSERT_TRUE(search.request);
    EXPECT_EQ(search.request->endpoint, "rehab_slots");
    EXPECT_EQ(search.request->query.back(), (std::pair<std::string, std::string>{"needs", "sign_language"}));
    flow.on_reply(slots(), context());
    EXPECT_EQ(screen(), "booking_place");
    EXPECT_EQ(ids(), (std::vector<std::string>{"booking_place.a", "booking_place.b", "booking_place.leave"}));
    flow.activate("booking_place.a", context());
    EXPECT_EQ(ids(), (std::vector<std::string>{"booking_day.2026-03-09", "booking_day.2026-03-10"}));
    flow.activate("booking_day.2026-03-09", context());
    EXPECT_EQ(ids(), (std::vector<std::string>{"booking_time.s1", "booking_time.s2"}));
    const ServiceOutcome hold = flow.activate("booking_time.s1", context());
    ASSERT_TRUE(hold.request);
    EXPECT_EQ(hold.request->endpoint, "rehab_hold");
    EXPECT_EQ(hold.request->body.string_at("subject_ref"), "sub_child");   // the resident, not the agent
    flow.on_reply(held(), context());
    ASSERT_EQ(screen(), "booking_hold");
  }
};

TEST_F(SlotFlowTest, TheHoldIsSpokenAtFiveTwoAndOneMinutesAndRunsOutWithTheNextTimesOffered) {
  to_hold();
  std::vector<std::string> said;
  ServiceOutcome last;
  while (flow.next_deadline() != core::kNoDeadline) {
    now = flow.next_deadline();
    last = flow.tick(context());
    if (last.alert) said.push_back(last.alert->code + ":" + (last.alert->text.args.empty() ? "" : last.alert->text.args[0].second));
  }
  EXPECT_EQ(now, 10 * kMin);
  EXPECT_EQ(said, (std::vector<std::string>{"booking_hold_minutes:5", "booking_hold_minutes:2", "booking_hold_minutes:1",
                                            "booking_hold_expired:"}));
  // No round trip: the times already known after the lost one, at the same place first.
  EXPECT_FALSE(last.request);
  EXPECT_EQ(screen(), "booking_time");
  EXPECT_EQ(ids(), (std::vector<std::string>{"booking_time.next", "booking_time.s2", "booking_time.s3"}));
}

TEST_F(SlotFlowTest, TheFirstInputExtendsTheHoldOnceAndTheCountdownStartsAgain) {
  to_hold();
  now = 3 * kMin;
  const ServiceOutcome extend = flow.on_input(context());
  ASSERT_TRUE(extend.request);
  EXPECT_EQ(extend.request->endpoint, "rehab_hold_extend");
  EXPECT_EQ(extend.request->path.at("id"), "H-1");
  EXPECT_FALSE(flow.on_input(context()).request);   // one request at a time
  const ServiceOutcome extended = flow.on_reply(held("2026-03-08T09:13:00+08:00", "2026-03-08T09:03:00+08:00"), context());
  ASSERT_TRUE(extended.alert);
  EXPECT_EQ(extended.alert->code, "booking_hold_extended");
  EXPECT_FALSE(flow.on_input(context()).request);   // once only
  EXPECT_EQ(flow.build(context()).find("booking_hold.countdown")->name.args[0].second, "10");
  now = 8 * kMin;
  EXPECT_EQ(flow.tick(context()).alert->code, "booking_hold_minutes");   // 5 minutes left of the new 10
}

TEST_F(SlotFlowTest, ConfirmingWhileTheExtensionIsOnItsWayBooksWhenItIsAnswered) {
  to_hold();
  ASSERT_TRUE(flow.on_input(context()).request);
  EXPECT_FALSE(flow.activate("booking_hold.confirm", context()).request);   // waits for the extension
  const ServiceOutcome book = flow.on_reply(held(), context());
  ASSERT_TRUE(book.request);
  EXPECT_EQ(book.request->endpoint, "rehab_appointment");
  EXPECT_EQ(book.request->body.string_at("hold_id"), "H-1");
  EXPECT_TRUE(book.request->body["needs"]["sign_language"].as_bool());
  Value data{Value::Object{}};
  data.set("appointment_id", "AP-9").set("status", "booked").set("instructions_text", "带上残疾人证").set("address", "同心县豫海镇");
  const ServiceOutcome done = flow.on_reply(ok(std::move(data)), context());
  EXPECT_EQ(done.kind, Kind::NewScreen);
  EXPECT_EQ(screen(), "booking_done");
  EXPECT_EQ(flow.next_deadline(), core::kNoDeadline);
  const ServiceOutcome finish = flow.activate("booking_done.finish", context());
  EXPECT_EQ(finish.kind, Kind::Leave);
  EXPECT_FALSE(flow.active());
  EXPECT_EQ(flow.result(), FlowResult::Booked);
  EXPECT_EQ(flow.booked().appointment_id, "AP-9");
}

TEST_F(SlotFlowTest, ASlotTakenIsToldAndSearchedAgainForTheNextTimes) {
  to_hold();
  flow.back();   // let the hold go: the day's times again
  ASSERT_EQ(screen(), "booking_time");
  ASSERT_TRUE(flow.activate("booking_time.s2", context()).request);
  const ServiceOutcome taken = flow.on_reply(problem("conflict", "slot_taken"), context());
  ASSERT_TRUE(taken.alert);
  EXPECT_EQ(taken.alert->code, "slot_taken");
  ASSERT_TRUE(taken.request);
  EXPECT_EQ(taken.request->endpoint, "rehab_slots");
  flow.on_reply(slots(), context());
  EXPECT_EQ(ids(), (std::vector<std::string>{"booking_time.next", "booking_time.s3"}));
}

TEST_F(SlotFlowTest, BackGoesOneStepAtATimeAndLeavesFromTheFirst) {
  BookingRequest want;
  want.service_code = "precision_rehab_physio";
  flow.begin(want, context());
  EXPECT_EQ(screen(), "booking_needs");
  flow.activate("booking_needs.wheelchair", context());
  flow.activate("booking_needs.contact_voice", context());
  const ServiceOutcome search = flow.activate("booking_needs.search", context());
  ASSERT_TRUE(search.request);
  EXPECT_EQ(search.request->query.back().second, "wheelchair");
  flow.on_reply(slots(), context());
  flow.activate("booking_place.b", context());
  EXPECT_EQ(screen(), "booking_day");
  EXPECT_EQ(flow.back().focus, "booking_place.b");
  EXPECT_EQ(screen(), "booking_place");
  flow.back();
  EXPECT_EQ(screen(), "booking_needs");
  EXPECT_EQ(flow.build(context()).find("booking_needs.contact_voice")->state.selected, true);
  EXPECT_EQ(flow.back().kind, Kind::Leave);
  EXPECT_FALSE(flow.active());
  EXPECT_EQ(flow.result(), FlowResult::Left);
}

TEST_F(SlotFlowTest, ABackendDownDuringTheSearchIsToldAtOnceWithARetry) {
  BookingRequest want;
  want.service_code = "precision_rehab_physio";
  want.ask_needs = false;
  flow.begin(want, context());
  core::Reply down;
  down.error = core::ReplyError{"backend_unreachable", {}, "暂时连不上残联系统。请到人工窗口办理。", "go_to_window", {}};
  const ServiceOutcome told = flow.on_reply(down, context());
  ASSERT_TRUE(told.alert);
  EXPECT_EQ(told.alert->code, "backend_unreachable");
  EXPECT_EQ(ids(), (std::vector<std::string>{"booking_place.failed", "booking_place.retry", "booking_place.leave"}));
  EXPECT_TRUE(flow.activate("booking_place.retry", context()).request);
  // An answer without a list is a bad answer, told as one.
  const ServiceOutcome bad = flow.on_reply(ok(Value{Value::Object{}}), context());
  EXPECT_EQ(bad.alert->code, "bad_response");
}

TEST_F(SlotFlowTest, CancelWithAReasonAndRescheduleBooksFirstThenCancelsTheOld) {
  const Appointment old{"AP-1", "同心县残疾儿童康复中心", "2026-03-11T10:00:00+08:00", "2026-03-11T10:45:00+08:00"};
  flow.begin_cancel(old, context());
  EXPECT_EQ(screen(), "booking_cancel");
  const ServiceOutcome cancel = flow.activate("booking_cancel.reason.unwell", context());
  ASSERT_TRUE(cancel.request);
  EXPECT_EQ(cancel.request->endpoint, "rehab_cancel");
  EXPECT_EQ(cancel.request->path.at("id"), "AP-1");
  EXPECT_EQ(cancel.request->body.string_at("reason_code"), "unwell");
  Value data{Value::Object{}};
  data.set("appointment_id", "AP-1").set("status", "cancelled");
  flow.on_reply(ok(data), context());
  EXPECT_EQ(screen(), "booking_cancelled");
  EXPECT_EQ(flow.activate("booking_cancelled.finish", context()).kind, Kind::Leave);
  EXPECT_EQ(flow.result(), FlowResult::Cancelled);

  BookingRequest move;
  move.service_code = "child_rehab_hearing_training";
  move.ask_needs = false;
  move.reschedule_of = "AP-1";
  move.old = old;
  flow.begin(move, context());
  flow.on_reply(slots(), context());
  flow.activate("booking_place.b", context());
  flow.activate("booking_day.2026-03-09", context());
  flow.activate("booking_time.s4", context());
  flow.on_reply(held(), context());
  ASSERT_TRUE(flow.build(context()).find("booking_hold.moving"));
  ASSERT_TRUE(flow.activate("booking_hold.confirm", context()).request);
  Value booked{Value::Object{}};
  booked.set("appointment_id", "AP-2").set("status", "booked");
  const ServiceOutcome then = flow.on_reply(ok(booked), context());
  ASSERT_TRUE(then.request);
  EXPECT_EQ(then.request->path.at("id"), "AP-1");
  EXPECT_EQ(then.request->body.string_at("reason_code"), "rescheduled");
  flow.on_reply(ok(data), context());
  EXPECT_EQ(screen(), "booking_done");
  EXPECT_TRUE(flow.booked().moved);
}

TEST_F(SlotFlowTest, AWaitCancelledWithBackNeverLeavesTheFlowStuck) {
  to_hold();
  flow.back();
  ASSERT_TRUE(flow.activate("booking_time.s2", context()).request);   // a hold is asked for
  EXPECT_FALSE(flow.activate("booking_time.s1", context()).request);  // one at a time
  awaiting = false;   // the resident pressed Back: the Kiosk dropped the wait, no answer comes
  const ServiceOutcome again = flow.activate("booking_time.s1", context());
  ASSERT_TRUE(again.request);
  EXPECT_EQ(again.request->body.string_at("slot_id"), "s1");
}

TEST_F(SlotFlowTest, ResetWipesEverything) {
  to_hold();
  flow.reset();
  EXPECT_FALSE(flow.active());
  EXPECT_EQ(flow.next_deadline(), core::kNoDeadline);
  EXPECT_FALSE(flow.on_input(context()).request);
}

TEST_F(SlotFlowTest, TheResidentsNeedsOnFileComeTickedAndCanBeUnticked) {
  visit.access_needs = {"wheelchair", "large_print"};   // large print is not the institution's to meet
  BookingRequest want;
  want.service_code = "precision_rehab_physio";
  want.needs.sign_language = true;                       // the plan's, kept beside them
  flow.begin(want, context());
  const core::Tree needs = flow.build(context());
  EXPECT_TRUE(needs.find("booking_needs.wheelchair")->state.selected);
  EXPECT_TRUE(needs.find("booking_needs.sign_language")->state.selected);
  EXPECT_FALSE(needs.find("booking_needs.companion")->state.selected);
  flow.activate("booking_needs.wheelchair", context());   // not for this visit
  const ServiceOutcome search = flow.activate("booking_needs.search", context());
  ASSERT_TRUE(search.request);
  EXPECT_EQ(search.request->query.back(), (std::pair<std::string, std::string>{"needs", "sign_language"}));
}

}  // namespace
}  // namespace kiosk::services::booking
