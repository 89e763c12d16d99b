// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/backend/outbox/outbox.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <random>

namespace kiosk::backend {
namespace {

// Indexes: every query the sender makes per item or per pass is an index lookup or an
// ordered index range, so its cost does not grow with the backlog (issue 18). The counts
// table, kept by triggers in the same transactions, gives health() and the capacity check
// without a scan. Old files get the new indexes, triggers and counts on open.
constexpr const char* kSchema = R"(
CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v INTEGER NOT NULL);
INSERT OR IGNORE INTO meta VALUES('next_seq', 1);
CREATE TABLE IF NOT EXISTS items(
  id INTEGER PRIMARY KEY,
  ref TEXT NOT NULL UNIQUE,
  idem_key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  nonce BLOB,
  payload BLOB,
  state TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  attempts INTEGER NOT NULL DEFAULT 0,
  created_ms INTEGER NOT NULL,
  resend_from_ms INTEGER NOT NULL,
  next_attempt_ms INTEGER NOT NULL,
  last_attempt_ms INTEGER NOT NULL DEFAULT 0,
  delivered_ms INTEGER NOT NULL DEFAULT 0,
  case_id TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS items_due ON items(state, next_attempt_ms);
CREATE INDEX IF NOT EXISTS items_order ON items(state, attempts > 0, next_attempt_ms);
CREATE INDEX IF NOT EXISTS items_stop ON items(state, resend_from_ms);
CREATE INDEX IF NOT EXISTS items_age ON items(state, created_ms);
CREATE INDEX IF NOT EXISTS items_reason ON items(state, reason);
CREATE TABLE IF NOT EXISTS counts(state TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS items_count_ins AFTER INSERT ON items BEGIN
  INSERT INTO counts VALUES(NEW.state, 1) ON CONFLICT(state) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS items_count_upd AFTER UPDATE OF state ON items
WHEN OLD.state != NEW.state BEGIN
  UPDATE counts SET n = n - 1 WHERE state = OLD.state;
  INSERT INTO counts VALUES(NEW.state, 1) ON CONFLICT(state) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS items_count_del AFTER DELETE ON items BEGIN
  UPDATE counts SET n = n - 1 WHERE state = OLD.state;
END;
INSERT OR IGNORE INTO meta VALUES('counts_ready', 0);
)";

// A file from before the counts table: count once, in the schema's transaction.
constexpr const char* kRebuildCounts = R"(
DELETE FROM counts;
INSERT INTO counts SELECT state, COUNT(*) FROM items GROUP BY state;
UPDATE meta SET v = 1 WHERE k = 'counts_ready';
)";

constexpr const char* kViewCols =
    "ref, kind, state, reason, attempts, created_ms, last_attempt_ms, delivered_ms, case_id, "
    "resend_from_ms";

std::string random_hex(size_t bytes) {
  std::vector<unsigned char> b(bytes);
  randombytes_buf(b.data(), b.size());
  std::string out(bytes * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), b.data(), b.size());
  out.pop_back();
  return out;
}

OutboxState state_from(const std::string& s) {
  if (s == "delivered") return OutboxState::Delivered;
  if (s == "failed") return OutboxState::Failed;
  return OutboxState::Queued;
}

}  // namespace

std::int64_t backoff_delay_ms(std::int64_t initial_ms, std::int64_t max_ms, int step) {
  std::int64_t delay = std::max<std::int64_t>(initial_ms, 0);
  for (int i = 1; i < step && delay < max_ms; ++i) delay *= 2;
  delay = std::min<std::int64_t>(delay, max_ms);
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  std::uniform_int_distribution<std::int64_t> jitter(-delay / 4, delay / 4);
  return delay + jitter(rng);
}

const char* to_string(OutboxState s) {
  switch (s) {
    case OutboxState::Queued: return "queued";
    case OutboxState::Delivered: return "delivered";
    case OutboxState::Failed: return "failed";
  }
  return "queued";
}

Result<std::vector<unsigned char>> load_outbox_key(const std::string& path, KeyFilePolicy policy) {
  std::vector<unsigned char> key(crypto_secretbox_KEYBYTES);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 && policy == KeyFilePolicy::CreateIfMissing) {
    // A throw-away demo key: its folder may not exist yet on a fresh checkout.
    std::error_code ignored;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ignored);
    randombytes_buf(key.data(), key.size());
    fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return make_error(ErrorCode::StorageError, "cannot create outbox key file");
    const bool ok = ::write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size()) &&
                    ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) return make_error(ErrorCode::StorageError, "cannot write outbox key file");
    return key;
  }
  if (fd < 0) return make_error(ErrorCode::ConfigError, "outbox key file missing");
  const auto n = ::read(fd, key.data(), key.size());
  ::close(fd);
  if (n != static_cast<ssize_t>(key.size()))
    return make_error(ErrorCode::ConfigError, "outbox key file must hold 32 bytes");
  return key;
}

