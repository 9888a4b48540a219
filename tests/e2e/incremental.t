#!/bin/sh
# Incremental builds (tools/render.mk, what `make render` runs): make reads
# the dependency files protocolgen writes and rebuilds exactly the schools
# whose inputs changed, in one protocolgen process; nothing changed, nothing
# runs.  Which schools use a clause comes from `protocolgen clauses`, not
# from the dependency files under test.
. "$(dirname "$0")/lib.sh"

P=$(project)
as_drafts "$P"	# clauses are edited below: only a draft's text may change
cp -r "$TOP/templates" "$P/templates"	# the project's own: edited below
OUT=$P/out
# make's own messages, and protocolgen's -v list of the schools it built
render() {
	make --no-print-directory -f "$TOP/tools/render.mk" PROTOCOLGEN="$PG" \
	    ROOT="$P" OUT="$OUT" RENDER_FLAGS="-v -q" "$@" >"$TMP/make.out" \
	    2>"$TMP/make.err"
	rc=$?
	built=$(sed -n 's/^built //p' "$TMP/make.out" | sort | tr '\n' ' ')
}
users() {	# the schools using clause $1, sorted
	"$PG" clauses --root "$P" 2>/dev/null | awk -v id="$1" '
	    /^[^ ]/ { cur = $1 } cur == id && /^  schools:/ {
	    for (i = 2; i <= NF; i++) if ($i != "(none)") print $i }' |
	    sort | tr '\n' ' '
}
all=$(cd "$P/schools" && ls */*.lua | grep -v board.lua | sed 's|.*/||; s|\.lua$||' |
    sort | tr '\n' ' ')
later() {	# make sure an edit gets a newer time than the last build
	sleep 0.02
}
snapshot() {	# the mtime of every output, to see what was rewritten
	(cd "$OUT" && find . -type f ! -path './.deps/*' -exec stat -c '%n %Y.%y' {} + |
	    sort) >"$TMP/$1"
}

# 1. the first build builds every school, as a plain build does
render
is "$rc" 0 "first make: exit 0"
is "$built" "$all" "... builds every school"
"$PG" build -q --root "$P" --out "$TMP/plain" 2>/dev/null
diff -r -x .deps "$OUT" "$TMP/plain" >"$TMP/d" 2>&1
ok $? "... the same files, byte for byte, as protocolgen build"
test -f "$OUT/.deps/de-bron.d" && test -f "$OUT/.deps/de-bron.stamp" &&
    test -f "$OUT/.deps/site.rec"
ok $? "... with a dependency file and stamp per school and the index's record"

d=$(cat "$OUT/.deps/de-bron.d")
like "$d" "^$P/out/.deps/de-bron.stamp:" "de-bron.d: a rule for de-bron's stamp"
for f in schools/defaults.lua schools/groeiling/board.lua \
    schools/groeiling/de-bron.lua clauses/outlines/po-bron.outline \
    clauses/lesprogramma/onderzoek.md clauses/voetnoot/hij-zij.md; do
	like "$d" "^ $P/$f( \\\\)?\$" "de-bron.d: depends on $f"
	like "$d" "^$P/$f:\$" "de-bron.d: $f has an empty rule (deleted, it does not stop make)"
done
like "$d" "/templates/protocol.html( \\\\)?\$" "de-bron.d: depends on the page template"
like "$d" "/templates/nl.strings( \\\\)?\$" "de-bron.d: ... on the strings"
like "$d" "/Carlito-Regular.ttf( \\\\)?\$" "de-bron.d: ... on the fonts"
like "$d" "hyph_nl_NL.dic( \\\\)?\$" "de-bron.d: ... on the hyphenation dictionary"
unlike "$d" "afspraken/|vo-quadraam|quadraam/board" "de-bron.d: not on what it does not use"

