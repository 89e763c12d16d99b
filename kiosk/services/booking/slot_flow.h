// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The slot flow (docs/domain.md section 6; docs/design.md "The slot flow"): find → hold →
// book → instructions and receipt, plus cancel and reschedule of a booking. Not a menu
// service: a part that a host service (rehabilitation sessions, the certificate's
// assessment) owns by value and delegates to while it runs. Pure core: no files, threads
// or network; its round trips go out as RequestSpecs in the outcomes it returns.
//
// How a host embeds it:
//
//   booking::SlotFlow m_flow;                       // a member of the host service
//
//   // start: a new booking, a reschedule (reschedule_of set) or a cancellation
//   booking::BookingRequest want;
//   want.service_code = "disability_assessment_4";  // or "precision_rehab_physio", ...
//   want.service_name = core::Message::of("certificate.assessment");   // said on every screen
//   return m_flow.begin(want, context);             // a NewScreen outcome (and maybe a request)
//   return m_flow.begin_cancel(appointment, context);
//
//   // while m_flow.active(), every Service call goes to it:
//   build()         → return m_flow.build(context);
//   activate()      → outcome = m_flow.activate(node_id, context);
//   on_reply()      → outcome = m_flow.on_reply(reply, context);
//   on_input()      → outcome = m_flow.on_input(context);      // "any key keeps the slot"
//   next_deadline() → return m_flow.next_deadline();
//   tick()          → outcome = m_flow.tick(context);
//   back()          → outcome = m_flow.back();
//   reset()         → m_flow.reset();                          // session end: wipe it all
//
//   // When an outcome's kind is Leave, the flow has ended and hands back: m_flow.active()
//   // is false and m_flow.result() says how (Booked with m_flow.booked(), Cancelled, Left).
//   // The host shows its own screen instead (turn the Leave into its NewScreen; the
//   // outcome's alert, if any, still goes to the resident).
//
// Only one of the flow's requests is in flight at a time, so a host that forwards every
// reply while the flow is active never mixes answers up. The host must not send requests
// of its own while the flow is active.
//
// Screens (stable ids): booking_needs, booking_place, booking_day, booking_time,
// booking_hold, booking_done, booking_cancel, booking_cancelled. The hold's countdown runs
// on the Kiosk's clock (ServiceContext::now) and is spoken at 5, 2 and 1 minutes left; the
// first input during a hold asks the gateway once to extend it. A slot taken meanwhile
// (problem code slot_taken) or a hold that runs out is told plainly, and the next free
// times are offered. Details of the booking are personal (Privacy::Personal).
#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/core/flow/service.h"
#include "kiosk/services/booking/hold_clock.h"

namespace kiosk::services::booking {

// Access needs the institution must meet (the gateway's `needs` codes).
struct Needs {
  bool sign_language = false;   // 手语翻译
  bool wheelchair = false;      // 轮椅无障碍
  bool companion = false;       // 陪同人员
  bool operator==(const Needs&) const = default;
  Needs operator|(const Needs& other) const {
    return {sign_language || other.sign_language, wheelchair || other.wheelchair, companion || other.companion};
  }
};

// The booking's needs among the gateway's codes; other codes (large_print, ...) are not
// the institution's to meet and are left out.
Needs needs_of(const std::vector<std::string>& codes);

// An appointment the resident already has (for cancel and reschedule).
struct Appointment {
  std::string appointment_id;
  std::string org;        // the institution's name
  std::string start;      // RFC 3339, e.g. 2026-03-09T09:00:00+08:00
  std::string end;
};

struct BookingRequest {
  std::string service_code;          // the gateway's, e.g. disability_assessment_4 (required)
  std::string region;                // a region code: the gateway lists institutions near it first ("" = any order)
  core::Message service_name;        // how the service is named on screen; discreet where needed
  Needs needs;                       // preset, with the resident's own on file; the resident may change them
  std::string contact_channel = "sms";   // sms | voice | none
  bool ask_needs = true;             // false: search at once with `needs` (no booking_needs)
  std::string reschedule_of;         // an appointment_id: book the new time, then cancel this one
  Appointment old;                   // the appointment being moved (when reschedule_of is set)
};

// What the gateway booked (the receipt's content).
struct Booked {
  std::string appointment_id;
  std::string status;           // booked | pending
  std::string org;
  std::string start;
  std::string end;
  std::string instructions;     // what to bring (the gateway's text)
  std::string address;          // where
  std::string step_free_route;  // how to get there without steps
  bool moved = false;           // a reschedule: the old appointment was cancelled
};

enum class FlowResult { None, Booked, Cancelled, Left };

// Cancellation reasons offered (the gateway's reason_code); "rescheduled" is sent by the
// flow itself when an appointment is moved.
const std::vector<std::string>& cancel_reasons();

class SlotFlow {
 public:
  core::ServiceOutcome begin(const BookingRequest& request, const core::ServiceContext& context);
  core::ServiceOutcome begin_cancel(const Appointment& appointment, const core::ServiceContext& context);

