// SPDX-License-Identifier: GPL-3.0-or-later
#include "kiosk/backend/http/http_api.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <random>

#include "kiosk/backend/local/local_api.h"
#include "kiosk/backend/api/transport.h"

namespace kiosk::backend {
namespace {

std::int64_t steady_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

bool retryable(const ApiError& e) {
  // A timeout already used the whole budget; the others fail fast and may pass next time.
  return e.code == ErrorCode::BackendUnreachable || e.code == ErrorCode::ServerError ||
         e.code == ErrorCode::BadResponse;
}

}  // namespace

struct HttpApi::Job {
  ApiRequest request;
  Callback done;
  std::string idempotency_key;
  int attempt = 0;
  std::int64_t first_start_ms = 0;
  std::int64_t not_before_ms = 0;
  CURL* easy = nullptr;
  CurlTransfer transfer;
  ~Job() {
    if (easy) curl().easy_cleanup(easy);
  }
};

HttpApi::HttpApi(BackendConfig config, EventSink sink)
    : ApiBase(std::move(config), std::move(sink)) {}

HttpApi::~HttpApi() { shutdown(); }

Status HttpApi::start() {
  // libcurl is opened here, not at exec: a hall on the demo backend never loads it.
  std::string why;
  if (ensure_curl_global_init(&why) == nullptr)
    return make_error(ErrorCode::ConfigError, "the https backend needs libcurl: " + why);
  m_multi = curl().multi_init();
  if (!m_multi) return make_error(ErrorCode::ConfigError, "curl_multi_init failed");
  m_worker = std::thread([this] { run(); });
  return Unit{};
}

void HttpApi::call(ApiRequest request, Callback done) {
  auto job = std::make_unique<Job>();
  const auto& info = endpoint_info(request.endpoint);
  job->request = std::move(request);
  job->done = std::move(done);
  if (info.kind != CallKind::Live) {
    deliver(std::move(job), make_error(ErrorCode::InvalidRequest,
                                       std::string(info.name) + " is an application: use submit()"));
    return;
  }
  if (info.method == Method::Post) job->idempotency_key = random_idempotency_key();
  {
    std::lock_guard lock(m_mu);
    if (m_stop) {
      deliver(std::move(job), make_error(ErrorCode::Cancelled, "backend shut down"));
      return;
    }
    m_incoming.push_back(std::move(job));
  }
  curl().multi_wakeup(m_multi);
}

void HttpApi::deliver(std::unique_ptr<Job> job, ApiResult result) {
  auto ev = request_event(job->request, result);
  std::shared_ptr<Job> shared(std::move(job));
  post([this, ev, shared, result = std::move(result)]() mutable {
    emit(ev);
    if (shared->done) shared->done(std::move(result));
  });
}

void HttpApi::stop_workers() {
  {
    std::lock_guard lock(m_mu);
    m_stop = true;
  }
  if (m_multi) curl().multi_wakeup(m_multi);
  if (m_worker.joinable()) m_worker.join();
  if (m_multi) curl().multi_cleanup(m_multi);
  m_multi = nullptr;
}

void HttpApi::run() {
  std::mt19937_64 rng{std::random_device{}()};
  std::deque<std::unique_ptr<Job>> waiting;        // not started yet (or backing off)
  std::map<CURL*, std::unique_ptr<Job>> running;
  for (;;) {
    {
      std::lock_guard lock(m_mu);
      if (m_stop) break;
      while (!m_incoming.empty()) {
        m_incoming.front()->first_start_ms = steady_ms();
        waiting.push_back(std::move(m_incoming.front()));
        m_incoming.pop_front();
      }
    }
    const auto now = steady_ms();
    for (auto it = waiting.begin(); it != waiting.end();) {
      if ((*it)->not_before_ms > now) {
        ++it;
        continue;
      }
      auto job = std::move(*it);
      it = waiting.erase(it);
      if (!job->easy) job->easy = curl().easy_init();
      curl().easy_reset(job->easy);
      configure_easy(job->easy, m_cfg, job->request, job->idempotency_key, job->transfer);
      curl().multi_add_handle(m_multi, job->easy);
      running[job->easy] = std::move(job);
    }
    int still = 0;
    curl().multi_perform(m_multi, &still);
    int left = 0;
    while (CURLMsg* msg = curl().multi_info_read(m_multi, &left)) {
      if (msg->msg != CURLMSG_DONE) continue;
      CURL* easy = msg->easy_handle;
      const CURLcode code = msg->data.result;
      curl().multi_remove_handle(m_multi, easy);
      auto node = running.extract(easy);
      if (node.empty()) continue;
      auto job = std::move(node.mapped());
      ApiResult result = finish_transfer(code, easy, job->transfer);
      const auto& info = endpoint_info(job->request.endpoint);
      if (!result.ok() && info.retry_safe && job->attempt < m_cfg.max_retries &&
          retryable(result.error())) {
        std::int64_t delay = std::int64_t{m_cfg.retry_base_ms} << job->attempt;
        std::uniform_int_distribution<std::int64_t> jitter(delay / 2, delay + delay / 2);
        delay = jitter(rng);
        const auto t = steady_ms();
        // Never retry past the total budget: the resident is waiting.
        if (t + delay - job->first_start_ms < m_cfg.total_timeout_ms) {
          ++job->attempt;
          job->not_before_ms = t + delay;
          waiting.push_back(std::move(job));
          continue;
        }
      }
      deliver(std::move(job), std::move(result));
    }
    int timeout_ms = 1000;
    const auto t = steady_ms();
    for (const auto& j : waiting)
      timeout_ms = static_cast<int>(std::clamp<std::int64_t>(j->not_before_ms - t, 0, timeout_ms));
    curl().multi_poll(m_multi, nullptr, 0, timeout_ms, nullptr);
  }
  // Shutting down: every pending call gets a definite answer.
  for (auto& [easy, job] : running) {
    curl().multi_remove_handle(m_multi, easy);
    deliver(std::move(job), make_error(ErrorCode::Cancelled, "backend shut down"));
  }
  for (auto& job : waiting) deliver(std::move(job), make_error(ErrorCode::Cancelled, "backend shut down"));
  std::lock_guard lock(m_mu);
  for (auto& job : m_incoming) deliver(std::move(job), make_error(ErrorCode::Cancelled, "backend shut down"));
  m_incoming.clear();
}

}  // namespace kiosk::backend
