// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "辅助器具": assistive devices (docs/domain.md 3.3) for the resident the visit is for. The
// county's catalogue (from its profile: each device with the subsidy standard and service
// life), the devices the resident holds and earlier applications in DOMAIN's device states
// (GET /v1/assistive-devices?subject_ref=, live), and three requests through the outbox
// (POST /v1/assistive-device-applications): a new device, a repair of one held, a rental.
// Whether a new device may be had again within its service life is the gateway's answer,
// said with the date it becomes possible; the kiosk never decides it.
//
// Screens (stable ids, docs/design.md): devices (status and the three requests),
// device_apply_choose (the catalogue, for the request chosen), device_apply_refused (the
// gateway's "not before" answer), device_apply_summary (confirm), device_apply_receipt
// (the reference number). What the resident holds and asked for is personal.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/flow/service.h"
#include "kiosk/services/entitlements/entitlements.h"

namespace kiosk::services::devices {

using Text = entitlements::Text;

// One device of the county's catalogue.
struct Device {
  std::string code;          // the gateway's code, e.g. wheelchair_standard
  Text name;
  long long subsidy_fen = 0; // the subsidy standard (cap), fen
  int life_years = 0;        // service life: no new one within it
  bool rental = false;       // may be rented
  bool repair = true;        // repairs are subsidised
};

struct Catalogue {
  std::vector<Device> devices;   // in the profile's order
  const Device* find(const std::string& code) const;
};

// The gateway's answer about one resident, decoded and checked.
struct Held { std::string code, since, replace_from; };
struct Application { std::string id, code, request_type, status, updated_on; };
struct Verdict { std::string code; bool may_apply = true; std::string not_before, message; };
struct Record {
  std::vector<Held> held;
  std::vector<Application> applications;
  std::vector<Verdict> eligibility;
  const Verdict* verdict(const std::string& code) const;
  bool holds(const std::string& code) const;
};

// The device states of docs/domain.md, in order.
bool known_device_state(const std::string& status);
// nullopt when the answer is not what docs/openapi.yaml says (a missing code, a state the
// kiosk does not know, ...): the resident is told it could not be read.
std::optional<Record> decode_record(const core::Value& data);

class DevicesService final : public core::Service {
 public:
  enum class Request { New, Repair, Rental };

  explicit DevicesService(Catalogue catalogue) : m_catalogue(std::move(catalogue)) {}

  std::string id() const override { return "devices"; }
  bool personal() const override { return true; }
  core::ServiceOutcome on_open(const core::ServiceContext& context) override;
  core::Tree build(const core::ServiceContext& context) const override;
  core::ServiceOutcome activate(const std::string& node_id, const core::ServiceContext& context) override;
  core::ServiceOutcome on_reply(const core::Reply& reply, const core::ServiceContext& context) override;
  core::ServiceOutcome back() override;
  void reset() override;

  const Catalogue& catalogue() const { return m_catalogue; }

 private:
  enum class Step { Status, Choose, Refused, Summary, Receipt };
  enum class State { Loading, Shown, Failed };
  core::ServiceOutcome choose(const std::string& code);
  core::ServiceOutcome submit(const core::ServiceContext& context);
  std::vector<const Device*> choices() const;
  core::Tree build_status(const core::ServiceContext& context) const;
  core::Tree build_choose(const core::ServiceContext& context) const;
  core::Tree build_refused(const core::ServiceContext& context) const;
  core::Tree build_summary(const core::ServiceContext& context) const;
  core::Tree build_receipt(const core::ServiceContext& context) const;
  std::string device_name(const std::string& code, const std::string& language) const;

  Catalogue m_catalogue;
  Step m_step = Step::Status;
  State m_state = State::Loading;
  Record m_record;               // this visit only
  std::string m_data_as_of;
  core::Message m_failure;
  Request m_request = Request::New;
  std::string m_code;            // the device chosen
  std::string m_reference;       // the outbox's reference number
  bool m_sending = false;
};

std::string request_name(DevicesService::Request request);   // new | repair | rental

}  // namespace kiosk::services::devices