Result<std::unique_ptr<Outbox>> Outbox::open(const BackendConfig& config, OutboxOpenOptions opt) {
  if (sodium_init() < 0) return make_error(ErrorCode::StorageError, "libsodium init failed");
  auto key = load_outbox_key(config.outbox_key_file, config.key_policy);
  if (!key) return key.error();
  std::error_code ignored;   // a missing folder is created; a real failure shows at open
  std::filesystem::create_directories(std::filesystem::path(config.outbox_path).parent_path(), ignored);
  auto db = sql::Db::open(config.outbox_path);
  if (!db) return db.error();
  auto& d = *db.value();
  // auto_vacuum first: it only takes effect on a file that has no table yet (new files);
  // compact_if_drained() then gives free pages back without a full VACUUM.
  // WAL + synchronous=FULL: a committed enqueue survives a power cut.
  // journal_size_limit: after a checkpoint the -wal file is cut back to this size.
  const std::vector<std::string> pragmas{
      "PRAGMA auto_vacuum=INCREMENTAL", "PRAGMA journal_mode=WAL",
      opt.bookkeeping ? "PRAGMA synchronous=NORMAL" : "PRAGMA synchronous=FULL",
      "PRAGMA journal_size_limit=" + std::to_string(config.outbox_wal_limit_bytes / 4),
      "PRAGMA wal_autocheckpoint=" +
          std::to_string(std::clamp<std::int64_t>(config.outbox_wal_limit_bytes / 8192, 16, 1000))};
  for (const auto& p : pragmas) {
    auto s = d.exec(p);
    if (!s) return s.error();
  }
  if (opt.max_page_count > 0) {
    auto s = d.exec("PRAGMA max_page_count=" + std::to_string(opt.max_page_count));
    if (!s) return s.error();
  }
  {
    sql::Transaction tx(d);
    if (auto s = tx.begin_immediate(); !s) return s.error();
    if (auto s = d.exec(kSchema); !s) return s.error();
    auto ready = d.query_int("SELECT v FROM meta WHERE k='counts_ready'");
    if (!ready) return ready.error();
    if (ready.value().value_or(0) == 0)
      if (auto s = d.exec(kRebuildCounts); !s) return s.error();
    if (auto s = tx.commit(); !s) return s.error();
  }
  BackendConfig c = config;
  if (!c.now_ms) c.now_ms = system_now_ms;
  return std::unique_ptr<Outbox>(new Outbox(c, std::move(db.value()), std::move(key.value())));
}

Result<OutboxItemView> Outbox::enqueue(const std::string& kind, const nlohmann::json& body,
                                       const std::string& idempotency_key) {
  auto v = enqueue_batch({OutboxNewItem{kind, body, idempotency_key}});
  if (!v) return v.error();
  return std::move(v.value().front());
}

Result<std::vector<OutboxItemView>> Outbox::enqueue_batch(const std::vector<OutboxNewItem>& items) {
  const std::int64_t now = m_cfg.now_ms();
  sql::Transaction tx(*m_db);
  if (auto s = tx.begin_immediate(); !s) return s.error();
  auto held = m_db->query_int("SELECT SUM(n) FROM counts WHERE state IN ('queued','failed')");
  if (!held) return held.error();
  int n_held = static_cast<int>(held.value().value_or(0));
  std::vector<OutboxItemView> out;
  out.reserve(items.size());
  for (const auto& item : items) {
    auto v = insert_one(item, now, n_held);
    if (!v) return v.error();   // the transaction rolls back: nothing of the batch is stored
    out.push_back(std::move(v.value()));
  }
  if (auto s = tx.commit(); !s) return s.error();
  wrote_rows(static_cast<int>(items.size()));
  if (auto s = checkpoint_if_due(); !s) return s.error();
  return out;
}

