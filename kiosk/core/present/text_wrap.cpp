// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/present/text_wrap.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string_view>

#include "kiosk/core/text/utf8.h"

namespace kiosk::core {

namespace {

struct Glyph {            // one code point of the input
  char32_t cp;
  std::size_t offset;     // byte offset in the paragraph
  std::size_t size;       // bytes
};

// Decodes UTF-8; an invalid byte becomes a glyph of its own (U+FFFD) so that the
// text still wraps and the bytes survive unchanged into the output lines.
std::vector<Glyph> decode(std::string_view s) {
  std::vector<Glyph> out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const speech::Utf8Step step = speech::utf8_next(s, i);
    out.push_back(Glyph{step.cp, i, step.size});
    i += step.size;
  }
  return out;
}

bool is_space(char32_t cp) { return cp == U' ' || cp == U'\t' || cp == 0x3000; }

bool contains(std::u32string_view set, char32_t cp) {
  return set.find(cp) != std::u32string_view::npos;
}

// May the line break between a and b?
bool break_allowed(char32_t a, char32_t b) {
  if (is_closing_punct(b) || is_opening_punct(a)) return false;
  if (is_space(b)) return false;   // spaces stay with what precedes them
  if (is_space(a)) return true;
  return is_cjk_breakable(a) || is_cjk_breakable(b);
}

class LineBuilder {
 public:
  LineBuilder(std::string_view para, int max_width, int px, FontFace face,
              const TextMeasurer& m, std::vector<std::string>& out)
      : m_para(para), m_max(max_width), m_px(px), m_face(face), m_measurer(m), m_out(out) {}

  // Adds glyphs [begin, end) of `g` (one unbreakable atom).
  void add_atom(const std::vector<Glyph>& g, std::size_t begin, std::size_t end) {
    const std::size_t b = g[begin].offset;
    const std::size_t e = g[end - 1].offset + g[end - 1].size;
    if (!m_has_line) {
      start_line(b);
      if (fits(b, e)) { m_end = e; return; }
    } else if (fits(m_start, e)) {
      m_end = e;
      return;
    } else {
      flush();
      // Spaces at the wrap point are dropped, so a new line starts at the first non-space.
      while (begin < end && is_space(g[begin].cp)) ++begin;
      if (begin == end) return;
      start_line(g[begin].offset);
      if (fits(g[begin].offset, e)) { m_end = e; return; }
    }
    break_by_character(g, begin, end);
  }

  void finish() {
    if (m_has_line) flush();
  }

 private:
  void start_line(std::size_t at) {
    m_has_line = true;
    m_start = at;
    m_end = at;
  }

  bool fits(std::size_t b, std::size_t e) const {
    std::string_view s = m_para.substr(b, e - b);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return m_measurer.width(std::string(s), m_px, m_face) <= m_max;
  }

  void flush() {
    std::string_view s = m_para.substr(m_start, m_end - m_start);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    m_out.emplace_back(s);
    m_has_line = false;
  }

  // The atom is wider than a line: fill lines greedily by code point, but keep
  // closing punctuation off the start of a line and opening punctuation off its end.
  void break_by_character(const std::vector<Glyph>& g, std::size_t begin, std::size_t end) {
    std::size_t i = begin;
    while (i < end) {
      std::size_t k = i + 1;   // at least one code point per line
      while (k < end && fits(m_start, g[k].offset + g[k].size)) ++k;
      if (k < end) {
        std::size_t adj = k;
        while (adj > i + 1 && (is_closing_punct(g[adj].cp) || is_opening_punct(g[adj - 1].cp)))
          --adj;
        k = adj;
        m_end = g[k - 1].offset + g[k - 1].size;
        flush();
        start_line(g[k].offset);
      } else {
        m_end = g[k - 1].offset + g[k - 1].size;
      }
      i = k;
    }
  }

  std::string_view m_para;
  int m_max;
  int m_px;
  FontFace m_face;
  const TextMeasurer& m_measurer;
  std::vector<std::string>& m_out;
  bool m_has_line = false;
  std::size_t m_start = 0, m_end = 0;   // byte range of the line being built
};

void wrap_paragraph(std::string_view para, int max_width, int px, FontFace face,
                    const TextMeasurer& m, std::vector<std::string>& out) {
  if (para.empty() || max_width <= 0) {
    out.emplace_back(para);
    return;
  }
  const std::vector<Glyph> g = decode(para);
  LineBuilder builder(para, max_width, px, face, m, out);
  std::size_t atom_begin = 0;
  for (std::size_t i = 1; i <= g.size(); ++i) {
    if (i == g.size() || break_allowed(g[i - 1].cp, g[i].cp)) {
      builder.add_atom(g, atom_begin, i);
      atom_begin = i;
    }
  }
  builder.finish();
}

}  // namespace

bool is_closing_punct(char32_t cp) {
  static constexpr std::u32string_view kClosing =
      U"，。、；：？！）》」』”’〉】〕〗〙〛｝］％…‥·・ー々〻ゝゞヽヾ,.;:?!)]}%";
  return contains(kClosing, cp);
}

