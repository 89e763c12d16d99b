// SPDX-License-Identifier: GPL-3.0-or-later
// The driver kinds at the hardware edge: the card reader's and the printer's tables with
// their null and fake twins, and the card file a headless `card` step reads.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "drivers/card_reader/card_file.h"
#include "drivers/card_reader/card_reader_driver.h"
#include "drivers/printer/printer_driver.h"

using namespace kiosk;
namespace cr = kiosk::drivers::card_reader;
namespace pr = kiosk::drivers::printer;

namespace {
constexpr const char* kCard = R"({"name":"张三明","sex":"男","nation":"汉","birth":"19800101",
  "address":"山西省侯马市某街1号","id_number":"14108119800101035X","authority":"侯马市公安局",
  "valid_from":"20200101","valid_to":"20400101"})";
}  // namespace

TEST(CardReaderTable, TheConfigCheckKnowsEveryCodeOfTheTable) {
  ASSERT_EQ(cr::card_readers().size(), cr::kCardReaderCodes.size());
  for (std::size_t i = 0; i < cr::card_readers().size(); ++i) EXPECT_EQ(cr::card_readers()[i].code, cr::kCardReaderCodes[i]);
  ASSERT_EQ(pr::printers().size(), pr::kPrinterCodes.size());
  for (std::size_t i = 0; i < pr::printers().size(); ++i) EXPECT_EQ(pr::printers()[i].code, pr::kPrinterCodes[i]);
}

TEST(CardReaderTable, TheFirstKnownEntryOpensAndTheArgumentIsNotPartOfTheCode) {
  auto reader = cr::open_card_reader({"ga999:/dev/ttyUSB0", "null:x", "fake"});
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->code(), "null");
  EXPECT_FALSE(cr::open_card_reader({"nothing"}));
  ::setenv("KIOSK_CARD_READER", "fake", 1);
  auto overridden = cr::open_card_reader({"null"});
  ::unsetenv("KIOSK_CARD_READER");
  ASSERT_TRUE(overridden);
  EXPECT_EQ(overridden->code(), "fake");
}

TEST(FakeCardReader, ReportsWhatItIsToldOnceAndWakesTheLoop) {
  cr::FakeCardReader reader;
  int wakeups = 0;
  reader.set_wakeup([&] { ++wakeups; });
  core::IdCard card;
  card.name = "张三明";
  reader.place(card);
  reader.remove();
  reader.fail(core::CardEvent::Kind::ReaderLost);
  const auto events = reader.drain();
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].kind, core::CardEvent::Kind::Placed);
  EXPECT_EQ(events[0].card.name, "张三明");
  EXPECT_EQ(events[1].kind, core::CardEvent::Kind::Removed);
  EXPECT_EQ(events[2].kind, core::CardEvent::Kind::ReaderLost);
  EXPECT_EQ(wakeups, 3);
  EXPECT_TRUE(reader.drain().empty());   // a card is not kept once handed over
}

TEST(CardFile, ReadsEveryPrintedField) {
  const auto card = cr::parse_card_file(kCard);
  ASSERT_TRUE(card.ok()) << card.error().message;
  EXPECT_EQ(card->name, "张三明");
  EXPECT_EQ(card->id_number, "14108119800101035X");
  EXPECT_EQ(card->valid_to, "20400101");
}

TEST(CardFile, BadFilesAreErrorsNamingTheProblem) {
  EXPECT_EQ(cr::parse_card_file("{").error().code, "card_syntax");
  EXPECT_EQ(cr::parse_card_file("[1]").error().code, "card_shape");
  const auto missing = cr::parse_card_file(R"({"name":"张三明"})");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("\"sex\""), std::string::npos) << missing.error().message;
  std::string numeric = kCard;
  numeric.replace(numeric.find("\"19800101\""), 10, "19800101");
  EXPECT_EQ(cr::parse_card_file(numeric).error().code, "card_field");
  std::string extra = kCard;
  extra.insert(1, R"("photo":"x",)");
  EXPECT_NE(cr::parse_card_file(extra).error().message.find("unknown field \"photo\""), std::string::npos);
}

TEST(Printers, TheNullPrinterRefusesAndTheFakeKeepsJobsUntilItRunsOut) {
  auto none = pr::open_printer({"null"});
  ASSERT_TRUE(none);
  EXPECT_EQ(none->print({"受理回执", {"受理号 t1-000001"}}).error().code, "no_printer");
  pr::FakePrinter fake;
  EXPECT_TRUE(fake.print({"受理回执", {"受理号 t1-000001"}}).ok());
  fake.set_status(pr::PrinterStatus::PaperOut);
  EXPECT_EQ(fake.print({"排队号", {"A012"}}).error().code, "paper_out");
  ASSERT_EQ(fake.jobs().size(), 1u);
  EXPECT_EQ(fake.jobs().front().lines.front(), "受理号 t1-000001");
}
