// SPDX-License-Identifier: GPL-3.0-or-later
// The speech channel through the real kiosk binary: `speech` and `caption` events in
// the transcript (docs/design.md section 5), routes and privacy (docs/accessibility.md S6).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk_run.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::vector<json> run_kiosk(const std::string& name, const std::string& script, const std::string& extra = {}) {
  const auto run = kiosk::testing::run_kiosk("speech-" + name, script, extra);
  EXPECT_EQ(run.exit_code, 0) << run.stderr_text;
  fs::remove_all(run.dir);
  return run.events;
}

// The first `speech` event after events[i] and before the next screen or focus event.
const json* speech_after(const std::vector<json>& events, std::size_t i) {
  for (std::size_t j = i + 1; j < events.size(); ++j) {
    const std::string type = events[j].value("type", "");
    if (type == "speech") return &events[j];
    if (type == "screen" || type == "focus") break;
  }
  return nullptr;
}

bool contains(const json& event, const std::string& field, const std::string& text) {
  return event.value(field, std::string()).find(text) != std::string::npos;
}

const std::string kToResult =
    "key select\nkey select\nkey down\nkey down\nkey select\n"
    "key select\nkey select\nkey select\nkey select\nkey select\n";

TEST(SpeechTranscript, EveryScreenAndFocusIsSpokenOnTheRightRoute) {
  auto events = run_kiosk("journey", "key down\nkey select\nkey down\nkey down\nheadphones in\nkey down\n");
  bool speech_on = false;
  int checked = 0;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const auto& e = events[i];
    const std::string type = e.value("type", "");
    if (type == "setting" && e["name"] == "speech") speech_on = e["value"].get<bool>();
    if (!speech_on || (type != "screen" && type != "focus")) continue;
    const json* speech = speech_after(events, i);
    // A screen and its first focus share one utterance (speak() replaces, never queues).
    if (!speech && type == "screen" && i + 1 < events.size()) speech = speech_after(events, i + 2);
    for (std::size_t k = i + 1; !speech && k < events.size() && k < i + 4; ++k) speech = speech_after(events, k);
    ASSERT_NE(speech, nullptr) << e.dump();
    const std::string shown = type == "screen" ? e.value("title", "") : e.value("name", "");
    EXPECT_TRUE(contains(*speech, "text", shown)) << shown << " / " << speech->dump();
    EXPECT_FALSE((*speech)["spoken"].get<std::string>().empty());
    ++checked;
  }
  EXPECT_GE(checked, 6);
  // Routes: speaker until the headphones go in, headset after.
  std::vector<std::string> routes;
  for (const auto& e : events)
    if (e.value("type", "") == "speech") routes.push_back(e["route"]);
  ASSERT_GE(routes.size(), 3u);
  EXPECT_EQ(routes.front(), "speaker");
  EXPECT_EQ(routes.back(), "headset");
  // Every utterance has its caption, with the same text.
  for (std::size_t i = 0; i + 1 < events.size(); ++i)
    if (events[i].value("type", "") == "speech") {
      EXPECT_EQ(events[i + 1].value("type", ""), "caption");
      EXPECT_EQ(events[i + 1].value("text", ""), events[i]["text"]);
    }
}

TEST(SpeechTranscript, AlertIsAlwaysSpoken) {
  auto events = run_kiosk("alert", "key select\nkey zoom+\n");
  bool found = false;
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (events[i].value("type", "") != "alert") continue;
    found = true;
    ASSERT_LT(i + 1, events.size());
    EXPECT_EQ(events[i + 1].value("type", ""), "speech");
    EXPECT_EQ(events[i + 1].value("text", ""), events[i]["text"]);
  }
  EXPECT_TRUE(found);
}

std::pair<json, json> result_speech(const std::vector<json>& events) {
  for (std::size_t i = 0; i < events.size(); ++i)
    if (events[i].value("type", "") == "screen" && events[i]["id"] == "entitlements_result") {
      json focus;
      for (std::size_t j = i + 1; j < events.size(); ++j)
        if (events[j].value("type", "") == "focus") { focus = events[j]; break; }
      for (std::size_t j = i + 1; j < events.size(); ++j)
        if (events[j].value("type", "") == "speech") return {events[j], focus};
    }
  return {};
}

