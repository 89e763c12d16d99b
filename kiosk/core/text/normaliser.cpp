// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/text/normaliser.h"

#include <array>
#include <optional>

#include "kiosk/core/text/numbers.h"
#include "kiosk/core/text/utf8.h"

namespace kiosk::core::speech {
namespace {

// Words after a number that make a bare 2 read 两 (and keep long numbers cardinal).
constexpr std::array<std::u32string_view, 58> kMeasureWords = {
    U"个月", U"分钟", U"小时", U"公斤", U"千米", U"公里", U"周岁", U"工作日", U"项", U"个",
    U"位",   U"名",   U"人",   U"次",   U"天",   U"周",   U"张",   U"份",     U"件", U"本",
    U"页",   U"条",   U"种",   U"类",   U"台",   U"辆",   U"家",   U"所",     U"间", U"岁",
    U"元",   U"块",   U"角",   U"秒",   U"步",   U"级",   U"遍",   U"套",     U"斤", U"米",
    U"户",   U"层",   U"句",   U"杯",   U"双",   U"万",   U"千",   U"百",     U"亿", U"点",
    U"年",   U"倍",   U"段",   U"处",   U"支",   U"笔",   U"期",   U"节"};

constexpr std::array<std::u32string_view, 8> kPhoneContextZh = {
    U"电话", U"热线", U"拨打", U"致电", U"手机", U"联系方式", U"座机", U"传真"};
constexpr std::array<std::u32string_view, 5> kPhoneContextEn = {U"phone", U"tel", U"call",
                                                                U"hotline", U"mobile"};
constexpr std::array<std::u32string_view, 10> kCodeContextZh = {
    U"编号", U"号码", U"验证码", U"卡号", U"单号", U"证号", U"代码", U"工号", U"账号", U"序号"};
constexpr std::array<std::u32string_view, 4> kCodeContextEn = {U"code", U"number", U"no.",
                                                               U"id"};

bool is_range_sep(char32_t c) {
  return c == U'-' || c == U'~' || c == U'～' || c == U'—' || c == U'–';
}

class Normaliser {
 public:
  Normaliser(std::u32string text, bool english) : m_s(std::move(text)), m_en(english) {}

  std::u32string run() {
    while (m_p < m_s.size()) {
      const char32_t c = m_s[m_p];
      if (is_ascii_digit(c)) {
        number();
      } else if ((c == U'¥' || c == U'￥') && digit_at(m_p + 1)) {
        ++m_p;
        if (!money(/*prefixed=*/true)) number();
      } else if (c == U'+' && digit_at(m_p + 1) && !digit_at(m_p - 1)) {
        // +86 country code: read digit by digit.
        std::size_t e = digits_end(m_p + 1);
        word(m_en ? U"plus" : U"加");
        emit_digits(view(m_p + 1, e), DigitOne::Yao);
        m_p = e;
      } else if (c == U'-' && digit_at(m_p + 1) && !word_char_at(m_p - 1)) {
        word(m_en ? U"minus" : U"负");
        ++m_p;
      } else {
        symbol(c);
        ++m_p;
      }
    }
    return m_out;
  }

 private:
  std::u32string m_s;
  bool m_en;
  std::size_t m_p = 0;
  std::u32string m_out;

  bool digit_at(std::size_t i) const { return i < m_s.size() && is_ascii_digit(m_s[i]); }
  bool word_char_at(std::size_t i) const {
    return i < m_s.size() && (is_ascii_digit(m_s[i]) || is_ascii_letter(m_s[i]) ||
                              m_s[i] == U'%' || m_s[i] == U')');
  }
  std::size_t digits_end(std::size_t i) const {
    while (digit_at(i)) ++i;
    return i;
  }
  std::u32string_view view(std::size_t b, std::size_t e) const {
    return std::u32string_view(m_s).substr(b, e - b);
  }
  bool starts_with_at(std::size_t i, std::u32string_view w) const {
    return view(i, std::min(m_s.size(), i + w.size())) == w;
  }

