// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/backend/api/api_types.h"

#include <array>
#include <utility>

namespace kiosk::backend {
namespace {

struct ErrorInfo {
  ErrorCode code;
  const char* name;
  const char* message;
  NextStep step;
  bool transient;
};

// Messages are short, plain and name the way forward (docs/accessibility.md: one idea a line).
constexpr std::array<ErrorInfo, 16> kErrors{{
    {ErrorCode::BackendUnreachable, "backend_unreachable",
     "暂时无法连接残联业务系统。请到人工窗口办理，或稍后再试。", NextStep::GoToWindow, true},
    {ErrorCode::Timeout, "timeout", "业务系统响应超时。请稍后再试，或到人工窗口办理。",
     NextStep::RetryLater, true},
    {ErrorCode::ServerError, "server_error", "业务系统暂时出错。请稍后再试，或到人工窗口办理。",
     NextStep::RetryLater, true},
    {ErrorCode::BadResponse, "bad_response", "业务系统返回的内容无法读取。请稍后再试，或呼叫工作人员。",
     NextStep::RetryLater, true},
    {ErrorCode::TlsFailure, "tls_failure", "本机与业务系统的安全连接失败。请呼叫工作人员。",
     NextStep::CallStaff, true},
    {ErrorCode::Conflict, "conflict", "这项请求正在处理或已被占用。请稍后再试。",
     NextStep::RetryLater, true},
    {ErrorCode::IdempotencyMismatch, "idempotency_mismatch", "这项请求与已提交的内容不一致。请呼叫工作人员。",
     NextStep::CallStaff, false},
    {ErrorCode::InvalidRequest, "invalid_request", "业务系统未受理这项请求。请到人工窗口办理。",
     NextStep::GoToWindow, false},
    {ErrorCode::NotFound, "not_found", "没有找到相关记录。请到人工窗口办理。", NextStep::GoToWindow,
     false},
    {ErrorCode::Gone, "gone", "预留已过期。请重新选择时间。", NextStep::RetryLater, false},
    {ErrorCode::Unauthorized, "unauthorized", "本机未获授权访问业务系统。请呼叫工作人员。",
     NextStep::CallStaff, false},
    {ErrorCode::OutboxFull, "outbox_full", "本机待发送的申请已满，暂时不能保存新的申请。请到人工窗口办理。",
     NextStep::GoToWindow, false},
    {ErrorCode::StorageFull, "storage_full", "本机存储空间已满，申请未能保存。请到人工窗口办理。",
     NextStep::GoToWindow, false},
    {ErrorCode::StorageError, "storage_error", "本机保存申请时出错，申请未能保存。请呼叫工作人员。",
     NextStep::CallStaff, false},
    {ErrorCode::ConfigError, "config_error", "本机配置有误。请呼叫工作人员。", NextStep::CallStaff,
     false},
    {ErrorCode::Cancelled, "cancelled", "请求已取消。", NextStep::RetryLater, false},
}};

const ErrorInfo& info(ErrorCode code) {
  for (const auto& e : kErrors)
    if (e.code == code) return e;
  return kErrors[0];
}

}  // namespace

const char* to_string(ErrorCode code) { return info(code).name; }

const char* to_string(NextStep step) {
  switch (step) {
    case NextStep::CallStaff: return "call_staff";
    case NextStep::GoToWindow: return "go_to_window";
    case NextStep::RetryLater: return "retry_later";
  }
  return "call_staff";
}

std::optional<ErrorCode> error_code_from_string(const std::string& code) {
  for (const auto& e : kErrors)
    if (code == e.name) return e.code;
  return std::nullopt;
}

std::optional<NextStep> next_step_from_string(const std::string& step) {
  if (step == "call_staff") return NextStep::CallStaff;
  if (step == "go_to_window") return NextStep::GoToWindow;
  if (step == "retry_later") return NextStep::RetryLater;
  return std::nullopt;
}

bool ApiError::transient() const { return info(code).transient; }

ApiError make_error(ErrorCode code, std::string detail, int http_status) {
  const auto& i = info(code);
  return ApiError{code, i.message, i.step, std::move(detail), http_status, {}, {}};
}

}  // namespace kiosk::backend
