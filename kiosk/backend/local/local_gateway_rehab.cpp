// SPDX-License-Identifier: GPL-3.0-or-later
// Rehabilitation as the demo gateway answers it (residents.json "rehab"): each resident's
// plan (一人一案) and booked appointments with the services answer, the appointments
// already booked at start-up, where an institution is and its step-free route with a
// booking, and the slot that is always gone by the time it is held (slot_taken).
// Called with m_mu held (load() before any request).
#include "kiosk/backend/local/local_gateway.h"

namespace kiosk::backend {
namespace {

using json = nlohmann::json;

// The slot of a service at an institution starting at "YYYY-MM-DDTHH:MM" (demo times).
std::string slot_start(const json& entry) { return entry.at("start").get<std::string>() + ":00+08:00"; }

}  // namespace

Status LocalGateway::load_rehab() {
  const json rehab = m_demo.value("rehab", json::object());
  for (const auto& a : rehab.value("appointments", json::array())) {
    auto find = m_db->prepare("SELECT slot_id FROM slots WHERE service_code=? AND org_id=? AND start=?");
    if (!find) return find.error();
    find->bind(1, a.at("service_code").get<std::string>()).bind(2, a.at("org_id").get<std::string>()).bind(3, slot_start(a));
    auto row = find->step();
    if (!row || !row.value())
      return make_error(ErrorCode::ConfigError,
                        "residents.json: rehab appointment " + a.value("appointment_id", "?") + " has no slot at its start");
    const std::string slot = find->col_text(0);
    auto book = m_db->prepare("UPDATE slots SET status='booked' WHERE slot_id=?");
    if (!book) return book.error();
    if (auto s = book->bind(1, slot).run(); !s) return s;
    auto ins = m_db->prepare("INSERT INTO appointments VALUES(?,?,?,'booked')");
    if (!ins) return ins.error();
    if (auto s = ins->bind(1, a.at("appointment_id").get<std::string>()).bind(2, slot)
                     .bind(3, a.at("subject_ref").get<std::string>()).run();
        !s)
      return s;
  }
  return Unit{};
}

json LocalGateway::rehab_plan_of(const std::string& ref) {
  const json plans = m_demo.value("rehab", json::object()).value("plans", json::object());
  json out{{"plan", plans.contains(ref) ? plans.at(ref) : json()}, {"appointments", json::array()}};
  auto st = m_db->prepare(
      "SELECT a.id, a.status, s.service_code, s.org_id, s.org, s.start, s.end_ FROM appointments a "
      "JOIN slots s ON a.slot_id = s.slot_id WHERE a.subject_ref=? AND a.status='booked' ORDER BY s.start, a.id");
  if (!st) return out;
  st->bind(1, ref);
  while (true) {
    auto r = st->step();
    if (!r || !r.value()) break;
    out["appointments"].push_back({{"appointment_id", st->col_text(0)}, {"status", st->col_text(1)},
                                   {"service_code", st->col_text(2)}, {"org_id", st->col_text(3)},
                                   {"org", st->col_text(4)}, {"start", st->col_text(5)}, {"end", st->col_text(6)}});
  }
  return out;
}

bool LocalGateway::taken_at_hold(const std::string& slot_id) {
  auto st = m_db->prepare("SELECT service_code, org_id, start FROM slots WHERE slot_id=?");
  if (!st) return false;
  st->bind(1, slot_id);
  auto r = st->step();
  if (!r || !r.value()) return false;
  for (const auto& t : m_demo.value("rehab", json::object()).value("taken_at_hold", json::array()))
    if (t.value("service_code", "") == st->col_text(0) && t.value("org_id", "") == st->col_text(1) &&
        t.value("start", "") + ":00+08:00" == st->col_text(2))
      return true;
  return false;
}

json LocalGateway::where_of(const std::string& slot_id) {
  auto st = m_db->prepare("SELECT org_id FROM slots WHERE slot_id=?");
  json out = json::object();
  if (!st) return out;
  st->bind(1, slot_id);
  auto r = st->step();
  if (!r || !r.value()) return out;
  const std::string org = st->col_text(0);
  for (const auto& f : m_demo.at("facilities"))
    if (f.value("org_id", "") == org) out["address"] = f.value("address", "");
  const json routes = m_demo.value("rehab", json::object()).value("step_free_routes", json::object());
  if (routes.contains(org)) out["step_free_route"] = routes.at(org);
  return out;
}

}  // namespace kiosk::backend
