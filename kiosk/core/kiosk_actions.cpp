// SPDX-License-Identifier: GPL-3.0-or-later
// Kiosk: what activating, adjusting and going back do, and the settings keys.
#include <algorithm>
#include <iterator>

#include "kiosk/core/kiosk.h"

namespace kiosk::core {

namespace {
template <std::size_t N>
int next_step(const int (&steps)[N], int value, int direction) {
  auto it = std::find(std::begin(steps), std::end(steps), value);
  int index = it == std::end(steps) ? 0 : static_cast<int>(it - std::begin(steps));
  index = std::clamp(index + direction, 0, static_cast<int>(N) - 1);
  return steps[index];
}
}  // namespace

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
  if (call_staff || node_id == "home.sign_interpreter") return request_staff(node_id == "home.sign_interpreter", out);
  if (node_id == "home.speech_on") {
    m_touch_started = false;
    m_settings.speech = true;
    m_settings.touch_explore = true;
    out.push_back(SettingChanged{"speech", true});
    out.push_back(SettingChanged{"touch_explore", true});
    rebuild(out);
    // Turned on by a touch, the resident is a touch user: explain touching, not keys.
    out.push_back(SpeechRequest{m_source == InputSource::Touch ? SpeechControl::TouchGuide : SpeechControl::Guide});
    return;
  }
  if (node_id == "home.settings") return show(Screen::Settings, out);
  if (node_id == "home.language") return show(Screen::Language, out);
  if (node_id == "home.help") return show(Screen::Help, out);
  // Ending wipes everything: it is confirmed first, and "no" is where the focus starts.
  if (node_id == "home.finish") return show(Screen::Finish, out);
  if (node_id == "finish.no") return show(Screen::Home, out, "home.finish");
  if (node_id == "finish.yes") return end_session(out, "goodbye");
  if (node_id == "attract.start") return;
  for (std::size_t i = 0; i < m_services.size(); ++i) {
    if (node_id == "home." + m_services[i]->id()) {
      return open_service(i, out);
    }
  }
  if (node_id == "language.zh" || node_id == "language.en") {
    const std::string language = node_id == "language.zh" ? "zh-CN" : "en";
    if (m_settings.language != language) {
      m_settings.language = language;
      out.push_back(SettingChanged{"language", language});
    }
    return show(Screen::Home, out);
  }
  if (node_id == "settings.done" || node_id == "help.done") return show(Screen::Home, out);
  if (node_id == "timeout.continue") return;
  if (node_id == "settings.reset") {
    // The resident's accessibility choices go back to the hall's; language, speech,
    // the curtain and deaf mode stay as they are (they have keys of their own).
    const Settings& defaults = m_options.hall_defaults;
    Settings reset = m_settings;
    reset.zoom = defaults.zoom;
    reset.theme = defaults.theme;
    reset.rate = defaults.rate;
    reset.volume = defaults.volume;
    reset.verbosity = defaults.verbosity;
    reset.easy_read = defaults.easy_read;
    reset.sign_large = defaults.sign_large;
    reset.sign_speed = defaults.sign_speed;
    reset.braille_table = defaults.braille_table;
    announce_changes(m_settings, reset, out);
    m_settings = reset;
    rebuild(out);
    raise("settings_reset", Message::of("alert.settings_reset"), out);
    return;
  }
  if (node_id.rfind("settings.", 0) == 0) return adjust(node_id, 0, out);
}

