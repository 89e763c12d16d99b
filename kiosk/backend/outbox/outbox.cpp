// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/backend/outbox/outbox.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <cstdio>
#include <random>

namespace kiosk::backend {
namespace {

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
  // WAL + synchronous=FULL: a committed enqueue survives a power cut.
  for (const char* p : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL"}) {
    auto s = d.exec(p);
    if (!s) return s.error();
  }
  if (opt.max_page_count > 0) {
    auto s = d.exec("PRAGMA max_page_count=" + std::to_string(opt.max_page_count));
    if (!s) return s.error();
  }
  if (auto s = d.exec(kSchema); !s) return s.error();
  if (!config.now_ms) {
    BackendConfig c = config;
    c.now_ms = system_now_ms;
    return std::unique_ptr<Outbox>(new Outbox(c, std::move(db.value()), std::move(key.value())));
  }
  return std::unique_ptr<Outbox>(new Outbox(config, std::move(db.value()), std::move(key.value())));
}

Result<OutboxItemView> Outbox::enqueue(const std::string& kind, const nlohmann::json& body,
                                       const std::string& idempotency_key) {
  const std::int64_t now = m_cfg.now_ms();
  sql::Transaction tx(*m_db);
  if (auto s = tx.begin_immediate(); !s) return s.error();
  if (!idempotency_key.empty()) {
    auto q = m_db->prepare(std::string("SELECT ") + kViewCols + " FROM items WHERE idem_key=?");
    if (!q) return q.error();
    q->bind(1, idempotency_key);
    auto row = q->step();
    if (!row) return row.error();
    if (row.value()) return view_of(q.value(), now);
  }
  {
    auto c = m_db->prepare("SELECT COUNT(*) FROM items WHERE state != 'delivered'");
    if (!c) return c.error();
    if (auto r = c->step(); !r) return r.error();
    if (c->col_int(0) >= m_cfg.outbox_max_items)
      return make_error(ErrorCode::OutboxFull, "outbox holds its maximum of undelivered items");
  }
  auto seq_q = m_db->prepare("SELECT v FROM meta WHERE k='next_seq'");
  if (!seq_q) return seq_q.error();
  if (auto r = seq_q->step(); !r) return r.error();
  const std::int64_t seq = seq_q->col_int(0);
  char ref[96];
  std::snprintf(ref, sizeof ref, "%s-%06lld", m_cfg.terminal_id.c_str(),
                static_cast<long long>(seq));
  const std::string key = idempotency_key.empty() ? random_hex(16) : idempotency_key;

  nlohmann::json stored = body;
  stored["client_reference"] = ref;
  const std::string plain = stored.dump();
  std::vector<unsigned char> nonce(crypto_secretbox_NONCEBYTES);
  randombytes_buf(nonce.data(), nonce.size());
  std::vector<unsigned char> cipher(plain.size() + crypto_secretbox_MACBYTES);
  crypto_secretbox_easy(cipher.data(), reinterpret_cast<const unsigned char*>(plain.data()),
                        plain.size(), nonce.data(), m_key.data());

  auto up = m_db->prepare("UPDATE meta SET v=v+1 WHERE k='next_seq'");
  if (!up) return up.error();
  if (auto s = up->run(); !s) return s.error();
  auto ins = m_db->prepare(
      "INSERT INTO items(ref, idem_key, kind, nonce, payload, state, created_ms, resend_from_ms, "
      "next_attempt_ms) VALUES(?,?,?,?,?,'queued',?,?,?)");
  if (!ins) return ins.error();
  ins->bind(1, std::string(ref)).bind(2, key).bind(3, kind).bind_blob(4, nonce).bind_blob(5, cipher);
  ins->bind(6, now).bind(7, now).bind(8, now);
  if (auto s = ins->run(); !s) return s.error();
  if (auto s = tx.commit(); !s) return s.error();
  OutboxItemView v;
  v.ref = ref;
  v.kind = kind;
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
  const std::int64_t alarm_ms = std::int64_t{m_cfg.outbox_staff_alarm_hours} * 3600000;
  v.staff_alarm = v.state != OutboxState::Delivered && now_ms - v.created_ms >= alarm_ms;
  v.stopped = v.reason == "stopped_waiting_for_staff";
  return v;
}

Result<std::optional<Outbox::Pending>> Outbox::next_due(std::int64_t now_ms) {
  const std::int64_t stop_ms = std::int64_t{m_cfg.outbox_stop_after_days} * 86400000;
  auto stop = m_db->prepare(
      "UPDATE items SET state='failed', reason='stopped_waiting_for_staff' "
      "WHERE state='queued' AND resend_from_ms <= ?");
  if (!stop) return stop.error();
  stop->bind(1, now_ms - stop_ms);
  if (auto s = stop->run(); !s) return s.error();
  auto q = m_db->prepare(
      "SELECT id, ref, kind, idem_key, nonce, payload, attempts FROM items "
      "WHERE state='queued' AND next_attempt_ms <= ? ORDER BY attempts > 0, next_attempt_ms, id "
      "LIMIT 1");
  if (!q) return q.error();
  q->bind(1, now_ms);
  auto row = q->step();
  if (!row) return row.error();
  if (!row.value()) return std::optional<Pending>{};
  Pending p;
  p.id = q->col_int(0);
  p.ref = q->col_text(1);
  p.kind = q->col_text(2);
  p.idempotency_key = q->col_text(3);
  const auto nonce = q->col_blob(4);
  const auto cipher = q->col_blob(5);
  p.attempts = static_cast<int>(q->col_int(6));
  if (nonce.size() != crypto_secretbox_NONCEBYTES || cipher.size() < crypto_secretbox_MACBYTES)
    return make_error(ErrorCode::StorageError, "outbox item has no payload");
  std::string plain(cipher.size() - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()), cipher.data(),
                                 cipher.size(), nonce.data(), m_key.data()) != 0)
    return make_error(ErrorCode::StorageError, "outbox payload does not decrypt (wrong key?)");
  p.body = nlohmann::json::parse(plain, nullptr, false);
  if (p.body.is_discarded()) return make_error(ErrorCode::StorageError, "outbox payload corrupt");
  return std::optional<Pending>{std::move(p)};
}

