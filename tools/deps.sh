#!/bin/sh
# Check (and, as root, install) what protocolgen needs.
#   tools/deps.sh build    Debian packages `make` needs to build and render
#   tools/deps.sh test     what `make check` needs on top of that: Debian
#                          packages, then the npm packages of the web checks
#                          (tests/web: `npm ci` from its committed lockfile)
set -eu

build_pkgs="gcc make pkg-config libcmark-dev libxml2-dev liblua5.4-dev \
libcairo2-dev libpango1.0-dev libhyphen-dev hyphen-nl fonts-crosextra-carlito \
libhunspell-dev hunspell-nl libmicrohttpd-dev libzip-dev"
# the web checks: the Nu Html Checker runs on java, axe-core in chromium;
# libjopendocument-java for the OpenDocument schema in its jar (odt.t)
test_pkgs="perl python3 poppler-utils qpdf valgrind default-jre-headless chromium \
fonts-dejavu-core fontconfig pandoc libreoffice-writer-nogui jing unzip zip \
libjopendocument-java"

# PROTOCOLGEN_DEPS_EXTRA adds packages to check (the tests use it).
case "${1:-build}" in
build) want="$build_pkgs ${PROTOCOLGEN_DEPS_EXTRA:-}" ;;
test) want="$build_pkgs $test_pkgs ${PROTOCOLGEN_DEPS_EXTRA:-}" ;;
*) echo "usage: tools/deps.sh build|test" >&2; exit 2 ;;
esac
# Node.js 20 or later with npm (playwright-core needs it); the machine's own
# when it has one, else Debian's.
if [ "${1:-build}" = test ] && ! command -v npm >/dev/null 2>&1; then
	want="$want nodejs npm"
fi

missing=""
for p in $want; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
	    grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done

if [ -n "$missing" ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "protocolgen: missing Debian packages; as root, run:" >&2
		echo "  apt-get install -y$missing" >&2
		exit 1
	fi
	echo "protocolgen: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get -o DPkg::Lock::Timeout=600 update -qq >&2 || true
	# shellcheck disable=SC2086
	apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
	    --no-install-recommends $missing >&2
fi
[ "${1:-build}" = test ] || exit 0

# The npm packages, exactly as tests/web/package-lock.json pins them (it
# records versions and integrity hashes, no download addresses; npm fetches
# from its configured registry).  --ignore-scripts: vnu-jar's install script
# would download a Java runtime; Debian's is used instead.
web="$(dirname "$0")/../tests/web"
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -lt 20 ]; then
	echo "protocolgen: the web checks need Node.js 20 or later" \
	    "(found: $(node --version 2>/dev/null || echo none))" >&2
	exit 1
fi
if ! cmp -s "$web/package-lock.json" "$web/node_modules/.protocolgen-lock"; then
	echo "protocolgen: npm ci in tests/web" >&2
	(cd "$web" && npm ci --ignore-scripts --no-audit --no-fund \
	    --loglevel=error >&2)
	cp "$web/package-lock.json" "$web/node_modules/.protocolgen-lock"
fi