bool is_opening_punct(char32_t cp) {
  static constexpr std::u32string_view kOpening = U"（《「『“‘〈【〔〖〘〚｛［([{";
  return contains(kOpening, cp);
}

bool is_cjk_breakable(char32_t cp) {
  return (cp >= 0x2E80 && cp <= 0x9FFF) ||    // radicals, CJK punctuation, kana, ideographs
         (cp >= 0xF900 && cp <= 0xFAFF) ||    // compatibility ideographs
         (cp >= 0xFE30 && cp <= 0xFE4F) ||    // compatibility forms
         (cp >= 0xFF00 && cp <= 0xFF60) ||    // full-width forms
         (cp >= 0x20000 && cp <= 0x3FFFF);    // extension ideographs
}

std::vector<std::string> wrap_text(const std::string& utf8, int max_width_px, int px,
                                   FontFace face, const TextMeasurer& measurer) {
  std::vector<std::string> lines;
  if (utf8.empty()) return lines;
  std::string_view rest(utf8);
  while (true) {
    const std::size_t nl = rest.find('\n');
    std::string_view para = rest.substr(0, nl);
    if (!para.empty() && para.back() == '\r') para.remove_suffix(1);
    wrap_paragraph(para, max_width_px, px, face, measurer, lines);
    if (nl == std::string_view::npos) break;
    rest.remove_prefix(nl + 1);
  }
  return lines;
}

int cap_height_px(int font_px) {
  return static_cast<int>(std::lround(kCapHeightEm * font_px));
}

int font_px_for_cap_height(int cap_px) {
  int px = static_cast<int>(std::ceil(cap_px / kCapHeightEm)) - 1;
  if (px < 1) px = 1;
  while (cap_height_px(px) < cap_px) ++px;
  return px;
}

// The CJK fonts draw "…" at mid-height, as Chinese sets it; beside Latin text that
// reads as stray dots, so a line with no Han in it gets three full stops on the baseline.
std::string ellipsis_for(std::string_view line) {
  for (const auto& glyph : decode(line))
    if (is_cjk_breakable(glyph.cp)) return "…";
  return "...";
}

std::vector<std::string> wrap_tail(const std::string& utf8, std::size_t max_lines, int max_width_px, int px,
                                   FontFace face, const TextMeasurer& measurer) {
  auto lines = wrap_text(utf8, max_width_px, px, face, measurer);
  if (lines.size() <= max_lines || max_lines == 0) {
    if (max_lines == 0) lines.clear();
    return lines;
  }
  const std::vector<Glyph> g = decode(utf8);
  // Cut points: where a line could break, so no word is cut in half.
  std::vector<std::size_t> cuts;
  for (std::size_t i = 1; i < g.size(); ++i)
    if (break_allowed(g[i - 1].cp, g[i].cp) && !is_space(g[i].cp)) cuts.push_back(g[i].offset);
  auto tail_from = [&](std::size_t offset) {
    const std::string rest = utf8.substr(offset);
    return wrap_text(ellipsis_for(rest) + rest, max_width_px, px, face, measurer);
  };
  // A later cut leaves less text, so never more lines: the first cut that fits is the
  // one that keeps the most.
  const auto fits = std::partition_point(cuts.begin(), cuts.end(),
                                         [&](std::size_t offset) { return tail_from(offset).size() > max_lines; });
  if (fits != cuts.end()) return tail_from(*fits);
  // One unbreakable run wider than the lines: keep its end, cut by code points.
  limit_lines(lines, max_lines, max_width_px, px, face, measurer, true);
  return lines;
}

void limit_lines(std::vector<std::string>& lines, std::size_t max_lines, int max_width_px, int px,
                 FontFace face, const TextMeasurer& measurer, bool keep_end) {
  if (lines.size() <= max_lines) return;
  if (max_lines == 0) {
    lines.clear();
    return;
  }
  if (keep_end) {
    lines.erase(lines.begin(), lines.end() - static_cast<std::ptrdiff_t>(max_lines));
    std::string& first = lines.front();
    std::vector<Glyph> glyphs = decode(first);
    const std::string kEllipsis = ellipsis_for(first);
    std::size_t drop = 0;   // glyphs dropped from the front
    auto rest = [&] { return drop < glyphs.size() ? first.substr(glyphs[drop].offset) : std::string(); };
    while (drop < glyphs.size() && (measurer.width(kEllipsis + rest(), px, face) > max_width_px ||
                                    is_space(glyphs[drop].cp) || is_closing_punct(glyphs[drop].cp)))
      ++drop;
    first = kEllipsis + rest();
    return;
  }
  lines.resize(max_lines);
  std::string& last = lines.back();
  std::vector<Glyph> glyphs = decode(last);
  const std::string kEllipsis = ellipsis_for(last);
  while (!glyphs.empty() && measurer.width(last + kEllipsis, px, face) > max_width_px) {
    last.resize(glyphs.back().offset);
    glyphs.pop_back();
  }
  while (!glyphs.empty() && is_space(glyphs.back().cp)) {
    last.resize(glyphs.back().offset);
    glyphs.pop_back();
  }
  last += kEllipsis;
}

}  // namespace kiosk::core