// delta: +1 / -1 from Left/Right; 0 from Select, which steps forward and wraps.
void Kiosk::adjust(const std::string& node_id, int delta, Effects& out) {
  if (m_screen == Screen::Service) {
    if (auto* service = current_service()) apply(service->adjust(node_id, delta, context()), out);
    return;
  }
  const bool wrap = delta == 0;
  const int direction = delta == 0 ? 1 : delta;
  auto toggle = [&](bool& flag, const char* name) {
    flag = !flag;
    out.push_back(SettingChanged{name, flag});
  };
  if (node_id == "settings.zoom") {
    if (wrap && m_settings.zoom == 200) {
      m_settings.zoom = 80;
      out.push_back(SettingChanged{"zoom", m_settings.zoom});
    } else {
      step_zoom(direction, out);
      return;
    }
  } else if (node_id == "settings.theme") {
    cycle_theme(direction, out);
    return;
  } else if (node_id == "settings.language") {
    toggle_language(out);
    return;
  } else if (node_id == "settings.rate") {
    if (wrap && m_settings.rate == 200) {
      m_settings.rate = 50;
      out.push_back(SettingChanged{"rate", m_settings.rate});
    } else {
      step_rate(direction, out);
      return;
    }
  } else if (node_id == "settings.volume") {
    if (wrap && m_settings.volume == kVolumeMax) {
      m_settings.volume = kVolumeMin;
      out.push_back(SettingChanged{"volume", m_settings.volume});
    } else {
      step_volume(direction, out);
      return;
    }
  } else if (node_id == "settings.verbosity") {
    m_settings.verbosity = m_settings.verbosity == Verbosity::Brief ? Verbosity::Full : Verbosity::Brief;
    out.push_back(SettingChanged{"verbosity", std::string(verbosity_name(m_settings.verbosity))});
  } else if (node_id == "settings.braille_table") {
    // A ring, like the themes: the table id also fixes the grade.
    const int count = static_cast<int>(std::size(kBrailleTables));
    int index = 0;
    for (int i = 0; i < count; ++i)
      if (m_settings.braille_table == kBrailleTables[i]) index = i;
    m_settings.braille_table = kBrailleTables[((index + direction) % count + count) % count];
    out.push_back(SettingChanged{"braille_table", m_settings.braille_table});
  } else if (node_id == "settings.easy_read") {
    toggle(m_settings.easy_read, "easy_read");
  } else if (node_id == "settings.sign") {
    toggle(m_settings.sign, "sign");
  } else if (node_id == "settings.sign_large") {
    toggle(m_settings.sign_large, "sign_large");
  } else if (node_id == "settings.sign_speed") {
    const int speed = wrap && m_settings.sign_speed == kSignSpeedSteps[std::size(kSignSpeedSteps) - 1]
                          ? kSignSpeedSteps[0]
                          : next_step(kSignSpeedSteps, m_settings.sign_speed, direction);
    if (speed == m_settings.sign_speed) {
      out.push_back(Earcon{"error"});
      return;
    }
    m_settings.sign_speed = speed;
    out.push_back(SettingChanged{"sign_speed", speed});
  } else if (node_id == "settings.earcons") {
    toggle(m_settings.earcons, "earcons");
  } else if (node_id == "settings.speaker_consent") {
    m_speaker_consent = !m_speaker_consent;
  } else {
    return;
  }
  rebuild(out);
}