Result<std::optional<std::int64_t>> Outbox::ms_until_due(std::int64_t now_ms) {
  auto q = m_db->prepare("SELECT MIN(next_attempt_ms) FROM items WHERE state='queued'");
  if (!q) return q.error();
  if (auto r = q->step(); !r) return r.error();
  if (q->col_null(0)) return std::optional<std::int64_t>{};
  return std::optional<std::int64_t>{std::max<std::int64_t>(0, q->col_int(0) - now_ms)};
}

Status Outbox::mark_delivered(std::int64_t id, const std::string& case_id, std::int64_t now_ms) {
  // The payload is wiped: after delivery the terminal keeps no personal data of the item.
  auto q = m_db->prepare(
      "UPDATE items SET state='delivered', reason='', payload=NULL, nonce=NULL, "
      "attempts=attempts+1, last_attempt_ms=?, delivered_ms=?, case_id=? WHERE id=?");
  if (!q) return q.error();
  q->bind(1, now_ms).bind(2, now_ms).bind(3, case_id).bind(4, id);
  return q->run();
}

Status Outbox::mark_failed_attempt(std::int64_t id, const ApiError& error, std::int64_t now_ms) {
  auto a = m_db->prepare("SELECT attempts FROM items WHERE id=?");
  if (!a) return a.error();
  a->bind(1, id);
  if (auto r = a->step(); !r) return r.error();
  const int attempts = static_cast<int>(a->col_int(0)) + 1;
  std::int64_t delay = m_cfg.sender_backoff_initial_ms;
  for (int i = 1; i < attempts && delay < m_cfg.sender_backoff_max_ms; ++i) delay *= 2;
  delay = std::min<std::int64_t>(delay, m_cfg.sender_backoff_max_ms);
  // Jitter (+-25 %) so a hall of terminals does not retry in lock step after an outage.
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  std::uniform_int_distribution<std::int64_t> jitter(-delay / 4, delay / 4);
  delay += jitter(rng);
  auto q = m_db->prepare(
      "UPDATE items SET state=?, reason=?, attempts=?, last_attempt_ms=?, next_attempt_ms=? "
      "WHERE id=?");
  if (!q) return q.error();
  q->bind(1, std::string(error.transient() ? "queued" : "failed"))
      .bind(2, std::string(to_string(error.code)))
      .bind(3, std::int64_t{attempts})
      .bind(4, now_ms)
      .bind(5, now_ms + delay)
      .bind(6, id);
  return q->run();
}

Result<std::vector<OutboxItemView>> Outbox::items(std::int64_t now_ms) {
  auto q = m_db->prepare(std::string("SELECT ") + kViewCols + " FROM items ORDER BY id");
  if (!q) return q.error();
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
  auto all = items(now_ms);
  if (!all) return all.error();
  OutboxHealth h;
  h.capacity = m_cfg.outbox_max_items;
  for (const auto& v : all.value()) {
    if (v.state == OutboxState::Queued) ++h.queued;
    if (v.state == OutboxState::Failed) ++h.failed;
    if (v.state == OutboxState::Delivered) ++h.delivered;
    if (v.staff_alarm) ++h.staff_alarms;
    if (v.stopped) ++h.stopped;
  }
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
  return sqlite3_changes(m_db->raw());
}

}  // namespace kiosk::backend
