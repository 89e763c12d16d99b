// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// BrlAPI driver: talks to BRLTTY (docs/design.md 9.3). A worker thread connects (and reconnects
// with back-off), enters TTY mode with a NULL path, polls the display size, reads keys
// and sends cells with brlapi__write (UTF-8 Unicode braille, never writeText, which
// re-translates). Every BrlAPI call is made on the worker: a write from another thread
// while the worker waits for a key loses keys (seen with BRLTTY 6.5), so write() only
// stores the frame and wakes the worker through a pipe. Its own exception handler
// replaces BrlAPI's default one, which aborts the process.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include "drivers/braille/braille_driver.h"

namespace kiosk::drivers::braille {

class BrlapiDriver final : public BrailleDriver {
 public:
  explicit BrlapiDriver(BrailleDriverConfig config);
  ~BrlapiDriver() override;   // stops the worker (within ~100 ms unless mid-connect)
  BrlapiDriver(const BrlapiDriver&) = delete;
  BrlapiDriver& operator=(const BrlapiDriver&) = delete;

  std::string_view code() const override { return "brlapi"; }
  int cells() const override { return m_cells.load(); }
  void write(std::string_view cells, int cursor) override;
  std::vector<DriverEvent> drain() override;
  void set_wakeup(std::function<void()> wakeup) override;

  // Bench and test hooks: brlapi__write calls made, and the steady-clock time (ns) of
  // the last one's return.
  std::uint64_t write_count() const { return m_write_count.load(); }
  std::int64_t last_write_ns() const { return m_last_write_ns.load(); }
  // Steady-clock time (ns) at which the worker read the newest key event.
  std::int64_t last_key_ns() const { return m_last_key_ns.load(); }
  // Steady-clock times (ns) at which the app last asked for a new frame (write()) and
  // at which the worker last entered brlapi__write.
  std::int64_t last_request_ns() const { return m_last_request_ns.load(); }
  std::int64_t last_write_start_ns() const { return m_last_write_start_ns.load(); }

  // Called by the exception handler (worker thread, inside libbrlapi).
  void on_exception(int error);

 private:
  void run();
  // The steps of one turn of run(), all on the worker thread.
  bool try_connect();         // false after waiting its backoff
  bool poll_display_size();   // false when the connection was lost (and closed)
  void announce_width(int width);
  bool wait_for_socket();     // true when BrlAPI's socket has something to read
  bool read_keys(bool readable);   // true when the connection was lost
  void lose_connection();
  bool connect();
  void disconnect(bool report);
  void push(DriverEvent event);
  void write_locked(bool force);
  bool sleep_ms(int ms);   // false when stopping
  void wake_worker();

  BrailleDriverConfig m_config;
  void* m_handle = nullptr;                 // brlapi_handle_t, owned
  int m_fd = -1;                            // BrlAPI socket (worker only)
  int m_pipe[2] = {-1, -1};                 // wakes the worker's poll
  std::mutex m_mutex;                       // guards the fields below
  std::condition_variable m_wake;
  bool m_connected = false;
  bool m_in_tty = false;      // worker only: TTY mode entered once the display has a size
  bool m_requested = false;   // worker only: a request was answered; keys may be queued
  bool m_reported = false;    // worker only: a Connected event is out and no Lost after it
  int m_backoff_ms = 0;       // worker only: the wait before the next connection attempt
  std::chrono::steady_clock::time_point m_last_size_poll;   // worker only
  std::string m_wanted;                     // what the app wants shown (UTF-8 cells)
  int m_wanted_cursor = -1;
  std::string m_shown;                      // what the device shows; empty = unknown
  int m_shown_cursor = -2;
  std::deque<DriverEvent> m_events;
  std::function<void()> m_wakeup;
  std::atomic<int> m_cells{0};
  std::atomic<bool> m_stop{false};
  std::atomic<bool> m_broken{false};        // set by the exception handler
  std::atomic<std::uint64_t> m_write_count{0};
  std::atomic<std::int64_t> m_last_write_ns{0};
  std::atomic<std::int64_t> m_last_key_ns{0};
  std::atomic<std::int64_t> m_last_request_ns{0};
  std::atomic<std::int64_t> m_last_write_start_ns{0};
  std::thread m_worker;
};

// BrlAPI key code -> core key; false for codes the kiosk does not use.
bool map_brlapi_key(std::uint64_t code, core::braille::BrailleKey& key);

}  // namespace kiosk::drivers::braille
