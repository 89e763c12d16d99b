// SPDX-License-Identifier: GPL-3.0-or-later
// A personal service (subsidies, certificate, rehabilitation) needs to know whom the visit
// is for. It answers Kind::Identify; the identity service runs; when it leaves with the
// visit identified, the service that asked starts again and now sees context.visit.
#include "kiosk/core/kiosk.h"

namespace kiosk::core {

namespace {
constexpr const char* kIdentityService = "identity";
}  // namespace

std::optional<std::size_t> Kiosk::service_index(const std::string& id) const {
  for (std::size_t i = 0; i < m_services.size(); ++i)
    if (m_services[i]->id() == id) return i;
  return std::nullopt;
}

void Kiosk::identify_for_current(Effects& out) {
  const auto identity = service_index(kIdentityService);
  if (!identity) {   // a hall without the identity service: the counter can help
    raise("identity_unavailable", Message::of("alert.identity_unavailable"), out);
    return;
  }
  m_resume_after_identity = m_service;
  m_service = *identity;
  m_services[m_service]->start();
  show(Screen::Service, out);
}

// The identity service left. Returns false when no other service was waiting for it
// (the resident chose identity from the home menu): then the usual way home.
bool Kiosk::leave_identity(Effects& out) {
  if (!m_resume_after_identity || current_service()->id() != kIdentityService) return false;
  const std::size_t waiting = *m_resume_after_identity;
  m_resume_after_identity.reset();
  m_service = waiting;
  if (!m_visit.identified()) {   // the resident backed out: home, on the service they chose
    show(Screen::Home, out, "home." + m_services[waiting]->id());
    return true;
  }
  m_services[waiting]->start();
  show(Screen::Service, out);
  return true;
}

}  // namespace kiosk::core
