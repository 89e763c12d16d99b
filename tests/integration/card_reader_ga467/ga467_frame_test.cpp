// SPDX-License-Identifier: GPL-3.0-or-later
// The GA 467 frames and text block without a device (drivers/card_reader/ga467_frame.h,
// ga467_text.h): the published command bytes, a parser that resynchronises on noise, cut
// frames and wrong check bytes, and the 256-byte UCS-2 block with its code tables.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "drivers/card_reader/ga467_frame.h"
#include "drivers/card_reader/ga467_text.h"

namespace ga467 = kiosk::drivers::card_reader::ga467;
using Bytes = std::vector<std::uint8_t>;

namespace {

Bytes command(const std::uint8_t (&c)[2]) { return ga467::encode_command(c[0], c[1]); }

kiosk::core::IdCard sample_card() {
  kiosk::core::IdCard card;
  card.name = "欧阳娜娜";
  card.sex = "女";
  card.nation = "维吾尔";
  card.birth = "19991231";
  card.address = "新疆维吾尔自治区乌鲁木齐市天山区某路12号3单元";
  card.id_number = "65010219991231002X";
  card.authority = "乌鲁木齐市公安局天山区分局";
  card.valid_from = "20150101";
  card.valid_to = "20250101";
  return card;
}

}  // namespace

TEST(Ga467CardFrame, CommandsAreTheBytesThePublishedDescriptionsGive) {
  EXPECT_EQ(command(ga467::kCmdSamStatus), (Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x11, 0xFF, 0xED}));
  EXPECT_EQ(command(ga467::kCmdFindCard), (Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x20, 0x01, 0x22}));
  EXPECT_EQ(command(ga467::kCmdSelectCard), (Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x20, 0x02, 0x21}));
  EXPECT_EQ(command(ga467::kCmdReadBase), (Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x30, 0x01, 0x32}));
  // A reader's "read failed" answer as it is quoted in those descriptions.
  EXPECT_EQ(ga467::encode_answer(ga467::kStatusReadFailed), (Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x04, 0x00, 0x00, 0x41, 0x45}));
}

TEST(Ga467CardFrame, AFrameArrivingByteByByteIsWholeOnlyAtItsLastByte) {
  const Bytes found = {0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x08, 0x00, 0x00, 0x9F, 0x00, 0x00, 0x00, 0x00, 0x97};
  ga467::FrameParser parser;
  Bytes body;
  for (std::size_t i = 0; i + 1 < found.size(); ++i) {
    parser.feed(std::span(&found[i], 1));
    ASSERT_EQ(parser.next(body), ga467::Parsed::NeedMore) << i;
  }
  parser.feed(std::span(&found.back(), 1));
  ASSERT_EQ(parser.next(body), ga467::Parsed::Frame);
  ga467::Answer answer;
  ASSERT_TRUE(ga467::parse_answer(body, answer));
  EXPECT_EQ(answer.sw3, ga467::kStatusCardFound);
  EXPECT_EQ(answer.data.size(), 4u);
  EXPECT_EQ(parser.buffered(), 0u);
}

TEST(Ga467CardFrame, NoiseIsSkippedAndACutPreambleIsKeptForTheNextBytes) {
  ga467::FrameParser parser;
  Bytes body;
  const Bytes frame = ga467::encode_answer(ga467::kStatusOk);
  Bytes noisy = {0x01, 0xAA, 0x96, 0x69, 0xFF, 0xAA, 0xAA};   // junk, then a preamble's start
  parser.feed(noisy);
  EXPECT_EQ(parser.next(body), ga467::Parsed::NeedMore);
  EXPECT_EQ(parser.buffered(), 2u);   // the trailing AA AA may begin a frame
  EXPECT_EQ(parser.skipped(), 5u);
  parser.feed(std::span(frame).subspan(2));
  ASSERT_EQ(parser.next(body), ga467::Parsed::Frame);
  EXPECT_EQ(body, (Bytes{0x00, 0x00, 0x90}));
}