// Inside enqueue_batch's transaction. `held` counts queued+failed items and is updated.
Result<OutboxItemView> Outbox::insert_one(const OutboxNewItem& item, std::int64_t now, int& held) {
  if (!item.idempotency_key.empty()) {
    auto q = m_db->prepare(std::string("SELECT ") + kViewCols + " FROM items WHERE idem_key=?");
    if (!q) return q.error();
    q->bind(1, item.idempotency_key);
    auto row = q->step();
    if (!row) return row.error();
    if (row.value()) return view_of(q.value(), now);
  }
  if (held >= m_cfg.outbox_max_items)
    return make_error(ErrorCode::OutboxFull, "outbox holds its maximum of undelivered items");
  auto seq = m_db->query_int("SELECT v FROM meta WHERE k='next_seq'");
  if (!seq) return seq.error();
  char ref[96];
  std::snprintf(ref, sizeof ref, "%s-%06lld", m_cfg.terminal_id.c_str(),
                static_cast<long long>(seq.value().value_or(1)));
  const std::string key = item.idempotency_key.empty() ? random_hex(16) : item.idempotency_key;

  nlohmann::json stored = item.body;
  stored["client_reference"] = ref;
  const std::string plain = stored.dump();
  std::vector<unsigned char> nonce(crypto_secretbox_NONCEBYTES);
  randombytes_buf(nonce.data(), nonce.size());
  std::vector<unsigned char> cipher(plain.size() + crypto_secretbox_MACBYTES);
  crypto_secretbox_easy(cipher.data(), reinterpret_cast<const unsigned char*>(plain.data()),
                        plain.size(), nonce.data(), m_key.data());

  if (auto s = m_db->exec("UPDATE meta SET v=v+1 WHERE k='next_seq'"); !s) return s.error();
  auto ins = m_db->prepare(
      "INSERT INTO items(ref, idem_key, kind, nonce, payload, state, created_ms, resend_from_ms, "
      "next_attempt_ms) VALUES(?,?,?,?,?,'queued',?,?,?)");
  if (!ins) return ins.error();
  ins->bind(1, std::string(ref)).bind(2, key).bind(3, item.kind).bind_blob(4, nonce).bind_blob(5, cipher);
  ins->bind(6, now).bind(7, now).bind(8, now);
  if (auto s = ins->run(); !s) return s.error();
  ++held;
  OutboxItemView v;
  v.ref = ref;
  v.kind = item.kind;
  v.created_ms = now;
  return v;
}

Result<OutboxItemView> Outbox::view_of(sql::Stmt& s, std::int64_t now_ms) {
  OutboxItemView v;
  v.ref = s.col_text(0);
  v.kind = s.col_text(1);
  v.state = state_from(s.col_text(2));
  v.reason = s.col_text(3);
  v.attempts = static_cast<int>(s.col_int(4));
  v.created_ms = s.col_int(5);
  v.last_attempt_ms = s.col_int(6);
  v.delivered_ms = s.col_int(7);
  v.case_id = s.col_text(8);
  v.staff_alarm = v.state != OutboxState::Delivered && v.created_ms <= alarm_cutoff_ms(now_ms);
  v.stopped = v.reason == "stopped_waiting_for_staff";
  return v;
}

Status Outbox::stop_overdue(std::int64_t now_ms) {
  const std::int64_t stop_ms = std::int64_t{m_cfg.outbox_stop_after_days} * 86400000;
  auto stop = m_db->prepare(
      "UPDATE items SET state='failed', reason='stopped_waiting_for_staff' "
      "WHERE state='queued' AND resend_from_ms <= ?");
  if (!stop) return stop.error();
  stop->bind(1, now_ms - stop_ms);
  if (auto s = stop->run(); !s) return s.error();
  wrote_rows(sqlite3_changes(m_db->raw()));
  return Unit{};
}

Result<std::vector<std::int64_t>> Outbox::due_ids(std::int64_t now_ms, int limit) {
  // Two ordered ranges of items_order: never-tried items first (a new application is not
  // stuck behind a backlog of failing ones), then the retries by due time.
  std::vector<std::int64_t> ids;
  for (int tried = 0; tried < 2 && static_cast<int>(ids.size()) < limit; ++tried) {
    auto q = m_db->prepare(
        "SELECT id FROM items WHERE state='queued' AND (attempts > 0)=? AND next_attempt_ms <= ? "
        "ORDER BY next_attempt_ms, id LIMIT ?");
    if (!q) return q.error();
    q->bind(1, std::int64_t{tried}).bind(2, now_ms).bind(3, std::int64_t{limit} - static_cast<std::int64_t>(ids.size()));
    for (;;) {
      auto r = q->step();
      if (!r) return r.error();
      if (!r.value()) break;
      ids.push_back(q->col_int(0));
    }
  }
  return ids;
}

