// SPDX-License-Identifier: GPL-3.0-or-later
// 康复服务 in the core (kiosk/services/rehab): the gateway's answer in plain words (eligible
// and not, with each reason and an unknown one told as "ask at the window"), the plan with
// visits left and the next appointment first, the discreet name of mental-health services,
// a bad answer told as one, and the slot flow started from the plan and handed back.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "kiosk/services/rehab/rehab.h"

namespace kiosk::services::rehab {
namespace {

using core::ServiceOutcome;
using core::Value;
using Kind = core::ServiceOutcome::Kind;

struct RehabTest : ::testing::Test {
  core::Settings settings;
  core::Catalog catalog;
  core::Visit visit{"sub_father", "sub_son", "parent", "周*斌", {}};
  RehabService service{Window{"县残联窗口", "the federation's window"}};

  void SetUp() override {
    for (const char* id : {"rehab.reason.no_certificate", "rehab.service.precision_rehab_mental_community",
                           "rehab.service.precision_rehab_physio"})
      catalog.add("zh-CN", id, core::CatalogEntry{id, {}});
  }
  core::ServiceContext context() const { return core::ServiceContext{settings, catalog, false, true, 0, visit, 20260308}; }

  static Value service_entry(const std::string& code, bool eligible, std::vector<std::string> reasons = {}) {
    Value v{Value::Object{}};
    Value why{Value::Array{}};
    for (auto& r : reasons) why.push(r);
    v.set("service_code", code).set("eligible", eligible).set("reasons", std::move(why));
    return v;
  }
  static Value appointment(const std::string& id, const std::string& start) {
    Value v{Value::Object{}};
    v.set("appointment_id", id).set("status", "booked").set("service_code", "precision_rehab_mental_community");
    v.set("org", "侯马市残疾人康复中心").set("start", start).set("end", start);
    return v;
  }
  core::Reply answer() const {
    Value services{Value::Array{}};
    services.push(service_entry("precision_rehab_mental_community", true));
    services.push(service_entry("precision_rehab_physio", false, {"no_certificate", "something_new"}));
    services.push(service_entry("assistive_device_wheelchair_standard", true));
    Value plan{Value::Object{}};
    plan.set("institution", "侯马市残疾人康复中心").set("service_code", "precision_rehab_mental_community");
    plan.set("visits_total", 12).set("visits_used", 3);
    Value list{Value::Array{}};
    list.push(appointment("AP-2", "2026-03-16T09:00:00+08:00"));
    list.push(appointment("AP-1", "2026-03-12T09:00:00+08:00"));
    list.push(appointment("", "2026-03-13T09:00:00+08:00"));   // no id: not offered
    Value data{Value::Object{}};
    data.set("services", std::move(services)).set("plan", std::move(plan)).set("appointments", std::move(list));
    core::Reply reply;
    reply.ok = true;
    reply.data = std::move(data);
    return reply;
  }
  const core::Node* node(const std::string& id) const {
    static core::Tree tree;
    tree = service.build(context());
    return tree.find(id);
  }
};

TEST_F(RehabTest, TheServicesInPlainWordsWithEveryReason) {
  service.start();
  const ServiceOutcome asked = service.on_open(context());
  ASSERT_TRUE(asked.request);
  EXPECT_EQ(asked.request->endpoint, "rehab_services");
  EXPECT_EQ(asked.request->query.front().second, "sub_son");   // the resident, never the agent
  service.on_reply(answer(), context());
  EXPECT_EQ(node("rehab.precision_rehab_mental_community")->name.id, "rehab.service.precision_rehab_mental_community");
  EXPECT_EQ(node("rehab.precision_rehab_mental_community.state")->name.id, "rehab.eligible");
  EXPECT_TRUE(node("rehab.book.precision_rehab_mental_community"));
  EXPECT_EQ(node("rehab.precision_rehab_physio.state")->name.id, "rehab.not_eligible");
  EXPECT_EQ(node("rehab.precision_rehab_physio.reason.no_certificate")->name.id, "rehab.reason.no_certificate");
  EXPECT_EQ(node("rehab.precision_rehab_physio.reason.something_new")->name.id, "rehab.reason.other");
  EXPECT_FALSE(node("rehab.book.precision_rehab_physio"));
  EXPECT_EQ(node("rehab.assistive_device_wheelchair_standard.state")->name.id, "rehab.eligible_elsewhere");
  EXPECT_FALSE(node("rehab.book.assistive_device_wheelchair_standard"));
  EXPECT_EQ(node("rehab.precision_rehab_physio.state")->privacy, core::Privacy::Personal);
}

TEST_F(RehabTest, ThePlanWithVisitsLeftAndTheNextAppointmentFirst) {
  service.start();
  service.on_open(context());
  service.on_reply(answer(), context());
  EXPECT_EQ(service.activate("rehab.plan", context()).kind, Kind::NewScreen);
  EXPECT_EQ(service.build(context()).screen_id, "rehab_plan");
  const core::Node* visits = node("rehab_plan.visits");
  ASSERT_TRUE(visits);
  EXPECT_EQ(visits->name.args, (std::vector<std::pair<std::string, std::string>>{{"used", "3"}, {"left", "9"}}));
  EXPECT_EQ(node("rehab_plan.next")->name.args.front().second, "3月12日 星期四 9:00");
  std::vector<std::string> ids;
  for (const auto& n : service.build(context()).nodes) ids.push_back(n.id);
  EXPECT_EQ(std::count(ids.begin(), ids.end(), "rehab_plan.cancel.AP-1") + std::count(ids.begin(), ids.end(), "rehab_plan.cancel.AP-2"), 2);
  EXPECT_LT(std::find(ids.begin(), ids.end(), "rehab_plan.cancel.AP-1"), std::find(ids.begin(), ids.end(), "rehab_plan.cancel.AP-2"));
  // The discreet name reaches the slot flow's screens.
  const ServiceOutcome move = service.activate("rehab_plan.move.AP-1", context());
  EXPECT_EQ(move.kind, Kind::NewScreen);
  const core::Tree needs = service.build(context());
  EXPECT_EQ(needs.screen_id, "booking_needs");
  EXPECT_EQ(needs.title.args.front().second, "rehab.service.precision_rehab_mental_community");
  // Back out of the flow: the plan again, as it was.
  EXPECT_EQ(service.back().kind, Kind::NewScreen);
  EXPECT_EQ(service.build(context()).screen_id, "rehab_plan");
  EXPECT_EQ(service.back().kind, Kind::NewScreen);
  EXPECT_EQ(service.build(context()).screen_id, "rehab");
  EXPECT_EQ(service.back().kind, Kind::Leave);
}

TEST_F(RehabTest, ABadAnswerIsToldAsOneWithARetry) {
  service.start();
  service.on_open(context());
  core::Reply reply;
  reply.ok = true;
  reply.data = Value{Value::Object{}};
  const ServiceOutcome told = service.on_reply(reply, context());
  ASSERT_TRUE(told.alert);
  EXPECT_EQ(told.alert->code, "bad_response");
  EXPECT_TRUE(node("rehab.retry"));
  EXPECT_TRUE(service.activate("rehab.retry", context()).request);
}

}  // namespace
}  // namespace kiosk::services::rehab
