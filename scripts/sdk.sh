#!/usr/bin/env bash
# The SDKs in sdk/ (nodejs, python, go, dotnet), generated from provider/schema/schema.json.
#
#   scripts/sdk.sh generate   (npm run sdk)       rewrite sdk/<language>/ from the schema
#   scripts/sdk.sh check      (npm run test:sdk)  fail when sdk/ is stale, then compile what can be compiled here:
#                                                 the Go SDK and example (go build, go vet), the TypeScript SDK and
#                                                 example (tsc against @pulumi/pulumi 3.276.0), the Python SDK
#                                                 and example (python3 -m compileall); the .NET SDK is only compared
#
# The generators are scripts/sdkgen (pkg/v3 v3.276.0 for nodejs, python, go; pkg/v3 v3.206.0 for dotnet, the newest
# release here that still has the C# generator), built once per source change into a cache outside the repository.
# Each step prints its time; `check` ends with a "N passed, N failed" line.
set -euo pipefail

readonly REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly SDKGEN="${REPO_ROOT}/scripts/sdkgen"
readonly CACHE_ROOT="${PULUMI_BANDWIDTH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-bandwidth}"
readonly LANGUAGES=(nodejs python go dotnet)
# The Pulumi Go SDK the Go SDK requires (the generator writes v3.269.0, whose dependencies the proxy does not all serve)
# and the @pulumi/pulumi the TypeScript SDK is checked against: the release the newest CI leg runs.
readonly GO_SDK_PULUMI="v3.276.0"
readonly NODE_SDK_PULUMI="3.276.0"

log() { echo "sdk: $*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}

if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then
  PATH="/usr/local/go/bin:${PATH}"
fi
command -v go >/dev/null 2>&1 || die "no Go toolchain: the generators and the Go SDK's check need one"
# The pinned go.sum files verify every module; the checksum database does not list every Pulumi release.
export GONOSUMDB="${GONOSUMDB:+${GONOSUMDB},}github.com/pulumi/pulumi"
# As scripts/ensure-pulumi.sh builds, so the compiled Pulumi Go SDK packages are shared through Go's build cache.
export CGO_ENABLED=0

# timed <label> <command...>: runs the command and prints how long it took.
timed() {
  local label="$1" start status=0
  shift
  start=$(date +%s%N)
  "$@" || status=$?
  printf 'sdk: %-66s %6.1f s%s\n' "$label" "$(awk -v ns="$(($(date +%s%N) - start))" 'BEGIN { print ns / 1e9 }')" \
    "$([ "$status" -eq 0 ] || echo "  (exit ${status})")" >&2
  return "$status"
}

# Prints the path of a generator binary (flavour: current or dotnet), building it when its sources changed.
generator() {
  local flavour="$1" key dir modfile=go.mod tags=""
  [ "$flavour" = dotnet ] && modfile=dotnet.mod && tags=sdkgen_dotnet
  key="$(cd "$SDKGEN" && cat "$modfile" "${modfile%.mod}.sum" ./*.go logo.png | sha256sum | cut -c1-16)"
  dir="${CACHE_ROOT}/sdkgen-${flavour}-${key}"
  if [ ! -x "${dir}/sdkgen" ]; then
    log "building the ${flavour} generator into ${dir} (once per change of scripts/sdkgen)"
    mkdir -p "$dir"
    (cd "$SDKGEN" && nice go build -modfile="$modfile" -tags="$tags" -o "${dir}/sdkgen.tmp" .) >&2
    mv -f "${dir}/sdkgen.tmp" "${dir}/sdkgen"
  fi
  echo "${dir}/sdkgen"
}

# The README of one SDK: its template, then the example program it names, verbatim, so the README shows the checked code.
readme() {
  local lang="$1" template="${SDKGEN}/readme/$1.md" example fence
  case "$lang" in
    nodejs) example=examples/sdk-nodejs/index.ts fence=typescript ;;
    python) example=examples/sdk-python/__main__.py fence=python ;;
    go) example=examples/sdk-go/main.go fence=go ;;
    dotnet) example=examples/sdk-dotnet/Program.cs fence=csharp ;;
  esac
  cat "$template"
  printf '\n## Example (`%s`)\n\n```%s\n' "$example" "$fence"
  cat "${REPO_ROOT}/${example}"
  printf '```\n'
}

