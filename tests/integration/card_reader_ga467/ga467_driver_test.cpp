// SPDX-License-Identifier: GPL-3.0-or-later
// The real GA 467 driver (drivers/card_reader/ga467_driver.h) against the reader simulator
// (tools/reader_sim) on a pseudo-terminal: a card read and decoded, its removal, every
// fault the simulator can play giving the event the kiosk needs (never a crash or a hang),
// unplug and replug, the poll interval and an idle worker that does not spin.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>

#include "drivers/card_reader/card_file.h"
#include "drivers/card_reader/card_reader_driver.h"
#include "drivers/card_reader/ga467_driver.h"
#include "reader_model.h"
#include "reader_sim_process.h"

namespace fs = std::filesystem;
namespace cr = kiosk::drivers::card_reader;
using Kind = kiosk::core::CardEvent::Kind;
using kiosk::testing::ReaderSimProcess;
using Clock = std::chrono::steady_clock;

namespace {

// Short waits keep the suite quick; the poll interval stays at the readers' floor.
constexpr cr::Ga467CardReader::Timing kFast{.poll_ms = 300, .answer_ms = 500, .read_ms = 1200, .reopen_ms = 300};

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("ga467-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "card.json") << kiosk::testing::kSimCard;
  return dir;
}

// Collects a driver's events through its wake-up, as the main loop does. The wake-up's
// state is shared with the worker's copy of the callback, so either may go first.
class Events {
 public:
  explicit Events(cr::CardReaderDriver& driver) : m_driver(driver), m_signal(std::make_shared<Signal>()) {
    driver.set_wakeup([signal = m_signal] {
      const std::lock_guard lock(signal->mutex);
      ++signal->wakeups;
      signal->cv.notify_all();
    });
  }
  ~Events() { detach(); }
  // Before the driver goes, when it goes first.
  void detach() {
    if (m_attached) m_driver.set_wakeup({});
    m_attached = false;
  }
  // Waits for an event of `kind`; true when it came. Everything drained is kept in all().
  bool wait_for(Kind kind, int timeout_ms) {
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
      for (auto& event : m_driver.drain()) m_all.push_back(std::move(event));
      for (; m_seen < m_all.size(); ++m_seen)
        if (m_all[m_seen].kind == kind) return ++m_seen, true;
      std::unique_lock lock(m_signal->mutex);
      if (!m_signal->cv.wait_until(lock, deadline, [&] { return m_signal->wakeups > 0; })) break;
      m_signal->wakeups = 0;
    }
    for (auto& event : m_driver.drain()) m_all.push_back(std::move(event));
    for (; m_seen < m_all.size(); ++m_seen)
      if (m_all[m_seen].kind == kind) return ++m_seen, true;
    return false;
  }
  int count(Kind kind) {
    for (auto& event : m_driver.drain()) m_all.push_back(std::move(event));
    int n = 0;
    for (const auto& e : m_all) n += e.kind == kind ? 1 : 0;
    return n;
  }
  const std::vector<kiosk::core::CardEvent>& all() const { return m_all; }

 private:
  struct Signal {
    std::mutex mutex;
    std::condition_variable cv;
    int wakeups = 0;
  };
  cr::CardReaderDriver& m_driver;
  std::shared_ptr<Signal> m_signal;
  bool m_attached = true;
  std::vector<kiosk::core::CardEvent> m_all;
  std::size_t m_seen = 0;
};

std::string all_text(const kiosk::core::IdCard& c) {
  return c.name + c.sex + c.nation + c.birth + c.address + c.id_number + c.authority + c.valid_from + c.valid_to;
}

}  // namespace