void Kiosk::go_back(Effects& out) {
  switch (m_screen) {
    case Screen::Service:
      if (cancel_wait(out)) return;   // Back first cancels a wait for the backend
      if (auto* service = current_service()) apply(service->back(), out);
      return;
    case Screen::Settings:
    case Screen::Help:
    case Screen::Language:
      return show(Screen::Home, out);
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

// The zoom, contrast, curtain and sign keys: each says its new state as an alert, so
// it is spoken, captioned and brailled like the volume and rate keys' (issue 12).
void Kiosk::setting_key(Command command, Effects& out) {
  const std::string& lang = m_settings.language;
  switch (command) {
    case Command::ZoomOut:
    case Command::ZoomIn: {
      const int before = m_settings.zoom;
      step_zoom(command == Command::ZoomIn ? 1 : -1, out);
      if (m_settings.zoom != before)
        raise("zoom_changed", Message::of("alert.zoom").arg("value", std::to_string(m_settings.zoom)), out);
      return;
    }
    case Command::Contrast: {
      cycle_theme(1, out);
      std::string name = m_settings.theme;
      for (const auto& theme : m_options.themes)
        if (theme.id == m_settings.theme) name = m_catalog.text(theme.name, lang);
      raise("theme_changed", Message::of("alert.theme").arg("name", name), out);
      return;
    }
    case Command::Curtain:
      if (!m_settings.speech && !m_settings.curtain) {
        raise("curtain_needs_speech", Message::of("alert.curtain_needs_speech"), out);
        return;
      }
      m_settings.curtain = !m_settings.curtain;
      out.push_back(SettingChanged{"curtain", m_settings.curtain});
      raise(m_settings.curtain ? "curtain_on" : "curtain_off",
            Message::of(m_settings.curtain ? "alert.curtain_on" : "alert.curtain_off"), out);
      return;
    case Command::Sign:
      m_settings.sign = !m_settings.sign;
      out.push_back(SettingChanged{"sign", m_settings.sign});
      rebuild(out);
      raise(m_settings.sign ? "sign_on" : "sign_off", Message::of(m_settings.sign ? "alert.sign_on" : "alert.sign_off"), out);
      return;
    default:
      return;
  }
}

void Kiosk::step_zoom(int direction, Effects& out) {
  const int zoom = next_step(kZoomSteps, m_settings.zoom, direction);
  if (zoom == m_settings.zoom) {
    out.push_back(Earcon{"error"});
    raise(direction > 0 ? "zoom_max" : "zoom_min", Message::of(direction > 0 ? "alert.zoom_max" : "alert.zoom_min"), out);
    return;
  }
  m_settings.zoom = zoom;
  out.push_back(SettingChanged{"zoom", zoom});
  rebuild(out);
}

void Kiosk::step_rate(int direction, Effects& out) {
  const int rate = next_step(kRateSteps, m_settings.rate, direction);
  if (rate == m_settings.rate) {
    out.push_back(Earcon{"error"});
    raise(direction > 0 ? "rate_max" : "rate_min", Message::of(direction > 0 ? "alert.rate_max" : "alert.rate_min"), out);
    return;
  }
  m_settings.rate = rate;
  out.push_back(SettingChanged{"rate", rate});
  rebuild(out);
}

void Kiosk::step_volume(int direction, Effects& out) {
  const int volume = std::clamp(m_settings.volume + direction, kVolumeMin, kVolumeMax);
  if (volume == m_settings.volume) {
    out.push_back(Earcon{"error"});
    raise(direction > 0 ? "volume_max" : "volume_min", Message::of(direction > 0 ? "alert.volume_max" : "alert.volume_min"), out);
    return;
  }
  // A loud level needs the same press again, right after the warning (S5).
  const bool confirmed = m_loud_armed.first == m_inputs - 1 && m_loud_armed.second == volume;
  if (direction > 0 && volume > kVolumeSafeMax && !confirmed) {
    m_loud_armed = {m_inputs, volume};
    raise("volume_loud", Message::of("alert.volume_loud").arg("value", std::to_string(volume)), out);
    return;
  }
  m_settings.volume = volume;
  out.push_back(SettingChanged{"volume", volume});
  rebuild(out);
}

void Kiosk::cycle_theme(int direction, Effects& out) {
  if (m_options.themes.empty()) return;
  const auto count = static_cast<int>(m_options.themes.size());
  int index = 0;
  for (int i = 0; i < count; ++i)
    if (m_options.themes[static_cast<std::size_t>(i)].id == m_settings.theme) index = i;
  index = ((index + direction) % count + count) % count;
  m_settings.theme = m_options.themes[static_cast<std::size_t>(index)].id;
  out.push_back(SettingChanged{"theme", m_settings.theme});
  rebuild(out);
}

void Kiosk::toggle_language(Effects& out) {
  m_settings.language = m_settings.language == "en" ? "zh-CN" : "en";
  out.push_back(SettingChanged{"language", m_settings.language});
  // The same screen in the other language: titles and names change, so announce it anew.
  const std::string focus = m_focus.current();
  m_tree = build_current();
  out.push_back(ScreenShown{m_tree.screen_id, m_tree.title});
  if (!m_focus.empty()) emit_focus(out, false);
  (void)focus;
}

}  // namespace kiosk::core
