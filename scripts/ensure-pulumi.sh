#!/usr/bin/env bash
# Prints the directory holding a usable Pulumi engine (pulumi, pulumi-language-nodejs, pulumi-resource-pulumi-nodejs).
# Uses an installed pulumi >= 3.139 when there is one; otherwise builds v3.248.0 from the Go module proxy into a
# cache outside the repository. Progress goes to stderr; stdout carries only the bin directory.
set -euo pipefail

readonly PULUMI_VERSION="v3.248.0"
readonly MIN_VERSION="3.139.0"
readonly REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly TEMPLATES="${REPO_ROOT}/scripts/engine"
readonly CACHE_ROOT="${PULUMI_BANDWIDTH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-bandwidth}"
readonly INSTALL_DIR="${CACHE_ROOT}/pulumi-${PULUMI_VERSION}"
readonly BIN_DIR="${INSTALL_DIR}/bin"
readonly STAMP="${INSTALL_DIR}/.build-complete"

log() { echo "ensure-pulumi: $*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}

# True when version $1 (with or without a leading v) is at least $2.
version_at_least() {
  local have="${1#v}" want="$2"
  have="${have%%-*}"
  [ "$(printf '%s\n%s\n' "$want" "$have" | sort -V | head -n1)" = "$want" ]
}

# A user who already has a recent pulumi never builds anything.
if existing="$(command -v pulumi 2>/dev/null)"; then
  existing_version="$("$existing" version 2>/dev/null || true)"
  if [ -n "$existing_version" ] && version_at_least "$existing_version" "$MIN_VERSION"; then
    log "using installed pulumi ${existing_version} at ${existing}"
    dirname "$existing"
    exit 0
  fi
  log "installed pulumi '${existing_version:-unknown}' is older than ${MIN_VERSION}; using a cached build instead"
fi

binaries_run() {
  [ -x "${BIN_DIR}/pulumi" ] && [ -x "${BIN_DIR}/pulumi-language-nodejs" ] &&
    [ -x "${BIN_DIR}/pulumi-resource-pulumi-nodejs" ] && "${BIN_DIR}/pulumi" version >/dev/null 2>&1
}

if [ -f "$STAMP" ] && binaries_run; then
  echo "$BIN_DIR"
  exit 0
fi

# Go's official tarball installs to /usr/local/go; a non-login shell may not have it on PATH.
if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then
  PATH="/usr/local/go/bin:${PATH}"
fi
command -v go >/dev/null 2>&1 || die "no pulumi >= ${MIN_VERSION} on PATH and no Go toolchain to build ${PULUMI_VERSION}; install one of them"
dynamic_provider_script="${REPO_ROOT}/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
[ -f "$dynamic_provider_script" ] || die "missing ${dynamic_provider_script}; run npm install first"

work="$(mktemp -d "${TMPDIR:-/tmp}/pulumi-bandwidth-engine.XXXXXX")"
trap 'rm -rf "$work"' EXIT
start=$(date +%s)
mkdir -p "$BIN_DIR"
rm -f "$STAMP"

# The pinned go.sum files verify every module; the checksum database does not list every Pulumi release.
export GONOSUMDB="${GONOSUMDB:+${GONOSUMDB},}github.com/pulumi/pulumi"
export GOFLAGS="-mod=mod -trimpath"
export CGO_ENABLED=0
version_flag="github.com/pulumi/pulumi/sdk/v3/go/common/version.Version"

build() { # build <template dir> <main package> <output> <version stamped into the binary>
  local module="${work}/$1"
  cp -R "${TEMPLATES}/$1" "$module"
  log "building $(basename "$3") from $2 (a cold build takes several minutes on 2 cores)"
  (cd "$module" && go build -ldflags "-s -w -X ${version_flag}=$4" -o "$3.tmp" "$2") ||
    die "go build of $2 failed; see the output above"
  mv -f "$3.tmp" "$3"
}

build cli github.com/pulumi/pulumi/pkg/v3/cmd/pulumi "${BIN_DIR}/pulumi" "$PULUMI_VERSION"
# The Go proxy serves no version of the separate pulumi-language-nodejs/v3 module for this release, so the host
# comes from sdk/v3 v3.68.0, the last release that ships it inside sdk/v3 (it speaks the same language-host RPC).
build nodejs-host github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs \
  "${BIN_DIR}/pulumi-language-nodejs" "v3.68.0"
install -m 0755 "$dynamic_provider_script" "${BIN_DIR}/pulumi-resource-pulumi-nodejs"

binaries_run || die "built binaries in ${BIN_DIR} do not run"
echo "${PULUMI_VERSION} built in $(($(date +%s) - start))s" >"$STAMP"
log "pulumi $("${BIN_DIR}/pulumi" version) ready in ${BIN_DIR} after $(($(date +%s) - start))s"
echo "$BIN_DIR"
