// SPDX-License-Identifier: GPL-3.0-or-later
// kiosk-outbox: the hall technician's view of a terminal's outbox, using the kiosk's own
// Outbox and OutboxSender. Shows no personal data (references, kinds, states, reasons).
// Command lines are in docs/backend.md.
#include <sodium.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>

#include "kiosk/backend/http/http_transport.h"
#include "kiosk/backend/local/local_api.h"
#include "kiosk/backend/outbox/outbox.h"
#include "kiosk/backend/outbox/outbox_sender.h"
#include "submit_file.h"

namespace kb = kiosk::backend;

namespace {

constexpr int kListMax = 10000;   // rows in one page of `list`

// On a mistake the usage goes to stderr with exit 2; asked for (--help), to stdout with 0.
int usage(bool asked = false) {
  std::fprintf(asked ? stdout : stderr,
      "usage: kiosk-outbox [options] list [--json] [--limit N] [--after REF] [--state S] |\n"
      "                    health | retry REF|--all |\n"
      "                    send [--wait-seconds N] | submit FILE.json [--wait-seconds N]\n"
      "options: --config FILE (its [backend] table; paths relative to --root, default .)\n"
      "         --outbox PATH --key-file PATH [--create-key] --terminal-id ID\n"
      "         --backend local|http --demo-data DIR --base-url URL --ca FILE\n"
      "         --cert FILE --key FILE --connect-timeout-ms N --total-timeout-ms N\n"
      "         --backoff-ms N (first resend delay) --max-items N (outbox bound)\n"
      "exit: 0 done (all delivered for send/submit), 3 items still queued or failed,\n"
      "      1 runtime error, 2 bad arguments\n");
  return asked ? 0 : 2;
}

int fail(const kb::ApiError& e) {
  std::fprintf(stderr, "kiosk-outbox: %s (%s)\n", kb::to_string(e.code), e.detail.c_str());
  return 1;
}

std::string age(std::int64_t now, std::int64_t then) {
  const auto s = (now - then) / 1000;
  char buf[32];
  if (s < 3600) std::snprintf(buf, sizeof buf, "%lldm", static_cast<long long>(s / 60));
  else if (s < 86400) std::snprintf(buf, sizeof buf, "%lldh", static_cast<long long>(s / 3600));
  else std::snprintf(buf, sizeof buf, "%lldd", static_cast<long long>(s / 86400));
  return buf;
}

std::unique_ptr<kb::Transport> make_transport(const kb::BackendConfig& c, std::string& error) {
  if (c.kind == kb::BackendKind::Http) return std::make_unique<kb::HttpTransport>(c);
  auto gw = kb::LocalGateway::open(c.demo_data_dir, c.now_ms);
  if (!gw) {
    error = gw.error().detail;
    return nullptr;
  }
  return std::make_unique<kb::LocalTransport>(std::shared_ptr<kb::LocalGateway>(std::move(gw.value())));
}

// Sends due items until none is queued or the deadline passes. Returns queued+failed left.
// State changes of items go to stdout; the sender's bounded log to stderr.
kb::Result<int> drain(const kb::BackendConfig& c, int wait_seconds) {
  std::string err;
  auto transport = make_transport(c, err);
  if (!transport) return kb::make_error(kb::ErrorCode::ConfigError, err);
  kb::OutboxOpenOptions bookkeeping;
  bookkeeping.bookkeeping = true;
  auto conn = kb::Outbox::open(c, bookkeeping);
  if (!conn) return conn.error();
  auto view = kb::Outbox::open(c);
  if (!view) return view.error();
  kb::OutboxSender sender(std::move(conn.value()), std::move(transport), c,
                          [](const kb::SendReport& r) {
                            if (r.state_changed)
                              std::printf("%s %s %s\n", r.item.ref.c_str(),
                                          kb::to_string(r.item.state), r.item.reason.c_str());
                            std::fflush(stdout);
                          },
                          [](const std::string& line) { std::fprintf(stderr, "kiosk-outbox: %s\n", line.c_str()); });
  const auto deadline = c.now_ms() + std::int64_t{wait_seconds} * 1000;
  for (;;) {
    auto n = sender.send_due_now();
    if (!n) return n.error();
    sender.summarize();
    auto next = sender.next_pass_in_ms();
    if (!next) return next.error();
    if (!next.value() || c.now_ms() + *next.value() > deadline) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(*next.value()));
  }
  if (sender.gateway_down()) sender.summarize(true);
  auto h = view.value()->health(c.now_ms());
  if (!h) return h.error();
  return h->queued + h->failed;
}

