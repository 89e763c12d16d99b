// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/present/speech/speech_presenter.h"

#include <string_view>
#include <type_traits>
#include <variant>

#include "kiosk/core/text/utf8.h"

namespace kiosk::core::speech {

namespace {

std::string text_of(const Kiosk& kiosk, const Message& message) {
  const auto& s = kiosk.settings();
  return kiosk.catalog().text(message, s.language, s.easy_read);
}

// True when the text already ends in punctuation, so no separator is added after it.
bool ends_with_punctuation(const std::string& text) {
  static constexpr std::string_view kMarks[] = {"。", "，", "！", "？", "：", "；", ".", ",", "!", "?", ":", ";"};
  for (auto mark : kMarks)
    if (text.size() >= mark.size() && std::string_view(text).substr(text.size() - mark.size()) == mark) return true;
  return false;
}

SpeechAction action_of(SpeechActionKind kind) {
  SpeechAction action;
  action.kind = kind;
  return action;
}

}  // namespace

const char* route_name(SpeechRoute route) { return route == SpeechRoute::Headset ? "headset" : "speaker"; }

std::vector<SpeechPresenter::Part> SpeechPresenter::item_parts(const Kiosk& kiosk, const std::string& node_id,
                                                               int index, int count, bool first_visit) const {
  std::vector<Part> parts;
  const Node* node = kiosk.tree().find(node_id);
  if (!node) return parts;
  const auto& settings = kiosk.settings();
  const bool full = settings.verbosity == Verbosity::Full || first_visit;
  // Only what the item says about the resident is personal (its name, value and hint);
  // its role, state and position are not, so a hidden item keeps "第3项，共7项".
  const Privacy own = node->privacy == Privacy::Personal ? Privacy::Personal : Privacy::Public;
  // A field's label is the kiosk's own text; only what was typed into it is personal.
  Privacy privacy = is_field(node->role) ? Privacy::Public : own;
  auto say = [&](std::string text) {
    if (!text.empty()) parts.push_back(Part{std::move(text), privacy, false, {}});
  };
  const Message& name = settings.easy_read && !node->easy_read.empty() ? node->easy_read : node->name;
  say(text_of(kiosk, name));
  privacy = Privacy::Public;
  const std::string role_id = std::string("speech.role.") + role_name(node->role);
  if (full && kiosk.catalog().has(settings.language, role_id)) say(text_of(kiosk, Message::of(role_id)));
  if (node->role == Role::Checkbox) {
    say(text_of(kiosk, Message::of(node->state.selected ? "speech.state.selected" : "speech.state.not_selected")));
  } else if (node->state.selected) {
    say(text_of(kiosk, Message::of("speech.state.selected")));
  }
  if (node->state.disabled) say(text_of(kiosk, Message::of("speech.state.disabled")));
  if (node->state.invalid) say(text_of(kiosk, Message::of("speech.state.invalid")));
  if (node->state.busy) say(text_of(kiosk, Message::of("speech.state.busy")));
  privacy = own;
  if (!node->value.empty()) {
    // S7: a secret value is never said, whatever the route; the digits of a personal
    // field go to the headset (and the braille display), the loudspeaker hears how many.
    say(node->privacy == Privacy::Secret ? text_of(kiosk, Message::of("speech.secret")) : node->value);
    if (is_field(node->role) && node->privacy == Privacy::Personal)
      parts.back().on_speaker = text_of(kiosk, Message::of("speech.field_count")
                                                   .arg("n", std::to_string(utf8_to_u32(node->value).size())));
  }
  privacy = Privacy::Public;
  if (full && count > 0)
    say(text_of(kiosk, Message::of("speech.position").arg("index", std::to_string(index)).arg("count", std::to_string(count))));
  // The hint stays reachable through Help when Brief leaves it out.
  privacy = own;
  if (full && !node->hint.empty()) say(text_of(kiosk, node->hint));
  if (!parts.empty()) parts.back().sentence = true;
  return parts;
}

std::vector<SpeechPresenter::Part> SpeechPresenter::focused_item(const Kiosk& kiosk, bool first_visit) const {
  const auto& focus = kiosk.focus();
  if (focus.empty()) return {};
  return item_parts(kiosk, focus.current(), focus.index() + 1, focus.count(), first_visit);
}

SpeechAction SpeechPresenter::compose(const std::vector<Part>& parts, const Kiosk& kiosk, bool announce) const {
  const auto& settings = kiosk.settings();
  const bool english = settings.language == "en";
  SpeechAction action;
  action.kind = SpeechActionKind::Speak;
  // --announce is heard as if a headset were plugged in (docs/design.md section 5).
  action.route = announce || kiosk.headset() ? SpeechRoute::Headset : SpeechRoute::Speaker;
  action.rate = settings.rate;
  action.volume = settings.volume;
  action.caption = !settings.curtain;
  const bool clear_personal = action.route == SpeechRoute::Headset || kiosk.speaker_consent();
  const std::string hidden = text_of(kiosk, Message::of("speech.hidden"));
  // The caption shows what the screen shows (docs/design.md section 6): personal parts in
  // the clear even when the speaker may not say them; secret parts never.
  auto join = [english](std::string& into, const std::string& piece, bool previous_sentence) {
    if (!into.empty()) {
      if (!ends_with_punctuation(into))
        into += english ? (previous_sentence ? ". " : ", ") : (previous_sentence ? "。" : "，");
      else if (english)
        into += ' ';
    }
    into += piece;
  };
  bool previous_sentence = false;
  bool hidden_said = false;
  bool caption_previous_sentence = false;
  for (const auto& part : parts) {
    std::string piece = part.text;
    bool is_hidden = false;
    if (part.privacy == Privacy::Secret) {
      piece = text_of(kiosk, Message::of("speech.secret"));
    } else if (part.privacy == Privacy::Personal) {
      if (clear_personal) {
        action.is_private = true;
      } else if (!part.on_speaker.empty()) {
        piece = part.on_speaker;
      } else {
        piece = hidden;   // S6: said once for a run of personal parts
        is_hidden = true;
      }
    }
    const std::string& shown = part.privacy == Privacy::Secret ? piece : part.text;
    if (!shown.empty()) {
      join(action.caption_text, shown, caption_previous_sentence);
      caption_previous_sentence = part.sentence;
    }
    if (piece.empty() || (is_hidden && hidden_said)) continue;   // S6: said once an utterance
    join(action.text, piece, previous_sentence);
    previous_sentence = part.sentence || is_hidden;
    hidden_said = hidden_said || is_hidden;
  }
  return action;
}

void SpeechPresenter::Batch::sentence(const Kiosk& kiosk, const Message& message, Privacy privacy) {
  auto text = text_of(kiosk, message);
  if (text.empty()) return;
  // An alert that repeats the screen's prompt (the timeout warning) is said once.
  for (const auto& part : parts)
    if (part.sentence && part.text == text) return;
  parts.push_back(Part{std::move(text), privacy, true, {}});
}

void SpeechPresenter::Batch::append(std::vector<Part> more) {
  for (auto& part : more) parts.push_back(std::move(part));
}

std::vector<SpeechAction> SpeechPresenter::present(const Effects& effects, const Kiosk& kiosk) {
  Batch batch;
  batch.spoke_before_reset = kiosk.settings().speech;
  const std::string& screen_id = kiosk.tree().screen_id;
  if (screen_id != m_screen) {
    if (!m_screen.empty()) m_known.insert(m_screen);
    m_screen = screen_id;
  }
  batch.first_visit = !m_known.contains(screen_id);
  for (const auto& effect : effects) take(effect, kiosk, batch);
  say_changed_control(kiosk, batch);
  // The pause key halts speech itself; the Interrupt every key sends must not turn it
  // into a stop, or resume would have nothing to restart.
  if (batch.pause) std::erase_if(batch.out, [](const SpeechAction& a) { return a.kind == SpeechActionKind::Stop; });
  return finish(batch, kiosk);
}

void SpeechPresenter::take_request(const SpeechRequest& request, const Kiosk& kiosk, Batch& batch) const {
  switch (request.control) {
    case SpeechControl::Interrupt: batch.out.push_back(SpeechAction{}); break;
    case SpeechControl::PauseToggle:
      batch.pause = true;
      batch.out.push_back(action_of(SpeechActionKind::PauseToggle));
      break;
    case SpeechControl::Repeat: batch.append(m_last); break;
    case SpeechControl::Help: {
      batch.repeat_only = false;
      const Node* node = kiosk.focused_node();
      if (node && !node->hint.empty())
        batch.sentence(kiosk, node->hint, node->privacy == Privacy::Personal ? Privacy::Personal : Privacy::Public);
      else
        batch.sentence(kiosk, Message::of("help.item_none"));
      break;
    }
    case SpeechControl::Guide:
    case SpeechControl::TouchGuide:
      // The guide replaces what the batch had: title, the key (or touch) line, the focus.
      batch.repeat_only = false;
      batch.parts.clear();
      batch.sentence(kiosk, kiosk.tree().title);
      batch.sentence(kiosk, Message::of(request.control == SpeechControl::TouchGuide ? "speech.guide_touch" : "speech.guide"));
      batch.append(focused_item(kiosk, true));
      break;
    case SpeechControl::Where:      // the "where" Alert carries the text
    case SpeechControl::HelpKeys:   // the help screen's ScreenShown is spoken
      break;
  }
}

void SpeechPresenter::take(const Effect& effect, const Kiosk& kiosk, Batch& batch) {
  const auto& settings = kiosk.settings();
  if (const auto* request = std::get_if<SpeechRequest>(&effect)) {
    take_request(*request, kiosk, batch);
  } else if (const auto* screen = std::get_if<ScreenShown>(&effect)) {
    batch.repeat_only = false;
    batch.sentence(kiosk, screen->title);
    if ((batch.first_visit || settings.verbosity == Verbosity::Full) && !kiosk.tree().prompt.empty())
      batch.sentence(kiosk, kiosk.tree().prompt);
  } else if (const auto* focus = std::get_if<FocusMoved>(&effect)) {
    batch.repeat_only = false;
    batch.append(item_parts(kiosk, focus->node_id, focus->index, focus->count, batch.first_visit));
  } else if (const auto* alert = std::get_if<Alert>(&effect)) {
    batch.repeat_only = false;
    if (alert->code == "announce") batch.announce = true;
    if (alert->code == "timeout_warning" || alert->code == "timeout_countdown" || alert->code == "session_expired")
      batch.must_speak = true;
    // The goodbye is heard by whoever had speech in the visit that just ended.
    if (alert->code == "goodbye" && batch.spoke_before_reset) batch.must_speak = true;
    batch.sentence(kiosk, alert->text, alert->privacy);
  } else if (const auto* setting = std::get_if<SettingChanged>(&effect)) {
    if (setting->name == "speech" && setting->value == SettingValue(false)) batch.spoke_before_reset = true;
    if (setting->name == "rate" || setting->name == "volume") {
      batch.repeat_only = false;
      const int* value = std::get_if<int>(&setting->value);
      batch.sentence(kiosk, Message::of("speech." + setting->name).arg("value", value ? std::to_string(*value) : std::string()));
      batch.append(focused_item(kiosk, batch.first_visit));
    }
  } else if (const auto* session = std::get_if<SessionEvent>(&effect)) {
    if (session->event == "reset") {
      // Nothing of the ended session is said (not even its settings going back).
      batch.parts.clear();
      batch.repeat_only = true;
      m_known.clear();
      m_last.clear();
      m_last_announce = false;
    }
  }
}

// A choice or checkbox changed in place (Left/Right, Select): the tree was rebuilt with
// the focus kept, so no effect said the new value. Say the item again.
void SpeechPresenter::say_changed_control(const Kiosk& kiosk, Batch& batch) {
  const Node* focused = kiosk.focused_node();
  const bool control = focused && (focused->role == Role::Choice || focused->role == Role::Checkbox);
  std::string focus_signature;
  if (control) {
    for (const auto& part : item_parts(kiosk, focused->id, 0, 0, false)) focus_signature += part.text + '\n';
    if (batch.parts.empty() && !batch.pause && focused->id == m_focus_id && focus_signature != m_focus_signature) {
      batch.repeat_only = false;
      batch.append(focused_item(kiosk, batch.first_visit));
    }
  }
  m_focus_id = focused ? focused->id : std::string();
  m_focus_signature = std::move(focus_signature);
}

std::vector<SpeechAction> SpeechPresenter::finish(Batch& batch, const Kiosk& kiosk) {
  std::vector<SpeechAction>& out = batch.out;
  if (batch.parts.empty()) return out;
  SpeechAction action = compose(batch.parts, kiosk, batch.announce || (batch.repeat_only && m_last_announce));
  if (!batch.repeat_only) {
    m_last = batch.parts;
    m_last_announce = batch.announce;
  }
  if (!(kiosk.settings().speech || batch.announce || batch.must_speak)) {
    // Captions are always on: the same prompt, shown only.
    if (action.caption_text.empty() || !action.caption) return out;
    action.kind = SpeechActionKind::Caption;
    action.text.clear();
    action.is_private = false;
  } else if (action.text.empty()) {
    return out;
  }
  out.push_back(std::move(action));
  return out;
}

}  // namespace kiosk::core::speech
