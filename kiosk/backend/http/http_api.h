// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The `http` FederationApi: live calls run on one worker thread over curl multi; the
// main thread only queues them and, in poll(), runs the callbacks. Retry-safe calls
// (GETs, heartbeat) are retried with jittered back-off after transient errors, within
// the total timeout budget. Applications go through the outbox (ApiBase).
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include "kiosk/backend/api/api_base.h"
#include "kiosk/backend/http/curl_common.h"

namespace kiosk::backend {

class HttpApi : public ApiBase {
 public:
  HttpApi(BackendConfig config, EventSink sink);
  ~HttpApi() override;
  Status start();  // starts the worker
  void call(ApiRequest request, Callback done) override;

 private:
  struct Job;
  void stop_workers() override;
  void run();
  void deliver(std::unique_ptr<Job> job, ApiResult result);

  CURLM* m_multi = nullptr;
  std::mutex m_mu;
  std::deque<std::unique_ptr<Job>> m_incoming;
  bool m_stop = false;
  std::thread m_worker;
};

}  // namespace kiosk::backend
