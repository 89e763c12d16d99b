// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/backend/local/local_gateway.h"

#include <sodium.h>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>

namespace kiosk::backend {
namespace {

constexpr const char* kSchema = R"(
CREATE TABLE subjects(ref TEXT PRIMARY KEY, id_number TEXT UNIQUE, kind TEXT, data TEXT);
CREATE TABLE cert_apps(id TEXT PRIMARY KEY, subject_ref TEXT, data TEXT);
CREATE TABLE applications(case_id TEXT PRIMARY KEY, kind TEXT, subject_ref TEXT,
  client_reference TEXT, idem_key TEXT, status TEXT, data TEXT);
CREATE TABLE slots(slot_id TEXT PRIMARY KEY, service_code TEXT, org_id TEXT, org TEXT,
  start TEXT, end_ TEXT, status TEXT);
CREATE TABLE holds(hold_id TEXT PRIMARY KEY, slot_id TEXT, subject_ref TEXT, expires_ms INTEGER,
  used INTEGER DEFAULT 0, extended INTEGER DEFAULT 0);
CREATE TABLE appointments(id TEXT PRIMARY KEY, slot_id TEXT, subject_ref TEXT, status TEXT);
CREATE TABLE visits(id TEXT PRIMARY KEY, actor_ref TEXT, method TEXT, phone TEXT, code TEXT,
  expires_ms INTEGER, resend_ms INTEGER, tries INTEGER DEFAULT 0, verified INTEGER,
  represented_ref TEXT);
CREATE TABLE idem(key TEXT PRIMARY KEY, body_hash TEXT, state TEXT, status INTEGER,
  response TEXT, problem INTEGER);
)";

std::string hash_hex(const std::string& s) {
  unsigned char h[32];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(s.data()), s.size(),
                     nullptr, 0);
  char out[65];
  sodium_bin2hex(out, sizeof out, h, sizeof h);
  return out;
}

}  // namespace

std::string format_rfc3339_cst(std::int64_t ms) {
  const std::time_t secs = static_cast<std::time_t>(ms / 1000) + 8 * 3600;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S+08:00", &tm);
  return buf;
}

Result<std::unique_ptr<LocalGateway>> LocalGateway::open(const std::string& demo_dir,
                                                         std::function<std::int64_t()> now_ms) {
  if (sodium_init() < 0) return make_error(ErrorCode::StorageError, "libsodium init failed");
  std::ifstream in(demo_dir + "/residents.json");
  if (!in) return make_error(ErrorCode::ConfigError, "demo data missing: " + demo_dir + "/residents.json");
  std::stringstream ss;
  ss << in.rdbuf();
  auto demo = nlohmann::json::parse(ss.str(), nullptr, false);
  if (demo.is_discarded()) return make_error(ErrorCode::ConfigError, "residents.json is not JSON");
  auto db = sql::Db::open(":memory:");
  if (!db) return db.error();
  std::unique_ptr<LocalGateway> g(new LocalGateway(std::move(db.value()),
                                                   now_ms ? std::move(now_ms) : system_now_ms,
                                                   std::move(demo)));
  if (auto s = g->load(); !s) return s.error();
  return g;
}

Status LocalGateway::load() {
  if (auto s = m_db->exec(kSchema); !s) return s;
  try {
    auto put_subject = [&](const nlohmann::json& p, const char* kind) -> Status {
      auto st = m_db->prepare("INSERT INTO subjects VALUES(?,?,?,?)");
      if (!st) return st.error();
      st->bind(1, p.at("subject_ref").get<std::string>())
          .bind(2, p.at("id_number").get<std::string>())
          .bind(3, std::string(kind))
          .bind(4, p.dump());
      return st->run();
    };
    for (const auto& r : m_demo.at("residents")) {
      if (auto s = put_subject(r, "resident"); !s) return s;
      for (const auto& a : r.value("certificate_applications", nlohmann::json::array())) {
        auto st = m_db->prepare("INSERT INTO cert_apps VALUES(?,?,?)");
        if (!st) return st.error();
        st->bind(1, a.at("application_id").get<std::string>())
            .bind(2, r.at("subject_ref").get<std::string>())
            .bind(3, a.dump());
        if (auto s = st->run(); !s) return s;
      }
    }
    for (const auto& a : m_demo.at("agents"))
      if (auto s = put_subject(a, "agent"); !s) return s;
    if (auto s = load_rehab_aid(); !s) return s;
    int n = 0;
    for (const auto& f : m_demo.at("facilities"))
      for (const auto& svc : f.at("services"))
        for (const auto& day : m_demo.at("slot_days"))
          for (const auto& t : m_demo.at("slot_times")) {
            char id[32];
            std::snprintf(id, sizeof id, "slot_%05d", ++n);
            auto st = m_db->prepare("INSERT INTO slots VALUES(?,?,?,?,?,?, 'free')");
            if (!st) return st.error();
            const auto d = day.get<std::string>();
            st->bind(1, std::string(id))
                .bind(2, svc.get<std::string>())
                .bind(3, f.at("org_id").get<std::string>())
                .bind(4, f.at("name").get<std::string>())
                .bind(5, d + "T" + t.at(0).get<std::string>() + ":00+08:00")
                .bind(6, d + "T" + t.at(1).get<std::string>() + ":00+08:00");
            if (auto s = st->run(); !s) return s;
          }
    if (auto s = load_rehab(); !s) return s;
  } catch (const nlohmann::json::exception& e) {
    return make_error(ErrorCode::ConfigError, std::string("residents.json: ") + e.what());
  }
  return Unit{};
}

std::string LocalGateway::now_rfc3339() const { return format_rfc3339_cst(m_now()); }

