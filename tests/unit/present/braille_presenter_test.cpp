// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include "braille_fake_translator.h"
#include "kiosk/core/present/braille/braille_presenter.h"

using namespace kiosk::core;
using namespace kiosk::core::braille;
using kiosk::core::braille::testing::cell_count;
using kiosk::core::braille::testing::FakeTranslator;

namespace {

BrailleVocabulary vocabulary() {
  BrailleVocabulary v;
  v.role_marks[static_cast<std::size_t>(Role::Button)] = "btn";
  v.role_marks[static_cast<std::size_t>(Role::TextField)] = "edt";
  v.role_marks[static_cast<std::size_t>(Role::Checkbox)] = "chk";
  v.selected = "on";
  v.not_selected = "off";
  v.disabled = "dim";
  v.hidden = "hidden";
  return v;
}

BrailleItem item(std::string id, Role role, std::string name, std::string value = {}) {
  BrailleItem i;
  i.id = std::move(id);
  i.role = role;
  i.name = std::move(name);
  i.value = std::move(value);
  return i;
}

struct Fixture : ::testing::Test {
  FakeTranslator translator;
  BraillePresenter presenter{translator};
  void SetUp() override { presenter.set_vocabulary(vocabulary()); }
  std::string text() { return presenter.take_event().value_or(BrailleLineEvent{}).text; }
};

using BraillePresenterTest = Fixture;

}  // namespace

TEST_F(BraillePresenterTest, LineHasNameRoleStateAndValue) {
  BrailleItem cb = item("s.sound", Role::Checkbox, "sound");
  presenter.present(cb, PersonalContent::Hidden);
  EXPECT_EQ(text(), "sound chk off");
  cb.state.selected = true;
  cb.state.disabled = true;
  presenter.present(cb, PersonalContent::Hidden);
  EXPECT_EQ(text(), "sound chk on dim");
  presenter.present(item("f.phone", Role::TextField, "phone", "138"), PersonalContent::Hidden);
  const auto event = presenter.take_event();
  ASSERT_TRUE(event);
  EXPECT_EQ(event->text, "phone edt 138");
  EXPECT_EQ(cell_count(event->cells), 13u);
  EXPECT_EQ(event->table, "en-ueb-g1.ctb");
}

TEST_F(BraillePresenterTest, SecretValueIsFullCellsAndNeverInText) {
  BrailleItem pin = item("f.pin", Role::NumberField, "PIN", "4721");
  pin.privacy = Privacy::Secret;
  presenter.present(pin, PersonalContent::Shown);
  const auto event = presenter.take_event();
  ASSERT_TRUE(event);
  EXPECT_EQ(event->text, "PIN ****");
  EXPECT_EQ(event->cells.find("4"), std::string::npos);
  EXPECT_NE(event->cells.find("⣿⣿⣿⣿"), std::string::npos);
  EXPECT_EQ(event->text.find("4721"), std::string::npos);
}

TEST_F(BraillePresenterTest, PersonalValueFollowsThePrivacyFlag) {
  BrailleItem status = item("s.amount", Role::Text, "amount", "122");
  status.privacy = Privacy::Personal;
  presenter.present(status, PersonalContent::Hidden);
  EXPECT_EQ(text(), "amount hidden");
  presenter.present(status, PersonalContent::Shown);
  EXPECT_EQ(text(), "amount 122");
}

// S7: what the resident types into an ID-type field is echoed on the braille display,
// their own like the headset, even when the loudspeaker may only count the digits.
TEST_F(BraillePresenterTest, ATypedIdNumberIsEchoedOnBrailleWithoutConsent) {
  BrailleItem id = item("f.id", Role::TextField, "ID", "110101");
  id.privacy = Privacy::Personal;
  presenter.present(id, PersonalContent::Hidden);
  EXPECT_EQ(text(), "ID edt 110101");
}

TEST_F(BraillePresenterTest, PansAtCharacterBoundariesAndBack) {
  presenter.set_width(5);
  // Each Han character is two cells: 5 cells must never split one.
  presenter.present(item("h.t", Role::Text, "残疾人两项补贴"), PersonalContent::Hidden);
  std::vector<std::size_t> widths;
  std::string joined;
  for (int i = 0; i < 10; ++i) {
    const BrailleFrame f = presenter.frame();
    widths.push_back(cell_count(f.cells));
    joined += f.cells;
    if (presenter.handle_key({BrailleKeyKind::PanRight, 0}).kind == BrailleActionKind::PanBoundary) break;
  }
  EXPECT_EQ(widths, (std::vector<std::size_t>{4, 4, 4, 2}));
  EXPECT_EQ(cell_count(joined), 14u);
  EXPECT_EQ(presenter.handle_key({BrailleKeyKind::PanRight, 0}).kind, BrailleActionKind::PanBoundary);
  presenter.handle_key({BrailleKeyKind::PanLeft, 0});
  presenter.handle_key({BrailleKeyKind::PanLeft, 0});
  presenter.handle_key({BrailleKeyKind::PanLeft, 0});
  EXPECT_EQ(presenter.handle_key({BrailleKeyKind::PanLeft, 0}).kind, BrailleActionKind::PanBoundary);
}

TEST_F(BraillePresenterTest, PanPrefersWordBreaks) {
  presenter.set_width(14);
  presenter.present(item("h.t", Role::Text, "check your allowance"), PersonalContent::Hidden);
  EXPECT_EQ(cell_count(presenter.frame().cells), 10u);   // "check your" then the blank is trimmed
  presenter.handle_key({BrailleKeyKind::PanRight, 0});
  EXPECT_EQ(cell_count(presenter.frame().cells), 9u);    // "allowance"
}

