#!/usr/bin/env bash
# Prints the directory holding a usable Pulumi engine (pulumi, pulumi-language-nodejs, pulumi-resource-pulumi-nodejs).
#
#   scripts/ensure-pulumi.sh [--yaml] [vX.Y.Z]   (or PULUMI_BANDWIDTH_ENGINE_VERSION=vX.Y.Z; default v3.248.0)
#
# --yaml (or PULUMI_BANDWIDTH_YAML_HOST=1) also puts the Pulumi YAML language host, pulumi-language-yaml v1.25.0
# (built from github.com/pulumi/pulumi-yaml, template scripts/engine/yaml-host), in the same bin directory. An
# installed pulumi is then used only when a pulumi-language-yaml sits beside it; otherwise the cached build is used,
# and a cached CLI built without the host gets it added (one Go build; 619 s measured on 2 cores shared with other
# builds) without rebuilding the CLI.
#
# A pulumi already on PATH is used when it is recent enough: with no version asked for, any release the package's peer
# range admits (>= 3.139.0); with a version asked for, at least that version's minor (asking for v3.259.0 accepts an
# installed 3.259.0 or later). Otherwise the requested CLI is built once from the Go module proxy into a cache outside
# the repository, one directory per version (pulumi-vX.Y.Z). Builds need a template under scripts/engine/cli-vX.Y.Z.
# Progress, including a heartbeat every 15 s while Go builds, goes to stderr; stdout carries only the bin directory.
set -euo pipefail

readonly DEFAULT_VERSION="v3.248.0"
readonly PEER_RANGE_FLOOR="3.139.0"
readonly REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly TEMPLATES="${REPO_ROOT}/scripts/engine"
readonly CACHE_ROOT="${PULUMI_BANDWIDTH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-bandwidth}"
readonly HEARTBEAT_SECONDS="${PULUMI_BANDWIDTH_HEARTBEAT_SECONDS:-15}"

log() { echo "ensure-pulumi: $*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}

WITH_YAML="${PULUMI_BANDWIDTH_YAML_HOST:-0}"
requested=""
for arg in "$@"; do
  case "$arg" in
    --yaml) WITH_YAML=1 ;;
    -*) die "unknown option '${arg}' (usage: ensure-pulumi.sh [--yaml] [vX.Y.Z])" ;;
    *) requested="$arg" ;;
  esac
