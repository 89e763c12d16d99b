// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Receipt and queue-ticket printers (docs/design.md 3): one interface, a static table
// {code, description, factory}, selection by a priority list such as
// `printer = ["escpos:/dev/usb/lp0", "null"]` (a code, then ":" and the driver's own
// argument). Main thread only; print() must not block the screen for long (a real driver
// queues the job to its worker). A receipt never carries the disability category
// (docs/domain.md 5); the caller composes it.
#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/result.h"

namespace kiosk::drivers::printer {

struct PrintJob {
  std::string title;                 // e.g. 受理回执
  std::vector<std::string> lines;    // UTF-8, one printed line each
};

enum class PrinterStatus { Ready, PaperOut, Offline };

class PrinterDriver {
 public:
  virtual ~PrinterDriver() = default;
  virtual std::string_view code() const = 0;
  virtual PrinterStatus status() const = 0;
  // Errors: "no_printer", "paper_out", "printer_offline" (the resident is told, and offered
  // the other ways: read the screen again, SMS, a member of staff).
  virtual core::Result<core::Ok> print(const PrintJob& job) = 0;
};

// The twin for tests: keeps every job; its status is set by the test.
class FakePrinter final : public PrinterDriver {
 public:
  std::string_view code() const override { return "fake"; }
  PrinterStatus status() const override { return m_status; }
  core::Result<core::Ok> print(const PrintJob& job) override;
  void set_status(PrinterStatus status) { m_status = status; }
  const std::vector<PrintJob>& jobs() const { return m_jobs; }

 private:
  PrinterStatus m_status = PrinterStatus::Ready;
  std::vector<PrintJob> m_jobs;
};

struct PrinterInfo {
  const char* code;
  const char* description;
  std::unique_ptr<PrinterDriver> (*factory)(const std::string& argument);
};

// The codes of the static table, for the config check (which links no driver).
inline constexpr std::array<std::string_view, 2> kPrinterCodes{"fake", "null"};
// The static table: "fake", "null" (an ESC/POS printer comes with the receipts issue).
const std::vector<PrinterInfo>& printers();

// The first entry of `priority` that opens wins; KIOSK_PRINTER, when set, replaces the
// list. Returns null only when no entry names a known driver.
std::unique_ptr<PrinterDriver> open_printer(const std::vector<std::string>& priority);

}  // namespace kiosk::drivers::printer