TEST(Ga467CardReader, ReadsTheCardDecodesEveryFieldKeepsNoPhotoAndSeesItRemoved) {
  const fs::path dir = fresh_dir("read");
  ReaderSimProcess sim(dir, {(dir / "card.json").string()});
  ASSERT_TRUE(sim.started());
  cr::Ga467CardReader reader(sim.link(), kFast);
  Events events(reader);
  ASSERT_TRUE(events.wait_for(Kind::Placed, 5000));
  const auto expected = cr::parse_card_file(kiosk::testing::kSimCard);
  ASSERT_TRUE(expected.ok());
  const kiosk::core::IdCard& card = events.all().back().card;
  EXPECT_EQ(card.name, "张三明");
  EXPECT_EQ(card.sex, "男");        // code 1 on the card
  EXPECT_EQ(card.nation, "汉");     // code 01
  EXPECT_EQ(card.birth, "19800101");
  EXPECT_EQ(card.address, expected->address);
  EXPECT_EQ(card.id_number, "14108119800101035X");
  EXPECT_EQ(card.authority, "侯马市公安局");
  EXPECT_EQ(card.valid_from, "20200101");
  EXPECT_EQ(card.valid_to, "长期");
  // The photo came over the line with the text; none of it reaches the card.
  EXPECT_EQ(all_text(card).find(kiosk::tools::reader_sim::kPhotoMarker), std::string::npos);
  EXPECT_EQ(all_text(card).find("WLT"), std::string::npos);

  // Lying on the reader it is not read again (no second Placed), and not "removed".
  std::this_thread::sleep_for(std::chrono::milliseconds(1000));
  EXPECT_EQ(events.count(Kind::Placed), 1);
  EXPECT_EQ(events.count(Kind::Removed), 0);
  sim.send("remove");
  ASSERT_TRUE(events.wait_for(Kind::Removed, 3000));
  sim.send("place");
  ASSERT_TRUE(events.wait_for(Kind::Placed, 3000));   // the same card again is a new read
  EXPECT_EQ(events.count(Kind::Unreadable) + events.count(Kind::ReaderLost), 0);
}

TEST(Ga467CardReader, TheTableOpensItFromAConfigEntryWithTheDevicePath) {
  const fs::path dir = fresh_dir("table");
  ReaderSimProcess sim(dir, {(dir / "card.json").string()});
  ASSERT_TRUE(sim.started());
  auto reader = cr::open_card_reader({"ga467:" + sim.link(), "null"});
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->code(), "ga467");
  Events events(*reader);
  EXPECT_TRUE(events.wait_for(Kind::Placed, 5000));
  // Without a device it does not open: the next entry wins.
  auto fallback = cr::open_card_reader({"ga467", "ga467:", "null"});
  ASSERT_TRUE(fallback);
  EXPECT_EQ(fallback->code(), "null");
}

