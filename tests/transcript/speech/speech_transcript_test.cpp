// The speech channel through the real kiosk binary: `speech` and `caption` events in
// the transcript (DESIGN.md section 5), routes and privacy (ACCESSIBILITY.md S6).
#include <gtest/gtest.h>
#include <unistd.h>

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
  auto events = run_kiosk("alert", "key select\nkey 9\n");
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
  EXPECT_TRUE(contains(*speech, "spoken", "幺"));
  EXPECT_FALSE(contains(*speech, "spoken", "1"));
  ASSERT_FALSE((*speech)["runs"].empty());
  EXPECT_EQ((*speech)["runs"][0]["voice"], "cmn-latn-pinyin");
}

}  // namespace
