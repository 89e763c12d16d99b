// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/services/rehab/rehab.h"

#include <algorithm>
#include <utility>

namespace kiosk::services::rehab {

using core::Message;
using core::ServiceOutcome;
using Kind = core::ServiceOutcome::Kind;

namespace {

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

}  // namespace

bool bookable(const std::string& service_code) {
  return starts_with(service_code, "precision_rehab_") || starts_with(service_code, "child_rehab_");
}

void RehabService::reset() {
  m_screen = Screen::Services;
  m_state = State::Loading;
  m_answer = {};
  m_bookings.clear();
  m_failure = {};
  m_flow.reset();
  m_ref.clear();
}

ServiceOutcome RehabService::on_open(const core::ServiceContext& context) {
  m_ref = context.visit.resident_ref();
  return query({});
}

// GET /v1/rehab/services?subject_ref=: the services, the plan and the booked appointments.
ServiceOutcome RehabService::query(ServiceOutcome outcome) {
  core::RequestSpec spec = core::RequestSpec::live("rehab_services");
  spec.query.emplace_back("subject_ref", m_ref);   // opaque, never an ID number
  m_state = State::Loading;
  outcome.request = std::move(spec);
  return outcome;
}

ServiceOutcome RehabService::on_reply(const core::Reply& reply, const core::ServiceContext& context) {
  if (m_flow.active()) return from_flow(m_flow.on_reply(reply, context));
  const std::string focus = m_screen == Screen::Plan ? "rehab_plan.retry" : "rehab.retry";
  if (!reply.ok || !reply.data["services"].is_array()) {
    m_state = State::Failed;
    const core::Alert alert = reply.ok ? core::Alert{"bad_response", Message::of("rehab.bad_answer"), core::Privacy::Public}
                                       : core::failure_alert(reply.error);
    m_failure = alert.text;
    ServiceOutcome outcome = ServiceOutcome::of(Kind::Rebuild, focus);
    outcome.alert = alert;
    return outcome;
  }
  m_state = State::Shown;
  m_answer = reply.data;
  m_bookings.clear();
  for (const core::Value& a : reply.data["appointments"].as_array()) {
    Booking b{a.string_at("appointment_id"), a.string_at("service_code"), a.string_at("org"), a.string_at("start"),
              a.string_at("end")};
    // Only what can be shown and acted on: an id and a real time.
    if (b.appointment_id.empty() || booking::day_words(b.start, "zh-CN").empty()) continue;
    if (a.string_at("status") == "cancelled") continue;
    m_bookings.push_back(std::move(b));
  }
  std::stable_sort(m_bookings.begin(), m_bookings.end(), [](const Booking& x, const Booking& y) { return x.start < y.start; });
  return ServiceOutcome::of(Kind::Rebuild, m_screen == Screen::Plan ? "rehab_plan.institution" : "rehab.data_as_of");
}

ServiceOutcome RehabService::activate(const std::string& node_id, const core::ServiceContext& context) {
  if (m_flow.active()) return from_flow(m_flow.activate(node_id, context));
  if (node_id == "rehab.home") return ServiceOutcome::of(Kind::Leave);
  if (node_id == "rehab.retry" || node_id == "rehab_plan.retry") return query(ServiceOutcome::of(Kind::Rebuild));
  if (node_id == "rehab.speaker" || node_id == "rehab_plan.speaker") {
    ServiceOutcome outcome = ServiceOutcome::of(Kind::Rebuild);
    outcome.speaker_consent = true;
    return outcome;
  }
  if (node_id == "rehab.plan") {
    m_screen = Screen::Plan;
    return ServiceOutcome::of(Kind::NewScreen, "rehab_plan.institution");
  }
  if (node_id == "rehab_plan.back") return back();
  if (node_id == "rehab_plan.book") return book(m_answer["plan"].string_at("service_code"), nullptr, context);
  if (starts_with(node_id, "rehab.book.")) return book(node_id.substr(11), nullptr, context);
  if (starts_with(node_id, "rehab_plan.move.")) {
    const Booking* moving = booking(node_id.substr(16));
    return moving ? book(moving->service_code, moving, context) : ServiceOutcome{};
  }
  if (starts_with(node_id, "rehab_plan.cancel.")) {
    const Booking* b = booking(node_id.substr(18));
    if (!b) return {};
    return from_flow(m_flow.begin_cancel(booking::Appointment{b->appointment_id, b->org, b->start, b->end}, context));
  }
  return {};
}

// A session through the slot flow, with the plan's needs preset when it is the plan's
// service; `moving` set: a reschedule of that appointment.
ServiceOutcome RehabService::book(const std::string& service_code, const Booking* moving, const core::ServiceContext& context) {
  if (!bookable(service_code)) return {};
  booking::BookingRequest want;
  want.service_code = service_code;
  want.service_name = service_name(service_code, context);
  const core::Value& plan = m_answer["plan"];
  if (plan.string_at("service_code") == service_code) want.needs = booking::needs_of(plan["needs"].strings());
  if (moving) {
    want.reschedule_of = moving->appointment_id;
    want.old = booking::Appointment{moving->appointment_id, moving->org, moving->start, moving->end};
  }
  return from_flow(m_flow.begin(want, context));
}

// The flow hands back with Leave: this service's screen again, with the plan asked anew
// (a booking or a cancellation changed it).
ServiceOutcome RehabService::from_flow(ServiceOutcome outcome) {
  if (outcome.kind != Kind::Leave || m_flow.active()) return outcome;
  const booking::FlowResult result = m_flow.result();
  if (result == booking::FlowResult::Booked || result == booking::FlowResult::Cancelled) m_screen = Screen::Plan;
  outcome.kind = Kind::NewScreen;
  outcome.focus = m_screen == Screen::Plan ? "rehab_plan.loading" : "rehab.loading";
  return query(std::move(outcome));
}

ServiceOutcome RehabService::on_input(const core::ServiceContext& context) {
  return m_flow.active() ? m_flow.on_input(context) : ServiceOutcome{};
}

ServiceOutcome RehabService::tick(const core::ServiceContext& context) {
  return m_flow.active() ? from_flow(m_flow.tick(context)) : ServiceOutcome{};
}

ServiceOutcome RehabService::back() {
  if (m_flow.active()) {
    ServiceOutcome outcome = m_flow.back();
    // Left without a change: the screen it came from, as it was.
    if (outcome.kind == Kind::Leave && !m_flow.active() && m_flow.result() == booking::FlowResult::Left)
      return ServiceOutcome::of(Kind::NewScreen);
    return from_flow(std::move(outcome));
  }
  if (m_screen == Screen::Plan) {
    m_screen = Screen::Services;
    return ServiceOutcome::of(Kind::NewScreen, "rehab.plan");
  }
  return ServiceOutcome::of(Kind::Leave);
}

const RehabService::Booking* RehabService::booking(const std::string& appointment_id) const {
  for (const Booking& b : m_bookings)
    if (b.appointment_id == appointment_id) return &b;
  return nullptr;
}

core::Message RehabService::service_name(const std::string& service_code, const core::ServiceContext& context) const {
  const std::string id = "rehab.service." + service_code;
  if (context.catalog.has(context.settings.language, id)) return Message::of(id);
  return Message::of("rehab.service.other");
}

}  // namespace kiosk::services::rehab
