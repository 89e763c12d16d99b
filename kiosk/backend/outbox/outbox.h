// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The outbox: durable store-and-forward of applications (docs/design.md section 4).
// One SQLite file (WAL, synchronous=FULL). Each item is committed with its idempotency
// key BEFORE the first send, so a crash or power cut can neither lose nor duplicate it.
// Payloads are encrypted at rest (libsodium secretbox, 32-byte key file) and wiped once
// delivered. An Outbox object is one connection: use it from one thread at a time (the
// kiosk opens one on the main thread and one on the sender thread).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/backend/api/api_types.h"
#include "kiosk/backend/api/backend_config.h"
#include "kiosk/backend/api/federation_api.h"
#include "kiosk/backend/outbox/sqlite_util.h"

namespace kiosk::backend {

struct OutboxOpenOptions {
  // Test hook for the full-disk test: PRAGMA max_page_count on this connection (0 = none).
  int max_page_count = 0;
};

class Outbox {
 public:
  static Result<std::unique_ptr<Outbox>> open(const BackendConfig& config,
                                              OutboxOpenOptions options = {});

  // Stores an application. `idempotency_key` empty = a fresh random key; a key already in
  // the outbox returns that item unchanged (resubmitting a file twice is harmless).
  // The stored body gets "client_reference": ref. Errors: outbox_full, storage_full,
  // storage_error; nothing is stored then.
  Result<OutboxItemView> enqueue(const std::string& kind, const nlohmann::json& body,
                                 const std::string& idempotency_key = {});

  struct Pending {
    std::int64_t id = 0;
    std::string ref;
    std::string kind;
    std::string idempotency_key;
    nlohmann::json body;  // decrypted
    int attempts = 0;
  };
  // The next item due for sending at now_ms (never-tried first), if any. Also moves
  // items past the stop age to failed/"stopped_waiting_for_staff".
  Result<std::optional<Pending>> next_due(std::int64_t now_ms);
  // Milliseconds until the next item is due (nullopt: none queued).
  Result<std::optional<std::int64_t>> ms_until_due(std::int64_t now_ms);

  Status mark_delivered(std::int64_t id, const std::string& case_id, std::int64_t now_ms);
  // Transient errors keep the item queued with back-off; permanent ones mark it failed.
  Status mark_failed_attempt(std::int64_t id, const ApiError& error, std::int64_t now_ms);

  Result<std::vector<OutboxItemView>> items(std::int64_t now_ms);
  Result<OutboxItemView> item(const std::string& ref, std::int64_t now_ms);
  Result<OutboxHealth> health(std::int64_t now_ms);
  // Staff: failed or stopped items (ref empty: all) go back to queued, due now, and
  // get a fresh stop window. Returns how many changed.
  Result<int> retry(const std::string& ref, std::int64_t now_ms);

 private:
  Outbox(const BackendConfig& c, std::unique_ptr<sql::Db> db, std::vector<unsigned char> key)
      : m_cfg(c), m_db(std::move(db)), m_key(std::move(key)) {}
  Result<OutboxItemView> view_of(sql::Stmt& s, std::int64_t now_ms);

  BackendConfig m_cfg;
  std::unique_ptr<sql::Db> m_db;
  std::vector<unsigned char> m_key;
};

// Loads (or, by policy, creates with mode 0600) the 32-byte secretbox key.
Result<std::vector<unsigned char>> load_outbox_key(const std::string& path, KeyFilePolicy policy);

}  // namespace kiosk::backend
