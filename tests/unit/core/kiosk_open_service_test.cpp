// SPDX-License-Identifier: GPL-3.0-or-later
// ServiceOutcome::Kind::Open: a service leads to another (a stopped subsidy to renewing the
// certificate it waits for) as that service's home-menu item would; a service the hall does
// not offer is told, not a dead end.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "kiosk_fixture.h"

namespace kiosk::core {
namespace {

using fixtures::all_of;

// One screen with one button that opens `target`.
class Leading final : public Service {
 public:
  Leading(std::string id, std::string target) : m_id(std::move(id)), m_target(std::move(target)) {}
  std::string id() const override { return m_id; }
  Message menu_name() const override { return Message::of("home." + m_id); }
  Message menu_hint() const override { return {}; }
  void start() override { ++starts; }
  Tree build(const ServiceContext&) const override {
    Tree tree{m_id, Message::of(m_id + ".title"), {}, {}};
    tree.nodes.push_back(make_node(m_id + ".go", Role::Button, Message::of(m_id + ".go")));
    return tree;
  }
  ServiceOutcome activate(const std::string&, const ServiceContext&) override {
    ServiceOutcome outcome = ServiceOutcome::of(ServiceOutcome::Kind::Open);
    outcome.service = m_target;
    return outcome;
  }
  ServiceOutcome back() override { return ServiceOutcome::of(ServiceOutcome::Kind::Leave); }
  void reset() override {}
  int starts = 0;

 private:
  std::string m_id, m_target;
};

struct OpenService : fixtures::KioskTest {
  Leading* subsidies = nullptr;
  Leading* certificate = nullptr;
  void SetUp() override {
    auto a = std::make_unique<Leading>("subsidies", "certificate");
    auto b = std::make_unique<Leading>("certificate", "bingo");
    subsidies = a.get();
    certificate = b.get();
    kiosk.add_service(std::move(a));
    kiosk.add_service(std::move(b));
    kiosk.start(now);
    kiosk.command(Command::Select, InputSource::Key, now);
  }
  Effects select(const std::string& node) {
    kiosk.focus_node(node, now);
    return kiosk.command(Command::Select, InputSource::Key, now);
  }
};

TEST_F(OpenService, AServiceOpensAnotherOnItsFirstScreen) {
  select("home.subsidies");
  ASSERT_EQ(kiosk.tree().screen_id, "subsidies");
  select("subsidies.go");
  EXPECT_EQ(kiosk.tree().screen_id, "certificate");
  EXPECT_EQ(certificate->starts, 1);
  // Back from it leaves to home, on its own item, as from the menu.
  kiosk.command(Command::Back, InputSource::Key, now);
  EXPECT_EQ(kiosk.tree().screen_id, "home");
  EXPECT_EQ(kiosk.focus().current(), "home.certificate");
}

TEST_F(OpenService, AServiceTheHallDoesNotOfferIsToldAndNothingMoves) {
  select("home.certificate");
  const Effects effects = select("certificate.go");
  EXPECT_EQ(kiosk.tree().screen_id, "certificate");
  const auto alerts = all_of<Alert>(effects);
  ASSERT_FALSE(alerts.empty());
  EXPECT_EQ(alerts.back().code, "service_unavailable");
}

}  // namespace
}  // namespace kiosk::core
