// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit.h"

#include <cstdio>
#include <fstream>
#include <set>

#include "kiosk/core/text/utf8.h"

namespace pronunciation_audit {
namespace {

using kiosk::core::speech::is_han;
using kiosk::core::speech::u32_to_utf8;
using kiosk::core::speech::utf8_to_u32;

std::string join(const std::vector<std::string>& v, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) out += (out.empty() ? "" : " ") + (v[i].empty() ? std::string("-") : v[i]);
  return out;
}

std::string strip_blanks(const std::string& cells) {
  std::u32string out;
  for (char32_t c : utf8_to_u32(cells))
    if (c != U'\u2800') out.push_back(c);
  return u32_to_utf8(out);
}

// The cells of each Han run of the text as liblouis writes them from the fed characters,
// against the cells of each fed character alone: they differ only if a word rule of the
// table took over (or the scheme's spacing moved), which the syllable table cannot catch.
void check_braille_runs(const std::string& text, const std::u32string& fed, kiosk::drivers::braille::LouisTranslator& louis,
                        std::map<char32_t, std::string>& alone, Report& report) {
  const std::u32string original = utf8_to_u32(text);
  // Han and the private-use characters of the generated rules.
  auto fed_char = [](char32_t c) { return is_han(c) || (c >= 0xE000 && c <= 0xF8FF); };
  for (std::size_t i = 0; i < fed.size();) {
    if (!fed_char(fed[i])) {
      ++i;
      continue;
    }
    std::size_t e = i;
    std::string expected;
    while (e < fed.size() && fed_char(fed[e])) {
      auto it = alone.find(fed[e]);
      if (it == alone.end())
        it = alone.emplace(fed[e], strip_blanks(louis.translate_with(u32_to_utf8(std::u32string(1, fed[e])), "kiosk-zh.ctb").cells)).first;
      expected += it->second;
      ++e;
    }
    const std::string run = u32_to_utf8(fed.substr(i, e - i));
    if (strip_blanks(louis.translate_with(run, "kiosk-zh.ctb").cells) != expected) {
      ++report.braille_syllable_errors;
      report.braille_findings.push_back(u32_to_utf8(original.substr(i, e - i)) + " (fed as " + run + "): a word rule changed the cells");
    }
    i = e;
  }
}

}  // namespace

bool load_exceptions(const std::string& path, std::vector<Exception>& out, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = path + ": cannot read";
    return false;
  }
  int line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::size_t at = 0;
    for (std::size_t tab; (tab = line.find('\t', at)) != std::string::npos; at = tab + 1) f.push_back(line.substr(at, tab - at));
    f.push_back(line.substr(at));
    if (f.size() != 4 || f[0].empty() || f[3].empty()) {
      error = path + ":" + std::to_string(line_no) + ": expected word, kiosk reading, reference reading and a reason";
      return false;
    }
    out.push_back({f[0], f[1], f[2], f[3]});
  }
  return true;
}

Report audit(const std::vector<std::string>& texts, const std::map<std::string, std::vector<std::string>>& reference,
             const kiosk::core::speech::Reader& reader, const kiosk::core::braille::SyllableCharacters& syllables,
             kiosk::drivers::braille::LouisTranslator& louis, std::vector<Exception>& exceptions) {
  Report report;
  std::map<char32_t, std::string> alone;
  for (const std::string& text : texts) {
    const std::u32string t = utf8_to_u32(text);
    const auto r = reader.read(std::u32string_view(t));
    const auto ref = reference.find(text);
    if (ref == reference.end() || ref->second.size() != t.size()) {
      report.findings.push_back({text, "", "", "no reference reading", false, false, ""});
      continue;
    }
    ++report.texts;
    std::set<std::size_t> word_done;
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (!is_han(t[i])) continue;
      ++report.syllables;
      const std::string& mine = r.citation[i];
      const std::string& theirs = ref->second[i];
      if (!mine.empty() && !syllables.find(mine)) {
        // liblouis reads the printed character alone: counted as a braille error.
        ++report.braille_unmapped;
        ++report.braille_tone_errors;
        report.braille_findings.push_back(u32_to_utf8(t.substr(i, 1)) + " " + mine + ": no canonical character, liblouis reads it alone (in \"" + text + "\")");
      }
      if (mine == theirs) continue;
      const bool tone_only = !mine.empty() && !theirs.empty() && mine.substr(0, mine.size() - 1) == theirs.substr(0, theirs.size() - 1);
      std::size_t b = i, e = i + 1;
      while (b > 0 && !r.word_start[b]) --b;
      while (e < t.size() && is_han(t[e]) && !r.word_start[e]) ++e;
      Finding f{text, u32_to_utf8(t.substr(b, e - b)), join(r.citation, b, e), join(ref->second, b, e), tone_only, false, ""};
      for (Exception& x : exceptions) {
        if (x.word == f.word && x.kiosk == f.kiosk && x.reference == f.reference) {
          f.reviewed = x.used = true;
          f.reason = x.reason;
        }
      }
      if (f.reviewed) {
        (tone_only ? report.reviewed_tone : report.reviewed_syllable)++;
      } else {
        (tone_only ? report.speech_tone_errors : report.speech_syllable_errors)++;
        (tone_only ? report.braille_tone_errors : report.braille_syllable_errors)++;
      }
      if (word_done.insert(b).second) report.findings.push_back(std::move(f));
    }
    check_braille_runs(text, kiosk::core::braille::substitute_readings(t, r, syllables), louis, alone, report);
  }
  return report;
}

void print_report(const Report& r, const std::vector<Exception>& exceptions) {
  std::map<std::string, int> unreviewed;
  for (const Finding& f : r.findings) {
    if (f.reviewed) continue;
    if (f.word.empty()) {
      std::printf("NO REFERENCE  %s\n", f.text.c_str());
      continue;
    }
    const std::string key = f.word + "\t" + f.kiosk + "\t" + f.reference;
    if (unreviewed[key]++ == 0)
      std::printf("UNREVIEWED  %s\t%s\t%s\t(in \"%s\")\n", f.word.c_str(), f.kiosk.c_str(), f.reference.c_str(), f.text.c_str());
  }
  for (const std::string& b : r.braille_findings) std::printf("BRAILLE  %s\n", b.c_str());
  for (const Exception& x : exceptions)
    if (!x.used) std::printf("UNUSED EXCEPTION  %s\t%s\t%s (no text has it any more: remove it)\n", x.word.c_str(), x.kiosk.c_str(), x.reference.c_str());
  const double per100 = r.syllables ? 100.0 / static_cast<double>(r.syllables) : 0;
  std::printf("texts %zu, Han syllables %zu\n", r.texts, r.syllables);
  std::printf("against the reference: %.2f syllable / %.2f tone disagreements per 100 syllables, %zu + %zu reviewed\n",
              static_cast<double>(r.reviewed_syllable + r.speech_syllable_errors) * per100,
              static_cast<double>(r.reviewed_tone + r.speech_tone_errors) * per100, r.reviewed_syllable, r.reviewed_tone);
  std::printf("speech:  %.2f syllable / %.2f tone errors per 100 syllables (unreviewed)\n",
              static_cast<double>(r.speech_syllable_errors) * per100, static_cast<double>(r.speech_tone_errors) * per100);
  std::printf("braille: %.2f syllable / %.2f tone errors per 100 syllables (unreviewed); %zu syllables with no canonical character\n",
              static_cast<double>(r.braille_syllable_errors) * per100, static_cast<double>(r.braille_tone_errors) * per100,
              r.braille_unmapped);
}

}  // namespace pronunciation_audit
