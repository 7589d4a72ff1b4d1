#!/usr/bin/env bash
# Makes, with openssl, the certificates of the static-certs overlay: a CA and a serving
# certificate for the webhook's Service, both ECDSA P-256.
#
#   certs/generate.sh [--out DIR] [--namespace NAME] [--force | --renew]
#
# Writes ca.crt, ca.key, tls.crt and tls.key to DIR (default: deploy/overlays/static-certs/certs,
# where the overlay reads them; git ignores it). Keys are mode 600. Existing files are kept
# unless --force is given. ca.key never leaves DIR: the Secret carries ca.crt, tls.crt, tls.key.
# --renew keeps the CA in DIR and replaces only the serving certificate: the caBundle does not
# change, so applying the overlay again swaps the certificate without a failed call.
# --namespace names the Service's namespace in the certificate: the one the install is moved to
# with kustomize's `namespace:` (default stackblaze-system; docs/install-settings.md).
#
# Lifetimes: the CA 10 years, so the caBundle in the webhook configurations rarely changes; the
# serving certificate 1 year.
set -euo pipefail

readonly SERVICE=stackblaze-webhook
readonly CA_DAYS=3650
readonly SERVING_DAYS=365

fail() {
  echo "generate.sh: $*" >&2
  exit 1
}

out="$(cd "$(dirname "$0")/.." && pwd)/deploy/overlays/static-certs/certs"
namespace=stackblaze-system
force=false
renew=false
while [ $# -gt 0 ]; do
  case "$1" in
    --out)
      [ $# -ge 2 ] || fail "--out needs a folder"
      out="$2"
      shift 2
      ;;
    --out=*)
      out="${1#--out=}"
      shift
      ;;
    --namespace)
      [ $# -ge 2 ] || fail "--namespace needs a name"
      namespace="$2"
      shift 2
      ;;
    --namespace=*)
      namespace="${1#--namespace=}"
      shift
      ;;
    --force)
      force=true
      shift
      ;;
    --renew)
      renew=true
      shift
      ;;
    -h | --help)
      sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      fail "unknown argument \"$1\" (usage: certs/generate.sh [--out DIR] [--namespace NAME] [--force | --renew])"
      ;;
  esac
done

# A namespace is a DNS label; anything else would make a name the API server never dials.
[[ "$namespace" =~ ^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$ ]] || fail "--namespace \"$namespace\" is not a namespace name (lower-case letters, digits and '-', at most 63)"
readonly NAMESPACE="$namespace"

command -v openssl >/dev/null || fail "openssl not found; install it (Debian: apt-get install openssl)"

files=(ca.crt ca.key tls.crt tls.key)
if [ "$renew" = true ]; then
  [ "$force" != true ] || fail "--force and --renew exclude each other"
  for file in ca.crt ca.key; do
    [ -f "$out/$file" ] || fail "--renew needs the CA in $out, but $out/$file is missing"
  done
  files=(tls.crt tls.key)
elif [ "$force" != true ]; then
  for file in "${files[@]}"; do
    [ ! -e "$out/$file" ] || fail "$out/$file exists; pass --force to replace the certificates"
  done
fi
mkdir -p "$out" 2>/dev/null || fail "cannot create $out"

# Everything is made in a scratch folder and moved into place at the end: a failure leaves the
# old files as they were.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
umask 077

# Runs openssl quietly; on failure prints one line: the step and openssl's first complaint.
run() {
  local step="$1"
  shift
  if ! openssl "$@" >"$work/openssl.log" 2>&1; then
    fail "openssl failed to $step: $(grep -v '^ *$' "$work/openssl.log" | head -n 1)"
  fi
}

cat >"$work/openssl.cnf" <<CONF
[req]
distinguished_name = dn
prompt = no

[dn]
CN = placeholder

[ca]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash

[serving]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:$SERVICE.$NAMESPACE.svc, DNS:$SERVICE.$NAMESPACE.svc.cluster.local
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
CONF

if [ "$renew" = true ]; then
  cp "$out/ca.crt" "$out/ca.key" "$work/" || fail "cannot read the CA in $out"
else
  run "make the CA key" ecparam -name prime256v1 -genkey -noout -out "$work/ca.key"
  run "make the CA certificate" req -x509 -new -config "$work/openssl.cnf" -extensions ca \
    -key "$work/ca.key" -sha256 -days "$CA_DAYS" -subj "/CN=$SERVICE CA" -out "$work/ca.crt"
fi
run "make the serving key" ecparam -name prime256v1 -genkey -noout -out "$work/tls.key"
run "make the certificate request" req -new -config "$work/openssl.cnf" \
  -key "$work/tls.key" -subj "/CN=$SERVICE.$NAMESPACE.svc" -out "$work/tls.csr"
run "sign the serving certificate" x509 -req -in "$work/tls.csr" -CA "$work/ca.crt" -CAkey "$work/ca.key" \
  -set_serial "0x$(openssl rand -hex 16)" -sha256 -days "$SERVING_DAYS" \
  -extfile "$work/openssl.cnf" -extensions serving -out "$work/tls.crt"
run "verify the serving certificate" verify -CAfile "$work/ca.crt" "$work/tls.crt"

chmod 600 "$work/ca.key" "$work/tls.key"
chmod 644 "$work/ca.crt" "$work/tls.crt"
for file in "${files[@]}"; do
  mv -f "$work/$file" "$out/$file" || fail "cannot write $out/$file"
done
echo "generate.sh: wrote ${files[*]} to $out (serving certificate for $SERVING_DAYS days, signed by a CA made for $CA_DAYS days)"
