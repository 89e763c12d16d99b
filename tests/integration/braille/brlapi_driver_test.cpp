// SPDX-License-Identifier: GPL-3.0-or-later
// End to end: presenter -> liblouis -> BrlapiDriver -> private brltty -b vr -> harness.
// One brltty for the whole suite (first connect takes about 1 s); the suite runs as one
// process (add_test, not per-test discovery). RecoversOnItsOwnAfterBrlttyRestarts restarts brltty.
#include <gtest/gtest.h>

#include <brlapi.h>

#include <memory>
#include <optional>
#include <thread>

#include "drivers/braille/brlapi_driver.h"
#include "drivers/braille/louis_translator.h"
#include "kiosk/core/present/braille/braille_presenter.h"
#include "vr_harness.h"

using namespace std::chrono_literals;
using namespace kiosk::drivers::braille;
namespace cb = kiosk::core::braille;
using kiosk::core::Role;
using kiosk::testing::VrDisplay;

namespace {

constexpr auto kDeadline = 15s;   // generous for a loaded 2-core machine; only failures wait

// Waits for the first event matching `pred`, collecting everything before it.
template <class Pred>
bool wait_event(BrailleDriver& driver, Pred pred, DriverEvent* found = nullptr) {
  const auto end = std::chrono::steady_clock::now() + kDeadline;
  while (std::chrono::steady_clock::now() < end) {
    for (const DriverEvent& e : driver.drain()) {
      if (pred(e)) {
        if (found) *found = e;
        return true;
      }
    }
    std::this_thread::sleep_for(5ms);
  }
  return false;
}

bool is_kind(const DriverEvent& e, DriverEvent::Kind kind) { return e.kind == kind; }

cb::BrailleItem button(std::string id, std::string name) {
  cb::BrailleItem i;
  i.id = std::move(id);
  i.role = Role::Button;
  i.name = std::move(name);
  return i;
}

class BrlttySuite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    display = std::make_unique<VrDisplay>(40);
    ASSERT_TRUE(display->start_brltty());
    LouisOpenResult r = LouisTranslator::open({std::string(KIOSK_SOURCE_ROOT) + "/config/braille"});
    ASSERT_TRUE(r.translator) << r.error;
    translator = std::move(r.translator);
    BrailleDriverConfig config;
    config.host = display->brlapi_host();
    config.auth = "none";
    config.retry_min_ms = 50;
    config.retry_max_ms = 400;
    driver = std::make_unique<BrlapiDriver>(config);
  }
  static void TearDownTestSuite() {
    driver.reset();
    display.reset();
    translator.reset();
  }
  void SetUp() override {
    ASSERT_TRUE(display) << "suite set-up failed";
    presenter = std::make_unique<cb::BraillePresenter>(*translator);
    cb::BrailleVocabulary v;
    v.role_marks[static_cast<std::size_t>(Role::Button)] = "钮";
    presenter->set_vocabulary(v);
    presenter->set_width(driver->cells());
  }
  void show() {
    if (auto f = presenter->take_frame()) driver->write(f->cells, f->cursor);
  }
  std::string line_cells() { return presenter->frame().cells; }

  static std::unique_ptr<VrDisplay> display;
  static std::unique_ptr<LouisTranslator> translator;
  static std::unique_ptr<BrlapiDriver> driver;
  std::unique_ptr<cb::BraillePresenter> presenter;
};

std::unique_ptr<VrDisplay> BrlttySuite::display;
std::unique_ptr<LouisTranslator> BrlttySuite::translator;
std::unique_ptr<BrlapiDriver> BrlttySuite::driver;

}  // namespace

TEST_F(BrlttySuite, ConnectsAndReportsTheDisplayWidth) {
  DriverEvent e;
  ASSERT_TRUE(wait_event(*driver, [](const DriverEvent& ev) { return is_kind(ev, DriverEvent::Kind::Connected); }, &e))
      << "see " << display->log_path();
  EXPECT_EQ(e.cells, 40);
  EXPECT_EQ(driver->cells(), 40);
}

TEST_F(BrlttySuite, DisplayShowsNationalCommonBraille) {
  presenter->present(button("home.query", "残疾人两项补贴查询"), cb::PersonalContent::Hidden);
  show();
  EXPECT_TRUE(display->wait_for(line_cells(), kDeadline)) << display->shown();
  EXPECT_EQ(display->shown().rfind("⠉⠧⠛⠊⠂⠚⠴⠇⠭⠄⠓⠭⠃⠥⠄⠞⠑⠁⠟⠔⠓⠸⠂", 0), 0u) << display->shown();
}