TEST(Ga467CardReader, PollsAtLeast300MsApartAndSleepsInBetween) {
  const fs::path dir = fresh_dir("poll");
  ReaderSimProcess sim(dir, {(dir / "card.json").string(), "--removed"});
  ASSERT_TRUE(sim.started());
  rusage before{}, after{};
  ::getrusage(RUSAGE_SELF, &before);
  {
    cr::Ga467CardReader reader(sim.link(), {.poll_ms = 50, .answer_ms = 500, .read_ms = 1200, .reopen_ms = 300});
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  }
  ::getrusage(RUSAGE_SELF, &after);
  std::vector<std::int64_t> finds;
  for (const auto& c : sim.commands())
    if (c.cmd == 0x20 && c.para == 0x01) finds.push_back(c.ms);
  ASSERT_GE(finds.size(), 5u);   // it does poll: 2.5 s / 300 ms
  EXPECT_LE(finds.size(), 10u);  // asked for 50 ms, held to the readers' 300
  std::int64_t shortest = 1 << 30;
  for (std::size_t i = 1; i < finds.size(); ++i) shortest = std::min(shortest, finds[i] - finds[i - 1]);
  // Measured where the simulator reads the bytes: on a loaded machine one late read makes
  // the gap after it look shorter by the simulator's own scheduling delay, so the margin
  // is 50 ms; the average below holds the 300 ms, and a driver polling at the 50 ms it
  // was asked for fails both.
  EXPECT_GE(shortest, 250) << "find-card polls closer than the readers' 300 ms";
  EXPECT_GE((finds.back() - finds.front()) / static_cast<std::int64_t>(finds.size() - 1), 300);
  const auto cpu_ms = [](const rusage& r) {
    return (r.ru_utime.tv_sec + r.ru_stime.tv_sec) * 1000 + (r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1000;
  };
  EXPECT_LT(cpu_ms(after) - cpu_ms(before), 150) << "the worker spins while waiting";
}

struct FaultCase {
  const char* fault;
  std::vector<std::string> extra;
};
void PrintTo(const FaultCase& c, std::ostream* os) { *os << c.fault; }

class Ga467CardReaderFault : public ::testing::TestWithParam<FaultCase> {};

// A read spoiled on the line: one Unreadable, no card, the worker still serving (the card
// taken away is seen), and the driver stops at once.
TEST_P(Ga467CardReaderFault, ASpoiledReadIsUnreadableOnceAndTheReaderGoesOn) {
  const fs::path dir = fresh_dir(GetParam().fault);
  std::vector<std::string> args{(dir / "card.json").string(), "--fault", GetParam().fault};
  args.insert(args.end(), GetParam().extra.begin(), GetParam().extra.end());
  ReaderSimProcess sim(dir, args);
  ASSERT_TRUE(sim.started());
  auto reader = std::make_unique<cr::Ga467CardReader>(sim.link(), kFast);
  Events events(*reader);
  ASSERT_TRUE(events.wait_for(Kind::Unreadable, 6000));
  std::this_thread::sleep_for(std::chrono::milliseconds(800));
  EXPECT_EQ(events.count(Kind::Unreadable), 1);
  EXPECT_EQ(events.count(Kind::Placed), 0);
  EXPECT_EQ(events.count(Kind::ReaderLost), 0);
  sim.send("remove");
  EXPECT_TRUE(events.wait_for(Kind::Removed, 6000));
  events.detach();
  const auto start = Clock::now();
  reader.reset();
  EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(300));
}

INSTANTIATE_TEST_SUITE_P(Faults, Ga467CardReaderFault,
                         ::testing::Values(FaultCase{"garbage", {}}, FaultCase{"half-frame", {}},
                                           FaultCase{"bad-check", {}}, FaultCase{"slow-sam", {"--slow-ms", "2000"}}),
                         [](const auto& param_info) {
                           std::string name = param_info.param.fault;
                           std::erase(name, '-');
                           return name;
                         });

TEST(Ga467CardReader, ASlowSamWithinTheReadTimeStillReads) {
  const fs::path dir = fresh_dir("slow-ok");
  ReaderSimProcess sim(dir, {(dir / "card.json").string(), "--fault", "slow-sam", "--slow-ms", "700"});
  ASSERT_TRUE(sim.started());
  cr::Ga467CardReader reader(sim.link(), kFast);
  Events events(reader);
  ASSERT_TRUE(events.wait_for(Kind::Placed, 5000));
  EXPECT_EQ(events.count(Kind::Unreadable), 0);
}

TEST(Ga467CardReader, NoCardGivesNoEventAndPollingGoesOn) {
  const fs::path dir = fresh_dir("no-card");
  ReaderSimProcess sim(dir, {(dir / "card.json").string(), "--fault", "no-card"});
  ASSERT_TRUE(sim.started());
  cr::Ga467CardReader reader(sim.link(), kFast);
  Events events(reader);
  EXPECT_FALSE(events.wait_for(Kind::Placed, 1500));
  EXPECT_TRUE(events.all().empty());
  int finds = 0;
  for (const auto& c : sim.commands()) finds += c.cmd == 0x20 && c.para == 0x01 ? 1 : 0;
  EXPECT_GE(finds, 3);
}