TEST(Ga467CardFrame, AWrongCheckByteIsNamedAndTheNextFrameStillParses) {
  Bytes stream = ga467::encode_answer(ga467::kStatusOk, Bytes{1, 2, 3});
  stream.back() ^= 0x01;
  const Bytes good = ga467::encode_answer(ga467::kStatusNoCard);
  stream.insert(stream.end(), good.begin(), good.end());
  ga467::FrameParser parser;
  parser.feed(stream);
  Bytes body;
  EXPECT_EQ(parser.next(body), ga467::Parsed::BadCheck);
  ASSERT_EQ(parser.next(body), ga467::Parsed::Frame);
  EXPECT_EQ(body.back(), ga467::kStatusNoCard);
  EXPECT_EQ(parser.next(body), ga467::Parsed::NeedMore);
}

TEST(Ga467CardFrame, AnImpossibleLengthIsNotAFrameAndParsingResynchronises) {
  for (const Bytes& length : {Bytes{0x00, 0x00}, Bytes{0xFF, 0xFF}, Bytes{0x0A, 0x01}}) {
    Bytes stream = {0xAA, 0xAA, 0xAA, 0x96, 0x69, length[0], length[1], 0x00};
    const Bytes good = ga467::encode_answer(ga467::kStatusOk);
    stream.insert(stream.end(), good.begin(), good.end());
    ga467::FrameParser parser;
    parser.feed(stream);
    Bytes body;
    EXPECT_EQ(parser.next(body), ga467::Parsed::BadLength);
    EXPECT_EQ(parser.next(body), ga467::Parsed::Frame);
  }
}

TEST(Ga467CardFrame, TwoFramesInOneReadAreTwoFrames) {
  Bytes stream = ga467::encode_answer(ga467::kStatusOk);
  const Bytes second = ga467::encode_answer(ga467::kStatusCardFound, Bytes{0, 0, 0, 0});
  stream.insert(stream.end(), second.begin(), second.end());
  ga467::FrameParser parser;
  parser.feed(stream);
  Bytes body;
  ASSERT_EQ(parser.next(body), ga467::Parsed::Frame);
  ASSERT_EQ(parser.next(body), ga467::Parsed::Frame);
  EXPECT_EQ(body[2], ga467::kStatusCardFound);
}

TEST(Ga467CardFrame, TheBaseAnswerSplitsIntoTextAndPhotoOnlyWhenTheLengthsAddUp) {
  Bytes data = {0x01, 0x00, 0x04, 0x00};
  data.resize(4 + 256 + 1024, 0x20);
  ga467::BaseBlocks blocks;
  ASSERT_TRUE(ga467::split_base(data, blocks));
  EXPECT_EQ(blocks.text.size(), 256u);
  EXPECT_EQ(blocks.photo.size(), 1024u);
  data.pop_back();
  EXPECT_FALSE(ga467::split_base(data, blocks));
  Bytes short_text = {0x00, 0xFF, 0x00, 0x00};
  short_text.resize(4 + 255);
  EXPECT_FALSE(ga467::split_base(short_text, blocks));
  EXPECT_FALSE(ga467::split_base(Bytes{0x01}, blocks));
  ga467::Answer answer;
  EXPECT_FALSE(ga467::parse_answer(Bytes{0x00, 0x00}, answer));
}

