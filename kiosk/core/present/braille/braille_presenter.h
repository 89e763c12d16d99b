// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Braille presenter: the focused item as one braille line (name, short role mark, state,
// value), panned by the display width at character boundaries, routing keys mapped to
// activation or a cursor position, and alerts that stay until the next key.
// Pure: it owns no device. The app feeds it the focused item (labels already resolved
// through i18n), takes frames to write when they change, and takes line events for the
// transcript. Main thread only. The translator is borrowed and must outlive the presenter.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/present/braille/braille_input.h"
#include "kiosk/core/present/braille/braille_translator.h"
#include "kiosk/core/ui/ui_tree.h"

namespace kiosk::core::braille {

// Words the line uses, resolved for the current language by the app (the core holds no
// display strings). Empty strings are left out of the line.
struct BrailleVocabulary {
  std::array<std::string, 13> role_marks;   // indexed by Role; short, e.g. "钮" / "btn"
  std::string selected;                     // e.g. "已选"
  std::string not_selected;                 // checkbox / choice not chosen, e.g. "未选"
  std::string disabled;                     // e.g. "不可用"
  std::string invalid;                      // e.g. "有误"
  std::string busy;                         // e.g. "请稍候"
  std::string hidden;                       // personal value hidden, e.g. "内容已隐藏"
  const std::string& role_mark(Role role) const { return role_marks[static_cast<std::size_t>(role)]; }
};

// The focused node, with its label already resolved.
struct BrailleItem {
  std::string id;                           // node id; same id = same item (keeps the pan)
  Role role = Role::Text;
  std::string name;
  std::string value;                        // UTF-8, the real value (fields, status)
  NodeState state;
  Privacy privacy = Privacy::Public;
  int cursor = -1;                          // fields: code point index in value, -1 = none
};
BrailleItem braille_item(const Node& node, std::string resolved_name, int cursor = -1);

enum class PersonalContent { Hidden, Shown };   // same rule as speech (headset or consent)

// The window to put on the display: `cells` is UTF-8 Unicode braille, at most `width`
// cells (the driver pads); `cursor` is the 0-based cell of the field cursor, or -1.
struct BrailleFrame {
  std::string cells;
  int cursor = -1;
  bool operator==(const BrailleFrame&) const = default;
};

// Transcript event {"type":"braille","text","cells","table"}: the whole line, before
// panning. `text` never holds a secret value (it shows '*' per character instead).
struct BrailleLineEvent {
  std::string text;
  std::string cells;
  std::string table;
  bool operator==(const BrailleLineEvent&) const = default;
};

// What a braille key asks the app to do after the presenter has handled its part.
enum class BrailleActionKind {
  None,          // consumed (pan, alert dismissed by a routing key, nothing under the key)
  PanBoundary,   // pan at the start / end of the line: the app may play a sound
  Activate,      // routing key over an actionable item: the same as Select
  SetCursor,     // routing key over a field: put the cursor at `position` (code points)
  PreviousItem, NextItem, FirstItem, LastItem,
  Input,         // dots / space / enter / backspace: the app types or runs a command
};
struct BrailleAction {
  BrailleActionKind kind = BrailleActionKind::None;
  int position = 0;      // SetCursor
  BrailleKey key;        // Input
};

class BraillePresenter {
 public:
  static constexpr int kDefaultWidth = 40;   // headless default (docs/design.md 5)
  static constexpr char32_t kFullCell = U'\u28FF';

  explicit BraillePresenter(BrailleTranslator& translator);

  // Display width in cells (1..255); 0 or less = no display, keeps laying out at 40.
  void set_width(int cells);
  int width() const { return m_width; }
  void set_tables(const BrailleTables& tables);
  void set_vocabulary(BrailleVocabulary vocabulary);

  // Shows `item` (focus moved or its value changed). A new item id starts at the first
  // window; the same id keeps the window, moving it only to keep the cursor visible.
  // An active alert stays on top; the item shows when it goes.
  void present(const BrailleItem& item, PersonalContent personal);
  // Shows `text` until the next key (handle_key or dismiss_alert).
  void show_alert(const std::string& text);
  void dismiss_alert();
  bool alert_active() const { return m_alert.has_value(); }
  // Session end: blank line, nothing personal left (T2).
  void clear();

  BrailleAction handle_key(const BrailleKey& key);

  BrailleFrame frame() const;
  // The frame, only when it differs from the last one taken (write only on change).
  std::optional<BrailleFrame> take_frame();
  // The line, only when its text or cells changed since the last one taken.
  std::optional<BrailleLineEvent> take_event();
  const std::string& last_error() const { return m_error; }

 private:
  enum class Part { Name, Role, State, Value, Alert, Blank };
  struct Cell {
    char32_t dots = U'\u2800';
    Part part = Part::Blank;
    int source = -1;     // code point index inside its part's text
  };
  struct Line {
    std::vector<Cell> cells;
    std::string text;
    std::string table;
  };

  void rebuild();
  void append_text(Line& line, Part part, const std::string& text);
  void append_cells(Line& line, Part part, int count, char32_t dots);
  void compute_stops();
  int window_end(int start) const;
  int cursor_cell() const;
  void show_cell(int cell);
  BrailleAction route(int key);

  BrailleTranslator& m_translator;
  BrailleTables m_tables;
  BrailleVocabulary m_vocabulary;
  int m_width = kDefaultWidth;
  std::optional<BrailleItem> m_item;
  PersonalContent m_personal = PersonalContent::Hidden;
  std::optional<std::string> m_alert;
  Line m_line;
  std::vector<int> m_stops;        // first cell of each window
  std::size_t m_stop = 0;
  std::optional<BrailleFrame> m_taken_frame;
  std::optional<BrailleLineEvent> m_taken_event;
  std::string m_error;
};

}  // namespace kiosk::core::braille