# 2. nothing changed: nothing runs
snapshot before
render
is "$rc" 0 "make again: exit 0"
is "$built" "" "... builds nothing"
is "$(cat "$TMP/make.out" "$TMP/make.err")" "" "... and says nothing (protocolgen did not run)"
snapshot after
cmp -s "$TMP/before" "$TMP/after"
ok $? "... and rewrites no file"

# 3. one clause edited: exactly the schools that use it
want=$(users sancties.rechtspositionele-maatregelen)
like "$want" "^de-sterren quadraam sonsbeek-college $" "sancties.rechtspositionele-maatregelen is used by three schools of two boards"
later
printf '\nVoor deze toets aangevuld.\n' >>"$P/clauses/sancties/rechtspositionele-maatregelen.md"
snapshot before
render
is "$rc" 0 "clause edited: exit 0"
is "$built" "$want" "... exactly the schools that use it are rebuilt"
grep -q "Voor deze toets aangevuld" "$(text_dir "$OUT" quadraam)/protocol.md"
ok $? "... with the new text"
snapshot after
# (a draft's files are in the preview, ./concept/ID/)
changed=$(diff "$TMP/before" "$TMP/after" |
    sed -n 's|^> \./\(concept/\)\{0,1\}\([^/]*\)/.*|\2|p' | sort -u | tr '\n' ' ')
is "$changed" "$want" "... and no other school's file is rewritten"
render
is "$built" "" "make again: builds nothing"

# 4. a footnote clause: the schools whose text refers to it
want=$(users voetnoot.hij-zij)
later
touch "$P/clauses/voetnoot/hij-zij.md"
render
is "$built" "$want" "footnote touched: its schools ($want)"

# 5. a board file: that board's schools, on two processes
later
printf '%s\n' '-- touched' >>"$P/schools/quadraam/board.lua"
render -j2
is "$rc" 0 "board edited, make -j2: exit 0"
is "$built" "quadraam sonsbeek-college " "... its schools"

# 6. the national defaults: every school
later
printf '%s\n' '-- touched' >>"$P/schools/defaults.lua"
render -j2
is "$built" "$all" "defaults edited: every school"
diff -r -x .deps -x index.html "$OUT" "$TMP/plain" >"$TMP/d" 2>&1
[ $? -ne 0 ]
ok $? "... (the edited clause differs from the plain build)"

# 7. a deleted clause file (and its outline line) does not stop make
want=$(users alle.geen-vrienden-prive)
later
rm "$P/clauses/alle/geen-vrienden-prive.md"
sed -i '/alle.geen-vrienden-prive/d' "$P/clauses/outlines/po-bron.outline"
render
is "$rc" 0 "clause file deleted: make does not stop"
unlike "$(cat "$TMP/make.err")" "No rule to make target" "... no missing rule"
is "$built" "de-bron de-wegwijzer " "... the schools of its outline are rebuilt"
like "$want" "de-bron" "... (de-bron used it)"

# 8. a new school: only it, and the index lists it
later
sed 's/name = "basisschool De Wegwijzer"/name = "basisschool De Nieuwe Weg"/;
    s/short = "De Wegwijzer"/short = "De Nieuwe Weg"/' \
    "$P/schools/groeiling/de-wegwijzer.lua" >"$P/schools/groeiling/de-nieuwe-weg.lua"
render
is "$rc" 0 "school added: exit 0"
is "$built" "de-nieuwe-weg " "... only it is built"
grep -q 'De Nieuwe Weg' "$OUT/index.html"
ok $? "... and the index lists it"
grep -q 'Sonsbeek College' "$OUT/index.html"
ok $? "... with the schools not rebuilt"
render
is "$(cat "$TMP/make.out" "$TMP/make.err")" "" "... then make runs nothing"

