// SPDX-License-Identifier: GPL-3.0-or-later
// The slot flow's screens (stable ids: docs/design.md "The slot flow"). The lists of
// institutions, days and times are public (free times anyone may see); what the resident
// booked is personal.
#include <string>

#include "kiosk/services/booking/slot_flow.h"

namespace kiosk::services::booking {

using core::Message;
using core::Node;
using core::Privacy;
using core::Role;

namespace {

Node personal(std::string id, Message name) { return core::make_node(std::move(id), Role::Text, std::move(name), {}, Privacy::Personal); }

Node button(std::string id, std::string message_id) { return core::make_node(std::move(id), Role::Button, Message::of(std::move(message_id))); }

std::string needs_words(const Needs& needs, const core::ServiceContext& context) {
  const std::string& lang = context.settings.language;
  std::string out;
  for (const auto& [on, id] : {std::pair{needs.sign_language, "booking.need.sign_language"}, std::pair{needs.wheelchair, "booking.need.wheelchair"},
                               std::pair{needs.companion, "booking.need.companion"}})
    if (on) out += (out.empty() ? "" : lang == "en" ? ", " : "、") + context.catalog.text(id, lang);
  return out.empty() ? context.catalog.text("booking.need.none", lang) : out;
}

Message when(const std::string& start, const std::string& end, const std::string& lang) {
  return Message::of("booking.when").arg("day", day_words(start, lang)).arg("time", time_words(start)).arg("end", time_words(end));
}

}  // namespace

core::Tree SlotFlow::build(const core::ServiceContext& context) const {
  const std::string service = context.catalog.text(m_request.service_name, context.settings.language);
  core::Tree tree;
  tree.steps = 6;
  switch (m_step) {
    case Step::Off:
    case Step::Needs:
      tree = {"booking_needs", Message::of("booking_needs.title").arg("service", service), Message::of("booking_needs.prompt"), {}};
      tree.step = 1;
      build_needs(tree);
      break;
    case Step::Places:
    case Step::Days:
    case Step::Times: build_list(tree, context); break;
    case Step::Hold:
      // The minutes left are in the title too, so every page at a large zoom shows them.
      tree = {"booking_hold", Message::of("booking_hold.title").arg("minutes", std::to_string(m_clock.minutes_left(context.now))),
              Message::of("booking_hold.prompt"), {}};
      tree.step = 5;
      build_hold(tree, context);
      break;
    case Step::Done:
      tree = {"booking_done", Message::of("booking_done.title"), Message::of("booking_done.prompt"), {}};
      tree.step = 6;
      build_done(tree, context);
      break;
    case Step::Cancel:
    case Step::Cancelled: build_cancel(tree, context); break;
  }
  tree.steps = m_step == Step::Cancel || m_step == Step::Cancelled ? 0 : 6;
  return tree;
}

void SlotFlow::build_needs(core::Tree& tree) const {
  const Needs& n = m_request.needs;
  for (const auto& [on, item] : {std::pair{n.sign_language, "sign_language"}, std::pair{n.wheelchair, "wheelchair"},
                                 std::pair{n.companion, "companion"}}) {
    Node box = core::make_node(std::string("booking_needs.") + item, Role::Checkbox, Message::of(std::string("booking.need.") + item));
    box.state.selected = on;
    tree.nodes.push_back(std::move(box));
  }
  tree.nodes.push_back(core::make_node("booking_needs.contact", Role::Heading, Message::of("booking_needs.contact")));
  for (const char* channel : {"sms", "voice", "none"}) {
    Node item = core::make_node(std::string("booking_needs.contact_") + channel, Role::ListItem,
                                Message::of(std::string("booking.contact.") + channel));
    item.state.selected = m_request.contact_channel == channel;
    tree.nodes.push_back(std::move(item));
  }
  tree.nodes.push_back(button("booking_needs.search", "booking_needs.search"));
}

// booking_place, booking_day, booking_time.
void SlotFlow::build_list(core::Tree& tree, const core::ServiceContext& context) const {
  const std::string& lang = context.settings.language;
  const std::string service = context.catalog.text(m_request.service_name, lang);
  const bool failed = m_search == Search::Failed;
  const std::string screen = failed || m_step == Step::Places ? "booking_place" : m_step == Step::Days ? "booking_day" : "booking_time";
  tree = {screen, Message::of(screen + ".title").arg("service", service), Message::of(screen + ".prompt"), {}};
  tree.step = failed || m_step == Step::Places ? 2 : m_step == Step::Days ? 3 : 4;
  if (m_search == Search::Loading) {
    Node loading = core::make_node(screen + ".loading", Role::Status, Message::of("booking.searching"));
    loading.state.busy = true;
    tree.nodes.push_back(std::move(loading));
  } else if (failed) {
    tree.nodes.push_back(core::make_node("booking_place.failed", Role::Text, m_failure));
    tree.nodes.push_back(button("booking_place.retry", "booking_place.retry"));
  } else if (m_step == Step::Places) {
    if (m_slots.empty()) tree.nodes.push_back(core::make_node("booking_place.none", Role::Text, Message::of("booking.none")));
    for (const std::string& org : orgs()) {
      const Slot* first = nullptr;
      for (const Slot& s : m_slots)
        if (s.org_id == org && !first) first = &s;
      Message name = Message::of("booking.place_item").arg("org", first->org).arg("day", day_words(first->start, lang)).arg("time", time_words(first->start));
      tree.nodes.push_back(core::make_node("booking_place." + org, Role::Button, std::move(name)));
    }
  } else if (m_step == Step::Days) {
    for (const std::string& day : days()) {
      int count = 0;
      for (const Slot& s : m_slots) count += s.org_id == m_org && s.start.substr(0, 10) == day ? 1 : 0;
      Message name = Message::of("booking.day_item").arg("day", day_words(day + "T00:00:00", lang)).arg("count", std::to_string(count));
      tree.nodes.push_back(core::make_node("booking_day." + day, Role::Button, std::move(name)));
    }
  } else {
    if (!m_after.empty()) tree.nodes.push_back(core::make_node("booking_time.next", Role::Text, Message::of("booking.next_times")));
    for (const Slot* s : times()) {
      Message name = m_after.empty() ? Message::of("booking.time_item").arg("time", time_words(s->start)).arg("end", time_words(s->end))
                                     : Message::of("booking.next_item").arg("day", day_words(s->start, lang)).arg("time", time_words(s->start))
                                           .arg("end", time_words(s->end)).arg("org", s->org);
      tree.nodes.push_back(core::make_node("booking_time." + s->slot_id, Role::Button, std::move(name)));
    }
  }
  if (screen == "booking_place") {
    if (m_request.ask_needs) tree.nodes.push_back(button("booking_place.needs", "booking_place.needs"));
    tree.nodes.push_back(button("booking_place.leave", "booking.leave"));
  }
}

void SlotFlow::build_hold(core::Tree& tree, const core::ServiceContext& context) const {
  const std::string& lang = context.settings.language;
  const std::string service = context.catalog.text(m_request.service_name, lang);
  Node countdown = core::make_node("booking_hold.countdown", Role::Status,
                                   Message::of("booking.hold_left").arg("minutes", std::to_string(m_clock.minutes_left(context.now))));
  tree.nodes.push_back(std::move(countdown));
  Message summary = Message::of("booking.summary").arg("service", service).arg("org", m_chosen.org);
  summary.arg("day", day_words(m_chosen.start, lang)).arg("time", time_words(m_chosen.start)).arg("end", time_words(m_chosen.end));
  tree.nodes.push_back(personal("booking_hold.summary", std::move(summary)));
  tree.nodes.push_back(personal("booking_hold.needs", Message::of("booking.needs_summary").arg("needs", needs_words(m_request.needs, context))));
  tree.nodes.push_back(personal("booking_hold.contact", Message::of("booking.contact_summary")
                                                            .arg("channel", context.catalog.text("booking.contact." + m_request.contact_channel, lang))));
  if (!m_request.reschedule_of.empty())
    tree.nodes.push_back(personal("booking_hold.moving", Message::of("booking.moving").arg("old", day_words(m_request.old.start, lang) + " " + time_words(m_request.old.start))));
  tree.nodes.push_back(button("booking_hold.confirm", "booking_hold.confirm"));
  tree.nodes.push_back(button("booking_hold.other", "booking_hold.other"));
  if (!context.headset && !context.speaker_consent) tree.nodes.push_back(button("booking_hold.speaker", "booking.speaker"));
}

void SlotFlow::build_done(core::Tree& tree, const core::ServiceContext& context) const {
  const std::string& lang = context.settings.language;
  tree.nodes.push_back(core::make_node("booking_done.reference", Role::Text, Message::of("booking.reference").arg("id", m_booked.appointment_id)));
  tree.nodes.push_back(personal("booking_done.when", when(m_booked.start, m_booked.end, lang)));
  Message where = Message::of("booking.where").arg("org", m_booked.org).arg("address", m_booked.address);
  tree.nodes.push_back(personal("booking_done.where", std::move(where)));
  if (!m_booked.instructions.empty())
    tree.nodes.push_back(personal("booking_done.bring", Message::of("booking.bring").arg("text", m_booked.instructions)));
  tree.nodes.push_back(personal("booking_done.route", m_booked.step_free_route.empty() ? Message::of("booking.route_ask")
                                                                                        : Message::of("booking.route").arg("text", m_booked.step_free_route)));
  tree.nodes.push_back(personal("booking_done.contact", Message::of("booking.contact_done." + m_request.contact_channel)));
  if (!m_request.reschedule_of.empty())
    tree.nodes.push_back(personal("booking_done.old", Message::of(m_booked.moved ? "booking.old_cancelled" : "booking.old_kept")));
  if (!context.headset && !context.speaker_consent) tree.nodes.push_back(button("booking_done.speaker", "booking.speaker"));
  tree.nodes.push_back(button("booking_done.finish", "booking_done.finish"));
}

void SlotFlow::build_cancel(core::Tree& tree, const core::ServiceContext& context) const {
  const std::string& lang = context.settings.language;
  if (m_step == Step::Cancelled) {
    tree = {"booking_cancelled", Message::of("booking_cancelled.title"), Message::of("booking_cancelled.prompt"), {}};
    tree.nodes.push_back(personal("booking_cancelled.done", Message::of("booking.cancelled_what")
                                                                .arg("org", m_cancel.org).arg("when", day_words(m_cancel.start, lang) + " " + time_words(m_cancel.start))));
    tree.nodes.push_back(button("booking_cancelled.finish", "booking_cancelled.finish"));
    return;
  }
  tree = {"booking_cancel", Message::of("booking_cancel.title"), Message::of("booking_cancel.prompt"), {}};
  tree.nodes.push_back(personal("booking_cancel.summary", Message::of("booking.cancel_summary")
                                                              .arg("org", m_cancel.org).arg("when", day_words(m_cancel.start, lang) + " " + time_words(m_cancel.start))));
  tree.nodes.push_back(core::make_node("booking_cancel.reasons", Role::Heading, Message::of("booking_cancel.reasons")));
  for (const std::string& reason : cancel_reasons())
    tree.nodes.push_back(button("booking_cancel.reason." + reason, "booking.reason." + reason));
  tree.nodes.push_back(button("booking_cancel.keep", "booking_cancel.keep"));
}

}  // namespace kiosk::services::booking
