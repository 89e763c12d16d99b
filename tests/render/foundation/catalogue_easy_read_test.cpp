// SPDX-License-Identifier: GPL-3.0-or-later
// Easy-read variants (docs/accessibility.md C2: "string lint: variant present, length, banned
// words") in the real catalogues, config/locales/{zh-CN,en}.toml. The lint reads the TOML
// itself rather than the loaded Catalog, because the loader drops an orphan variant (it
// only reports it), and the lint must name it. A second test feeds the lint a broken pair
// of catalogues so that every rule is shown to bite.
#include <gtest/gtest.h>

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "kiosk/app/config.h"

using namespace kiosk;

namespace {

struct CatalogueFile {
  std::map<std::string, std::string> messages, easy;
};

// What differs between the languages: how length is measured and which words are banned.
struct Rules {
  std::string language;
  bool cjk;                         // sentences measured in characters, else in words
  std::size_t long_main;            // a family message longer than this needs a variant
  std::size_t sentence_max;         // characters (cjk) or words a sentence
  std::size_t slack;                // characters an easy variant may exceed the main text by
  std::vector<std::string> banned;  // official or technical words (lower case for en)
};

const Rules kZh{"zh-CN", true, 12, 20, 2, {"当前", "相应", "为准", "仅供", "审核", "逐条", "任意", "默认", "适用", "执行", "稍候"}};
const Rules kEn{"en", false, 40, 15, 10, {"entitlement", "default", "accessibility", "e.g.", "i.e.", "etc."}};

// Resident-facing families: prompts, intros, hints, alerts, the timeout, help, the
// guide's result lines and the spoken key guide.
bool resident_family(const std::string& id) {
  auto ends = [&](const std::string& tail) {
    return id.size() >= tail.size() && id.compare(id.size() - tail.size(), tail.size(), tail) == 0;
  };
  auto begins = [&](const std::string& head) { return id.rfind(head, 0) == 0; };
  return ends(".prompt") || ends(".intro") || ends(".hint") || begins("alert.") || begins("timeout.") ||
         begins("help.") || begins("entitlements.result.") || id == "speech.guide";
}

CatalogueFile from_table(const toml::table& table) {
  CatalogueFile file;
  for (const char* name : {"messages", "easy"}) {
    const toml::table* part = table[name].as_table();
    if (!part) continue;
    auto& out = std::string(name) == "messages" ? file.messages : file.easy;
    for (const auto& [key, node] : *part) out[std::string(key.str())] = node.value_or(std::string{});
  }
  return file;
}

const std::regex& placeholder() {
  static const std::regex re(R"(\{[a-z_]+\})");
  return re;
}

std::vector<std::string> placeholders(const std::string& text) {
  std::vector<std::string> found;
  for (std::sregex_iterator it(text.begin(), text.end(), placeholder()), end; it != end; ++it) found.push_back(it->str());
  std::sort(found.begin(), found.end());
  return found;
}

// Length as a reader meets it: code points, a placeholder counted as 2 (most values
// are a short place name or a number).
std::size_t characters(const std::string& text) {
  const std::string shown = std::regex_replace(text, placeholder(), "xx");
  return static_cast<std::size_t>(
      std::count_if(shown.begin(), shown.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::size_t words(const std::string& text) {
  std::size_t count = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ';
    if (!space && !in_word) ++count;
    in_word = !space;
  }
  return count;
}

// Sentences end at 。！？； (zh) or . ! ? ; followed by a space or the end (en, so that
// "12385." ends one but "3.5" would not).
std::vector<std::string> sentences(const std::string& text, bool cjk) {
  static const std::regex zh_end("。|！|？|；");
  static const std::regex en_end(R"([.!?;](\s+|$))");
  const std::string shown = std::regex_replace(text, placeholder(), "xx");
  std::vector<std::string> out;
  const std::regex& end = cjk ? zh_end : en_end;
  for (std::sregex_token_iterator it(shown.begin(), shown.end(), end, -1), stop; it != stop; ++it)
    if (!it->str().empty()) out.push_back(it->str());
  return out;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// Every problem in one language's catalogue; `other` is the other language's file.
void lint_one(const Rules& rules, const CatalogueFile& file, const Rules& other_rules, const CatalogueFile& other,
              std::vector<std::string>& problems) {
  const std::string in = rules.language + " \"";
  for (const auto& [id, easy] : file.easy) {
    auto main = file.messages.find(id);
    if (main == file.messages.end()) {
      problems.push_back(in + id + "\": easy variant has no message (orphan or typo)");
      continue;
    }
    if (easy == main->second) problems.push_back(in + id + "\": easy variant is the same as the main text");
    if (placeholders(easy) != placeholders(main->second))
      problems.push_back(in + id + "\": placeholders differ from the main text");
    if (!other.easy.count(id)) problems.push_back(in + id + "\": has an easy variant, " + other_rules.language + " has none");
    if (characters(easy) > characters(main->second) + rules.slack)
      problems.push_back(in + id + "\": easy variant is longer than the main text (" + std::to_string(characters(easy)) +
                         " > " + std::to_string(characters(main->second)) + ")");
    for (const auto& sentence : sentences(easy, rules.cjk)) {
      const std::size_t size = rules.cjk ? characters(sentence) : words(sentence);
      if (size > rules.sentence_max)
        problems.push_back(in + id + "\": sentence too long (" + std::to_string(size) + "): " + sentence);
    }
    const std::string folded = rules.cjk ? easy : lower(easy);
    for (const auto& word : rules.banned)
      if (folded.find(word) != std::string::npos) problems.push_back(in + id + "\": banned word " + word);
  }
  for (const auto& [id, text] : file.messages)
    if (resident_family(id) && characters(text) > rules.long_main && !file.easy.count(id))
      problems.push_back(in + id + "\": " + std::to_string(characters(text)) + " characters and no easy variant");
}

std::vector<std::string> lint(const CatalogueFile& zh, const CatalogueFile& en) {
  std::vector<std::string> problems;
  lint_one(kZh, zh, kEn, en, problems);
  lint_one(kEn, en, kZh, zh, problems);
  return problems;
}

std::string root() { return KIOSK_TEST_ROOT; }

bool mentions(const std::vector<std::string>& problems, const std::string& start, const std::string& what) {
  return std::any_of(problems.begin(), problems.end(), [&](const std::string& p) {
    return p.rfind(start, 0) == 0 && p.find(what) != std::string::npos;
  });
}

}  // namespace

TEST(EasyRead, RealCataloguesPassTheLint) {
  const auto zh = from_table(toml::parse_file(root() + "/config/locales/zh-CN.toml"));
  const auto en = from_table(toml::parse_file(root() + "/config/locales/en.toml"));
  ASSERT_FALSE(zh.easy.empty());
  const auto problems = lint(zh, en);
  for (const auto& problem : problems) ADD_FAILURE() << problem;
  std::printf("easy-read variants: zh-CN %zu, en %zu\n", zh.easy.size(), en.easy.size());
}

// The kiosk's own loader sees the same variants, and Catalog::text picks them in easy
// mode with the arguments filled in.
TEST(EasyRead, TheKioskServesTheVariantsInEasyMode) {
  auto loaded = app::load_config(root() + "/config/kiosk.toml");
  ASSERT_TRUE(loaded.ok()) << loaded.describe();
  const auto& catalog = loaded.config->catalog;
  for (const char* language : {"zh-CN", "en"}) {
    const auto file = from_table(toml::parse_file(root() + "/config/locales/" + language + ".toml"));
    for (const auto& [id, easy] : file.easy) {
      ASSERT_TRUE(catalog.has(language, id)) << language << " " << id;
      EXPECT_EQ(catalog.entries(language).at(id).easy, easy) << language << " " << id;
    }
  }
  const auto prompt = core::Message::of("timeout.prompt").arg("seconds", "45");
  EXPECT_NE(catalog.text(prompt, "zh-CN", true), catalog.text(prompt, "zh-CN", false));
  EXPECT_NE(catalog.text(prompt, "zh-CN", true).find("45秒"), std::string::npos) << catalog.text(prompt, "zh-CN", true);
  EXPECT_NE(catalog.text(prompt, "en", true).find("45 seconds"), std::string::npos) << catalog.text(prompt, "en", true);
}

// Each rule catches its own kind of mistake.
TEST(EasyRead, LintCatchesEachKindOfMistake) {
  const auto zh = from_table(toml::parse(R"(
[messages]
"a.prompt" = "按任意键继续使用。{seconds}秒后将结束服务并清除您的信息。"
"b.hint" = "用左右键选择高对比度的配色"
"c.title" = "残疾等级是几级？"
"help.long" = "按上下键逐条收听按键说明。在本页按帮助键，可以按任意键听它的作用。"
"alert.ok" = "已通知工作人员"
[easy]
"a.prompt" = "请按一个键。{second}秒后结束。"
"b.hnit" = "用左右键换颜色"
"c.title" = "残疾证上写的是第几级？请看一下您的证件。"
"alert.ok" = "工作人员会来。请在当前的位置等一等，他们很快就会来到您的身边。"
)"));
  const auto en = from_table(toml::parse(R"(
[messages]
"a.prompt" = "Press any key to carry on. In {seconds} seconds this visit ends and your details are cleared."
"b.hint" = "Left and right choose a high-contrast colour scheme"
"c.title" = "What is the disability grade?"
"help.long" = "Use up and down to hear each key."
"alert.ok" = "Staff are on their way; please wait here"
"d.title" = "Entitlements guide"
[easy]
"a.prompt" = "Press a key to go on. In {seconds} seconds, this visit ends. Your details are then deleted."
"b.hint" = "Use left and right to change the colours"
"c.title" = "What is the disability grade?"
"help.long" = "Use up and down to hear each key, one at a time, and then press the help key and any other key."
"d.title" = "Entitlements"
)"));
  const auto problems = lint(zh, en);
  for (const auto& problem : problems) std::printf("  %s\n", problem.c_str());
  EXPECT_TRUE(mentions(problems, "zh-CN \"b.hnit\"", "orphan"));
  EXPECT_TRUE(mentions(problems, "zh-CN \"a.prompt\"", "placeholders differ"));
  EXPECT_FALSE(mentions(problems, "en \"a.prompt\"", "placeholders differ"));
  EXPECT_TRUE(mentions(problems, "en \"d.title\"", "zh-CN has none"));
  EXPECT_TRUE(mentions(problems, "zh-CN \"help.long\"", "no easy variant"));
  EXPECT_TRUE(mentions(problems, "zh-CN \"b.hint\"", "no easy variant"));       // 13 characters
  EXPECT_TRUE(mentions(problems, "en \"c.title\"", "same as the main text"));
  EXPECT_TRUE(mentions(problems, "zh-CN \"c.title\"", "longer than the main text"));
  EXPECT_TRUE(mentions(problems, "zh-CN \"alert.ok\"", "sentence too long"));
  EXPECT_TRUE(mentions(problems, "en \"help.long\"", "sentence too long"));
  EXPECT_TRUE(mentions(problems, "zh-CN \"alert.ok\"", "banned word 当前"));
  EXPECT_TRUE(mentions(problems, "en \"d.title\"", "banned word entitlement"));
  // Families only: a short alert or a long title needs no variant.
  EXPECT_FALSE(mentions(problems, "en \"alert.ok\"", "no easy variant"));
  EXPECT_FALSE(mentions(problems, "zh-CN \"d.title\"", "no easy variant"));
}
