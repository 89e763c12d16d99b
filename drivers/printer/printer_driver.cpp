// SPDX-License-Identifier: GPL-3.0-or-later
#include "drivers/printer/printer_driver.h"

#include "drivers/driver_table.h"

namespace kiosk::drivers::printer {

namespace {

core::Result<core::Ok> refusal(PrinterStatus status) {
  if (status == PrinterStatus::PaperOut) return core::Error{"paper_out", "the printer has no paper"};
  return core::Error{"printer_offline", "the printer does not answer"};
}

// No printer: every job is refused, so the resident is offered the other ways at once.
class NullPrinter final : public PrinterDriver {
 public:
  std::string_view code() const override { return "null"; }
  PrinterStatus status() const override { return PrinterStatus::Offline; }
  core::Result<core::Ok> print(const PrintJob&) override {
    return core::Error{"no_printer", "this terminal has no printer"};
  }
};

std::unique_ptr<PrinterDriver> make_null(const std::string&) { return std::make_unique<NullPrinter>(); }
std::unique_ptr<PrinterDriver> make_fake(const std::string&) { return std::make_unique<FakePrinter>(); }

}  // namespace

core::Result<core::Ok> FakePrinter::print(const PrintJob& job) {
  if (m_status != PrinterStatus::Ready) return refusal(m_status);
  m_jobs.push_back(job);
  return core::Ok{};
}

const std::vector<PrinterInfo>& printers() {
  static const std::vector<PrinterInfo> table = {
      {"fake", "keeps the jobs in memory (tests)", &make_fake},
      {"null", "no printer: receipts are shown, spoken and sent by SMS only", &make_null},
  };
  return table;
}

std::unique_ptr<PrinterDriver> open_printer(const std::vector<std::string>& priority) {
  return open_from_table<PrinterDriver>(printers(), priority, "KIOSK_PRINTER");
}

}  // namespace kiosk::drivers::printer
