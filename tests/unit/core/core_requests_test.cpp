// SPDX-License-Identifier: GPL-3.0-or-later
// Typed backend round trips and service timers in the core (flow/request.h): a live
// request announces a wait after a second, Back cancels it, the Kiosk times it out, an
// answer for a service the resident left is dropped; an application answers with its
// reference; a service's timer fires on the Kiosk's clock.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "kiosk_fixture.h"

namespace kiosk::core {
namespace {

using fixtures::all_of;

// A service with one screen: "probe.ask" sends a live request, "probe.apply" an
// application; it shows what came back, and can run a countdown.
class ProbeService final : public Service {
 public:
  std::string id() const override { return "probe"; }
  Message menu_name() const override { return Message::of("home.probe"); }
  Message menu_hint() const override { return {}; }
  void start() override {}
  Tree build(const ServiceContext&) const override {
    Tree tree{"probe", Message::of("probe.title"), {}, {}};
    for (const char* id : {"probe.ask", "probe.apply"}) {
      Node node;
      node.id = id;
      node.role = Role::Button;
      node.name = Message::of(id);
      tree.nodes.push_back(node);
    }
    return tree;
  }
  ServiceOutcome activate(const std::string& node_id, const ServiceContext& context) override {
    ServiceOutcome outcome;
    RequestSpec spec;
    spec.endpoint = node_id == "probe.ask" ? "subsidies" : "subsidy_application";
    spec.kind = node_id == "probe.ask" ? RequestKind::Live : RequestKind::Application;
    spec.path["ref"] = "sub_probe";
    outcome.request = spec;
    if (node_id == "probe.ask") deadline = context.now + 5'000;   // e.g. a hold's countdown
    return outcome;
  }
  ServiceOutcome on_reply(const Reply& reply, const ServiceContext&) override {
    replies.push_back(reply);
    ServiceOutcome outcome;
    outcome.alert = Alert{reply.ok ? "probe_answer" : "probe_" + reply.error.code, Message::text(reply.reference), Privacy::Public};
    return outcome;
  }
  std::int64_t next_deadline() const override { return deadline; }
  ServiceOutcome tick(const ServiceContext& context) override {
    ++ticks;
    tick_at = context.now;
    deadline = kNoDeadline;
    return {};
  }
  ServiceOutcome back() override { return ServiceOutcome::of(ServiceOutcome::Kind::Leave); }
  void reset() override {}

  std::vector<Reply> replies;
  std::int64_t deadline = kNoDeadline;
  int ticks = 0;
  std::int64_t tick_at = -1;
};

struct Requests : fixtures::KioskTest {
  ProbeService* probe = nullptr;

