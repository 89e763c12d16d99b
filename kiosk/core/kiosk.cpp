// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/kiosk.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

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

template <typename T, std::size_t N>
int step_index(const T (&steps)[N], int value) {
  auto it = std::find(std::begin(steps), std::end(steps), value);
  return it == std::end(steps) ? -1 : static_cast<int>(it - std::begin(steps));
}
}  // namespace

Kiosk::Kiosk(KioskOptions options, const Catalog& catalog)
    : m_options(std::move(options)),
      m_catalog(catalog),
      m_settings(m_options.hall_defaults),
      m_timer(m_options.idle_ms, m_options.answer_ms) {}

void Kiosk::add_service(std::unique_ptr<Service> service) { m_services.push_back(std::move(service)); }

ServiceContext Kiosk::context() const {
  const Service* service = current_service();
  const bool awaiting = service && std::any_of(m_pending.begin(), m_pending.end(), [&](const Pending& p) {
    return p.kind == RequestKind::Live && p.owner == service->id();
  });
  return ServiceContext{m_settings, m_catalog, m_speaker_consent, m_headset, m_now, m_visit, m_today, awaiting};
}

Service* Kiosk::current_service() const {
  return m_service < m_services.size() ? m_services[m_service].get() : nullptr;
}

Effects Kiosk::start(std::int64_t now) {
  m_now = now;
  (void)now;
  Effects out;
  show(Screen::Attract, out);
  return out;
}

// ---- screens and focus -------------------------------------------------------------

Tree Kiosk::build_screen() const {
  switch (m_screen) {
    case Screen::Attract: return build_attract();
    case Screen::Home: return build_home();
    case Screen::Settings: return build_settings();
    case Screen::Help: return build_help();
    case Screen::Language: return build_language();
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
  if (screen != Screen::Help) m_describing_keys = false;
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

// One SettingChanged for each setting that differs, in the order of docs/design.md section 5.
void announce_changes(const Settings& before, const Settings& after, Effects& out) {
  auto announce = [&](const char* name, const auto& from, const auto& to) {
    if (from != to) out.push_back(SettingChanged{name, to});
  };
  announce("zoom", before.zoom, after.zoom);
  announce("theme", before.theme, after.theme);
  announce("language", before.language, after.language);
  announce("rate", before.rate, after.rate);
  announce("volume", before.volume, after.volume);
  if (before.verbosity != after.verbosity)
    out.push_back(SettingChanged{"verbosity", std::string(verbosity_name(after.verbosity))});
  announce("curtain", before.curtain, after.curtain);
  announce("speech", before.speech, after.speech);
  announce("earcons", before.earcons, after.earcons);
  announce("touch_explore", before.touch_explore, after.touch_explore);
  announce("sign", before.sign, after.sign);
  announce("sign_large", before.sign_large, after.sign_large);
  announce("sign_speed", before.sign_speed, after.sign_speed);
  announce("easy_read", before.easy_read, after.easy_read);
  announce("braille_table", before.braille_table, after.braille_table);
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

// ---- input ---------------------------------------------------------------------------

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
  if (extended || m_screen == Screen::Timeout) {
    out.push_back(SessionEvent{"extended"});
    m_status.reset();
    show(m_before_timeout, out, m_focus_before_timeout);
    return out;
  }
  if (Service* service = current_service(); service && m_screen == Screen::Service) apply(service->on_input(context()), out);
  if (m_touch_started && source != InputSource::Touch) {
    // A touch-started session: the first key press turns speech on and is used up.
    m_touch_started = false;
    m_settings.speech = true;
    m_settings.touch_explore = true;
    out.push_back(SettingChanged{"speech", true});
    out.push_back(SettingChanged{"touch_explore", true});
    rebuild(out);
    out.push_back(SpeechRequest{SpeechControl::Guide});
    return out;
  }
  if (m_describing_keys) {
    describe_key(command, out);
    return out;
  }
  if (command != Command::Help) m_help_presses = 0;
  if (command != Command::Where && command != Command::Help) m_status.reset();
  if (auto digit = command_digit(command)) digit_key(*digit, out);
  else perform(command, out);
  return out;
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
  const bool in_field = node && is_field(node->role);
  switch (command) {
    case Command::Up:
    case Command::Down: navigate(command, out); break;
    case Command::Left:
    case Command::Right:
      if (node && (node->role == Role::Choice))
        adjust(node->id, command == Command::Right ? 1 : -1, out);
      else if (in_field)
        edit(FieldInput{command == Command::Right ? FieldKey::CursorRight : FieldKey::CursorLeft, 0, 0}, out);
      break;
    case Command::Select:
      if (node) activate(node->id, out);
      break;
    case Command::Back: go_back(out); break;
    case Command::Help: help(out); break;
    case Command::Repeat: out.push_back(SpeechRequest{SpeechControl::Repeat}); break;
    case Command::Where: where(out); break;
    case Command::Pause: out.push_back(SpeechRequest{SpeechControl::PauseToggle}); break;
    case Command::VolumeDown: step_volume(-1, out); break;
    case Command::VolumeUp: step_volume(1, out); break;
    case Command::RateDown: step_rate(-1, out); break;
    case Command::RateUp: step_rate(1, out); break;
    case Command::ZoomOut:
    case Command::ZoomIn:
    case Command::Contrast:
    case Command::Curtain:
    case Command::Sign: setting_key(command, out); break;
    case Command::Language: toggle_language(out); break;
    case Command::Home:
      if (m_screen != Screen::Home) show(Screen::Home, out);
      break;
    case Command::CallStaff: activate("home.call_staff", out); break;
    case Command::Star:   // star types X in an ID-type field (the pad has no X key)
    case Command::X:
      if (in_field) edit(FieldInput{FieldKey::Char, 'X', 0}, out);
      break;
    case Command::Clear:  // Clear ← deletes the character before the cursor
      if (in_field) edit(FieldInput{FieldKey::Backspace, 0, 0}, out);
      break;
    default: break;
  }
}

// Help in layers (docs/accessibility.md section 2): the focused item's help; pressed twice,
// the key list; on the key list, key-describer mode until Help is pressed again.
void Kiosk::help(Effects& out) {
  if (m_screen == Screen::Help) {
    m_help_presses = 0;
    m_describing_keys = true;
    raise("key_describer_on", Message::of("help.describer_on"), out);
    return;
  }
  if (++m_help_presses >= 2) {
    m_help_presses = 0;
    m_status.reset();   // the first press's item help belongs to the screen left behind
    show(Screen::Help, out);
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
    out.push_back(SessionEvent{"extended"});
    show(m_before_timeout, out, m_focus_before_timeout);
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

void Kiosk::raise(const std::string& code, Message text, Effects& out, Privacy privacy) {
  Alert alert{code, std::move(text), privacy};
  m_status = alert;
  out.push_back(std::move(alert));
}

}  // namespace kiosk::core