# generate_into <root>: writes <root>/sdk/<language>/ for every language.
generate_into() {
  local root="$1" version current dotnet lang bin
  version="$(node -p 'require(process.argv[1]).version' "${REPO_ROOT}/package.json")"
  current="$(timed "generators ready (built only when scripts/sdkgen changed)" generator current)"
  dotnet="$(timed "the .NET generator ready" generator dotnet)"
  for lang in "${LANGUAGES[@]}"; do
    local extra=()
    bin="$current"
    [ "$lang" = dotnet ] && bin="$dotnet"
    [ "$lang" = go ] && extra=(-go-sdk-version "$GO_SDK_PULUMI")
    timed "generate sdk/${lang} ${version}" "$bin" -schema "${REPO_ROOT}/provider/schema/schema.json" \
      -language "$lang" -version "$version" "${extra[@]}" -out "${root}/sdk/${lang}"
    readme "$lang" >"${root}/sdk/${lang}/README.md"
  done
  # go.sum, and the go.mod's indirect requirements, as `go mod tidy` writes them for the required Pulumi Go SDK.
  timed "go mod tidy in sdk/go" bash -c 'cd "$1" && go mod tidy' _ "${root}/sdk/go"
  # What the SDKs were generated from, so the unit tests (which need no Go) catch a schema changed without `npm run sdk`.
  printf 'schema sha256 %s\nversion %s\n' "$(sha256sum "${REPO_ROOT}/provider/schema/schema.json" | cut -d' ' -f1)" \
    "$version" >"${root}/sdk/.generated-from"
}

passed=0
failed=0
check() { # check <label> <command...>
  if timed "$@"; then passed=$((passed + 1)); else
    failed=$((failed + 1))
    log "FAILED: $1"
  fi
}

# The example programs and sdk/, laid out as in the repository, with node_modules holding @pulumi/pulumi
# ${NODE_SDK_PULUMI} (the TypeScript SDK's dependency, installed once into the cache).
node_scratch() {
  local scratch="$1" modules="${CACHE_ROOT}/sdk-nodejs-pulumi-${NODE_SDK_PULUMI}"
  if [ ! -f "${modules}/.complete" ]; then
    mkdir -p "$modules"
    (cd "$modules" && echo '{"private":true}' >package.json &&
      npm install --no-audit --no-fund --no-save "@pulumi/pulumi@${NODE_SDK_PULUMI}" "@types/node@20" >&2) || return 1
    touch "${modules}/.complete"
  fi
  mkdir -p "${scratch}/sdk" "${scratch}/examples"
  cp -R "${REPO_ROOT}/sdk/nodejs" "${scratch}/sdk/nodejs"
  cp -R "${REPO_ROOT}/examples/sdk-nodejs" "${scratch}/examples/sdk-nodejs"
  ln -s "${modules}/node_modules" "${scratch}/node_modules"
}

scratch=""
run_check() {
  local tsc="${REPO_ROOT}/node_modules/.bin/tsc"
  [ -x "$tsc" ] || die "no ${tsc}: run npm ci first"
  scratch="$(mktemp -d "${TMPDIR:-/tmp}/pulumi-bandwidth-sdk.XXXXXX")"
  trap '[ -z "$scratch" ] || rm -rf "$scratch"' EXIT

  generate_into "${scratch}/fresh"
  # Byte for byte what `npm run sdk` writes from the current schema and examples.
  check "sdk/ is what npm run sdk writes (no stale or extra file)" \
    diff -r "${REPO_ROOT}/sdk" "${scratch}/fresh/sdk"

  check "Go SDK: go build ./... (pulumi/sdk/v3 ${GO_SDK_PULUMI})" bash -c 'cd "$1/sdk/go" && go build ./...' _ "$REPO_ROOT"
  check "Go SDK: go vet ./..." bash -c 'cd "$1/sdk/go" && go vet ./...' _ "$REPO_ROOT"
  check "Go example: go vet, go build" bash -c 'cd "$1/examples/sdk-go" && go vet . && go build -o /dev/null .' _ "$REPO_ROOT"

  if timed "TypeScript: @pulumi/pulumi ${NODE_SDK_PULUMI} ready (installed once)" node_scratch "${scratch}/node"; then
    check "TypeScript SDK: tsc --noEmit" "$tsc" -p "${scratch}/node/sdk/nodejs/tsconfig.json" --noEmit
    check "TypeScript example: tsc --noEmit" "$tsc" -p "${scratch}/node/examples/sdk-nodejs/tsconfig.json" --noEmit
  else
    failed=$((failed + 1))
    log "FAILED: cannot install @pulumi/pulumi ${NODE_SDK_PULUMI}"
  fi

  check "Python SDK and example: python3 -m compileall" env PYTHONPYCACHEPREFIX="${scratch}/pycache" \
    python3 -m compileall -q "${REPO_ROOT}/sdk/python" "${REPO_ROOT}/examples/sdk-python"

  if command -v dotnet >/dev/null 2>&1; then
    log ".NET: dotnet is installed but the Pulumi NuGet package cannot be fetched here; the .NET SDK is not compiled"
  else
    log ".NET: no dotnet toolchain here; the .NET SDK is generated and compared only, not compiled"
  fi
  echo "sdk: ${passed} passed, ${failed} failed"
  [ "$failed" -eq 0 ]
}

case "${1:-}" in
  generate)
    start=$(date +%s)
    generate_into "$REPO_ROOT"
    log "sdk/ written in $(($(date +%s) - start)) s"
    ;;
  check) run_check ;;
  *) die "usage: scripts/sdk.sh generate|check" ;;
esac
