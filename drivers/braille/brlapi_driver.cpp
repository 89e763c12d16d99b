// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/braille/brlapi_driver.h"

#include <brlapi.h>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <map>

#include "kiosk/core/present/braille/braille_text.h"

namespace kiosk::drivers::braille {

namespace cb = kiosk::core::braille;

namespace {

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// Exception handlers get the handle only; map it back to its driver.
std::mutex g_handles_mutex;
std::map<void*, BrlapiDriver*> g_handles;

void BRLAPI_STDCALL on_brlapi_exception(brlapi_handle_t* handle, int error, brlapi_packetType_t,
                                        const void*, size_t) {
  std::lock_guard lock(g_handles_mutex);
  auto it = g_handles.find(handle);
  if (it != g_handles.end()) it->second->on_exception(error);
}

brlapi_handle_t* as_handle(void* p) { return static_cast<brlapi_handle_t*>(p); }

}  // namespace

bool map_brlapi_key(std::uint64_t code, cb::BrailleKey& key) {
  using K = cb::BrailleKeyKind;
  const std::uint64_t type = code & BRLAPI_KEY_TYPE_MASK;
  const std::uint64_t value = code & BRLAPI_KEY_CODE_MASK;
  if (type == BRLAPI_KEY_TYPE_SYM) {
    // BRLTTY 6.5 turns typed chords into characters through its text table; a chord
    // with no character arrives as the Unicode braille cell itself.
    const std::uint64_t cp = (value & BRLAPI_KEY_SYM_UNICODE) ? (value & (BRLAPI_KEY_SYM_UNICODE - 1))
                                                               : (value < 0x100 ? value : 0);
    if (value == BRLAPI_KEY_SYM_BACKSPACE) key = {K::Backspace, 0};
    else if (value == BRLAPI_KEY_SYM_LINEFEED) key = {K::Enter, 0};
    else if (cp == ' ') key = {K::Space, 0};
    else if (cp >= 0x2800 && cp <= 0x28FF) key = {K::Dots, static_cast<int>(cp & 0xFF)};
    else if (cp > ' ' && cp != 0x7F) key = {K::Character, static_cast<int>(cp)};
    else return false;
    return true;
  }
  if (type != BRLAPI_KEY_TYPE_CMD) return false;
  const std::uint64_t block = value & BRLAPI_KEY_CMD_BLK_MASK;
  const int arg = static_cast<int>(value & BRLAPI_KEY_CMD_ARG_MASK);
  if (block == BRLAPI_KEY_CMD_ROUTE) {
    key = {K::Route, arg};
    return true;
  }
  if (block == BRLAPI_KEY_CMD_PASSDOTS) {
    const int dots = arg & 0xFF;
    // Space alone, and dot 7 / dot 8 (alone or chorded with space), are the editing keys
    // of an 8-key braille keyboard.
    if (dots == 0) key = {K::Space, 0};
    else if (dots == 0x40) key = {K::Backspace, 0};
    else if (dots == 0x80) key = {K::Enter, 0};
    else key = {K::Dots, dots};
    return true;
  }
  if (block != 0) return false;
  switch (value) {
    case BRLAPI_KEY_CMD_LNUP: key = {K::LineUp, 0}; return true;
    case BRLAPI_KEY_CMD_LNDN: key = {K::LineDown, 0}; return true;
    case BRLAPI_KEY_CMD_FWINLT: key = {K::PanLeft, 0}; return true;
    case BRLAPI_KEY_CMD_FWINRT: key = {K::PanRight, 0}; return true;
    case BRLAPI_KEY_CMD_TOP: case BRLAPI_KEY_CMD_TOP_LEFT: key = {K::Top, 0}; return true;
    case BRLAPI_KEY_CMD_BOT: case BRLAPI_KEY_CMD_BOT_LEFT: key = {K::Bottom, 0}; return true;
    default: return false;
  }
}

BrlapiDriver::BrlapiDriver(BrailleDriverConfig config) : m_config(std::move(config)) {
  m_handle = std::calloc(1, brlapi_getHandleSize());
  if (pipe2(m_pipe, O_CLOEXEC | O_NONBLOCK) != 0) m_pipe[0] = m_pipe[1] = -1;
  {
    std::lock_guard lock(g_handles_mutex);
    g_handles[m_handle] = this;
  }
  m_worker = std::thread([this] { run(); });
}

BrlapiDriver::~BrlapiDriver() {
  m_stop = true;
  m_wake.notify_all();
  wake_worker();
  if (m_worker.joinable()) m_worker.join();
  for (int fd : m_pipe) {
    if (fd >= 0) close(fd);
  }
  {
    std::lock_guard lock(g_handles_mutex);
    g_handles.erase(m_handle);
  }
  std::free(m_handle);
}

void BrlapiDriver::on_exception(int error) {
  (void)error;   // the worker reconnects; the code is not personal but says little
  m_broken = true;
}

void BrlapiDriver::set_wakeup(std::function<void()> wakeup) {
  std::lock_guard lock(m_mutex);
  m_wakeup = std::move(wakeup);
}

void BrlapiDriver::push(DriverEvent event) {
  std::function<void()> wakeup;
  {
    std::lock_guard lock(m_mutex);
    m_events.push_back(event);
    wakeup = m_wakeup;
  }
  if (wakeup) wakeup();
}

std::vector<DriverEvent> BrlapiDriver::drain() {
  std::lock_guard lock(m_mutex);
  std::vector<DriverEvent> out(m_events.begin(), m_events.end());
  m_events.clear();
  return out;
}

void BrlapiDriver::wake_worker() {
  if (m_pipe[1] >= 0) (void)!::write(m_pipe[1], "w", 1);
}

void BrlapiDriver::write(std::string_view cells, int cursor) {
  {
    std::lock_guard lock(m_mutex);
    if (m_wanted == cells && m_wanted_cursor == cursor) return;
    m_wanted.assign(cells);
    m_wanted_cursor = cursor;
  }
  m_last_request_ns = now_ns();
  wake_worker();
}

void BrlapiDriver::write_locked(bool force) {
  const int width = m_cells.load();
  if (!m_connected || width <= 0) return;
  if (!force && m_wanted == m_shown && m_wanted_cursor == m_shown_cursor) return;
  // Exactly `width` cells: more would raise an exception, fewer leave old dots behind.
  std::u32string dots = cb::utf8_decode(m_wanted);
  dots.resize(static_cast<std::size_t>(width), U'\u2800');
  const std::string text = cb::utf8_encode(dots);
  brlapi_writeArguments_t args = BRLAPI_WRITEARGUMENTS_INITIALIZER;
  args.regionBegin = 1;
  args.regionSize = width;
  args.text = text.c_str();
  args.textSize = static_cast<int>(text.size());
  args.cursor = (m_wanted_cursor >= 0 && m_wanted_cursor < width) ? m_wanted_cursor + 1 : BRLAPI_CURSOR_OFF;
  args.charset = "UTF-8";
  m_last_write_start_ns = now_ns();
  const int rc = brlapi__write(as_handle(m_handle), &args);
  m_last_write_ns = now_ns();
  ++m_write_count;
  if (rc < 0) {
    m_broken = true;   // the worker notices and reconnects
    m_shown.clear();
    return;
  }
  m_shown = m_wanted;
  m_shown_cursor = m_wanted_cursor;
}

bool BrlapiDriver::sleep_ms(int ms) {
  std::unique_lock lock(m_mutex);
  m_wake.wait_for(lock, std::chrono::milliseconds(ms), [this] { return m_stop.load(); });
  return !m_stop;
}

bool BrlapiDriver::connect() {
  brlapi_connectionSettings_t settings{};
  settings.auth = m_config.auth.empty() ? nullptr : const_cast<char*>(m_config.auth.c_str());
  settings.host = m_config.host.empty() ? nullptr : const_cast<char*>(m_config.host.c_str());
  m_fd = brlapi__openConnection(as_handle(m_handle), &settings, nullptr);
  if (m_fd < 0) return false;
  // Only now: setting it earlier has no handle state to attach to.
  brlapi__setExceptionHandler(as_handle(m_handle), on_brlapi_exception);
  m_broken = false;
  m_in_tty = false;   // entered by the worker once the display reports a size
  std::lock_guard lock(m_mutex);
  m_connected = true;
  m_shown.clear();
  m_shown_cursor = -2;
  return true;
}

void BrlapiDriver::disconnect(bool report) {
  {
    std::lock_guard lock(m_mutex);
    if (!m_connected) return;
    m_connected = false;
    m_cells = 0;
    m_shown.clear();
  }
  brlapi__closeConnection(as_handle(m_handle));
  if (report) push(DriverEvent{DriverEvent::Kind::Lost, {}, 0});
}

void BrlapiDriver::run() {
  m_backoff_ms = m_config.retry_min_ms;
  m_reported = false;
  while (!m_stop) {
    bool connected = false;
    {
      std::lock_guard lock(m_mutex);
      connected = m_connected;
    }
    if (!connected && !try_connect()) continue;
    if (!poll_display_size()) continue;
    const bool readable = wait_for_socket();
    if (read_keys(readable) || m_broken) lose_connection();
  }
  disconnect(false);
}

bool BrlapiDriver::try_connect() {
  if (!connect()) {
    if (sleep_ms(m_backoff_ms)) m_backoff_ms = std::min(m_backoff_ms * 2, m_config.retry_max_ms);
    return false;
  }
  m_backoff_ms = m_config.retry_min_ms;
  m_last_size_poll = std::chrono::steady_clock::now() - std::chrono::seconds(1);
  return true;
}

void BrlapiDriver::lose_connection() {
  disconnect(m_reported);
  m_reported = false;
}

// Display size, every 250 ms: a width of 0 means the display itself went away.
bool BrlapiDriver::poll_display_size() {
  const auto now = std::chrono::steady_clock::now();
  if (now - m_last_size_poll < std::chrono::milliseconds(250)) return true;
  m_last_size_poll = now;
  unsigned int x = 0;
  unsigned int y = 0;
  if (brlapi__getDisplaySize(as_handle(m_handle), &x, &y) < 0) {
    lose_connection();
    return false;
  }
  const int width = static_cast<int>(x);
  if (width > 0 && !m_in_tty) {
    // TTY mode only once the display is there: entered while brltty still has no
    // display (just restarted, display not yet attached), brltty keeps showing its
    // own "No screen" over everything the client writes.
    if (brlapi__enterTtyModeWithPath(as_handle(m_handle), nullptr, 0, nullptr) < 0) {
      lose_connection();
      return false;
    }
    m_in_tty = true;
    m_requested = true;
    m_cells = 0;   // so the frame is written below, in TTY mode
  }
  if (width != m_cells.load()) announce_width(width);
  return true;
}

// A new width: the frame again, at that width, and Connected or Lost to the app.
void BrlapiDriver::announce_width(int width) {
  {
    std::lock_guard lock(m_mutex);
    m_cells = width;
    write_locked(true);
  }
  if (width > 0) {
    push(DriverEvent{DriverEvent::Kind::Connected, {}, width});
    m_reported = true;
  } else if (m_reported) {
    push(DriverEvent{DriverEvent::Kind::Lost, {}, 0});
    m_reported = false;
  }
}

// Up to 100 ms for a key on the socket or a new frame through the pipe (written at once).
bool BrlapiDriver::wait_for_socket() {
  pollfd fds[2] = {{m_fd, POLLIN, 0}, {m_pipe[0], POLLIN, 0}};
  poll(fds, m_pipe[0] >= 0 ? 2 : 1, 100);
  if (fds[1].revents & POLLIN) {
    char sink[64];
    while (::read(m_pipe[0], sink, sizeof sink) > 0) {
    }
    std::lock_guard lock(m_mutex);
    write_locked(false);   // brlapi__write sends without waiting for an answer
  }
  return (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) != 0;
}

// Keys. brlapi__readKeyWithTimeout(0) with nothing to read spins for about 1 ms
// (libbrlapi 0.8 counts its deadline in whole milliseconds and polls until it has
// passed), which delayed the frame that answers a key. So it is called only while the
// socket has data, plus one full drain after a request (TTY mode, display size)
// during whose answer libbrlapi may have queued keys.
bool BrlapiDriver::read_keys(bool readable) {
  bool lost = m_broken;
  const bool drain_queued = m_in_tty && m_requested;
  m_requested = false;
  while (!lost && m_in_tty && (readable || drain_queued)) {   // keys exist only in TTY mode
    brlapi_keyCode_t code = 0;
    const int rc = brlapi__readKeyWithTimeout(as_handle(m_handle), 0, &code);
    if (rc < 0) lost = true;
    if (rc <= 0) break;
    cb::BrailleKey key;
    if (map_brlapi_key(code, key)) {
      m_last_key_ns = now_ns();
      push(DriverEvent{DriverEvent::Kind::Key, key, 0});
    }
    if (!drain_queued) {
      // Back to the top at once when the socket is empty: the app's answer to this
      // key arrives through the pipe.
      pollfd more{m_fd, POLLIN, 0};
      readable = poll(&more, 1, 0) > 0 && (more.revents & (POLLIN | POLLHUP | POLLERR)) != 0;
    }
  }
  return lost;
}

}  // namespace kiosk::drivers::braille
