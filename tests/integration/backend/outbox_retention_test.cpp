// SPDX-License-Identifier: GPL-3.0-or-later
// Retention and the free-page policy (issue 18, bounded disk): delivered items go after
// outbox_keep_delivered_days and undelivered ones never; free pages go back to the file
// system once they pass outbox_vacuum_free_mib; a bad value in [backend] is named with
// its file and line. Real SQLite, the real local gateway.
#include <gtest/gtest.h>

#include "kiosk/backend/local/local_api.h"
#include "kiosk/backend/outbox/outbox_sender.h"
#include "test_support.h"

namespace kb = kiosk::backend;

namespace {

constexpr std::int64_t kDay = 86400000;

class OutboxRetention : public ::testing::Test {
 protected:
  kb::BackendConfig config(const std::string& tag) {
    auto c = kiosk::testing::local_config(kiosk::testing::make_temp_dir(tag));
    c.outbox_max_items = 5000;
    c.now_ms = [this] { return m_now; };
    return c;
  }
  static std::vector<kb::OutboxNewItem> items(const std::string& kind, int from, int n, std::size_t text = 20) {
    std::vector<kb::OutboxNewItem> out;
    for (int i = from; i < from + n; ++i)
      out.push_back({kind,
                     {{"subject_ref", "sub_e6a90d3c7b15"}, {"service", "complaint"}, {"text", std::string(text, 'r')}},
                     "keep-" + std::to_string(i)});
    return out;
  }
  std::int64_t m_now = 1772928000000;
};

std::unique_ptr<kb::OutboxSender> local_sender(const kb::BackendConfig& c) {
  kb::OutboxOpenOptions o;
  o.bookkeeping = true;
  auto ob = kb::Outbox::open(c, o);
  EXPECT_TRUE(ob.ok());
  auto gw = kb::LocalGateway::open(c.demo_data_dir, c.now_ms);
  EXPECT_TRUE(gw.ok());
  auto transport = std::make_unique<kb::LocalTransport>(std::shared_ptr<kb::LocalGateway>(std::move(gw.value())));
  return std::make_unique<kb::OutboxSender>(std::move(ob.value()), std::move(transport), c, nullptr);
}

std::int64_t free_pages(const std::string& path) {
  auto db = kb::sql::Db::open(path);
  EXPECT_TRUE(db.ok());
  return db.value()->query_int("PRAGMA freelist_count").value().value_or(-1);
}

}  // namespace

TEST_F(OutboxRetention, DeliveredItemsGoAfterTheKeepDaysUndeliveredOnesNever) {
  auto c = config("keep");
  c.outbox_keep_delivered_days = 30;
  auto ob = kb::Outbox::open(c);
  ASSERT_TRUE(ob.ok());
  auto old = ob.value()->enqueue_batch(items("service_application", 0, 3));
  ASSERT_TRUE(old.ok());
  // An unknown kind is never sent: it fails for staff, and stays however old it gets.
  ASSERT_TRUE(ob.value()->enqueue_batch(items("no_such_application", 3, 1)).ok());
  auto sender = local_sender(c);
  ASSERT_TRUE(sender->send_due_now().ok());
  ASSERT_EQ(ob.value()->health(m_now)->delivered, 3);

  m_now += 31 * kDay;
  auto fresh = ob.value()->enqueue_batch(items("service_application", 4, 1));
  ASSERT_TRUE(fresh.ok());
  ASSERT_TRUE(sender->send_due_now().ok());   // delivers the new one and sweeps
  const auto h = ob.value()->health(m_now).value();
  EXPECT_EQ(h.delivered, 1) << "delivered items past the keep days were kept";
  EXPECT_EQ(h.failed, 1) << "an undelivered item was deleted";
  EXPECT_EQ(ob.value()->item(old->front().ref, m_now).error().code, kb::ErrorCode::NotFound);
  EXPECT_TRUE(ob.value()->item(fresh->front().ref, m_now).ok());
}

TEST_F(OutboxRetention, FreePagesGoBackOnceTheyPassTheBound) {
  for (const int bound_mib : {0, 1024}) {
    auto c = config("vacuum");
    c.outbox_vacuum_free_mib = bound_mib;
    auto ob = kb::Outbox::open(c);
    ASSERT_TRUE(ob.ok());
    // Payloads larger than a page: wiping them at delivery frees their overflow pages.
    ASSERT_TRUE(ob.value()->enqueue_batch(items("service_application", 0, 500, 6000)).ok());
    auto ids = ob.value()->due_ids(m_now, 5000);
    ASSERT_TRUE(ids.ok());
    ASSERT_TRUE(ob.value()->begin_batch().ok());
    for (const auto id : ids.value()) ASSERT_TRUE(ob.value()->mark_delivered(id, "SV", m_now).ok());
    ASSERT_TRUE(ob.value()->commit_batch().ok());
    ASSERT_TRUE(ob.value()->compact_if_drained().ok());
    if (bound_mib == 0)
      EXPECT_EQ(free_pages(c.outbox_path), 0) << "a drained queue kept its free pages";
    else
      EXPECT_GT(free_pages(c.outbox_path), 100) << "freed below the configured bound (about 3 MiB of 1024)";
  }
}

TEST(BackendConfigCheck, AValueOutOfRangeIsNamedWithItsFileAndLine) {
  const auto bad = [](const std::string& line) {
    const std::string text = "[backend]\nkind = \"local\"\n" + line + "\n";
    const auto table = toml::parse(std::string_view(text), std::string_view("hall/kiosk.toml"));
    kb::BackendConfigProblem problem;
    auto parsed = kb::parse_backend_config(*table["backend"].as_table(), "/", &problem);
    EXPECT_FALSE(parsed.ok()) << line;
    if (parsed.ok()) return std::string();
    EXPECT_EQ(problem.line, 3u) << line;
    EXPECT_TRUE(problem.bad_value) << line;   // the kiosk refuses to start (exit 2)
    return parsed.error().detail;
  };
  EXPECT_EQ(bad("outbox_keep_delivered_days = 0"),
            "hall/kiosk.toml:3: [backend] outbox_keep_delivered_days must be a whole number from 1 to 3650");
  EXPECT_NE(bad("outbox_vacuum_free_mib = \"lots\"").find("kiosk.toml:3: [backend] outbox_vacuum_free_mib"),
            std::string::npos);
  EXPECT_NE(bad("outbox_max_items = -5").find("kiosk.toml:3:"), std::string::npos);
  EXPECT_NE(bad("outbox_keep_forever = true").find("kiosk.toml:3: [backend]: unknown key"), std::string::npos);

  // Incomplete rather than wrong: the kiosk starts without a backend and says why.
  const auto http = toml::parse("[backend]\nkind = \"http\"\n");
  kb::BackendConfigProblem incomplete;
  EXPECT_FALSE(kb::parse_backend_config(*http["backend"].as_table(), "/", &incomplete).ok());
  EXPECT_FALSE(incomplete.bad_value);

  const auto good = toml::parse("[backend]\noutbox_keep_delivered_days = 90\noutbox_vacuum_free_mib = 8\n");
  auto parsed = kb::parse_backend_config(*good["backend"].as_table(), "/");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->outbox_keep_delivered_days, 90);
  EXPECT_EQ(parsed->outbox_vacuum_free_mib, 8);
}
