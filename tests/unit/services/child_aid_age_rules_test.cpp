// SPDX-License-Identifier: GPL-3.0-or-later
// Children's rehabilitation aid: the age windows at their edges (the day before and the day
// of each birthday that crosses a bound, 29 February births, inclusive and exclusive upper
// bounds, the warning's first day) and, in the service, the rules of the county the gateway
// names for a child whose hukou is elsewhere.
#include <gtest/gtest.h>

#include <string>

#include "kiosk/services/child_aid/age_rules.h"
#include "kiosk/services/child_aid/child_aid.h"

namespace ca = kiosk::services::child_aid;
using Phase = ca::WindowStatus::Phase;

namespace {

const ca::Window kHouma{"rescue", 0, 6, true};          // ages out on the 7th birthday
const ca::Window kWuda{"rescue", 0, 7, true};           // on the 8th
const ca::Window kZhangdian{"rescue", 0, 9, true};      // on the 10th
const ca::Window kCommunity{"community", 10, 17, true}; // from the 10th to the 18th
const ca::Window kTongxinHome{"home", 0, 14, false};    // on the 14th (exclusive)

Phase phase(const ca::Window& w, int birth, int today) { return ca::window_status(w, birth, today, 6).phase; }

}  // namespace

TEST(ChildAidAges, WholeYearsAndBirthdays) {
  EXPECT_EQ(ca::age_on(20190610, 20260609), 6);
  EXPECT_EQ(ca::age_on(20190610, 20260610), 7);
  EXPECT_EQ(ca::age_on(20190610, 20190610), 0);
  EXPECT_EQ(ca::birthday(20190610, 7), 20260610);
  EXPECT_TRUE(ca::valid_date(20240229));
  EXPECT_FALSE(ca::valid_date(20250229));
  EXPECT_FALSE(ca::valid_date(20261301));
}

TEST(ChildAidAges, TwentyNinthOfFebruaryTurnsOlderOnTheFirstOfMarchInACommonYear) {
  EXPECT_EQ(ca::birthday(20200229, 1), 20210301);
  EXPECT_EQ(ca::birthday(20200229, 8), 20280229);   // 2028 has 29 February
  EXPECT_EQ(ca::age_on(20200229, 20210228), 0);
  EXPECT_EQ(ca::age_on(20200229, 20210301), 1);
  EXPECT_EQ(ca::age_on(20200229, 20280228), 7);
  EXPECT_EQ(ca::age_on(20200229, 20280229), 8);
  // Houma 0-6 inclusive: out on 1 March 2027 (the 7th birthday in a common year).
  EXPECT_EQ(phase(kHouma, 20200229, 20270228), Phase::Within);
  EXPECT_EQ(phase(kHouma, 20200229, 20270301), Phase::AgedOut);
  // Wuda 0-7 inclusive: out on 29 February 2028.
  EXPECT_EQ(phase(kWuda, 20200229, 20280228), Phase::Within);
  EXPECT_EQ(phase(kWuda, 20200229, 20280229), Phase::AgedOut);
}

TEST(ChildAidAges, EachCountysBoundTheDayBeforeAndTheDayOf) {
  // Houma 0-6 inclusive: a six-year-old is in; the 7th birthday is out.
  EXPECT_EQ(phase(kHouma, 20190610, 20260609), Phase::Within);
  EXPECT_EQ(phase(kHouma, 20190610, 20260610), Phase::AgedOut);
  // Wuda 0-7 inclusive.
  EXPECT_EQ(phase(kWuda, 20180612, 20260611), Phase::Within);
  EXPECT_EQ(phase(kWuda, 20180612, 20260612), Phase::AgedOut);
  // Zhangdian 0-9, then community rehabilitation 10-17: the 10th birthday moves the child over.
  EXPECT_EQ(phase(kZhangdian, 20160605, 20260604), Phase::Within);
  EXPECT_EQ(phase(kZhangdian, 20160605, 20260605), Phase::AgedOut);
  EXPECT_EQ(phase(kCommunity, 20160605, 20260604), Phase::NotYet);
  EXPECT_EQ(phase(kCommunity, 20160605, 20260605), Phase::Within);
  EXPECT_EQ(phase(kCommunity, 20080605, 20260604), Phase::Within);    // 17, inclusive
  EXPECT_EQ(phase(kCommunity, 20080605, 20260605), Phase::AgedOut);   // 18
  // Tongxin home rehabilitation 0-14 exclusive: the 14th birthday is out; inclusive it would be in.
  EXPECT_EQ(phase(kTongxinHome, 20120608, 20260607), Phase::Within);
  EXPECT_EQ(phase(kTongxinHome, 20120608, 20260608), Phase::AgedOut);
  ca::Window inclusive = kTongxinHome;
  inclusive.inclusive = true;
  EXPECT_EQ(phase(inclusive, 20120608, 20260608), Phase::Within);
  // A window from birth starts on the day of birth.
  EXPECT_EQ(phase(kHouma, 20260301, 20260228), Phase::NotYet);
  EXPECT_EQ(phase(kHouma, 20260301, 20260301), Phase::Within);
}

