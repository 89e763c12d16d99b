// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/backend/outbox/sqlite_util.h"

#include <fcntl.h>
#include <unistd.h>

namespace kiosk::backend::sql {

ApiError error_from(int rc, sqlite3* db, const char* what) {
  const int primary = rc & 0xff;
  std::string detail = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  if (primary == SQLITE_FULL) return make_error(ErrorCode::StorageFull, detail);
  return make_error(ErrorCode::StorageError, detail);
}

Stmt::~Stmt() {
  if (m_s) sqlite3_finalize(m_s);
}
Stmt& Stmt::bind(int i, std::int64_t v) {
  sqlite3_bind_int64(m_s, i, v);
  return *this;
}
Stmt& Stmt::bind(int i, const std::string& v) {
  sqlite3_bind_text(m_s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::bind_blob(int i, const std::vector<unsigned char>& v) {
  sqlite3_bind_blob(m_s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::bind_null(int i) {
  sqlite3_bind_null(m_s, i);
  return *this;
}
Result<bool> Stmt::step() {
  const int rc = sqlite3_step(m_s);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return error_from(rc, m_db, "step");
}
Status Stmt::run() {
  for (;;) {
    auto r = step();
    if (!r) return r.error();
    if (!r.value()) return Unit{};
  }
}
void Stmt::reset() {
  if (m_s) sqlite3_reset(m_s);
}
std::int64_t Stmt::col_int(int i) const { return sqlite3_column_int64(m_s, i); }
std::string Stmt::col_text(int i) const {
  const auto* p = sqlite3_column_text(m_s, i);
  return p ? std::string(reinterpret_cast<const char*>(p),
                         static_cast<size_t>(sqlite3_column_bytes(m_s, i)))
           : std::string{};
}
std::vector<unsigned char> Stmt::col_blob(int i) const {
  const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(m_s, i));
  const int n = sqlite3_column_bytes(m_s, i);
  return p ? std::vector<unsigned char>(p, p + n) : std::vector<unsigned char>{};
}
bool Stmt::col_null(int i) const { return sqlite3_column_type(m_s, i) == SQLITE_NULL; }

bool is_plain_file_name(const std::string& path) {
  return !path.empty() && path != ":memory:" && path.rfind("file:", 0) != 0;
}

Result<std::unique_ptr<Db>> Db::open(const std::string& path) {
  // A new database is readable by its owner only, like the key (SQLite makes its -wal and
  // -shm files with the database's permissions). Not for names SQLite does not take as a
  // file: ":memory:", "" (a temporary database) and "file:" URIs (creating those by hand
  // once left a stray file named ":memory:" in the working folder).
  if (is_plain_file_name(path))
    if (const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600); fd >= 0) ::close(fd);
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                 nullptr);
  if (rc != SQLITE_OK) {
    auto e = error_from(rc, db, "open");
    sqlite3_close(db);
    return e;
  }
  sqlite3_busy_timeout(db, 5000);
  return std::unique_ptr<Db>(new Db(db));
}
Db::~Db() { sqlite3_close(m_db); }

Status Db::exec(const std::string& sql) {
  char* msg = nullptr;
  const int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &msg);
  sqlite3_free(msg);
  if (rc != SQLITE_OK) return error_from(rc, m_db, "exec");
  return Unit{};
}

Result<std::optional<std::int64_t>> Db::query_int(const std::string& sql) {
  auto q = prepare(sql);
  if (!q) return q.error();
  auto row = q->step();
  if (!row) return row.error();
  if (!row.value() || q->col_null(0)) return std::optional<std::int64_t>{};
  const std::int64_t v = q->col_int(0);
  q->reset();
  return std::optional<std::int64_t>{v};
}

Result<Stmt> Db::prepare(const std::string& sql) {
  sqlite3_stmt* s = nullptr;
  const int rc = sqlite3_prepare_v2(m_db, sql.c_str(), -1, &s, nullptr);
  if (rc != SQLITE_OK) return error_from(rc, m_db, "prepare");
  return Stmt(m_db, s);
}

Transaction::~Transaction() {
  if (m_open) (void)m_db.exec("ROLLBACK");
}
Status Transaction::begin_immediate() {
  auto s = m_db.exec("BEGIN IMMEDIATE");
  if (s) m_open = true;
  return s;
}
Status Transaction::commit() {
  auto s = m_db.exec("COMMIT");
  if (s) m_open = false;
  return s;
}

}  // namespace kiosk::backend::sql
