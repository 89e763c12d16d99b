// SPDX-License-Identifier: GPL-3.0-or-later
// Pronunciation through the phonemes eSpeak NG would speak (docs/accessibility.md section 4):
// phonemes(normalise(text)) == phonemes(expected pinyin), stress and word marks stripped.
// Nothing phonetic is hard-coded: both sides go through espeak_TextToPhonemes.
#include <gtest/gtest.h>

#include "drivers/speech/reading/lexicon_loader.h"
#include "drivers/speech/espeak/phonemes.h"
#include "kiosk/core/text/normaliser.h"

namespace {

using namespace kiosk::core::speech;
using kiosk::drivers::speech::comparable_phonemes;
using kiosk::drivers::speech::load_lexicon_file;
using kiosk::drivers::speech::phonemes_of;

const Lexicon& repo_lexicon() {
  static const Lexicon lexicon = [] {
    auto loaded = load_lexicon_file(std::string(KIOSK_SOURCE_ROOT) + "/config/speech/lexicon.toml");
    EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.error().message);
    return loaded.ok() ? Lexicon(loaded.value()) : Lexicon();
  }();
  return lexicon;
}

std::string sounds(const std::vector<SpeechRun>& runs) {
  auto ph = phonemes_of(runs);
  EXPECT_TRUE(ph.ok());
  return ph.ok() ? comparable_phonemes(ph.value()) : std::string();
}

std::string sounds_of_text(const std::string& text) {
  return sounds(normalise(text, TextLanguage::Auto, &repo_lexicon()).runs);
}

// Expected side: tone pinyin (and en-us words) split the same way, no normaliser.
std::string sounds_of_pinyin(const std::string& pinyin) {
  return sounds(split_runs(std::string_view(pinyin)));
}

TEST(SpeechPronunciation, LexiconLoadsTheRepositoryFile) {
  EXPECT_GE(repo_lexicon().size(), 30u);
}

TEST(SpeechPronunciation, EveryLexiconEntryIsReadAsItsPinyin) {
  ASSERT_GT(repo_lexicon().size(), 0u);
  int overridden = 0;
  for (const LexiconEntry& e : repo_lexicon().entries()) {
    const std::string want = sounds_of_pinyin(e.pinyin);
    ASSERT_FALSE(want.empty()) << e.word;
    EXPECT_EQ(sounds_of_text(e.word), want) << e.word << " / " << e.pinyin;
    // In a sentence too (the lexicon must work inside running text).
    EXPECT_EQ(sounds_of_text("请" + e.word + "。"), sounds_of_pinyin("qing3 " + e.pinyin + "。"))
        << e.word;
    if (sounds(split_runs(std::string_view(e.word))) != want) ++overridden;
  }
  // Most entries exist because eSpeak NG 1.51 gets them wrong on its own.
  EXPECT_GE(overridden, static_cast<int>(repo_lexicon().size()) / 2);
}

struct Sentence {
  const char* text;
  const char* pinyin;
};

