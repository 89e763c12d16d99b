// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The outbox: durable store-and-forward of applications (docs/design.md section 4).
// One SQLite file (WAL, synchronous=FULL). Each item is committed with its idempotency
// key BEFORE the first send, so a crash or power cut can neither lose nor duplicate it.
// Payloads are encrypted at rest (libsodium secretbox, 32-byte key file) and wiped once
// delivered. An Outbox object is one connection: use it from one thread at a time (the
// kiosk opens one for enqueues and staff reads and one on the sender thread).
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
  // The sender's connection: its commits (delivery marks, back-off) use synchronous=NORMAL.
  // A mark lost in a power cut only means one more send with the same idempotency key,
  // which the gateway answers without applying twice. Enqueues always use FULL.
  bool bookkeeping = false;
};

// A page of the staff listing (Outbox::items).
struct OutboxListQuery {
  int limit = 50;                    // rows, clamped to 1..kMaxLimit
  std::string after_ref;             // continue after this item ("" = from the oldest)
  std::optional<OutboxState> state;  // only items in this state (none = all)
  static constexpr int kMaxLimit = 100000;
};

// An application to store (see Outbox::enqueue).
struct OutboxNewItem {
  std::string kind;
  nlohmann::json body;
  std::string idempotency_key;  // empty: a fresh random key
};

class Outbox {
 public:
  static Result<std::unique_ptr<Outbox>> open(const BackendConfig& config,
                                              OutboxOpenOptions options = {});

  // Stores an application. `idempotency_key` empty = a fresh random key; a key already in
  // the outbox returns that item unchanged (resubmitting a file twice is harmless).
  // The stored body gets "client_reference": ref. Errors: outbox_full, storage_full,
  // storage_error; nothing is stored then. Committed (durable) before it returns.
  Result<OutboxItemView> enqueue(const std::string& kind, const nlohmann::json& body,
                                 const std::string& idempotency_key = {});
  // The same for many items in ONE transaction (one fsync): all stored or none.
  Result<std::vector<OutboxItemView>> enqueue_batch(const std::vector<OutboxNewItem>& items);

  struct Pending {
    std::int64_t id = 0;
    std::string ref;
    std::string kind;
    std::string idempotency_key;
    nlohmann::json body;  // decrypted
    int attempts = 0;
    std::string reason;   // of the last failed attempt ("" if none)
  };
  // The next item due for sending at now_ms (never-tried first), if any. Also moves
  // items past the stop age to failed/"stopped_waiting_for_staff".
  Result<std::optional<Pending>> next_due(std::int64_t now_ms);
  // Moves queued items past the stop age (outbox_stop_after_days since resend_from) to
  // failed/"stopped_waiting_for_staff". Indexed: cost grows with the items it moves only.
  Status stop_overdue(std::int64_t now_ms);
  // Ids of items due at now_ms in sending order (never-tried first, then by due time),
  // at most `limit`: a sender pass's snapshot. Indexed; cost grows with the result only.
  Result<std::vector<std::int64_t>> due_ids(std::int64_t now_ms, int limit);
  // The item if it is still queued (nullopt when it was delivered, failed or retried away).
  Result<std::optional<Pending>> load_queued(std::int64_t id);
  // Milliseconds until the next item is due (nullopt: none queued).
  Result<std::optional<std::int64_t>> ms_until_due(std::int64_t now_ms);

  Status mark_delivered(std::int64_t id, const std::string& case_id, std::int64_t now_ms);
  // Transient errors keep the item queued with back-off (backoff_delay_ms, step = its
  // attempts so far); permanent ones mark it failed.
  Status mark_failed_attempt(std::int64_t id, const ApiError& error, std::int64_t now_ms);
  // Groups marks in one transaction (never across a network send: it holds the write lock).
  Status begin_batch();
  Status commit_batch();

  // One page of the listing, oldest first (by id; with a state, by creation time then id),
  // at most query.limit rows: an ordered index range, so its cost grows with the page, not
  // with the outbox. The last row's ref continues it. Errors: not_found (after_ref unknown).
  Result<std::vector<OutboxItemView>> items(std::int64_t now_ms, const OutboxListQuery& query);
  Result<OutboxItemView> item(const std::string& ref, std::int64_t now_ms);
  // From per-state counts kept by triggers plus two indexed counts: no item is decoded.
  Result<OutboxHealth> health(std::int64_t now_ms);
  // Staff: failed or stopped items (ref empty: all) go back to queued, due now, and
  // get a fresh stop window. Returns how many changed.
  Result<int> retry(const std::string& ref, std::int64_t now_ms);

  // Disk bounds (docs/design.md, outbox). Call between transactions.
  // Checkpoints and truncates the WAL once this connection wrote `checkpoint_rows` rows
  // since the last time, so a long pass never lets it grow past outbox_wal_limit_bytes.
  Status checkpoint_if_due();
  // With nothing queued: gives free pages back (give_back_free_pages) and truncates the WAL.
  Status compact_if_drained();
  // Retention: deletes delivered items whose creation and delivery are both older than
  // outbox_keep_delivered_days, 500 per transaction (the write lock is never held long),
  // then gives free pages back. Undelivered items are never deleted. Returns how many.
  // Indexed (items_age): cost grows with the items it deletes only.
  Result<int> prune_delivered(std::int64_t now_ms);
  // Free-page policy: once free pages exceed outbox_vacuum_free_mib, incremental_vacuum
  // (a file made before auto_vacuum was set gets one VACUUM, which converts it).
  Status give_back_free_pages();
  // Current size of the -wal file in bytes (0 when absent).
  std::int64_t wal_bytes() const;

 private:
  Outbox(const BackendConfig& c, std::unique_ptr<sql::Db> db, std::vector<unsigned char> key)
      : m_cfg(c), m_db(std::move(db)), m_key(std::move(key)) {}
  Result<OutboxItemView> view_of(sql::Stmt& s, std::int64_t now_ms);
  // The one staff-alarm rule: an undelivered item created at or before this raises it.
  std::int64_t alarm_cutoff_ms(std::int64_t now_ms) const {
    return now_ms - std::int64_t{m_cfg.outbox_staff_alarm_hours} * 3600000;
  }
  Result<OutboxItemView> insert_one(const OutboxNewItem& item, std::int64_t now, int& held);
  Result<Pending> decode(sql::Stmt& q);
  void wrote_rows(int n) { m_rows_since_checkpoint += n; }

  BackendConfig m_cfg;
  std::unique_ptr<sql::Db> m_db;
  std::vector<unsigned char> m_key;
  std::unique_ptr<sql::Transaction> m_batch;
  int m_rows_since_checkpoint = 0;
};

// The one back-off of the outbox, for an item's resends and for the sender's gateway probe:
// before try `step` (1 = the first retry) wait initial_ms * 2^(step-1), capped at max_ms,
// +-25 % jitter so a hall of terminals does not retry in lock step after an outage.
// Milliseconds, >= 0. Any thread.
std::int64_t backoff_delay_ms(std::int64_t initial_ms, std::int64_t max_ms, int step);

// Loads (or, by policy, creates with mode 0600) the 32-byte secretbox key.
Result<std::vector<unsigned char>> load_outbox_key(const std::string& path, KeyFilePolicy policy);

}  // namespace kiosk::backend