TEST_F(BraillePresenterTest, RoutingOverButtonActivatesOverBlankDoesNothing) {
  presenter.present(item("h.go", Role::Button, "go"), PersonalContent::Hidden);
  EXPECT_EQ(presenter.handle_key({BrailleKeyKind::Route, 0}).kind, BrailleActionKind::Activate);
  EXPECT_EQ(presenter.handle_key({BrailleKeyKind::Route, 5}).kind, BrailleActionKind::Activate);
  EXPECT_EQ(presenter.handle_key({BrailleKeyKind::Route, 30}).kind, BrailleActionKind::None);
  BrailleItem text_item = item("h.t", Role::Text, "hello");
  presenter.present(text_item, PersonalContent::Hidden);
  EXPECT_EQ(presenter.handle_key({BrailleKeyKind::Route, 1}).kind, BrailleActionKind::None);
}

TEST_F(BraillePresenterTest, RoutingOverFieldPlacesCursorOnTheCharacter) {
  BrailleItem f = item("f.phone", Role::TextField, "tel", "13812");
  f.cursor = 5;
  presenter.present(f, PersonalContent::Hidden);
  // "tel edt 13812": value starts at cell 8.
  BrailleAction a = presenter.handle_key({BrailleKeyKind::Route, 10});
  EXPECT_EQ(a.kind, BrailleActionKind::SetCursor);
  EXPECT_EQ(a.position, 2);
  a = presenter.handle_key({BrailleKeyKind::Route, 1});
  EXPECT_EQ(a.kind, BrailleActionKind::SetCursor);
  EXPECT_EQ(a.position, 5);   // over the label: end of the value
  EXPECT_EQ(presenter.frame().cursor, 13);
  f.cursor = 1;
  presenter.present(f, PersonalContent::Hidden);
  EXPECT_EQ(presenter.frame().cursor, 9);
}

TEST_F(BraillePresenterTest, RoutingIsRelativeToThePannedWindow) {
  presenter.set_width(6);
  BrailleItem f = item("f.n", Role::TextField, "n", "abcdefghij");
  presenter.present(f, PersonalContent::Hidden);
  presenter.handle_key({BrailleKeyKind::PanRight, 0});   // window now starts at "abcdef"
  const BrailleAction a = presenter.handle_key({BrailleKeyKind::Route, 3});
  EXPECT_EQ(a.kind, BrailleActionKind::SetCursor);
  EXPECT_EQ(a.position, 3);
}

TEST_F(BraillePresenterTest, CursorKeepsTheWindowOnTheCursorWhileTyping) {
  presenter.set_width(8);
  BrailleItem f = item("f.n", Role::TextField, "num", "");
  f.cursor = 0;
  std::string value;
  for (char c : std::string("1234567890")) {
    value += c;
    f.value = value;
    f.cursor = static_cast<int>(value.size());
    presenter.present(f, PersonalContent::Hidden);
    const BrailleFrame frame = presenter.frame();
    ASSERT_GE(frame.cursor, 0) << value;
    ASSERT_LT(frame.cursor, 8);
  }
}

TEST_F(BraillePresenterTest, AlertStaysUntilNextKeyThenLineReturns) {
  presenter.present(item("h.go", Role::Button, "go"), PersonalContent::Hidden);
  const std::string line = presenter.frame().cells;
  presenter.show_alert("bad");
  EXPECT_EQ(text(), "bad");
  presenter.present(item("h.next", Role::Button, "next"), PersonalContent::Hidden);
  EXPECT_EQ(text(), "");   // unchanged: still the alert, no new event
  EXPECT_TRUE(presenter.alert_active());
  EXPECT_EQ(presenter.handle_key({BrailleKeyKind::Route, 0}).kind, BrailleActionKind::None);
  EXPECT_FALSE(presenter.alert_active());
  EXPECT_EQ(text(), "next btn");
  presenter.show_alert("again");
  EXPECT_EQ(presenter.handle_key({BrailleKeyKind::LineDown, 0}).kind, BrailleActionKind::NextItem);
  EXPECT_FALSE(presenter.alert_active());
  EXPECT_NE(line, presenter.frame().cells);
}

TEST_F(BraillePresenterTest, FramesAndEventsOnlyOnChange) {
  presenter.present(item("h.go", Role::Button, "go"), PersonalContent::Hidden);
  EXPECT_TRUE(presenter.take_frame());
  EXPECT_TRUE(presenter.take_event());
  presenter.present(item("h.go", Role::Button, "go"), PersonalContent::Hidden);
  EXPECT_FALSE(presenter.take_frame());
  EXPECT_FALSE(presenter.take_event());
  presenter.clear();
  const auto blank = presenter.take_frame();
  ASSERT_TRUE(blank);
  EXPECT_EQ(blank->cells, "");
}

TEST_F(BraillePresenterTest, TranslationFailureGivesFullCellsAndAnError) {
  translator.fail = true;
  presenter.present(item("h.go", Role::Button, "go"), PersonalContent::Hidden);
  EXPECT_EQ(presenter.frame().cells, "⣿⣿⠀⣿⣿⣿");
  EXPECT_EQ(presenter.last_error(), "fake failure");
  EXPECT_EQ(cell_count(presenter.frame().cells), 6u);
}

TEST_F(BraillePresenterTest, KeysOtherThanNavigationPassThrough) {
  const BrailleAction a = presenter.handle_key({BrailleKeyKind::Dots, 3});
  EXPECT_EQ(a.kind, BrailleActionKind::Input);
  EXPECT_EQ(a.key.argument, 3);
  EXPECT_EQ(presenter.handle_key({BrailleKeyKind::LineUp, 0}).kind, BrailleActionKind::PreviousItem);
}
