// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The loader of the county's certificate data ([certificate] in
// config/deployments/<county>.toml, schema in config/deployments/README.md; the data are
// CertificateConfig in certificate.h). Main thread, start-up only; every problem is
// reported as file:line (exit 2).
#include <memory>
#include <string>
#include <vector>

#include "kiosk/services/certificate/certificate.h"
#include "kiosk/services/service_table.h"

namespace kiosk::services::certificate {

// Reads [certificate] and the header texts it needs; problems go to errors.
CertificateConfig read_certificate_config(const CountyData& county, SetupErrors& errors);

std::unique_ptr<core::Service> make_certificate_service(const CountyData& county,
                                                        const std::vector<std::string>& other_sections,
                                                        SetupErrors& errors);

}  // namespace kiosk::services::certificate