  void SetUp() override {
    auto service = std::make_unique<ProbeService>();
    probe = service.get();
    kiosk.add_service(std::move(service));
    kiosk.start(now);
    kiosk.command(Command::Select, InputSource::Key, now);   // the visit starts on home
    kiosk.focus_node("home.probe", now);
    kiosk.command(Command::Select, InputSource::Key, now);
    EXPECT_EQ(kiosk.tree().screen_id, "probe");
  }
  Request ask(const char* node) {
    kiosk.focus_node(node, now);
    const auto requests = all_of<Request>(kiosk.command(Command::Select, InputSource::Key, now));
    EXPECT_EQ(requests.size(), 1u);
    return requests.empty() ? Request{} : requests.front();
  }
  static bool has_alert(const Effects& effects, const std::string& code) {
    for (const auto& alert : all_of<Alert>(effects))
      if (alert.code == code) return true;
    return false;
  }
};

TEST_F(Requests, ALiveAnswerReachesTheServiceWithItsData) {
  const Request request = ask("probe.ask");
  EXPECT_EQ(request.spec.endpoint, "subsidies");
  EXPECT_EQ(request.spec.path.at("ref"), "sub_probe");
  Reply reply;
  reply.id = request.id;
  reply.ok = true;
  reply.status = 200;
  reply.data.set("data_as_of", "2026-03-08T09:00:00+08:00");
  reply.data_as_of = "2026-03-08T09:00:00+08:00";
  EXPECT_TRUE(has_alert(kiosk.reply(reply, now), "probe_answer"));
  ASSERT_EQ(probe->replies.size(), 1u);
  EXPECT_EQ(probe->replies[0].data.string_at("data_as_of"), "2026-03-08T09:00:00+08:00");
  // The same answer twice does nothing the second time.
  EXPECT_TRUE(kiosk.reply(reply, now).empty());
}

TEST_F(Requests, AProblemReachesTheServiceWithItsCodeAndMessage) {
  const Request request = ask("probe.ask");
  Reply reply;
  reply.id = request.id;
  reply.status = 409;
  reply.error = ReplyError{"conflict", "slot_taken", "这个时间刚被别人约走了。", "retry_later", {}};
  EXPECT_TRUE(has_alert(kiosk.reply(reply, now), "probe_conflict"));
  ASSERT_EQ(probe->replies.size(), 1u);
  EXPECT_EQ(probe->replies[0].error.problem_code, "slot_taken");
}

TEST_F(Requests, AfterASecondTheResidentIsToldToWaitAndEveryKeyStillWorks) {
  const Request request = ask("probe.ask");
  probe->deadline = kNoDeadline;   // only the request's deadlines here
  EXPECT_EQ(kiosk.next_deadline(), now + kWaitNoticeMs);
  EXPECT_FALSE(has_alert(kiosk.tick(now + 500), "please_wait"));
  EXPECT_TRUE(has_alert(kiosk.tick(now + kWaitNoticeMs), "please_wait"));
  EXPECT_TRUE(kiosk.waiting());
  EXPECT_EQ(kiosk.next_deadline(), now + kLiveTimeoutMs);
  // Keys work while waiting: the focus moves.
  const auto moved = all_of<FocusMoved>(kiosk.command(Command::Down, InputSource::Key, now + 1'200));
  EXPECT_EQ(moved.size(), 1u);
  Reply reply;
  reply.id = request.id;
  reply.ok = true;
  kiosk.reply(reply, now + 1'500);
  EXPECT_FALSE(kiosk.waiting());
}

TEST_F(Requests, BackCancelsTheWaitAndTheLateAnswerIsDropped) {
  const Request request = ask("probe.ask");
  const Effects back = kiosk.command(Command::Back, InputSource::Key, now + 2'000);
  EXPECT_TRUE(has_alert(back, "request_cancelled"));
  EXPECT_EQ(kiosk.tree().screen_id, "probe") << "the first Back only stops the wait";
  Reply reply;
  reply.id = request.id;
  reply.ok = true;
  EXPECT_TRUE(kiosk.reply(reply, now + 3'000).empty());
  EXPECT_TRUE(probe->replies.empty());
  kiosk.command(Command::Back, InputSource::Key, now + 3'500);
  EXPECT_EQ(kiosk.tree().screen_id, "home");
}

TEST_F(Requests, NoAnswerEndsInTheKiosksOwnTimeout) {
  ask("probe.ask");
  kiosk.tick(now + kWaitNoticeMs);
  const Effects late = kiosk.tick(now + kLiveTimeoutMs);
  EXPECT_TRUE(has_alert(late, "probe_timeout"));
  ASSERT_EQ(probe->replies.size(), 1u);
  EXPECT_EQ(probe->replies[0].error.code, "timeout");
  EXPECT_EQ(probe->replies[0].error.next_step, "call_staff");
}

TEST_F(Requests, AnAnswerForAServiceTheResidentLeftIsDropped) {
  const Request request = ask("probe.ask");
  kiosk.command(Command::Home, InputSource::Key, now);
  Reply reply;
  reply.id = request.id;
  reply.ok = true;
  EXPECT_TRUE(kiosk.reply(reply, now).empty());
  EXPECT_TRUE(probe->replies.empty());
}

TEST_F(Requests, AnApplicationIsNeverAWaitAndAnswersWithItsReference) {
  const Request request = ask("probe.apply");
  EXPECT_EQ(request.spec.kind, RequestKind::Application);
  EXPECT_FALSE(has_alert(kiosk.tick(now + 5'000), "please_wait"));
  Reply reply;
  reply.id = request.id;
  reply.ok = true;
  reply.reference = "demo-01-000042";
  kiosk.reply(reply, now + 5'000);
  ASSERT_EQ(probe->replies.size(), 1u);
  EXPECT_EQ(probe->replies[0].reference, "demo-01-000042");
}

TEST_F(Requests, TheSessionEndForgetsEveryRequest) {
  const Request request = ask("probe.ask");
  kiosk.command(Command::Home, InputSource::Key, now);
  kiosk.focus_node("home.finish", now);
  kiosk.command(Command::Select, InputSource::Key, now);
  kiosk.focus_node("finish.yes", now);   // ending is confirmed
  kiosk.command(Command::Select, InputSource::Key, now);
  ASSERT_FALSE(kiosk.in_session());
  Reply reply;
  reply.id = request.id;
  reply.ok = true;
  EXPECT_TRUE(kiosk.reply(reply, now).empty());
}

TEST_F(Requests, AServiceTimerFiresOnTheKiosksClockWhileItIsOnScreen) {
  ask("probe.ask");   // starts a 5 s countdown
  EXPECT_EQ(probe->ticks, 0);
  kiosk.tick(now + 4'999);
  EXPECT_EQ(probe->ticks, 0);
  kiosk.tick(now + 5'000);
  EXPECT_EQ(probe->ticks, 1);
  EXPECT_EQ(probe->tick_at, now + 5'000);
}

TEST_F(Requests, AStaffCallIsALiveRequestAnsweredInEveryChannel) {
  const auto requests = all_of<Request>(kiosk.command(Command::CallStaff, InputSource::Key, now));
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].spec.endpoint, "staff_call");
  EXPECT_EQ(requests[0].spec.body["reason_code"].as_string(), "assist");
  EXPECT_EQ(requests[0].spec.body["screen_id"].as_string(), "probe");
  Reply failed;
  failed.id = requests[0].id;
  failed.error.code = "backend_unreachable";
  const Effects answer = kiosk.reply(failed, now);
  EXPECT_TRUE(has_alert(answer, "staff_call_failed"));
  EXPECT_EQ(all_of<Earcon>(answer).size(), 1u);
}

}  // namespace
}  // namespace kiosk::core