TEST(ChildAidAges, TheWarningStartsTheConfiguredMonthsBefore) {
  // Out on 2026-06-10; warned from 2025-12-10 with six months.
  EXPECT_FALSE(ca::window_status(kHouma, 20190610, 20251209, 6).warn);
  EXPECT_TRUE(ca::window_status(kHouma, 20190610, 20251210, 6).warn);
  EXPECT_TRUE(ca::window_status(kHouma, 20190610, 20260308, 6).warn);   // three months before
  EXPECT_FALSE(ca::window_status(kHouma, 20190610, 20260308, 2).warn);
  EXPECT_FALSE(ca::window_status(kHouma, 20190610, 20260610, 6).warn);   // out: no warning, aged out
  EXPECT_EQ(ca::window_status(kHouma, 20190610, 20260308, 6).ends_on, 20260610);
  EXPECT_EQ(ca::add_months(20260831, -6), 20260228);
  EXPECT_EQ(ca::add_months(20260131, 1), 20260228);
  EXPECT_EQ(ca::add_months(20261115, 3), 20270215);
  EXPECT_EQ(ca::days_between(20260308, 20260407), 30);
  EXPECT_EQ(ca::days_between(20260407, 20260308), -30);
}

namespace {

ca::CountyRules county(std::string region, std::string zh, std::vector<ca::Window> windows) {
  ca::CountyRules rules;
  rules.region = std::move(region);
  rules.county = ca::Text{zh, zh};
  for (auto& w : windows) rules.windows.push_back({w, ca::Text{w.id, w.id}, ca::Text{"早做准备", "prepare"}});
  return rules;
}

}  // namespace

// C5: hukou in Tongxin, residence permit in Zhangdian; the gateway names Zhangdian, whose
// 0-9 window holds an eight-year-old (Tongxin's 0-6 would not). The hall is in Houma.
TEST(ChildAidService, TheCountyTheGatewayNamesApplies) {
  ca::Rules rules;
  rules.home_region = "141081";
  rules.counties = {county("141081", "侯马市", {kHouma}), county("370303", "张店区", {kZhangdian, kCommunity}),
                    county("640324", "同心县", {{"rescue", 0, 6, true}, kTongxinHome})};
  ca::ChildAidService service(rules);
  kiosk::core::Settings settings;
  kiosk::core::Catalog catalog;
  kiosk::core::Visit visit;
  visit.subject_ref = "act_g5f6a7b8c9d0";
  visit.represented_subject_ref = "sub_c5e2c4b6d8fa";
  const kiosk::core::ServiceContext context{settings, catalog, false, true, 0, visit, 20260308};
  service.start();
  const auto asked = service.on_open(context);
  ASSERT_TRUE(asked.request.has_value());
  EXPECT_EQ(asked.request->endpoint, "child_rehab_aid");
  EXPECT_EQ(asked.request->path.at("ref"), "sub_c5e2c4b6d8fa");
  kiosk::core::Reply reply;
  reply.ok = true;
  reply.data.set("birth_date", "2017-09-01").set("rules_region", "370303").set("basis", "residence_permit");
  reply.data.set("cases", kiosk::core::Value(kiosk::core::Value::Array{}));
  (void)service.on_reply(reply, context);
  const auto tree = service.build(context);
  ASSERT_NE(tree.find("child_aid.window.rescue"), nullptr);
  EXPECT_EQ(tree.find("child_aid.window.rescue")->name.id, "child_aid.window.within");
  ASSERT_NE(tree.find("child_aid.window.community"), nullptr);
  EXPECT_EQ(tree.find("child_aid.window.community")->name.id, "child_aid.window.not_yet");
  EXPECT_EQ(tree.find("child_aid.window.home"), nullptr);   // Tongxin's window does not apply
  EXPECT_EQ(tree.find("child_aid.warning.rescue"), nullptr);  // 18 months away
  EXPECT_NE(tree.find("child_aid.apply.rescue"), nullptr);
  EXPECT_EQ(tree.find("child_aid.rules")->name.id, "child_aid.rules.residence_permit");
  // Told as Tongxin's, the same child is out of rescue aid and still in home rehabilitation.
  reply.data.set("rules_region", "640324").set("basis", "hukou");
  (void)service.on_open(context);
  (void)service.on_reply(reply, context);
  const auto tongxin = service.build(context);
  EXPECT_EQ(tongxin.find("child_aid.window.rescue")->name.id, "child_aid.window.aged_out");
  EXPECT_EQ(tongxin.find("child_aid.window.home")->name.id, "child_aid.window.within");
  EXPECT_EQ(tongxin.find("child_aid.apply.rescue"), nullptr);
  EXPECT_NE(tongxin.find("child_aid.apply.home"), nullptr);
}

TEST(ChildAidService, ABadAnswerIsToldNotShown) {
  ca::ChildAidService service(ca::Rules{});
  kiosk::core::Value data;
  data.set("birth_date", "2017-02-30").set("rules_region", "370303").set("basis", "hukou");
  data.set("cases", kiosk::core::Value(kiosk::core::Value::Array{}));
  EXPECT_FALSE(ca::decode_child(data).has_value());   // no 30 February
  data.set("birth_date", "2017-02-28");
  EXPECT_TRUE(ca::decode_child(data).has_value());
  kiosk::core::Value bad_case;
  bad_case.set("case_id", "X").set("programme", "rescue").set("status", "lost_in_space");
  data.set("cases", kiosk::core::Value(kiosk::core::Value::Array{bad_case}));
  EXPECT_FALSE(ca::decode_child(data).has_value());
}
