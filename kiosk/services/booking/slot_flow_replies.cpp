// SPDX-License-Identifier: GPL-3.0-or-later
// The slot flow's answers: each is checked before it is used (an answer without what the
// flow needs is a bad answer, told as one, never guessed at).
#include <algorithm>
#include <utility>

#include "kiosk/services/booking/slot_flow.h"

namespace kiosk::services::booking {

using core::Message;
using core::ServiceOutcome;
using Kind = core::ServiceOutcome::Kind;

namespace {

constexpr std::int64_t kDefaultHoldMs = 10 * 60 * 1000;
constexpr std::int64_t kLongestHoldMs = 30 * 60 * 1000;

ServiceOutcome with_alert(ServiceOutcome outcome, core::Alert alert) {
  outcome.alert = std::move(alert);
  return outcome;
}

core::Alert bad_answer() { return core::Alert{"bad_response", Message::of("booking.bad_answer"), core::Privacy::Public}; }

// How long the gateway holds: expires_at against its own data_as_of (both on its clock),
// so the countdown runs on the Kiosk's clock whatever the two clocks say.
std::int64_t hold_ms(const core::Reply& reply) {
  const std::int64_t ms = ms_between(reply.data_as_of.empty() ? reply.data.string_at("data_as_of") : reply.data_as_of,
                                     reply.data.string_at("expires_at"));
  return ms > 0 && ms <= kLongestHoldMs ? ms : kDefaultHoldMs;
}

}  // namespace

ServiceOutcome SlotFlow::on_reply(const core::Reply& reply, const core::ServiceContext& context) {
  const Waiting was = std::exchange(m_waiting, Waiting::None);
  switch (was) {
    case Waiting::None: return {};
    case Waiting::Search: return on_search(reply);
    case Waiting::Hold: return on_hold(reply, context);
    case Waiting::Extend: return on_extend(reply, context);
    case Waiting::Book: return on_book(reply, context);
    case Waiting::CancelOld: return on_cancel(reply, true);
    case Waiting::Cancel: return on_cancel(reply, false);
  }
  return {};
}

ServiceOutcome SlotFlow::on_search(const core::Reply& reply) {
  if (!reply.ok || !reply.data["slots"].is_array()) {
    m_search = Search::Failed;
    const core::Alert alert = reply.ok ? bad_answer() : core::failure_alert(reply.error);
    m_failure = alert.text;
    if (m_step == Step::Times) m_step = Step::Places;   // the failure is told on booking_place
    return with_alert(ServiceOutcome::of(Kind::NewScreen, "booking_place.retry"), alert);
  }
  m_slots.clear();
  for (const core::Value& item : reply.data["slots"].as_array()) {
    Slot s{item.string_at("slot_id"), item.string_at("org_id"), item.string_at("org"), item.string_at("start"),
           item.string_at("end")};
    // Only free slots with what a screen needs; anything else is not offered.
    if (item.string_at("status") != "free" || s.slot_id.empty() || s.org.empty() || day_words(s.start, "zh-CN").empty())
      continue;
    if (s.org_id.empty()) s.org_id = s.org;
    m_slots.push_back(std::move(s));
  }
  std::stable_sort(m_slots.begin(), m_slots.end(), [](const Slot& a, const Slot& b) { return a.start < b.start; });
  m_search = Search::Shown;
  if (m_step == Step::Times && times().empty()) {   // nothing left after the lost one
    m_after.clear();
    m_step = Step::Places;
  }
  return ServiceOutcome::of(Kind::NewScreen);
}

ServiceOutcome SlotFlow::on_hold(const core::Reply& reply, const core::ServiceContext& context) {
  if (!reply.ok) {
    if (reply.error.problem_code == "slot_taken") return lost_slot(core::failure_alert(reply.error), context, true);
    return with_alert(ServiceOutcome::of(Kind::Rebuild), core::failure_alert(reply.error));
  }
  const std::string hold_id = reply.data.string_at("hold_id");
  if (hold_id.empty()) return with_alert(ServiceOutcome::of(Kind::Rebuild), bad_answer());
  m_hold_id = hold_id;
  m_extend_asked = false;
  m_clock.start(context.now, hold_ms(reply));
  m_step = Step::Hold;
  ServiceOutcome outcome = ServiceOutcome::of(Kind::NewScreen, "booking_hold.countdown");
  return outcome;
}

ServiceOutcome SlotFlow::on_extend(const core::Reply& reply, const core::ServiceContext& context) {
  ServiceOutcome outcome = ServiceOutcome::of(Kind::Rebuild);
  if (reply.ok && !reply.data.string_at("expires_at").empty()) {
    m_clock.start(context.now, hold_ms(reply));
    outcome.alert = core::Alert{"booking_hold_extended",
                                Message::of("booking.hold_extended").arg("minutes", std::to_string(m_clock.minutes_left(context.now))),
                                core::Privacy::Public};
  } else if (!reply.ok && reply.error.problem_code == "hold_expired") {
    return lost_slot(core::failure_alert(reply.error), context, true);
  }
  // A refused extension changes nothing for the resident: the countdown goes on.
  if (!m_deferred.empty()) {
    const std::string node = std::exchange(m_deferred, {});
    // What the resident chose is what they hear about (not the extension as well).
    ServiceOutcome then = activate(node, context);
    if (then.kind == Kind::Stay) then.kind = Kind::Rebuild;
    return then;
  }
  return outcome;
}

ServiceOutcome SlotFlow::on_book(const core::Reply& reply, const core::ServiceContext& context) {
  if (!reply.ok) {
    if (reply.error.problem_code == "hold_expired" || reply.error.problem_code == "slot_taken")
      return lost_slot(core::failure_alert(reply.error), context, true);
    return with_alert(ServiceOutcome::of(Kind::Rebuild, "booking_hold.confirm"), core::failure_alert(reply.error));
  }
  const std::string id = reply.data.string_at("appointment_id");
  if (id.empty()) return with_alert(ServiceOutcome::of(Kind::Rebuild, "booking_hold.confirm"), bad_answer());
  m_clock.stop();
  m_booked = Booked{id,
                    reply.data.string_at("status").empty() ? "booked" : reply.data.string_at("status"),
                    m_chosen.org,
                    m_chosen.start,
                    m_chosen.end,
                    reply.data.string_at("instructions_text"),
                    reply.data.string_at("address"),
                    reply.data.string_at("step_free_route"),
                    false};
  m_hold_id.clear();
  m_step = Step::Done;
  // A reschedule: the new time is safe, now the old one goes.
  if (!m_request.reschedule_of.empty()) return cancel(m_request.reschedule_of, "rescheduled");
  ServiceOutcome outcome = ServiceOutcome::of(Kind::NewScreen, "booking_done.reference");
  outcome.alert = core::Alert{"booking_booked", Message::of("booking.booked"), core::Privacy::Public};
  return outcome;
}

ServiceOutcome SlotFlow::on_cancel(const core::Reply& reply, bool old) {
  if (old) {
    // The new time is booked whatever happens here; a failed cancel of the old one is said
    // on the receipt with the way forward.
    m_booked.moved = reply.ok;
    ServiceOutcome outcome = ServiceOutcome::of(Kind::NewScreen, "booking_done.reference");
    outcome.alert = reply.ok ? core::Alert{"booking_moved", Message::of("booking.moved"), core::Privacy::Public}
                             : core::failure_alert(reply.error);
    return outcome;
  }
  if (!reply.ok) return with_alert(ServiceOutcome::of(Kind::Rebuild), core::failure_alert(reply.error));
  m_step = Step::Cancelled;
  ServiceOutcome outcome = ServiceOutcome::of(Kind::NewScreen, "booking_cancelled.done");
  outcome.alert = core::Alert{"booking_cancelled", Message::of("booking.cancelled"), core::Privacy::Public};
  return outcome;
}

}  // namespace kiosk::services::booking
