// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A service flow on the home menu (entitlements guide, later subsidies, rehab, ...).
// The Kiosk owns navigation, focus, settings and the session; a Service owns its
// screens and answers. Everything personal a service holds is dropped by reset().
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "kiosk/core/effects.h"
#include "kiosk/core/flow/id_card.h"
#include "kiosk/core/flow/request.h"
#include "kiosk/core/flow/visit.h"
#include "kiosk/core/text/i18n.h"
#include "kiosk/core/settings.h"
#include "kiosk/core/ui/field.h"
#include "kiosk/core/ui/ui_tree.h"

namespace kiosk::core {

struct ServiceContext {
  const Settings& settings;
  const Catalog& catalog;
  bool speaker_consent;   // the resident agreed to hear personal content on the speaker
  bool headset;
  std::int64_t now;       // ms on the Kiosk's clock (the virtual clock when headless)
  const Visit& visit = no_visit();   // who the visit is for (nobody until identified)
  int today = 0;          // the hall's date, YYYYMMDD; 0 = unknown
  // How the input being handled came: "keypad", "touch" or "braille" (a consent records it).
  const char* input_method = "keypad";
  // A live request of this service is still out. false while the service believes it is
  // waiting: the wait was cancelled with Back (or timed out), and no answer will come.
  bool awaiting_reply = false;
};

// Service::next_deadline() when the service has no timer running.
inline constexpr std::int64_t kNoDeadline = -1;

struct ServiceOutcome {
  // Identify: this service needs an identified visit first. The Kiosk opens the identity
  // service; when it leaves with the visit identified, the Kiosk starts this service again
  // (start(), then its first screen, now with context.visit set); if the resident backs
  // out of identity instead, home, with focus on this service.
  // Open: another service, by its id (`service`), on its first screen, as its home-menu
  // item would (e.g. from a stopped subsidy to renewing the certificate it waits for).
  enum class Kind { Stay, Rebuild, NewScreen, Leave, Identify, Open };
  Kind kind = Kind::Stay;
  std::string focus;                 // node to focus after a rebuild or new screen
  std::optional<Alert> alert;        // e.g. an invalid answer
  std::optional<RequestSpec> request;   // a backend round trip; the answer reaches on_reply()
  std::optional<bool> speaker_consent;   // the resident gave (or withdrew) consent
  std::optional<Visit> visit;            // the identity service: who the visit is for now
  // C1: the alert is about this field (node id): the Kiosk marks it invalid, shows the
  // alert's text at it, plays the error earcon and moves focus there. Cleared by the
  // next edit of the field or the next screen.
  std::string error_field;
  std::string service;               // Kind::Open: the service to open

  static ServiceOutcome of(Kind kind, std::string focus_id = {}) {
    ServiceOutcome outcome;
    outcome.kind = kind;
    outcome.focus = std::move(focus_id);
    return outcome;
  }
  // A backend round trip (the answer reaches on_reply()); kind and focus as of() (Stay: the
  // screen stays as it is while the request is in flight).
  static ServiceOutcome asking(RequestSpec spec, Kind kind = Kind::Stay, std::string focus_id = {}) {
    ServiceOutcome outcome = of(kind, std::move(focus_id));
    outcome.request = std::move(spec);
    return outcome;
  }
};

// What a failed round trip tells the resident: the gateway's own plain sentence (it says
// the way forward) when there is one, else the kiosk's for its error code. The alert's
// code is the gateway's problem code, or the kiosk's error code.
Alert failure_alert(const ReplyError& error);

class Service {
 public:
  virtual ~Service() = default;
  virtual std::string id() const = 0;              // home item suffix, e.g. "entitlements"
  // The home item's name and hint: the messages home.<id> and home.<id>.hint, which every
  // service's catalogue file defines (docs/adding-a-service.md).
  virtual Message menu_name() const { return Message::of("home." + id()); }
  virtual Message menu_hint() const { return Message::of("home." + id() + ".hint"); }
  // false: offered by the hall but reached another way, not from the home menu (the
  // identity service: a card placed, or a personal service that needs it).
  virtual bool on_menu() const { return true; }
  // true: about one resident (subsidies, certificates, ...). Opened while the visit is not
  // identified, the Kiosk runs the identity service first and opens it once it is.
  virtual bool personal() const { return false; }
  // Called once the service's first screen is shown (after start()): e.g. the live query
  // its first screen waits for.
  virtual ServiceOutcome on_open(const ServiceContext& context) {
    (void)context;
    return {};
  }
  virtual void start() { reset(); }                // a fresh visit of the service
  virtual Tree build(const ServiceContext& context) const = 0;
  virtual ServiceOutcome activate(const std::string& node_id, const ServiceContext& context) = 0;
  virtual ServiceOutcome adjust(const std::string& node_id, int delta, const ServiceContext& context) {
    (void)node_id; (void)delta; (void)context;
    return {};
  }
  // Typed input into the focused text field (ui/field.h): digits, X, clear, cursor.
  virtual ServiceOutcome edit(const std::string& node_id, const FieldInput& input, const ServiceContext& context) {
    (void)node_id; (void)input; (void)context;
    return {};
  }
  // The answer to this service's last request (request.h). Main thread. A live answer
  // that arrives after the resident left the service, or cancelled the wait, is dropped.
  virtual ServiceOutcome on_reply(const Reply& reply, const ServiceContext& context) {
    (void)reply; (void)context;
    return {};
  }
  // A card event (flow/id_card.h) while this service is on screen. Main thread.
  virtual ServiceOutcome on_card(const CardEvent& event, const ServiceContext& context) {
    (void)event; (void)context;
    return {};
  }
  // Timers (a slot hold's countdown, a code's expiry) run on the Kiosk's tick: tick() is
  // called once now >= next_deadline() while the service is on screen.
  virtual std::int64_t next_deadline() const { return kNoDeadline; }
  // Any key, touch or braille key of the resident while this service is on screen, before
  // the input itself is handled (a slot hold: "any key keeps the slot"). Main thread.
  virtual ServiceOutcome on_input(const ServiceContext& context) {
    (void)context;
    return {};
  }
  virtual ServiceOutcome tick(const ServiceContext& context) {
    (void)context;
    return {};
  }
  virtual ServiceOutcome back() = 0;               // Leave when at the first step
  virtual void reset() = 0;                        // session end: wipe every answer
};

}  // namespace kiosk::core
