// SPDX-License-Identifier: GPL-3.0-or-later
// Kiosk: the setting keys (volume, rate, zoom, contrast, curtain, sign, language) and one
// step of a setting, shared with the settings screen (screens/setting_steps.h).
#include "kiosk/core/kiosk/kiosk.h"

namespace kiosk::core {

bool Kiosk::change_setting(SettingControl control, int direction, StepEnd at_end, Effects& out) {
  if (control == SettingControl::Language) {
    toggle_language(out);
    return true;
  }
  if (control == SettingControl::SpeakerConsent) {
    m_speaker_consent = !m_speaker_consent;
    rebuild(out);
    return true;
  }
  const SettingStep step = step_setting(m_settings, control, direction, at_end, m_options.themes);
  if (step.refused) {
    out.push_back(Earcon{"error"});
    if (!step.alert.empty()) raise(step.alert, Message::of("alert." + step.alert), out);
    return false;
  }
  const int volume = step.after.volume;
  if (volume > m_settings.volume && volume > kVolumeSafeMax) {
    // A loud level needs the same press again, right after the warning (S5).
    const bool confirmed = m_loud_armed.first == m_inputs - 1 && m_loud_armed.second == volume;
    if (!confirmed) {
      m_loud_armed = {m_inputs, volume};
      raise("volume_loud", Message::of("alert.volume_loud").arg("value", std::to_string(volume)), out);
      return false;
    }
  }
  announce_changes(m_settings, step.after, out);
  m_settings = step.after;
  rebuild(out);
  return true;
}

// The zoom, contrast, curtain and sign keys: each says its new state as an alert, so
// it is spoken, captioned and brailled like the volume and rate keys' (issue 12).
void Kiosk::setting_key(Command command, Effects& out) {
  switch (command) {
    case Command::VolumeDown:
    case Command::VolumeUp:
      change_setting(SettingControl::Volume, command == Command::VolumeUp ? 1 : -1, StepEnd::Stop, out);
      return;
    case Command::RateDown:
    case Command::RateUp:
      change_setting(SettingControl::Rate, command == Command::RateUp ? 1 : -1, StepEnd::Stop, out);
      return;
    case Command::ZoomOut:
    case Command::ZoomIn:
      if (change_setting(SettingControl::Zoom, command == Command::ZoomIn ? 1 : -1, StepEnd::Stop, out))
        raise("zoom_changed", Message::of("alert.zoom").arg("value", std::to_string(m_settings.zoom)), out);
      return;
    case Command::Contrast:
      change_setting(SettingControl::Theme, 1, StepEnd::Stop, out);
      raise("theme_changed", Message::of("alert.theme").arg("name", theme_name(m_settings, m_options.themes, m_catalog)), out);
      return;
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
    case Command::Language: toggle_language(out); return;
    default: return;
  }
}

void Kiosk::toggle_language(Effects& out) {
  m_settings.language = m_settings.language == "en" ? "zh-CN" : "en";
  out.push_back(SettingChanged{"language", m_settings.language});
  // The same screen in the other language: titles and names change, so announce it anew.
  m_tree = build_current();
  out.push_back(ScreenShown{m_tree.screen_id, m_tree.title});
  if (!m_focus.empty()) emit_focus(out, false);
}

}  // namespace kiosk::core