// --limit N (1..10000), --after REF, --state queued|delivered|failed; false after saying why.
bool parse_list_option(const std::string& name, const std::string& value, kb::OutboxListQuery& page) {
  if (name == "--after") {
    page.after_ref = value;
    return true;
  }
  if (name == "--state") {
    for (auto s : {kb::OutboxState::Queued, kb::OutboxState::Delivered, kb::OutboxState::Failed})
      if (value == kb::to_string(s)) {
        page.state = s;
        return true;
      }
    std::fprintf(stderr, "kiosk-outbox: --state must be queued, delivered or failed, not \"%s\"\n", value.c_str());
    return false;
  }
  char* end = nullptr;
  const long n = std::strtol(value.c_str(), &end, 10);
  if (value.empty() || *end != '\0' || n < 1 || n > kListMax) {
    std::fprintf(stderr, "kiosk-outbox: --limit must be a number from 1 to %d, not \"%s\"\n", kListMax,
                 value.c_str());
    return false;
  }
  page.limit = static_cast<int>(n);
  return true;
}

// Counts from the counts table and one page of items: its cost does not grow with the
// outbox (10,000 items list as fast as 1,000). docs/backend.md, outbox tool.
int list(kb::Outbox& outbox, const kb::BackendConfig& c, kb::OutboxListQuery page, bool json_out) {
  const auto now = c.now_ms();
  auto h = outbox.health(now);
  if (!h) return fail(h.error());
  const int limit = page.limit;
  page.limit = limit + 1;   // one more says whether the list goes on
  auto items = outbox.items(now, page);
  if (!items) return fail(items.error());
  const bool more = static_cast<int>(items->size()) > limit;
  if (more) items->pop_back();
  const std::string next_after = more ? items->back().ref : std::string();
  if (json_out) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& v : items.value())
      arr.push_back({{"ref", v.ref}, {"kind", v.kind}, {"state", kb::to_string(v.state)},
                     {"reason", v.reason}, {"attempts", v.attempts}, {"created_ms", v.created_ms},
                     {"staff_alarm", v.staff_alarm}, {"stopped", v.stopped}, {"case_id", v.case_id}});
    const nlohmann::json out{
        {"counts", {{"queued", h->queued}, {"failed", h->failed}, {"delivered", h->delivered},
                    {"capacity", h->capacity}, {"staff_alarms", h->staff_alarms}, {"stopped", h->stopped}}},
        {"items", arr}, {"more", more}, {"next_after", more ? nlohmann::json(next_after) : nlohmann::json()}};
    std::printf("%s\n", out.dump(2).c_str());
    return 0;
  }
  std::printf("queued %d, failed %d, delivered %d, staff alarms %d, stopped %d\n", h->queued, h->failed,
              h->delivered, h->staff_alarms, h->stopped);
  std::printf("%-20s %-32s %-9s %-5s %-6s %s\n", "REF", "KIND", "STATE", "TRIES", "AGE", "REASON");
  for (const auto& v : items.value())
    std::printf("%-20s %-32s %-9s %-5d %-6s %s%s\n", v.ref.c_str(), v.kind.c_str(), kb::to_string(v.state),
                v.attempts, age(now, v.created_ms).c_str(), v.reason.c_str(),
                v.staff_alarm ? (" [STAFF ALARM: undelivered >= " + std::to_string(c.outbox_staff_alarm_hours) +
                                 " h]").c_str()
                              : "");
  if (more) std::printf("... more: continue with --after %s\n", next_after.c_str());
  return 0;
}

