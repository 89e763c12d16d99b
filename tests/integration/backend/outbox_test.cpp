// SPDX-License-Identifier: GPL-3.0-or-later
// The outbox store on a real SQLite file: encryption at rest, bounds and alarms, the
// 24 h staff alarm and 7 day stop (on a test clock), and a full disk that loses nothing.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "kiosk/backend/outbox/outbox.h"
#include "test_support.h"

namespace kb = kiosk::backend;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class OutboxStore : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = kiosk::testing::make_temp_dir("outbox");
    m_cfg = kiosk::testing::local_config(m_dir);
    m_cfg.now_ms = [this] { return m_now; };
  }
  std::unique_ptr<kb::Outbox> open(kb::OutboxOpenOptions o = {}) {
    auto ob = kb::Outbox::open(m_cfg, o);
    EXPECT_TRUE(ob.ok()) << (ob.ok() ? "" : ob.error().detail);
    return ob.ok() ? std::move(ob.value()) : nullptr;
  }
  static nlohmann::json body(int i) {
    return {{"subject_ref", "sub_4c1f0a7e92d3"}, {"service", "complaint"},
            {"text", "赵大山 投诉内容 " + std::to_string(i) + std::string(200, 'x')}};
  }
  std::string m_dir;
  kb::BackendConfig m_cfg;
  std::int64_t m_now = 1772928000000;  // 2026-03-08T08:00:00+08:00
};

TEST_F(OutboxStore, PayloadIsEncryptedAtRestAndWipedOnDelivery) {
  auto ob = open();
  auto item = ob->enqueue("service_application", body(1));
  ASSERT_TRUE(item.ok());
  const std::string files = slurp(m_dir + "/outbox.db") + slurp(m_dir + "/outbox.db-wal");
  EXPECT_EQ(files.find("赵大山"), std::string::npos);
  EXPECT_EQ(files.find("sub_4c1f0a7e92d3"), std::string::npos);
  struct stat st {};
  ASSERT_EQ(stat((m_dir + "/outbox.key").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);

  auto due = ob->next_due(m_now);
  ASSERT_TRUE(due.ok() && due.value().has_value());
  EXPECT_EQ(due.value()->body["subject_ref"], "sub_4c1f0a7e92d3");
  EXPECT_EQ(due.value()->body["client_reference"], item->ref);
  ASSERT_TRUE(ob->mark_delivered(due.value()->id, "SV-1", m_now).ok());
  auto v = ob->item(item->ref, m_now);
  EXPECT_EQ(v->state, kb::OutboxState::Delivered);
  EXPECT_EQ(v->case_id, "SV-1");
  auto again = ob->next_due(m_now);
  EXPECT_FALSE(again.value().has_value());
}

TEST_F(OutboxStore, AnotherKeyCannotReadItAndSaysSo) {
  ASSERT_TRUE(open()->enqueue("service_application", body(1)).ok());
  std::ofstream(m_dir + "/other.key", std::ios::binary) << std::string(32, 'k');
  m_cfg.outbox_key_file = m_dir + "/other.key";
  auto due = open()->next_due(m_now);
  ASSERT_FALSE(due.ok());
  EXPECT_EQ(due.error().code, kb::ErrorCode::StorageError);
}

TEST_F(OutboxStore, MissingKeyIsAnErrorWhenProvisioningIsRequired) {
  m_cfg.key_policy = kb::KeyFilePolicy::RequireExisting;
  m_cfg.outbox_key_file = m_dir + "/absent.key";
  auto ob = kb::Outbox::open(m_cfg);
  ASSERT_FALSE(ob.ok());
  EXPECT_EQ(ob.error().code, kb::ErrorCode::ConfigError);
}

TEST_F(OutboxStore, BoundedWithAnAlarmBeforeItIsFull) {
  m_cfg.outbox_max_items = 5;
  auto ob = open();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(ob->enqueue("service_application", body(i)).ok());
  EXPECT_FALSE(ob->health(m_now)->nearly_full);
  ASSERT_TRUE(ob->enqueue("service_application", body(3)).ok());
  EXPECT_TRUE(ob->health(m_now)->nearly_full);
  EXPECT_FALSE(ob->health(m_now)->full);
  ASSERT_TRUE(ob->enqueue("service_application", body(4)).ok());
  EXPECT_TRUE(ob->health(m_now)->full);
  auto sixth = ob->enqueue("service_application", body(5));
  ASSERT_FALSE(sixth.ok());
  EXPECT_EQ(sixth.error().code, kb::ErrorCode::OutboxFull);
  EXPECT_EQ(ob->items(m_now, {})->size(), 5u);
}

TEST_F(OutboxStore, SameIdempotencyKeyIsStoredOnce) {
  auto ob = open();
  auto a = ob->enqueue("service_application", body(1), "key-1");
  auto b = ob->enqueue("service_application", body(1), "key-1");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->ref, b->ref);
  EXPECT_EQ(ob->items(m_now, {})->size(), 1u);
}

