// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// liblouis implementation of core::braille::BrailleTranslator (docs/accessibility.md 5).
// Mode dotsIO|ucBrl (Unicode braille out), 32-bit widechar, log level ERROR, the
// project table dir first on LOUIS_TABLEPATH. Text is split into runs by script; each
// run goes through exactly one table (never a mixed table list).
// Not thread-safe (liblouis keeps global state): construct and use on one thread at a
// time. open() compiles every table up front (20-60 ms each for the zh tables), so call
// it at start-up, before the first frame, not from the first translate().
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "kiosk/core/present/braille/braille_reading.h"
#include "kiosk/core/present/braille/braille_translator.h"

namespace kiosk::drivers::braille {

struct LouisConfig {
  std::string table_dir;   // the project tables, normally <root>/config/braille
};

class LouisTranslator;
struct LouisOpenResult {
  std::unique_ptr<LouisTranslator> translator;   // null on failure
  std::string error;                             // what failed (table name, cause)
};

class LouisTranslator final : public core::braille::BrailleTranslator {
 public:
  // Sets LOUIS_TABLEPATH (call before other threads start that read the environment),
  // sets the log level and compiles kiosk-zh, kiosk-zh-g1, en-ueb-g1 and en-ueb-g2.
  static LouisOpenResult open(const LouisConfig& config);

  core::braille::Translation translate(std::string_view text,
                                       const core::braille::BrailleTables& tables) override;

  // Issue 13: text with Han goes through the national common braille table (kiosk-zh) with
  // each character replaced by the canonical character of its reading
  // (core/present/braille/braille_reading.h); current braille (kiosk-zh-g1) stays on
  // liblouis alone.
  // `reader` is asked once, on the first Chinese text (it may wait for the loader).
  using ReaderSource = std::function<std::shared_ptr<const core::speech::Reader>()>;
  void set_reading(ReaderSource reader, core::braille::SyllableCharacters syllables);
  // The same with the syllable table read from its file (config/braille/syllables.tsv).
  // Returns "" or "file: cannot read" / "file:line: problem"; on error liblouis reads alone.
  std::string follow_readings(ReaderSource reader, const std::string& syllables_file);

  // One table on one string, no run split (tests and the tables tool).
  core::braille::Translation translate_with(std::string_view text, const std::string& table_file);

  static std::string table_file(std::string_view table_id);   // "kiosk-zh" -> "kiosk-zh.ctb"

 private:
  LouisTranslator() = default;

  ReaderSource m_reader_source;
  std::shared_ptr<const core::speech::Reader> m_reader;
  core::braille::SyllableCharacters m_syllables;
};

}  // namespace kiosk::drivers::braille
