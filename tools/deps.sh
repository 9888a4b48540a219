#!/bin/sh
# Check (and, as root, install) the Debian packages protocolgen needs.
#   tools/deps.sh build    what `make` needs to build and render
#   tools/deps.sh test     what `make check` needs on top of that
set -eu

build_pkgs="gcc make pkg-config libcmark-dev libxml2-dev liblua5.4-dev \
libcairo2-dev libpango1.0-dev libhyphen-dev hyphen-nl fonts-crosextra-carlito"
test_pkgs="perl poppler-utils qpdf valgrind"

# PROTOCOLGEN_DEPS_EXTRA adds packages to check (the tests use it).
case "${1:-build}" in
build) want="$build_pkgs ${PROTOCOLGEN_DEPS_EXTRA:-}" ;;
test) want="$build_pkgs $test_pkgs ${PROTOCOLGEN_DEPS_EXTRA:-}" ;;
*) echo "usage: tools/deps.sh build|test" >&2; exit 2 ;;
esac

missing=""
for p in $want; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
	    grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "protocolgen: missing Debian packages; as root, run:" >&2
	echo "  apt-get install -y$missing" >&2
	exit 1
fi
echo "protocolgen: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=600 update -qq >&2 || true
# shellcheck disable=SC2086
apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $missing >&2