# 9. a school removed: nothing to build, the index drops it
later
rm "$P/schools/groeiling/de-nieuwe-weg.lua"
render
is "$rc" 0 "school removed: exit 0"
is "$built" "" "... nothing built"
grep -q 'De Nieuwe Weg' "$OUT/index.html"
[ $? -ne 0 ]
ok $? "... and the index no longer lists it"
test ! -e "$OUT/.deps/de-nieuwe-weg.d"
ok $? "... nor its dependency file"
"$PG" build -q --root "$P" --out "$TMP/plain2" 2>/dev/null
cmp -s "$OUT/index.html" "$TMP/plain2/index.html"
ok $? "... the index is the one a full build writes"
render
is "$(cat "$TMP/make.out" "$TMP/make.err")" "" "... then make runs nothing"

# 10. a template: every school
later
printf '%s\n' '/* touched */' >>"$P/templates/protocol.css"
render -j2
is "$rc" 0 "template edited: exit 0"
is "$built" "$all" "... every school"
like "$(cat "$OUT/.deps/_index.d")" "templates/site.html" "the index depends on its template"
later
printf '%s\n' '/* touched */' >>"$P/templates/site.css"
render
is "$rc" 0 "site.css edited: exit 0"
is "$built" "$all" "... every school (schoolgids.html includes it too)"
render
is "$(cat "$TMP/make.out" "$TMP/make.err")" "" "... then make runs nothing"

# 11. a school that fails: its stamp stays old, the next make tries it again
later
cp "$P/schools/lauwers-en-eems/de-sterren.lua" "$TMP/de-sterren.lua"
sed -i 's/status = "concept"/status = "bogus"/' \
    "$P/schools/lauwers-en-eems/de-sterren.lua"
render
[ "$rc" -ne 0 ]
ok $? "a school with an error: make fails"
render
like "$(cat "$TMP/make.err")" "de-sterren" "... and tries it again next time"
cp "$TMP/de-sterren.lua" "$P/schools/lauwers-en-eems/"
render
is "$rc" 0 "fixed: exit 0"
is "$built" "de-sterren " "... and it is built"
render
is "$built" "" "... then nothing"

# 12. an adopted revision: its school, whose rule then names the file
later
perl -pi -e 's/status = "concept"/status = "vastgesteld", approvals = {
    { body = "MR", act = "instemming", date = "2020-09-14" },
    { body = "directie", act = "vaststelling", date = "2020-09-21" } }/' \
    "$P/schools/groeiling/de-bron.lua"
"$PG" adopt --root "$P" de-bron >/dev/null 2>"$TMP/adopt.err"
ok $? "de-bron adopted"
diag <"$TMP/adopt.err"
test -f "$P/schools/groeiling/de-bron/revisions/1.0.md"
ok $? "... frozen as schools/groeiling/de-bron/revisions/1.0.md"
render
is "$rc" 0 "make after adopting: exit 0"
is "$built" "de-bron " "... only that school is rebuilt"
d=$(cat "$OUT/.deps/de-bron.d")
like "$d" "^ $P/schools/groeiling/de-bron/revisions/1.0.md( \\\\)?\$" "... its rule names the frozen revision"
like "$d" "/templates/diff.html( \\\\)?\$" "... and the redline's page"
render
is "$(cat "$TMP/make.out" "$TMP/make.err")" "" "... then make runs nothing"
later
# the next version: a concept, whose clause is then edited
perl -0pi -e 's/version = "1.0", status = "vastgesteld", approvals = \{.*?\} \}/version = "1.1", status = "concept"/s' \
    "$P/schools/groeiling/de-bron.lua"
printf '\nVoor deze toets aangevuld.\n' >>"$P/clauses/lesprogramma/onderzoek.md"
render
is "$built" "de-bron " "a clause of the adopted school edited in its next version: it is rebuilt"
ls "$OUT/concept/de-bron" | grep -q '^diff-1\.0-1\.1\.html$'
ok $? "... with a redline against the adopted text (in the preview)"
grep -q '^version: 1.0$' "$OUT/de-bron/protocol.md" &&
    ! grep -q "Voor deze toets aangevuld" "$OUT/de-bron/protocol.md"
ok $? "... while out/de-bron/ still publishes the adopted 1.0"
render
is "$built" "" "... then nothing"

done_testing
