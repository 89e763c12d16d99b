// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/services/identity/identity_config.h"

#include "kiosk/services/identity/identity.h"

namespace kiosk::services::identity {

std::unique_ptr<core::Service> make_identity_service(const CountyData& county,
                                                     const std::vector<std::string>& other_sections,
                                                     SetupErrors& errors) {
  (void)county;
  (void)other_sections;
  (void)errors;
  return std::make_unique<IdentityService>();
}

}  // namespace kiosk::services::identity
