// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// 残疾人证 (docs/domain.md 3.2): the resident's certificate as the gateway answers it (GET
// /v1/subjects/{ref}/certificate, live), the seven transactions (POST
// /v1/certificate-applications, through the outbox: stored is success, the resident leaves
// with the local reference number) and following a case (GET
// /v1/certificate-applications/{id}, live), reached from the certificate screen or by
// typing a receipt's number on the pad.
//
// Screens (stable ids, docs/design.md "残疾人证"): certificate, certificate_apply_basis,
// certificate_apply_assessment, certificate_apply_documents, certificate_apply_options,
// certificate_apply_consent, certificate_apply_summary, certificate_apply_receipt,
// certificate_apply_refused, certificate_case. Category, grade, the card and the case are
// personal (headset, or the speaker after consent); the receipt never names the category.
//
// The assessment that new and reclassify need is arranged on certificate_apply_assessment
// before the application is sent: a time at a designated institution through the slot flow
// (kiosk/services/booking, service_code disability_assessment_<category>; its booking_*
// screens run inside this service), or at home where the county offers it.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/flow/service.h"
#include "kiosk/core/ui/field.h"
#include "kiosk/services/booking/slot_flow.h"
#include "kiosk/services/entitlements/entitlements.h"

namespace kiosk::services::certificate {

// The county's certificate data ([certificate] in the county profile, read by
// certificate_config.h): the expiry warning window, the fee text, the fee waiver where the
// county has one, whether a home assessment may be asked for, the appeal bodies, and the
// document checklist read out one item at a time.
using Text = entitlements::Text;

// One thing to bring, with why it is needed.
struct Document {
  std::string id;
  Text name;
  Text why;
  std::vector<std::string> transactions;   // empty = every transaction
  std::vector<std::string> categories;     // empty = any category (vision ... multiple)
  bool guardian_only = false;              // only when a guardian applies
  std::string basis;                       // only on this residence basis (hukou, residence_permit); "" = any
  bool operator==(const Document&) const = default;
};

struct CertificateConfig {
  Text county;                  // the profile's name
  Text window;                  // the federation's window (dpf_address)
  std::string hotline;          // digits as dialled
  std::string region_code;      // the hall's county (6 digits): where the assessment is sought
  int warning_days = 90;        // a valid card this many days before expiry is "expiring"; 1..365
  Text fee;                     // what the card and the assessment cost
  Text fee_waiver;              // empty zh = the county offers no waiver request
  bool home_assessment = false; // residents who cannot come may ask for an assessment at home
  Text appeal_city;             // the city federation (the first appeal)
  Text appeal_province;         // the province federation (final)
  std::vector<Document> documents;
  bool operator==(const CertificateConfig&) const = default;
};

// Node ids of the certificate screen's transactions: certificate.apply.<type>.
inline const std::string kApplyPrefix = "certificate.apply.";

// Plain words for a region code the gateway routes to: the demo counties by name, any
// other as "地区代码 NNNNNN".
std::string region_name(const std::string& code, const std::string& language);

class CertificateService final : public core::Service {
 public:
  explicit CertificateService(CertificateConfig config) : m_config(std::move(config)) {}

  std::string id() const override { return "certificate"; }
  core::Message menu_name() const override { return core::Message::of("home.certificate"); }
  core::Message menu_hint() const override { return core::Message::of("home.certificate.hint"); }
  bool personal() const override { return true; }
  void start() override { reset(); }
  core::ServiceOutcome on_open(const core::ServiceContext& context) override;
  core::Tree build(const core::ServiceContext& context) const override;
  core::ServiceOutcome activate(const std::string& node_id, const core::ServiceContext& context) override;
  core::ServiceOutcome edit(const std::string& node_id, const core::FieldInput& input,
                            const core::ServiceContext& context) override;
  core::ServiceOutcome on_reply(const core::Reply& reply, const core::ServiceContext& context) override;
  core::ServiceOutcome on_input(const core::ServiceContext& context) override;
  std::int64_t next_deadline() const override { return m_flow.next_deadline(); }
  core::ServiceOutcome tick(const core::ServiceContext& context) override;
  core::ServiceOutcome back() override;
  void reset() override;

