#!/bin/sh
# Install the Debian packages jobmix needs to build and test, if missing.
# Used by `make demo` and .ci/run. Needs root (or sudo) only when
# something is actually missing.
set -e
need=""
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'; }
for p in build-essential pkg-config libglpk-dev glpk-utils libcjson-dev \
	libcurl4-openssl-dev libxml2-dev libsqlite3-dev tzdata perl python3; do
	have_pkg "$p" || need="$need $p"
done
if [ -n "${JOBMIX_BENCH_DEPS:-}" ]; then
	have_pkg coinor-clp || need="$need coinor-clp"
fi
[ -z "$need" ] && exit 0
echo "jobmix: installing Debian packages:$need" >&2
if [ "$(id -u)" -ne 0 ]; then
	SUDO=sudo
else
	SUDO=
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $need >&2
