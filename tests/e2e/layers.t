#!/bin/sh
# tools/layers.pl, which `make layers` runs on generator/: it accepts a tree
# whose includes go down, and refuses upward and sideways includes, unknown
# folders and headers, and cycles.
. "$(dirname "$0")/lib.sh"

L="$TOP/tools/layers.pl"
T="$TMP/src"
mkdir -p "$T/low" "$T/mid/a" "$T/mid/b" "$T/top"
cat >"$T/LAYERS" <<'X'
# a comment
low
mid/a mid/b
top
X
printf '#define LOW 1\n' >"$T/low/low.h"
printf '#include "low/low.h"\n' >"$T/mid/a/a.h"
printf '#include "low/low.h"\n' >"$T/mid/b/b.h"
printf '#include "mid/a/a.h"\n#include "mid/b/b.h"\n#include "top/top.h"\n' \
    >"$T/top/top.c"
printf '\n' >"$T/top/top.h"

layers() {
	out=$(perl "$L" "$T/LAYERS" "$T" 2>"$TMP/.err")
	rc=$?
	err=$(cat "$TMP/.err")
}

layers
is "$rc" 0 "a layered tree passes"
like "$out" "4 folders" "it counts the folders"

printf '#include "top/top.h"\n' >"$T/low/up.c"
layers
is "$rc" 1 "an upward include fails"
like "$err" "low/up.c:1: #include \"top/top.h\": upward, from low to top" \
    "the upward include is named, with its line"
like "$err" "cycle: low -> top -> (mid/a -> )?low|cycle: .*low" \
    "and the cycle it makes"
rm "$T/low/up.c"

printf '#include "mid/b/b.h"\n' >"$T/mid/a/side.c"
layers
is "$rc" 1 "a sideways include fails"
like "$err" "sideways, from mid/a to its sibling mid/b" "it is named sideways"
rm "$T/mid/a/side.c"

mkdir "$T/stray"
printf '#include "low/low.h"\n' >"$T/stray/s.c"
layers
is "$rc" 1 "a folder LAYERS does not list fails"
like "$err" "folder 'stray' is not in" "it is named"
rm -r "$T/stray"

printf '#include "low.h"\n' >"$T/top/flat.c"
layers
is "$rc" 1 "an include not written from the source folder fails"
like "$err" "no such header" "it says so"
rm "$T/top/flat.c"

printf '! top : low\n' >>"$T/LAYERS"
printf '#include "low/low.h"\n' >"$T/top/deny.c"
layers
is "$rc" 1 "a use LAYERS forbids with '!' fails, though it goes down"
like "$err" "top/deny.c:1: .*from top to low, which .*LAYERS:5 forbids" \
    "it names the rule"
rm "$T/top/deny.c"

layers
is "$rc" 0 "the tree passes again"

# the real tree (make check runs `make layers` with the objects too)
out=$(perl "$L" "$TOP/generator/LAYERS" "$TOP/generator" 2>&1)
ok $? "generator/ passes: $out"

done_testing
