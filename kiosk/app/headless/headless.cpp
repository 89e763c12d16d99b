// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/app/headless/headless.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

#include "drivers/card_reader/card_file.h"
#include "kiosk/app/channels/channels.h"
#include "kiosk/app/runtime/runtime.h"
#include "kiosk/app/headless/script.h"

namespace kiosk::app {

namespace fs = std::filesystem;

namespace {

// Virtual time: steps take none except `wait`; timers fire at their deadlines inside a wait.
void advance(Runtime& runtime, std::int64_t& clock, std::int64_t by) {
  const std::int64_t target = clock + by;
  for (;;) {
    const std::int64_t deadline = runtime.next_deadline();
    if (deadline < 0 || deadline > target) break;
    clock = std::max(clock, deadline);
    runtime.tick();
  }
  clock = target;
  runtime.tick();
}

// A real backend answers on its worker thread. Before the next step the script waits, in
// real time, until every request in flight has its answer (bounded: the http backend's own
// budget is 10 s), so a transcript never depends on the network's speed. The kiosk's own
// 12 s timeout runs on the virtual clock and is not reached here (core unit tests cover it).
void settle(Runtime& runtime) {
  const auto limit = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (runtime.kiosk().requests_in_flight() > 0 && std::chrono::steady_clock::now() < limit) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    runtime.poll();
  }
}

// The whole file, or nullopt when it cannot be read.
std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// A `card` step's file, relative to the script's folder.
core::Result<core::IdCard> read_card_file(const std::string& script, const std::string& file) {
  const fs::path path = fs::path(script).parent_path() / file;
  const auto text = read_file(path);
  if (!text) return core::Error{"card_file", "cannot read the card file " + path.string()};
  auto card = drivers::card_reader::parse_card_file(*text);
  if (!card) return core::Error{card.error().code, path.string() + ": " + card.error().message};
  return card;
}

// The script, parsed up front, and the screenshot folder: exit 2 before the kiosk starts
// when either is unusable.
std::optional<int> read_script(const Options& options, ParsedScript& script) {
  std::string script_text;
  if (!options.script.empty()) {
    const auto text = read_file(options.script);
    if (!text) {
      std::fprintf(stderr, "kiosk: cannot read script %s\n", options.script.c_str());
      return 2;
    }
    script_text = *text;
  }
  script = parse_script(script_text);
  if (script.error) {
    std::fprintf(stderr, "kiosk: %s:%d: %s\n", options.script.c_str(), script.error->line, script.error->message.c_str());
    return 2;
  }
  if (!options.screenshots.empty()) {
    std::error_code ec;
    fs::create_directories(options.screenshots, ec);
    if (ec) {
      std::fprintf(stderr, "kiosk: cannot create %s\n", options.screenshots.c_str());
      return 2;
    }
  }
  return std::nullopt;
}

// The headless display and the transcript file; an exit code when either cannot open.
std::optional<int> open_outputs(Runtime& runtime, const Options& options) {
  // --now is checked by the options: "2026-03-08T..." gives 20260308.
  runtime.fix_today(std::stoi(options.now.substr(0, 4) + options.now.substr(5, 2) + options.now.substr(8, 2)));
  std::string error;
  if (!runtime.open_display(drivers::display::DisplayMode::Headless, error)) {
    std::fprintf(stderr, "kiosk: cannot open the headless display: %s\n", error.c_str());
    return 1;
  }
  if (!options.transcript.empty() && !runtime.open_transcript(options.transcript)) {
    std::fprintf(stderr, "kiosk: cannot write %s\n", options.transcript.c_str());
    return 2;
  }
  return std::nullopt;
}

// One script step, as the resident's input it stands for; false (after saying why) when a
// card step's file is unusable.
bool play(const ScriptStep& step, Runtime& runtime, std::int64_t& clock,
          drivers::card_reader::FakeCardReader& card_reader, const Options& options) {
  using K = ScriptStep::Kind;
  using BK = core::braille::BrailleKeyKind;
  switch (step.kind) {
    case K::Key: runtime.command(step.command, core::InputSource::Key); break;
    case K::Type: runtime.type_text(step.text); break;
    case K::Touch: runtime.touch(step.x, step.y, core::TouchKind::Tap); break;
    case K::TouchHold:
      advance(runtime, clock, 800);
      runtime.touch(step.x, step.y, core::TouchKind::Hold);
      break;
    case K::HeadphonesIn: runtime.headphones(true); break;
    case K::HeadphonesOut: runtime.headphones(false); break;
    case K::Wait: advance(runtime, clock, step.ms); break;
    case K::Screenshot:
      if (!options.screenshots.empty())
        runtime.screenshot((fs::path(options.screenshots) / (step.text + ".png")).string());
      break;
    case K::BrailleLine:
      runtime.braille_key({step.text == "up" ? BK::LineUp : BK::LineDown, 0});
      break;
    case K::BrailleKey:
      runtime.braille_key({step.text == "enter" ? BK::Enter : step.text == "space" ? BK::Space : BK::Backspace, 0});
      break;
    case K::BrailleRoute: runtime.braille_key({BK::Route, step.x}); break;
    case K::BraillePan: runtime.braille_key({step.text == "left" ? BK::PanLeft : BK::PanRight, 0}); break;
    case K::BrailleDots: runtime.braille_key({BK::Dots, step.x}); break;
    case K::Card: {
      auto card = read_card_file(options.script, step.text);
      if (!card) {
        std::fprintf(stderr, "kiosk: %s:%d: %s\n", options.script.c_str(), step.line, card.error().message.c_str());
        return false;
      }
      card_reader.place(card.value());
      break;
    }
    case K::CardRemove: card_reader.remove(); break;
  }
  return true;
}

}  // namespace

int run_headless(Config& config, const Options& options) {
  setenv("SDL_AUDIODRIVER", "dummy", 0);
  ParsedScript script;
  if (auto exit = read_script(options, script)) return *exit;
  std::int64_t clock = 0;
  Runtime runtime(config, [&clock] { return clock; });
  if (auto exit = open_outputs(runtime, options)) return *exit;
  // The same order as the window loop (app.cpp): the first frame, then the channels.
  if (options.announce.empty()) runtime.show_first_screen();
  for (auto& channel : make_channels(config, RunMode::Headless)) runtime.add_channel(std::move(channel));
  if (!options.announce.empty()) {
    runtime.announce(options.announce);
    runtime.poll();
    return 0;
  }
  auto& card_reader = runtime.use_fake_card_reader();   // the script's card steps feed it
  runtime.start();
  for (const auto& step : script.steps) {
    if (!play(step, runtime, clock, card_reader, options)) return 2;
    runtime.poll();   // worker results the step caused are handled before the next step
    settle(runtime);
    runtime.redraw();
  }
  return 0;
}

}  // namespace kiosk::app
