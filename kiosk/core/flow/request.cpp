// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/core/flow/request.h"

namespace kiosk::core {

const char* request_kind_name(RequestKind kind) { return kind == RequestKind::Live ? "live" : "application"; }

}  // namespace kiosk::core