// What to do: the command after the options, and its own options.
struct Command {
  std::string name;
  int wait_seconds = 30;
  bool json_out = false;
  std::string operand;   // send/submit's FILE.json, retry's REF ("" for --all)
  kb::OutboxListQuery page;
};

// Every --config FILE's [backend] table in turn (paths relative to --root). Read before the
// other options so that explicit ones override it. An exit code when a file is unusable.
std::optional<int> read_config_files(const std::vector<std::string>& args, kb::BackendConfig& c) {
  std::string root = ".";
  for (size_t k = 0; k + 1 < args.size(); ++k)
    if (args[k] == "--root") root = args[k + 1];
  for (size_t k = 0; k + 1 < args.size(); ++k) {
    if (args[k] != "--config") continue;
    try {
      auto tbl = toml::parse_file(args[k + 1]);
      auto* b = tbl["backend"].as_table();
      if (!b) {
        std::fprintf(stderr, "kiosk-outbox: %s has no [backend] table\n", args[k + 1].c_str());
        return 2;
      }
      auto parsed = kb::parse_backend_config(*b, root);
      if (!parsed) {
        std::fprintf(stderr, "kiosk-outbox: %s\n", parsed.error().detail.c_str());
        return 2;
      }
      c = parsed.value();
      c.now_ms = kb::system_now_ms;
    } catch (const toml::parse_error& e) {
      std::fprintf(stderr, "kiosk-outbox: %s:%u:%u: %s\n", args[k + 1].c_str(),
                   e.source().begin.line, e.source().begin.column, std::string(e.description()).c_str());
      return 2;
    }
  }
  return std::nullopt;
}

// The options before the command, from argv[i]; leaves i at the command. An exit code
// for --help or a bad option.
std::optional<int> read_options(int argc, char** argv, int& i, kb::BackendConfig& c) {
  for (; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--help" || a == "-h") return usage(true);
    if (a == "--config" || a == "--root") next();
    else if (a == "--outbox") c.outbox_path = next();
    else if (a == "--key-file") c.outbox_key_file = next();
    else if (a == "--create-key") c.key_policy = kb::KeyFilePolicy::CreateIfMissing;
    else if (a == "--terminal-id") c.terminal_id = next();
    else if (a == "--backend") {
      const std::string kind = next();
      if (kind != "http" && kind != "local") {
        std::fprintf(stderr, "kiosk-outbox: --backend must be local or http, not \"%s\"\n", kind.c_str());
        return 2;
      }
      c.kind = kind == "http" ? kb::BackendKind::Http : kb::BackendKind::Local;
    }
    else if (a == "--demo-data") c.demo_data_dir = next();
    else if (a == "--base-url") c.base_url = next();
    else if (a == "--ca") c.ca_file = next();
    else if (a == "--cert") c.client_cert = next();
    else if (a == "--key") c.client_key = next();
    else if (a == "--connect-timeout-ms") c.connect_timeout_ms = std::atol(next().c_str());
    else if (a == "--total-timeout-ms") c.total_timeout_ms = std::atol(next().c_str());
    else if (a == "--backoff-ms") c.sender_backoff_initial_ms = std::atoi(next().c_str());
    else if (a == "--max-items") c.outbox_max_items = std::atoi(next().c_str());
    else if (a.rfind("--", 0) == 0) return usage();
    else break;
  }
  if (i >= argc) return usage();
  if (c.kind == kb::BackendKind::Http) {
    if (const std::string problem = kb::base_url_problem(c.base_url); !problem.empty()) {
      std::fprintf(stderr, "kiosk-outbox: base URL: %s\n", problem.c_str());
      return 2;
    }
  }
  return std::nullopt;
}

// The command at argv[i] and the options after it; an exit code for a bad list option.
std::optional<int> read_command(int argc, char** argv, int i, Command& command) {
  command.name = argv[i++];
  for (; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--wait-seconds" && i + 1 < argc) command.wait_seconds = std::atoi(argv[++i]);
    else if (a == "--json") command.json_out = true;
    else if (a == "--all") command.operand = "";
    else if (a == "--limit" || a == "--after" || a == "--state") {
      if (i + 1 >= argc || !parse_list_option(a, argv[++i], command.page)) return 2;
    }
    else command.operand = a;
  }
  return std::nullopt;
}

