// SPDX-License-Identifier: GPL-3.0-or-later
// Visits: the identity check's second factor and agents (docs/domain.md, identity).
// A visit opens with the actor's ID number and a method; an SMS method answers with a
// challenge (the code goes to the phone on file), a staff method with the staff member's
// number and PIN. Only a verified visit carries a subject_ref, and only a verified visit
// may name a resident the actor acts for. Called with m_mu held.
#include <sodium.h>

#include <set>

#include "kiosk/backend/local/local_gateway.h"
#include "kiosk/core/ui/masking.h"

namespace kiosk::backend {
namespace {

using json = nlohmann::json;

constexpr std::int64_t kCodeLifeMs = 5 * 60 * 1000;   // a code expires after 5 minutes
constexpr std::int64_t kResendGapMs = 60 * 1000;      // one resend a minute
constexpr int kCodeTries = 3;                         // then the visit's code is locked

const std::set<std::string> kSmsMethods{"id_chip_sms", "keyed_sms"};
const std::set<std::string> kStaffMethods{"id_chip_staff", "keyed_staff"};
const std::set<std::string> kRelationships{"parent",       "guardian",        "spouse",
                                           "child",        "other_relative",  "village_officer",
                                           "hall_staff",   "mother",          "father"};
const std::set<std::string> kAuthorities{"guardianship", "written_authorisation", "officer_on_request"};

std::string text_of(const json& b, const char* k) {
  auto it = b.find(k);
  return it != b.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

// A parent is recorded as mother or father; the kiosk offers "parent".
bool relationship_matches(const std::string& given, const std::string& recorded) {
  if (given == recorded) return true;
  return given == "parent" && (recorded == "mother" || recorded == "father");
}

// The name as a screen may show it (张*明): the gateway answers with it so the kiosk can
// say whom a visit is for without holding the name.
std::string masked_name(const json& person) {
  return person.is_object() ? core::mask_name(person.value("name", "")) : std::string();
}

// What the resident needs of a place they go to (wheelchair, sign_language, ...), so a
// booking starts with those ticked; [] when the record has none.
json access_needs_of(const json& person) {
  const json needs = person.is_object() ? person.value("access_needs", json::array()) : json::array();
  return needs.is_array() ? needs : json::array();
}

// A verified visit's answer: whom it is for, and what they need.
json verified_visit(const std::string& id, const std::string& ref, const json& person) {
  return {{"visit_id", id}, {"subject_ref", ref}, {"verified", true}, {"name_masked", masked_name(person)},
          {"access_needs", access_needs_of(person)}};
}

}  // namespace

void LocalGateway::set_sms_codes(SmsCodes codes, SmsSink sink) {
  std::lock_guard<std::mutex> lock(m_mu);
  m_sms_codes = codes;
  m_sms_sink = std::move(sink);
}

std::string LocalGateway::new_sms_code() {
  if (m_sms_codes == SmsCodes::Demo) return m_demo.value("sms_demo_code", "135790");
  char code[7];
  for (int i = 0; i < 6; ++i) code[i] = static_cast<char>('0' + randombytes_uniform(10));
  code[6] = '\0';
  return code;
}

json LocalGateway::find_person(const std::string& id_number) {
  auto st = m_db->prepare("SELECT data FROM subjects WHERE id_number=?");
  if (!st) return nullptr;
  st->bind(1, id_number);
  auto r = st->step();
  if (!r || !r.value()) return nullptr;
  return json::parse(st->col_text(0), nullptr, false);
}

GatewayResponse LocalGateway::open_visit(const json& b) {
  const std::string method = text_of(b, "method");
  const bool sms = kSmsMethods.count(method) > 0;
  if (!sms && !kStaffMethods.count(method))
    return problem(400, "invalid_method", "身份核验方式无效。", "call_staff");
  const json actor = find_person(text_of(b, "id_number"));
  if (actor.is_null() || actor.is_discarded())
    return problem(404, "subject_unknown", "没有找到您的登记信息。请到人工窗口办理。", "go_to_window");
  const std::string id = next_id("V");
  const std::string ref = actor.at("subject_ref").get<std::string>();
  if (!sms) {
    bool known = false;
    for (const auto& s : m_demo.value("staff", json::array()))
      known = known || (s.value("number", "") == text_of(b, "staff_number") &&
                        s.value("pin", "") == text_of(b, "staff_pin"));
    if (!known)
      return problem(403, "staff_auth_failed", "工作人员工号或密码不对。请重新输入，或请其他工作人员确认。",
                     "call_staff");
    auto ins = m_db->prepare(
        "INSERT INTO visits(id, actor_ref, method, verified) VALUES(?,?,?,1)");
    if (!ins || !ins->bind(1, id).bind(2, ref).bind(3, method).run())
      return problem(500, "storage_error", "业务系统暂时出错。", "retry_later");
    return ok(201, verified_visit(id, ref, actor));
  }
  const std::string phone = actor.value("phone", "");
  if (phone.empty())
    return problem(409, "no_phone_on_file", "没有登记手机号码，无法发送验证码。请工作人员帮您确认身份。",
                   "call_staff");
  const std::string code = new_sms_code();
  const std::int64_t now = m_now();
  auto ins = m_db->prepare(
      "INSERT INTO visits(id, actor_ref, method, phone, code, expires_ms, resend_ms, tries, verified) "
      "VALUES(?,?,?,?,?,?,?,0,0)");
  if (!ins || !ins->bind(1, id).bind(2, ref).bind(3, method).bind(4, phone).bind(5, code)
                   .bind(6, now + kCodeLifeMs).bind(7, now + kResendGapMs).run())
    return problem(500, "storage_error", "业务系统暂时出错。", "retry_later");
  if (m_sms_sink) m_sms_sink(id, phone, code);
  return ok(201, {{"visit_id", id}, {"verified", false}, {"challenge", "sms"},
                  {"phone_masked", core::mask_phone(phone)},
                  {"code_expires_at", format_rfc3339_cst(now + kCodeLifeMs)},
                  {"resend_after_s", kResendGapMs / 1000}});
}

GatewayResponse LocalGateway::verify_visit(const std::string& id, const json& b) {
  auto st = m_db->prepare("SELECT actor_ref, code, expires_ms, tries, verified FROM visits WHERE id=?");
  if (!st) return problem(500, "storage_error", "业务系统暂时出错。", "retry_later");
  st->bind(1, id);
  auto r = st->step();
  if (!r || !r.value()) return problem(404, "visit_unknown", "没有找到这次办理。请重新开始。", "retry_later");
  const std::string ref = st->col_text(0), code = st->col_text(1);
  const std::int64_t expires = st->col_int(2), tries = st->col_int(3);
  if (st->col_int(4) != 0)
    return ok(200, verified_visit(id, ref, subject(ref)));
  if (tries >= kCodeTries)
    return problem(423, "code_locked", "验证码错误次数太多，本次不能再输入。请工作人员帮您确认身份。", "call_staff");
  if (m_now() >= expires)
    return problem(410, "code_expired", "验证码已过期。请重新获取验证码。", "retry_later");
  if (text_of(b, "code") != code) {
    auto up = m_db->prepare("UPDATE visits SET tries=tries+1 WHERE id=?");
    if (up) (void)up->bind(1, id).run();
    const std::int64_t left = kCodeTries - tries - 1;
    if (left <= 0)
      return problem(423, "code_locked", "验证码错误次数太多，本次不能再输入。请工作人员帮您确认身份。",
                     "call_staff");
    GatewayResponse wrong = problem(422, "code_wrong", "验证码不对。请核对短信后重新输入。", "retry_later");
    wrong.body["tries_left"] = left;
    return wrong;
  }
  auto up = m_db->prepare("UPDATE visits SET verified=1 WHERE id=?");
  if (!up || !up->bind(1, id).run()) return problem(500, "storage_error", "业务系统暂时出错。", "retry_later");
  return ok(200, verified_visit(id, ref, subject(ref)));
}

GatewayResponse LocalGateway::resend_code(const std::string& id) {
  auto st = m_db->prepare("SELECT phone, resend_ms, tries, verified FROM visits WHERE id=? AND code IS NOT NULL");
  if (!st) return problem(500, "storage_error", "业务系统暂时出错。", "retry_later");
  st->bind(1, id);
  auto r = st->step();
  if (!r || !r.value()) return problem(404, "visit_unknown", "没有找到这次办理。请重新开始。", "retry_later");
  const std::string phone = st->col_text(0);
  const std::int64_t resend_at = st->col_int(1), now = m_now();
  if (st->col_int(2) >= kCodeTries)
    return problem(423, "code_locked", "验证码错误次数太多，本次不能再输入。请工作人员帮您确认身份。", "call_staff");
  if (now < resend_at) {
    GatewayResponse wait = problem(429, "resend_too_soon", "验证码刚刚发过，请稍等一分钟再重新获取。", "retry_later");
    wait.body["retry_after_s"] = (resend_at - now + 999) / 1000;
    return wait;
  }
  const std::string code = new_sms_code();
  auto up = m_db->prepare("UPDATE visits SET code=?, expires_ms=?, resend_ms=? WHERE id=?");
  if (!up || !up->bind(1, code).bind(2, now + kCodeLifeMs).bind(3, now + kResendGapMs).bind(4, id).run())
    return problem(500, "storage_error", "业务系统暂时出错。", "retry_later");
  if (m_sms_sink) m_sms_sink(id, phone, code);
  return ok(202, {{"visit_id", id}, {"phone_masked", core::mask_phone(phone)},
                  {"code_expires_at", format_rfc3339_cst(now + kCodeLifeMs)},
                  {"resend_after_s", kResendGapMs / 1000}});
}

GatewayResponse LocalGateway::represent(const std::string& id, const json& b) {
  auto st = m_db->prepare("SELECT actor_ref, verified FROM visits WHERE id=?");
  if (!st) return problem(500, "storage_error", "业务系统暂时出错。", "retry_later");
  st->bind(1, id);
  auto r = st->step();
  if (!r || !r.value()) return problem(404, "visit_unknown", "没有找到这次办理。请重新开始。", "retry_later");
  if (st->col_int(1) == 0)
    return problem(403, "visit_not_verified", "请先确认您本人的身份。", "retry_later");
  const std::string relationship = text_of(b, "relationship"), authority = text_of(b, "authority");
  if (!kRelationships.count(relationship) || !kAuthorities.count(authority))
    return problem(400, "invalid_relationship", "代办关系或依据无效。", "call_staff");
  const json actor = subject(st->col_text(0));
  const json resident = find_person(text_of(b, "represented_id_number"));
  if (resident.is_null() || resident.is_discarded() || !resident.contains("key"))
    return problem(404, "subject_unknown", "没有找到被代办人的登记信息。请到人工窗口办理。", "go_to_window");
  // The gateway checks the relationship against its own records, never the kiosk's word.
  const bool recorded = !actor.is_null() && actor.value("represents", "") == resident.value("key", "") &&
                        relationship_matches(relationship, actor.value("relationship", "")) &&
                        actor.value("authority", "") == authority;
  if (!recorded)
    return problem(403, "authority_unknown",
                   "没有找到您代办的记录。请带上您和被代办人的身份证、户口簿和监护或委托证明，到人工窗口办理。",
                   "go_to_window");
  auto up = m_db->prepare("UPDATE visits SET represented_ref=? WHERE id=?");
  const std::string represented = resident.at("subject_ref").get<std::string>();
  if (!up || !up->bind(1, represented).bind(2, id).run())
    return problem(500, "storage_error", "业务系统暂时出错。", "retry_later");
  return ok(200, {{"visit_id", id},
                  {"represented_subject_ref", represented},
                  {"name_masked", masked_name(resident)},
                  {"access_needs", access_needs_of(resident)},
                  {"relationship", actor.value("relationship", "")},
                  {"authority", authority},
                  {"own_application_required", resident.value("own_application_required", json::array())}});
}

}  // namespace kiosk::backend
