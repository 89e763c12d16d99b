// SPDX-License-Identifier: GPL-3.0-or-later
// The sender never spins (issue 18): a pass sends each item due at its start at most once,
// even when items come due again during it; with the gateway unreachable one probe
// decides a pass; the log stays small however large the backlog. Real SQLite, real
// HTTPS with mutual TLS to the simulator (or to a port where nothing listens).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <thread>

#include "kiosk/backend/http/http_transport.h"
#include "kiosk/backend/outbox/outbox_sender.h"
#include "test_support.h"

namespace kb = kiosk::backend;

namespace {

// Counts what goes through a real transport. Past `limit` sends it answers with a
// permanent error, so a sender that re-takes items ends (and fails the test) instead of
// running forever.
class CountingTransport : public kb::Transport {
 public:
  CountingTransport(std::unique_ptr<kb::Transport> real, int* count, int limit)
      : m_real(std::move(real)), m_count(count), m_limit(limit) {}
  kb::ApiResult send(const kb::ApiRequest& request, const std::string& key) override {
    if (++*m_count > m_limit) return kb::make_error(kb::ErrorCode::InvalidRequest, "test: too many sends");
    return m_real->send(request, key);
  }

 private:
  std::unique_ptr<kb::Transport> m_real;
  int* m_count;
  int m_limit;
};

std::vector<kb::OutboxNewItem> items(int n) {
  std::vector<kb::OutboxNewItem> out;
  for (int i = 0; i < n; ++i)
    out.push_back({"service_application",
                   {{"subject_ref", "sub_e6a90d3c7b15"}, {"service", "complaint"}, {"text", "s " + std::to_string(i)}},
                   "sender-" + std::to_string(i)});
  return out;
}

std::unique_ptr<kb::OutboxSender> make_sender(const kb::BackendConfig& c, int* count, int limit,
                                              std::vector<std::string>* log = nullptr) {
  kb::OutboxOpenOptions o;
  o.bookkeeping = true;
  auto ob = kb::Outbox::open(c, o);
  EXPECT_TRUE(ob.ok());
  auto transport = std::make_unique<CountingTransport>(std::make_unique<kb::HttpTransport>(c), count, limit);
  return std::make_unique<kb::OutboxSender>(std::move(ob.value()), std::move(transport), c, nullptr,
                                            [log](const std::string& line) { if (log) log->push_back(line); });
}

}  // namespace

TEST(OutboxSender, APassNeverRetakesItemsThatCameDueDuringIt) {
  auto sim = kiosk::testing::start_sim({kiosk::tools::parse_fault_rule("*=500").value()});
  auto c = kiosk::testing::http_config(sim->port(), kiosk::testing::make_temp_dir("retake"));
  c.now_ms = kb::system_now_ms;
  c.sender_backoff_initial_ms = 1;  // every failed item is due again within milliseconds
  c.sender_backoff_max_ms = 2;
  constexpr int kItems = 40;
  {
    auto ob = kb::Outbox::open(c);
    ASSERT_TRUE(ob.ok() && ob.value()->enqueue_batch(items(kItems)).ok());
  }
  int sends = 0;
  auto sender = make_sender(c, &sends, 3 * kItems);
  auto attempts = sender->send_due_now();
  ASSERT_TRUE(attempts.ok());
  EXPECT_EQ(attempts.value(), kItems);
  EXPECT_EQ(sends, kItems) << "items were sent again within one pass";
  auto view = kb::Outbox::open(c);
  auto all = view.value()->items(c.now_ms(), {});
  ASSERT_TRUE(all.ok());
  for (const auto& v : all.value()) {
    EXPECT_EQ(v.attempts, 1) << v.ref;
    EXPECT_EQ(v.reason, "server_error") << v.ref;
  }
  // They did come due again during the pass: the next pass takes them, once each.
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  auto next = sender->next_pass_in_ms();
  ASSERT_TRUE(next.ok() && next.value().has_value());
  EXPECT_EQ(*next.value(), 0);
  EXPECT_EQ(sender->send_due_now().value(), kItems);
  EXPECT_EQ(sends, 2 * kItems);
}

TEST(OutboxSender, OneProbePerPassWhenTheGatewayIsUnreachable) {
  auto c = kiosk::testing::http_config(1, kiosk::testing::make_temp_dir("probe"));  // nothing listens on port 1
  c.now_ms = kb::system_now_ms;
  c.sender_backoff_initial_ms = 1;
  c.sender_backoff_max_ms = 4;
  {
    auto ob = kb::Outbox::open(c);
    ASSERT_TRUE(ob.ok() && ob.value()->enqueue_batch(items(200)).ok());
  }
  int sends = 0;
  std::vector<std::string> log;
  auto sender = make_sender(c, &sends, 1000, &log);
  for (int pass = 1; pass <= 6; ++pass) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));  // past the breaker's back-off
    auto attempts = sender->send_due_now();
    ASSERT_TRUE(attempts.ok());
    EXPECT_EQ(attempts.value(), 1) << "pass " << pass;
    EXPECT_TRUE(sender->gateway_down());
    // Straight after a failed probe the breaker holds the next pass back.
    EXPECT_EQ(sender->send_due_now().value(), 0) << "pass " << pass;
  }
  EXPECT_EQ(sends, 6);
  ASSERT_EQ(log.size(), 1u) << "one line for the change of state, none per attempt";
  EXPECT_NE(log[0].find("gateway unreachable"), std::string::npos) << log[0];
  auto view = kb::Outbox::open(c);
  auto h = view.value()->health(c.now_ms());
  EXPECT_EQ(h->queued, 200);
}

TEST(OutboxSender, TheToolsLogStaysSmallWhileTheGatewayIsUnreachable) {
  const auto dir = kiosk::testing::make_temp_dir("logbound");
  nlohmann::json apps = nlohmann::json::array();
  for (const auto& i : items(3000))
    apps.push_back({{"kind", i.kind}, {"idempotency_key", i.idempotency_key}, {"body", i.body}});
  std::ofstream(dir + "/apps.json") << apps.dump();
  const auto& certs = kiosk::testing::cert_dir();
  const std::string command =
      std::string(KIOSK_OUTBOX_TOOL) + " --backend http --base-url https://127.0.0.1:1 --ca " + certs +
      "/ca.pem --cert " + certs + "/client.pem --key " + certs + "/client.key --outbox " + dir +
      "/outbox.db --key-file " + dir + "/outbox.key --create-key --max-items 5000 --backoff-ms 5 submit " +
      dir + "/apps.json --wait-seconds 3 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string output;
  std::array<char, 4096> buffer{};
  for (size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  EXPECT_EQ(WIFEXITED(status) ? WEXITSTATUS(status) : -1, 3) << output.substr(0, 2000);
  EXPECT_NE(output.find("stored 3000 new application(s)"), std::string::npos) << output.substr(0, 2000);
  // 3,000 items and ~3 s of 5 ms back-off: a line per item or per attempt would be
  // 100 KB and more; a line per state change plus summaries is a few.
  EXPECT_LE(output.size(), 8u * 1024) << output.substr(0, 4000);
}
