// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// libcurl, loaded on first use. libcurl.so.4 pulls in about 25 shared libraries the kiosk
// has no other use for (GnuTLS for librtmp, Kerberos, LDAP, SASL, libssh2, nghttp2,
// libidn2, ...); linked into the kiosk they were mapped and relocated before main(), while
// a hall on the embedded demo backend never makes an HTTP call. The HTTPS backend (HttpApi, HttpTransport) and the about screen open it with
// dlopen when they first need it. Thread-safe; the table is never unloaded.
#include <curl/curl.h>

#include <string>

namespace kiosk::backend {

// The libcurl functions the backend calls, with their own signatures, named without the
// `curl_` prefix (curl.h defines `curl_easy_setopt` and others as type-checking macros
// under GCC, which a member of the same name would expand).
struct CurlLib {
#define KIOSK_CURL_FUNCTIONS(X)                                                                 \
  X(global_init) X(version_info) X(easy_init) X(easy_cleanup) X(easy_reset) X(easy_setopt)     \
  X(easy_getinfo) X(easy_strerror) X(multi_init) X(multi_cleanup) X(multi_setopt)               \
  X(multi_add_handle) X(multi_remove_handle) X(multi_perform) X(multi_poll) X(multi_wakeup)     \
  X(multi_info_read) X(slist_append) X(slist_free_all)
#define KIOSK_CURL_MEMBER(name) decltype(&::curl_##name) name = nullptr;
  KIOSK_CURL_FUNCTIONS(KIOSK_CURL_MEMBER)
#undef KIOSK_CURL_MEMBER
};

// The table, loaded (dlopen of libcurl.so.4) on the first call; null if the library or a
// function is missing (then `why` says which, e.g. "libcurl.so.4: cannot open shared
// object file: No such file or directory"). Does not initialise libcurl.
const CurlLib* load_curl(std::string* why = nullptr);

// load_curl(), then curl_global_init once per process (it is not thread-safe itself).
// Null, with `why`, when the library cannot be loaded or initialised.
const CurlLib* ensure_curl_global_init(std::string* why = nullptr);

// The loaded table; only for code that already holds a curl handle (so the load succeeded).
inline const CurlLib& curl() { return *load_curl(); }

}  // namespace kiosk::backend