TEST_F(OutboxStore, StaffAlarmAfter24HoursStopAfter7DaysNeverDropped) {
  auto ob = open();
  auto item = ob->enqueue("service_application", body(1));
  ASSERT_TRUE(item.ok());
  m_now += 23LL * 3600000;
  EXPECT_FALSE(ob->item(item->ref, m_now)->staff_alarm);
  m_now += 2LL * 3600000;
  EXPECT_TRUE(ob->item(item->ref, m_now)->staff_alarm);
  EXPECT_EQ(ob->health(m_now)->staff_alarms, 1);
  auto due = ob->next_due(m_now);
  ASSERT_TRUE(due.value().has_value());
  ASSERT_TRUE(ob->mark_failed_attempt(due.value()->id, kb::make_error(kb::ErrorCode::Timeout), m_now).ok());
  m_now += 7LL * 86400000;
  EXPECT_FALSE(ob->next_due(m_now).value().has_value());
  auto v = ob->item(item->ref, m_now);
  EXPECT_EQ(v->state, kb::OutboxState::Failed);
  EXPECT_TRUE(v->stopped);
  EXPECT_TRUE(v->staff_alarm);
  ASSERT_EQ(ob->retry(item->ref, m_now).value(), 1);
  auto redo = ob->next_due(m_now);
  ASSERT_TRUE(redo.value().has_value());
  EXPECT_EQ(redo.value()->body["service"], "complaint");
}

TEST_F(OutboxStore, FullDiskFailsClearlyAndLosesNothingQueued) {
  std::vector<std::string> refs;
  {
    kb::OutboxOpenOptions small;
    small.max_page_count = 24;  // pages of 4 KiB: the schema (11) and a handful of items
    auto ob = open(small);
    ASSERT_TRUE(ob);
    for (int i = 0; i < 500; ++i) {
      auto r = ob->enqueue("service_application", body(i));
      if (!r.ok()) {
        EXPECT_EQ(r.error().code, kb::ErrorCode::StorageFull) << r.error().detail;
        EXPECT_FALSE(r.error().accessible_message.empty());
        break;
      }
      refs.push_back(r->ref);
    }
    ASSERT_GT(refs.size(), 1u);
    ASSERT_LT(refs.size(), 500u) << "the page limit never bit";
  }
  auto ob = open();
  kb::OutboxListQuery all;
  all.limit = 1000;
  auto items = ob->items(m_now, all);
  ASSERT_TRUE(items.ok());
  ASSERT_EQ(items->size(), refs.size());
  for (size_t i = 0; i < refs.size(); ++i) {
    auto due = ob->next_due(m_now);
    ASSERT_TRUE(due.ok() && due.value().has_value()) << i;
    EXPECT_EQ(due.value()->ref, refs[i]);
    ASSERT_TRUE(ob->mark_delivered(due.value()->id, "x", m_now).ok());
  }
}

}  // namespace

// SQLite's in-memory database (the local gateway's) is not a file: opening it must not
// leave an empty file named ":memory:" in the working folder.
TEST(SqliteDb, AnInMemoryDatabaseLeavesNoFileBehind) {
  const std::string dir = kiosk::testing::make_temp_dir("memory");
  const auto before = std::filesystem::current_path();
  std::filesystem::current_path(dir);
  {
    auto db = kb::sql::Db::open(":memory:");
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db.value()->exec("CREATE TABLE t(x)").ok());
  }
  const bool stray = std::filesystem::exists(dir + "/:memory:");
  std::filesystem::current_path(before);
  EXPECT_FALSE(stray);
}

// The one back-off (item resends and the gateway probe): doubling from the first delay,
// +-25 % jitter, capped.
TEST(OutboxBackoff, DoublesFromTheFirstDelayWithJitterUpToTheCap) {
  const auto within = [](std::int64_t v, std::int64_t centre) {
    return v >= centre - centre / 4 && v <= centre + centre / 4;
  };
  for (int round = 0; round < 50; ++round) {
    EXPECT_TRUE(within(kb::backoff_delay_ms(1000, 300000, 1), 1000));
    EXPECT_TRUE(within(kb::backoff_delay_ms(1000, 300000, 4), 8000));
    EXPECT_TRUE(within(kb::backoff_delay_ms(1000, 300000, 40), 300000));
    EXPECT_GE(kb::backoff_delay_ms(0, 300000, 3), 0);
  }
}
