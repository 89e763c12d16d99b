// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/present/braille/braille_presenter.h"

#include <algorithm>
#include <utility>

#include "kiosk/core/present/braille/braille_text.h"

namespace kiosk::core::braille {

namespace {
constexpr char32_t kBlank = U'\u2800';
}

BrailleTables tables_for_setting(std::string_view braille_table) {
  BrailleTables tables;
  if (braille_table == kTableZhCommon || braille_table == kTableZhCurrent) {
    tables.chinese = std::string(braille_table);
  } else if (braille_table == kTableEnG1 || braille_table == kTableEnG2) {
    tables.english = std::string(braille_table);
  }
  return tables;
}

BrailleItem braille_item(const Node& node, std::string resolved_name, int cursor) {
  BrailleItem item;
  item.id = node.id;
  item.role = node.role;
  item.name = std::move(resolved_name);
  item.value = node.value;
  item.state = node.state;
  item.privacy = node.privacy;
  item.cursor = cursor;
  return item;
}

BraillePresenter::BraillePresenter(BrailleTranslator& translator) : m_translator(translator) {
  rebuild();
}

void BraillePresenter::set_width(int cells) {
  const int width = cells <= 0 ? kDefaultWidth : std::min(cells, 255);
  if (width == m_width) return;
  m_width = width;
  compute_stops();
  show_cell(cursor_cell());
}

void BraillePresenter::set_tables(const BrailleTables& tables) {
  if (tables == m_tables) return;
  m_tables = tables;
  rebuild();
}

void BraillePresenter::set_vocabulary(BrailleVocabulary vocabulary) {
  m_vocabulary = std::move(vocabulary);
  rebuild();
}

void BraillePresenter::present(const BrailleItem& item, PersonalContent personal) {
  const bool same_item = m_item && m_item->id == item.id;
  m_item = item;
  m_personal = personal;
  if (m_alert) return;
  const std::size_t old_stop = m_stop;
  rebuild();
  if (same_item) {
    m_stop = std::min(old_stop, m_stops.size() - 1);
  }
  show_cell(cursor_cell());
}

void BraillePresenter::show_alert(const std::string& text) {
  m_alert = text;
  rebuild();
}

void BraillePresenter::dismiss_alert() {
  if (!m_alert) return;
  m_alert.reset();
  rebuild();
  show_cell(cursor_cell());
}

void BraillePresenter::clear() {
  m_item.reset();
  m_alert.reset();
  rebuild();
}

void BraillePresenter::append_cells(Line& line, Part part, int count, char32_t dots) {
  for (int i = 0; i < count; ++i) line.cells.push_back(Cell{dots, part, i});
}

void BraillePresenter::append_text(Line& line, Part part, const std::string& text) {
  if (text.empty()) return;
  if (!line.cells.empty()) {
    line.cells.push_back(Cell{kBlank, Part::Blank, -1});
    line.text += ' ';
  }
  line.text += text;
  Translation t = m_translator.translate(text, m_tables);
  if (!t.ok()) {
    // Keep the line usable: one full cell per character, and say why once.
    m_error = t.error;
    const auto chars = utf8_decode(text);
    append_cells(line, part, static_cast<int>(chars.size()), kFullCell);
    return;
  }
  if (line.table.empty()) line.table = t.table;
  const std::u32string dots = utf8_decode(t.cells);
  for (std::size_t i = 0; i < dots.size(); ++i) {
    const int source = i < t.source.size() ? t.source[i] : -1;
    line.cells.push_back(Cell{dots[i], part, source});
  }
}

void BraillePresenter::rebuild() {
  Line line;
  if (m_alert) {
    append_text(line, Part::Alert, *m_alert);
  } else if (m_item) {
    const BrailleItem& item = *m_item;
    append_text(line, Part::Name, item.name);
    append_text(line, Part::Role, m_vocabulary.role_mark(item.role));
    std::string state;
    auto add = [&state](const std::string& word) {
      if (word.empty()) return;
      if (!state.empty()) state += ' ';
      state += word;
    };
    const bool two_state = item.role == Role::Checkbox;   // a Choice carries a value, not a state
    if (item.state.selected) add(m_vocabulary.selected);
    else if (two_state) add(m_vocabulary.not_selected);
    if (item.state.disabled) add(m_vocabulary.disabled);
    if (item.state.invalid) add(m_vocabulary.invalid);
    if (item.state.busy) add(m_vocabulary.busy);
    append_text(line, Part::State, state);

    const int length = static_cast<int>(utf8_decode(item.value).size());
    if (item.privacy == Privacy::Secret) {
      if (length > 0) {
        if (!line.cells.empty()) {
          line.cells.push_back(Cell{kBlank, Part::Blank, -1});
          line.text += ' ';
        }
        line.text += std::string(static_cast<std::size_t>(length), '*');
        append_cells(line, Part::Value, length, kFullCell);
      }
    } else if (item.privacy == Privacy::Personal && m_personal == PersonalContent::Hidden && !is_field(item.role)) {
      // S7: what the resident types (an ID or phone number) is echoed on the braille
      // display, their own, as on the headset; other personal content waits for consent.
      if (length > 0) append_text(line, Part::Role, m_vocabulary.hidden);
    } else {
      append_text(line, Part::Value, item.value);
    }
    // A field's cursor at the end needs a cell to stand on.
    if (is_field(item.role) && item.cursor >= 0) line.cells.push_back(Cell{kBlank, Part::Blank, -1});
  }
  m_line = std::move(line);
  compute_stops();
}

int BraillePresenter::window_end(int start) const {
  const int n = static_cast<int>(m_line.cells.size());
  int end = std::min(start + m_width, n);
  if (end >= n) return n;
  auto begins_char = [this](int i) {
    const Cell& a = m_line.cells[static_cast<std::size_t>(i - 1)];
    const Cell& b = m_line.cells[static_cast<std::size_t>(i)];
    return a.part != b.part || a.source != b.source || b.source < 0;
  };
  // Prefer a word break (after a blank cell) in the second half of the window.
  for (int i = end; i > start + m_width / 2; --i) {
    if (m_line.cells[static_cast<std::size_t>(i - 1)].dots == kBlank) return i;
  }
  for (int i = end; i > start; --i) {
    if (begins_char(i)) return i;
  }
  return end;   // one character wider than the display: cut it
}

void BraillePresenter::compute_stops() {
  m_stops.assign(1, 0);
  const int n = static_cast<int>(m_line.cells.size());
  int start = 0;
  while (true) {
    const int end = window_end(start);
    if (end >= n || end <= start) break;
    start = end;
    m_stops.push_back(start);
  }
  m_stop = 0;
}

int BraillePresenter::cursor_cell() const {
  if (m_alert || !m_item || !is_field(m_item->role) || m_item->cursor < 0) return -1;
  int last_value = -1;
  for (std::size_t i = 0; i < m_line.cells.size(); ++i) {
    const Cell& c = m_line.cells[i];
    if (c.part != Part::Value) continue;
    if (c.source >= m_item->cursor) return static_cast<int>(i);
    last_value = static_cast<int>(i);
  }
  // After the value: the trailing blank (or the cell after the last value cell).
  if (last_value >= 0) return last_value + 1;
  return static_cast<int>(m_line.cells.size()) - 1;
}

void BraillePresenter::show_cell(int cell) {
  if (cell < 0) return;
  for (std::size_t s = m_stops.size(); s-- > 0;) {
    if (m_stops[s] <= cell) {
      m_stop = s;
      return;
    }
  }
}

BrailleAction BraillePresenter::route(int key) {
  const int cell = m_stops[m_stop] + key;
  if (key < 0 || key >= m_width || !m_item) return {};
  const BrailleItem& item = *m_item;
  if (is_field(item.role)) {
    const int length = static_cast<int>(utf8_decode(item.value).size());
    BrailleAction action{BrailleActionKind::SetCursor, length, {}};
    const int end = window_end(m_stops[m_stop]);
    if (cell < end) {
      const Cell& c = m_line.cells[static_cast<std::size_t>(cell)];
      if (c.part == Part::Value && c.source >= 0) action.position = c.source;
    }
    return action;
  }
  if (is_actionable(item.role) && !item.state.disabled &&
      cell < static_cast<int>(m_line.cells.size())) {
    return BrailleAction{BrailleActionKind::Activate, 0, {}};
  }
  return {};
}

BrailleAction BraillePresenter::handle_key(const BrailleKey& key) {
  switch (key.kind) {
    case BrailleKeyKind::PanLeft:
      if (m_stop == 0) return BrailleAction{BrailleActionKind::PanBoundary, 0, {}};
      --m_stop;
      return {};
    case BrailleKeyKind::PanRight:
      if (m_stop + 1 >= m_stops.size()) return BrailleAction{BrailleActionKind::PanBoundary, 0, {}};
      ++m_stop;
      return {};
    default:
      break;
  }
  if (m_alert) {
    dismiss_alert();
    // The routing key was over the alert's text, not the item's: only dismiss.
    if (key.kind == BrailleKeyKind::Route) return {};
  }
  switch (key.kind) {
    case BrailleKeyKind::Route: return route(key.argument);
    case BrailleKeyKind::LineUp: return BrailleAction{BrailleActionKind::PreviousItem, 0, {}};
    case BrailleKeyKind::LineDown: return BrailleAction{BrailleActionKind::NextItem, 0, {}};
    case BrailleKeyKind::Top: return BrailleAction{BrailleActionKind::FirstItem, 0, {}};
    case BrailleKeyKind::Bottom: return BrailleAction{BrailleActionKind::LastItem, 0, {}};
    default: return BrailleAction{BrailleActionKind::Input, 0, key};
  }
}

BrailleFrame BraillePresenter::frame() const {
  BrailleFrame f;
  const int start = m_stops[m_stop];
  const int end = window_end(start);
  std::u32string dots;
  for (int i = start; i < end; ++i) dots += m_line.cells[static_cast<std::size_t>(i)].dots;
  // Trailing blanks carry nothing; the driver pads to the display width anyway.
  while (!dots.empty() && dots.back() == kBlank) dots.pop_back();
  f.cells = utf8_encode(dots);
  const int cursor = cursor_cell();
  if (cursor >= start && cursor < end) f.cursor = cursor - start;
  return f;
}

std::optional<BrailleFrame> BraillePresenter::take_frame() {
  BrailleFrame f = frame();
  if (m_taken_frame && *m_taken_frame == f) return std::nullopt;
  m_taken_frame = f;
  return f;
}

std::optional<BrailleLineEvent> BraillePresenter::take_event() {
  std::u32string dots;
  for (const Cell& c : m_line.cells) dots += c.dots;
  while (!dots.empty() && dots.back() == kBlank) dots.pop_back();
  BrailleLineEvent event{m_line.text, utf8_encode(dots), m_line.table};
  if (m_taken_event && *m_taken_event == event) return std::nullopt;
  m_taken_event = event;
  return event;
}

}  // namespace kiosk::core::braille