TEST(SpeechPronunciation, DomainSentences) {
  const Sentence rows[] = {
      {"残疾人两项补贴查询", "can2 ji2 ren2 liang3 xiang4 bu3 tie1 cha2 xun2"},
      {"请输入您的身份证号码", "qing3 shu1 ru4 nin2 de5 shen1 fen4 zheng4 hao4 ma3"},
      {"身份证号11010119900307123X",
       "shen1 fen4 zheng4 hao4 yi1 yi1 ling2 yi1 ling2 yi1，yi1 jiu3 jiu3 ling2 ling2 san1 ling2 qi1，yi1 er4 san1 X"},
      {"咨询电话：010-12345678", "zi1 xun2 dian4 hua4：ling2 yao1 ling2，yao1 er4 san1 si4，wu3 liu4 qi1 ba1"},
      {"手机号13800138000", "shou3 ji1 hao4 yao1 san1 ba1，ling2 ling2 yao1 san1，ba1 ling2 ling2 ling2"},
      {"服务热线12385", "fu2 wu4 re4 xian4 yao1 er4 san1 ba1 wu3"},
      {"2024年3月5日起发放", "er4 ling2 er4 si4 nian2 san1 yue4 wu3 ri4 qi3 fa1 fang4"},
      {"办理日期2024-03-05", "ban4 li3 ri4 qi1 er4 ling2 er4 si4 nian2 san1 yue4 wu3 ri4"},
      {"上午9:30开始办理", "shang4 wu3 jiu3 dian3 san1 shi2 fen1 kai1 shi3 ban4 li3"},
      {"下午14:05前到达", "xia4 wu3 shi2 si4 dian3 ling2 wu3 fen1 qian2 dao4 da2"},
      {"本月补贴¥1,234.50", "ben3 yue4 bu3 tie1 yi4 qian1 er4 bai3 san1 shi2 si4 yuan2 wu3 jiao3"},
      {"护理补贴1234.56元", "hu4 li3 bu3 tie1 yi4 qian1 er4 bai3 san1 shi2 si4 yuan2 wu3 jiao3 liu4 fen1"},
      {"生活补贴100.00元", "sheng1 huo2 bu3 tie1 yi4 bai3 yuan2 zheng3"},
      // 我的补贴 as the status screen says it: the monthly amount, and how fresh the data is.
      {"每月122.00元", "mei3 yue4 yi4 bai3 er4 shi2 er4 yuan2 zheng3"},
      {"截至2026年3月7日", "jie2 zhi4 er4 ling2 er4 liu4 nian2 san1 yue4 qi1 ri4"},
      {"报销比例50%", "bao4 xiao1 bi3 li4 bai3 fen1 zhi1 wu3 shi2"},
      {"您有2项补贴待领取", "nin2 you3 liang3 xiang4 bu3 tie1 dai4 ling3 qu3"},
      {"请到银行办理银行卡", "qing3 dao4 yin2 hang2 ban4 li3 yin2 hang2 ka3"},
      {"请重新输入", "qing3 chong2 xin1 shu1 ru4"},
      {"康复训练3-5个工作日内安排", "kang1 fu4 xun4 lian4 san1 zhi4 wu3 ge5 gong1 zuo4 ri4 nei4 an1 pai2"},
      {"残疾人证变更请尽快处理", "can2 ji2 ren2 zheng4 bian4 geng1 qing3 jin3 kuai4 chu3 li3"},
      {"重度残疾人护理补贴", "zhong4 du4 can2 ji2 ren2 hu4 li3 bu3 tie1"},
      {"长期护理需要家长同意", "chang2 qi1 hu4 li3 xu1 yao4 jia1 zhang3 tong2 yi4"},
      {"请按Enter键确认", "qing3 an4 Enter jian4 que4 ren4"},
      {"第2项，共6项", "di4 er4 xiang4，gong4 liu4 xiang4"},
      {"验证码384912", "yan4 zheng4 ma3 san1 ba1 si4 jiu3 yi1 er4"},
      // Not in any screen text: how an editor's new notice is read (--announce).
      {"请于2025年1月9日前到银行还款", "qing3 yu2 er4 ling2 er4 wu3 nian2 yi1 yue4 jiu3 ri4 qian2 dao4 yin2 hang2 huan2 kuan3"},
      {"本月应发补贴¥2,206.50", "ben3 yue4 ying1 fa1 bu3 tie1 liang3 qian1 er4 bai3 ling2 liu4 yuan2 wu3 jiao3"},
      {"金额¥12,345.06", "jin1 e2 yi2 wan4 liang3 qian1 san1 bai3 si4 shi2 wu3 yuan2 ling2 liu4 fen1"},
      {"已于2024-12-20发放", "yi3 yu2 er4 ling2 er4 si4 nian2 shi2 er4 yue4 er4 shi2 ri4 fa1 fang4"},
      {"重复输入21次请到当地残联", "chong2 fu4 shu1 ru4 er4 shi2 yi1 ci4 qing3 dao4 dang1 di4 can2 lian2"},
      {"每月第1个工作日暂停", "mei3 yue4 di4 yi1 ge5 gong1 zuo4 ri4 zan4 ting2"},
      {"请带子女的地址证明", "qing3 dai4 zi3 nv3 de5 di4 zhi3 zheng4 ming2"},
      {"多重残疾人请假一次", "duo1 chong2 can2 ji2 ren2 qing3 jia4 yi2 ci4"},
      {"手机13912345678", "shou3 ji1 yao1 san1 jiu3，yao1 er4 san1 si4，wu3 liu4 qi1 ba1"},
      {"上午8:30至下午17:00", "shang4 wu3 ba1 dian3 san1 shi2 fen1 zhi4 xia4 wu3 shi2 qi1 dian3 zheng3"},
      {"不要着急，部分材料不是必须的", "bu2 yao4 zhao2 ji2，bu4 fen4 cai2 liao4 bu2 shi4 bi4 xu1 de5"},
      {"身份证11010519491231002X",
       "shen1 fen4 zheng4 yi1 yi1 ling2 yi1 ling2 wu3，yi1 jiu3 si4 jiu3 yi1 er4 san1 yi1，ling2 ling2 er4 X"},
  };
  for (const Sentence& r : rows) {
    EXPECT_EQ(sounds_of_text(r.text), sounds_of_pinyin(r.pinyin)) << r.text;
  }
}

TEST(SpeechPronunciation, EnglishTextUsesTheEnglishVoice) {
  EXPECT_EQ(sounds_of_text("Call 13800138000"),
            sounds(split_runs(std::string_view(
                "Call one three eight, zero zero one three, eight zero zero zero"))));
  // The pinyin voice would read "ATM" as pinyin; the run must be en-us.
  EXPECT_NE(sounds_of_text("ATM"), sounds({{std::string(kVoiceChinese), "ATM"}}));
}

}  // namespace