TEST(SpeechTranscript, PersonalContentOnSpeakerIsHidden) {
  auto [speech, focus] = result_speech(run_kiosk("hidden", kToResult));
  ASSERT_TRUE(speech.is_object());
  ASSERT_TRUE(focus.is_object());
  EXPECT_EQ(speech["route"], "speaker");
  EXPECT_FALSE(speech["private"].get<bool>());
  EXPECT_TRUE(contains(speech, "text", "内容已隐藏，请使用耳机"));
  EXPECT_FALSE(contains(speech, "text", focus["name"].get<std::string>()));
}

TEST(SpeechTranscript, CaptionShowsWhatTheScreenShowsWhenSpeechHidesIt) {
  const auto events = run_kiosk("hidden-caption", kToResult);
  auto [speech, focus] = result_speech(events);
  ASSERT_TRUE(speech.is_object());
  const json* caption = nullptr;
  for (std::size_t i = 0; i + 1 < events.size(); ++i)
    if (events[i] == speech && events[i + 1].value("type", "") == "caption") caption = &events[i + 1];
  ASSERT_NE(caption, nullptr);
  EXPECT_FALSE(contains(*caption, "text", "内容已隐藏"));
  EXPECT_TRUE(contains(*caption, "text", focus["name"].get<std::string>()));
}

TEST(SpeechTranscript, PersonalContentOnHeadsetIsSpoken) {
  auto [speech, focus] = result_speech(run_kiosk("headset", "headphones in\n" + kToResult.substr(11)));
  ASSERT_TRUE(speech.is_object());
  EXPECT_EQ(speech["route"], "headset");
  EXPECT_TRUE(speech["private"].get<bool>());
  EXPECT_FALSE(contains(speech, "text", "内容已隐藏"));
  EXPECT_TRUE(contains(speech, "text", focus["name"].get<std::string>()));
}

TEST(SpeechTranscript, AnnounceReadsPhoneWithYao) {
  auto events = run_kiosk("announce", "", " --announce 请拨打13800138000");
  const json* speech = nullptr;
  for (const auto& e : events)
    if (e.value("type", "") == "speech") speech = &e;
  ASSERT_NE(speech, nullptr);
  EXPECT_EQ((*speech)["route"], "headset");
  EXPECT_EQ((*speech)["text"], "请拨打13800138000");
  // The normaliser reads the mobile 3-4-4 with 幺; the reading step sends it as pinyin.
  EXPECT_EQ((*speech)["spoken"], "qing3 bo1 da3 yao1 san1 ba1，ling2 ling2 yao1 san1，ba1 ling2 ling2 ling2");
  ASSERT_EQ((*speech)["runs"].size(), 1u);
  EXPECT_EQ((*speech)["runs"][0]["voice"], "cmn-latn-pinyin");
  EXPECT_EQ((*speech)["runs"][0]["text"], (*speech)["spoken"]);
}

// Issue 13: every Han run goes to cmn-latn-pinyin as the pinyin the reading step chose,
// and the transcript's runs carry it (what eSpeak got, so eSpeak's own character
// dictionary is never consulted for Chinese).
TEST(SpeechTranscript, AnnounceSendsTheReadingsAsPinyin) {
  const std::pair<const char*, const char*> cases[] = {
      {"把手语", "ba3 shou2 yu3"},          {"侯马市", "hou2 ma3 shi4"},
      {"社区", "she4 qu1"},                 {"办事处", "ban4 shi4 chu4"},
      {"调大音量", "tiao2 da4 yin1 liang4"}, {"本地", "ben3 di4"},
      {"只读", "zhi3 du2"},                 {"请按OK键", "qing3 an4 OK jian4"},
  };
  for (const auto& [text, pinyin] : cases) {
    auto events = run_kiosk("announce-reading", "", std::string(" --announce ") + text);
    const json* speech = nullptr;
    for (const auto& e : events)
      if (e.value("type", "") == "speech") speech = &e;
    ASSERT_NE(speech, nullptr) << text;
    EXPECT_EQ((*speech)["text"], text);
    EXPECT_EQ((*speech)["spoken"], pinyin) << text;
    EXPECT_EQ((*speech)["runs"][0]["voice"], "cmn-latn-pinyin") << text;
  }
}