done
[ "$WITH_YAML" = 1 ] || WITH_YAML=0
readonly WITH_YAML
requested="${requested:-${PULUMI_BANDWIDTH_ENGINE_VERSION:-}}"
PULUMI_VERSION="v${requested:-$DEFAULT_VERSION}"
PULUMI_VERSION="v${PULUMI_VERSION##*v}"
[[ "$PULUMI_VERSION" =~ ^v[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "'${requested}' is not a version like v3.259.0"
readonly PULUMI_VERSION
if [ -n "$requested" ]; then
  minor="${PULUMI_VERSION#v}"
  MIN_VERSION="${minor%.*}.0"
else
  MIN_VERSION="$PEER_RANGE_FLOOR"
fi
readonly MIN_VERSION
readonly CLI_TEMPLATE="cli-${PULUMI_VERSION}"
readonly INSTALL_DIR="${CACHE_ROOT}/pulumi-${PULUMI_VERSION}"
readonly BIN_DIR="${INSTALL_DIR}/bin"
readonly STAMP="${INSTALL_DIR}/.build-complete"
readonly YAML_HOST_VERSION="v1.25.0"
readonly YAML_STAMP="${INSTALL_DIR}/.yaml-host-complete"

# True when version $1 (with or without a leading v) is at least $2.
version_at_least() {
  local have="${1#v}" want="$2"
  have="${have%%-*}"
  [ "$(printf '%s\n%s\n' "$want" "$have" | sort -V | head -n1)" = "$want" ]
}

# A user who already has a recent enough pulumi never builds anything.
if existing="$(command -v pulumi 2>/dev/null)"; then
  existing_version="$("$existing" version 2>/dev/null || true)"
  if [ -n "$existing_version" ] && version_at_least "$existing_version" "$MIN_VERSION"; then
    if [ "$WITH_YAML" = 0 ] || [ -x "$(dirname "$existing")/pulumi-language-yaml" ]; then
      log "using installed pulumi ${existing_version} at ${existing} (>= ${MIN_VERSION})"
      dirname "$existing"
      exit 0
    fi
    log "installed pulumi ${existing_version} has no pulumi-language-yaml beside it; using a cached ${PULUMI_VERSION} instead"
  else
    log "installed pulumi '${existing_version:-unknown}' is older than ${MIN_VERSION}; using a cached ${PULUMI_VERSION} instead"
  fi
fi

binaries_run() {
  [ -x "${BIN_DIR}/pulumi" ] && [ -x "${BIN_DIR}/pulumi-language-nodejs" ] &&
    [ -x "${BIN_DIR}/pulumi-resource-pulumi-nodejs" ] &&
    [ "$("${BIN_DIR}/pulumi" version 2>/dev/null)" = "$PULUMI_VERSION" ]
}

engine_ready() { [ -f "$STAMP" ] && binaries_run; }
# Not asked for, or built at the pinned release and answering --help.
yaml_ready() {
  [ "$WITH_YAML" = 0 ] || {
    [ -x "${BIN_DIR}/pulumi-language-yaml" ] && [ "$(cat "$YAML_STAMP" 2>/dev/null)" = "$YAML_HOST_VERSION" ] &&
      "${BIN_DIR}/pulumi-language-yaml" --help >/dev/null 2>&1
  }
}

if engine_ready && yaml_ready; then
  echo "$BIN_DIR"
  exit 0
fi

engine_ready || [ -d "${TEMPLATES}/${CLI_TEMPLATE}" ] ||
  die "no build template for ${PULUMI_VERSION} (have: $(cd "$TEMPLATES" && echo $(ls -d cli-v* | sed "s/^cli-//")))"
# Go's official tarball installs to /usr/local/go; a non-login shell may not have it on PATH.
if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then
  PATH="/usr/local/go/bin:${PATH}"
fi
command -v go >/dev/null 2>&1 || die "no pulumi >= ${MIN_VERSION} on PATH and no Go toolchain to build ${PULUMI_VERSION}; install one of them"
dynamic_provider_script="${REPO_ROOT}/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
engine_ready || [ -f "$dynamic_provider_script" ] || die "missing ${dynamic_provider_script}; run npm install first"

mkdir -p "$INSTALL_DIR"
# One build per version at a time: a second caller waits for the first, then finds its binaries.
if command -v flock >/dev/null 2>&1; then
  exec 9>"${INSTALL_DIR}/.lock"
  if ! flock -n 9; then
    log "another process is building pulumi ${PULUMI_VERSION}; waiting for it"
    flock 9
    if engine_ready && yaml_ready; then
      echo "$BIN_DIR"
      exit 0
    fi
  fi
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/pulumi-bandwidth-engine.XXXXXX")"
build_pid=""
# An interrupted run stops its go build too, instead of leaving it writing into a removed directory.
trap '[ -z "$build_pid" ] || kill "$build_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
start=$(date +%s)
mkdir -p "$BIN_DIR"

# The pinned go.sum files verify every module; the checksum database does not list every Pulumi release.
export GONOSUMDB="${GONOSUMDB:+${GONOSUMDB},}github.com/pulumi/pulumi"
export GOFLAGS="-mod=mod -trimpath"
export CGO_ENABLED=0

build() { # build <template dir> <main package> <output> <version stamped into the binary> <version variable>
  local module="${work}/$1" name step_start status=0 next
  name="$(basename "$3")"
  cp -R "${TEMPLATES}/$1" "$module"
  log "go build ${name} ${4} (from $2)"
  step_start=$(date +%s)
  (cd "$module" && exec go build -ldflags "-s -w -X $5=$4" -o "$3.tmp" "$2") &
  build_pid=$!
  next=$((step_start + HEARTBEAT_SECONDS))
  while kill -0 "$build_pid" 2>/dev/null; do
    sleep 1
    if [ "$(date +%s)" -ge "$next" ] && kill -0 "$build_pid" 2>/dev/null; then
      log "still building ${name} ${4}: $(($(date +%s) - step_start))s for this step, $(($(date +%s) - start))s in all"
      next=$((next + HEARTBEAT_SECONDS))
    fi
  done
  wait "$build_pid" || status=$?
  build_pid=""
  [ "$status" -eq 0 ] || die "go build of $2 failed (exit ${status}); see the output above"
  mv -f "$3.tmp" "$3"
  log "built ${name} in $(($(date +%s) - step_start))s"
}

if ! engine_ready; then
  rm -f "$STAMP"
  log "building the Pulumi CLI ${PULUMI_VERSION} into ${INSTALL_DIR}: a one-time build, reused by later runs"
  log "it takes about 7 minutes on 2 free cores with empty Go caches (modules downloaded), 3 to 4 with them warm, and longer on a busy machine"

  version_flag="github.com/pulumi/pulumi/sdk/v3/go/common/version.Version"
  build "$CLI_TEMPLATE" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi "${BIN_DIR}/pulumi" "$PULUMI_VERSION" "$version_flag"
  # The Go proxy serves no version of the separate pulumi-language-nodejs/v3 module for these releases, so the host
  # comes from sdk/v3 v3.68.0, the last release that ships it inside sdk/v3 (it speaks the same language-host RPC).
  build nodejs-host github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs \
    "${BIN_DIR}/pulumi-language-nodejs" "v3.68.0" "$version_flag"
  install -m 0755 "$dynamic_provider_script" "${BIN_DIR}/pulumi-resource-pulumi-nodejs"

  binaries_run || die "built binaries in ${BIN_DIR} do not run or do not report ${PULUMI_VERSION}"
  echo "${PULUMI_VERSION} built in $(($(date +%s) - start))s" >"$STAMP"
  log "pulumi $("${BIN_DIR}/pulumi" version) ready in ${BIN_DIR} after $(($(date +%s) - start))s"
fi

if ! yaml_ready; then
  rm -f "$YAML_STAMP"
  build yaml-host github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml "${BIN_DIR}/pulumi-language-yaml" \
    "$YAML_HOST_VERSION" github.com/pulumi/pulumi-yaml/pkg/version.Version
  echo "$YAML_HOST_VERSION" >"$YAML_STAMP"
  yaml_ready || die "the built ${BIN_DIR}/pulumi-language-yaml does not answer --help"
  log "pulumi-language-yaml ${YAML_HOST_VERSION} ready in ${BIN_DIR}"
fi
echo "$BIN_DIR"
