// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The kiosk's whole behaviour as a pure state machine: inputs in, Effects out, and a
// ui::Tree plus focus that every output channel is derived from. Main thread only.
// Times are milliseconds on the caller's clock (the virtual clock when headless).
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/ui/commands.h"
#include "kiosk/core/effects.h"
#include "kiosk/core/ui/focus_ring.h"
#include "kiosk/core/text/i18n.h"
#include "kiosk/core/flow/service.h"
#include "kiosk/core/flow/session_timer.h"
#include "kiosk/core/screens/screen.h"
#include "kiosk/core/settings.h"
#include "kiosk/core/ui/ui_tree.h"

namespace kiosk::core {

// The id of a "call staff" button ends so, on home ("home.call_staff") and, in easy
// read, on every screen ("<screen>.call_staff").
inline constexpr std::string_view kCallStaffSuffix = ".call_staff";

// Seconds left on the inactivity warning at which the countdown is also said.
inline constexpr std::int64_t kSpokenSecondsLeft[] = {30, 10};

struct KioskOptions {
  Settings hall_defaults;                    // what every session starts with
  std::vector<ThemeChoice> themes;           // contrast key cycles through these
  std::int64_t idle_ms = 180'000;
  std::int64_t answer_ms = 45'000;
  std::string hall_name_id = "hall.name";    // catalogue id of the hall's name
};

// Card: a visit started by placing an ID card, which says nothing about how the resident
// reads: speech comes on (the kiosk tells them to take the card back), touches act directly.
enum class InputSource { Key, Braille, Touch, Headset, Card };
enum class TouchKind { Tap, Hold };

class Kiosk {
 public:
  Kiosk(KioskOptions options, const Catalog& catalog);
  void add_service(std::unique_ptr<Service> service);

  Effects start(std::int64_t now);                          // shows the attract screen
  Effects command(Command command, InputSource source, std::int64_t now);
  Effects touch(const std::string& node_id, TouchKind kind, std::int64_t now);
  // A touch on the touch bar or the on-screen pad (layout.h kTouchBar, kPad) that only
  // reads the button: a hold, or the first touch in touch-to-explore. nullopt: act on it
  // now (the Runtime pages, sends the button's command, or types the pad key).
  std::optional<Effects> explore_bar(const std::string& bar_id, TouchKind kind, std::int64_t now);
  Effects type_text(const std::string& utf8, std::int64_t now);
  // Typed input into the focused text field from any device (the braille routing key puts
  // the cursor: FieldKey::CursorTo).
  Effects edit_field(const FieldInput& input, std::int64_t now);
  Effects headphones(bool plugged_in, std::int64_t now);
  Effects focus_node(const std::string& node_id, std::int64_t now);   // paging, routing keys
  Effects tick(std::int64_t now);
  // The answer to a Request effect (flow/request.h). An answer nobody waits for any more
  // (the wait was cancelled, timed out, or the session ended) does nothing.
  Effects reply(const Reply& reply, std::int64_t now);
  // A card reader's event (flow/id_card.h), from the driver's worker via the main loop, or
  // from a headless `card` step. Goes to the service on screen.
  Effects card(const CardEvent& event, std::int64_t now);

  // The hall's local date (YYYYMMDD): birth dates after it are refused, cards past it have
  // expired. The app sets it at start-up and at midnight; 0 = unknown (no date checks).
  void set_today(int yyyymmdd) { m_today = yyyymmdd; }

  const Tree& tree() const { return m_tree; }
  const FocusRing& focus() const { return m_focus; }
  const Node* focused_node() const { return m_tree.find(m_focus.current()); }
  const Settings& settings() const { return m_settings; }
  bool in_session() const { return m_timer.phase() != SessionPhase::None; }
  bool warning() const { return m_timer.phase() == SessionPhase::Warning; }
  bool headset() const { return m_headset; }
  bool describing_keys() const { return m_describing_keys; }   // Help's key-describer mode
  bool speaker_consent() const { return m_speaker_consent; }
  const std::optional<Alert>& status() const { return m_status; }   // shown under the content
  // The earliest of the session timer, a live request's wait notice and timeout, and the
  // service's own timer; -1 = none.
  std::int64_t next_deadline() const;
  bool waiting() const;   // a live request has been in flight for kWaitNoticeMs or more
  std::size_t requests_in_flight() const { return m_pending.size(); }   // live requests and staff calls
  const Visit& visit() const { return m_visit; }   // who this visit is for (flow/visit.h)
  const Catalog& catalog() const { return m_catalog; }

 private:
  // Own: one of the kiosk's own screens (settings, language, help: screens/), m_own.
  enum class Screen { Attract, Home, Own, Service, Timeout, Finish };

