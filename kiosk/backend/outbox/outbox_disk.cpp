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
  auto mode = m_db->query_int("PRAGMA auto_vacuum");
  auto free_pages = m_db->query_int("PRAGMA freelist_count");
  auto pages = m_db->query_int("PRAGMA page_count");
  if (!mode || !free_pages || !pages) return make_error(ErrorCode::StorageError, "outbox: pragma failed");
  const std::int64_t free_n = free_pages.value().value_or(0);
  // Delivered payloads are wiped, so a drained queue leaves free pages behind. Give them
  // back once they are worth it (1 MiB), so the file follows the backlog down again.
  if (free_n >= 256) {
    if (mode.value().value_or(0) == 2) {
      if (auto s = m_db->exec("PRAGMA incremental_vacuum"); !s) return s.error();
    } else if (free_n * 4 >= pages.value().value_or(0)) {
      // A file made before auto_vacuum was set: one VACUUM also switches it to incremental.
      if (auto s = m_db->exec("VACUUM"); !s) return s.error();
    }
  }
  m_rows_since_checkpoint = checkpoint_rows(m_cfg.outbox_wal_limit_bytes);
  return checkpoint_if_due();
}

std::int64_t Outbox::wal_bytes() const {
  struct stat st {};
  if (::stat((m_cfg.outbox_path + "-wal").c_str(), &st) != 0) return 0;
  return st.st_size;
}

}  // namespace kiosk::backend
