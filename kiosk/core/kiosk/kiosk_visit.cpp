// SPDX-License-Identifier: GPL-3.0-or-later
// A personal service (subsidies, certificate, rehabilitation) needs to know whom the visit
// is for. It answers Kind::Identify; the identity service runs; when it leaves with the
// visit identified, the service that asked starts again and now sees context.visit.
#include "kiosk/core/kiosk/kiosk.h"

namespace kiosk::core {

namespace {
constexpr const char* kIdentityService = "identity";
}  // namespace

// A card goes to the service on screen. A card placed anywhere else (the attract screen
// included: it starts the visit, docs/design.md 5) opens the identity service with it.
Effects Kiosk::card(const CardEvent& event, std::int64_t now) {
  m_now = now;
  Effects out;
  const bool placed = event.kind == CardEvent::Kind::Placed;
  if (!in_session()) {
    if (!placed) return out;
    start_session(InputSource::Card, now, out);
  } else {
    m_timer.input(now);
  }
  Service* service = current_service();
  if (m_screen == Screen::Service && service) {
    apply(service->on_card(event, context()), out);
    return out;
  }
  const auto identity = service_index(kIdentityService);
  if (!placed || !identity) return out;   // no identity service: nothing reads the card
  open_service(*identity, out);
  apply(m_services[m_service]->on_card(event, context()), out);
  return out;
}

// A fresh visit of service `index`, on its first screen.
void Kiosk::open_service(std::size_t index, Effects& out) {
  m_service = index;
  if (m_services[index]->personal() && !m_visit.identified()) {
    identify_for_current(out);
    return;
  }
  m_services[index]->start();
  show(Screen::Service, out);
  apply(m_services[index]->on_open(context()), out);
}

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
  open_service(*identity, out);
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
  open_service(waiting, out);
  return true;
}

}  // namespace kiosk::core
