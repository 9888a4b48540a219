#!/bin/sh
# A protocol's year: every school, every outline and every fixture builds as
# a concept, ter instemming and vastgesteld; a draft says its consent is
# pending and never that it was given; a consent or adoption dated after
# today is an error.
. "$(dirname "$0")/lib.sh"

# set_status FILE STATUS COUNCIL: the school's revision in that status; a
# vastgesteld one with consent by COUNCIL and adoption by a three-word body,
# a draft with no steps at all (not even the board's).
set_status() {
	case $2 in
	vastgesteld)
		steps="{ body = \"$3\", act = \"instemming\", date = \"2019-01-10\" },
      { body = \"College van Bestuur\", act = \"vaststelling\", date = \"2019-01-24\" }" ;;
	*)	steps="" ;;
	esac
	STEPS=$steps STATUS=$2 perl -0pi -e '
		s/\s*approvals\s*=\s*(\{(?:[^{}]++|(?1))*\}),?//;
		s/^((?:(?!--)[^\n])*?)\bstatus\s*=\s*"[a-z-]+"/$1status = "$ENV{STATUS}", approvals = { $ENV{STEPS} }/m
		    or die "no status in $ARGV\n";' "$1"
}

# council FILE: GMR when the school or its board is board-wide, else MR.
council() {
	if grep -q 'scope *= *"board"' "$1" "$(dirname "$1")/board.lua"; then
		echo GMR
	else
		echo MR
	fi
}

