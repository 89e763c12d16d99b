// SPDX-License-Identifier: GPL-3.0-or-later
// Braille latency: translation per screen; key press -> brlapi_write call (in process);
// key press -> cells at a brltty virtual display. Prints p50 / p95 and a breakdown.
// BRLTTY 6.5 polls a driver without an input endpoint, such as vr, every 40 ms
// (BRAILLE_DRIVER_INPUT_POLL_INTERVAL in Programs/parameters.h), so "harness key sent"
// figures carry 0-40 ms of brltty's own input poll that a USB display does not have;
// "key read by the worker -> cells" is the path through the kiosk and back out through
// brltty. Keys are sent at staggered moments so that poll is not phase-locked.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "drivers/braille/brlapi_driver.h"
#include "drivers/braille/louis_translator.h"
#include "kiosk/core/present/braille/braille_presenter.h"
#include "vr_harness.h"

using namespace std::chrono;
using namespace kiosk::drivers::braille;
namespace cb = kiosk::core::braille;

namespace {
std::int64_t now_ns() { return duration_cast<nanoseconds>(steady_clock::now().time_since_epoch()).count(); }

void report(const char* what, std::vector<double> us) {
  std::sort(us.begin(), us.end());
  auto at = [&](double q) { return us[static_cast<std::size_t>(q * static_cast<double>(us.size() - 1))]; };
  std::printf("%-44s n=%zu  p50 %8.1f us  p95 %8.1f us  max %8.1f us\n", what, us.size(), at(0.5), at(0.95), us.back());
}

void report_translation(LouisTranslator& tr) {
  const std::vector<std::string> screen = {
      "残疾人两项补贴查询", "请插入身份证或残疾人证", "困难残疾人生活补贴", "重度残疾人护理补贴",
      "银行卡号 6222 0212 3456 7890", "联系电话 13812345678", "办理进度查询", "呼叫工作人员",
      "返回首页", "第2步，共5步"};
  std::vector<double> per_screen;
  for (int rep = 0; rep < 300; ++rep) {
    const auto a = steady_clock::now();
    for (const auto& line : screen) (void)tr.translate(line, {});
    per_screen.push_back(duration<double, std::micro>(steady_clock::now() - a).count());
  }
  report("translate one 10-line Chinese screen", per_screen);
  std::vector<double> english;
  const std::string en = "Welcome. Please enter your ID card number to check your disability allowance.";
  for (int rep = 0; rep < 300; ++rep) {
    const auto a = steady_clock::now();
    (void)tr.translate(en, cb::tables_for_setting("en-ueb-g2"));
    english.push_back(duration<double, std::micro>(steady_clock::now() - a).count());
  }
  report("translate 78-char English sentence (g2)", english);
}

// One key's way, in microseconds, from the driver's own timestamps and the harness's.
struct Breakdown {
  std::vector<double> to_write, to_display, read_to_shown;
  std::vector<double> sent_to_read, read_to_request, request_to_call, call_to_return, return_to_shown;

  void add(const BrlapiDriver& driver, std::int64_t sent, std::int64_t shown) {
    const auto us = [](std::int64_t ns) { return static_cast<double>(ns) / 1000.0; };
    to_write.push_back(us(driver.last_write_ns() - driver.last_key_ns()));
    to_display.push_back(us(shown - sent));
    sent_to_read.push_back(us(driver.last_key_ns() - sent));
    read_to_request.push_back(us(driver.last_request_ns() - driver.last_key_ns()));
    request_to_call.push_back(us(driver.last_write_start_ns() - driver.last_request_ns()));
    call_to_return.push_back(us(driver.last_write_ns() - driver.last_write_start_ns()));
    return_to_shown.push_back(us(shown - driver.last_write_ns()));
    read_to_shown.push_back(us(shown - driver.last_key_ns()));
  }
  void print() const {
    std::printf("breakdown:\n");
    report("  harness key sent -> key read by the worker", sent_to_read);
    report("  key read -> app asks for the frame", read_to_request);
    report("  frame asked -> brlapi__write entered", request_to_call);
    report("  brlapi__write entered -> returned", call_to_return);
    report("  brlapi__write returned -> cells at display", return_to_shown);
    report("key read -> brlapi__write returned (in process)", to_write);
    report("key read by the worker -> cells at display", read_to_shown);
    report("harness key sent -> cells at virtual display", to_display);
  }
};

// The app's main loop for one key: sleep until the driver wakes it, drain, present the
// next item, write.
class MainLoop {
 public:
  MainLoop(BrlapiDriver& driver, cb::BraillePresenter& presenter) : m_driver(driver), m_presenter(presenter) {
    m_driver.set_wakeup([this] {
      std::lock_guard lock(m_mu);
      m_pending = true;
      m_cv.notify_one();
    });
  }
  ~MainLoop() { m_driver.set_wakeup({}); }
  MainLoop(const MainLoop&) = delete;
  MainLoop& operator=(const MainLoop&) = delete;

