// SPDX-License-Identifier: GPL-3.0-or-later
// Normaliser tables: every rule, Mandarin and English (docs/accessibility.md section 4).
#include <gtest/gtest.h>

#include <ostream>

#include "kiosk/core/present/speech/levels.h"
#include "kiosk/core/text/lexicon.h"
#include "kiosk/core/text/normaliser.h"
#include "kiosk/core/text/numbers.h"
#include "kiosk/core/text/script_split.h"

namespace kiosk::core::speech {
// Readable failure messages for runs.
void PrintTo(const SpeechRun& r, std::ostream* os) { *os << r.voice << ":\"" << r.text << "\""; }
}  // namespace kiosk::core::speech

namespace {

using namespace kiosk::core::speech;

struct Row {
  const char* input;
  const char* spoken;
};

void expect_table(const std::vector<Row>& rows, TextLanguage lang) {
  for (const Row& r : rows) {
    EXPECT_EQ(normalise_text(r.input, lang), r.spoken) << "input: " << r.input;
  }
}

TEST(SpeechNormaliserZh, IdNumbersDigitByDigitIn684Groups) {
  expect_table({{"身份证号110101199003077777", "身份证号一一零一零一，一九九零零三零七，七七七七"},
                {"11010119900307123X号", "一一零一零一，一九九零零三零七，一二三 X号"},
                {"11010119900307123x", "一一零一零一，一九九零零三零七，一二三 X"}},
               TextLanguage::Chinese);
}

TEST(SpeechNormaliserZh, IdCheckCharacterIsItsOwnEnglishRun) {
  const NormalisedSpeech n = normalise("证号11010119900307123X，请核对。", TextLanguage::Chinese);
  ASSERT_EQ(n.runs.size(), 3u);
  EXPECT_EQ(n.runs[1], (SpeechRun{"en-us", "X，"}));
  EXPECT_EQ(n.runs[0].voice, "cmn-latn-pinyin");
  EXPECT_EQ(n.runs[2].voice, "cmn-latn-pinyin");
}

TEST(SpeechNormaliserZh, PhonesDigitByDigitWithYao) {
  expect_table({{"手机13800138000", "手机幺三八，零零幺三，八零零零"},
                {"138-0013-8000", "幺三八，零零幺三，八零零零"},
                {"138 0013 8000", "幺三八，零零幺三，八零零零"},
                {"电话：010-12345678", "电话：零幺零，幺二三四，五六七八"},
                {"0755-1234567", "零七五五，幺二三，四五六七"},
                {"400-123-4567", "四零零，幺二三，四五六七"},
                {"请拨打12385", "请拨打幺二三八五"},
                {"+86 13800138000", "加八六 幺三八，零零幺三，八零零零"}},
               TextLanguage::Chinese);
}

TEST(SpeechNormaliserZh, CodesDigitByDigit) {
  expect_table({{"编号0012", "编号零零一二"},
                {"验证码 384912", "验证码 三八四九一二"},
                {"受理号 12345", "受理号 一二三四五"},
                // A receipt's reference: its groups digit by digit, never a range (至).
                {"受理号：demo-01-000001", "受理号：demo-零一-零零零零零一"},
                {"B12345", "B一二三四五"}},
               TextLanguage::Chinese);
}

TEST(SpeechNormaliserZh, YearsDatesTimes) {
  expect_table({{"2024年", "二零二四年"},
                {"2023-2024年度", "二零二三至二零二四年度"},
                {"2024-03-05", "二零二四年三月五日"},
                {"2024/3/15日", "二零二四年三月十五日"},
                {"2024.12.31", "二零二四年十二月三十一日"},
                {"2024年3月2日", "二零二四年三月二日"},
                {"14:05", "十四点零五分"},
                {"9:30", "九点三十分"},
                {"14:00", "十四点整"},
                {"2:15", "两点十五分"},
                {"08:30:05", "八点三十分五秒"}},
               TextLanguage::Chinese);
}

TEST(SpeechNormaliserZh, MoneyYuanJiaoFen) {
  expect_table({{"¥1,234.50", "一千二百三十四元五角"},
                {"1234.56元", "一千二百三十四元五角六分"},
                {"100.00元", "一百元整"},
                {"￥100", "一百元"},
                {"¥1,234.05", "一千二百三十四元零五分"},
                {"0.50元", "五角"},
                {"2元", "两元"},
                {"20000元", "两万元"},
                {"¥12,345.06", "一万两千三百四十五元零六分"},
                {"22,222元", "两万两千二百二十二元"},
                {"1.5万元", "一点五万元"}},
               TextLanguage::Chinese);
}

TEST(SpeechNormaliserZh, PercentDecimalsAndCardinals) {
  expect_table({{"50%", "百分之五十"},
                {"12.5％", "百分之十二点五"},
                {"3.14", "三点一四"},
                {"10", "十"},
                {"110", "一百一十"},
                {"1005", "一千零五"},
                {"10050人", "一万零五十人"},
                {"100000人", "十万人"},
                {"1,000,000", "一百万"},
                {"１２项", "十二项"}},
               TextLanguage::Chinese);
}

TEST(SpeechNormaliserZh, TwoBeforeMeasureWordIsLiang) {
  expect_table({{"2项", "两项"},
                {"2个工作日", "两个工作日"},
                {"第2项", "第二项"},
                {"共2000人", "共两千人"},
                {"2号窗口", "二号窗口"},
                {"2月", "二月"}},
               TextLanguage::Chinese);
}

TEST(SpeechNormaliserZh, RangesAndSymbols) {
  expect_table({{"3-5个工作日", "三至五个工作日"},
                {"10%-20%", "百分之十至百分之二十"},
                {"9:00~17:00", "九点整至十七点整"},
                {"-5℃", "负五摄氏度"},
                {"按#键", "按井号键"},
                {"按*键", "按星号键"},
                {"A&B", "A和B"},
                {"1+1=2", "一加一等于二"}},
               TextLanguage::Chinese);
}

TEST(SpeechNormaliserEn, EnglishEquivalents) {
  expect_table({{"ID 11010119900307123X",
                 "ID one one zero one zero one, one nine nine zero zero three zero seven, one two "
                 "three X"},
                {"Call 13800138000", "Call one three eight, zero zero one three, eight zero zero zero"},
                {"On 2024-03-05", "On March fifth, twenty twenty-four"},
                {"at 14:05", "at fourteen oh five"},
                {"at 9:00", "at nine o'clock"},
                {"¥1,234.50", "one thousand two hundred thirty-four yuan and fifty fen"},
                {"¥100.00", "one hundred yuan"},
                {"50% off", "fifty percent off"},
                {"3-5 days", "three to five days"},
                {"2 items", "two items"},
                {"code 0012", "code zero zero one two"},
                {"3.14", "three point one four"},
                {"1,000,000", "one million"},
                {"Press # then *", "Press hash then star"},
                {"A & B", "A and B"}},
               TextLanguage::English);
}

TEST(SpeechNormaliser, AutoPicksRulesByScript) {
  EXPECT_EQ(detect_language("请按确认"), TextLanguage::Chinese);
  EXPECT_EQ(detect_language("Press OK"), TextLanguage::English);
  EXPECT_EQ(normalise_text("共2项"), "共两项");
  EXPECT_EQ(normalise_text("2 items"), "two items");
}

TEST(SpeechLexicon, LongestMatchFirstAndPinyinSetOff) {
  const Lexicon lex({{"银行", "yin2 hang2", ""}, {"银行卡", "yin2 hang2 ka3", ""}});
  EXPECT_EQ(lex.apply(std::string_view("去银行办银行卡")), "去 yin2 hang2 办 yin2 hang2 ka3");
  EXPECT_EQ(lex.apply(std::string_view("没有")), "没有");
  EXPECT_EQ(Lexicon().apply(std::string_view("银行")), "银行");
}

TEST(SpeechLexicon, LastDuplicateWins) {
  const Lexicon lex({{"重复", "zhong4 fu4", ""}, {"重复", "chong2 fu4", ""}});
  EXPECT_EQ(lex.apply(std::string_view("重复")), "chong2 fu4");
}

TEST(SpeechScriptSplit, HanAndPinyinChineseLatinEnglish) {
  const auto runs = split_runs(std::string_view("请按Enter键确认，去 yin2 hang2 取ATM。"));
  ASSERT_EQ(runs.size(), 4u);
  EXPECT_EQ(runs[0], (SpeechRun{"cmn-latn-pinyin", "请按"}));
  EXPECT_EQ(runs[1], (SpeechRun{"en-us", "Enter"}));
  EXPECT_EQ(runs[2], (SpeechRun{"cmn-latn-pinyin", "键确认，去 yin2 hang2 取"}));
  EXPECT_EQ(runs[3], (SpeechRun{"en-us", "ATM。"}));  // punctuation rides along
}

TEST(SpeechScriptSplit, PunctuationNeverMakesItsOwnRun) {
  const auto runs = split_runs(std::string_view("Hello, world!"));
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0], (SpeechRun{"en-us", "Hello, world!"}));
  EXPECT_TRUE(split_runs(std::string_view("  ")).empty());
  EXPECT_EQ(split_runs(std::string_view("123"), TextLanguage::English)[0].voice, "en-us");
}

