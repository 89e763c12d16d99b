// SPDX-License-Identifier: GPL-3.0-or-later
// Text fields (ui/field.h): what each kind accepts, the cursor, masks, the node it puts
// in the tree, and typed input reaching a service's field through the Kiosk from keys,
// the keyboard and the braille routing key.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "kiosk/core/ui/field.h"
#include "kiosk_fixture.h"

namespace kiosk::core {
namespace {

FieldInput ch(char c) { return FieldInput{FieldKey::Char, c, 0}; }
FieldInput key(FieldKey k, int position = 0) { return FieldInput{k, 0, position}; }

void type(TextField& field, const std::string& text) {
  for (char c : text) field.apply(ch(c));
}

TEST(TextField, AnIdNumberTakesDigitsAndAnXOnlyAsItsCheckDigit) {
  TextField id(FieldKind::IdNumber, 18);
  EXPECT_EQ(id.apply(ch('X')), FieldEditResult::Rejected);
  type(id, "14108119680412035");
  EXPECT_EQ(id.apply(ch('a')), FieldEditResult::Rejected);
  EXPECT_EQ(id.apply(ch('x')), FieldEditResult::Inserted);
  EXPECT_EQ(id.value(), "14108119680412035X");
  EXPECT_TRUE(id.full());
  EXPECT_EQ(id.apply(ch('1')), FieldEditResult::Full);
  EXPECT_EQ(id.value().size(), 18u);
}

TEST(TextField, APhoneOrACodeNeverTakesX) {
  TextField phone(FieldKind::Phone, 11);
  type(phone, "1380000000");
  EXPECT_EQ(phone.apply(ch('X')), FieldEditResult::Rejected);
  TextField code(FieldKind::Code, 6);
  EXPECT_EQ(code.apply(ch('X')), FieldEditResult::Rejected);
}

TEST(TextField, TheCursorMovesAndTypingGoesWhereItIs) {
  TextField digits(FieldKind::Digits, 8);
  type(digits, "1234");
  EXPECT_EQ(digits.cursor(), 4u);
  EXPECT_EQ(digits.apply(key(FieldKey::CursorLeft)), FieldEditResult::Moved);
  EXPECT_EQ(digits.apply(key(FieldKey::CursorLeft)), FieldEditResult::Moved);
  EXPECT_EQ(digits.apply(ch('9')), FieldEditResult::Inserted);
  EXPECT_EQ(digits.value(), "12934");
  EXPECT_EQ(digits.apply(key(FieldKey::Backspace)), FieldEditResult::Deleted);
  EXPECT_EQ(digits.value(), "1234");
  EXPECT_EQ(digits.apply(key(FieldKey::CursorTo, 0)), FieldEditResult::Moved);   // braille routing
  EXPECT_EQ(digits.apply(key(FieldKey::Backspace)), FieldEditResult::Unchanged);
  EXPECT_EQ(digits.apply(key(FieldKey::CursorLeft)), FieldEditResult::Unchanged);
  EXPECT_EQ(digits.apply(key(FieldKey::CursorTo, 99)), FieldEditResult::Moved);   // past the end: the end
  EXPECT_EQ(digits.cursor(), 4u);
  EXPECT_EQ(digits.apply(key(FieldKey::CursorRight)), FieldEditResult::Unchanged);
  EXPECT_EQ(digits.apply(key(FieldKey::CursorTo, -1)), FieldEditResult::Rejected);
  EXPECT_EQ(digits.apply(key(FieldKey::Clear)), FieldEditResult::Cleared);
  EXPECT_TRUE(digits.value().empty());
  EXPECT_EQ(digits.cursor(), 0u);
}

TEST(TextField, MasksShowTheEndsOfNumbersAndNothingOfASecret) {
  TextField id(FieldKind::IdNumber, 18);
  type(id, "141081196804120356");
  EXPECT_EQ(id.masked(), "141081********0356");
  TextField phone(FieldKind::Phone, 11);
  type(phone, "13800000001");
  EXPECT_EQ(phone.masked(), "138****0001");
  TextField pin(FieldKind::Pin, 4);
  type(pin, "2468");
  EXPECT_EQ(pin.masked(), "****");
  TextField digits(FieldKind::Digits, 4);
  type(digits, "2026");
  EXPECT_EQ(digits.masked(), "2026");
  TextField short_id(FieldKind::IdNumber, 18);
  type(short_id, "14108");
  EXPECT_EQ(short_id.masked(), "14108");   // too short to hide anything yet
}

TEST(TextField, ACertificateNumberTakesXAsItsEighteenthAndBAsItsTwentyFirstCharacter) {
  TextField cert(FieldKind::CertificateNumber, TextField::kCertificateMaxLength);
  type(cert, "1100001949123100");
  EXPECT_EQ(cert.apply(ch('X')), FieldEditResult::Rejected);   // place 17: digits only
  type(cert, "2");
  EXPECT_EQ(cert.apply(ch('X')), FieldEditResult::Inserted);   // place 18: the check character
  type(cert, "12");
  EXPECT_EQ(cert.apply(ch('B')), FieldEditResult::Inserted) << "the letter key on a keyboard";
  EXPECT_EQ(cert.value(), "11000019491231002X12B");
  EXPECT_EQ(cert.apply(key(FieldKey::Backspace)), FieldEditResult::Deleted);
  EXPECT_EQ(cert.apply(ch('X')), FieldEditResult::Inserted) << "the star key types the B there";
  EXPECT_EQ(cert.apply(ch('X')), FieldEditResult::Rejected);
  EXPECT_EQ(cert.apply(ch('b')), FieldEditResult::Rejected);
  type(cert, "1");
  EXPECT_EQ(cert.value(), "11000019491231002X12B1");
  EXPECT_EQ(cert.masked(), "110000********002X****") << "category, grade and the mark are hidden";
  TextField id(FieldKind::IdNumber, 18);
  type(id, "14108119680412035");
  EXPECT_EQ(id.apply(ch('B')), FieldEditResult::Rejected);
}

TEST(TextField, ItsNodeCarriesKindCursorMaskAndPrivacy) {
  TextField code(FieldKind::Code, 6);
  type(code, "135");
  const Node node = code.node("visit.code", Message::of("visit.code"), {});
  EXPECT_EQ(node.role, Role::TextField);
  EXPECT_EQ(node.field_kind, "code");
  EXPECT_EQ(node.cursor, 3);
  EXPECT_EQ(node.masked_value, "***");
  EXPECT_EQ(node.privacy, Privacy::Secret);
  TextField id(FieldKind::IdNumber, 18);
  EXPECT_EQ(id.node("x", {}, {}).privacy, Privacy::Personal);
  TextField digits(FieldKind::Digits, 4);
  EXPECT_EQ(digits.node("x", {}, {}).privacy, Privacy::Public);
  EXPECT_STREQ(field_kind_name(FieldKind::CertificateNumber), "certificate_number");
}

// A service with one ID field.
class FieldService final : public Service {
 public:
  std::string id() const override { return "form"; }
  Message menu_name() const override { return Message::of("home.form"); }
  Message menu_hint() const override { return {}; }
  void start() override {}
  Tree build(const ServiceContext&) const override {
    Tree tree{"form", Message::of("form.title"), {}, {}};
    tree.nodes.push_back(field.node("form.id", Message::of("form.id"), {}));
    return tree;
  }
  ServiceOutcome activate(const std::string&, const ServiceContext&) override { return {}; }
  ServiceOutcome edit(const std::string& node_id, const FieldInput& input, const ServiceContext&) override {
    if (node_id != "form.id") return {};
    field.apply(input);
    return ServiceOutcome::of(ServiceOutcome::Kind::Rebuild);
  }
  ServiceOutcome back() override { return ServiceOutcome::of(ServiceOutcome::Kind::Leave); }
  void reset() override { field.clear(); }