std::vector<json> of(const std::vector<json>& events, const std::string& type) {
  std::vector<json> out;
  for (const auto& e : events)
    if (e.value("type", "") == type) out.push_back(e);
  return out;
}

// Index of the first event after `from` with this type (and, when given, code or name).
std::size_t find(const std::vector<json>& events, std::size_t from, const std::string& type,
                 const std::string& code = {}) {
  for (std::size_t i = from; i < events.size(); ++i) {
    if (events[i].value("type", "") != type) continue;
    if (code.empty() || events[i].value("code", "") == code || events[i].value("name", "") == code ||
        events[i].value("id", "") == code || events[i].value("event", "") == code)
      return i;
  }
  return events.size();
}

TEST(SpeechTranscript, WhereInAFlowSaysScreenStepAndItem) {
  // Into the entitlements questions (a flow), then down one item.
  const auto events = run_kiosk("where", "key select\nkey select\nkey down\nkey down\nkey select\nkey down\nkey where\n");
  const std::size_t where = find(events, 0, "alert", "where");
  ASSERT_LT(where + 1, events.size());
  json screen, focus;
  for (std::size_t i = 0; i < where; ++i) {
    if (events[i].value("type", "") == "screen") screen = events[i];
    if (events[i].value("type", "") == "focus") focus = events[i];
  }
  ASSERT_TRUE(screen.is_object() && focus.is_object());
  const json& speech = events[where + 1];
  ASSERT_EQ(speech.value("type", ""), "speech");
  EXPECT_EQ(speech["text"], events[where]["text"]);
  // The title is a question here; inside the sentence it is read without its "？".
  std::string title = screen["title"].get<std::string>();
  if (title.ends_with("？")) title.resize(title.size() - std::string("？").size());
  EXPECT_TRUE(contains(speech, "text", "您在：" + title + "，第1步")) << speech.dump();
  EXPECT_TRUE(contains(speech, "text", "第1步，共")) << speech.dump();
  EXPECT_TRUE(contains(speech, "text", "第" + std::to_string(focus["index"].get<int>()) + "项，共" +
                                           std::to_string(focus["count"].get<int>()) + "项"))
      << speech.dump();
}

TEST(SpeechTranscript, HelpFirstExplainsTheItemThenListsTheKeys) {
  const auto events = run_kiosk("help", "key select\nkey down\nkey help\nkey help\n");
  const std::size_t focus = find(events, find(events, 0, "screen", "home") + 1, "focus");
  const std::size_t first = find(events, focus + 1, "speech");   // what the focus said
  const std::size_t item_help = find(events, first + 1, "speech");
  ASSERT_LT(item_help, events.size());
  // The first press explains the item and stays on the screen.
  for (std::size_t i = first + 1; i < item_help; ++i) EXPECT_NE(events[i].value("type", ""), "screen");
  EXPECT_FALSE(events[item_help]["text"].get<std::string>().empty());
  EXPECT_NE(events[item_help]["text"], events[first]["text"]);
  // The second opens the key list and reads it.
  const std::size_t keys = find(events, item_help + 1, "screen");
  ASSERT_LT(keys, events.size());
  EXPECT_EQ(events[keys]["id"], "help");
  const std::size_t said = find(events, keys + 1, "speech");
  ASSERT_LT(said, events.size());
  EXPECT_EQ(events[said]["text"].get<std::string>().rfind(events[keys]["title"].get<std::string>(), 0), 0u)
      << events[said].dump();
}

TEST(SpeechTranscript, RepeatSaysTheSameTextAndChangesNothing) {
  const auto events = run_kiosk("repeat", "key select\nkey down\nkey repeat\nkey repeat\n");
  std::size_t focus = 0;
  for (std::size_t i = 0; i < events.size(); ++i)
    if (events[i].value("type", "") == "focus") focus = i;   // the one key down gave
  const std::size_t said = find(events, focus + 1, "speech");
  ASSERT_LT(said, events.size());
  std::vector<json> after;
  for (std::size_t i = said + 1; i < events.size(); ++i) {
    const std::string type = events[i].value("type", "");
    // Presented again on every channel, but no screen, focus, setting or alert.
    EXPECT_TRUE(type == "speech" || type == "caption" || type == "braille")
        << "Repeat changed something: " << events[i].dump();
    if (type == "speech") after.push_back(events[i]);
  }
  ASSERT_EQ(after.size(), 2u);
  for (const auto& again : after) {
    EXPECT_EQ(again["text"], events[said]["text"]);
    EXPECT_EQ(again["spoken"], events[said]["spoken"]);
  }
}

