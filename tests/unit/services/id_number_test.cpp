// SPDX-License-Identifier: GPL-3.0-or-later
// ID and certificate numbers as typed (kiosk/services/identity/id_number.h): the domain's
// test numbers, what residents really type (full-width digits, a lower-case x, a 15-digit
// legacy number), and one alert code per problem, in the order the checks run.
#include <gtest/gtest.h>

#include "kiosk/services/identity/id_number.h"

using namespace kiosk::services::identity;

namespace {
constexpr int kToday = 20261204;

std::string code_of(const char* number) { return id_problem_code(check_id_number(number, kToday).problem); }
}  // namespace

TEST(IdNumber, TheDomainsTestNumbers) {
  EXPECT_EQ(code_of("11010519491231002X"), "");
  EXPECT_EQ(code_of("141081196804120356"), "");
  EXPECT_EQ(code_of("640324202107150466"), "");
  EXPECT_EQ(code_of("15030420010618003X"), "");
  EXPECT_EQ(code_of("141081196804120357"), "id_checksum");
  EXPECT_EQ(code_of("370303198702300127"), "id_date");      // 30 February, checksum right
  EXPECT_EQ(code_of("990101199001010211"), "id_region");    // no province 99, checksum right
  EXPECT_EQ(code_of("14108119680412035"), "id_length");
}

TEST(IdNumber, TheCheckCharacterIsIso7064Mod11_2) {
  EXPECT_EQ(id_check_character("11010519491231002"), 'X');
  EXPECT_EQ(id_check_character("14108119680412035"), '6');
}

TEST(IdNumber, FullWidthDigitsSpacesAndALowerCaseXAreAccepted) {
  const IdCheck check = check_id_number(" １１０１０５１９４９１２３１００２x ", kToday);
  ASSERT_TRUE(check.ok()) << id_problem_code(check.problem);
  EXPECT_EQ(check.number, "11010519491231002X");
  EXPECT_EQ(normalise_id_input("１４１０８１　１９６８"), "1410811968");
}

TEST(IdNumber, ALegacyFifteenDigitNumberIsConvertedForTheResidentToConfirm) {
  const IdCheck check = check_id_number("141081680412035", kToday);
  ASSERT_TRUE(check.ok());
  EXPECT_TRUE(check.converted_from_15);
  EXPECT_EQ(check.number, "141081196804120356");
}

TEST(IdNumber, EachProblemHasItsCodeInOrder) {
  EXPECT_EQ(code_of("1410811968041203567"), "id_length");
  EXPECT_EQ(code_of("04108119680412035X"), "id_characters");    // a leading zero
  EXPECT_EQ(code_of("1410811968041203X6"), "id_characters");    // X not last
  EXPECT_EQ(code_of("14108119680412035A"), "id_characters");
  // Checksum-valid numbers with an impossible date or an unknown province.
  std::string future = "14108120300101035";
  future += id_check_character(future);
  EXPECT_EQ(code_of(future.c_str()), "id_date");                 // born after today
  std::string month13 = "14108119681301035";
  month13 += id_check_character(month13);
  EXPECT_EQ(code_of(month13.c_str()), "id_date");
  std::string leap = "14108120000229035";                        // 2000 was a leap year
  leap += id_check_character(leap);
  EXPECT_EQ(code_of(leap.c_str()), "");
  std::string not_leap = "14108119000229035";                    // 1900 was not
  not_leap += id_check_character(not_leap);
  EXPECT_EQ(code_of(not_leap.c_str()), "id_date");
  std::string province = "20108119680412035";
  province += id_check_character(province);
  EXPECT_EQ(code_of(province.c_str()), "id_region");
  EXPECT_EQ(code_of(""), "id_length");
}

TEST(IdNumber, UnderFourteenUntilTheFourteenthBirthday) {
  EXPECT_TRUE(under_14("640324202107150466", 20261204));    // R4's daughter, 5
  EXPECT_TRUE(under_14("640324202107150466", 20350714));    // the day before
  EXPECT_FALSE(under_14("640324202107150466", 20350715));   // 14 today
  EXPECT_FALSE(under_14("141081196804120356", 20261204));
  EXPECT_FALSE(under_14("1410811968041203", 20261204));     // not a whole number: unknown
}

TEST(CertificateNumber, IdPlusCategoryAndGradeWithAnOptionalReplacementSuffix) {
  EXPECT_TRUE(check_certificate_number("14108119680412035643", kToday).ok());
  const CertCheck replaced = check_certificate_number("14108119680412035643B2", kToday, "141081196804120356");
  ASSERT_TRUE(replaced.ok()) << replaced.code();
  EXPECT_EQ(replaced.category, 4);
  EXPECT_EQ(replaced.grade, 3);
  EXPECT_EQ(check_certificate_number("14108119680412035643", kToday, "141081198811030518").code(), "cert_id_mismatch");
  EXPECT_EQ(check_certificate_number("14108119680412035683", kToday).code(), "cert_category");
  EXPECT_EQ(check_certificate_number("14108119680412035645", kToday).code(), "cert_grade");
  EXPECT_EQ(check_certificate_number("1410811968041203564", kToday).code(), "cert_format");
  EXPECT_EQ(check_certificate_number("14108119680412035643B0", kToday).code(), "cert_format");
  EXPECT_EQ(check_certificate_number("14108119680412035743", kToday).code(), "id_checksum");
}
