// SPDX-License-Identifier: GPL-3.0-or-later
// The outbox at volume (issue 18) on a real SQLite file: what one item costs does not
// grow with the backlog, and the write-ahead log stays under its bound in a long pass.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "kiosk/backend/outbox/outbox.h"
#include "test_support.h"

namespace kb = kiosk::backend;

namespace {

double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

nlohmann::json body(int i) {
  return {{"subject_ref", "sub_4c1f0a7e92d3"}, {"service", "complaint"},
          {"text", "volume " + std::to_string(i) + std::string(300, 'x')}};
}

std::vector<kb::OutboxNewItem> batch(int from, int n) {
  std::vector<kb::OutboxNewItem> out;
  for (int i = from; i < from + n; ++i)
    out.push_back({"service_application", body(i), "vol-" + std::to_string(i)});
  return out;
}

class OutboxVolume : public ::testing::Test {
 protected:
  kb::BackendConfig config(const std::string& tag) {
    auto c = kiosk::testing::local_config(kiosk::testing::make_temp_dir(tag));
    c.outbox_max_items = 20000;
    c.now_ms = [this] { return m_now; };
    return c;
  }
  std::int64_t m_now = 1772928000000;
};

// CPU ms per item for the per-item work of the kiosk and the sender (enqueue one, take
// the next due, mark it, read health) with `backlog` items already queued.
double cpu_ms_per_item(const kb::BackendConfig& c, int backlog) {
  auto ob = kb::Outbox::open(c);
  EXPECT_TRUE(ob.ok());
  for (int from = 0; from < backlog; from += 1000)
    EXPECT_TRUE(ob.value()->enqueue_batch(batch(from, std::min(1000, backlog - from))).ok());
  constexpr int kItems = 150;
  const double t0 = thread_cpu_ms();
  for (int i = 0; i < kItems; ++i) {
    EXPECT_TRUE(ob.value()->enqueue("service_application", body(i)).ok());
    auto due = ob.value()->next_due(c.now_ms());
    EXPECT_TRUE(due.ok() && due.value().has_value());
    if (!due.ok() || !due.value()) break;
    const kb::ApiError down = kb::make_error(kb::ErrorCode::BackendUnreachable, "down");
    EXPECT_TRUE(ob.value()->mark_failed_attempt(due.value()->id, down, c.now_ms()).ok());
    EXPECT_TRUE(ob.value()->health(c.now_ms()).ok());
  }
  return (thread_cpu_ms() - t0) / kItems;
}

TEST_F(OutboxVolume, CostPerItemDoesNotGrowWithTheBacklog) {
  const double small = cpu_ms_per_item(config("vol-small"), 250);
  const double large = cpu_ms_per_item(config("vol-large"), 6000);
  // 24x the backlog: a per-item scan or sort of the queue shows as many times the cost.
  EXPECT_LE(large, small * 2.0 + 0.05) << "CPU ms per item: " << small << " with 250 queued, "
                                       << large << " with 6000 queued";
}

TEST_F(OutboxVolume, WriteAheadLogStaysUnderItsBoundInALongPass) {
  auto c = config("vol-wal");
  c.outbox_wal_limit_bytes = 2 * 1024 * 1024;
  auto ob = kb::Outbox::open(c);
  ASSERT_TRUE(ob.ok());
  const std::string wal = c.outbox_path + "-wal";
  std::atomic<bool> done{false};
  std::atomic<std::int64_t> peak{0};
  std::thread watch([&] {
    while (!done) {
      struct stat st {};
      if (::stat(wal.c_str(), &st) == 0) peak = std::max<std::int64_t>(peak, st.st_size);
      std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
  });
  // The kiosk's way: one commit per application, then a pass that marks every item.
  for (int i = 0; i < 800; ++i) ASSERT_TRUE(ob.value()->enqueue("service_application", body(i)).ok());
  auto ids = ob.value()->due_ids(m_now, 100000);
  ASSERT_TRUE(ids.ok());
  EXPECT_EQ(ids->size(), 800u);
  for (const auto id : ids.value()) {
    ASSERT_TRUE(ob.value()->mark_delivered(id, "SV", m_now).ok());
    ASSERT_TRUE(ob.value()->checkpoint_if_due().ok());
  }
  ASSERT_TRUE(ob.value()->compact_if_drained().ok());
  done = true;
  watch.join();
  EXPECT_GT(peak.load(), 0);
  EXPECT_LE(peak.load(), c.outbox_wal_limit_bytes) << "the -wal file grew to " << peak.load() << " bytes";
  EXPECT_LE(ob.value()->wal_bytes(), c.outbox_wal_limit_bytes / 4) << "not cut back after the pass";
}

}  // namespace

namespace {

// A file written before the counts table (and its triggers) existed gets them on open,
// counted from its rows, and keeps them up to date from then on.
TEST_F(OutboxVolume, AnOlderFileGetsItsCountsOnOpen) {
  auto c = config("vol-old");
  {
    auto ob = kb::Outbox::open(c);
    ASSERT_TRUE(ob.ok());
    ASSERT_TRUE(ob.value()->enqueue_batch(batch(0, 30)).ok());
    auto due = ob.value()->next_due(m_now);
    ASSERT_TRUE(due.ok() && due.value());
    ASSERT_TRUE(ob.value()->mark_delivered(due.value()->id, "SV", m_now).ok());
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(c.outbox_path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "DROP TRIGGER items_count_ins; DROP TRIGGER items_count_upd; "
                         "DROP TRIGGER items_count_del; DROP TABLE counts; DELETE FROM meta WHERE k='counts_ready';",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto ob = kb::Outbox::open(c);
  ASSERT_TRUE(ob.ok());
  auto h = ob.value()->health(m_now);
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->queued, 29);
  EXPECT_EQ(h->delivered, 1);
  ASSERT_TRUE(ob.value()->enqueue("service_application", body(99)).ok());
  EXPECT_EQ(ob.value()->health(m_now)->queued, 30);
}

}  // namespace