TEST_F(BrlttySuite, NavigationByBrailleKeysAlone) {
  const std::vector<cb::BrailleItem> items = {button("home.a", "补贴查询"), button("home.b", "银行卡"),
                                              button("home.c", "行长信箱")};
  std::size_t focus = 0;
  int activated = -1;
  presenter->present(items[focus], cb::PersonalContent::Hidden);
  show();
  ASSERT_TRUE(display->wait_for(line_cells(), kDeadline));
  // (The vr driver ignores `Route 0`; cell 1 is still over the item.)
  for (const char* command : {"LnDn", "LnDn", "LnUp", "Route 1"}) {
    display->send(command);
    DriverEvent e;
    ASSERT_TRUE(wait_event(*driver, [](const DriverEvent& ev) { return is_kind(ev, DriverEvent::Kind::Key); }, &e))
        << command;
    const cb::BrailleAction a = presenter->handle_key(e.key);
    if (a.kind == cb::BrailleActionKind::NextItem) focus = std::min(focus + 1, items.size() - 1);
    if (a.kind == cb::BrailleActionKind::PreviousItem) focus = focus == 0 ? 0 : focus - 1;
    if (a.kind == cb::BrailleActionKind::Activate) activated = static_cast<int>(focus);
    presenter->present(items[focus], cb::PersonalContent::Hidden);
    show();
    ASSERT_TRUE(display->wait_for(line_cells(), kDeadline)) << command << ": " << display->shown();
  }
  EXPECT_EQ(focus, 1u);
  EXPECT_EQ(activated, 1);
  // 银行卡 through kiosk-zh: yín háng kǎ.
  EXPECT_EQ(display->shown().rfind("⠣⠂⠓⠦⠅⠔⠄", 0), 0u) << display->shown();
}

TEST_F(BrlttySuite, RoutingKeysArriveCountedFromZero) {
  display->send("Route 3");
  DriverEvent e;
  ASSERT_TRUE(wait_event(*driver, [](const DriverEvent& ev) { return is_kind(ev, DriverEvent::Kind::Key); }, &e));
  EXPECT_EQ(e.key.kind, cb::BrailleKeyKind::Route);
  EXPECT_EQ(e.key.argument, 3);
}

TEST_F(BrlttySuite, BrailleKeyboardTypesAnIdNumber) {
  // Dots of 1 1 0 x: a a j x; in an ID field no number sign is needed.
  cb::BrailleKeyboard keyboard(cb::EntryKind::IdNumber);
  std::string typed;
  for (int dots : {cb::dots_mask(1), cb::dots_mask(1), cb::dots_mask(2, 4, 5), cb::dots_mask(1, 3, 4, 6)}) {
    display->send("PassDots " + std::to_string(dots));
    DriverEvent e;
    ASSERT_TRUE(wait_event(*driver, [](const DriverEvent& ev) { return is_kind(ev, DriverEvent::Kind::Key); }, &e));
    // BRLTTY hands typed chords over as characters of its text table, or as raw dots.
    std::optional<char32_t> c;
    if (e.key.kind == cb::BrailleKeyKind::Character) c = keyboard.feed_char(static_cast<char32_t>(e.key.argument));
    else if (e.key.kind == cb::BrailleKeyKind::Dots) c = keyboard.feed(static_cast<std::uint8_t>(e.key.argument));
    else ADD_FAILURE() << "unexpected key kind";
    if (c) typed += static_cast<char>(*c);
  }
  EXPECT_EQ(typed, "110X");
}

TEST_F(BrlttySuite, NarrowDisplayPansAtCharacterBoundaries) {
  // BRLTTY 6.5 keeps the size it read when the display attached, so a narrow display
  // is simulated by a 14-cell presenter on the 40-cell one.
  DriverEvent e;
  presenter->set_width(14);
  presenter->present(button("home.query", "残疾人两项补贴查询"), cb::PersonalContent::Hidden);
  show();
  ASSERT_TRUE(display->wait_for(line_cells(), kDeadline)) << display->shown();
  std::string all = display->shown();
  display->send("FwinRt");
  ASSERT_TRUE(wait_event(*driver, [](const DriverEvent& ev) { return is_kind(ev, DriverEvent::Kind::Key); }, &e));
  EXPECT_EQ(e.key.kind, cb::BrailleKeyKind::PanRight);
  presenter->handle_key(e.key);
  show();
  ASSERT_TRUE(display->wait_for(line_cells(), kDeadline)) << display->shown();
  all += display->shown();
  EXPECT_EQ(all.rfind("⠉⠧⠛⠊⠂⠚⠴⠇⠭⠄⠓⠭⠃⠥⠄⠞⠑", 0), 0u) << all;
}

