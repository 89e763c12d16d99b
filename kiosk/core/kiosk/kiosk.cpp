// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/kiosk/kiosk.h"

#include <algorithm>
#include <iterator>
#include <string>

#include "kiosk/core/screens/help_screen.h"
#include "kiosk/core/screens/language_screen.h"
#include "kiosk/core/screens/settings_screen.h"

namespace kiosk::core {


Kiosk::Kiosk(KioskOptions options, const Catalog& catalog)
    : m_options(std::move(options)),
      m_catalog(catalog),
      m_settings(m_options.hall_defaults),
      m_timer(m_options.idle_ms, m_options.answer_ms) {
  // The kiosk's own screens, in the home menu's order after the services.
  m_own_screens.push_back(std::make_unique<SettingsScreen>());
  m_own_screens.push_back(std::make_unique<LanguageScreen>());
  m_own_screens.push_back(std::make_unique<HelpScreen>());
}

void Kiosk::add_service(std::unique_ptr<Service> service) { m_services.push_back(std::move(service)); }

ScreenContext Kiosk::screen_context() const {
  return ScreenContext{m_settings, m_options.hall_defaults, m_options.themes, m_catalog, m_speaker_consent};
}

ServiceContext Kiosk::context() const {
  const char* method = m_source == InputSource::Touch ? "touch" : m_source == InputSource::Braille ? "braille" : "keypad";
  const Service* service = current_service();
  const bool awaiting = service && std::any_of(m_pending.begin(), m_pending.end(), [&](const Pending& p) {
    return p.kind == RequestKind::Live && p.owner == service->id();
  });
  return ServiceContext{m_settings, m_catalog, m_speaker_consent, m_headset, m_now, m_visit, m_today, method, awaiting};
}

Service* Kiosk::current_service() const {
  return m_service < m_services.size() ? m_services[m_service].get() : nullptr;
}

Effects Kiosk::start(std::int64_t now) {
  m_now = now;
  Effects out;
  show(Screen::Attract, out);
  return out;
}

// ---- screens and focus -------------------------------------------------------------

Tree Kiosk::build_screen() const {
  switch (m_screen) {
    case Screen::Attract: return build_attract();
    case Screen::Home: return build_home();
    case Screen::Own:
      if (m_own) return m_own->build(screen_context());
      return build_home();
    case Screen::Timeout: return build_timeout();
    case Screen::Finish: return build_finish();
    case Screen::Service:
      if (auto* service = current_service()) return service->build(context());
      return build_home();
  }
  return build_home();
}

// Easy read (docs/accessibility.md C2) puts "呼叫工作人员" on every screen of a visit, last,
// where the home menu has it anyway.
Tree Kiosk::build_current() const {
  Tree tree = build_screen();
  const bool has_call = std::any_of(tree.nodes.begin(), tree.nodes.end(),
                                    [](const Node& node) { return node.id.ends_with(kCallStaffSuffix); });
  if (m_settings.easy_read && m_screen != Screen::Attract && m_screen != Screen::Timeout && !has_call) {
    Node call;
    call.id = tree.screen_id + std::string(kCallStaffSuffix);
    call.role = Role::Button;
    call.name = Message::of("home.call_staff");
    call.hint = Message::of("home.call_staff.hint");
    tree.nodes.push_back(std::move(call));
  }
  if (Node* field = m_error_field.empty() ? nullptr : tree.find(m_error_field)) {
    field->state.invalid = true;
    field->error = m_field_error;
  }
  // Every screen of an identified visit says whom it is for ("为周*斌办理").
  if (m_visit.identified() && !m_visit.masked_name.empty() && (m_screen == Screen::Home || m_screen == Screen::Service)) {
    Node who;
    who.id = "visit.for";
    who.role = Role::Status;
    who.name = Message::of("visit.for").arg("name", m_visit.masked_name);
    who.focusable = false;
    tree.nodes.insert(tree.nodes.begin(), std::move(who));
  }
  return tree;
}

void Kiosk::show(Screen screen, Effects& out, const std::string& focus) {
  m_screen = screen;
  m_error_field.clear();
  if (screen == Screen::Home) m_resume_after_identity.reset();   // home: nobody waits for identity
  m_explored.clear();
  if (!on_help()) m_describing_keys = false;
  m_tree = build_current();
  std::vector<std::string> ids;
  for (const auto& node : m_tree.nodes)
    if (node.focusable) ids.push_back(node.id);
  m_focus.reset(std::move(ids));
  if (!focus.empty()) m_focus.focus(focus);
  out.push_back(ScreenShown{m_tree.screen_id, m_tree.title});
  out.push_back(Earcon{"screen"});
  if (!m_focus.empty()) emit_focus(out, false);
}

void Kiosk::show_own(const std::string& id, Effects& out) {
  for (const auto& screen : m_own_screens)
    if (screen->id() == id) m_own = screen.get();
  show(Screen::Own, out);
}

// Same screen, new content (a setting or an answer changed): keep the focus in place
// and announce it only when it had to move.
void Kiosk::rebuild(Effects& out, const std::string& focus) {
  const std::string before = m_focus.current();
  const int before_index = m_focus.index();
  m_tree = build_current();
  std::vector<std::string> ids;
  for (const auto& node : m_tree.nodes)
    if (node.focusable) ids.push_back(node.id);
  m_focus.reset(std::move(ids), before_index);
  const std::string wanted = focus.empty() ? before : focus;
  if (!m_focus.focus(wanted) || wanted != before) emit_focus(out, false);
}

void Kiosk::emit_focus(Effects& out, bool wrapped) {
  if (m_focus.empty()) return;
  out.push_back(Earcon{wrapped ? "wrap" : "focus"});
  out.push_back(FocusMoved{m_focus.current(), m_focus.index() + 1, m_focus.count()});
}

// ---- session -------------------------------------------------------------------------

void Kiosk::start_session(InputSource source, std::int64_t now, Effects& out) {
  m_timer.start(now);
  m_status.reset();   // the last visit's goodbye
  m_settings = m_options.hall_defaults;
  m_speaker_consent = false;
  out.push_back(SessionEvent{"start"});
  // EZ Access: a key or a headset turns speech on; a touch leaves it off and home
  // offers a button for it (docs/design.md section 5, "Starting").
  m_touch_started = source == InputSource::Touch;
  if (!m_touch_started && !m_settings.speech) {
    m_settings.speech = true;
    out.push_back(SettingChanged{"speech", true});
  }
  if (m_settings.speech && !m_settings.touch_explore && source != InputSource::Card) {
    m_settings.touch_explore = true;
    out.push_back(SettingChanged{"touch_explore", true});
  }
  show(Screen::Home, out);
  if (m_settings.speech) out.push_back(SpeechRequest{SpeechControl::Guide});
}

void Kiosk::end_session(Effects& out, const std::string& farewell) {
  out.push_back(SpeechRequest{SpeechControl::Interrupt});
  for (auto& service : m_services) service->reset();
  m_pending.clear();   // answers still on their way find nobody waiting
  m_timer.stop();
  m_status.reset();
  m_speaker_consent = false;
  m_touch_started = false;
  m_help_presses = 0;
  m_describing_keys = false;
  m_calls_made.clear();
  m_visit = {};
  m_resume_after_identity.reset();
  const Settings& defaults = m_options.hall_defaults;
  announce_changes(m_settings, defaults, out);
  m_settings = defaults;
  out.push_back(SessionEvent{"reset"});
  // The farewell follows the wipe (nothing of the visit is said after "reset" but
  // this) and stays shown on the attract screen until the next visit.
  if (!farewell.empty()) raise(farewell, Message::of("alert." + farewell), out);
  show(Screen::Attract, out);
}

Effects Kiosk::tick(std::int64_t now) {
  m_now = now;
  Effects out;
  switch (m_timer.tick(now)) {
    case TimerEvent::None:
      break;
    case TimerEvent::Warning:
      m_before_timeout = m_screen;
      m_focus_before_timeout = m_focus.current();
      out.push_back(SessionEvent{"timeout_warning"});
      m_seconds_left = m_timer.seconds_left(now);
      show(Screen::Timeout, out);
      out.push_back(Earcon{"timeout_warning"});
      raise("timeout_warning", timeout_prompt(), out);
      break;
    case TimerEvent::WarningBeep:
      out.push_back(Earcon{"timeout_warning"});
      [[fallthrough]];
    case TimerEvent::Countdown:
      count_down(now, out);
      break;
    case TimerEvent::Expired:
      end_session(out, "session_expired");
      break;
  }
  if (in_session()) tick_requests(out);
  return out;
}

void Kiosk::extend_session(Effects& out) {
  out.push_back(SessionEvent{"extended"});
  show(m_before_timeout, out, m_focus_before_timeout);
}

// EZ Access: the first key press of a touch-started session (or home's button) turns
// speech on; the caller says what follows it (the key guide, or the touch guide).
void Kiosk::turn_speech_on(Effects& out) {
  m_touch_started = false;
  m_settings.speech = true;
  m_settings.touch_explore = true;
  out.push_back(SettingChanged{"speech", true});
  out.push_back(SettingChanged{"touch_explore", true});
  rebuild(out);
}

Message Kiosk::timeout_prompt() const {
  return Message::of("timeout.prompt").arg("seconds", std::to_string(m_seconds_left));
}

// The warning's number counts down on screen every second without a word; it is said
// at a few points only (kSpokenSecondsLeft), like the first warning, even with speech off.
void Kiosk::count_down(std::int64_t now, Effects& out) {
  if (m_screen != Screen::Timeout) return;
  m_seconds_left = m_timer.seconds_left(now);
  m_tree = build_current();
  const bool spoken = std::find(std::begin(kSpokenSecondsLeft), std::end(kSpokenSecondsLeft), m_seconds_left) !=
                      std::end(kSpokenSecondsLeft);
  if (spoken) {
    raise("timeout_countdown", Message::of("timeout.seconds_left").arg("seconds", std::to_string(m_seconds_left)), out);
  } else if (m_status && m_status->code.starts_with("timeout_")) {
    m_status->text = timeout_prompt();   // shown, not announced
  }
}

Effects Kiosk::headphones(bool plugged_in, std::int64_t now) {
  m_now = now;
  Effects out;
  if (plugged_in == m_headset) return out;
  m_headset = plugged_in;
  if (!plugged_in) {
    // Never move silently to the speaker: stop at once and say so on screen only.
    out.push_back(SpeechRequest{SpeechControl::Interrupt});
    if (m_settings.speech) {
      m_settings.speech = false;
      out.push_back(SettingChanged{"speech", false});
    }
    // Under the curtain the screen would now say nothing either: lift it, so the
    // notice below is seen (issue 12; the curtain needs speech, as its key says).
    if (m_settings.curtain) {
      m_settings.curtain = false;
      out.push_back(SettingChanged{"curtain", false});
    }
    if (in_session()) {
      m_timer.input(now);
      m_touch_started = true;   // the next key turns speech on again, on the speaker
      raise("headset_removed", Message::of("alert.headset_removed"), out);
    }
    return out;
  }
  if (!in_session()) {
    start_session(InputSource::Headset, now, out);
    return out;
  }
  m_timer.input(now);
  out.push_back(SpeechRequest{SpeechControl::Interrupt});
  if (!m_settings.speech) {
    m_settings.speech = true;
    m_touch_started = false;
    out.push_back(SettingChanged{"speech", true});
  }
  // Plug-in reads from the top of the screen.
  m_focus.first();
  out.push_back(ScreenShown{m_tree.screen_id, m_tree.title});
  if (!m_focus.empty()) emit_focus(out, false);
  return out;
}

void Kiosk::raise(const std::string& code, Message text, Effects& out, Privacy privacy) {
  Alert alert{code, std::move(text), privacy};
  m_status = alert;
  out.push_back(std::move(alert));
}

}  // namespace kiosk::core
