// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/app/runtime/runtime.h"

#include <SDL.h>
#include <toml++/toml.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <utility>

#ifdef KIOSK_HAVE_BACKEND
#include "kiosk/backend/api/backend_config.h"
#include "kiosk/backend/api/endpoints.h"
#endif

#include "drivers/display/sdl_display.h"
#include "drivers/display/sdl_wakeup.h"
#include "kiosk/app/runtime/requests.h"

namespace kiosk::app {

namespace {
// The hall's date in China Standard Time (UTC+8, no daylight saving), YYYYMMDD.
int hall_today() {
  const std::time_t t = std::time(nullptr) + 8 * 3600;
  std::tm tm{};
  gmtime_r(&t, &tm);
  return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}
}  // namespace

Runtime::Runtime(Config& config, std::function<std::int64_t()> now,
                 std::unique_ptr<drivers::display::Display> display)
    : m_config(config), m_now(std::move(now)), m_kiosk(config.kiosk, config.catalog),
      m_display(display ? std::move(display) : std::make_unique<drivers::display::SdlDisplay>()) {
  for (auto& service : make_services(config)) m_kiosk.add_service(std::move(service));
  m_kiosk.set_today(hall_today());
  m_transcript.set_clock(m_now);
  m_context = std::make_unique<ChannelContext>(ChannelContext{
      m_kiosk, m_config, m_transcript,
      [this](core::Command c, core::InputSource source) { command(c, source); },
      [this](const std::string& node_id) { dispatch(m_kiosk.focus_node(node_id, m_now())); },
      [this](const std::string& code, core::Message text) {
        dispatch({core::SpeechRequest{core::SpeechControl::Interrupt}, core::Alert{code, std::move(text), core::Privacy::Public}});
      },
      [this](const core::FieldInput& input) { dispatch(m_kiosk.edit_field(input, m_now())); }});
  // A list naming no known driver has been refused by the config check; "null" is the floor.
  m_card_reader = drivers::card_reader::open_card_reader(m_config.card_reader_drivers);
  if (!m_card_reader) m_card_reader = drivers::card_reader::open_card_reader({"null"});
  m_printer = drivers::printer::open_printer(m_config.printer_drivers);
  if (!m_printer) m_printer = drivers::printer::open_printer({"null"});
  open_backend();   // last: its worker must be joined by the destructor, which a throw here would skip
}

drivers::card_reader::FakeCardReader& Runtime::use_fake_card_reader() {
  auto fake = std::make_unique<drivers::card_reader::FakeCardReader>();
  auto& ref = *fake;
  m_card_reader = std::move(fake);
  return ref;
}

// Card events reach the service on screen (or open identity); the transcript says what
// happened at the reader, never what the card holds.
void Runtime::poll_card_reader() {
  for (const core::CardEvent& event : m_card_reader->drain()) {
    using K = core::CardEvent::Kind;
    const char* what = event.kind == K::Placed ? "placed" : event.kind == K::Removed ? "removed"
                       : event.kind == K::Unreadable ? "unreadable" : "reader_lost";
    m_transcript.write({{"type", "card"}, {"event", what}});
    dispatch(m_kiosk.card(event, m_now()));
    redraw();
  }
}

// The federation backend (the embedded `local` one in the demo). Without it, live
// actions fail at once with the way forward; the kiosk itself keeps working. Its config
// is read here; the opening itself runs on m_backend_opening (see api()).
void Runtime::open_backend() {
#ifdef KIOSK_HAVE_BACKEND
  if (m_config.backend.empty()) return;
  auto parsed = backend::parse_backend_config(m_config.backend, m_config.root.string());
  if (!parsed) {
    std::fprintf(stderr, "kiosk: backend config: %s\n", parsed.error().detail.c_str());
    return;
  }
  // The sink only runs inside api()->poll(), on the main thread (ApiBase::emit).
  m_backend_opening = std::thread([this, config = std::move(parsed.value())] {
    auto api = backend::make_federation_api(config, [this](const nlohmann::json& event) { m_transcript.write(event); });
    if (!api) {
      std::fprintf(stderr, "kiosk: backend unavailable: %s\n", api.error().detail.c_str());
      return;
    }
    m_api = std::move(api.value());
  });
#endif
}

#ifdef KIOSK_HAVE_BACKEND
backend::FederationApi* Runtime::api() {
  if (std::this_thread::get_id() != m_main_thread) {
    std::fputs("kiosk: internal error: the backend was used off the kiosk's main thread\n", stderr);
    std::abort();
  }
  if (m_backend_opening.joinable()) {
    m_backend_opening.join();
    if (m_api && m_backend_wakeup) m_api->set_wakeup(drivers::display::push_sdl_wakeup);
  }
  return m_api.get();
}
#endif

void Runtime::add_channel(std::unique_ptr<Channel> channel) {
  if (m_display->is_open()) attach(*channel);   // opened after the first frame (app.cpp)
  m_channels.push_back(std::move(channel));
}

void Runtime::attach(Channel& channel) {
  channel.attach(*m_display, m_now, m_display_mode == drivers::display::DisplayMode::Headless);
}

void Runtime::poll() {
#ifdef KIOSK_HAVE_BACKEND
  if (api() != nullptr && m_api->poll() > 0) redraw();
#endif
  poll_card_reader();
  for (auto& channel : m_channels) channel->poll(*m_context);
}

Runtime::~Runtime() {
#ifdef KIOSK_HAVE_BACKEND
  if (api() != nullptr) m_api->shutdown();
#endif
  m_transcript.flush();
}

bool Runtime::open_display(drivers::display::DisplayMode mode, std::string& error) {
  drivers::display::Options options;
  options.mode = mode;
  options.width = m_config.metrics.width;
  options.height = m_config.metrics.height;
  options.title = "kiosk";
  auto status = m_display->open(options);
  if (!status) {
    error = status.error().message;
    return false;
  }
  m_display_mode = mode;
  for (auto& channel : m_channels) attach(*channel);
  if (mode != drivers::display::DisplayMode::Headless) {
    // A card read on the reader's worker, or a backend answer (a live reply, a stored
    // application's receipt from the store thread), wakes the window loop at once.
    m_card_reader->set_wakeup(drivers::display::push_sdl_wakeup);
#ifdef KIOSK_HAVE_BACKEND
    m_backend_wakeup = true;
    if (!m_backend_opening.joinable() && m_api) m_api->set_wakeup(drivers::display::push_sdl_wakeup);
#endif
  }
  return true;
}

bool Runtime::open_transcript(const std::string& path) { return m_transcript.open(path); }

void Runtime::show_first_screen() {
  m_start_effects = m_kiosk.start(m_now());
  redraw();
}

void Runtime::start() {
#ifdef KIOSK_HAVE_BACKEND
  api();   // the backend, opened meanwhile, is ready before the first request can be made
#endif
  dispatch(m_start_effects ? *std::exchange(m_start_effects, std::nullopt) : m_kiosk.start(m_now()));
  redraw();
}

std::string Runtime::text(const core::Message& message) const {
  const auto& s = m_kiosk.settings();
  return m_config.catalog.text(message, s.language, s.easy_read);
}

const core::Theme* Runtime::theme(const std::string& id) const {
  for (const auto& t : m_config.themes)
    if (t.id == id) return &t;
  return m_config.themes.empty() ? nullptr : &m_config.themes.front();
}

// ---- inputs ---------------------------------------------------------------------------

void Runtime::key(const std::string& key_name) {
  auto command = m_config.keymap.lookup(key_name);
  if (!command) return;   // unbound keys (and quit keys) do nothing: lockdown
  this->command(*command, core::InputSource::Key);
}

void Runtime::command(core::Command command, core::InputSource source) {
  const core::Node* node = m_kiosk.focused_node();
  // Left/Right turn the page, except on a choice (its value) and in a field (its cursor).
  const bool paging = (command == core::Command::Left || command == core::Command::Right) &&
                      m_kiosk.in_session() && !m_kiosk.warning() && !m_kiosk.describing_keys() &&
                      !(node && (node->role == core::Role::Choice || core::is_field(node->role)));
  if (paging) {
    page(command == core::Command::Right ? 1 : -1);
  } else {
    dispatch(m_kiosk.command(command, source, m_now()));
  }
  redraw();
}

// Left/Right outside a choice turn the page: focus the first node of the next page.
// An item split over pages keeps the focus and shows its next (or previous) part.
void Runtime::page(int direction) {
  const int target = m_layout.page + direction;
  if (target < 0 || target >= static_cast<int>(m_layout.pages.size()) || m_layout.pages[static_cast<std::size_t>(target)].empty()) {
    dispatch({core::Earcon{"error"}});
    return;
  }
  const std::string node = m_layout.pages[static_cast<std::size_t>(target)].front();
  if (node != m_kiosk.focus().current()) dispatch(m_kiosk.focus_node(node, m_now()));
  m_part_of = node;
  m_part = target - core::first_page_of(m_layout, node);
}

void Runtime::touch(int x, int y, core::TouchKind kind) {
  std::string hit;
  for (const auto& target : m_layout.targets)
    if (target.rect.contains(x, y)) hit = target.node_id;
  // The touch bar (issue 12): the keys a touch user has no other way to press.
  using C = core::Command;
  if (hit.rfind("bar.", 0) == 0 || hit.rfind("pad.", 0) == 0) {
    if (auto explored = m_kiosk.explore_bar(hit, kind, m_now())) {
      dispatch(*explored);
      return redraw();
    }
  }
  if (const auto input = core::pad_input(hit)) {
    dispatch(m_kiosk.edit_field(*input, m_now()));
    return redraw();
  }
  if (hit == "bar.back") return command(C::Back, core::InputSource::Touch);
  if (hit == "bar.home") return command(C::Home, core::InputSource::Touch);
  if (hit == "bar.call_staff") return command(C::CallStaff, core::InputSource::Touch);
  if (hit == "bar.prev_page" || hit == "bar.next_page") {
    page(hit == "bar.next_page" ? 1 : -1);
    return redraw();
  }
  dispatch(m_kiosk.touch(hit, kind, m_now()));
  redraw();
}

void Runtime::type_text(const std::string& utf8) {
  dispatch(m_kiosk.type_text(utf8, m_now()));
  redraw();
}

void Runtime::headphones(bool plugged_in) {
  dispatch(m_kiosk.headphones(plugged_in, m_now()));
  redraw();
}

void Runtime::braille_key(const core::braille::BrailleKey& key) {
  bool taken = false;
  for (auto& channel : m_channels) taken = channel->braille_key(key, *m_context) || taken;
  if (!taken) {
    // No braille channel (its tables failed to load): lines still move the focus.
    using K = core::braille::BrailleKeyKind;
    if (key.kind == K::LineUp || key.kind == K::LineDown)
      return command(key.kind == K::LineUp ? core::Command::Up : core::Command::Down, core::InputSource::Braille);
    if (key.kind == K::Enter) return command(core::Command::Select, core::InputSource::Braille);
  }
  redraw();
}

void Runtime::tick() {
  m_kiosk.set_today(m_fixed_today ? m_fixed_today : hall_today());
  auto effects = m_kiosk.tick(m_now());
  if (effects.empty()) return;
  dispatch(effects);
  redraw();
}

void Runtime::announce(const std::string& literal) {
  dispatch({core::Alert{"announce", core::Message::text(literal), core::Privacy::Personal}});
}

// ---- effects ----------------------------------------------------------------------------

nlohmann::json Runtime::setting_json(const core::SettingValue& value) const {
  return std::visit([](const auto& v) { return nlohmann::json(v); }, value);
}

// An answer that arrives while a batch is being dispatched (a live action failing at
// once) is presented after that batch, so the outcome is the last word (issue 12).
void Runtime::dispatch(const core::Effects& effects) {
  if (m_dispatching) {
    m_deferred.push_back(effects);
    return;
  }
  m_dispatching = true;
  for (const auto& effect : effects) dispatch_one(effect);
  for (auto& channel : m_channels) channel->present(effects, *m_context);
  m_dispatching = false;
  if (m_deferred.empty()) return;
  const core::Effects next = m_deferred.front();
  m_deferred.erase(m_deferred.begin());
  dispatch(next);
}

void Runtime::dispatch_one(const core::Effect& effect) {
  using namespace core;
  if (const auto* screen = std::get_if<ScreenShown>(&effect)) {
    m_transcript.write({{"type", "screen"}, {"id", screen->id}, {"title", text(screen->title)}});
  } else if (const auto* focus = std::get_if<FocusMoved>(&effect)) {
    const Node* node = m_kiosk.tree().find(focus->node_id);
    nlohmann::json event{{"type", "focus"}, {"node", focus->node_id}, {"index", focus->index}, {"count", focus->count}};
    if (node) {
      event["role"] = role_name(node->role);
      event["name"] = text(node->name);
    }
    m_transcript.write(event);
  } else if (const auto* earcon = std::get_if<Earcon>(&effect)) {
    m_transcript.write({{"type", "earcon"}, {"name", earcon->name}});
  } else if (const auto* alert = std::get_if<Alert>(&effect)) {
    m_transcript.write({{"type", "alert"}, {"code", alert->code}, {"text", text(alert->text)}});
  } else if (const auto* setting = std::get_if<SettingChanged>(&effect)) {
    m_transcript.write({{"type", "setting"}, {"name", setting->name}, {"value", setting_json(setting->value)}});
  } else if (const auto* session = std::get_if<SessionEvent>(&effect)) {
    m_transcript.write({{"type", "session"}, {"event", session->event}});
    if (session->event == "reset") m_display->forget_text();
  } else if (const auto* request = std::get_if<Request>(&effect)) {
    send(*request);
  }
}

// A core Request to the backend; its answer comes back through Kiosk::reply in poll().
// The transcript's `request` event (written by the backend's event sink) says the kind
// and the status or error code.
void Runtime::send(const core::Request& request) {
  const std::uint64_t id = request.id;
  auto answer = [this](const core::Reply& reply) {
    dispatch(m_kiosk.reply(reply, m_now()));
    redraw();
  };
#ifdef KIOSK_HAVE_BACKEND
  if (api() != nullptr) {
    auto api_request = to_api_request(request.spec);
    if (!api_request) {
      std::fprintf(stderr, "kiosk: unknown endpoint %s\n", request.spec.endpoint.c_str());
      return answer(unreachable_reply(id, "invalid_request"));
    }
    if (request.spec.kind == core::RequestKind::Application) {
      m_api->submit(std::move(*api_request),
                    [answer, id](backend::Result<backend::SubmitReceipt> receipt) { answer(to_reply(id, receipt)); });
    } else {
      m_api->call(std::move(*api_request), [answer, id](backend::ApiResult result) { answer(to_reply(id, result)); });
    }
    return;
  }
#endif
  answer(unreachable_reply(id, "backend_unreachable"));
}

// ---- output -----------------------------------------------------------------------------

void Runtime::redraw() {
  if (!m_display->is_open()) return;
  const auto& settings = m_kiosk.settings();
  if (settings.theme != m_theme_id) {
    if (const auto* t = theme(settings.theme)) m_display->set_theme(*t);
    m_theme_id = settings.theme;
  }
  std::string caption, mirror;
  bool pane_empty = false;
  for (const auto& channel : m_channels) {
    if (auto line = channel->caption(); !line.empty()) caption = line;
    if (auto line = channel->screen_line(); !line.empty()) mirror = line;
    pane_empty = pane_empty || channel->pane_empty();
  }
  // A part chosen by turning the page holds until the focus moves on.
  if (m_kiosk.focus().current() != m_part_of) m_part = 0;
  core::LayoutInput input{m_kiosk.tree(), m_kiosk.focus().current(), settings, m_config.catalog,
                          m_kiosk.status(), caption, mirror, settings.sign, m_part};
  input.touch_bar = m_kiosk.in_session() && !m_kiosk.warning();
  input.sign_pane_empty = pane_empty;
  m_layout = core::layout_screen(input, m_display->measurer(), m_config.metrics);
  m_display->present_if_changed(m_layout.list);
}

bool Runtime::screenshot(const std::string& path) {
  redraw();
  auto status = m_display->save_png(path);
  if (!status) std::fprintf(stderr, "kiosk: screenshot failed: %s\n", status.error().message.c_str());
  return static_cast<bool>(status);
}

}  // namespace kiosk::app