TEST(SpeechNormaliser, FullPipelineJoinsRuns) {
  const Lexicon lex({{"银行", "yin2 hang2", ""}});
  const NormalisedSpeech n = normalise("请到银行办理2项业务，按OK确认", TextLanguage::Auto, &lex);
  EXPECT_EQ(n.spoken, "请到 yin2 hang2 办理两项业务，按 OK 确认");
  ASSERT_EQ(n.runs.size(), 3u);
  EXPECT_EQ(n.runs[1], (SpeechRun{"en-us", "OK"}));
}

TEST(SpeechNumbers, CardinalEdges) {
  EXPECT_EQ(zh_cardinal(U"0"), U"零");
  EXPECT_EQ(zh_cardinal(U"100000001"), U"一亿零一");
  EXPECT_EQ(zh_cardinal(U"2", TwoForm::Liang), U"两");
  EXPECT_EQ(zh_digits(U"101", DigitOne::Yao), U"幺零幺");
  EXPECT_EQ(en_cardinal(U"0"), U"zero");
  EXPECT_EQ(en_cardinal(U"1000001"), U"one million one");
  EXPECT_EQ(en_year(2005), U"two thousand five");
  EXPECT_EQ(en_year(1990), U"nineteen ninety");
  EXPECT_EQ(en_ordinal(21), U"twenty-first");
}

TEST(SpeechLevels, RateStepsAndVolumeGain) {
  EXPECT_EQ(rate_wpm_for_percent(100), 175);
  EXPECT_EQ(rate_wpm_for_percent(50), 88);
  EXPECT_EQ(rate_wpm_for_percent(200), 350);
  EXPECT_EQ(rate_wpm_for_percent(10), 88);
  EXPECT_EQ(rate_wpm_for_percent(126), 220);
  EXPECT_EQ(volume_gain(10), 1.0f);
  // 8 dB per level: level 6 is 32 dB under full scale.
  EXPECT_NEAR(volume_gain(6), 0.02512f, 0.0002f);
  EXPECT_NEAR(volume_gain(9) / volume_gain(8), 2.5119f, 0.001f);
  EXPECT_LT(volume_gain(0), volume_gain(1));
  EXPECT_EQ(volume_gain(-3), volume_gain(0));
}

}  // namespace