# adopt_all ROOT: freeze every vastgesteld school of ROOT (adopt refuses
# the others, which is what the walk wants)
adopt_all() {
	for f in "$1"/schools/*/*.lua; do
		grep -v "^ *--" "$f" | grep -q "status = \"vastgesteld\"" || continue
		id=$(basename "$f" .lua)
		[ "$id" = board ] && continue
		"$PG" adopt --root "$1" --templates "$TOP/templates" "$id" \
		    >/dev/null 2>"$TMP/adopt.err" ||
		    diag < "$TMP/adopt.err"
	done
}

# everything a reader sees of school $2 in build $1, as text
shown() {
	cat "$1/$2/protocol.md" "$1/$2/schoolgids.md"
	sed 's/<[^>]*>/ /g' "$1/$2/protocol.html" "$1/$2/schoolgids.html"
}

# --- the real schools -------------------------------------------------------
P=$(project)
# and one school per standard outline, as `protocolgen new` starts them
# (po-standaard, vo-standaard), its values filled in
for b in "proef po de-proef obs" "proef-vo vo het-proef sg"; do
	set -- $b
	"$PG" new board "$1" "$2" --root "$P" >/dev/null &&
	    "$PG" new school "$1/$3" --root "$P" >/dev/null
	ok $? "protocolgen new board $1 $2, school $1/$3"
	perl -pi -e 's/\{ pending = "naam van het schoolbestuur" \}/"Stichting Proef"/' "$P/schools/$1/board.lua"
	perl -pi -e "s/\\{ pending = \"naam van de school\" \\}/\"$4 De Proef\"/;
	    s/\\{ pending = \"adres van de website\" \\}/\"https:\\/\\/www.proef.example\\/\"/;
	    s/\\{ pending = \"naam van het lesprogramma\" \\}/\"Eigen les\"/;
	    s/\\{ pending = \"(groepen|leerjaren)\" \\}/\"1\"/" "$P/schools/$1/$3.lua"
done
cp -r "$P" "$TMP/orig"
outlines=""
for st in concept ter-instemming vastgesteld; do
	rm -rf "$P"
	cp -r "$TMP/orig" "$P"
	# the walk re-decides every school's status: the shipped frozen copies
	# belong to the shipped statuses, so a vastgesteld text is adopted anew
	rm -rf "$P"/schools/*/*/revisions
	# a vastgesteld text has no gaps: the values still to be filled get one
	[ "$st" = vastgesteld ] &&
	    perl -pi -e 's/\{ pending = "[^"]*" \}/"Stichting Proef"/' "$P"/schools/*/*.lua
	for f in "$P"/schools/*/*.lua; do
		[ "$(basename "$f")" = board.lua ] || set_status "$f" "$st" "$(council "$f")"
	done
	adopt_all "$P"
	run build --root "$P" --templates "$TOP/templates" --out "$TMP/out-$st"
	is "$rc" 0 "real schools: every one builds as $st"
	[ "$rc" = 0 ] || printf '%s\n' "$err" | grep error | head -5 | diag
	for f in "$P"/schools/*/*.lua; do
		id=$(basename "$f" .lua)
		[ "$id" = board ] && continue
		c=$(council "$f")
		# a draft is only in the preview; what is adopted is published
		if [ "$st" = vastgesteld ]; then
			o=$TMP/out-$st
			[ ! -e "$o/concept/$id" ]
			ok $? "$id ($st): nothing in the preview"
		else
			o=$TMP/out-$st/concept
			[ ! -e "$TMP/out-$st/$id" ]
			ok $? "$id ($st): nothing published"
		fi
		[ -s "$o/$id/protocol.md" ] && [ -s "$o/$id/schoolgids.md" ]
		ok $? "$id ($st): its text is in ${o#$TMP/}"
		text=$(shown "$o" "$id" | tr -s ' \n' '  ')
		json=$(cat "$o/$id/protocol.json")
		outlines="$outlines $(printf '%s\n' "$json" | sed -n 's/^  "outline": "\(.*\)",$/\1/p')"
		if grep -q 'slot.instemming' "$o/$id/protocol.md"; then
			case $st in
			concept) want="Dit protocol wordt ter instemming voorgelegd aan de $c." ;;
			ter-instemming) want="Dit protocol is ter instemming voorgelegd aan de $c." ;;
			vastgesteld) want="Dit protocol is met instemming van de $c op 10 januari 2019 tot stand gekomen." ;;
			esac
			like "$text" "$want" "$id ($st): '$want'"
		fi
		if [ "$st" = vastgesteld ]; then
			like "$text" "vastgesteld op 24 januari 2019" "$id ($st): the adoption date is stated"
			like "$json" '"adopted": "2019-01-24"' "$id ($st): json: adopted"
		else
			unlike "$text" "met instemming van|instemming gegeven|vastgesteld op|tot stand gekomen" \
			    "$id ($st): no consent or adoption is stated"
			like "$json" '"consented": null,' "$id ($st): json: no consent"
			like "$json" '"adopted": null,' "$id ($st): json: no adoption"
		fi
	done
done
# every outline of the library was built by some school above
for o in "$TOP"/clauses/outlines/*.outline; do
	o=$(basename "$o" .outline)
	case " $outlines " in
	*" $o "*) ok 0 "outline $o: built in every status" ;;
	*) ok 1 "outline $o: built in every status (no school uses it: add one)" ;;
	esac
done

# --- the fixtures (checks holds deliberate errors) ---------------------------
for fx in "$TOP"/tests/fixtures/*/; do
	fx=$(basename "$fx")
	[ "$fx" = checks ] && continue
	for st in concept ter-instemming vastgesteld; do
		F=$(fixture "$fx")
		rm -rf "$F"/schools/*/*/revisions
		for f in "$F"/schools/*/*.lua; do
			[ "$(basename "$f")" = board.lua ] || set_status "$f" "$st" "$(council "$f")"
		done
		adopt_all "$F"
		run build --root "$F" --templates "$TOP/templates" --out "$TMP/fx"
		is "$rc" 0 "fixture $fx: builds as $st"
		[ "$rc" = 0 ] || printf '%s\n' "$err" | grep error | head -5 | diag
	done
done

# --- a step in the future ---------------------------------------------------
F=$(fixture basic)
e="$F/schools/vb/de-eik.lua"
sed -i 's/"2025-06-02"/"2025-11-21"/; s/"2025-06-16"/"2025-12-01"/; s/effective = "2025-08-01", //' "$e"
is "$(grep -n 'act = "vaststelling"' "$e" | cut -d: -f1)" 19 "the adoption is on line 19"
run check --root "$F" --templates "$TOP/templates"
is "$rc" 1 "check: an adoption after today is an error"
like "$err" "de-eik.lua:19: error: the adoption \(vaststelling\) by directie is dated 2025-12-01, after today \(2025-11-21\): .*leave the step out until it has taken place" \
    "check: the message points at the step's line and says what to do"
unlike "$err" "de-eik.lua:18: error" "check: a consent dated today has taken place"
run build --root "$F" --templates "$TOP/templates" --out "$TMP/future"
is "$rc" 1 "build: an adoption after today is an error"
[ ! -e "$TMP/future/de-eik/protocol.html" ]
ok $? "build: nothing written for it"
# the dates changed, so the adopted copy is made again, on that day
rm -rf "$F/schools/vb/de-eik/revisions"
SOURCE_DATE_EPOCH=1764547200 run adopt --root "$F" --templates "$TOP/templates" de-eik	# 2025-12-01
is "$rc" 0 "adopt: on the day of the adoption it can be frozen"
SOURCE_DATE_EPOCH=1764547200 run check --root "$F" --templates "$TOP/templates"
is "$rc" 0 "check: on the day of the adoption it is in order"
sed -i 's/status = "vastgesteld"/status = "ter-instemming"/; s/"2025-11-21"/"2026-01-12"/; /vaststelling/d' \
    "$e"
run check --root "$F" --templates "$TOP/templates"
is "$rc" 1 "check: a consent after today is an error"
like "$err" "de-eik.lua:18: error: the consent \(instemming\) by MR is dated 2026-01-12, after today \(2025-11-21\)" \
    "check: the consent's line"

# --- a value still to be filled -------------------------------------------
P=$(project)
run check --root "$P" --templates "$TOP/templates" klimop
is "$rc" 0 "klimop: a draft may carry a value still to be filled"
like "$err" "schools/onbekend-bestuur/board.lua:[0-9]+: warning: 'name' in board \(naam van het schoolbestuur\) is still to be filled" \
    "klimop: ... with a warning at the board's line"
run build --root "$P" --templates "$TOP/templates" --out "$TMP/pending" klimop
like "$(cat "$TMP/pending/concept/klimop/protocol.md")" "\[nog in te vullen: naam van het schoolbestuur\]" \
    "klimop: the draft prints the gap, not an invented name"
unlike "$(cat "$TMP/pending/concept/klimop/protocol.md" "$TMP/pending/concept/klimop/protocol.json")" "Schoolbestuur van" \
    "klimop: no stand-in name"
set_status "$P/schools/onbekend-bestuur/klimop.lua" vastgesteld MR
run check --root "$P" --templates "$TOP/templates" klimop
like "$err" "board.lua:[0-9]+: error: 'name' in board \(naam van het schoolbestuur\) is still to be filled, and a vastgesteld protocol cannot print a gap" \
    "klimop: vastgesteld with a gap is an error"
run adopt --root "$P" --templates "$TOP/templates" klimop
is "$rc:$(ls "$P/schools/onbekend-bestuur/klimop/revisions" 2>/dev/null)" "1:" \
    "klimop: ... and adopt refuses it, writing nothing"

# --- the redline from an adopted text to a draft ------------------------------
P=$(project)
s="$P/schools/lauwers-en-eems/de-sterren.lua"
set_status "$s" vastgesteld MR
run adopt --root "$P" --templates "$TOP/templates" de-sterren
is "$rc" 0 "adopt de-sterren 1.0"
set_status "$s" concept MR
sed -i 's/version = "1.0"/version = "1.1"/' "$s"
run diff --root "$P" --templates "$TOP/templates" --out "$TMP/rl" de-sterren 1.0
is "$rc" 0 "diff: from the adopted text to a concept"
h=$(sed 's/<[^>]*>//g' "$TMP/rl/concept/de-sterren/diff-1.0-1.1.html")
like "$h" "Dit protocol \[verwijderd: is met\] \[ingevoegd: wordt ter\] instemming \[verwijderd: van \]\[ingevoegd: voorgelegd aan \]de MR\[verwijderd:  op 10 januari 2019 tot stand gekomen\]\." \
    "diff: the stated consent becomes the concept's pending one"
like "$h" "Gewijzigd door gegevens: Status; Besluit: instemming" \
    "diff: ... caused by the status and the consent step, not rewritten"
like "$h" "Besluit: instemmingMR, 10 januari 2019—" "diff: the consent step was / is no more"

done_testing
