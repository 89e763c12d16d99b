// SPDX-License-Identifier: GPL-3.0-or-later
// Kiosk: backend round trips (flow/request.h). Requests go out as effects; answers come
// back through reply(), on the main thread; a live wait is announced after a second,
// can be cancelled with Back, and ends in the Kiosk's own timeout if nothing comes.
#include <algorithm>
#include <vector>

#include "kiosk/core/kiosk/kiosk.h"

namespace kiosk::core {

void Kiosk::issue(RequestSpec spec, const std::string& owner, const std::string& purpose, Effects& out) {
  Pending pending{m_next_request++, owner, purpose, spec.kind, m_now, false};
  out.push_back(Request{pending.id, std::move(spec)});
  m_pending.push_back(std::move(pending));
}

// Live actions: a staff call carries its need and the screen id, never personal data.
void Kiosk::request_staff(bool sign_interpreter, Effects& out) {
  const std::string purpose = sign_interpreter ? "sign_interpreter" : "staff_call";
  // One call per visit: while one is on its way, a press says so and sends nothing.
  if (m_calls_made.contains(purpose)) {
    raise(purpose + "_already", Message::of("alert." + purpose + "_already"), out);
    return;
  }
  m_calls_made.insert(purpose);
  // The "sending" alert goes first: an unreachable backend answers at once.
  raise(purpose + "_sending", Message::of("alert." + purpose + "_sending"), out);
  RequestSpec spec;
  spec.endpoint = "staff_call";
  spec.kind = RequestKind::Live;
  Value needs{Value::Array{}};
  if (sign_interpreter) needs.push("sign_language");
  spec.body.set("reason_code", sign_interpreter ? "sign_interpreter" : "assist");
  spec.body.set("needs", std::move(needs));
  spec.body.set("screen_id", m_tree.screen_id);
  issue(std::move(spec), {}, purpose, out);
}

void Kiosk::staff_call_answered(const Pending& pending, const Reply& reply, Effects& out) {
  out.push_back(SpeechRequest{SpeechControl::Interrupt});
  if (!reply.ok) m_calls_made.erase(pending.purpose);   // a failed call may be tried again
  const std::string code = pending.purpose + (reply.ok ? "_ok" : "_failed");
  raise(code, Message::of("alert." + code), out);
  if (!reply.ok) out.push_back(Earcon{"error"});
}

Effects Kiosk::reply(const Reply& reply, std::int64_t now) {
  m_now = now;
  Effects out;
  const auto it = std::find_if(m_pending.begin(), m_pending.end(), [&](const Pending& p) { return p.id == reply.id; });
  if (it == m_pending.end()) return out;   // cancelled, timed out, or from an ended session
  const Pending pending = *it;
  m_pending.erase(it);
  if (pending.notice_shown) m_status.reset();   // the "please wait" line goes with the wait
  if (pending.owner.empty()) {
    staff_call_answered(pending, reply, out);
    return out;
  }
  Service* service = current_service();
  if (m_screen != Screen::Service || !service || service->id() != pending.owner) return out;   // the resident left
  apply(service->on_reply(reply, context()), out);
  return out;
}

// Back while a live request of the service on screen is in flight: stop waiting for it.
bool Kiosk::cancel_wait(Effects& out) {
  Service* service = current_service();
  const auto it = std::find_if(m_pending.begin(), m_pending.end(), [&](const Pending& p) {
    return p.kind == RequestKind::Live && service && p.owner == service->id();
  });
  if (it == m_pending.end()) return false;
  m_pending.erase(it);
  raise("request_cancelled", Message::of("alert.request_cancelled"), out);
  return true;
}

bool Kiosk::waiting() const {
  return std::any_of(m_pending.begin(), m_pending.end(), [](const Pending& p) { return p.notice_shown; });
}

void Kiosk::tick_requests(Effects& out) {
  std::vector<std::uint64_t> expired;
  for (auto& p : m_pending) {
    if (p.kind != RequestKind::Live) continue;
    if (m_now - p.started >= kLiveTimeoutMs) {
      expired.push_back(p.id);
    } else if (!p.notice_shown && m_now - p.started >= kWaitNoticeMs) {
      p.notice_shown = true;
      raise("please_wait", Message::of("alert.please_wait"), out);
    }
  }
  for (const std::uint64_t id : expired) {
    Reply timeout;
    timeout.id = id;
    timeout.error = ReplyError{"timeout", {}, m_catalog.text(Message::of("alert.request_timeout"), m_settings.language),
                               "call_staff", {}};
    const Effects answered = reply(timeout, m_now);
    out.insert(out.end(), answered.begin(), answered.end());
  }
  if (Service* service = current_service(); service && m_screen == Screen::Service) {
    const std::int64_t deadline = service->next_deadline();
    if (deadline != kNoDeadline && m_now >= deadline) apply(service->tick(context()), out);
  }
}

std::int64_t Kiosk::next_deadline() const {
  std::int64_t next = m_timer.next_deadline();
  auto consider = [&next](std::int64_t at) {
    if (at >= 0 && (next < 0 || at < next)) next = at;
  };
  if (!in_session()) return next;
  for (const auto& p : m_pending) {
    if (p.kind != RequestKind::Live) continue;
    consider(p.notice_shown ? p.started + kLiveTimeoutMs : p.started + kWaitNoticeMs);
  }
  if (Service* service = current_service(); service && m_screen == Screen::Service) consider(service->next_deadline());
  return next;
}

}  // namespace kiosk::core
