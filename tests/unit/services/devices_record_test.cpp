// SPDX-License-Identifier: GPL-3.0-or-later
// The assistive-device service's reading of the gateway's answer: what docs/openapi.yaml
// says is taken; a missing code, an unknown state or request, or a refusal without its
// date is refused as a whole (the resident is told it could not be read), and the
// service's steps from the catalogue to the summary follow the gateway's verdict.
#include <gtest/gtest.h>

#include "kiosk/services/devices/devices.h"

namespace dv = kiosk::services::devices;
using kiosk::core::Value;

namespace {

Value answer() {
  Value held, app, yes, no;
  held.set("code", "white_cane").set("since", "2025-09-20").set("replace_from", "2026-09-20");
  app.set("application_id", "AD-1").set("code", "white_cane").set("request_type", "new").set("status", "follow_up");
  yes.set("code", "walker").set("may_apply", true);
  no.set("code", "white_cane").set("may_apply", false).set("not_before", "2026-09-20");
  Value data;
  data.set("held", Value(Value::Array{held})).set("applications", Value(Value::Array{app}));
  data.set("eligibility", Value(Value::Array{yes, no}));
  return data;
}

dv::Catalogue catalogue() {
  dv::Catalogue c;
  c.devices.push_back({"walker", {"助行器", "Walker"}, 20000, 3, true, true});
  c.devices.push_back({"white_cane", {"盲杖", "White cane"}, 5000, 1, false, true});
  return c;
}

}  // namespace

TEST(DevicesRecord, AWellFormedAnswerIsRead) {
  const auto record = dv::decode_record(answer());
  ASSERT_TRUE(record.has_value());
  EXPECT_TRUE(record->holds("white_cane"));
  EXPECT_FALSE(record->verdict("white_cane")->may_apply);
  EXPECT_EQ(record->verdict("white_cane")->not_before, "2026-09-20");
}

TEST(DevicesRecord, ABadAnswerIsRefusedAsAWhole) {
  Value data = answer();
  data.set("eligibility", Value(Value::Array{Value().set("code", "white_cane").set("may_apply", false)}));
  EXPECT_FALSE(dv::decode_record(data).has_value());   // a refusal needs its date
  data = answer();
  data.set("applications", Value(Value::Array{Value().set("application_id", "A").set("code", "walker")
                                                  .set("request_type", "new").set("status", "lost")}));
  EXPECT_FALSE(dv::decode_record(data).has_value());   // a state the kiosk does not know
  data = answer();
  data.set("held", Value(Value::Array{Value().set("code", "walker").set("since", "yesterday")}));
  EXPECT_FALSE(dv::decode_record(data).has_value());
  EXPECT_FALSE(dv::decode_record(Value("nonsense")).has_value());
}

TEST(DevicesRecord, TheGatewaysVerdictDecidesBetweenTheRefusalAndTheSummary) {
  dv::DevicesService service(catalogue());
  kiosk::core::Settings settings;
  kiosk::core::Catalog strings;
  kiosk::core::Visit visit;
  visit.subject_ref = "sub_9b27e5d04a61";
  const kiosk::core::ServiceContext context{settings, strings, false, true, 0, visit, 20260308};
  service.start();
  const auto asked = service.on_open(context);
  ASSERT_TRUE(asked.request.has_value());
  EXPECT_EQ(asked.request->query.at(0).second, "sub_9b27e5d04a61");
  kiosk::core::Reply reply;
  reply.ok = true;
  reply.data = answer();
  (void)service.on_reply(reply, context);
  (void)service.activate("devices.apply", context);
  EXPECT_EQ(service.build(context).screen_id, "device_apply_choose");
  (void)service.activate("device_apply_choose.white_cane", context);
  const auto refused = service.build(context);
  EXPECT_EQ(refused.screen_id, "device_apply_refused");
  EXPECT_NE(refused.find("device_apply_refused.repair"), nullptr);
  (void)service.back();
  (void)service.activate("device_apply_choose.walker", context);
  EXPECT_EQ(service.build(context).screen_id, "device_apply_summary");
  const auto sent = service.activate("device_apply_summary.confirm", context);
  ASSERT_TRUE(sent.request.has_value());
  EXPECT_EQ(sent.request->endpoint, "assistive_device_application");
  EXPECT_EQ(sent.request->kind, kiosk::core::RequestKind::Application);
  EXPECT_EQ(sent.request->body.string_at("request_type"), "new");
  EXPECT_EQ(sent.request->body.string_at("device_code"), "walker");
  // Rentals list only what may be rented.
  dv::DevicesService again(catalogue());
  again.start();
  (void)again.on_open(context);
  (void)again.on_reply(reply, context);
  (void)again.activate("devices.rental", context);
  const auto rentals = again.build(context);
  EXPECT_NE(rentals.find("device_apply_choose.walker"), nullptr);
  EXPECT_EQ(rentals.find("device_apply_choose.white_cane"), nullptr);
}