  // English words need spaces around them; Han text does not.
  void word(std::u32string_view w) {
    if (m_en && !m_out.empty() && !is_space(m_out.back())) m_out.push_back(U' ');
    m_out += w;
    if (m_en && m_p + 1 < m_s.size() && !is_space(m_s[m_p + 1])) m_out.push_back(U' ');
  }
  void text(std::u32string_view w) {
    if (m_en && !m_out.empty() && !is_space(m_out.back())) m_out.push_back(U' ');
    m_out += w;
  }
  void emit_digits(std::u32string_view d, DigitOne one) {
    text(m_en ? en_digits(d) : zh_digits(d, one));
  }
  // Groups read digit by digit with a short pause between them.
  void emit_groups(const std::vector<std::u32string_view>& groups, DigitOne one) {
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (g > 0) m_out += m_en ? U"," : U"，";
      emit_digits(groups[g], one);
    }
  }

  bool context_has(std::size_t at, bool phone) const {
    const std::size_t from = at >= 10 ? at - 10 : 0;
    std::u32string window(view(from, at));
    for (char32_t& c : window) {
      if (c >= U'A' && c <= U'Z') c = c - U'A' + U'a';
    }
    auto any = [&](auto& list) {
      for (std::u32string_view w : list) {
        if (window.find(w) != std::u32string::npos) return true;
      }
      return false;
    };
    if (phone) return any(kPhoneContextZh) || any(kPhoneContextEn);
    return any(kCodeContextZh) || any(kCodeContextEn);
  }

  bool measure_word_at(std::size_t i) const {
    for (std::u32string_view w : kMeasureWords) {
      if (starts_with_at(i, w)) return true;
    }
    return false;
  }

  void number();
  bool id_number(std::size_t e);
  bool date(std::size_t e);
  bool time(std::size_t e);
  bool phone(std::size_t e, bool by_context);
  bool money(bool prefixed);
  bool percent_or_decimal();
  void symbol(char32_t c);
  void after_number();
};

#include "kiosk/core/text/normaliser_rules.inc"

}  // namespace

TextLanguage detect_language(std::string_view utf8_text) {
  for (char32_t c : utf8_to_u32(utf8_text)) {
    if (is_han(c)) return TextLanguage::Chinese;
  }
  return TextLanguage::English;
}

std::string normalise_text(std::string_view utf8_text, TextLanguage language) {
  if (language == TextLanguage::Auto) language = detect_language(utf8_text);
  std::u32string s = utf8_to_u32(utf8_text);
  for (char32_t& c : s) {
    // Full-width digits and signs behave like ASCII ones (IME output).
    if (c >= U'０' && c <= U'９') c = U'0' + (c - U'０');
    else if (c == U'％') c = U'%';
    else if (c == U'＋') c = U'+';
    else if (c == U'－') c = U'-';
  }
  return u32_to_utf8(Normaliser(std::move(s), language == TextLanguage::English).run());
}

namespace {
// The normalised text, then the project's own readings (`apply`: the lexicon, or the
// reading step's pinyin), split into runs for the engine.
template <typename Apply>
NormalisedSpeech normalise_then(std::string_view utf8_text, TextLanguage language, Apply apply) {
  if (language == TextLanguage::Auto) language = detect_language(utf8_text);
  const std::u32string text = apply(utf8_to_u32(normalise_text(utf8_text, language)));
  NormalisedSpeech out;
  out.runs = split_runs(std::u32string_view(text), language);
  out.spoken = join_runs(out.runs);
  return out;
}
}  // namespace

NormalisedSpeech normalise(std::string_view utf8_text, TextLanguage language,
                           const Lexicon* lexicon) {
  return normalise_then(utf8_text, language,
                        [lexicon](std::u32string text) { return lexicon ? lexicon->apply(text) : text; });
}

NormalisedSpeech normalise(std::string_view utf8_text, TextLanguage language, const Reader* reader) {
  return normalise_then(utf8_text, language,
                        [reader](std::u32string text) { return reader ? reader->to_pinyin(text) : text; });
}

}  // namespace kiosk::core::speech
