#!/bin/sh
# Install pyward.
#
#   curl -fsSL https://raw.githubusercontent.com/pyward/pyward/main/install.sh | sh
#   sh install.sh --version v0.3.0 --bin-dir ~/.local/bin
#
# Downloads the released binary for this system and checks it against the
# release's checksums.txt. When no release can be downloaded (no network,
# no release for this platform), builds from source with `go install`.
# --from-source DIR builds the checkout in DIR instead (offline, and CI).
# PYWARD_RELEASE_URL replaces https://github.com/pyward/pyward/releases/download
# (a mirror; the archive and checksums.txt are read from $PYWARD_RELEASE_URL/VERSION/).
set -eu

repo="pyward/pyward"
version=""
bin_dir="${HOME:-}/.local/bin"
from_source=""

usage() {
	cat <<'EOF'
usage: install.sh [--version vX.Y.Z] [--bin-dir DIR] [--from-source DIR]

  --version       the release to install (default: the latest)
  --bin-dir       where to put the pyward binary (default: ~/.local/bin)
  --from-source   build the pyward checkout in DIR with Go instead of downloading
EOF
}

die() {
	echo "install.sh: $*" >&2
	exit 1
}

while [ $# -gt 0 ]; do
	case "$1" in
	--version)
		[ $# -ge 2 ] || die "--version needs a value, such as v0.3.0"
		version="$2"
		shift 2
		;;
	--bin-dir)
		[ $# -ge 2 ] || die "--bin-dir needs a folder"
		bin_dir="$2"
		shift 2
		;;
	--from-source)
		[ $# -ge 2 ] || die "--from-source needs the folder of a pyward checkout"
		from_source="$2"
		shift 2
		;;
	-h | --help)
		usage
		exit 0
		;;
	*)
		usage >&2
		die "unknown argument: $1"
		;;
	esac
done

case "$version" in
"" | v[0-9]*) ;;
[0-9]*) version="v$version" ;;
*) die "--version $version: expected a release tag such as v0.3.0" ;;
esac

[ -n "$bin_dir" ] || die "no --bin-dir given and HOME is not set"
mkdir -p "$bin_dir" || die "cannot create $bin_dir"

build_local() {
	command -v go >/dev/null 2>&1 || die "building from source needs Go (https://go.dev/dl/)"
	if [ ! -f "$1/go.mod" ] || [ ! -d "$1/cmd/pyward" ]; then
		die "$1 is not a pyward checkout (no go.mod and cmd/pyward)"
	fi
	echo "install.sh: building pyward from $1" >&2
	(cd "$1" && CGO_ENABLED=0 go build -trimpath -tags urfave_cli_no_docs -ldflags "-s -w" -o "$bin_dir/pyward" ./cmd/pyward) || die "go build failed"
}

build_remote() {
	command -v go >/dev/null 2>&1 || die "no release could be downloaded and Go is not installed to build from source (https://go.dev/dl/)"
	echo "install.sh: building pyward ${version:-latest} from source with go install" >&2
	GOBIN="$bin_dir" CGO_ENABLED=0 go install "github.com/$repo/cmd/pyward@${version:-latest}" || die "go install failed"
}

fetch() { # fetch URL FILE
	if command -v curl >/dev/null 2>&1; then
		curl -fsSL --retry 2 -o "$2" "$1"
	elif command -v wget >/dev/null 2>&1; then
		wget -q -O "$2" "$1"
	else
		return 1
	fi
}

sha256() {
	if command -v sha256sum >/dev/null 2>&1; then
		sha256sum "$1" | cut -d ' ' -f 1
	elif command -v shasum >/dev/null 2>&1; then
		shasum -a 256 "$1" | cut -d ' ' -f 1
	else
		return 1
	fi
}

download() {
	os=$(uname -s | tr '[:upper:]' '[:lower:]')
	case "$os" in
	linux | darwin) ;;
	mingw* | msys* | cygwin*) os=windows ;;
	*) return 1 ;;
	esac
	case "$(uname -m)" in
	x86_64 | amd64) arch=amd64 ;;
	aarch64 | arm64) arch=arm64 ;;
	*) return 1 ;;
	esac
	tmp=$(mktemp -d) || return 1
	trap 'rm -rf "$tmp"' EXIT
	if [ -z "$version" ]; then
		fetch "https://api.github.com/repos/$repo/releases/latest" "$tmp/latest.json" || return 1
		version=$(sed -n 's/.*"tag_name": *"\([^"]*\)".*/\1/p' "$tmp/latest.json" | head -n 1)
		[ -n "$version" ] || return 1
	fi
	ext=tar.gz
	[ "$os" = windows ] && ext=zip
	archive="pyward_${version#v}_${os}_${arch}.$ext"
	base="${PYWARD_RELEASE_URL:-https://github.com/$repo/releases/download}/$version"
	fetch "$base/$archive" "$tmp/$archive" || return 1
	fetch "$base/checksums.txt" "$tmp/checksums.txt" || die "downloaded $archive but not its checksums.txt: refusing to install an unverified binary"
	want=$(grep " $archive\$" "$tmp/checksums.txt" | cut -d ' ' -f 1)
	[ -n "$want" ] || die "checksums.txt of $version does not list $archive"
	got=$(sha256 "$tmp/$archive") || die "no sha256sum or shasum to verify the download"
	[ "$got" = "$want" ] || die "checksum mismatch for $archive: got $got, want $want"
	if [ "$ext" = zip ]; then
		(cd "$tmp" && unzip -q "$archive") || die "cannot unpack $archive"
		cp "$tmp/pyward.exe" "$bin_dir/pyward.exe"
	else
		tar -xzf "$tmp/$archive" -C "$tmp" pyward || die "cannot unpack $archive"
		cp "$tmp/pyward" "$bin_dir/pyward" && chmod 755 "$bin_dir/pyward"
	fi
	echo "install.sh: installed pyward $version ($os/$arch), checksum verified" >&2
}

if [ -n "$from_source" ]; then
	build_local "$from_source"
elif ! download; then
	build_remote
fi

echo "install.sh: pyward is at $bin_dir/pyward" >&2
case ":${PATH:-}:" in
*":$bin_dir:"*) ;;
*) echo "install.sh: add $bin_dir to your PATH" >&2 ;;
esac
