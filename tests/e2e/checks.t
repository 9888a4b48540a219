#!/bin/sh
# Every check of `protocolgen check` against its golden message: each school in
# tests/fixtures/checks triggers one check; expected/<id>.err is the exact
# stderr and expected/<id>.exit the exit status.
. "$(dirname "$0")/lib.sh"

F=$(fixture checks)
cd "$F" || exit 1
for exp in expected/*.exit; do
	id=$(basename "$exp" .exit)
	"$PG" check "$id" 2>"$TMP/err"
	is "exit $?" "$(cat "$exp")" "$id: exit status"
	if diff -u "expected/$id.err" "$TMP/err" >"$TMP/diff"; then
		ok 0 "$id: messages"
	else
		ok 1 "$id: messages"
		diag < "$TMP/diff"
	fi
done

# all schools at once: errors from several schools, exit 1
"$PG" check >/dev/null 2>"$TMP/all"
is "$?" 1 "check of every school exits 1 when one has errors"
is "$(grep -c ': error: ' "$TMP/all")" \
   "$(cat expected/*.err | grep -c ': error: ')" \
   "check of every school reports every error once"

# a list to work down: sorted by file and line, every message once
grep -v '^protocolgen:' "$TMP/all" | awk -F: '{ printf "%s\t%09d\t%d\n", $1, $2 + 0, NR }' |
    sort -t "$(printf '\t')" -k1,1 -k2,2n -k3,3n -c
ok $? "check sorts its messages by file and line"
is "$(sort "$TMP/all" | uniq -d)" "" "check prints no message twice"

# the same message for two schools is one line naming both
cp -r "$F" "$TMP/fold"
cp "$TMP/fold/schools/proef/termen.lua" "$TMP/fold/schools/proef/termen2.lua"
(cd "$TMP/fold" && "$PG" check termen termen2 2>"$TMP/fold.err" >/dev/null)
is "$(grep -c "Hyves" "$TMP/fold.err")" 1 "a message for two schools is printed once"
grep -q "Hyves.*(schools 'termen', 'termen2')\$" "$TMP/fold.err"
ok $? "... naming both schools"

# warnings alone: exit 0
"$PG" check verlopen 2>/dev/null
is "$?" 0 "warnings alone exit 0"
"$PG" check --quiet verlopen 2>"$TMP/q"
is "$(cat "$TMP/q")" "" "--quiet hides warnings"

# build refuses to write a school with check errors, keeps going with -k
"$PG" build --out "$TMP/o" placeholder 2>/dev/null
is "$?" 1 "build of a school with check errors exits 1"
[ ! -e "$TMP/o/placeholder/protocol.html" ]
ok $? "... and writes nothing for it"
"$PG" build --keep-going --out "$TMP/o" 2>/dev/null
is "$?" 1 "build --keep-going exits 1"
[ -s "$TMP/o/schoon/protocol.html" ] && [ ! -e "$TMP/o/dubbel/protocol.html" ]
ok $? "... having written the clean schools only"

done_testing