TEST(SpeechTranscript, RateAndVolumeAreSaidAtOnceAndResetWhenTheSessionEnds) {
  const auto events = run_kiosk("rate", "key select\nkey rate+\nkey volume-\nwait 180000\nwait 45000\n");
  const std::size_t rate = find(events, 0, "setting", "rate");
  ASSERT_LT(rate, events.size());
  EXPECT_EQ(events[rate]["value"], 126);
  const json* rate_said = speech_after(events, rate);
  ASSERT_NE(rate_said, nullptr);
  EXPECT_EQ((*rate_said)["text"].get<std::string>().rfind("语速126%", 0), 0u) << rate_said->dump();
  const std::size_t volume = find(events, rate + 1, "setting", "volume");
  ASSERT_LT(volume, events.size());
  EXPECT_EQ(events[volume]["value"], 5);
  const json* volume_said = speech_after(events, volume);
  ASSERT_NE(volume_said, nullptr);
  EXPECT_EQ((*volume_said)["text"].get<std::string>().rfind("音量5", 0), 0u) << volume_said->dump();
  // Then the current item again, after the new setting.
  EXPECT_GT((*volume_said)["text"].get<std::string>().size(), std::string("音量5").size() + 3);
  const std::size_t reset = find(events, volume + 1, "session", "reset");
  ASSERT_LT(reset, events.size());
  const std::size_t rate_back = find(events, volume + 1, "setting", "rate");
  const std::size_t volume_back = find(events, volume + 1, "setting", "volume");
  ASSERT_LT(rate_back, reset);
  ASSERT_LT(volume_back, reset);
  EXPECT_EQ(events[rate_back]["value"], 100);
  EXPECT_EQ(events[volume_back]["value"], 6);
  for (std::size_t i = find(events, volume + 1, "session", "timeout_warning") + 1; i < events.size(); ++i) {
    if (events[i].value("type", "") != "speech" && events[i].value("type", "") != "caption") continue;
    EXPECT_FALSE(contains(events[i], "text", "语速")) << events[i].dump();
    EXPECT_FALSE(contains(events[i], "text", "音量")) << events[i].dump();
  }
}

TEST(SpeechTranscript, BriefVerbosityIsShorterOnAScreenTheResidentKnows) {
  // Home, into settings, up (wrapping) past done and reset to the verbosity choice,
  // Brief, back to home.
  const auto events = run_kiosk("brief", "key select\nkey down\nkey down\nkey down\nkey select\nkey up\nkey up\nkey up\n"
                                         "key right\nkey back\nkey down\n");
  const std::size_t brief = find(events, 0, "setting", "verbosity");
  ASSERT_LT(brief, events.size()) << "no verbosity setting event";
  EXPECT_EQ(events[brief]["value"], "brief");
  // Before: a home focus says its role and position.
  const std::size_t home_focus = find(events, find(events, 0, "screen", "home") + 1, "focus");
  const json* before = speech_after(events, home_focus);
  ASSERT_NE(before, nullptr);
  EXPECT_TRUE(contains(*before, "text", "按钮")) << before->dump();
  EXPECT_TRUE(contains(*before, "text", "项，共")) << before->dump();
  // After: home again, known now: names and states only.
  const std::size_t again = find(events, brief + 1, "screen", "home");
  ASSERT_LT(again, events.size());
  int checked = 0;
  for (std::size_t i = again; i < events.size(); ++i) {
    if (events[i].value("type", "") != "speech") continue;
    EXPECT_FALSE(contains(events[i], "text", "按钮")) << events[i].dump();
    EXPECT_FALSE(contains(events[i], "text", "项，共")) << events[i].dump();
    ++checked;
  }
  EXPECT_EQ(checked, 2);
  // The setting goes back to the hall's at the end of the session.
  const auto reset = run_kiosk("brief-reset", "key select\nkey down\nkey down\nkey down\nkey select\nkey up\nkey up\nkey up\n"
                                              "key right\nwait 180000\nwait 45000\n");
  std::vector<std::string> values;
  for (const auto& e : of(reset, "setting"))
    if (e["name"] == "verbosity") values.push_back(e["value"]);
  EXPECT_EQ(values, (std::vector<std::string>{"brief", "full"}));
}

