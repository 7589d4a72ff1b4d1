#!/usr/bin/env bash
# Makes a release of the webhook: what docs/release.md describes, in OUTDIR (default: dist/).
#
#   deploy/release.sh VERSION [OUTDIR]
#
# VERSION is a semantic version without build metadata (1.2.0, 1.3.0-rc.1): it is the binary's
# --version, the image tag and the tag the install manifests pull. IMAGE (environment) names the
# image in the manifests; by default deploy/base/kustomization.yaml's images entry.
#
# Writes, for linux-x64 only (native AOT compiles for the machine it runs on):
#   stackblaze-webhook-VERSION-linux-x64   the native single-file command, no .NET needed
#   install-cert-manager.yaml              kubectl apply -f, certificates from cert-manager
#   install-static-certs.yaml              kubectl apply -f, after your own Secret and caBundle
#   stackblaze-webhook-VERSION.cdx.json    the SBOM, CycloneDX JSON
#   SHA256SUMS                             sha256sum -c reads it
# and prints the docker build command of the image (it does not build it).
#
# Everything is made in scratch folders and moved into OUTDIR at the end: a failed run leaves
# OUTDIR as it was. Running it again replaces the release in OUTDIR. Exit 2 for bad arguments,
# 1 when a step fails.
set -euo pipefail

readonly RID=linux-x64
readonly PROJECT=src/StackBlaze.Webhook/StackBlaze.Webhook.csproj
readonly OVERLAYS=(cert-manager static-certs)

fail() {
  echo "release.sh: $1" >&2
  exit "${2:-1}"
}

usage() {
  fail "usage: deploy/release.sh VERSION [OUTDIR]" 2
}