  void handle_one_key() {
    for (bool done = false; !done;) {
      {
        std::unique_lock lock(m_mu);
        m_cv.wait_for(lock, milliseconds(500), [&] { return m_pending; });
        m_pending = false;
      }
      for (const DriverEvent& e : m_driver.drain()) {
        if (e.kind != DriverEvent::Kind::Key) continue;
        if (m_presenter.handle_key(e.key).kind == cb::BrailleActionKind::NextItem) m_focus = (m_focus + 1) % kItems.size();
        cb::BrailleItem item;
        item.id = std::to_string(m_focus);
        item.role = kiosk::core::Role::Button;
        item.name = kItems[m_focus];
        m_presenter.present(item, cb::PersonalContent::Hidden);
        if (auto f = m_presenter.take_frame()) m_driver.write(f->cells, f->cursor);
        done = true;
      }
    }
  }

 private:
  inline static const std::vector<std::string> kItems = {"补贴查询", "银行卡", "行长信箱", "呼叫工作人员"};
  BrlapiDriver& m_driver;
  cb::BraillePresenter& m_presenter;
  std::mutex m_mu;
  std::condition_variable m_cv;
  bool m_pending = false;
  std::size_t m_focus = 0;
};

// 200 keys through a brltty virtual display, at staggered moments (see the top).
bool report_key_to_cells(LouisTranslator& tr) {
  kiosk::testing::VrDisplay display(40);
  if (!display.start_brltty()) return false;
  BrailleDriverConfig config;
  config.host = display.brlapi_host();
  config.auth = "none";
  config.retry_min_ms = 50;
  BrlapiDriver driver(config);
  cb::BraillePresenter presenter(tr);
  MainLoop loop(driver, presenter);
  const auto deadline = steady_clock::now() + seconds(15);
  while (driver.cells() == 0 && steady_clock::now() < deadline) std::this_thread::sleep_for(milliseconds(10));
  if (driver.cells() == 0) {
    std::fprintf(stderr, "no display\n");
    return false;
  }
  Breakdown breakdown;
  for (int rep = 0; rep < 200; ++rep) {
    const std::uint64_t writes = driver.write_count();
    std::this_thread::sleep_for(milliseconds((rep * 7) % 40));
    const std::int64_t sent = now_ns();
    display.send("LnDn");
    loop.handle_one_key();
    if (!display.wait_for(presenter.frame().cells, seconds(5))) {
      std::fprintf(stderr, "display did not show the frame\n");
      return false;
    }
    const std::int64_t shown = now_ns();
    while (driver.write_count() == writes) std::this_thread::sleep_for(microseconds(50));
    breakdown.add(driver, sent, shown);
  }
  breakdown.print();
  return true;
}

}  // namespace

int main() {
  const auto t0 = steady_clock::now();
  LouisOpenResult r = LouisTranslator::open({std::string(KIOSK_SOURCE_ROOT) + "/config/braille"});
  if (!r.translator) {
    std::fprintf(stderr, "%s\n", r.error.c_str());
    return 1;
  }
  std::printf("compile all tables (open): %.1f ms\n", duration<double, std::milli>(steady_clock::now() - t0).count());
  report_translation(*r.translator);
  return report_key_to_cells(*r.translator) ? 0 : 1;
}
