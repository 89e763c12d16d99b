// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/services/devices/devices.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

namespace kiosk::services::devices {

using core::ServiceOutcome;
using Kind = core::ServiceOutcome::Kind;

namespace {

constexpr std::array<std::string_view, 11> kStates{"applied",  "village_review", "township_review", "assessment_booked",
                                                   "assessed", "county_approved", "fitting",        "delivered",
                                                   "follow_up", "closed",         "returned"};
constexpr std::array<std::string_view, 3> kRequests{"new", "repair", "rental"};

bool is_date(const std::string& s) {
  return s.size() == 10 && s[4] == '-' && s[7] == '-' &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
}

bool known_request(const std::string& s) { return std::find(kRequests.begin(), kRequests.end(), s) != kRequests.end(); }

}  // namespace

const Device* Catalogue::find(const std::string& code) const {
  for (const Device& d : devices)
    if (d.code == code) return &d;
  return nullptr;
}

const Verdict* Record::verdict(const std::string& code) const {
  for (const Verdict& v : eligibility)
    if (v.code == code) return &v;
  return nullptr;
}

bool Record::holds(const std::string& code) const {
  return std::any_of(held.begin(), held.end(), [&](const Held& h) { return h.code == code; });
}

bool known_device_state(const std::string& status) {
  return std::find(kStates.begin(), kStates.end(), status) != kStates.end();
}

std::string request_name(DevicesService::Request request) {
  return std::string(kRequests[static_cast<std::size_t>(request)]);
}

std::optional<Record> decode_record(const core::Value& data) {
  Record record;
  if (!data.is_object() || !data["held"].is_array() || !data["applications"].is_array() ||
      !data["eligibility"].is_array())
    return std::nullopt;
  for (const core::Value& h : data["held"].as_array()) {
    Held held{h.string_at("code"), h.string_at("since"), h.string_at("replace_from")};
    if (held.code.empty() || !is_date(held.since) || (!held.replace_from.empty() && !is_date(held.replace_from)))
      return std::nullopt;
    record.held.push_back(std::move(held));
  }
  for (const core::Value& a : data["applications"].as_array()) {
    Application app{a.string_at("application_id"), a.string_at("code"), a.string_at("request_type"), a.string_at("status"),
                    a.string_at("updated_on")};
    if (app.id.empty() || app.code.empty() || !known_request(app.request_type) || !known_device_state(app.status))
      return std::nullopt;
    record.applications.push_back(std::move(app));
  }
  for (const core::Value& v : data["eligibility"].as_array()) {
    if (!v["may_apply"].is_bool() || v.string_at("code").empty()) return std::nullopt;
    Verdict verdict{v.string_at("code"), v["may_apply"].as_bool(), v.string_at("not_before"), v.string_at("message")};
    if (!verdict.may_apply && !is_date(verdict.not_before)) return std::nullopt;
    record.eligibility.push_back(std::move(verdict));
  }
  return record;
}

void DevicesService::reset() {
  m_step = Step::Status;
  m_state = State::Loading;
  m_record = {};
  m_data_as_of.clear();
  m_failure = {};
  m_request = Request::New;
  m_code.clear();
  m_reference.clear();
  m_sending = false;
}

ServiceOutcome DevicesService::on_open(const core::ServiceContext& context) {
  core::RequestSpec spec = core::RequestSpec::live("assistive_devices");
  spec.query.emplace_back("subject_ref", context.visit.resident_ref());   // opaque, never an ID number
  return ServiceOutcome::asking(std::move(spec));
}

ServiceOutcome DevicesService::on_reply(const core::Reply& reply, const core::ServiceContext& context) {
  (void)context;
  if (m_sending) {   // the application: stored in the outbox, or not
    m_sending = false;
    if (!reply.ok) {
      ServiceOutcome outcome = ServiceOutcome::of(Kind::Rebuild, "device_apply_summary.confirm");
      outcome.alert = core::failure_alert(reply.error);
      return outcome;
    }
    m_reference = reply.reference;
    m_step = Step::Receipt;
    return ServiceOutcome::of(Kind::NewScreen, "device_apply_receipt.reference");
  }
  std::optional<Record> record = reply.ok ? decode_record(reply.data) : std::nullopt;
  if (!record) {
    m_state = State::Failed;
    core::ReplyError error = reply.error;
    if (reply.ok) error = core::ReplyError{"bad_response", {}, {}, "go_to_window", {}};
    const core::Alert alert = core::failure_alert(error);
    m_failure = alert.text;
    ServiceOutcome outcome = ServiceOutcome::of(Kind::Rebuild, "devices.retry");
    outcome.alert = alert;
    return outcome;
  }
  m_state = State::Shown;
  m_record = std::move(*record);
  m_data_as_of = reply.data_as_of;
  return ServiceOutcome::of(Kind::Rebuild, "devices.data_as_of");
}

std::vector<const Device*> DevicesService::choices() const {
  std::vector<const Device*> out;
  for (const Device& d : m_catalogue.devices) {
    if (m_request == Request::Rental && !d.rental) continue;
    // Without the gateway's answer the devices held are unknown: any repairable one.
    if (m_request == Request::Repair && !(d.repair && (m_state != State::Shown || m_record.holds(d.code)))) continue;
    out.push_back(&d);
  }
  return out;
}

// A device chosen: the gateway's verdict decides whether a new one may be had now.
ServiceOutcome DevicesService::choose(const std::string& code) {
  if (!m_catalogue.find(code)) return {};
  m_code = code;
  const Verdict* verdict = m_record.verdict(code);
  if (m_request == Request::New && verdict && !verdict->may_apply) {
    m_step = Step::Refused;
    return ServiceOutcome::of(Kind::NewScreen, "device_apply_refused.reason");
  }
  m_step = Step::Summary;
  return ServiceOutcome::of(Kind::NewScreen, "device_apply_summary.what");
}

ServiceOutcome DevicesService::submit(const core::ServiceContext& context) {
  if (m_sending) return {};
  const core::Visit& visit = context.visit;
  core::Value body;
  body.set("subject_ref", visit.resident_ref())
      .set("device_code", m_code)
      .set("request_type", request_name(m_request))
      .set("applicant_role", visit.for_someone_else() ? (visit.relationship == "parent" || visit.relationship == "guardian"
                                                             ? "guardian"
                                                             : "agent")
                                                      : "self");
  core::RequestSpec spec = core::RequestSpec::application("assistive_device_application", std::move(body));
  m_sending = true;
  return ServiceOutcome::asking(std::move(spec));
}

ServiceOutcome DevicesService::activate(const std::string& node_id, const core::ServiceContext& context) {
  auto open_choose = [&](Request request) {
    m_request = request;
    m_step = Step::Choose;
    const auto list = choices();
    return ServiceOutcome::of(Kind::NewScreen, list.empty() ? "device_apply_choose.back" : "device_apply_choose." + list.front()->code);
  };
  if (node_id == "devices.home" || node_id == "device_apply_receipt.home") return ServiceOutcome::of(Kind::Leave);
  if (node_id == "devices.retry") {
    m_state = State::Loading;
    ServiceOutcome outcome = on_open(context);
    outcome.kind = Kind::Rebuild;
    return outcome;
  }
  if (node_id == "devices.speaker") {
    ServiceOutcome outcome = ServiceOutcome::of(Kind::Rebuild, "devices.data_as_of");
    outcome.speaker_consent = true;
    return outcome;
  }
  if (node_id == "devices.apply") return open_choose(Request::New);
  if (node_id == "devices.repair" || node_id == "device_apply_refused.repair") return open_choose(Request::Repair);
  if (node_id == "devices.rental") return open_choose(Request::Rental);
  if (node_id == "device_apply_summary.confirm") return submit(context);
  if (node_id == "device_apply_choose.back" || node_id == "device_apply_refused.back" ||
      node_id == "device_apply_summary.change")
    return back();
  if (node_id == "device_apply_receipt.status") {   // the status again, with the new application in it
    m_step = Step::Status;
    m_state = State::Loading;
    ServiceOutcome outcome = on_open(context);
    outcome.kind = Kind::NewScreen;
    outcome.focus = "devices.loading";
    return outcome;
  }
  constexpr std::string_view kChoose = "device_apply_choose.";
  if (m_step == Step::Choose && node_id.starts_with(kChoose)) return choose(node_id.substr(kChoose.size()));
  return {};
}

ServiceOutcome DevicesService::back() {
  switch (m_step) {
    case Step::Status: return ServiceOutcome::of(Kind::Leave);
    case Step::Choose:
      m_step = Step::Status;
      return ServiceOutcome::of(Kind::NewScreen, m_request == Request::New      ? "devices.apply"
                                                 : m_request == Request::Repair ? "devices.repair"
                                                                                : "devices.rental");
    case Step::Refused:
    case Step::Summary:
      if (m_sending) return {};
      m_step = Step::Choose;
      return ServiceOutcome::of(Kind::NewScreen, "device_apply_choose." + m_code);
    case Step::Receipt: return ServiceOutcome::of(Kind::Leave);   // stored: nothing to undo
  }
  return ServiceOutcome::of(Kind::Leave);
}

}  // namespace kiosk::services::devices