  void show(Screen screen, Effects& out, const std::string& focus = {});
  void show_own(const std::string& id, Effects& out);
  void rebuild(Effects& out, const std::string& focus = {});
  void emit_focus(Effects& out, bool wrapped);
  void start_session(InputSource source, std::int64_t now, Effects& out);
  // farewell: an alert code said after the wipe, before the attract screen ("goodbye").
  void end_session(Effects& out, const std::string& farewell = {});
  // Back from the inactivity warning to the screen and focus it interrupted.
  void extend_session(Effects& out);
  // A touch-started session: the first key press (or home's button) turns speech on.
  void turn_speech_on(Effects& out);
  Message timeout_prompt() const;
  void count_down(std::int64_t now, Effects& out);
  // The session-wide rules of an input in a session, before the command itself; true:
  // the input was used up by them.
  bool input_rules(Command command, bool extended, Effects& out);
  void navigate(Command command, Effects& out);
  void perform(Command command, Effects& out);   // a command inside a session
  void perform_field(Command command, Effects& out);
  void digit_key(int digit, Effects& out);
  void where(Effects& out);
  void help(Effects& out);
  bool on_help() const { return m_screen == Screen::Own && m_own && m_own->id() == "help"; }
  void describe_key(Command command, Effects& out);
  void activate(const std::string& node_id, Effects& out);
  void activate_home(const std::string& node_id, Effects& out);
  void adjust(const std::string& node_id, int delta, Effects& out);
  void go_back(Effects& out);
  void edit(const FieldInput& input, Effects& out);
  void apply(const ServiceOutcome& outcome, Effects& out);
  void apply(const ScreenOutcome& outcome, Effects& out);
  ScreenContext screen_context() const;
  // One step of a setting (screens/setting_steps.h): announced and shown, or refused with
  // the error earcon. Returns whether it changed.
  bool change_setting(SettingControl control, int direction, StepEnd at_end, Effects& out);
  void setting_key(Command command, Effects& out);
  void toggle_language(Effects& out);
  void raise(const std::string& code, Message text, Effects& out, Privacy privacy = Privacy::Public);
  Tree build_current() const;
  Tree build_screen() const;
  Tree build_home() const;
  Tree build_attract() const;
  Tree build_timeout() const;
  Tree build_finish() const;
  Service* current_service() const;
  ServiceContext context() const;
  // Backend round trips (kiosk_requests.cpp). owner: the service id, or "" for the
  // Kiosk's own staff calls (purpose: staff_call | sign_interpreter).
  struct Pending {
    std::uint64_t id = 0;
    std::string owner;
    std::string purpose;
    RequestKind kind = RequestKind::Live;
    std::int64_t started = 0;
    bool notice_shown = false;
  };
  void issue(RequestSpec spec, const std::string& owner, const std::string& purpose, Effects& out);
  void request_staff(bool sign_interpreter, Effects& out);
  void staff_call_answered(const Pending& pending, const Reply& reply, Effects& out);
  bool cancel_wait(Effects& out);
  void tick_requests(Effects& out);
  // Identification on a service's behalf (ServiceOutcome::Kind::Identify; kiosk_visit.cpp).
  void identify_for_current(Effects& out);
  bool leave_identity(Effects& out);
  std::optional<std::size_t> service_index(const std::string& id) const;
  void open_service(std::size_t index, Effects& out);

  KioskOptions m_options;
  const Catalog& m_catalog;
  std::vector<std::unique_ptr<Service>> m_services;
  std::vector<std::unique_ptr<OwnScreen>> m_own_screens;   // settings, language, help
  OwnScreen* m_own = nullptr;        // the one shown while m_screen is Own
  Settings m_settings;
  SessionTimer m_timer;
  Screen m_screen = Screen::Attract;
  Screen m_before_timeout = Screen::Home;
  std::string m_focus_before_timeout;
  std::int64_t m_seconds_left = 0;   // shown on the timeout screen
  std::size_t m_service = 0;
  Tree m_tree;
  FocusRing m_focus;
  std::optional<Alert> m_status;
  bool m_headset = false;
  bool m_speaker_consent = false;
  bool m_touch_started = false;      // session started by touch: speech still off
  std::string m_explored;            // touch-to-explore: node read by the first touch
  std::set<std::string> m_calls_made;   // staff_call / sign_interpreter sent or answered yes this visit
  InputSource m_source = InputSource::Key;   // of the input being handled
  std::int64_t m_inputs = 0;                 // commands and touches so far, to tell "the next press"
  std::pair<std::int64_t, int> m_loud_armed{-2, -1};   // input number and volume a loud warning was given for
  int m_help_presses = 0;
  bool m_describing_keys = false;    // key-describer mode: keys say what they do, and do nothing
  std::vector<Pending> m_pending;    // requests in flight, oldest first
  std::uint64_t m_next_request = 1;
  std::int64_t m_now = 0;            // the time of the input being handled
  Visit m_visit;                     // wiped at the session's end
  std::optional<std::size_t> m_resume_after_identity;   // the service that asked for identity
  int m_today = 0;                   // YYYYMMDD
  // C1: the field a service's last alert was about, and the alert's text, shown at it
  // until the field is edited or the screen changes.
  std::string m_error_field;
  Message m_field_error;
};

}  // namespace kiosk::core
