// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The running kiosk: the core state machine, the drivers, the transcript, and the
// dispatch of effects between them. Main thread only. The window loop and the headless
// script runner both drive it through the same calls, so a script exercises exactly
// what a resident's key presses do.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "drivers/card_reader/card_reader_driver.h"
#include "drivers/display/display.h"
#include "drivers/printer/printer_driver.h"
#include "kiosk/app/channels/channel.h"
#include "kiosk/app/config.h"
#include "kiosk/app/runtime/transcript.h"
#include "kiosk/core/kiosk/kiosk.h"
#include "kiosk/core/present/layout.h"
#ifdef KIOSK_HAVE_BACKEND
#include "kiosk/backend/api/federation_api.h"
#endif

namespace kiosk::app {

class Runtime {
 public:
  // `now` is the clock every time-dependent part reads (virtual when headless). The
  // display is the SDL one unless a test gives its twin (drivers/display/recording_display.h).
  Runtime(Config& config, std::function<std::int64_t()> now,
          std::unique_ptr<drivers::display::Display> display = nullptr);
  ~Runtime();

  bool open_display(drivers::display::DisplayMode mode, std::string& error);
  bool open_transcript(const std::string& path);
  // Builds the first screen and presents it, before the channels are open: the screen
  // never waits for them (speech engine, braille tables). start() then hands its
  // effects to the channels, so they present exactly what a plain start() would.
  void show_first_screen();
  void start();

  // Inputs, as the keypad, touch screen, headset jack and timers give them.
  void key(const std::string& key_name);                 // a keymap key name, e.g. "Return"
  void command(core::Command command, core::InputSource source);
  void touch(int x, int y, core::TouchKind kind);        // pixels in the layout's frame
  void type_text(const std::string& utf8);
  void headphones(bool plugged_in);
  void braille_key(const core::braille::BrailleKey& key);   // as if a braille display sent it
  void tick();
  void announce(const std::string& text);                // --announce
  // Headless runs: the hall's date is --now's (YYYYMMDD), not the wall clock's.
  void fix_today(int yyyymmdd) { m_fixed_today = yyyymmdd; m_kiosk.set_today(yyyymmdd); }

  // Headless runs: the card reader becomes the fake one the script's card steps feed.
  drivers::card_reader::FakeCardReader& use_fake_card_reader();
  drivers::printer::PrinterDriver& printer() { return *m_printer; }   // receipts (to come)
  void add_channel(std::unique_ptr<Channel> channel);   // before or after open_display()
  void poll();                                           // drains the channels' drivers
  void redraw();                                         // only draws when something changed
  bool screenshot(const std::string& path);
  std::int64_t next_deadline() const { return m_kiosk.next_deadline(); }
  const core::Kiosk& kiosk() const { return m_kiosk; }
  const core::ScreenLayout& layout() const { return m_layout; }
  const drivers::display::Display& display() const { return *m_display; }   // for benchmarks and the window's id

 private:
  void attach(Channel& channel);   // to the open display (the sign pane draws in it)
  void dispatch(const core::Effects& effects);
  void dispatch_one(const core::Effect& effect);
  void send(const core::Request& request);
  void poll_card_reader();
  void page(int direction);
  nlohmann::json setting_json(const core::SettingValue& value) const;
  const core::Theme* theme(const std::string& id) const;
  std::string text(const core::Message& message) const;

  Config& m_config;
  std::function<std::int64_t()> m_now;
  int m_fixed_today = 0;   // 0: the wall clock's date
  core::Kiosk m_kiosk;
  std::unique_ptr<drivers::display::Display> m_display;
  Transcript m_transcript;
  core::ScreenLayout m_layout;
  std::string m_part_of;   // the focused item whose later page is shown, and which page
  int m_part = 0;
  std::string m_theme_id;
  void open_backend();
#ifdef KIOSK_HAVE_BACKEND
  // The backend (the demo gateway's SQLite, the outbox's three connections, their
  // threads) opens on m_backend_opening, started by the constructor, so the first frame
  // does not wait for it; api() joins it on the first use (start() at the latest, long
  // after the channels opened). Only on the thread that made the runtime (the answers'
  // sink writes the transcript unguarded): a call from another ends the process loudly.
  backend::FederationApi* api();
  std::unique_ptr<backend::FederationApi> m_api;   // written by m_backend_opening until joined
  std::thread m_backend_opening;
  std::thread::id m_main_thread = std::this_thread::get_id();
  bool m_backend_wakeup = false;   // a window loop: a reply wakes it (set once joined)
#endif
  drivers::display::DisplayMode m_display_mode = drivers::display::DisplayMode::Headless;
  bool m_dispatching = false;
  std::vector<core::Effects> m_deferred;   // batches raised while another was dispatched
  std::optional<core::Effects> m_start_effects;   // shown by show_first_screen(), not yet dispatched
  std::vector<std::unique_ptr<Channel>> m_channels;
  std::unique_ptr<drivers::card_reader::CardReaderDriver> m_card_reader;   // never null
  std::unique_ptr<drivers::printer::PrinterDriver> m_printer;              // never null
  std::unique_ptr<ChannelContext> m_context;
};

}  // namespace kiosk::app
