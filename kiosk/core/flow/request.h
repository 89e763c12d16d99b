// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Typed backend round trips. A service (or the Kiosk itself, for staff calls) asks for a
// RequestSpec; the Kiosk numbers it and emits a Request effect; the app sends it through
// the FederationApi and feeds the answer back as a Reply (Kiosk::reply), on the main
// thread, which reaches the asker's Service::on_reply.
//
//   live         status queries, slot searches, holds, bookings, staff calls, visits:
//                needs the gateway now; fails at once when it is unreachable, with the
//                way forward. After 1 s the screen shows and says "请稍候"; Back cancels
//                the wait; after kLiveTimeoutMs the Kiosk answers with `timeout` itself.
//   application  through the outbox: stored is success for the resident, who gets the
//                local reference number (Reply::reference); delivery happens later.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/core/flow/value.h"

namespace kiosk::core {

enum class RequestKind { Live, Application };
const char* request_kind_name(RequestKind kind);   // "live" | "application"

// The Kiosk's own limit for a live answer: a little over the backend's 10 s total budget,
// so the backend's own timeout normally answers first.
inline constexpr std::int64_t kLiveTimeoutMs = 12'000;
// How long a live request may take before the resident is told to wait.
inline constexpr std::int64_t kWaitNoticeMs = 1'000;

struct RequestSpec {
  std::string endpoint;                                   // route name, e.g. "staff_call" (docs/openapi.yaml)
  RequestKind kind = RequestKind::Live;
  std::map<std::string, std::string> path;                // path parameters: opaque references only
  std::vector<std::pair<std::string, std::string>> query; // opaque references and codes only
  Value body;                                             // null for GET
  bool operator==(const RequestSpec&) const = default;

  // A live round trip to the route `endpoint`; the caller adds its parameters.
  static RequestSpec live(std::string endpoint);
  // An application to the route `endpoint` through the outbox, carrying `body`.
  static RequestSpec application(std::string endpoint, Value body);
};

// The effect: send spec; answer with Kiosk::reply(Reply{id, ...}).
struct Request {
  std::uint64_t id = 0;
  RequestSpec spec;
};

// What the resident can be told when a request failed. code is the kiosk's stable error
// code (backend_unreachable, timeout, server_error, bad_response, conflict, not_found,
// gone, invalid_request, outbox_full, storage_full, cancelled, ...); problem_code is the
// gateway's own (e.g. "slot_taken"), empty without a problem+json answer. message is a
// plain Chinese sentence from the gateway or the kiosk; next_step: call_staff |
// go_to_window | retry_later. None of them holds personal data.
struct ReplyError {
  std::string code;
  std::string problem_code;
  std::string message;
  std::string next_step;
  Value problem;                                          // the problem body's extra members
};

struct Reply {
  std::uint64_t id = 0;
  bool ok = false;
  int status = 0;                 // HTTP status; 0 without an HTTP answer
  Value data;                     // the answer's body (live)
  std::string data_as_of;         // the gateway's "data_as_of", when it sent one
  std::string reference;          // application: the local reference number told to the resident
  ReplyError error;               // when !ok
};

}  // namespace kiosk::core