  TextField field{FieldKind::IdNumber, 18};
};

struct KioskFields : fixtures::KioskTest {
  FieldService* form = nullptr;
  void SetUp() override {
    auto service = std::make_unique<FieldService>();
    form = service.get();
    kiosk.add_service(std::move(service));
    kiosk.start(now);
    kiosk.command(Command::Select, InputSource::Key, now);
    kiosk.focus_node("home.form", now);
    kiosk.command(Command::Select, InputSource::Key, now);
    kiosk.focus_node("form.id", now);
  }
};

TEST_F(KioskFields, KeysTheKeyboardAndBrailleAllTypeIntoTheField) {
  kiosk.command(Command::Digit1, InputSource::Key, now);
  kiosk.command(Command::Digit4, InputSource::Key, now);
  kiosk.type_text("1081196804120", now);
  kiosk.command(Command::Left, InputSource::Key, now);   // the cursor, not a page
  kiosk.command(Command::Clear, InputSource::Key, now);   // deletes the 2 before the cursor
  EXPECT_EQ(form->field.value(), "14108119680410");
  kiosk.edit_field(FieldInput{FieldKey::CursorTo, 0, 99}, now);   // routing key past the end
  kiosk.type_text("035", now);
  kiosk.command(Command::Star, InputSource::Key, now);   // star types the X check digit
  EXPECT_EQ(form->field.value(), "14108119680410035X");
  const Node* node = kiosk.tree().find("form.id");
  ASSERT_NE(node, nullptr);
  EXPECT_EQ(node->masked_value, "141081********035X");
  // The session end wipes it.
  kiosk.command(Command::Home, InputSource::Key, now);
  kiosk.focus_node("home.finish", now);
  kiosk.command(Command::Select, InputSource::Key, now);
  kiosk.focus_node("finish.yes", now);   // ending is confirmed
  kiosk.command(Command::Select, InputSource::Key, now);
  EXPECT_TRUE(form->field.value().empty());
}

}  // namespace
}  // namespace kiosk::core
