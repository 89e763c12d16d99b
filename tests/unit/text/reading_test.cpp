// SPDX-License-Identifier: GPL-3.0-or-later
// The reading step (kiosk/core/text/reading, issue 13) on a small word list written here:
// segmentation and its ties, the lexicon winning, 一/不 and 3-3 tone changes, neutral
// tones, mixed Han/Latin/digits. The issue's examples on the real word list are in
// tests/integration/pronunciation.
#include <gtest/gtest.h>

#include <memory>

#include "kiosk/core/text/normaliser.h"
#include "kiosk/core/text/reading/reader.h"

namespace {

using namespace kiosk::core::speech;

constexpr std::string_view kWords =
    "# test word list\n"
    "把\tba3\t100000\n"
    "把手\tba3 shou3\t400\n"
    "手\tshou3\t30000\n"
    "手语\tshou3 yu3\t50\n"
    "语\tyu3\t10000\n"
    "调\ttiao2\t8000\n"
    "大\tda4\t90000\n"
    "音量\tyin1 liang4\t100\n"
    "量\tliang2\t10000\n"
    "音\tyin1\t5000\n"
    "一\tyi1\t200000\n"
    "一样\tyi1 yang4\t20000\n"
    "样\tyang4\t9000\n"
    "个\tge4\t170000\n"
    "天\ttian1\t50000\n"
    "次\tci4\t40000\n"
    "第\tdi4\t50000\n"
    "统一\ttong3 yi1\t3000\n"
    "月\tyue4\t40000\n"
    "二\ter4\t30000\n"
    "零\tling2\t9000\n"
    "千\tqian1\t9000\n"
    "不\tbu4\t300000\n"
    "要\tyao4\t150000\n"
    "好\thao3\t90000\n"
    "很\then3\t80000\n"
    "你\tni3\t200000\n"
    "你好\tni3 hao3\t700\n"
    "展览馆\tzhan3 lan3 guan3\t150\n"
    "的\tde5\t300000\n"
    "我\two3\t300000\n"
    "们\tmen5\t40000\n"
    "我们\two3 men5\t90000\n"
    "对不起\tdui4 bu5 qi3\t1000\n"
    "请\tqing3\t30000\n"
    "按\tan4\t8000\n"
    "键\tjian4\t900\n"
    "甲\tjia3\t500\n"
    "乙\tyi3\t500\n"
    "甲乙\tjia3 yi3\t500\n"
    "丙\tbing3\t500\n"
    "乙丙\tyi3 bing3\t500\n"
    "银\tyin2\t3000\n"
    "行\txing2\t20000\n"
    "银行\tyin2 hang2\t7000\n";

std::shared_ptr<const PinyinDictionary> dictionary() {
  static const auto d = [] {
    auto parsed = PinyinDictionary::parse(kWords);
    EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().message);
    return std::make_shared<const PinyinDictionary>(std::move(parsed.value()));
  }();
  return d;
}

std::string spoken(const Reader& r, std::string_view text) { return r.to_pinyin(text); }

std::string citation(const Reader& r, std::string_view text) {
  std::string out;
  for (const std::string& s : r.read(text).citation) {
    if (s.empty()) continue;
    if (!out.empty()) out += ' ';
    out += s;
  }
  return out;
}

TEST(ReadingDictionary, ParsesAndFinds) {
  const auto d = dictionary();
  EXPECT_EQ(d->size(), 45u);
  EXPECT_EQ(d->max_word_length(), 3u);
  ASSERT_TRUE(d->find(U"展览馆"));
  EXPECT_EQ(d->find(U"展览馆")->pinyin, "zhan3 lan3 guan3");
  EXPECT_LT(d->find(U"的")->log_prob, 0);
  EXPECT_FALSE(d->find(U"展览"));
  EXPECT_FALSE(d->find(U""));
}

