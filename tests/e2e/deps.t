#!/bin/sh
# tools/deps.sh: nothing to do when all is installed; as a non-root user with a
# package missing, print the exact apt-get line and fail.
. "$(dirname "$0")/lib.sh"

sh "$TOP/tools/deps.sh" build >"$TMP/o" 2>&1
is "$?" 0 "all build packages present: exit 0"
is "$(cat "$TMP/o")" "" "... silently"

mkdir -p "$TMP/shim"
printf '#!/bin/sh\necho 1000\n' >"$TMP/shim/id"
chmod +x "$TMP/shim/id"
PATH="$TMP/shim:$PATH" PROTOCOLGEN_DEPS_EXTRA="protocolgen-no-such-package" \
    sh "$TOP/tools/deps.sh" build >"$TMP/o" 2>&1
is "$?" 1 "not root and a package missing: exit 1"
like "$(cat "$TMP/o")" "^  apt-get install -y protocolgen-no-such-package$" \
    "... printing the exact apt-get line"

sh "$TOP/tools/deps.sh" nonsense >/dev/null 2>&1
is "$?" 2 "unknown group: exit 2"

done_testing