TEST_F(BrlttySuite, RecoversOnItsOwnAfterBrlttyRestarts) {
  presenter->present(button("home.b", "银行卡"), cb::PersonalContent::Hidden);
  show();
  ASSERT_TRUE(display->wait_for(line_cells(), kDeadline));
  display->stop_brltty();
  ASSERT_TRUE(wait_event(*driver, [](const DriverEvent& ev) { return is_kind(ev, DriverEvent::Kind::Lost); }));
  EXPECT_EQ(driver->cells(), 0);
  // Written while lost: remembered and shown once the display is back.
  presenter->present(button("home.c", "行长信箱"), cb::PersonalContent::Hidden);
  show();
  ASSERT_TRUE(display->start_brltty());
  DriverEvent e;
  ASSERT_TRUE(wait_event(*driver, [](const DriverEvent& ev) { return is_kind(ev, DriverEvent::Kind::Connected); }, &e))
      << "see " << display->log_path();
  EXPECT_EQ(e.cells, 40);
  EXPECT_TRUE(display->wait_for(line_cells(), kDeadline)) << display->shown();
  EXPECT_EQ(display->shown().rfind("⠓⠦⠌⠦⠄", 0), 0u) << display->shown();
}

// The BrlAPI key codes the kiosk maps (brlapi_constants.h), without a daemon.
TEST(BrlapiKeyMap, DisplayCommandsAndBrailleKeyboard) {
  using K = cb::BrailleKeyKind;
  auto map = [](std::uint64_t code) {
    cb::BrailleKey key{K::Space, -1};
    return map_brlapi_key(code, key) ? std::optional<cb::BrailleKey>(key) : std::nullopt;
  };
  auto cmd = [](std::uint64_t value) { return static_cast<std::uint64_t>(BRLAPI_KEY_TYPE_CMD) | value; };
  EXPECT_EQ(map(cmd(BRLAPI_KEY_CMD_LNUP)), (cb::BrailleKey{K::LineUp, 0}));
  EXPECT_EQ(map(cmd(BRLAPI_KEY_CMD_LNDN)), (cb::BrailleKey{K::LineDown, 0}));
  EXPECT_EQ(map(cmd(BRLAPI_KEY_CMD_FWINLT)), (cb::BrailleKey{K::PanLeft, 0}));
  EXPECT_EQ(map(cmd(BRLAPI_KEY_CMD_FWINRT)), (cb::BrailleKey{K::PanRight, 0}));
  EXPECT_EQ(map(cmd(BRLAPI_KEY_CMD_TOP)), (cb::BrailleKey{K::Top, 0}));
  EXPECT_EQ(map(cmd(BRLAPI_KEY_CMD_TOP_LEFT)), (cb::BrailleKey{K::Top, 0}));
  EXPECT_EQ(map(cmd(BRLAPI_KEY_CMD_BOT)), (cb::BrailleKey{K::Bottom, 0}));
  EXPECT_EQ(map(cmd(BRLAPI_KEY_CMD_BOT_LEFT)), (cb::BrailleKey{K::Bottom, 0}));
  EXPECT_EQ(map(cmd(BRLAPI_KEY_CMD_ROUTE | 7)), (cb::BrailleKey{K::Route, 7}));
  EXPECT_EQ(map(cmd(BRLAPI_KEY_CMD_PASSDOTS | cb::dots_mask(1, 4))), (cb::BrailleKey{K::Dots, cb::dots_mask(1, 4)}));
  EXPECT_EQ(map(cmd(BRLAPI_KEY_CMD_PASSDOTS)), (cb::BrailleKey{K::Space, 0}));
  EXPECT_EQ(map(cmd(BRLAPI_KEY_CMD_PASSDOTS | 0x40)), (cb::BrailleKey{K::Backspace, 0}));
  EXPECT_EQ(map(cmd(BRLAPI_KEY_CMD_PASSDOTS | 0x80)), (cb::BrailleKey{K::Enter, 0}));
  const std::uint64_t sym = BRLAPI_KEY_TYPE_SYM;
  EXPECT_EQ(map(sym | BRLAPI_KEY_SYM_UNICODE | 0x2803), (cb::BrailleKey{K::Dots, 0x03}));
  EXPECT_EQ(map(sym | 'x'), (cb::BrailleKey{K::Character, 'x'}));
  EXPECT_EQ(map(sym | BRLAPI_KEY_SYM_BACKSPACE), (cb::BrailleKey{K::Backspace, 0}));
  EXPECT_EQ(map(cmd(BRLAPI_KEY_CMD_HOME)), std::nullopt);   // brltty's own cursor command: not ours
}
