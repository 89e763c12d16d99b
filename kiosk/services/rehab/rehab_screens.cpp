// SPDX-License-Identifier: GPL-3.0-or-later
// The rehabilitation service's own screens: rehab (what I can get) and rehab_plan (一人一案).
// The booking screens are the slot flow's.
#include "kiosk/services/rehab/rehab.h"

namespace kiosk::services::rehab {

using core::Message;
using core::Node;
using core::Privacy;
using core::Role;

namespace {

Node private_node(std::string id, Role role, Message name) { return core::make_node(std::move(id), role, std::move(name), {}, Privacy::Personal); }

Node button(std::string id, Message name) { return core::make_node(std::move(id), Role::Button, std::move(name)); }

std::string when(const std::string& start, const std::string& lang) {
  return booking::day_words(start, lang) + " " + booking::time_words(start);
}

}  // namespace

core::Tree RehabService::build(const core::ServiceContext& context) const {
  if (m_flow.active()) return m_flow.build(context);
  const bool plan = m_screen == Screen::Plan;
  const std::string screen = plan ? "rehab_plan" : "rehab";
  core::Tree tree{screen, Message::of(screen + ".title"), Message::of(screen + ".prompt"), {}};
  if (m_state == State::Loading) {
    Node loading = core::make_node(screen + ".loading", Role::Status, Message::of("rehab.loading"));
    loading.state.busy = true;
    tree.nodes.push_back(std::move(loading));
  } else if (m_state == State::Failed) {
    tree.nodes.push_back(core::make_node(screen + ".failed", Role::Text, m_failure));
    tree.nodes.push_back(button(screen + ".retry", Message::of("rehab.retry")));
  } else if (plan) {
    build_plan(tree, context);
  } else {
    build_services(tree, context);
  }
  if (m_state == State::Shown && !context.headset && !context.speaker_consent)
    tree.nodes.push_back(button(screen + ".speaker", Message::of("rehab.speaker")));
  tree.nodes.push_back(plan ? button("rehab_plan.back", Message::of("rehab_plan.back")) : button("rehab.home", Message::of("rehab.home")));
  return tree;
}

// Each service: its name, eligible or not with the gateway's reasons in plain words (and
// what would change it), and a way to book a session where the kiosk books them.
void RehabService::build_services(core::Tree& tree, const core::ServiceContext& context) const {
  const std::string& lang = context.settings.language;
  Message as_of = Message::of("rehab.data_as_of").arg("date", booking::day_words(m_answer.string_at("data_as_of"), lang));
  tree.nodes.push_back(core::make_node("rehab.data_as_of", Role::Text, std::move(as_of)));
  if (m_answer["plan"].is_object() || !m_bookings.empty()) tree.nodes.push_back(button("rehab.plan", Message::of("rehab.plan")));
  const auto& services = m_answer["services"].as_array();
  if (services.empty()) tree.nodes.push_back(core::make_node("rehab.none", Role::Text, Message::of("rehab.none").arg("window", lang == "en" ? m_window.en : m_window.zh)));
  for (const core::Value& entry : services) {
    const std::string code = entry.string_at("service_code");
    if (code.empty()) continue;
    const std::string prefix = "rehab." + code;
    tree.nodes.push_back(private_node(prefix, Role::Heading, service_name(code, context)));
    const bool eligible = entry["eligible"].as_bool();
    const std::string state = !eligible ? "rehab.not_eligible" : bookable(code) ? "rehab.eligible" : "rehab.eligible_elsewhere";
    tree.nodes.push_back(private_node(prefix + ".state", Role::Text, Message::of(state)));
    for (const core::Value& reason : entry["reasons"].as_array()) {
      const std::string id = "rehab.reason." + reason.as_string();
      Message why = context.catalog.has(lang, id) ? Message::of(id) : Message::of("rehab.reason.other");
      why.arg("window", lang == "en" ? m_window.en : m_window.zh);
      tree.nodes.push_back(private_node(prefix + ".reason." + reason.as_string(), Role::Text, std::move(why)));
    }
    if (eligible && bookable(code))
      tree.nodes.push_back(button("rehab.book." + code, Message::of("rehab.book").arg("service", context.catalog.text(service_name(code, context), lang))));
  }
}

// 一人一案: institution, service, visits used and left, the next appointment, then each
// booked appointment with move and cancel.
void RehabService::build_plan(core::Tree& tree, const core::ServiceContext& context) const {
  const std::string& lang = context.settings.language;
  const core::Value& plan = m_answer["plan"];
  const std::string code = plan.string_at("service_code");
  if (plan.is_object() && !code.empty()) {
    const std::string service = context.catalog.text(service_name(code, context), lang);
    tree.nodes.push_back(private_node("rehab_plan.institution", Role::Text, Message::of("rehab_plan.institution").arg("org", plan.string_at("institution"))));
    tree.nodes.push_back(private_node("rehab_plan.service", Role::Text, Message::of("rehab_plan.service").arg("service", service)));
    const auto total = plan["visits_total"].as_int(), used = plan["visits_used"].as_int();
    if (total > 0 && used >= 0 && used <= total)
      tree.nodes.push_back(private_node("rehab_plan.visits", Role::Text,
                                    Message::of("rehab_plan.visits").arg("used", std::to_string(used)).arg("left", std::to_string(total - used))));
  } else {
    tree.nodes.push_back(core::make_node("rehab_plan.institution", Role::Text, Message::of("rehab_plan.no_plan")));
  }
  if (m_bookings.empty()) {
    tree.nodes.push_back(private_node("rehab_plan.next", Role::Text, Message::of("rehab_plan.no_next")));
  } else {
    const Booking& next = m_bookings.front();
    tree.nodes.push_back(private_node("rehab_plan.next", Role::Text, Message::of("rehab_plan.next").arg("when", when(next.start, lang)).arg("org", next.org)));
  }
  for (const Booking& b : m_bookings) {
    const std::string service = context.catalog.text(service_name(b.service_code, context), lang);
    tree.nodes.push_back(private_node("rehab_plan.appointment." + b.appointment_id, Role::Heading,
                                  Message::of("rehab_plan.appointment").arg("service", service).arg("when", when(b.start, lang)).arg("org", b.org)));
    const std::string day = booking::day_words(b.start, lang);
    if (bookable(b.service_code))
      tree.nodes.push_back(button("rehab_plan.move." + b.appointment_id, Message::of("rehab_plan.move").arg("day", day)));
    tree.nodes.push_back(button("rehab_plan.cancel." + b.appointment_id, Message::of("rehab_plan.cancel").arg("day", day)));
  }
  if (bookable(code))
    tree.nodes.push_back(button("rehab_plan.book", Message::of("rehab.book").arg("service", context.catalog.text(service_name(code, context), lang))));
}

}  // namespace kiosk::services::rehab