  bool active() const { return m_step != Step::Off; }
  FlowResult result() const { return m_result; }
  const Booked& booked() const { return m_booked; }
  const std::string& cancelled_id() const { return m_cancel.appointment_id; }

  core::Tree build(const core::ServiceContext& context) const;
  core::ServiceOutcome activate(const std::string& node_id, const core::ServiceContext& context);
  core::ServiceOutcome on_reply(const core::Reply& reply, const core::ServiceContext& context);
  core::ServiceOutcome on_input(const core::ServiceContext& context);
  std::int64_t next_deadline() const { return m_step == Step::Hold ? m_clock.next_deadline() : core::kNoDeadline; }
  core::ServiceOutcome tick(const core::ServiceContext& context);
  core::ServiceOutcome back();
  void reset();

  // A free slot as the search answered it.
  struct Slot {
    std::string slot_id, org_id, org, start, end;
  };

 private:
  enum class Step { Off, Needs, Places, Days, Times, Hold, Done, Cancel, Cancelled };
  enum class Waiting { None, Search, Hold, Extend, Book, CancelOld, Cancel };
  enum class Search { Loading, Failed, Shown };

  core::ServiceOutcome search(core::ServiceOutcome outcome, const core::ServiceContext& context);
  core::ServiceOutcome hold(const std::string& slot_id, const core::ServiceContext& context);
  core::ServiceOutcome book(const core::ServiceContext& context);
  core::ServiceOutcome cancel(const std::string& appointment_id, const std::string& reason);
  core::ServiceOutcome lost_slot(core::Alert alert, const core::ServiceContext& context, bool search_again);
  core::ServiceOutcome leave(FlowResult result);
  core::ServiceOutcome activate_list(const std::string& node_id, const core::ServiceContext& context);
  core::ServiceOutcome on_search(const core::Reply& reply);
  core::ServiceOutcome on_hold(const core::Reply& reply, const core::ServiceContext& context);
  core::ServiceOutcome on_extend(const core::Reply& reply, const core::ServiceContext& context);
  core::ServiceOutcome on_book(const core::Reply& reply, const core::ServiceContext& context);
  core::ServiceOutcome on_cancel(const core::Reply& reply, bool old);
  const Slot* slot(const std::string& slot_id) const;
  std::vector<std::string> orgs() const;
  std::vector<std::string> days() const;          // of m_org, YYYY-MM-DD
  std::vector<const Slot*> times() const;         // of m_org and m_day, or the next free ones
  void build_needs(core::Tree& tree) const;
  void build_list(core::Tree& tree, const core::ServiceContext& context) const;
  void build_hold(core::Tree& tree, const core::ServiceContext& context) const;
  void build_done(core::Tree& tree, const core::ServiceContext& context) const;
  void build_cancel(core::Tree& tree, const core::ServiceContext& context) const;

  Step m_step = Step::Off;
  Waiting m_waiting = Waiting::None;
  FlowResult m_result = FlowResult::None;
  BookingRequest m_request;
  Search m_search = Search::Loading;
  core::Message m_failure;            // what a failed search told the resident
  std::vector<Slot> m_slots;          // free slots, by start
  std::string m_org;                  // org_id chosen
  std::string m_day;                  // YYYY-MM-DD chosen
  std::string m_after;                // next free times from here (a lost slot's start); "" = off
  Slot m_chosen;
  std::string m_hold_id;
  HoldClock m_clock;
  bool m_extend_asked = false;
  std::string m_deferred;             // a node activated while the extension was on its way
  Booked m_booked;
  Appointment m_cancel;               // the appointment being cancelled
};

// Pure helpers (slot_words.cpp), also used by hosts: "2026-03-09T09:00:00+08:00" →
// "3月9日 星期一" / "9:00"; en: "9 March, Monday" / "9:00". Malformed input gives "".
std::string day_words(const std::string& rfc3339, const std::string& language);
std::string time_words(const std::string& rfc3339);
// ms between two RFC 3339 times of the same offset; -1 when either is malformed.
std::int64_t ms_between(const std::string& from, const std::string& to);
// The civil date `days` after YYYYMMDD (e.g. 20260308 + 14), as YYYY-MM-DD.
std::string date_after(int yyyymmdd, int days);

}  // namespace kiosk::services::booking
