// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// 康复服务: what the resident the visit is for can get (GET /v1/rehab/services, live), each
// service eligible or not with the gateway's reasons in plain words, and the resident's
// plan (一人一案): institution, service, visits used and left, the booked appointments,
// the next one first. Sessions are booked, moved and cancelled through the slot flow
// (kiosk/services/booking/slot_flow.h), which this service embeds. The kiosk never
// decides eligibility. Mental-health services are named by the discreet label 健康支持
// everywhere (the message rehab.service.precision_rehab_mental_community).
//
// Screens (stable ids, docs/design.md): rehab, rehab_plan, and the slot flow's booking_*.
// Everything about the resident is personal (headset, or the speaker after consent).
#include <string>
#include <vector>

#include "kiosk/core/flow/service.h"
#include "kiosk/services/booking/slot_flow.h"

namespace kiosk::services::rehab {

// The federation's window in both languages: where to ask when a service is not offered.
struct Window {
  std::string zh;
  std::string en;
};

// Sessions of these services are booked at the kiosk; assistive devices and children's aid
// are applied for in their own services.
bool bookable(const std::string& service_code);

class RehabService final : public core::Service {
 public:
  explicit RehabService(Window window) : m_window(std::move(window)) {}

  std::string id() const override { return "rehab"; }
  bool personal() const override { return true; }
  core::ServiceOutcome on_open(const core::ServiceContext& context) override;
  core::Tree build(const core::ServiceContext& context) const override;
  core::ServiceOutcome activate(const std::string& node_id, const core::ServiceContext& context) override;
  core::ServiceOutcome on_reply(const core::Reply& reply, const core::ServiceContext& context) override;
  core::ServiceOutcome on_input(const core::ServiceContext& context) override;
  std::int64_t next_deadline() const override { return m_flow.next_deadline(); }
  core::ServiceOutcome tick(const core::ServiceContext& context) override;
  core::ServiceOutcome back() override;
  void reset() override;

 private:
  enum class Screen { Services, Plan };
  enum class State { Loading, Shown, Failed };
  struct Booking {
    std::string appointment_id, service_code, org, start, end;
  };

  core::ServiceOutcome query(core::ServiceOutcome outcome);
  core::ServiceOutcome from_flow(core::ServiceOutcome outcome);
  core::ServiceOutcome book(const std::string& service_code, const Booking* moving, const core::ServiceContext& context);
  const Booking* booking(const std::string& appointment_id) const;
  core::Message service_name(const std::string& service_code, const core::ServiceContext& context) const;
  void build_services(core::Tree& tree, const core::ServiceContext& context) const;
  void build_plan(core::Tree& tree, const core::ServiceContext& context) const;

  Window m_window;
  std::string m_ref;                 // the resident's opaque subject_ref (from the visit)
  Screen m_screen = Screen::Services;
  State m_state = State::Loading;
  core::Value m_answer;              // the gateway's answer, for this visit only
  std::vector<Booking> m_bookings;   // booked appointments, by start
  core::Message m_failure;
  booking::SlotFlow m_flow;
};

}  // namespace kiosk::services::rehab