std::string LocalGateway::next_id(const std::string& prefix) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s-%06lld", prefix.c_str(), static_cast<long long>(++m_seq));
  return buf;
}

GatewayResponse LocalGateway::ok(int status, nlohmann::json body) const {
  if (!body.contains("data_as_of")) body["data_as_of"] = now_rfc3339();
  return GatewayResponse{status, std::move(body), false};
}

GatewayResponse LocalGateway::problem(int status, const std::string& code,
                                      const std::string& message,
                                      const std::string& next_step) const {
  nlohmann::json b{{"type", "https://gateway.example/problems/" + code},
                   {"title", code},
                   {"status", status},
                   {"code", code},
                   {"accessible_message", message},
                   {"next_step", next_step},
                   {"data_as_of", now_rfc3339()}};
  return GatewayResponse{status, std::move(b), true};
}

nlohmann::json LocalGateway::subject(const std::string& ref) {
  auto st = m_db->prepare("SELECT data FROM subjects WHERE ref=?");
  if (!st) return nullptr;
  st->bind(1, ref);
  auto r = st->step();
  if (!r || !r.value()) return nullptr;
  return nlohmann::json::parse(st->col_text(0), nullptr, false);
}

GatewayResponse LocalGateway::handle(const GatewayRequest& req,
                                     const std::function<void()>& between_mark_and_apply) {
  std::map<std::string, std::string> params;
  const auto e = match_route(req.method, req.path, params);
  if (!e) return problem(404, "no_such_route", "没有这项服务。", "go_to_window");
  nlohmann::json body = nlohmann::json::object();
  if (req.method == Method::Post) {
    body = nlohmann::json::parse(req.body, nullptr, false);
    if (body.is_discarded() || !body.is_object())
      return problem(400, "body_not_json", "请求内容无法读取。", "call_staff");
  }
  if (req.method == Method::Get) {
    std::lock_guard lock(m_mu);
    return route(*e, params, req, body);
  }
  // POST: idempotency per docs/domain.md section 6.
  if (req.idempotency_key.empty())
    return problem(400, "idempotency_key_missing", "请求缺少幂等键。", "call_staff");
  const std::string key = req.idempotency_key;
  const std::string hash = hash_hex(req.path + "\n" + body.dump());
  {
    std::lock_guard lock(m_mu);
    auto st = m_db->prepare("SELECT body_hash, state, status, response, problem FROM idem WHERE key=?");
    if (!st) return problem(500, "storage_error", "业务系统暂时出错。", "retry_later");
    st->bind(1, key);
    auto row = st->step();
    if (row && row.value()) {
      if (st->col_text(0) != hash)
        return problem(422, "idempotency_mismatch", "这项请求与已提交的内容不一致。", "call_staff");
      if (st->col_text(1) == "in_flight")
        return problem(409, "in_flight", "这项请求正在处理，请稍后再试。", "retry_later");
      return GatewayResponse{static_cast<int>(st->col_int(2)),
                             nlohmann::json::parse(st->col_text(3), nullptr, false),
                             st->col_int(4) != 0};
    }
    auto ins = m_db->prepare("INSERT INTO idem(key, body_hash, state) VALUES(?,?,'in_flight')");
    if (!ins) return problem(500, "storage_error", "业务系统暂时出错。", "retry_later");
    ins->bind(1, key).bind(2, hash);
    if (auto s = ins->run(); !s) return problem(500, "storage_error", "业务系统暂时出错。", "retry_later");
  }
  if (between_mark_and_apply) between_mark_and_apply();
  std::lock_guard lock(m_mu);
  auto resp = route(*e, params, req, body);
  if (resp.status >= 500) {
    // Not applied: forget the key so a retry is processed afresh.
    auto del = m_db->prepare("DELETE FROM idem WHERE key=?");
    if (del) (void)del->bind(1, key).run();
    return resp;
  }
  auto up = m_db->prepare("UPDATE idem SET state='done', status=?, response=?, problem=? WHERE key=?");
  if (up)
    (void)up->bind(1, std::int64_t{resp.status})
        .bind(2, resp.body.dump())
        .bind(3, std::int64_t{resp.problem ? 1 : 0})
        .bind(4, key)
        .run();
  return resp;
}

std::vector<LocalGateway::StoredApplication> LocalGateway::applications_of(const std::string& kind,
                                                                         const std::string& subject_ref) {
  std::vector<StoredApplication> out;
  auto st = m_db->prepare(
      "SELECT case_id, status, client_reference, data FROM applications WHERE kind=? AND subject_ref=? ORDER BY rowid");
  if (!st) return out;
  st->bind(1, kind).bind(2, subject_ref);
  while (true) {
    auto r = st->step();
    if (!r || !r.value()) break;
    nlohmann::json data = nlohmann::json::parse(st->col_text(3), nullptr, false);
    if (data.is_discarded()) continue;
    out.push_back({st->col_text(0), st->col_text(1), st->col_text(2), std::move(data)});
  }
  return out;
}

nlohmann::json LocalGateway::applied_applications() {
  std::lock_guard lock(m_mu);
  nlohmann::json list = nlohmann::json::array();
  auto st = m_db->prepare("SELECT case_id, kind, client_reference, idem_key FROM applications ORDER BY rowid");
  if (!st) return {{"applications", list}};
  while (true) {
    auto r = st->step();
    if (!r || !r.value()) break;
    list.push_back({{"case_id", st->col_text(0)},
                    {"kind", st->col_text(1)},
                    {"client_reference", st->col_text(2)},
                    {"idempotency_key", st->col_text(3)}});
  }
  return {{"applications", list}};
}

}  // namespace kiosk::backend
