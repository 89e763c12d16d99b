// SPDX-License-Identifier: GPL-3.0-or-later
// The visit seam (flow/visit.h): a personal service asks for identification, the identity
// service establishes who the visit is for, and the service that asked comes back and
// sees it; backing out of identity goes home; the visit is wiped when the session ends.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "kiosk_fixture.h"

namespace kiosk::core {
namespace {

// One-screen service; build() records the visit it was given.
class OneScreen : public Service {
 public:
  explicit OneScreen(std::string id) : m_id(std::move(id)) {}
  std::string id() const override { return m_id; }
  Message menu_name() const override { return Message::of("home." + m_id); }
  Message menu_hint() const override { return {}; }
  void start() override { ++starts; }
  Tree build(const ServiceContext& context) const override {
    seen_ref = context.visit.resident_ref();
    Tree tree{m_id, Message::of(m_id + ".title"), {}, {}};
    Node node;
    node.id = m_id + ".go";
    node.role = Role::Button;
    node.name = Message::of(m_id + ".go");
    tree.nodes.push_back(node);
    return tree;
  }
  ServiceOutcome back() override { return ServiceOutcome::of(ServiceOutcome::Kind::Leave); }
  void reset() override {}

  int starts = 0;
  mutable std::string seen_ref;

 private:
  std::string m_id;
};

// Asks for identification until the visit is identified.
class Personal final : public OneScreen {
 public:
  Personal() : OneScreen("personal") {}
  ServiceOutcome activate(const std::string&, const ServiceContext& context) override {
    if (!context.visit.identified()) return ServiceOutcome::of(ServiceOutcome::Kind::Identify);
    return {};
  }
};

// "identity.go" identifies the visit (an agent for the resident sub_R5) and leaves.
class Identity final : public OneScreen {
 public:
  Identity() : OneScreen("identity") {}
  ServiceOutcome activate(const std::string&, const ServiceContext&) override {
    auto outcome = ServiceOutcome::of(ServiceOutcome::Kind::Leave);
    Visit visit;
    visit.subject_ref = "sub_R5_father";
    visit.represented_subject_ref = "sub_R5";
    visit.relationship = "parent";
    visit.masked_name = "周*斌";
    outcome.visit = visit;
    return outcome;
  }
  ServiceOutcome on_card(const CardEvent& event, const ServiceContext&) override {
    cards.push_back(event);
    return {};
  }
  std::vector<CardEvent> cards;
};

struct VisitSeam : fixtures::KioskTest {
  Personal* personal = nullptr;
  Identity* identity = nullptr;

  void SetUp() override {
    auto p = std::make_unique<Personal>();
    auto i = std::make_unique<Identity>();
    personal = p.get();
    identity = i.get();
    kiosk.add_service(std::move(p));
    kiosk.add_service(std::move(i));
    kiosk.start(now);
    kiosk.command(Command::Select, InputSource::Key, now);   // the visit starts on home
    kiosk.focus_node("home.personal", now);
    kiosk.command(Command::Select, InputSource::Key, now);
    ASSERT_EQ(kiosk.tree().screen_id, "personal");
  }

  void select(const std::string& node) {
    kiosk.focus_node(node, now);
    kiosk.command(Command::Select, InputSource::Key, now);
  }
};

TEST_F(VisitSeam, APersonalServiceGoesThroughIdentityAndComesBackForTheResident) {
  EXPECT_FALSE(kiosk.visit().identified());
  select("personal.go");
  EXPECT_EQ(kiosk.tree().screen_id, "identity");
  select("identity.go");
  EXPECT_EQ(kiosk.tree().screen_id, "personal");
  EXPECT_EQ(personal->starts, 2);              // started again, now for the resident
  EXPECT_EQ(personal->seen_ref, "sub_R5");     // an agent's visit is about the represented resident
  EXPECT_EQ(kiosk.visit().masked_name, "周*斌");
}

TEST_F(VisitSeam, BackingOutOfIdentityGoesHomeOnTheServiceChosen) {
  select("personal.go");
  ASSERT_EQ(kiosk.tree().screen_id, "identity");
  kiosk.command(Command::Back, InputSource::Key, now);
  EXPECT_EQ(kiosk.tree().screen_id, "home");
  EXPECT_EQ(kiosk.focus().current(), "home.personal");
  EXPECT_FALSE(kiosk.visit().identified());
}

TEST_F(VisitSeam, IdentityChosenFromHomeReturnsHome) {
  kiosk.command(Command::Back, InputSource::Key, now);   // personal → home
  select("home.identity");
  select("identity.go");
  EXPECT_EQ(kiosk.tree().screen_id, "home");
  EXPECT_TRUE(kiosk.visit().identified());
}

TEST_F(VisitSeam, TheVisitIsWipedWhenTheSessionEnds) {
  select("personal.go");
  select("identity.go");
  ASSERT_TRUE(kiosk.visit().identified());
  now += 60LL * 60 * 1000;   // far past the inactivity timeout and its warning
  kiosk.tick(now);
  now += 60LL * 60 * 1000;
  kiosk.tick(now);
  EXPECT_FALSE(kiosk.in_session());
  EXPECT_FALSE(kiosk.visit().identified());
  EXPECT_TRUE(kiosk.visit().masked_name.empty());
}

TEST_F(VisitSeam, ACardOnAnotherScreenOpensIdentityWithIt) {
  kiosk.command(Command::Back, InputSource::Key, now);   // personal → home
  CardEvent placed;
  placed.card.name = "张三明";
  kiosk.card(placed, now);
  EXPECT_EQ(kiosk.tree().screen_id, "identity");
  ASSERT_EQ(identity->cards.size(), 1u);
  EXPECT_EQ(identity->cards.front().card.name, "张三明");
  kiosk.card(CardEvent{CardEvent::Kind::Removed, {}}, now);   // picked up: the visit goes on
  EXPECT_EQ(identity->cards.size(), 2u);
  EXPECT_TRUE(kiosk.in_session());
}

TEST(VisitCard, ACardOnTheAttractScreenStartsTheVisit) {
  Catalog catalog;
  KioskOptions options;
  Kiosk kiosk{options, catalog};
  auto identity = std::make_unique<Identity>();
  Identity* seen = identity.get();
  kiosk.add_service(std::move(identity));
  kiosk.start(0);
  kiosk.card(CardEvent{CardEvent::Kind::Removed, {}}, 0);   // nothing placed: still waiting
  EXPECT_FALSE(kiosk.in_session());
  kiosk.card(CardEvent{}, 0);
  EXPECT_TRUE(kiosk.in_session());
  EXPECT_EQ(kiosk.tree().screen_id, "identity");
  EXPECT_EQ(seen->cards.size(), 1u);
}

}  // namespace
}  // namespace kiosk::core
