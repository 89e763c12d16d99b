// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/services/subsidies/subsidies.h"

#include <cstdio>
#include <utility>

namespace kiosk::services::subsidies {

using core::Message;
using core::Node;
using core::Privacy;
using core::Role;
using core::ServiceOutcome;
using Kind = core::ServiceOutcome::Kind;

namespace {

// The states whose stop reason says why and what to do.
bool stopped(const std::string& status) { return status == "stopped" || status == "suspended"; }

}  // namespace

std::string money(long long fen) {
  char text[48];
  std::snprintf(text, sizeof text, "%lld.%02lld元", fen / 100, (fen < 0 ? -fen : fen) % 100);
  return text;
}

std::string date_words(const std::string& iso, const std::string& language) {
  int year = 0, month = 0, day = 0;
  const int parts = std::sscanf(iso.c_str(), "%4d-%2d-%2d", &year, &month, &day);
  if (language == "en" || parts < 2) return iso;
  std::string out = std::to_string(year) + "年" + std::to_string(month) + "月";
  if (parts == 3) out += std::to_string(day) + "日";
  return out;
}

void SubsidiesService::reset() {
  m_state = State::Loading;
  m_apply.reset();
  m_answer = {};
  m_data_as_of.clear();
  m_failure = {};
  m_resident_ref.clear();
}

ServiceOutcome SubsidiesService::on_open(const core::ServiceContext& context) {
  m_resident_ref = context.visit.resident_ref();   // an opaque reference, never an ID number
  return query(Kind::Stay);
}

ServiceOutcome SubsidiesService::query(Kind kind) {
  m_state = State::Loading;
  core::RequestSpec spec = core::RequestSpec::live("subsidies");
  spec.path["ref"] = m_resident_ref;
  return ServiceOutcome::asking(std::move(spec), kind, kind == Kind::Stay ? "" : "subsidy_status.loading");
}

ServiceOutcome SubsidiesService::back() {
  if (m_state != State::Applying) return ServiceOutcome::of(Kind::Leave);
  return from_application(m_apply.back());
}

// The application's own outcome, except that its Leave comes back to the status, asked
// again (a new application shows there as submitted).
ServiceOutcome SubsidiesService::from_application(ServiceOutcome outcome) {
  if (outcome.kind != Kind::Leave) return outcome;
  m_apply.reset();
  ServiceOutcome back = query(Kind::NewScreen);
  back.alert = outcome.alert;
  return back;
}

ServiceOutcome SubsidiesService::on_reply(const core::Reply& reply, const core::ServiceContext& context) {
  if (m_state == State::Applying) return from_application(m_apply.on_reply(reply, context));
  if (!reply.ok) {
    m_state = State::Failed;
    const core::Alert alert = core::failure_alert(reply.error);
    m_failure = alert.text;
    ServiceOutcome outcome = ServiceOutcome::of(Kind::Rebuild, "subsidy_status.retry");
    outcome.alert = alert;
    return outcome;
  }
  m_state = State::Shown;
  m_answer = reply.data;
  m_data_as_of = reply.data_as_of;
  return ServiceOutcome::of(Kind::Rebuild, "subsidy_status.data_as_of");
}

ServiceOutcome SubsidiesService::activate(const std::string& node_id, const core::ServiceContext& context) {
  if (m_state == State::Applying) return from_application(m_apply.activate(node_id, context));
  if (node_id == "subsidy_status.home") return ServiceOutcome::of(Kind::Leave);
  if (node_id == "subsidy_status.retry") return query(Kind::Rebuild);
  if (node_id.ends_with(".renew_certificate")) {   // the payment waits for a new card
    ServiceOutcome outcome = ServiceOutcome::of(Kind::Open);
    outcome.service = "certificate";
    return outcome;
  }
  constexpr std::string_view kPrefix = "subsidy_status.", kSuffix = ".apply_start";
  if (node_id.starts_with(kPrefix) && node_id.ends_with(kSuffix)) {
    const std::string programme = node_id.substr(kPrefix.size(), node_id.size() - kPrefix.size() - kSuffix.size());
    // The gateway marked it 本人申请: an agent is told why, and how the resident applies.
    if (context.visit.needs_own_application("subsidy_application")) {
      ServiceOutcome outcome;
      outcome.alert = core::Alert{"own_application_required", with_contacts("subsidy_status.own_application", context.settings.language)};
      return outcome;
    }
    m_apply.begin(apply_offer(m_answer), programme);
    m_state = State::Applying;
    return ServiceOutcome::of(Kind::NewScreen, "subsidy_apply_programme." + programme);
  }
  if (node_id == "subsidy_status.speaker") {
    ServiceOutcome outcome = ServiceOutcome::of(Kind::Rebuild, "subsidy_status.data_as_of");
    outcome.speaker_consent = true;
    return outcome;
  }
  return {};
}

Message SubsidiesService::with_contacts(std::string id, const std::string& language) const {
  Message message = Message::of(std::move(id));
  message.arg("window", m_county.window.in(language)).arg("hotline", m_county.hotline);
  return message;
}

core::Tree SubsidiesService::build(const core::ServiceContext& context) const {
  if (m_state == State::Applying) return m_apply.build(m_county, context);
  const std::string& lang = context.settings.language;
  core::Tree tree{"subsidy_status", Message::of("subsidy_status.title"), Message::of("subsidy_status.prompt"), {}};
  if (m_state == State::Loading) {
    Node loading = core::make_node("subsidy_status.loading", Role::Status, Message::of("subsidy_status.loading"));
    loading.state.busy = true;
    tree.nodes.push_back(std::move(loading));
  } else if (m_state == State::Failed) {
    tree.nodes.push_back(core::make_node("subsidy_status.failed", Role::Text, m_failure));
    tree.nodes.push_back(core::make_node("subsidy_status.retry", Role::Button, Message::of("subsidy_status.retry")));
  } else {
    Message as_of = Message::of("subsidy_status.data_as_of");
    as_of.arg("date", date_words(m_data_as_of.substr(0, 10), lang));
    tree.nodes.push_back(core::make_node("subsidy_status.data_as_of", Role::Text, std::move(as_of)));
    for (const core::Value& entry : m_answer["entitlements"].as_array()) add_case(entry, lang, tree);
    if (!context.headset && !context.speaker_consent)
      tree.nodes.push_back(core::make_node("subsidy_status.speaker", Role::Button, Message::of("subsidy_status.speaker")));
  }
  tree.nodes.push_back(core::make_node("subsidy_status.home", Role::Button, Message::of("subsidy_status.home")));
  return tree;
}

// One programme: its name, then what the resident most needs first (the state, and why
// not), then the money, then what comes next.
void SubsidiesService::add_case(const core::Value& entry, const std::string& lang, core::Tree& tree) const {
  const std::string programme = entry.string_at("programme");
  const std::string status = entry.string_at("status");
  const std::string prefix = "subsidy_status." + programme;
  tree.nodes.push_back(core::make_node(prefix, Role::Heading, Message::text(m_county.programme(programme).name.in(lang))));
  Message state = with_contacts("subsidy.state." + status, lang);
  state.arg("date", date_words(entry.string_at("first_payment"), lang));
  tree.nodes.push_back(core::make_node(prefix + ".state", Role::Text, std::move(state), {}, Privacy::Personal));
  if (stopped(status) && !entry.string_at("stop_reason").empty()) {
    tree.nodes.push_back(core::make_node(prefix + ".reason", Role::Text, with_contacts("subsidy.stop." + entry.string_at("stop_reason"), lang),
                              {}, Privacy::Personal));
    if (entry.string_at("stop_reason") == "cert_expired")   // the way forward, one touch away
      tree.nodes.push_back(core::make_node(prefix + ".renew_certificate", Role::Button,
                                           Message::of("subsidy_status.renew_certificate")));
  }
  if (status == "rejected") {
    const std::string why = entry.string_at("reject_reason") == "grade_not_eligible" ? "grade_not_eligible" : "other";
    tree.nodes.push_back(core::make_node(prefix + ".reason", Role::Text, with_contacts("subsidy.reject." + why, lang), {}, Privacy::Personal));
  }
  if (const core::Value& chain = entry["review_chain"]; chain.is_object()) {
    int step = 1;
    for (const core::Value& stage : chain["stages"].as_array()) {
      if (stage.as_string() == chain.string_at("stage")) break;
      ++step;
    }
    Message where = Message::of("subsidy_status.chain");
    where.arg("step", std::to_string(step)).arg("days", std::to_string(chain["typical_working_days_left"].as_int()));
    tree.nodes.push_back(core::make_node(prefix + ".chain", Role::Text, std::move(where), {}, Privacy::Personal));
  }
  if (const auto monthly = entry["monthly_amount_fen"].as_int(); monthly > 0)
    tree.nodes.push_back(core::make_node(prefix + ".monthly", Role::Text, Message::of("subsidy_status.monthly").arg("amount", money(monthly)),
                              {}, Privacy::Personal));
  add_payments(entry, prefix, lang, tree);
  if (const std::string due = entry.string_at("next_review_due"); !due.empty()) {
    std::string items;
    for (const core::Value& item : entry["review_brings"].as_array()) items += (items.empty() ? "" : "、") + item.as_string();
    Message review = Message::of("subsidy_status.next_review");
    review.arg("date", date_words(due, lang)).arg("items", items).arg("months", std::to_string(m_county.review_cycle_months));
    tree.nodes.push_back(core::make_node(prefix + ".review", Role::Text, std::move(review), {}, Privacy::Personal));
  }
  add_application(entry, prefix, lang, tree);
  std::string office = entry.string_at("paying_office");
  if (office.empty()) office = m_county.paying_office.in(lang);
  if (status != "not_applied")
    tree.nodes.push_back(core::make_node(prefix + ".office", Role::Text, Message::of("subsidy_status.paying_office").arg("office", office)));
}

// Whether the resident may apply, in the gateway's words, and the way in when they may;
// for a case the kiosk sent, its reference and the county that decides it.
void SubsidiesService::add_application(const core::Value& entry, const std::string& prefix, const std::string& lang,
                                       core::Tree& tree) const {
  if (const std::string reference = entry.string_at("client_reference"); !reference.empty())
    tree.nodes.push_back(core::make_node(prefix + ".reference", Role::Text, Message::of("subsidy_status.reference").arg("reference", reference)));
  if (const std::string routed = entry.string_at("routed_to"); !routed.empty() && routed != m_county.region_code) {
    const auto it = m_county.regions.find(routed);
    const std::string county = it == m_county.regions.end() ? std::string{} : it->second.in(lang);
    tree.nodes.push_back(core::make_node(prefix + ".routed", Role::Text,
                                         county.empty() ? Message::of("subsidy_status.routed_hukou") : Message::of("subsidy_status.routed").arg("county", county),
                                         {}, Privacy::Personal));
  }
  const bool may = entry["may_apply"].as_bool();
  if (entry.string_at("status") == "not_applied" || may) {
    Message apply = may ? Message::of("subsidy_status.may_apply") : Message::of("subsidy_status.may_not_apply");
    for (const core::Value& reason : entry["apply_reasons"].as_array())
      if (!reason.string_at("text").empty()) apply = Message::text(reason.string_at("text"));
    tree.nodes.push_back(core::make_node(prefix + ".apply", Role::Text, std::move(apply), {}, Privacy::Personal));
  }
  if (may) {
    const std::string name = m_county.programme(entry.string_at("programme")).name.in(lang);
    tree.nodes.push_back(core::make_node(prefix + ".apply_start", Role::Button, Message::of("subsidy_status.apply_start").arg("name", name),
                                         Message::of("subsidy_status.apply_start.hint")));
  }
}

// The last payments, newest first: a list that pages like any long content.
void SubsidiesService::add_payments(const core::Value& entry, const std::string& prefix, const std::string& lang,
                                    core::Tree& tree) const {
  for (const core::Value& payment : entry["payments"].as_array()) {
    std::string account = payment.string_at("account_masked");
    if (const auto stars = account.find_last_of('*'); stars != std::string::npos) account = account.substr(stars + 1);
    Message line = Message::of("subsidy_status.payment");
    line.arg("month", date_words(payment.string_at("period"), lang))
        .arg("amount", money(payment["amount_fen"].as_int()))
        .arg("date", date_words(payment.string_at("paid_on"), lang))
        .arg("account", account);
    tree.nodes.push_back(core::make_node(prefix + ".payment." + payment.string_at("period"), Role::Text, std::move(line),
                              {}, Privacy::Personal));
  }
}

}  // namespace kiosk::services::subsidies