int health(kb::Outbox& outbox, std::int64_t now) {
  auto h = outbox.health(now);
  if (!h) return fail(h.error());
  std::printf("queued %d, failed %d, delivered %d, capacity %d%s%s%s\n", h->queued, h->failed,
              h->delivered, h->capacity, h->nearly_full ? ", ALARM outbox_nearly_full" : "",
              h->full ? ", ALARM outbox_full" : "",
              h->staff_alarms ? ", ALARM outbox_overdue" : "");
  return h->queued + h->failed > 0 ? 3 : 0;
}

int retry(kb::Outbox& outbox, const std::string& ref, std::int64_t now) {
  auto n = outbox.retry(ref, now);
  if (!n) return fail(n.error());
  std::printf("%d item(s) queued again\n", n.value());
  return 0;
}

// Stores every application of FILE.json; an exit code when it cannot (sending follows).
std::optional<int> store(kb::Outbox& outbox, const std::string& path, std::int64_t now) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "kiosk-outbox: cannot read %s\n", path.c_str());
    return 2;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  const kiosk::tools::outbox::SubmitFile file = kiosk::tools::outbox::parse_submit_file(ss.str());
  if (!file.ok()) {
    std::fprintf(stderr, "kiosk-outbox: %s: %s\n", path.c_str(), file.error.c_str());
    return 2;
  }
  // An entry whose key is stored already is that item again: count only what is new.
  auto before = outbox.health(now);
  if (!before) return fail(before.error());
  // Batches of 500 in one transaction each: one fsync per batch, not per application,
  // and every application is durable before the first send.
  std::vector<kb::OutboxNewItem> batch;
  for (std::size_t k = 0; k < file.entries.size(); ++k) {
    const auto& entry = file.entries[k];
    batch.push_back({entry.kind, entry.body, entry.idempotency_key});
    if (batch.size() < 500 && k + 1 < file.entries.size()) continue;
    auto stored = outbox.enqueue_batch(batch);
    if (!stored) return fail(stored.error());
    batch.clear();
  }
  auto after = outbox.health(now);
  if (!after) return fail(after.error());
  const int added = (after->queued + after->failed + after->delivered) - (before->queued + before->failed + before->delivered);
  std::printf("stored %d new application(s), %zu already in the outbox\n", added,
              file.entries.size() - static_cast<std::size_t>(added));
  std::fflush(stdout);
  return std::nullopt;
}

int send_queued(const kb::BackendConfig& c, int wait_seconds) {
  auto left = drain(c, wait_seconds);
  if (!left) return fail(left.error());
  std::printf("%d item(s) not delivered\n", left.value());
  return left.value() > 0 ? 3 : 0;
}

int run(const kb::BackendConfig& c, const Command& command) {
  auto ob = kb::Outbox::open(c);
  if (!ob) return fail(ob.error());
  auto& outbox = *ob.value();
  const auto now = c.now_ms();
  if (command.name == "list") return list(outbox, c, command.page, command.json_out);
  if (command.name == "health") return health(outbox, now);
  if (command.name == "retry") return retry(outbox, command.operand, now);
  if (command.name == "submit") {
    if (auto exit = store(outbox, command.operand, now)) return *exit;
  }
  if (command.name == "submit" || command.name == "send") return send_queued(c, command.wait_seconds);
  return usage();
}

}  // namespace

int main(int argc, char** argv) {
  if (sodium_init() < 0) return 1;
  kb::BackendConfig c;
  c.now_ms = kb::system_now_ms;
  c.outbox_path = "outbox.db";
  c.outbox_key_file = "outbox.key";
  if (auto exit = read_config_files(std::vector<std::string>(argv + 1, argv + argc), c)) return *exit;
  int i = 1;
  if (auto exit = read_options(argc, argv, i, c)) return *exit;
  Command command;
  if (auto exit = read_command(argc, argv, i, command)) return *exit;
  return run(c, command);
}
