// SPDX-License-Identifier: GPL-3.0-or-later
// Kiosk: what the keys, touches, typing and the braille display's routing do in a session.
#include <algorithm>
#include <string>
#include <string_view>

#include "kiosk/core/kiosk/kiosk.h"
#include "kiosk/core/text/utf8.h"
#include "kiosk/core/ui/key_help.h"

namespace kiosk::core {

namespace {
// A title is read inside the where answer's sentence: "残疾类别是什么？" becomes
// "您在：残疾类别是什么，第1步…", not "…什么？，第1步…".
std::string without_end_punctuation(std::string text) {
  for (const char* mark : {"？", "。", "！", "：", "?", ".", "!", ":"}) {
    const std::string_view end(mark);
    if (text.size() > end.size() && text.ends_with(end)) return text.substr(0, text.size() - end.size());
  }
  return text;
}
}  // namespace

Effects Kiosk::command(Command command, InputSource source, std::int64_t now) {
  m_now = now;
  Effects out;
  if (command == Command::HeadphonesToggle) return headphones(!m_headset, now);
  if (!in_session()) {
    // The first input does nothing else, except the sign and call-staff keys: a deaf
    // resident's or a lost resident's first press must not be lost (docs/design.md 5).
    start_session(source, now, out);
    if (command == Command::Sign) setting_key(command, out);
    if (command == Command::CallStaff) activate("home.call_staff", out);
    return out;
  }
  const bool extended = m_timer.input(now);
  ++m_inputs;
  m_source = source;
  out.push_back(SpeechRequest{SpeechControl::Interrupt});   // before anything else
  if (input_rules(command, extended, out)) return out;
  if (auto digit = command_digit(command)) digit_key(*digit, out);
  else perform(command, out);
  return out;
}

bool Kiosk::input_rules(Command command, bool extended, Effects& out) {
  if (extended || m_screen == Screen::Timeout) {
    m_status.reset();
    extend_session(out);
    return true;
  }
  if (Service* service = current_service(); service && m_screen == Screen::Service) apply(service->on_input(context()), out);
  if (m_touch_started && m_source != InputSource::Touch) {
    // A touch-started session: the first key press turns speech on and is used up.
    turn_speech_on(out);
    out.push_back(SpeechRequest{SpeechControl::Guide});
    return true;
  }
  if (m_describing_keys) {
    describe_key(command, out);
    return true;
  }
  if (command != Command::Help) m_help_presses = 0;
  if (command != Command::Where && command != Command::Help) m_status.reset();
  return false;
}

// A digit types into the focused field; in a menu digit n moves focus to actionable
// item n and speaks it.
void Kiosk::digit_key(int digit, Effects& out) {
  const Node* node = focused_node();
  if (node && is_field(node->role)) {
    edit(FieldInput{FieldKey::Char, static_cast<char>('0' + digit), 0}, out);
    return;
  }
  int seen = 0;
  for (const auto& candidate : m_tree.nodes) {
    if (!candidate.focusable || !is_actionable(candidate.role)) continue;
    if (++seen == digit) {
      m_focus.focus(candidate.id);
      emit_focus(out, false);
      return;
    }
  }
  out.push_back(Earcon{"error"});
  raise("no_such_item", Message::of("alert.no_such_item").arg("n", std::to_string(digit)), out);
}

// "Where am I": the screen, the step of a flow, the item's position.
void Kiosk::where(Effects& out) {
  Message text = Message::of(m_tree.steps > 0 ? "where.flow" : "where.plain");
  text.arg("screen", without_end_punctuation(m_catalog.text(m_tree.title, m_settings.language)))
      .arg("step", std::to_string(m_tree.step))
      .arg("steps", std::to_string(m_tree.steps))
      .arg("item", std::to_string(m_focus.index() + 1))
      .arg("count", std::to_string(m_focus.count()));
  raise("where", text, out);
}

// What a command does inside a session (after the session-level rules of command()).
void Kiosk::perform(Command command, Effects& out) {
  const Node* node = focused_node();
  switch (command) {
    case Command::Up:
    case Command::Down: navigate(command, out); break;
    case Command::Left:
    case Command::Right:
      if (node && (node->role == Role::Choice)) adjust(node->id, command == Command::Right ? 1 : -1, out);
      else perform_field(command, out);
      break;
    case Command::Select:
      if (node) activate(node->id, out);
      break;
    case Command::Back: go_back(out); break;
    case Command::Help: help(out); break;
    case Command::Repeat: out.push_back(SpeechRequest{SpeechControl::Repeat}); break;
    case Command::Where: where(out); break;
    case Command::Pause: out.push_back(SpeechRequest{SpeechControl::PauseToggle}); break;
    case Command::Home:
      if (m_screen != Screen::Home) show(Screen::Home, out);
      break;
    case Command::CallStaff: activate("home.call_staff", out); break;
    case Command::Star:
    case Command::X:
    case Command::Clear: perform_field(command, out); break;
    default: setting_key(command, out); break;   // volume, rate, zoom, contrast, curtain, sign, language
  }
}

// The keys that edit the focused text field; elsewhere they do nothing.
void Kiosk::perform_field(Command command, Effects& out) {
  const Node* node = focused_node();
  if (!node || !is_field(node->role)) return;
  switch (command) {
    case Command::Left: edit(FieldInput{FieldKey::CursorLeft, 0, 0}, out); break;
    case Command::Right: edit(FieldInput{FieldKey::CursorRight, 0, 0}, out); break;
    case Command::Star:   // star types X in an ID-type field (the pad has no X key)
    case Command::X: edit(FieldInput{FieldKey::Char, 'X', 0}, out); break;
    case Command::Clear: edit(FieldInput{FieldKey::Backspace, 0, 0}, out); break;   // Clear ← deletes before the cursor
    default: break;
  }
}

// Help in layers (docs/accessibility.md section 2): the focused item's help; pressed twice,
// the key list; on the key list, key-describer mode until Help is pressed again.
void Kiosk::help(Effects& out) {
  if (on_help()) {
    m_help_presses = 0;
    m_describing_keys = true;
    raise("key_describer_on", Message::of("help.describer_on"), out);
    return;
  }
  if (++m_help_presses >= 2) {
    m_help_presses = 0;
    m_status.reset();   // the first press's item help belongs to the screen left behind
    show_own("help", out);
    return;
  }
  const Node* node = focused_node();
  const Message hint = node && !node->hint.empty() ? node->hint : Message::of("help.item_none");
  m_status = Alert{"help", hint, Privacy::Public};
  out.push_back(SpeechRequest{SpeechControl::Help});
}

// In key-describer mode a key only says what it does; Help leaves the mode.
void Kiosk::describe_key(Command command, Effects& out) {
  if (command == Command::Help) {
    m_describing_keys = false;
    raise("key_describer_off", Message::of("help.describer_off"), out);
    return;
  }
  const char* id = key_help_id(command);
  if (!id) return;
  raise("key_described", Message::of(id), out);
}

void Kiosk::navigate(Command command, Effects& out) {
  const FocusMove move = command == Command::Down ? m_focus.next() : m_focus.previous();
  m_explored.clear();
  if (move.moved) emit_focus(out, move.wrapped);
}

Effects Kiosk::focus_node(const std::string& node_id, std::int64_t now) {
  m_now = now;
  Effects out;
  if (!in_session()) return out;
  m_timer.input(now);
  out.push_back(SpeechRequest{SpeechControl::Interrupt});
  if (Service* service = current_service(); service && m_screen == Screen::Service) apply(service->on_input(context()), out);
  if (m_focus.focus(node_id)) emit_focus(out, false);
  return out;
}

Effects Kiosk::touch(const std::string& node_id, TouchKind kind, std::int64_t now) {
  m_now = now;
  Effects out;
  if (!in_session()) {
    start_session(InputSource::Touch, now, out);
    return out;
  }
  const bool extended = m_timer.input(now);
  ++m_inputs;
  m_source = InputSource::Touch;
  out.push_back(SpeechRequest{SpeechControl::Interrupt});
  if (extended || m_screen == Screen::Timeout) {
    extend_session(out);
    return out;
  }
  if (Service* service = current_service(); service && m_screen == Screen::Service) apply(service->on_input(context()), out);
  m_status.reset();
  if (node_id.empty() || !m_focus.focus(node_id)) return out;
  const Node* node = focused_node();
  if (kind == TouchKind::Hold || (m_settings.touch_explore && m_explored != node_id)) {
    // Touch-to-explore (and a hold in any mode): read without activating.
    m_explored = node_id;
    emit_focus(out, false);
    return out;
  }
  m_explored.clear();
  if (node && is_actionable(node->role)) activate(node_id, out);
  else emit_focus(out, false);
  return out;
}

// The touch bar is outside the focus ring (keys have their own back, home, page and
// call keys), but a blind touch user hears, reads in braille and sees in the caption
// what a button does before it acts, like any item (issue 12 item 1).
std::optional<Effects> Kiosk::explore_bar(const std::string& bar_id, TouchKind kind, std::int64_t now) {
  m_now = now;
  const bool explore = kind == TouchKind::Hold || (m_settings.touch_explore && m_explored != bar_id);
  if (!in_session() || m_screen == Screen::Timeout || !explore) {
    m_explored.clear();
    return std::nullopt;
  }
  Effects out;
  m_timer.input(now);
  ++m_inputs;
  m_source = InputSource::Touch;
  out.push_back(SpeechRequest{SpeechControl::Interrupt});
  m_explored = bar_id;
  raise("bar_explored", Message::of("bar.explore").arg("name", m_catalog.text(bar_id, m_settings.language)), out);
  return out;
}

Effects Kiosk::type_text(const std::string& utf8, std::int64_t now) {
  m_now = now;
  Effects out;
  if (!in_session()) return out;
  m_timer.input(now);
  const Node* node = focused_node();
  if (!node || !is_field(node->role)) return out;
  // Typed or pasted: full-width digits and letters count as their half-width twins, x as X.
  for (char32_t c : speech::utf8_to_u32(utf8)) {
    c = speech::half_width(c);
    if (c == U'x') c = U'X';
    if (c < 0x80) edit(FieldInput{FieldKey::Char, static_cast<char>(c), 0}, out);
  }
  return out;
}

Effects Kiosk::edit_field(const FieldInput& input, std::int64_t now) {
  m_now = now;
  Effects out;
  if (!in_session()) return out;
  m_timer.input(now);
  const Node* node = focused_node();
  if (!node || !is_field(node->role)) {   // the on-screen pad: the screen's first field
    const auto first = std::find_if(m_tree.nodes.begin(), m_tree.nodes.end(), [](const Node& n) { return is_field(n.role); });
    if (first == m_tree.nodes.end() || !m_focus.focus(first->id)) return out;
    emit_focus(out, false);
  }
  edit(input, out);
  return out;
}

// Typed input into the focused field goes to the service that owns it.
void Kiosk::edit(const FieldInput& input, Effects& out) {
  const Node* node = focused_node();
  Service* service = current_service();
  if (!node || !service || m_screen != Screen::Service) return;
  if (node->id == m_error_field) m_error_field.clear();   // the resident is mending it
  apply(service->edit(node->id, input, context()), out);
}

}  // namespace kiosk::core
