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

// An integer setting within [lo, hi]; a missing key keeps `value`. False (and `problem`
// set) when it is not an integer or out of range.
template <typename Int>
bool read_int(const toml::table& t, const char* key, std::int64_t lo, std::int64_t hi, Int& value,
              BackendConfigProblem& problem) {
  const toml::node* node = t.get(key);
  if (!node) return true;
  const auto v = node->value<std::int64_t>();
  if (v && *v >= lo && *v <= hi) {
    value = static_cast<Int>(*v);
    return true;
  }
  problem.line = node->source().begin.line;
  problem.bad_value = true;
  problem.message = "[backend] " + std::string(key) + " must be a whole number from " + std::to_string(lo) +
                    " to " + std::to_string(hi);
  return false;
}

}  // namespace

Result<BackendConfig> parse_backend_config(const toml::table& t, const std::string& base_dir,
                                           BackendConfigProblem* problem_out) {
  BackendConfigProblem problem;
  problem.line = t.source().begin.line;
  const auto fail = [&]() -> Result<BackendConfig> {
    const auto& path = t.source().path;
    std::string where = path ? *path : std::string("kiosk.toml");
    if (problem.line > 0) where += ":" + std::to_string(problem.line);
    if (problem_out) *problem_out = problem;
    return make_error(ErrorCode::ConfigError, where + ": " + problem.message);
  };
  const auto bad = [&](const char* key, std::string message) {
    if (const toml::node* node = key ? t.get(key) : nullptr) problem.line = node->source().begin.line;
    problem.bad_value = key != nullptr;
    problem.message = std::move(message);
    return fail();
  };
  static const std::set<std::string> kKeys{
      "kind", "base_url", "ca_file", "client_cert", "client_key", "connect_timeout_ms",
      "total_timeout_ms", "max_retries", "retry_base_ms", "demo_data_dir", "outbox_path",
      "outbox_key_file", "outbox_key_policy", "outbox_max_items", "outbox_warn_percent",
      "outbox_staff_alarm_hours", "outbox_stop_after_days", "sender_backoff_initial_ms",
      "sender_backoff_max_ms", "terminal_id", "outbox_keep_delivered_days", "outbox_vacuum_free_mib"};
  for (const auto& [k, v] : t) {
    if (!kKeys.count(std::string(k.str()))) {
      problem.line = v.source().begin.line;
      problem.bad_value = true;
      problem.message = "[backend]: unknown key " + std::string(k.str());
      return fail();
    }
  }
  BackendConfig c;
  auto kind = t["kind"].value_or(std::string("local"));
  if (kind == "local") c.kind = BackendKind::Local;
  else if (kind == "http") c.kind = BackendKind::Http;
  else return bad("kind", "[backend] kind must be \"local\" or \"http\"");
  c.base_url = t["base_url"].value_or(c.base_url);
  c.ca_file = resolve(base_dir, t["ca_file"].value_or(c.ca_file));
  c.client_cert = resolve(base_dir, t["client_cert"].value_or(c.client_cert));
  c.client_key = resolve(base_dir, t["client_key"].value_or(c.client_key));
  if (!read_int(t, "connect_timeout_ms", 1, 600000, c.connect_timeout_ms, problem) ||
      !read_int(t, "total_timeout_ms", 1, 600000, c.total_timeout_ms, problem) ||
      !read_int(t, "max_retries", 0, 10, c.max_retries, problem) ||
      !read_int(t, "retry_base_ms", 0, 60000, c.retry_base_ms, problem))
    return fail();
  c.demo_data_dir = resolve(base_dir, t["demo_data_dir"].value_or(c.demo_data_dir));
  c.outbox_path = resolve(base_dir, t["outbox_path"].value_or(c.outbox_path));
  c.outbox_key_file = resolve(base_dir, t["outbox_key_file"].value_or(c.outbox_key_file));
  auto policy = t["outbox_key_policy"].value_or(std::string("require_existing"));
  if (policy == "create_if_missing") c.key_policy = KeyFilePolicy::CreateIfMissing;
  else if (policy == "require_existing") c.key_policy = KeyFilePolicy::RequireExisting;
  else return bad("outbox_key_policy", "[backend] outbox_key_policy must be create_if_missing or require_existing");
  if (!read_int(t, "outbox_max_items", 1, 1000000, c.outbox_max_items, problem) ||
      !read_int(t, "outbox_warn_percent", 1, 100, c.outbox_warn_percent, problem) ||
      !read_int(t, "outbox_staff_alarm_hours", 1, 24 * 365, c.outbox_staff_alarm_hours, problem) ||
      !read_int(t, "outbox_stop_after_days", 1, 3650, c.outbox_stop_after_days, problem) ||
      !read_int(t, "sender_backoff_initial_ms", 1, 3600000, c.sender_backoff_initial_ms, problem) ||
      !read_int(t, "sender_backoff_max_ms", 1, 86400000, c.sender_backoff_max_ms, problem) ||
      !read_int(t, "outbox_keep_delivered_days", 1, 3650, c.outbox_keep_delivered_days, problem) ||
      !read_int(t, "outbox_vacuum_free_mib", 0, 1024, c.outbox_vacuum_free_mib, problem))
    return fail();
  c.terminal_id = t["terminal_id"].value_or(c.terminal_id);
  if (c.kind == BackendKind::Http)
    if (const std::string url_problem = base_url_problem(c.base_url); !url_problem.empty())
      return bad("base_url", "[backend] base_url: " + url_problem);
  if (c.kind == BackendKind::Http && (c.ca_file.empty() || c.client_cert.empty() || c.client_key.empty()))
    return bad(nullptr, "[backend] kind = \"http\" needs ca_file, client_cert and client_key");
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
