#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Makes throw-away certificates for the gateway simulator and the kiosk's http backend:
#   ca.pem/ca.key              demo CA (signs the server and the terminal)
#   server.pem/server.key      gateway, CN and SAN 127.0.0.1 + localhost
#   client.pem/client.key      one terminal (CN = terminal id)
#   rogue-ca.pem, rogue-client.pem/.key   a second CA and a terminal it signed (for tests)
# Usage: tools/certs/make_certs.sh OUT_DIR [TERMINAL_ID] [DAYS]
# Never use these outside a demo or a test: the keys are unencrypted.
set -euo pipefail
out=${1:?usage: make_certs.sh OUT_DIR [TERMINAL_ID] [DAYS]}
terminal=${2:-demo-01}
days=${3:-30}
mkdir -p "$out"
cd "$out"
umask 077
q() { openssl "$@" >/dev/null 2>&1; }

make_ca() {  # name cn
  q req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days "$days" -subj "/CN=$2" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
    -keyout "$1.key" -out "$1.pem"
}
make_leaf() {  # name cn ca ext
  q req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=$2" -keyout "$1.key" -out "$1.csr"
  printf '%s\n' "$4" > "$1.ext"
  q x509 -req -in "$1.csr" -CA "$3.pem" -CAkey "$3.key" -CAcreateserial -days "$days" \
    -extfile "$1.ext" -out "$1.pem"
  rm -f "$1.csr" "$1.ext"
}

make_ca ca "kiosk demo federation CA"
make_leaf server 127.0.0.1 ca \
  "subjectAltName=IP:127.0.0.1,DNS:localhost
extendedKeyUsage=serverAuth"
make_leaf client "$terminal" ca "extendedKeyUsage=clientAuth"
make_ca rogue-ca "rogue CA"
make_leaf rogue-client "$terminal" rogue-ca "extendedKeyUsage=clientAuth"
rm -f ./*.srl
chmod 600 ./*.key
chmod 644 ./*.pem
echo "certificates written to $(pwd)"
