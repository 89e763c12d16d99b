// SPDX-License-Identifier: GPL-3.0-or-later
// The outbox's bounds on disk (docs/design.md, outbox): the write-ahead log is checkpointed
// and cut back during long passes, and a drained queue gives its free pages back.
#include <sys/stat.h>

#include <algorithm>

#include "kiosk/backend/outbox/outbox.h"

namespace kiosk::backend {
namespace {

// A row write touches at most ~8 pages (the row, five indexes, counts) of 4 KiB; checkpoint
// well before the rows written since the last one could fill the bound.
int checkpoint_rows(std::int64_t wal_limit_bytes) {
  return static_cast<int>(std::clamp<std::int64_t>(wal_limit_bytes / (32 * 4096), 8, 1000));
}

}  // namespace

Status Outbox::checkpoint_if_due() {
  if (m_batch || m_rows_since_checkpoint < checkpoint_rows(m_cfg.outbox_wal_limit_bytes))
    return Unit{};
  m_rows_since_checkpoint = 0;
  // TRUNCATE waits (busy timeout) for the other connection's short transactions, copies
  // every frame into the database and empties the -wal file. Busy is not an error: the
  // next call tries again, and SQLite's own auto-checkpoint keeps running meanwhile.
  int log = 0, done = 0;
  const int rc = sqlite3_wal_checkpoint_v2(m_db->raw(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, &log, &done);
  if (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) return Unit{};
  return sql::error_from(rc, m_db->raw(), "checkpoint");
}

Status Outbox::compact_if_drained() {
  if (m_batch) return Unit{};
  auto queued = m_db->query_int("SELECT SUM(n) FROM counts WHERE state='queued'");
  if (!queued) return queued.error();
  if (queued.value().value_or(0) > 0) return Unit{};
  // Delivered payloads are wiped, so a drained queue leaves free pages behind.
  if (auto s = give_back_free_pages(); !s) return s;
  m_rows_since_checkpoint = checkpoint_rows(m_cfg.outbox_wal_limit_bytes);
  return checkpoint_if_due();
}

Status Outbox::give_back_free_pages() {
  if (m_batch) return Unit{};
  auto mode = m_db->query_int("PRAGMA auto_vacuum");
  auto free_pages = m_db->query_int("PRAGMA freelist_count");
  auto pages = m_db->query_int("PRAGMA page_count");
  auto page_size = m_db->query_int("PRAGMA page_size");
  if (!mode || !free_pages || !pages || !page_size)
    return make_error(ErrorCode::StorageError, "outbox: pragma failed");
  const std::int64_t free_n = free_pages.value().value_or(0);
  const std::int64_t bound = std::int64_t{m_cfg.outbox_vacuum_free_mib} * 1024 * 1024;
  if (free_n == 0 || free_n * page_size.value().value_or(4096) < bound) return Unit{};
  if (mode.value().value_or(0) == 2) return m_db->exec("PRAGMA incremental_vacuum");
  // A file made before auto_vacuum was set: VACUUM rewrites the whole file, so only when
  // a quarter of it is free; it also switches the file to incremental.
  if (free_n * 4 >= pages.value().value_or(0)) return m_db->exec("VACUUM");
  return Unit{};
}

Result<int> Outbox::prune_delivered(std::int64_t now_ms) {
  const std::int64_t cutoff = now_ms - std::int64_t{m_cfg.outbox_keep_delivered_days} * 86400000;
  int total = 0;
  for (;;) {
    auto q = m_db->prepare(
        "DELETE FROM items WHERE id IN (SELECT id FROM items WHERE state='delivered' AND "
        "created_ms <= ?1 AND delivered_ms <= ?1 LIMIT 500)");
    if (!q) return q.error();
    q->bind(1, cutoff);
    if (auto s = q->run(); !s) return s.error();
    const int n = sqlite3_changes(m_db->raw());
    total += n;
    wrote_rows(n);
    if (auto s = checkpoint_if_due(); !s) return s.error();
    if (n < 500) break;
  }
  if (total > 0)
    if (auto s = give_back_free_pages(); !s) return s.error();
  return total;
}

std::int64_t Outbox::wal_bytes() const {
  struct stat st {};
  if (::stat((m_cfg.outbox_path + "-wal").c_str(), &st) != 0) return 0;
  return st.st_size;
}

}  // namespace kiosk::backend
