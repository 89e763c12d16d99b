// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Settings of the federation backend: the `[backend]` table of config/kiosk.toml.
// Plain struct; relative paths are resolved against the config root by
// parse_backend_config. Main thread (or a tool's main) reads it once at start.
#include <cstdint>
#include <functional>
#include <string>

#include <toml++/toml.h>

#include "kiosk/backend/api/api_types.h"

namespace kiosk::backend {

enum class BackendKind { Local, Http };
// Demo installs may create a throw-away key; a hall terminal must be provisioned.
enum class KeyFilePolicy { CreateIfMissing, RequireExisting };

struct BackendConfig {
  BackendKind kind = BackendKind::Local;
  // http: the provincial gateway. TLS verification is always on.
  std::string base_url = "https://127.0.0.1:8443";
  std::string ca_file;       // PEM CA bundle that signed the gateway's certificate
  std::string client_cert;   // PEM, this terminal's certificate (mutual TLS)
  std::string client_key;    // PEM, its private key (root-only file on a terminal)
  long connect_timeout_ms = 3000;
  long total_timeout_ms = 10000;
  int max_retries = 2;       // extra attempts for retry-safe calls (GETs, heartbeat)
  int retry_base_ms = 200;   // back-off base; doubled per attempt, +-50 % jitter
  // local: folder with residents.json (config/demo).
  std::string demo_data_dir = "config/demo";
  // outbox (both kinds): store-and-forward of applications.
  std::string outbox_path = "/var/lib/kiosk/outbox.db";
  std::string outbox_key_file = "/etc/kiosk/outbox.key";  // 32 raw bytes, mode 0600
  KeyFilePolicy key_policy = KeyFilePolicy::RequireExisting;
  int outbox_max_items = 1000;        // undelivered + failed items; new submits refused beyond
  int outbox_warn_percent = 80;       // alarm "outbox_nearly_full" from this fill level
  int outbox_staff_alarm_hours = 24;  // undelivered this long: staff alarm (never dropped)
  int outbox_stop_after_days = 7;     // undelivered this long: stop resending, wait for staff
  int sender_backoff_initial_ms = 1000;  // per item and for the gateway probe; doubled, +-25 %
  int sender_backoff_max_ms = 300000;     // cap of both back-offs
  int sender_max_in_flight = 4;           // concurrent sends (1..8); the first of a pass is alone
  int sender_summary_ms = 60000;          // sender log: one summary line this often at most
  // Retention (docs/design.md, outbox): a delivered item (reference, kind, state, times and
  // case id; its payload was wiped at delivery) is deleted once both its creation and its
  // delivery are this many days old (1..3650). Never an undelivered item.
  int outbox_keep_delivered_days = 30;
  // Free pages (wiped payloads, deleted rows) go back to the file system once they exceed
  // this many MiB (0..1024; 0 = any), when the queue has drained or after a retention sweep.
  int outbox_vacuum_free_mib = 1;
  // The write-ahead log stays under this (checkpoint + truncate); bytes.
  std::int64_t outbox_wal_limit_bytes = 32 * 1024 * 1024;
  std::string terminal_id = "demo-01";  // prefix of local reference numbers; no personal data
  // Wall clock in ms since the Unix epoch. The app may bind its virtual clock (headless runs).
  // Called from the main thread and the sender thread.
  std::function<std::int64_t()> now_ms;
};

// What is wrong in a `[backend]` table: the line of the value (0 when unknown) and a sentence.
struct BackendConfigProblem {
  std::size_t line = 0;
  std::string message;
  // A value that is wrong in itself (unknown key, wrong type, out of range, not one of
  // the choices): the kiosk refuses to start. False for a table that is incomplete as a
  // whole (http without its certificates): the kiosk starts without a backend and says so.
  bool bad_value = false;
};

// Reads a `[backend]` table; unknown keys and values out of range are errors naming the
// key. The error's detail is "FILE:LINE: problem" (FILE as toml++ read it); `problem`, when
// given, gets the line and the bare sentence (the kiosk's config loader reports it with
// its other problems and exits 2). base_dir resolves relative paths (the folder that holds
// kiosk.toml's config/ tree, i.e. the repo root in demo).
Result<BackendConfig> parse_backend_config(const toml::table& table, const std::string& base_dir,
                                           BackendConfigProblem* problem = nullptr);
// What is wrong with a gateway address, or "" when it is an https:// URL with a host
// (anything else would make every send look like a network outage).
std::string base_url_problem(const std::string& url);

std::int64_t system_now_ms();

}  // namespace kiosk::backend