Result<Outbox::Pending> Outbox::decode(sql::Stmt& q) {
  Pending p;
  p.id = q.col_int(0);
  p.ref = q.col_text(1);
  p.kind = q.col_text(2);
  p.idempotency_key = q.col_text(3);
  const auto nonce = q.col_blob(4);
  const auto cipher = q.col_blob(5);
  p.attempts = static_cast<int>(q.col_int(6));
  p.reason = q.col_text(7);
  q.reset();
  if (nonce.size() != crypto_secretbox_NONCEBYTES || cipher.size() < crypto_secretbox_MACBYTES)
    return make_error(ErrorCode::StorageError, "outbox item has no payload");
  std::string plain(cipher.size() - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()), cipher.data(),
                                 cipher.size(), nonce.data(), m_key.data()) != 0)
    return make_error(ErrorCode::StorageError, "outbox payload does not decrypt (wrong key?)");
  p.body = nlohmann::json::parse(plain, nullptr, false);
  if (p.body.is_discarded()) return make_error(ErrorCode::StorageError, "outbox payload corrupt");
  return p;
}

Result<std::optional<Outbox::Pending>> Outbox::load_queued(std::int64_t id) {
  auto q = m_db->prepare(
      "SELECT id, ref, kind, idem_key, nonce, payload, attempts, reason FROM items "
      "WHERE id=? AND state='queued'");
  if (!q) return q.error();
  q->bind(1, id);
  auto row = q->step();
  if (!row) return row.error();
  if (!row.value()) return std::optional<Pending>{};
  auto p = decode(q.value());
  if (!p) return p.error();
  return std::optional<Pending>{std::move(p.value())};
}

Result<std::optional<Outbox::Pending>> Outbox::next_due(std::int64_t now_ms) {
  if (auto s = stop_overdue(now_ms); !s) return s.error();
  auto ids = due_ids(now_ms, 1);
  if (!ids) return ids.error();
  if (ids->empty()) return std::optional<Pending>{};
  return load_queued(ids->front());
}

Result<std::optional<std::int64_t>> Outbox::ms_until_due(std::int64_t now_ms) {
  auto first = m_db->query_int("SELECT MIN(next_attempt_ms) FROM items WHERE state='queued'");
  if (!first) return first.error();
  if (!first.value()) return std::optional<std::int64_t>{};
  return std::optional<std::int64_t>{std::max<std::int64_t>(0, *first.value() - now_ms)};
}

Status Outbox::mark_delivered(std::int64_t id, const std::string& case_id, std::int64_t now_ms) {
  // The payload is wiped: after delivery the terminal keeps no personal data of the item.
  auto q = m_db->prepare(
      "UPDATE items SET state='delivered', reason='', payload=NULL, nonce=NULL, "
      "attempts=attempts+1, last_attempt_ms=?, delivered_ms=?, case_id=? WHERE id=?");
  if (!q) return q.error();
  q->bind(1, now_ms).bind(2, now_ms).bind(3, case_id).bind(4, id);
  wrote_rows(1);
  return q->run();
}

Status Outbox::mark_failed_attempt(std::int64_t id, const ApiError& error, std::int64_t now_ms) {
  // One UPDATE counts the attempt and says how many there are; the delay follows from it.
  int attempts = 0;
  {
    auto q = m_db->prepare(
        "UPDATE items SET state=?, reason=?, attempts=attempts+1, last_attempt_ms=? WHERE id=? "
        "RETURNING attempts");
    if (!q) return q.error();
    q->bind(1, std::string(error.transient() ? "queued" : "failed"))
        .bind(2, std::string(to_string(error.code)))
        .bind(3, now_ms)
        .bind(4, id);
    auto row = q->step();
    if (!row) return row.error();
    if (!row.value()) return Unit{};   // no such item (retried away by staff meanwhile)
    attempts = static_cast<int>(q->col_int(0));
    if (auto s = q->run(); !s) return s.error();
  }
  const std::int64_t delay =
      backoff_delay_ms(m_cfg.sender_backoff_initial_ms, m_cfg.sender_backoff_max_ms, attempts);
  auto q = m_db->prepare("UPDATE items SET next_attempt_ms=? WHERE id=?");
  if (!q) return q.error();
  q->bind(1, now_ms + delay).bind(2, id);
  wrote_rows(1);
  return q->run();
}

Status Outbox::begin_batch() {
  m_batch = std::make_unique<sql::Transaction>(*m_db);
  return m_batch->begin_immediate();
}

Status Outbox::commit_batch() {
  if (!m_batch) return Unit{};
  auto s = m_batch->commit();
  m_batch.reset();   // rolls back if the commit failed
  return s;
}

