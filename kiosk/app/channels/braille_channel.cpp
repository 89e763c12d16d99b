// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/app/channels/braille_channel.h"

#include "drivers/display/sdl_wakeup.h"

#include <SDL.h>

#include <cstdio>
#include <cstdlib>
#include <type_traits>

#include "kiosk/core/present/braille/braille_text.h"

namespace kiosk::app {

namespace {

using core::braille::BrailleActionKind;
using core::braille::BrailleKey;
using core::braille::BrailleKeyKind;

// Catalogue ids of the words the line uses (config/locales/*.toml, braille block).
constexpr const char* kRoleIds[13] = {
    "braille.role.screen",    "braille.role.heading",      "braille.role.text",
    "braille.role.button",    "braille.role.list",         "braille.role.list_item",
    "braille.role.choice",    "braille.role.checkbox",     "braille.role.text_field",
    "braille.role.number_field", "braille.role.status",    "braille.role.video",
    "braille.role.progress"};

std::string word(const core::Catalog& catalog, const std::string& language, const char* id) {
  // Missing ids leave the word out rather than brailling the id.
  return catalog.has(language, id) ? catalog.text(id, language) : std::string{};
}

core::braille::BrailleVocabulary vocabulary(const core::Catalog& catalog, const std::string& language) {
  core::braille::BrailleVocabulary v;
  for (std::size_t i = 0; i < v.role_marks.size(); ++i) v.role_marks[i] = word(catalog, language, kRoleIds[i]);
  v.selected = word(catalog, language, "braille.selected");
  v.not_selected = word(catalog, language, "braille.not_selected");
  v.disabled = word(catalog, language, "braille.disabled");
  v.invalid = word(catalog, language, "braille.invalid");
  v.busy = word(catalog, language, "braille.busy");
  v.hidden = word(catalog, language, "braille.hidden");
  return v;
}

std::string text_of(const ChannelContext& context, const core::Message& message) {
  const auto& s = context.kiosk.settings();
  return context.config.catalog.text(message, s.language, s.easy_read);
}

core::braille::PersonalContent personal(const core::Kiosk& kiosk) {
  // Same rule as speech: the staff mirror shows the line on screen too.
  return kiosk.headset() || kiosk.speaker_consent() ? core::braille::PersonalContent::Shown
                                                    : core::braille::PersonalContent::Hidden;
}

}  // namespace

std::unique_ptr<Channel> BrailleChannel::make(const Config& config, RunMode mode,
                                              std::shared_ptr<drivers::speech::ReadingLoader> reading) {
  std::unique_ptr<BrailleChannel> channel(new BrailleChannel());
  auto opened = drivers::braille::LouisTranslator::open({(config.config_dir / "braille").string()});
  if (!opened.translator) {
    std::fprintf(stderr, "kiosk: braille off: %s\n", opened.error.c_str());
    return channel;
  }
  channel->m_translator = std::move(opened.translator);
  if (reading) {
    const std::string error = channel->m_translator->follow_readings(
        [reading] { return reading->reader(); }, (config.config_dir / "braille" / "syllables.tsv").string());
    if (!error.empty()) std::fprintf(stderr, "kiosk: braille follows liblouis's own readings: %s\n", error.c_str());
  }
  channel->m_presenter = std::make_unique<core::braille::BraillePresenter>(*channel->m_translator);

  // Headless runs must not reach a real display; KIOSK_BRAILLE_DRIVER (read by
  // open_braille_driver) still overrides, for the brltty integration test.
  std::vector<std::string> priority = config.braille_drivers;
  if (mode == RunMode::Headless) priority = {"null"};
  auto driver = drivers::braille::open_braille_driver(priority, {config.braille_host, config.braille_auth});
  if (!driver.driver) {
    std::fprintf(stderr, "kiosk: no braille driver: %s\n", driver.error.c_str());
  } else {
    channel->m_driver = std::move(driver.driver);
    if (mode == RunMode::Window) {
      // Wake the SDL loop so display keys are handled at once, not at the next timeout.
      channel->m_driver->set_wakeup(drivers::display::push_sdl_wakeup);
    }
    channel->m_presenter->set_width(channel->m_driver->cells());
  }
  return channel;
}

void BrailleChannel::apply_settings(const ChannelContext& context) {
  const auto& s = context.kiosk.settings();
  m_presenter->set_tables(core::braille::tables_for_setting(s.braille_table));
  if (s.language != m_language) {
    m_language = s.language;
    m_presenter->set_vocabulary(vocabulary(context.config.catalog, m_language));
  }
}

void BrailleChannel::refresh(ChannelContext& context) {
  const core::Node* node = context.kiosk.focused_node();
  if (!node) return;
  if (node->id != m_shown.id) {   // a new item: the braille keyboard starts afresh
    m_keyboard.reset(core::braille::EntryKind::IdNumber);
  }
  int cursor = -1;
  if (node->role == core::Role::TextField || node->role == core::Role::NumberField)
    cursor = static_cast<int>(core::braille::utf8_decode(node->value).size());   // typing appends
  m_presenter->present(core::braille::braille_item(*node, text_of(context, node->name), cursor),
                       personal(context.kiosk));
  m_shown = *node;
}

void BrailleChannel::present(const core::Effects& effects, ChannelContext& context) {
  if (!m_presenter) return;
  apply_settings(context);
  bool moved = false;
  bool alerted = false;
  for (const auto& effect : effects) {
    std::visit(
        [&](const auto& e) {
          using T = std::decay_t<decltype(e)>;
          if constexpr (std::is_same_v<T, core::FocusMoved> || std::is_same_v<T, core::ScreenShown> ||
                        std::is_same_v<T, core::SettingChanged>) {
            moved = true;
          } else if constexpr (std::is_same_v<T, core::SessionEvent>) {
            if (e.event == "reset") {
              m_presenter->clear();
              m_shown = {};
            }
          } else if constexpr (std::is_same_v<T, core::Alert>) {
            // Personal alerts follow the personal rule; "announce" is the editors' tool.
            const bool hide = e.privacy != core::Privacy::Public && e.code != "announce" &&
                              personal(context.kiosk) == core::braille::PersonalContent::Hidden;
            if (!hide) {
              m_presenter->show_alert(text_of(context, e.text));
              alerted = true;
            }
          }
        },
        effect);
  }
  // An alert stays until the next key; keys from the keypad arrive here as a move.
  if (moved && !alerted) m_presenter->dismiss_alert();
  // The focus stayed but its node changed (a digit typed into a field, a value stepped):
  // the line follows, as the screen does (S7: typed digits are echoed on the display).
  const core::Node* focused = context.kiosk.focused_node();
  const bool changed = focused && !(*focused == m_shown);
  if (moved || (changed && !alerted)) refresh(context);
  flush(context);
}

void BrailleChannel::poll(ChannelContext& context) {
  if (!m_driver || !m_presenter) return;
  for (const auto& event : m_driver->drain()) {
    using Kind = drivers::braille::DriverEvent::Kind;
    if (event.kind == Kind::Connected) {
      m_presenter->set_width(event.cells);
      context.alert("braille_connected", core::Message::of("alert.braille_connected"));
    } else if (event.kind == Kind::Lost) {
      context.alert("braille_lost", core::Message::of("alert.braille_lost"));
    } else {
      handle_key(event.key, context);
    }
  }
  flush(context);
}

bool BrailleChannel::braille_key(const BrailleKey& key, ChannelContext& context) {
  if (!m_presenter) return false;
  handle_key(key, context);
  flush(context);
  return true;
}

void BrailleChannel::handle_key(const BrailleKey& key, ChannelContext& context) {
  const auto action = m_presenter->handle_key(key);
  const auto source = core::InputSource::Braille;
  switch (action.kind) {
    case BrailleActionKind::None:
    case BrailleActionKind::PanBoundary:
      break;
    case BrailleActionKind::PreviousItem: context.command(core::Command::Up, source); break;
    case BrailleActionKind::NextItem: context.command(core::Command::Down, source); break;
    case BrailleActionKind::FirstItem:
    case BrailleActionKind::LastItem: {
      // Top / bottom of the screen: the ends of the focus ring (EZ Access reading order).
      const auto& ids = context.kiosk.focus().ids();
      if (!ids.empty()) context.focus_node(action.kind == BrailleActionKind::FirstItem ? ids.front() : ids.back());
      break;
    }
    case BrailleActionKind::Activate:
      if (!m_shown.id.empty()) context.focus_node(m_shown.id);
      context.command(core::Command::Select, source);
      break;
    case BrailleActionKind::SetCursor:
      if (context.edit) context.edit(core::FieldInput{core::FieldKey::CursorTo, 0, action.position});
      break;
    case BrailleActionKind::Input: {
      std::optional<char32_t> typed;
      switch (action.key.kind) {
        case BrailleKeyKind::Dots: typed = m_keyboard.feed(static_cast<std::uint8_t>(action.key.argument)); break;
        case BrailleKeyKind::Character: typed = m_keyboard.feed_char(static_cast<char32_t>(action.key.argument)); break;
        case BrailleKeyKind::Space: typed = m_keyboard.space(); break;
        case BrailleKeyKind::Enter: context.command(core::Command::Select, source); break;
        case BrailleKeyKind::Backspace: context.command(core::Command::Clear, source); break;
        default: break;
      }
      if (typed && *typed >= U'0' && *typed <= U'9') {
        context.command(static_cast<core::Command>(static_cast<int>(core::Command::Digit0) + static_cast<int>(*typed - U'0')), source);
      } else if (typed && (*typed == U'X' || *typed == U'x')) {
        context.command(core::Command::X, source);
      }
      break;
    }
  }
}

void BrailleChannel::flush(ChannelContext& context) {
  if (auto event = m_presenter->take_event()) {
    context.transcript.write({{"type", "braille"}, {"text", event->text}, {"cells", event->cells}, {"table", event->table}});
  }
  if (auto frame = m_presenter->take_frame()) {
    m_mirror = frame->cells;
    if (m_driver) m_driver->write(frame->cells, frame->cursor);
  }
}

std::string BrailleChannel::screen_line() const { return m_mirror; }

}  // namespace kiosk::app
