#!/bin/sh
# build --jobs N: the same files, messages and exit status whatever N;
# messages come whole and in school order; a failing school fails alone.
. "$(dirname "$0")/lib.sh"

P=$TMP/synth
perl "$TOP/tools/synth.pl" --root "$TOP" --seed 7 10 "$P" >/dev/null 2>&1
ok $? "tools/synth.pl: a synthetic project of 10 schools"
# one school gets an error of its own
b=$(ls "$P/schools" | grep -v defaults.lua | head -1)
n=$(ls "$P/schools/$b" | grep -vc board.lua)
first=$(ls "$P/schools/$b" | grep -v board.lua | head -1)
bad_rev='{ version = "1.0", status = "vastgesteld", approvals = {
  { body = "directie", act = "vaststelling", date = "2024-01-10" },
  { body = "MR", act = "instemming", date = "2024-02-01" } } }'
perl -0pi -e "s/\nschool\(s\)\n\z/\ns.revision = $bad_rev\nschool(s)\n/" \
    "$P/schools/$b/$first"

for j in 1 3; do
	"$PG" build -k --jobs $j --root "$P" --out "$TMP/out$j" \
	    >"$TMP/stdout$j" 2>"$TMP/stderr$j"
	echo $? >"$TMP/rc$j"
done
is "$(cat "$TMP/rc1")" 1 "--jobs 1 -k with a failing school: exit 1"
is "$(cat "$TMP/rc3")" 1 "--jobs 3 -k: exit 1 too"
like "$(cat "$TMP/stderr1")" "vaststelling by directie .* comes before the instemming" \
    "... the school's error is reported"
diff -r "$TMP/out1" "$TMP/out3" >"$TMP/d" 2>&1
ok $? "--jobs 1 and 3 write the same files, byte for byte"
test -f "$TMP/out3/index.html"
ok $? "... the index among them"
cmp -s "$TMP/stderr1" "$TMP/stderr3"
ok $? "... and print the same messages in the same order"
if [ "$(cat "$TMP/rc3")" -ne 1 ] || ! cmp -s "$TMP/stderr1" "$TMP/stderr3"; then
	diff "$TMP/stderr1" "$TMP/stderr3" | head -10 | diag
fi
msg='^[^ :][^:]*\(:[0-9]*\)\?: \(note\|warning\|error\): '
bad=$(grep -cv "$msg" "$TMP/stderr3")
is "$bad" 0 "... every line a whole message"
[ "$bad" -eq 0 ] || grep -v "$msg" "$TMP/stderr3" | head -10 | diag
test ! -e "$TMP/out3/${first%.lua}"
ok $? "the failing school is not written"
failed=$(sed -n "s/.*note: school '\(.*\)' was not written/\1/p" "$TMP/stderr3" | sort)
written=$(ls "$P"/schools/*/*.lua | grep -v board.lua | sed 's|.*/||; s|\.lua$||' |
    sort | grep -vxF "$failed")
# each in out/ when adopted, in the preview (out/concept/) as a draft
is "$( (ls "$TMP/out3"; ls "$TMP/out3/concept") | grep -vx 'index.html\|concept' |
    sort -u | tr '\n' ' ')" "$(echo $written) " "every other school is"
unlike "$(cat "$TMP/out3/index.html")" "id=\"${first%.lua}\"" "the index leaves it out"

# the same board error for every school of a board fails each of them
perl -0pi -e "s/\nboard\(b\)\n\z/\nb.revision = $bad_rev\nboard(b)\n/" \
    "$P/schools/$b/board.lua"
for f in "$P/schools/$b"/*.lua; do
	case $f in */board.lua) continue ;; esac
	perl -0pi -e 's/\nschool\(s\)\n\z/\ns.revision = nil\nschool(s)\n/' "$f"
done
for j in 1 2; do
	"$PG" build -k -q --jobs $j --root "$P" --out "$TMP/b$j" 2>"$TMP/berr$j"
	echo $? >"$TMP/brc$j"
done
is "$(cat "$TMP/brc1") $(cat "$TMP/brc2")" "1 1" "an error set by the board: exit 1, any --jobs"
is "$(grep -c 'comes before the instemming' "$TMP/berr2")" 1 "... printed once"
is "$(grep -c 'was not written' "$TMP/berr2")" "$n" "... and every school of the board ($n) fails"
diff -r "$TMP/b1" "$TMP/b2" >/dev/null 2>&1
ok $? "... the same with 1 and 2 processes"

# without -k no school starts after a failure; the exit status says so
"$PG" build -q --jobs 2 --root "$P" --out "$TMP/stop" 2>"$TMP/stoperr"
is "$?" 1 "without -k: exit 1"
like "$(cat "$TMP/stoperr")" "was not written" "... naming the school"
test ! -e "$TMP/stop/index.html"
ok $? "... and no index"

# usage
"$PG" build --jobs x --root "$P" --out "$TMP/u" 2>/dev/null
is "$?" 2 "--jobs x: usage error"
"$PG" check --jobs 2 --root "$P" 2>/dev/null
is "$?" 2 "--jobs is for build"
"$PG" build -q --jobs 0 --root "$TOP" --out "$TMP/j0" 2>/dev/null
is "$?" 0 "--jobs 0: one process per processor"
"$PG" build -q --root "$TOP" --out "$TMP/j1" 2>/dev/null
diff -r "$TMP/j0" "$TMP/j1" >/dev/null
ok $? "... the same files as one process"

done_testing
