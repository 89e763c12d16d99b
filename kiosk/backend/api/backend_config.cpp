// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/backend/api/backend_config.h"

#include <chrono>
#include <filesystem>
#include <set>

namespace kiosk::backend {

std::int64_t system_now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

namespace {

std::string resolve(const std::string& base, const std::string& p) {
  if (p.empty() || base.empty() || std::filesystem::path(p).is_absolute()) return p;
  return (std::filesystem::path(base) / p).lexically_normal().string();
}

}  // namespace

Result<BackendConfig> parse_backend_config(const toml::table& t, const std::string& base_dir) {
  static const std::set<std::string> kKeys{
      "kind", "base_url", "ca_file", "client_cert", "client_key", "connect_timeout_ms",
      "total_timeout_ms", "max_retries", "retry_base_ms", "demo_data_dir", "outbox_path",
      "outbox_key_file", "outbox_key_policy", "outbox_max_items", "outbox_warn_percent",
      "outbox_staff_alarm_hours", "outbox_stop_after_days", "sender_backoff_initial_ms",
      "sender_backoff_max_ms", "terminal_id"};
  for (const auto& [k, v] : t) {
    if (!kKeys.count(std::string(k.str())))
      return make_error(ErrorCode::ConfigError, "[backend]: unknown key " + std::string(k.str()));
  }
  BackendConfig c;
  auto kind = t["kind"].value_or(std::string("local"));
  if (kind == "local") c.kind = BackendKind::Local;
  else if (kind == "http") c.kind = BackendKind::Http;
  else return make_error(ErrorCode::ConfigError, "[backend] kind must be \"local\" or \"http\"");
  c.base_url = t["base_url"].value_or(c.base_url);
  c.ca_file = resolve(base_dir, t["ca_file"].value_or(c.ca_file));
  c.client_cert = resolve(base_dir, t["client_cert"].value_or(c.client_cert));
  c.client_key = resolve(base_dir, t["client_key"].value_or(c.client_key));
  c.connect_timeout_ms = t["connect_timeout_ms"].value_or(c.connect_timeout_ms);
  c.total_timeout_ms = t["total_timeout_ms"].value_or(c.total_timeout_ms);
  c.max_retries = t["max_retries"].value_or(c.max_retries);
  c.retry_base_ms = t["retry_base_ms"].value_or(c.retry_base_ms);
  c.demo_data_dir = resolve(base_dir, t["demo_data_dir"].value_or(c.demo_data_dir));
  c.outbox_path = resolve(base_dir, t["outbox_path"].value_or(c.outbox_path));
  c.outbox_key_file = resolve(base_dir, t["outbox_key_file"].value_or(c.outbox_key_file));
  auto policy = t["outbox_key_policy"].value_or(std::string("require_existing"));
  if (policy == "create_if_missing") c.key_policy = KeyFilePolicy::CreateIfMissing;
  else if (policy == "require_existing") c.key_policy = KeyFilePolicy::RequireExisting;
  else return make_error(ErrorCode::ConfigError,
                         "[backend] outbox_key_policy must be create_if_missing or require_existing");
  c.outbox_max_items = t["outbox_max_items"].value_or(c.outbox_max_items);
  c.outbox_warn_percent = t["outbox_warn_percent"].value_or(c.outbox_warn_percent);
  c.outbox_staff_alarm_hours = t["outbox_staff_alarm_hours"].value_or(c.outbox_staff_alarm_hours);
  c.outbox_stop_after_days = t["outbox_stop_after_days"].value_or(c.outbox_stop_after_days);
  c.sender_backoff_initial_ms = t["sender_backoff_initial_ms"].value_or(c.sender_backoff_initial_ms);
  c.sender_backoff_max_ms = t["sender_backoff_max_ms"].value_or(c.sender_backoff_max_ms);
  c.terminal_id = t["terminal_id"].value_or(c.terminal_id);
  if (c.kind == BackendKind::Http)
    if (const std::string problem = base_url_problem(c.base_url); !problem.empty())
      return make_error(ErrorCode::ConfigError, "[backend] base_url: " + problem);
  if (c.kind == BackendKind::Http && (c.ca_file.empty() || c.client_cert.empty() || c.client_key.empty()))
    return make_error(ErrorCode::ConfigError,
                      "[backend] kind = \"http\" needs ca_file, client_cert and client_key");
  if (c.connect_timeout_ms <= 0 || c.total_timeout_ms <= 0 || c.outbox_max_items <= 0)
    return make_error(ErrorCode::ConfigError, "[backend] timeouts and outbox_max_items must be > 0");
  return c;
}

std::string base_url_problem(const std::string& url) {
  const std::string scheme = "https://";
  if (url.rfind(scheme, 0) != 0) return "\"" + url + "\" is not an https:// address";
  const std::string rest = url.substr(scheme.size());
  const std::string host = rest.substr(0, rest.find_first_of(":/"));
  if (host.empty()) return "\"" + url + "\" names no host";
  return {};
}

}  // namespace kiosk::backend
