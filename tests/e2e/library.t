#!/bin/sh
# The real library and schools: the five seed schools pass `check` without
# errors, and the example schools show tailoring in short school files.
. "$(dirname "$0")/lib.sh"

SEEDS="de-bron cnv-model quadraam de-sterren klimop"

run check --root "$TOP" $SEEDS
is "$rc" 0 "check: no errors for the five seed schools"
unlike "$err" ": error:" "check: no error messages"
for id in $SEEDS; do
	[ -f "$(ls "$TOP"/schools/*/"$id".lua 2>/dev/null | head -1)" ]
	ok $? "$id: schools/<board>/$id.lua exists"
	board=$(dirname "$(ls "$TOP"/schools/*/"$id".lua | head -1)")
	[ -f "$board/board.lua" ]
	ok $? "$id: its board.lua exists"
done

run check --root "$TOP"
is "$rc" 0 "check: no errors for any school"

# Tailoring: schools that are not seeds, in short files, built with their
# own channels and programmes.
n=0
for f in "$TOP"/schools/*/*.lua; do
	id=$(basename "$f" .lua)
	case " board $SEEDS " in *" $id "*) continue ;; esac
	n=$((n + 1))
	lines=$(wc -l <"$f")
	[ "$lines" -le 30 ]
	ok $? "$id: school file has $lines lines (at most 30)"
	run build --root "$TOP" --out "$TMP/out" "$id"
	is "$rc" 0 "$id: builds"
	run build --root "$TOP" --explain "$id"
	own=$(printf '%s\n' "$out" | sed -n 's/^\(channels\|lessons\)\[[0-9]*\] *\(.*[^ ]\)  *[^ ]*:[0-9]*$/\2/p')
	[ -n "$own" ]
	ok $? "$id: has its own channels or programmes"
	printf '%s\n' "$own" | while IFS= read -r v; do
		grep -qF "$v" "$TMP/out/$id/protocol.html" || echo "$v"
	done >"$TMP/missing"
	[ ! -s "$TMP/missing" ]
	ok $? "$id: its channels and programmes are in its protocol"
	grep -q 'step: .* instemming ' "$TMP/out/$id/protocol.md"
	ok $? "$id: its own approval steps are in its protocol"
done
[ "$n" -ge 2 ]
ok $? "at least two example schools beside the seeds ($n)"

# A platform is named as the school's own only where the school has it: De
# Bron (a Facebook page) says "op Facebook", De Wegwijzer (none) does not.
run build --root "$TOP" --out "$TMP/pf" de-bron de-wegwijzer
is "$rc" 0 "de-bron, de-wegwijzer: build"
grep -q "geplaatst op Facebook en andere sociale media" "$TMP/pf/concept/de-bron/protocol.md"
ok $? "de-bron: its Facebook page is named in the photo rule"
grep -q "op Facebook\|Facebookpagina" "$TMP/pf/de-wegwijzer/protocol.md"
is "$?" 1 "de-wegwijzer: no Facebook where it has none"
grep -q "geplaatst op sociale media" "$TMP/pf/de-wegwijzer/protocol.md"
ok $? "de-wegwijzer: the neutral phrase instead"

# Quadraam's protocol is board-wide and says so; Sonsbeek College, a school
# adopting the same outline, speaks of itself.
run build --root "$TOP" --out "$TMP/sc" quadraam sonsbeek-college
text=$(tr -s ' \n' '  ' <"$TMP/sc/quadraam/protocol.md")
for w in "positief imago van Quadraam en haar scholen" "bij Quadraam en haar scholen betrokken" "missie en visie van Quadraam en haar scholen" "deel uitmaken van Quadraam"; do
	like "$text" "$w" "quadraam: '$w'"
done
unlike "$(tr -s ' \n' '  ' <"$TMP/sc/sonsbeek-college/protocol.md")" "Sonsbeek College en haar scholen" \
    "sonsbeek-college: no 'en haar scholen' for a school"

done_testing
