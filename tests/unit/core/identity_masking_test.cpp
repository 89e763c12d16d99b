// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include "kiosk/core/ui/masking.h"

namespace id = kiosk::core;

TEST(IdentityMasking, NameKeepsFirstAndLastCharacter) {
  EXPECT_EQ(id::mask_name("张晓明"), "张*明");
  EXPECT_EQ(id::mask_name("周文斌"), "周*斌");
  EXPECT_EQ(id::mask_name("李浩"), "李*");
  EXPECT_EQ(id::mask_name("欧阳春燕"), "欧**燕");
  EXPECT_EQ(id::mask_name("王"), "*");
  EXPECT_EQ(id::mask_name(""), "");
}

TEST(IdentityMasking, IdNumberShowsFirstSixAndLastFour) {
  EXPECT_EQ(id::mask_id_number("141081196804120356"), "141081********0356");
  EXPECT_EQ(id::mask_id_number("15030420010618003X"), "150304********003X");
  EXPECT_EQ(id::mask_id_number("12345"), "*****");   // too short: nothing shows
}

TEST(IdentityMasking, CertificateNumberHidesCategoryGradeAndSuffix) {
  EXPECT_EQ(id::mask_certificate_number("14108119680412035643"), "141081********0356**");
  EXPECT_EQ(id::mask_certificate_number("64032419920521028844B1"), "640324********0288****");
}

TEST(IdentityMasking, PhoneShowsFirstThreeAndLastFour) {
  EXPECT_EQ(id::mask_phone("13800000356"), "138****0356");
  EXPECT_EQ(id::mask_phone("1380"), "****");
}

TEST(IdentityMasking, AddressStopsAtTheVillage) {
  EXPECT_EQ(id::mask_address("山西省侯马市上马街道东阳村3组12号"), "山西省侯马市上马街道东阳村****");
  EXPECT_EQ(id::mask_address("山西省侯马市浍滨街道新田村3组12号"), "山西省侯马市浍滨街道新田村****");
  EXPECT_EQ(id::mask_address("宁夏同心县豫海镇西关村5号"), "宁夏同心县豫海镇西关村****");
  EXPECT_EQ(id::mask_address("山西省乡宁县昌宁镇东关村7号"), "山西省乡宁县昌宁镇东关村****");   // 乡宁县 is a county
  EXPECT_EQ(id::mask_address("江苏省镇江市京口区正东路街道健康路社区8栋"), "江苏省镇江市京口区正东路街道健康路社区****");
  EXPECT_EQ(id::mask_address("山东省淄博市张店区马尚街道东风社区居委会3号楼"), "山东省淄博市张店区马尚街道东风社区居委会****");
  EXPECT_EQ(id::mask_address("内蒙古乌海市乌达区苏海图街道滨河社区5号"), "内蒙古乌海市乌达区苏海图街道滨河社区****");
  EXPECT_EQ(id::mask_address("宁夏同心县下马关镇12号"), "宁夏同心县下马关镇****");        // no village: the township
  EXPECT_EQ(id::mask_address("淄博市张店区华光路100号"), "淄博市张店区****");             // a street: the district
  EXPECT_EQ(id::mask_address("某路某号某单元某室"), "某路某号某单****");                   // nothing known: 6 characters
  EXPECT_EQ(id::mask_address("宁夏同心县豫海镇西关村"), "宁夏同心县豫海镇西关村");           // nothing below the village
  EXPECT_EQ(id::mask_address(""), "");
}
