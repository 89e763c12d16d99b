// SPDX-License-Identifier: GPL-3.0-or-later
// The slot flow's steps: what the resident chooses, the requests that follow, the hold's
// countdown and Back. The answers are in slot_flow_replies.cpp, the screens in
// slot_flow_screens.cpp.
#include <algorithm>
#include <utility>

#include "kiosk/services/booking/slot_flow.h"

namespace kiosk::services::booking {

using core::Message;
using core::ServiceOutcome;
using Kind = core::ServiceOutcome::Kind;

namespace {

ServiceOutcome screen(std::string focus = {}) { return ServiceOutcome::of(Kind::NewScreen, std::move(focus)); }

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

}  // namespace

const std::vector<std::string>& cancel_reasons() {
  static const std::vector<std::string> reasons{"time_conflict", "unwell", "transport", "not_needed", "other"};
  return reasons;
}

Needs needs_of(const std::vector<std::string>& codes) {
  Needs needs;
  for (const std::string& code : codes) {
    needs.sign_language = needs.sign_language || code == "sign_language";
    needs.wheelchair = needs.wheelchair || code == "wheelchair";
    needs.companion = needs.companion || code == "companion";
  }
  return needs;
}

// The resident's access needs on file come ticked: a wheelchair user is not asked again
// what the federation already knows (they can untick it for this visit).
ServiceOutcome SlotFlow::begin(const BookingRequest& request, const core::ServiceContext& context) {
  reset();
  m_request = request;
  m_request.needs = request.needs | needs_of(context.visit.access_needs);
  m_result = FlowResult::None;
  if (m_request.ask_needs) {
    m_step = Step::Needs;
    return screen("booking_needs.sign_language");
  }
  m_step = Step::Places;
  return search(screen("booking_place.loading"), context);
}

ServiceOutcome SlotFlow::begin_cancel(const Appointment& appointment, const core::ServiceContext& context) {
  (void)context;
  reset();
  m_cancel = appointment;
  m_step = Step::Cancel;
  return screen("booking_cancel.summary");
}

void SlotFlow::reset() {
  m_step = Step::Off;
  m_waiting = Waiting::None;
  m_request = {};
  m_search = Search::Loading;
  m_failure = {};
  m_slots.clear();
  m_org.clear();
  m_day.clear();
  m_after.clear();
  m_chosen = {};
  m_hold_id.clear();
  m_clock.stop();
  m_extend_asked = false;
  m_deferred.clear();
  m_booked = {};
  m_cancel = {};
  // m_result stays until the next begin(): the host reads it after the flow has left.
}

ServiceOutcome SlotFlow::leave(FlowResult result) {
  const Booked booked = m_booked;
  const Appointment cancelled = m_cancel;
  reset();
  m_booked = booked;
  m_cancel = cancelled;
  m_result = result;
  return ServiceOutcome::of(Kind::Leave);
}

// GET /v1/rehab/slots with the resident's needs.
ServiceOutcome SlotFlow::search(ServiceOutcome outcome, const core::ServiceContext& context) {
  core::RequestSpec spec = core::RequestSpec::live("rehab_slots");
  spec.query.emplace_back("service_code", m_request.service_code);
  if (!m_request.region.empty()) spec.query.emplace_back("region", m_request.region);
  // No from/to: the gateway answers its own window of bookable days (two weeks), on its
  // clock; the kiosk's date need not agree with the demo data's.
  (void)context;
  std::string needs;
  const Needs& n = m_request.needs;
  for (const auto& [on, code] : {std::pair{n.sign_language, "sign_language"}, std::pair{n.wheelchair, "wheelchair"},
                                 std::pair{n.companion, "companion"}})
    if (on) needs += (needs.empty() ? "" : ",") + std::string(code);
  if (!needs.empty()) spec.query.emplace_back("needs", needs);
  m_search = Search::Loading;
  m_waiting = Waiting::Search;
  outcome.request = std::move(spec);
  return outcome;
}

ServiceOutcome SlotFlow::hold(const std::string& slot_id, const core::ServiceContext& context) {
  const Slot* chosen = slot(slot_id);
  if (!chosen) return {};
  m_chosen = *chosen;
  core::RequestSpec spec = core::RequestSpec::live("rehab_hold");
  spec.body.set("slot_id", m_chosen.slot_id);
  spec.body.set("subject_ref", context.visit.resident_ref());
  m_waiting = Waiting::Hold;
  return ServiceOutcome::asking(std::move(spec));
}

ServiceOutcome SlotFlow::book(const core::ServiceContext& context) {
  core::RequestSpec spec = core::RequestSpec::live("rehab_appointment");
  spec.body.set("hold_id", m_hold_id);
  spec.body.set("subject_ref", context.visit.resident_ref());
  core::Value needs{core::Value::Object{}};
  needs.set("sign_language", m_request.needs.sign_language);
  needs.set("wheelchair", m_request.needs.wheelchair);
  needs.set("companion", m_request.needs.companion);
  spec.body.set("needs", std::move(needs));
  spec.body.set("contact_channel", m_request.contact_channel);
  m_waiting = Waiting::Book;
  return ServiceOutcome::asking(std::move(spec));
}

ServiceOutcome SlotFlow::cancel(const std::string& appointment_id, const std::string& reason) {
  core::RequestSpec spec = core::RequestSpec::live("rehab_cancel");
  spec.path["id"] = appointment_id;
  spec.body.set("reason_code", reason);
  m_waiting = reason == "rescheduled" ? Waiting::CancelOld : Waiting::Cancel;
  return ServiceOutcome::asking(std::move(spec));
}

ServiceOutcome SlotFlow::activate(const std::string& node_id, const core::ServiceContext& context) {
  if (!context.awaiting_reply) m_waiting = Waiting::None;   // a wait cancelled with Back: no answer comes
  if (m_waiting == Waiting::Extend) {
    m_deferred = node_id;   // done when the extension has been answered
    return {};
  }
  if (m_waiting != Waiting::None) return {};   // the Kiosk is telling the resident to wait
  if (m_step == Step::Needs) {
    Needs& n = m_request.needs;
    if (node_id == "booking_needs.sign_language") n.sign_language = !n.sign_language;
    else if (node_id == "booking_needs.wheelchair") n.wheelchair = !n.wheelchair;
    else if (node_id == "booking_needs.companion") n.companion = !n.companion;
    else if (starts_with(node_id, "booking_needs.contact_")) m_request.contact_channel = node_id.substr(22);
    else if (node_id == "booking_needs.search") {
      m_step = Step::Places;
      return search(screen("booking_place.loading"), context);
    } else return {};
    return ServiceOutcome::of(Kind::Rebuild, node_id);
  }
  if (m_step == Step::Hold) {
    if (node_id == "booking_hold.confirm") return book(context);
    if (node_id == "booking_hold.other") return back();
    if (node_id == "booking_hold.speaker") {
      ServiceOutcome outcome = ServiceOutcome::of(Kind::Rebuild, "booking_hold.summary");
      outcome.speaker_consent = true;
      return outcome;
    }
    return {};
  }
  if (m_step == Step::Done) {
    if (node_id == "booking_done.speaker") {
      ServiceOutcome outcome = ServiceOutcome::of(Kind::Rebuild, "booking_done.reference");
      outcome.speaker_consent = true;
      return outcome;
    }
    if (node_id == "booking_done.finish") return leave(FlowResult::Booked);
    return {};
  }
  if (m_step == Step::Cancel) {
    if (node_id == "booking_cancel.keep") return leave(FlowResult::Left);
    const std::string prefix = "booking_cancel.reason.";
    if (starts_with(node_id, prefix)) return cancel(m_cancel.appointment_id, node_id.substr(prefix.size()));
    return {};
  }
  if (m_step == Step::Cancelled) return node_id == "booking_cancelled.finish" ? leave(FlowResult::Cancelled) : ServiceOutcome{};
  return activate_list(node_id, context);
}

// booking_place, booking_day, booking_time: the lists, a failed search's retry, the way out.
ServiceOutcome SlotFlow::activate_list(const std::string& node_id, const core::ServiceContext& context) {
  if (node_id == "booking_place.retry") return search(ServiceOutcome::of(Kind::Rebuild, "booking_place.loading"), context);
  if (node_id == "booking_place.needs") {
    m_step = Step::Needs;
    return screen("booking_needs.sign_language");
  }
  if (node_id == "booking_place.leave") return leave(FlowResult::Left);
  if (m_step == Step::Places && starts_with(node_id, "booking_place.")) {
    m_org = node_id.substr(14);
    m_step = Step::Days;
    return screen();
  }
  if (m_step == Step::Days && starts_with(node_id, "booking_day.")) {
    m_day = node_id.substr(12);
    m_after.clear();
    m_step = Step::Times;
    return screen();
  }
  if (m_step == Step::Times && starts_with(node_id, "booking_time.")) return hold(node_id.substr(13), context);
  return {};
}

// Any key during a hold asks the gateway, once, for ten more minutes.
ServiceOutcome SlotFlow::on_input(const core::ServiceContext& context) {
  if (!context.awaiting_reply) m_waiting = Waiting::None;
  if (m_step != Step::Hold || m_extend_asked || m_waiting != Waiting::None || m_hold_id.empty()) return {};
  m_extend_asked = true;
  core::RequestSpec spec = core::RequestSpec::live("rehab_hold_extend");
  spec.path["id"] = m_hold_id;
  m_waiting = Waiting::Extend;
  return ServiceOutcome::asking(std::move(spec));
}

ServiceOutcome SlotFlow::tick(const core::ServiceContext& context) {
  if (m_step != Step::Hold) return {};
  const HoldClock::Step step = m_clock.tick(context.now);
  if (step.expired) {
    core::Alert alert{"booking_hold_expired", Message::of("booking.hold_expired"), core::Privacy::Public};
    return lost_slot(std::move(alert), context, false);
  }
  ServiceOutcome outcome = step.changed ? ServiceOutcome::of(Kind::Rebuild) : ServiceOutcome{};
  if (step.announce > 0)
    outcome.alert = core::Alert{"booking_hold_minutes", Message::of("booking.hold_minutes").arg("minutes", std::to_string(step.announce)),
                                core::Privacy::Public};
  return outcome;
}

// The chosen time is gone (taken meanwhile, or the hold ran out): say so at once and offer
// the next free times from the lost one on. A slot taken is searched for again (others
// may be gone too); a hold that ran out offers the times already known at once, with no
// round trip (it may happen while nobody touches the kiosk, and a taken one is told at
// its hold).
ServiceOutcome SlotFlow::lost_slot(core::Alert alert, const core::ServiceContext& context, bool search_again) {
  m_clock.stop();
  m_hold_id.clear();
  m_extend_asked = false;
  m_deferred.clear();
  m_after = m_chosen.start;
  m_step = Step::Times;
  std::erase_if(m_slots, [&](const Slot& s) { return s.slot_id == m_chosen.slot_id; });
  ServiceOutcome outcome;
  if (search_again) {
    outcome = search(screen("booking_time.loading"), context);
  } else {
    if (times().empty()) {
      m_after.clear();
      m_step = Step::Places;
    }
    outcome = screen();
  }
  outcome.alert = std::move(alert);
  return outcome;
}

ServiceOutcome SlotFlow::back() {
  // The Kiosk calls back() only when no request of the service is out (Back cancels a wait
  // first): nothing is awaited any more.
  m_waiting = Waiting::None;
  m_deferred.clear();
  switch (m_step) {
    case Step::Off: return ServiceOutcome::of(Kind::Leave);
    case Step::Needs: return leave(FlowResult::Left);
    case Step::Places:
      if (!m_request.ask_needs) return leave(FlowResult::Left);
      m_step = Step::Needs;
      return screen("booking_needs.search");
    case Step::Days: m_step = Step::Places; return screen("booking_place." + m_org);
    case Step::Times:
      if (!m_after.empty()) {   // the next free times: back to the places
        m_after.clear();
        m_step = Step::Places;
        return screen();
      }
      m_step = Step::Days;
      return screen("booking_day." + m_day);
    case Step::Hold:
      // The hold is let go (it lapses at the gateway); the resident picks another time.
      m_clock.stop();
      m_hold_id.clear();
      m_extend_asked = false;
      m_step = Step::Times;
      return screen("booking_time." + m_chosen.slot_id);
    case Step::Done: return leave(FlowResult::Booked);
    case Step::Cancel: return leave(FlowResult::Left);
    case Step::Cancelled: return leave(FlowResult::Cancelled);
  }
  return ServiceOutcome::of(Kind::Leave);
}

const SlotFlow::Slot* SlotFlow::slot(const std::string& slot_id) const {
  for (const Slot& s : m_slots)
    if (s.slot_id == slot_id) return &s;
  return nullptr;
}

std::vector<std::string> SlotFlow::orgs() const {
  std::vector<std::string> out;
  for (const Slot& s : m_slots)
    if (std::find(out.begin(), out.end(), s.org_id) == out.end()) out.push_back(s.org_id);
  return out;
}

std::vector<std::string> SlotFlow::days() const {
  std::vector<std::string> out;
  for (const Slot& s : m_slots) {
    const std::string day = s.start.substr(0, 10);
    if (s.org_id == m_org && std::find(out.begin(), out.end(), day) == out.end()) out.push_back(day);
  }
  return out;
}

// The day's free times; after a lost slot, the next six free times from it on (at the same
// institution when it has any, else anywhere).
std::vector<const SlotFlow::Slot*> SlotFlow::times() const {
  constexpr std::size_t kNext = 6;
  std::vector<const Slot*> out;
  if (m_after.empty()) {
    for (const Slot& s : m_slots)
      if (s.org_id == m_org && s.start.substr(0, 10) == m_day) out.push_back(&s);
    return out;
  }
  for (const bool same_org : {true, false}) {
    for (const Slot& s : m_slots)
      if (s.start >= m_after && s.slot_id != m_chosen.slot_id && (!same_org || s.org_id == m_org) && out.size() < kNext) out.push_back(&s);
    if (!out.empty()) break;
  }
  return out;
}

}  // namespace kiosk::services::booking