TEST(ReadingDictionary, BadLinesNameTheLine) {
  auto bad = PinyinDictionary::parse("# x\n好\thao3\t9\n好人\thao3\t9\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "line 3: pinyin must be one tone-numbered syllable per character");
  EXPECT_FALSE(PinyinDictionary::parse("好\thao7\t9\n").ok());
  EXPECT_FALSE(PinyinDictionary::parse("好\thao3\t0\n").ok());
  EXPECT_FALSE(PinyinDictionary::parse("ab\thao3 hao3\t9\n").ok());
  EXPECT_FALSE(PinyinDictionary::parse("好\thao3\n").ok());
  EXPECT_TRUE(PinyinDictionary::parse("").ok());
}

TEST(ReadingSegmentation, MostProbablePath) {
  const Reader r(dictionary(), Lexicon());
  // 把 + 手语: 1e5 * 50 beats 把手 + 语: 400 * 1e4.
  EXPECT_EQ(r.segment(U"把手语"), (std::vector<std::size_t>{1, 2}));
  EXPECT_EQ(r.segment(U"把手"), (std::vector<std::size_t>{2}));
  EXPECT_EQ(r.segment(U"调大音量"), (std::vector<std::size_t>{1, 1, 2}));
  EXPECT_EQ(citation(r, "调大音量"), "tiao2 da4 yin1 liang4");
}

TEST(ReadingSegmentation, TiesKeepTheLongestLastWord) {
  const Reader r(dictionary(), Lexicon());
  // 甲乙 + 丙 and 甲 + 乙丙 score the same (500 * 500): the longest last word wins, on
  // every run, whatever the hash order.
  for (int i = 0; i < 3; ++i) EXPECT_EQ(r.segment(U"甲乙丙"), (std::vector<std::size_t>{1, 2}));
}

TEST(ReadingSegmentation, UnknownCharactersStandAloneWithoutAReading) {
  const Reader r(dictionary(), Lexicon());
  const TextReading t = r.read("请按钮");
  ASSERT_EQ(t.citation.size(), 3u);
  EXPECT_EQ(t.citation[0], "qing3");
  EXPECT_EQ(t.citation[2], "");
  EXPECT_EQ(spoken(r, "请按钮"), "qing3 an4 钮");
}

TEST(ReadingLexicon, ReviewedWordsWin) {
  const Lexicon lex({{"调大", "tiao2 da4", ""}, {"行长", "hang2 zhang3", ""}, {"银行", "yin2 hang2", ""}});
  const Reader r(dictionary(), lex);
  EXPECT_EQ(citation(r, "调大音量"), "tiao2 da4 yin1 liang4");
  EXPECT_EQ(r.segment(U"调大音量"), (std::vector<std::size_t>{2, 2}));
  // Without a dictionary at all, the lexicon still reads its words.
  const Reader lexicon_only(nullptr, lex);
  EXPECT_EQ(spoken(lexicon_only, "去银行"), "去 yin2 hang2");
}

TEST(ReadingLexicon, OneCharacterEntriesChangeTheReadingNotTheWords) {
  const Lexicon lex({{"行", "hang2", ""}, {"坏", "huai4 huai4", ""}});   // the second is malformed
  const Reader r(dictionary(), lex);
  EXPECT_EQ(citation(r, "行"), "hang2");
  EXPECT_EQ(citation(r, "银行"), "yin2 hang2");
  EXPECT_EQ(citation(r, "坏"), "");
}

TEST(ReadingSandhi, YiChangesBeforeASyllableButNotInNumbers) {
  const Reader r(dictionary(), Lexicon());
  EXPECT_EQ(spoken(r, "一样"), "yi2 yang4");
  EXPECT_EQ(citation(r, "一样"), "yi1 yang4");
  EXPECT_EQ(spoken(r, "一个"), "yi2 ge4");
  EXPECT_EQ(spoken(r, "一天"), "yi4 tian1");
  EXPECT_EQ(spoken(r, "一千"), "yi4 qian1");
  EXPECT_EQ(spoken(r, "第一次"), "di4 yi1 ci4");
  EXPECT_EQ(spoken(r, "统一"), "tong3 yi1");
  EXPECT_EQ(spoken(r, "一月"), "yi1 yue4");
  EXPECT_EQ(spoken(r, "二零一一"), "er4 ling2 yi1 yi1");
  EXPECT_EQ(spoken(r, "一"), "yi1");
  EXPECT_EQ(spoken(r, "一。"), "yi1。");
}

TEST(ReadingSandhi, BuBeforeAFourthTone) {
  const Reader r(dictionary(), Lexicon());
  EXPECT_EQ(spoken(r, "不要"), "bu2 yao4");
  EXPECT_EQ(citation(r, "不要"), "bu4 yao4");
  EXPECT_EQ(spoken(r, "不好"), "bu4 hao3");
  EXPECT_EQ(spoken(r, "对不起"), "dui4 bu5 qi3");   // neutral 不 stays neutral
}

TEST(ReadingSandhi, ThirdBeforeThird) {
  const Reader r(dictionary(), Lexicon());
  EXPECT_EQ(spoken(r, "你好"), "ni2 hao3");
  EXPECT_EQ(citation(r, "你好"), "ni3 hao3");
  EXPECT_EQ(spoken(r, "展览馆"), "zhan2 lan2 guan3");
  EXPECT_EQ(spoken(r, "很好"), "hen2 hao3");
  // A two-syllable word keeps its last third tone before the next word.
  EXPECT_EQ(spoken(r, "你好你"), "ni2 hao3 ni3");
  // One syllable before a word whose first third tone already changed keeps its tone;
  // before one that did not, it changes.
  EXPECT_EQ(spoken(r, "把手语"), "ba3 shou2 yu3");
  EXPECT_EQ(spoken(r, "我很好"), "wo3 hen2 hao3");
}

TEST(ReadingNeutralTone, FromTheWordList) {
  const Reader r(dictionary(), Lexicon());
  EXPECT_EQ(spoken(r, "我们的"), "wo3 men5 de5");
}

TEST(ReadingMixed, HanLatinDigitsAndPunctuation) {
  const Reader r(dictionary(), Lexicon());
  EXPECT_EQ(spoken(r, "请按OK键"), "qing3 an4 OK jian4");
  EXPECT_EQ(spoken(r, "请按 Enter 键。"), "qing3 an4 Enter jian4。");
  EXPECT_EQ(spoken(r, "第2次"), "di4 2 ci4");
  EXPECT_EQ(spoken(r, "你好，我们"), "ni2 hao3，wo3 men5");
  EXPECT_EQ(spoken(r, ""), "");
}

TEST(ReadingSpeech, EveryHanRunGoesToThePinyinVoiceAsPinyin) {
  const Reader r(dictionary(), Lexicon());
  const NormalisedSpeech n = normalise("请按OK键，第2次", TextLanguage::Auto, &r);
  ASSERT_EQ(n.runs.size(), 3u);
  EXPECT_EQ(n.runs[0], (SpeechRun{"cmn-latn-pinyin", "qing3 an4"}));
  EXPECT_EQ(n.runs[1], (SpeechRun{"en-us", "OK"}));
  // The normaliser reads the digit first (二), then the reading step: no Han left.
  EXPECT_EQ(n.runs[2], (SpeechRun{"cmn-latn-pinyin", "jian4，di4 er4 ci4"}));
  EXPECT_EQ(n.spoken, "qing3 an4 OK jian4，di4 er4 ci4");
}

TEST(ReadingRobustness, BadBytesAndLongTextAreReadWithoutHarm) {
  const Reader r(dictionary(), Lexicon());
  // Invalid UTF-8 decodes to U+FFFD per byte: kept as it is, the Han around it read.
  const std::string bad = std::string("你好\xff\xfe") + "我们";
  EXPECT_EQ(r.to_pinyin(std::string_view(bad)), "ni2 hao3\uFFFD\uFFFDwo3 men5");
  // A long run (no punctuation) is one dynamic programme, linear in its length.
  std::string long_text;
  for (int i = 0; i < 2000; ++i) long_text += "你好我们";
  const TextReading t = r.read(std::string_view(long_text));
  ASSERT_EQ(t.citation.size(), 8000u);
  EXPECT_EQ(t.citation[7998], "wo3");
  EXPECT_EQ(t.spoken[7996], "ni2");
}

// The issue's examples on the real word list's entries for them (copied from
// assets/pinyin/words.tsv: every word of the list inside the examples).
constexpr std::string_view kIssueWords =
    "事\tshi4\t44769\n"
    "份\tfen4\t4674\n"
    "侯\thou2\t1246\n"
    "切\tqie4\t3026\n"
    "切换\tqie1 huan4\t90\n"
    "办\tban4\t10314\n"
    "办事\tban4 shi4\t2314\n"
    "办事处\tban4 shi4 chu4\t1159\n"
    "区\tqu1\t24952\n"
    "只\tzhi1\t101442\n"
    "只读\tzhi3 du2\t59\n"
    "地\tdi4\t160541\n"
    "处\tchu4\t24967\n"
    "大\tda4\t144099\n"
    "市\tshi4\t40141\n"
    "手\tshou3\t28466\n"
    "手语\tshou3 yu3\t24\n"
    "把\tba3\t108066\n"
    "把手\tba3 shou3\t384\n"
    "换\thuan4\t6483\n"
    "本\tben3\t42207\n"
    "本地\tben3 di4\t1918\n"
    "查\tcha2\t3443\n"
    "校\txiao4\t2749\n"
    "校验\tjiao4 yan4\t62\n"
    "社\tshe4\t3573\n"
    "社区\tshe4 qu1\t6115\n"
    "证\tzheng4\t3628\n"
    "语\tyu3\t4563\n"
    "读\tdu2\t5660\n"
    "调\ttiao2\t7728\n"
    "身\tshen1\t15789\n"
    "身份\tshen1 fen4\t2691\n"
    "身份证\tshen1 fen4 zheng4\t708\n"
    "量\tliang2\t10182\n"
    "音\tyin1\t2679\n"
    "音量\tyin1 liang4\t84\n"
    "马\tma3\t19918\n"
    "验\tyan4\t440\n";

TEST(ReadingIssueExamples, OnTheWordListsOwnEntries) {
  auto parsed = PinyinDictionary::parse(kIssueWords);
  ASSERT_TRUE(parsed.ok());
  const Reader r(std::make_shared<const PinyinDictionary>(std::move(parsed.value())), Lexicon());
  EXPECT_EQ(r.segment(U"把手语"), (std::vector<std::size_t>{1, 2}));   // 把 + 手语, not 把手 + 语
  EXPECT_EQ(citation(r, "把手语"), "ba3 shou3 yu3");
  EXPECT_EQ(citation(r, "侯马市"), "hou2 ma3 shi4");
  EXPECT_EQ(citation(r, "社区"), "she4 qu1");
  EXPECT_EQ(citation(r, "办事处"), "ban4 shi4 chu4");
  EXPECT_EQ(citation(r, "调大音量"), "tiao2 da4 yin1 liang4");
  EXPECT_EQ(citation(r, "本地"), "ben3 di4");
  EXPECT_EQ(citation(r, "只读"), "zhi3 du2");
  EXPECT_EQ(citation(r, "身份证"), "shen1 fen4 zheng4");
  EXPECT_EQ(citation(r, "查"), "cha2");
  EXPECT_EQ(citation(r, "校验"), "jiao4 yan4");
  EXPECT_EQ(citation(r, "切换"), "qie1 huan4");
  // Alone, 切 and 只 keep the list's readings (qiè, zhī): the lexicon changes 只 (below).
  EXPECT_EQ(citation(r, "切"), "qie4");
  const Reader with_lexicon(r.dictionary() ? std::make_shared<const PinyinDictionary>(*r.dictionary()) : nullptr,
                            Lexicon({{"只", "zhi3", ""}}));
  EXPECT_EQ(citation(with_lexicon, "只"), "zhi3");
  EXPECT_EQ(citation(with_lexicon, "只读"), "zhi3 du2");
}

}  // namespace
