// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Thin RAII wrappers over sqlite3, turning its codes into ApiError once, here.
// A Db and its Stmts belong to one thread at a time (each thread opens its own Db).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <sqlite3.h>

#include "kiosk/backend/api/api_types.h"

namespace kiosk::backend::sql {

ApiError error_from(int rc, sqlite3* db, const char* what);

// False for the names SQLite does not open as a plain file: ":memory:", "" (a private
// temporary database) and "file:" URIs.
bool is_plain_file_name(const std::string& path);

class Stmt {
 public:
  Stmt(sqlite3* db, sqlite3_stmt* s) : m_db(db), m_s(s) {}
  Stmt(Stmt&& o) noexcept : m_db(o.m_db), m_s(o.m_s) { o.m_s = nullptr; }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt();
  Stmt& bind(int i, std::int64_t v);
  Stmt& bind(int i, const std::string& v);
  Stmt& bind_blob(int i, const std::vector<unsigned char>& v);
  Stmt& bind_null(int i);
  // SQLITE_ROW -> true, SQLITE_DONE -> false, else error.
  Result<bool> step();
  // Ends a read early. A statement left on a row keeps its connection's read transaction
  // open, and while it is open no checkpoint of that connection can complete (the WAL
  // then grows without bound): read what you need, then reset() or let the Stmt go.
  void reset();
  Status run();  // steps to completion
  std::int64_t col_int(int i) const;
  std::string col_text(int i) const;
  std::vector<unsigned char> col_blob(int i) const;
  bool col_null(int i) const;

 private:
  sqlite3* m_db;
  sqlite3_stmt* m_s;
};

class Db {
 public:
  static Result<std::unique_ptr<Db>> open(const std::string& path);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  Status exec(const std::string& sql);
  // The first column of the first row of a one-value query (nullopt: no row or NULL).
  Result<std::optional<std::int64_t>> query_int(const std::string& sql);
  Result<Stmt> prepare(const std::string& sql);
  sqlite3* raw() { return m_db; }

 private:
  explicit Db(sqlite3* db) : m_db(db) {}
  sqlite3* m_db;
};

// Rolls back unless commit() succeeded.
class Transaction {
 public:
  explicit Transaction(Db& db) : m_db(db) {}
  ~Transaction();
  Status begin_immediate();
  Status commit();

 private:
  Db& m_db;
  bool m_open = false;
};

}  // namespace kiosk::backend::sql