TEST(Ga467CardReader, UnpluggedMidReadIsReaderLostAndAReplugReadsTheCard) {
  const fs::path dir = fresh_dir("unplug");
  ReaderSimProcess sim(dir, {(dir / "card.json").string(), "--fault", "unplug"});
  ASSERT_TRUE(sim.started());
  cr::Ga467CardReader reader(sim.link(), kFast);
  Events events(reader);
  ASSERT_TRUE(events.wait_for(Kind::ReaderLost, 5000));
  EXPECT_EQ(events.count(Kind::Placed), 0);
  ASSERT_TRUE(sim.wait_line("unplugged", 1000));
  std::this_thread::sleep_for(std::chrono::milliseconds(1000));   // retries while away: still one event
  EXPECT_EQ(events.count(Kind::ReaderLost), 1);
  sim.send("replug");
  ASSERT_TRUE(sim.wait_line("ready ", 2000));
  ASSERT_TRUE(events.wait_for(Kind::Placed, 5000));
  EXPECT_EQ(events.all().back().card.id_number, "14108119800101035X");
}

TEST(Ga467CardReader, AnAbsentDeviceIsReaderLostOnceAndAReaderPluggedInLaterIsUsed) {
  const fs::path dir = fresh_dir("hotplug");
  cr::Ga467CardReader reader((dir / "reader").string(), kFast);
  Events events(reader);
  ASSERT_TRUE(events.wait_for(Kind::ReaderLost, 2000));
  ReaderSimProcess sim(dir, {(dir / "card.json").string()});
  ASSERT_TRUE(sim.started());
  ASSERT_TRUE(events.wait_for(Kind::Placed, 5000));
  EXPECT_EQ(events.count(Kind::ReaderLost), 1);
}

TEST(Ga467CardReader, StopsAtOnceEvenInTheMiddleOfASlowRead) {
  const fs::path dir = fresh_dir("stop");
  ReaderSimProcess sim(dir, {(dir / "card.json").string(), "--fault", "slow-sam", "--slow-ms", "5000"});
  ASSERT_TRUE(sim.started());
  auto reader = std::make_unique<cr::Ga467CardReader>(sim.link(), cr::Ga467CardReader::Timing{});
  const auto deadline = Clock::now() + std::chrono::seconds(5);
  auto reading = [&] {
    for (const auto& c : sim.commands())
      if (c.cmd == 0x30) return true;
    return false;
  };
  while (!reading() && Clock::now() < deadline) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  ASSERT_TRUE(reading());
  const auto start = Clock::now();
  reader.reset();
  EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(300));
}

TEST(Ga467CardReaderSimulator, ACardThatDoesNotFitOrBadArgumentsExitWith2NamingTheProblem) {
  const fs::path dir = fresh_dir("sim-bad");
  std::ofstream(dir / "long.json") << R"({"name":"一二三四五六七八九十一二三四五六","sex":"男","nation":"汉",
    "birth":"19800101","address":"某街","id_number":"14108119800101035X","authority":"某局",
    "valid_from":"20200101","valid_to":"长期"})";
  const auto run = [&](const std::string& args) {
    const std::string command = std::string(READER_SIM) + " " + args + " </dev/null >/dev/null 2>" + (dir / "err.txt").string();
    const int status = std::system(command.c_str());
    std::ifstream in(dir / "err.txt");
    std::stringstream err;
    err << in.rdbuf();
    return std::make_pair(WIFEXITED(status) ? WEXITSTATUS(status) : -1, err.str());
  };
  auto [code, err] = run((dir / "long.json").string());
  EXPECT_EQ(code, 2);
  EXPECT_NE(err.find("long.json: \"name\" is longer than its 15 characters"), std::string::npos) << err;
  std::tie(code, err) = run((dir / "card.json").string() + " --fault melted");
  EXPECT_EQ(code, 2);
  EXPECT_NE(err.find("unknown fault \"melted\""), std::string::npos) << err;
  std::tie(code, err) = run((dir / "missing.json").string());
  EXPECT_EQ(code, 2);
  EXPECT_NE(err.find("missing.json: cannot read"), std::string::npos) << err;
}