[ $# -ge 1 ] && [ $# -le 2 ] || usage
version="$1"
case "$version" in -h | --help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' && exit 0 ;; esac

# SemVer 2.0's grammar without "+BUILD": "+" is not allowed in an image tag, whose limit is 128.
readonly identifier='(0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)'
readonly semver="^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-$identifier(\.$identifier)*)?$"
if [ ${#version} -gt 128 ] || ! [[ "$version" =~ $semver ]]; then
  # The value quoted on one line, cut and without control characters, whatever was given.
  shown="$(printf '%s' "${version:0:40}" | tr -c '[:print:]' '?')"
  fail "\"$shown\" is not a release version: give MAJOR.MINOR.PATCH or MAJOR.MINOR.PATCH-PRERELEASE (semver without +BUILD, at most 128 characters)" 2
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
out="${2:-$root/dist}"
[ -n "$out" ] || usage
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
out="${out%/}"
[ -n "$out" ] || fail "/ cannot be the release folder" 2
# OUTDIR is replaced whole, so it must be new, empty or an earlier release (it has SHA256SUMS).
if [ -e "$out" ]; then
  [ -d "$out" ] || fail "$out is not a folder" 2
  if [ -n "$(ls -A "$out")" ] && [ ! -f "$out/SHA256SUMS" ]; then
    fail "$out holds files that are not a release; give a new or empty folder" 2
  fi
fi

# The image as deploy/base names it (the newName, else the name of its images entry), and as the
# release names it: IMAGE, or the same.
base_image="$(awk '/^images:/ { block = 1; next }
  block && /^[^ #-]/ { exit }
  block && $1 == "-" && $2 == "name:" { name = $3 }
  block && $1 == "newName:" { newName = $2 }
  END { print (newName != "" ? newName : name) }' "$root/deploy/base/kustomization.yaml" | tr -d "\"'")"
[ -n "$base_image" ] || fail "deploy/base/kustomization.yaml has no images entry to set the version in"
image="${IMAGE:-$base_image}"
# A registry host with an optional port, then path components; no tag, no digest.
readonly component='[a-z0-9]([a-z0-9._-]*[a-z0-9])?'
[[ "$image" =~ ^$component(:[0-9]+)?(/$component)*$ ]] && [ ${#image} -le 255 ] ||
  fail "IMAGE \"$(printf '%s' "${image:0:40}" | tr -c '[:print:]' '?')\" is not an image name without tag (REGISTRY/NAME)" 2

[ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] || fail "the release binary is $RID and native AOT builds for this machine, which is $(uname -s)-$(uname -m)"
for tool in dotnet kubectl openssl sha256sum git; do
  command -v "$tool" >/dev/null || fail "$tool not found; the release needs dotnet, kubectl, openssl, sha256sum and git"
done

cd "$root"
revision="$(git rev-parse HEAD 2>/dev/null)" || fail "$root is not a git checkout; a release is made from a commit"
[ -z "$(git status --porcelain 2>/dev/null)" ] || echo "release.sh: warning: the work tree has uncommitted changes; the release is not exactly $revision" >&2
source_url="$(git remote get-url origin 2>/dev/null || true)"

work="$(mktemp -d)"
mkdir -p "$(dirname "$out")"
stage="$(mktemp -d "$(dirname "$out")/.release-XXXXXX")"
trap 'rm -rf "$work" "$stage" "$stage.previous"' EXIT

# Runs a step with its output in a log; on failure shows the log's end and one line saying what failed.
step() {
  local what="$1"
  shift
  local started=$SECONDS
  printf 'release.sh: %s... ' "$what" >&2
  if ! "$@" >"$work/step.log" 2>&1; then
    echo >&2
    tail -n 20 "$work/step.log" >&2
    fail "failed to $what"
  fi
  echo "$((SECONDS - started)) s" >&2
}

binary="stackblaze-webhook-$version-$RID"
# The publish settings of deploy/Dockerfile and the native tests; only the version is added.
step "publish the native binary" dotnet publish "$PROJECT" -c Release -r "$RID" -o "$work/publish" \
  "-p:Version=$version" "-p:SourceRevisionId=$revision"
cp "$work/publish/stackblaze-webhook" "$stage/$binary"
stamped="$("$stage/$binary" --version)" || fail "$binary --version failed"
[ "$stamped" = "$version+$revision" ] || fail "$binary --version says \"$stamped\", not \"$version+$revision\""

# The overlays rendered from a copy of deploy/, through a kustomization that sets the image. The
# static-certs overlay reads certificates from its folder: throwaway ones are made for it, and
# their Secret and caBundle are left out, since they are each cluster's own.
mkdir -p "$work/deploy/overlays"
cp -R deploy/base "$work/deploy/"
for overlay in "${OVERLAYS[@]}"; do
  cp -R "deploy/overlays/$overlay" "$work/deploy/overlays/"
done
rm -rf "$work/deploy/overlays/static-certs/certs"
step "make throwaway certificates to render static-certs" certs/generate.sh --out "$work/deploy/overlays/static-certs/certs"
for overlay in "${OVERLAYS[@]}"; do
  mkdir -p "$work/render/$overlay"
  cat >"$work/render/$overlay/kustomization.yaml" <<KUSTOMIZATION
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../../deploy/overlays/$overlay
images:
  - name: "$base_image"
    newName: "$image"
    newTag: "$version"
KUSTOMIZATION
  if [ "$overlay" = static-certs ]; then
    cat >>"$work/render/$overlay/kustomization.yaml" <<'KUSTOMIZATION'
patches:
  - patch: |
      $patch: delete
      apiVersion: v1
      kind: Secret
      metadata:
        name: stackblaze-webhook-tls
        namespace: stackblaze-system
  - target:
      group: admissionregistration.k8s.io
      name: stackblaze-webhook
    patch: |
      - op: remove
        path: /webhooks/0/clientConfig/caBundle
KUSTOMIZATION
  fi
  step "render install-$overlay.yaml" kubectl kustomize "$work/render/$overlay" -o "$stage/install-$overlay.yaml"
  grep -q "image: $image:$version\$" "$stage/install-$overlay.yaml" || fail "install-$overlay.yaml does not pull $image:$version"
done
if grep -q "PRIVATE KEY\|caBundle" "$stage/install-static-certs.yaml"; then
  fail "install-static-certs.yaml still holds the throwaway certificates"
fi

sbom="stackblaze-webhook-$version.cdx.json"
step "restore the CycloneDX tool" dotnet tool restore
step "write the SBOM" dotnet CycloneDX "$PROJECT" --recursive -rt "$RID" -F Json -o "$stage" -fn "$sbom" \
  -sn stackblaze-webhook -sv "$version"

(cd "$stage" && sha256sum "$binary" install-*.yaml "$sbom" >SHA256SUMS)
chmod 755 "$stage"
# The swap: the old release moves aside, the new one takes its name, the old one goes.
if [ -e "$out" ]; then
  mv "$out" "$stage.previous" || fail "cannot move the release in $out aside"
fi
mv "$stage" "$out" || { mv "$stage.previous" "$out"; fail "cannot move the release into $out; $out is as it was"; }

echo "release.sh: release $version ($revision) in $out:"
(cd "$out" && ls -l && cat SHA256SUMS)
build="docker build -f deploy/Dockerfile --build-arg VERSION=$version --build-arg REVISION=$revision"
[ -z "$source_url" ] || build="$build --build-arg SOURCE=$source_url"
build="$build -t $image:$version ."
if command -v docker >/dev/null; then
  echo "release.sh: the image is not built here; build and push it with:"
else
  echo "release.sh: docker not found, so no image here; on a machine with docker, build and push it with:"
fi
echo "  $build"
echo "  docker push $image:$version"
