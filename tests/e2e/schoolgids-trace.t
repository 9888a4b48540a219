#!/bin/sh
# The schoolgids section says only what the school's protocol says: every
# sentence of out/<id>/schoolgids.md traces to a clause of that school's
# protocol.md (by its article, chapter or appendix) or is a labelled legal
# fact or a fixed frame (tests/e2e/sgtrace.pl), for every school of the
# project and of every fixture project.
. "$(dirname "$0")/lib.sh"
NB=$(printf '\302\240')	# the no-break space before an article number

TRACE="perl $TOP/tests/e2e/sgtrace.pl"
STR=$TOP/templates/nl.strings

trace_dir() {	# trace_dir OUT NAME: every schoolgids.md under OUT
	for sg in "$1"/*/schoolgids.md; do
		[ -f "$sg" ] || continue
		id=$(basename "$(dirname "$sg")")
		t=$($TRACE "$sg" "$(dirname "$sg")/protocol.md" "$STR" 2>&1)
		ok $? "$2 $id: every schoolgids sentence traces to its protocol"
		[ $? -eq 0 ] || printf '%s\n' "$t" | diag
		like "$t" "traced [1-9][0-9]* sentences" "$2 $id: sentences were traced"
	done
}

# The project: every school in schools/.
run build --out "$TMP/out"
is "$rc" 0 "the project builds"
for f in $(find "$TOP/schools" -name '*.lua' ! -name board.lua ! -name defaults.lua | sort); do
	id=$(basename "$f" .lua)
	[ -s "$TMP/out/$id/schoolgids.md" ]
	ok $? "$id: schoolgids.md written"
done
trace_dir "$TMP/out" project

# Every fixture project (some have schools that fail on purpose: -k).
for fx in $(cd "$TOP/tests/fixtures" && ls); do
	[ -d "$TOP/tests/fixtures/$fx/schools" ] || continue
	F=$(fixture "$fx")
	run build -k --root "$F" --templates "$TOP/templates" --out "$F/out"
	n=$(ls "$F"/out/*/schoolgids.md 2>/dev/null | wc -l)
	if [ "$n" -eq 0 ]; then	# a project whose tests adopt it first
		as_drafts "$F"
		run build -k --root "$F" --templates "$TOP/templates" --out "$F/out"
		n=$(ls "$F"/out/*/schoolgids.md 2>/dev/null | wc -l)
	fi
	[ "$n" -gt 0 ]
	ok $? "fixture $fx: $n schoolgids sections written"
	trace_dir "$F/out" "fixture $fx"
done

# The checker itself: what it must refuse.
B=$TMP/out/de-bron
cp "$B/schoolgids.md" "$TMP/sg.md"
printf '\nDe regels van de school gelden ook online: wat op school niet mag, mag op internet ook niet.\n' >>"$TMP/sg.md"
t=$($TRACE "$TMP/sg.md" "$B/protocol.md" "$STR")
ok $((! $?)) "a stock rule is refused"
like "$t" "wat op school niet mag.*traces to no clause" "and named"

sed "s/(artikel${NB}5\.3)/(artikel${NB}5.4)/" "$B/schoolgids.md" >"$TMP/sg.md"
t=$($TRACE "$TMP/sg.md" "$B/protocol.md" "$STR")
ok $((! $?)) "a sentence cited from the wrong article is refused"
like "$t" "persoonlijk verantwoordelijk.* is not in artikel 5.4" "and named"

sed "s/(artikel${NB}5\.3)/(artikel${NB}5.99)/" "$B/schoolgids.md" >"$TMP/sg.md"
t=$($TRACE "$TMP/sg.md" "$B/protocol.md" "$STR")
ok $((! $?)) "an article the protocol lacks is refused"

perl -CSD -Mutf8 -pe 's/^(Er worden geen herkenbare foto.s)/Foto’s en video’s waarop leerlingen herkenbaar zijn, publiceren we alleen met toestemming. $1/' \
    "$B/schoolgids.md" >"$TMP/sg.md"
t=$($TRACE "$TMP/sg.md" "$B/protocol.md" "$STR")
ok $((! $?)) "a sentence slipped into a cited paragraph is refused"

cp "$B/schoolgids.md" "$TMP/sg.md"
printf '\nVolgens de AVG geven de ouders of verzorgers toestemming voor een leerling jonger dan 16 jaar; een leerling van 16 jaar of ouder geeft zelf toestemming.\n' \
    >>"$TMP/sg.md"
t=$($TRACE "$TMP/sg.md" "$B/protocol.md" "$STR")
ok $((! $?)) "a consent age in a primary school's section is refused"
like "$t" "primary school.*consent age" "and named"

perl -CSD -Mutf8 -pe 's/^(### Mobiele telefoon)$/$1\n\nDe betrokkene is persoonlijk verantwoordelijk voor de inhoud die hij publiceert op sociale media. (artikel\x{A0}5.3)/' \
    "$B/schoolgids.md" >"$TMP/sg.md"
t=$($TRACE "$TMP/sg.md" "$B/protocol.md" "$STR")
ok $((! $?)) "a clause under a heading it is not about is refused"
like "$t" "sits under 'Mobiele telefoon' but is not about it" "and named"

sed 's/^sg\.fact\.withdraw = Volgens de AVG /sg.fact.withdraw = /' "$STR" >"$TMP/nl.strings"
t=$($TRACE "$B/schoolgids.md" "$B/protocol.md" "$TMP/nl.strings")
ok $((! $?)) "a fact not worded as a fact is refused"
like "$t" "sg.fact.withdraw is not worded as a fact" "and named"

# What the section now says, and does not, for the schools of the issue.
sg=$(cat "$B/schoolgids.md")
unlike "$sg" "wat op school niet mag|Geen reactie betekent|jonger dan 16|intrekken kan altijd|Vragen of zorgen" \
    "de-bron: no stock rules, no consent age"
like "$sg" "Er worden geen herkenbare foto’s van leerlingen" "de-bron: its own photo rule"
like "$sg" "privé-Facebookpagina’s. \(artikel${NB}5\.6\)" "de-bron: with its article"
Q=$(cat "$TMP/out/quadraam/schoolgids.md")
unlike "$Q" "### Mobiele telefoon" "quadraam: no phone part over a rule that names no phone"
like "$Q" "tijdens de lessen of daaraan" "quadraam: its lessons rule is an agreement"
like "$Q" "^Volgens de AVG kan een gegeven toestemming altijd weer worden ingetrokken\.$" \
    "quadraam: withdrawal as a fact of the AVG"
K=$(cat "$TMP/out/klimop/schoolgids.md")
like "$K" "### Mobiele telefoon" "klimop: its phone rule has its part"
like "$K" "telefoon in de klas te gebruiken. \(artikel${NB}2\.3\)" "klimop: with its article"

done_testing
