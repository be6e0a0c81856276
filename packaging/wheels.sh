#!/usr/bin/env bash
# Build pyward's wheels: one per release target, each carrying the static
# binary as the wheel's script, so `pip install pyward`, `pipx install
# pyward` and `uv tool install pyward` put it on PATH.
#
#   bash packaging/wheels.sh DIST            every release target
#   PYWARD_WHEEL_TARGETS=linux/amd64 bash packaging/wheels.sh DIST
#
# The version comes from PYWARD_VERSION, else the tag at HEAD (v1.2.3),
# else 0.0.0.dev0. Same source, same Go and same version give the same
# bytes: the binaries are built with -trimpath and an empty build ID, and
# the wheels with fixed time stamps and order.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: bash packaging/wheels.sh DIST" >&2
  exit 2
fi
dist=$1
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

version=${PYWARD_VERSION:-}
if [[ -z $version ]]; then
  version=$(git describe --tags --exact-match 2>/dev/null || echo 0.0.0.dev0)
fi
targets=${PYWARD_WHEEL_TARGETS:-linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$dist"
go build -o "$work/mkwheel" ./internal/wheel/mkwheel

for target in $targets; do
  goos=${target%/*}
  goarch=${target#*/}
  bin="$work/$goos-$goarch/pyward"
  [[ $goos == windows ]] && bin="$bin.exe"
  CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch go build -trimpath -tags urfave_cli_no_docs \
    -ldflags "-s -w -buildid= -X main.version=${version#v}" -o "$bin" ./cmd/pyward
  "$work/mkwheel" -binary "$bin" -goos "$goos" -goarch "$goarch" -version "$version" \
    -readme README.md -license LICENSE -out "$dist"
done
