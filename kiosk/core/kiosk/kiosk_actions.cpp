// SPDX-License-Identifier: GPL-3.0-or-later
// Kiosk: what activating, adjusting and going back do, and how the outcome of a service or
// of one of the kiosk's own screens (screens/) is carried out.
#include "kiosk/core/kiosk/kiosk.h"

namespace kiosk::core {

void Kiosk::activate(const std::string& node_id, Effects& out) {
  const Node* node = m_tree.find(node_id);
  if (node && node->state.disabled) {
    out.push_back(Earcon{"error"});
    raise("item_disabled", Message::of("alert.item_disabled"), out);
    return;
  }
  out.push_back(Earcon{"activate"});
  const bool call_staff = node_id.ends_with(kCallStaffSuffix);   // home's, or easy read's on any screen
  if (m_screen == Screen::Service && !call_staff) {
    if (auto* service = current_service()) apply(service->activate(node_id, context()), out);
    return;
  }
  if (m_screen == Screen::Own && m_own && !call_staff) return apply(m_own->activate(node_id, screen_context()), out);
  if (call_staff || node_id == "home.sign_interpreter") return request_staff(node_id == "home.sign_interpreter", out);
  activate_home(node_id, out);
}

// The items of the home menu and of the kiosk's session screens (attract, finish, timeout).
void Kiosk::activate_home(const std::string& node_id, Effects& out) {
  if (node_id == "home.speech_on") {
    turn_speech_on(out);
    // Turned on by a touch, the resident is a touch user: explain touching, not keys.
    out.push_back(SpeechRequest{m_source == InputSource::Touch ? SpeechControl::TouchGuide : SpeechControl::Guide});
    return;
  }
  for (const auto& screen : m_own_screens)
    if (node_id == "home." + screen->id()) return show_own(screen->id(), out);
  // Ending wipes everything: it is confirmed first, and "no" is where the focus starts.
  if (node_id == "home.finish") return show(Screen::Finish, out);
  if (node_id == "finish.no") return show(Screen::Home, out, "home.finish");
  if (node_id == "finish.yes") return end_session(out, "goodbye");
  for (std::size_t i = 0; i < m_services.size(); ++i)
    if (node_id == "home." + m_services[i]->id()) return open_service(i, out);
  // attract.start and timeout.continue: the input itself did their work.
}

// delta: +1 / -1 from Left/Right; 0 from Select, which steps forward and wraps.
void Kiosk::adjust(const std::string& node_id, int delta, Effects& out) {
  if (m_screen == Screen::Service) {
    if (auto* service = current_service()) apply(service->adjust(node_id, delta, context()), out);
  } else if (m_screen == Screen::Own && m_own) {
    apply(m_own->adjust(node_id, delta, screen_context()), out);
  }
}

void Kiosk::go_back(Effects& out) {
  switch (m_screen) {
    case Screen::Service:
      if (cancel_wait(out)) return;   // Back first cancels a wait for the backend
      if (auto* service = current_service()) apply(service->back(), out);
      return;
    case Screen::Own:
      if (m_own) apply(m_own->back(), out);
      return;
    case Screen::Finish:
      return show(Screen::Home, out, "home.finish");
    default:
      return;
  }
}

void Kiosk::apply(const ServiceOutcome& outcome, Effects& out) {
  if (outcome.speaker_consent) m_speaker_consent = *outcome.speaker_consent;
  if (outcome.visit) m_visit = *outcome.visit;
  const bool field_error = outcome.alert && !outcome.error_field.empty();
  if (field_error) {   // C1: set before the rebuild shows it at the field
    m_error_field = outcome.error_field;
    m_field_error = outcome.alert->text;
  }
  switch (outcome.kind) {
    case ServiceOutcome::Kind::Stay: break;
    case ServiceOutcome::Kind::Rebuild: rebuild(out, outcome.focus); break;
    case ServiceOutcome::Kind::NewScreen: show(Screen::Service, out, outcome.focus); break;
    case ServiceOutcome::Kind::Leave:
      if (!leave_identity(out)) show(Screen::Home, out, "home." + current_service()->id());
      break;
    case ServiceOutcome::Kind::Identify: identify_for_current(out); break;
    case ServiceOutcome::Kind::Open:
      if (const auto index = service_index(outcome.service)) open_service(*index, out);
      else raise("service_unavailable", Message::of("alert.service_unavailable"), out);
      break;
  }
  if (outcome.request) issue(*outcome.request, current_service()->id(), {}, out);
  if (outcome.alert) {
    if (field_error || outcome.alert->code.find("invalid") != std::string::npos) {
      out.push_back(SpeechRequest{SpeechControl::Interrupt});
      out.push_back(Earcon{"error"});
    }
    raise(outcome.alert->code, outcome.alert->text, out, outcome.alert->privacy);
  }
}

// The kiosk's own screens change the session's settings: each change is announced
// (SettingChanged) before the screen shows it.
void Kiosk::apply(const ScreenOutcome& outcome, Effects& out) {
  if (outcome.settings) {
    announce_changes(m_settings, *outcome.settings, out);
    m_settings = *outcome.settings;
  }
  if (outcome.step) change_setting(*outcome.step, outcome.direction, outcome.at_end, out);
  switch (outcome.kind) {
    case ScreenOutcome::Kind::Stay: break;
    case ScreenOutcome::Kind::Rebuild: rebuild(out); break;
    case ScreenOutcome::Kind::Home: show(Screen::Home, out); break;
  }
  if (outcome.alert) raise(outcome.alert->code, outcome.alert->text, out, outcome.alert->privacy);
}

}  // namespace kiosk::core