 private:
  enum class Step { Status, Basis, Assessment, Documents, Options, Consent, Summary, Receipt, Refused, Case };
  enum class Waiting { None, Status, Submit, Case };
  enum class Load { Loading, Shown, Failed };
  // What the resident answered for one application; wiped with the visit.
  struct Answers {
    std::string type;
    std::string role;               // self | guardian | agent, from the visit
    std::string basis;              // hukou | residence_permit; "" = not answered
    std::size_t document = 0;       // the checklist item being read
    bool home_visit = false;
    bool fee_waiver = false;
    bool mail = false;              // false = pick up at the window
    bool consent = false;
    bool assessment_chosen = false;
    bool documents_read = false;
    bool options_done = false;
  };

  core::ServiceOutcome go(Step step, std::string focus = {});
  core::ServiceOutcome begin(const std::string& type, const core::ServiceContext& context);
  core::ServiceOutcome next_open_step();
  core::ServiceOutcome activate_apply(const std::string& node_id, const core::ServiceContext& context);
  core::ServiceOutcome activate_summary(const std::string& node_id, const core::ServiceContext& context);
  core::ServiceOutcome submit(const core::ServiceContext& context);
  core::ServiceOutcome look_up_case(const std::string& id, const core::ServiceContext& context);
  core::ServiceOutcome status_answered(const core::Reply& reply);
  core::ServiceOutcome submitted(const core::Reply& reply, const std::string& language);
  core::ServiceOutcome case_answered(const core::Reply& reply);
  core::ServiceOutcome failed(Load& load, core::Message& failure, core::Alert alert, std::string focus);
  core::ServiceOutcome refuse(std::string code, const std::string& language);
  core::ServiceOutcome book_assessment(long category, const core::ServiceContext& context);
  core::ServiceOutcome from_flow(core::ServiceOutcome outcome);
  core::Message refusal_text(const std::string& language) const;
  std::vector<const Document*> checklist() const;
  bool shares_data() const;
  long category() const;
  std::string card_state(const core::ServiceContext& context) const;
  std::string as_of(const core::ServiceContext& context) const;

  core::Tree build_status(const core::ServiceContext& context) const;
  void add_card(const core::ServiceContext& context, core::Tree& tree) const;
  core::Tree build_basis(const core::ServiceContext& context) const;
  core::Tree build_assessment() const;
  core::Tree build_documents(const std::string& language) const;
  core::Tree build_options(const std::string& language) const;
  core::Tree build_consent(const std::string& language, const core::Visit& visit) const;
  core::Tree build_summary(const core::ServiceContext& context) const;
  core::Tree build_receipt(const std::string& language) const;
  core::Tree build_refused(const std::string& language) const;
  core::Tree build_case(const core::ServiceContext& context) const;
  void add_case(const core::ServiceContext& context, core::Tree& tree) const;
  core::Message with_county(std::string id, const std::string& language) const;

  CertificateConfig m_config;
  Step m_step = Step::Status;
  Waiting m_waiting = Waiting::None;
  Load m_status = Load::Loading;
  core::Value m_answer;             // the certificate answer, for this visit only
  std::string m_data_as_of;
  core::Message m_failure;
  Answers m_apply;
  std::string m_reference;          // the receipt's local reference number
  std::string m_refusal;            // refusal code on certificate_apply_refused
  std::string m_refusal_text;       // the gateway's own sentence, when it sent one
  core::TextField m_case_number{core::FieldKind::Digits, 16};
  Load m_case_load = Load::Loading;
  bool m_case_asked = false;        // a case was asked for (else the number field shows)
  core::Value m_case;
  core::Message m_case_failure;
  std::string m_visit_name;         // masked, for "为 周*斌 办理"
  booking::SlotFlow m_flow;         // the assessment's booking, while it runs
  booking::Booked m_assessment;     // the booked assessment (appointment_id empty: none)
};

}  // namespace kiosk::services::certificate