TEST(SpeechTranscript, CaptionsStayOnWhenATouchStartsTheVisitWithoutSpeech) {
  const auto events = run_kiosk("captions-touch", "touch 500 500\ntouch-hold 500 500\n");
  for (const auto& e : of(events, "setting")) EXPECT_NE(e["name"], "speech") << "a touch must leave speech off";
  EXPECT_TRUE(of(events, "speech").empty());
  const std::size_t home = find(events, 0, "screen", "home");
  ASSERT_LT(home, events.size());
  const std::size_t caption = find(events, home + 1, "caption");
  ASSERT_LT(caption, events.size());
  EXPECT_EQ(events[caption]["text"].get<std::string>().rfind(events[home]["title"].get<std::string>(), 0), 0u)
      << events[caption].dump();
  // Every focus is captioned with its name.
  int focuses = 0;
  for (std::size_t i = home; i < events.size(); ++i) {
    if (events[i].value("type", "") != "focus") continue;
    ++focuses;
    const std::size_t c = find(events, i + 1, "caption");
    ASSERT_LT(c, events.size());
    EXPECT_TRUE(contains(events[c], "text", events[i]["name"].get<std::string>())) << events[c].dump();
  }
  EXPECT_GE(focuses, 1);
}

TEST(SpeechTranscript, TimeoutWarningIsSpokenEvenWithSpeechOff) {
  const auto events = run_kiosk("timeout-touch", "touch 500 500\nwait 180000\n");
  const std::size_t warning = find(events, 0, "alert", "timeout_warning");
  ASSERT_LT(warning, events.size());
  std::size_t said = events.size();
  for (std::size_t i = find(events, 0, "session", "timeout_warning"); i < events.size(); ++i)
    if (events[i].value("type", "") == "speech") said = i;
  ASSERT_LT(said, events.size()) << "the timeout warning was not spoken";
  const std::string prompt = events[warning]["text"];
  EXPECT_TRUE(contains(events[said], "text", prompt));
  const std::string text = events[said]["text"];
  EXPECT_EQ(text.find(prompt), text.rfind(prompt)) << "said twice: " << text;
  EXPECT_EQ(events[said + 1].value("type", ""), "caption");
}

// Listening by proxy: SDL's disk writer stands in for the headset. --announce exits
// only once its text has been played, so the capture holds all of it, not a fraction.
TEST(SpeechTranscript, AnnounceIsHeardOutBeforeTheKioskExits) {
  const fs::path dir = kiosk::testing::fresh_dir("speech-announce-disk");
  const fs::path raw = dir / "out.raw";
  const std::string command = "SDL_AUDIODRIVER=disk SDL_DISKAUDIODELAY=0 SDL_DISKAUDIOFILE='" + raw.string() +
                              "' KIOSK_BRAILLE_DRIVER=null " + KIOSK_BINARY +
                              " --headless --announce '请于2025年1月9日前到银行办理还款，咨询电话0351-2345678' --transcript '" +
                              (dir / "t.jsonl").string() + "' 2>'" + (dir / "err.txt").string() + "'";
  ASSERT_EQ(std::system(command.c_str()), 0);
  std::ifstream in(raw, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  fs::remove_all(dir);
  // Count 100 ms windows with sound in them (the disk writer pads with silence).
  const std::size_t samples = bytes.size() / 2;
  const auto* pcm = reinterpret_cast<const std::int16_t*>(bytes.data());
  int voiced = 0;
  for (std::size_t w = 0; w + 2205 <= samples; w += 2205) {
    int peak = 0;
    for (std::size_t i = w; i < w + 2205; ++i) peak = std::max(peak, std::abs(static_cast<int>(pcm[i])));
    if (peak > 30) ++voiced;
  }
  // The sentence takes several seconds to say; a cut-off run leaves a few windows at most.
  EXPECT_GE(voiced, 40) << samples << " samples captured";
}

}  // namespace