TEST(Ga467CardText, TheBlockRoundTripsEveryField) {
  const auto block = ga467::encode_text_block(sample_card());
  ASSERT_TRUE(block.ok()) << block.error().message;
  // The sex and nation travel as codes: 2 (女) and 05 (维吾尔), UCS-2 little-endian.
  EXPECT_EQ((*block)[30], '2');
  EXPECT_EQ((*block)[31], 0);
  EXPECT_EQ((*block)[32], '0');
  EXPECT_EQ((*block)[34], '5');
  const auto card = ga467::decode_text_block(*block);
  ASSERT_TRUE(card.ok());
  const auto expected = sample_card();
  EXPECT_EQ(card->name, expected.name);
  EXPECT_EQ(card->sex, "女");
  EXPECT_EQ(card->nation, "维吾尔");
  EXPECT_EQ(card->birth, expected.birth);
  EXPECT_EQ(card->address, expected.address);
  EXPECT_EQ(card->id_number, expected.id_number);
  EXPECT_EQ(card->authority, expected.authority);
  EXPECT_EQ(card->valid_from, expected.valid_from);
  EXPECT_EQ(card->valid_to, expected.valid_to);
}

TEST(Ga467CardText, ABlockWrittenByHandDecodesAndUnknownCodesShowAsTheCode) {
  std::array<std::uint8_t, 256> block{};
  const auto put = [&](std::size_t at, std::u16string text, std::size_t bytes) {
    text.resize(bytes / 2, u' ');
    for (std::size_t i = 0; i < text.size(); ++i) {
      block[at + 2 * i] = static_cast<std::uint8_t>(text[i] & 0xFF);
      block[at + 2 * i + 1] = static_cast<std::uint8_t>(text[i] >> 8);
    }
  };
  put(0, u"王𠀋", 30);   // a character beyond the BMP, as a surrogate pair
  put(30, u"3", 2);      // no GB/T 2261.1 sex code
  put(32, u"57", 4);     // no GB 3304 nation code
  put(36, u"19700101", 16);
  put(52, {u'\xD800', u'街'}, 70);   // a lone surrogate
  put(122, u"110101197001010011", 36);
  put(158, u"北京市公安局", 30);
  put(188, u"20100101", 16);
  put(204, u"长期", 16);
  const auto card = ga467::decode_text_block(block);
  ASSERT_TRUE(card.ok());
  EXPECT_EQ(card->name, "王𠀋");
  EXPECT_EQ(card->sex, "3");
  EXPECT_EQ(card->nation, "57");
  EXPECT_EQ(card->address, "\xEF\xBF\xBD街");
  EXPECT_EQ(card->id_number, "110101197001010011");
  EXPECT_EQ(card->valid_to, "长期");
  EXPECT_FALSE(ga467::decode_text_block(std::span(block).first(255)).ok());
}

TEST(Ga467CardText, TheCodeTablesCoverTheFiftySixNationsAndTheOtherCodes) {
  EXPECT_EQ(ga467::nation_word("01"), "汉");
  EXPECT_EQ(ga467::nation_word("03"), "回");
  EXPECT_EQ(ga467::nation_word("08"), "壮");
  EXPECT_EQ(ga467::nation_word("56"), "基诺");
  EXPECT_EQ(ga467::nation_word("97"), "其他");
  EXPECT_EQ(ga467::nation_word("98"), "外国血统中国籍人士");
  EXPECT_EQ(ga467::nation_word("00"), "00");
  EXPECT_EQ(ga467::nation_word("1"), "1");
  for (int n = 1; n <= 56; ++n) {
    const std::string code = {static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)};
    EXPECT_EQ(ga467::nation_code(ga467::nation_word(code)), code);
  }
  EXPECT_EQ(ga467::sex_word("1"), "男");
  EXPECT_EQ(ga467::sex_word("2"), "女");
  EXPECT_EQ(ga467::sex_word("9"), "未说明");
  EXPECT_EQ(ga467::sex_code("男"), "1");
}

TEST(Ga467CardText, AFieldTooLongForTheCardIsAnErrorNamingIt) {
  auto card = sample_card();
  card.name = "一二三四五六七八九十一二三四五六";   // 16 characters; the card has room for 15
  const auto block = ga467::encode_text_block(card);
  ASSERT_FALSE(block.ok());
  EXPECT_NE(block.error().message.find("\"name\""), std::string::npos) << block.error().message;
}