Result<std::vector<OutboxItemView>> Outbox::items(std::int64_t now_ms, const OutboxListQuery& query) {
  // The cursor: (created_ms, id) of the item to continue after.
  std::int64_t after_created = std::numeric_limits<std::int64_t>::min(), after_id = 0;
  if (!query.after_ref.empty()) {
    auto q = m_db->prepare("SELECT created_ms, id FROM items WHERE ref=?");
    if (!q) return q.error();
    q->bind(1, query.after_ref);
    auto r = q->step();
    if (!r) return r.error();
    if (!r.value()) return make_error(ErrorCode::NotFound, "no outbox item with that reference");
    after_created = q->col_int(0);
    after_id = q->col_int(1);
  }
  // By state: a range of items_age (state, created_ms, id); all: a range of the rowid.
  const std::string sql =
      std::string("SELECT ") + kViewCols + " FROM items " +
      (query.state ? "WHERE state=?1 AND (created_ms, id) > (?2, ?3) ORDER BY created_ms, id LIMIT ?4"
                   : "WHERE id > ?3 ORDER BY id LIMIT ?4");
  auto q = m_db->prepare(sql);
  if (!q) return q.error();
  if (query.state) q->bind(1, std::string(to_string(*query.state))).bind(2, after_created);
  q->bind(3, after_id).bind(4, std::int64_t{std::clamp(query.limit, 1, OutboxListQuery::kMaxLimit)});
  std::vector<OutboxItemView> out;
  for (;;) {
    auto r = q->step();
    if (!r) return r.error();
    if (!r.value()) break;
    auto v = view_of(q.value(), now_ms);
    if (!v) return v.error();
    out.push_back(std::move(v.value()));
  }
  return out;
}

Result<OutboxItemView> Outbox::item(const std::string& ref, std::int64_t now_ms) {
  auto q = m_db->prepare(std::string("SELECT ") + kViewCols + " FROM items WHERE ref=?");
  if (!q) return q.error();
  q->bind(1, ref);
  auto r = q->step();
  if (!r) return r.error();
  if (!r.value()) return make_error(ErrorCode::NotFound, "no outbox item with that reference");
  return view_of(q.value(), now_ms);
}

Result<OutboxHealth> Outbox::health(std::int64_t now_ms) {
  OutboxHealth h;
  h.capacity = m_cfg.outbox_max_items;
  {
    auto q = m_db->prepare("SELECT state, n FROM counts");
    if (!q) return q.error();
    for (;;) {
      auto r = q->step();
      if (!r) return r.error();
      if (!r.value()) break;
      const int n = static_cast<int>(q->col_int(1));
      switch (state_from(q->col_text(0))) {
        case OutboxState::Queued: h.queued += n; break;
        case OutboxState::Failed: h.failed += n; break;
        case OutboxState::Delivered: h.delivered += n; break;
      }
    }
  }
  auto alarms_q = m_db->prepare(
      "SELECT COUNT(*) FROM items WHERE state IN ('queued','failed') AND created_ms <= ?");
  if (!alarms_q) return alarms_q.error();
  alarms_q->bind(1, alarm_cutoff_ms(now_ms));
  if (auto r = alarms_q->step(); !r) return r.error();
  const std::int64_t alarm_count = alarms_q->col_int(0);
  alarms_q->reset();
  auto stopped = m_db->query_int(
      "SELECT COUNT(*) FROM items WHERE state='failed' AND reason='stopped_waiting_for_staff'");
  if (!stopped) return stopped.error();
  h.staff_alarms = static_cast<int>(alarm_count);
  h.stopped = static_cast<int>(stopped.value().value_or(0));
  const int held = h.queued + h.failed;
  h.full = held >= h.capacity;
  h.nearly_full = held * 100 >= h.capacity * m_cfg.outbox_warn_percent;
  return h;
}

Result<int> Outbox::retry(const std::string& ref, std::int64_t now_ms) {
  auto q = m_db->prepare(
      "UPDATE items SET state='queued', reason='', next_attempt_ms=?, resend_from_ms=? "
      "WHERE state='failed' AND (?='' OR ref=?)");
  if (!q) return q.error();
  q->bind(1, now_ms).bind(2, now_ms).bind(3, ref).bind(4, ref);
  if (auto s = q->run(); !s) return s.error();
  const int n = sqlite3_changes(m_db->raw());
  wrote_rows(n);
  return n;
}

}  // namespace kiosk::backend
