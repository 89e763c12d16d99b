// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Text -> braille cells, behind an interface so the presenter stays pure and testable.
// The real implementation (drivers/braille/louis_translator.h) uses liblouis; tests use
// a fake. Implementations are not thread-safe (liblouis keeps global state): one thread
// at a time, normally the main thread.
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core::braille {

// Table ids, as in Settings::braille_table and the transcript (".ctb" appended there).
inline constexpr std::string_view kTableZhCommon = "kiosk-zh";      // GF 0019-2018, default
inline constexpr std::string_view kTableZhCurrent = "kiosk-zh-g1";  // current braille, tones
inline constexpr std::string_view kTableEnG1 = "en-ueb-g1";
inline constexpr std::string_view kTableEnG2 = "en-ueb-g2";

// Which table each script goes through. Han text (with the Latin inside it) goes through
// `chinese`; text without Han through `english`; digit runs are numeric braille.
struct BrailleTables {
  std::string chinese{kTableZhCommon};
  std::string english{kTableEnG1};
  bool operator==(const BrailleTables&) const = default;
};

// The one setting `braille_table` (docs/design.md 5) names either a Chinese or an English
// table; the other script keeps its default. Unknown ids give the defaults.
BrailleTables tables_for_setting(std::string_view braille_table);

// A translated line. `cells` is Unicode braille (U+2800..U+28FF, blank = U+2800) in
// UTF-8; `source[i]` is the index (in code points of the input) of the character that
// produced cell i, non-decreasing; cells().size() == source.size(). `table` is the table
// file of the main script of the text, e.g. "kiosk-zh.ctb" (for the transcript).
// Result type: `error` is empty on success; on failure the other fields are empty.
struct Translation {
  std::string cells;
  std::vector<int> source;
  std::string table;
  std::string error;
  bool ok() const { return error.empty(); }
};

class BrailleTranslator {
 public:
  virtual ~BrailleTranslator() = default;
  // `text` is UTF-8. Empty text gives an empty, successful translation.
  virtual Translation translate(std::string_view text, const BrailleTables& tables) = 0;
};

}  // namespace kiosk::core::braille
