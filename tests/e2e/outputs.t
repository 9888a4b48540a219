#!/bin/sh
# What build leaves in out/: exactly the files it makes.  Each school's
# folder has a manifest of the files the last build wrote; the next build
# removes those it no longer makes (a redline of a revision gone, a school
# whose config file was deleted) and never a file it did not write.
. "$(dirname "$0")/lib.sh"

P=$(fixture revisions)
pg() { c=$1; shift; run "$c" --root "$P" --templates "$TOP/templates" -q "$@"; }
O=$P/out

pg adopt de-linde	# its status is vastgesteld: the board adopts it first
pg build
is "$rc" 0 "build"
like "$(cat "$O/de-linde/.manifest")" "^config $P/schools/noord/de-linde.lua" \
    "manifest: names the school's config"
is "$(grep -c '^file ' "$O/de-linde/.manifest")" 13 \
    "manifest: the twelve outputs and the archive page"

# a second school, built; then its config removed
sed 's/de Linde/de Eik/g' "$P/schools/noord/de-linde.lua" >"$P/schools/noord/de-eik.lua"
pg adopt de-eik
pg build
is "$rc" 0 "build with a second school"
[ -f "$O/de-eik/protocol.html" ]
ok $? "the second school is written"
echo "notes" >"$O/de-eik/notities.txt"
rm "$P/schools/noord/de-eik.lua"
pg build
is "$rc" 0 "build after its config was removed"
[ ! -e "$O/de-eik/protocol.html" ] && [ ! -e "$O/de-eik/schoolgids.pdf" ] &&
    [ ! -e "$O/de-eik/.manifest" ]
ok $? "the removed school's outputs are gone"
is "$(cat "$O/de-eik/notities.txt")" "notes" "a file the build did not write stays"
unlike "$(cat "$O/index.html")" "de-eik" "the index no longer lists it"
rm -r "$O/de-eik"

# a school whose config now has an error keeps what it had
cp "$P/schools/noord/de-linde.lua" "$TMP/linde.bak"
echo 'syntax error here' >>"$P/schools/noord/de-linde.lua"
pg build --keep-going
is "$rc" 1 "build with a broken config: exit 1"
[ -f "$O/de-linde/protocol.html" ] && [ -f "$O/de-linde/.manifest" ]
ok $? "a school whose config has an error keeps its published files"
cp "$TMP/linde.bak" "$P/schools/noord/de-linde.lua"

# redlines: 1.0 adopted, then 1.1 drafted: the build adds the draft and its
# redline to the preview (out/concept/), never to the published folder
linde_1_1 "$P"
pg build
C=$O/concept
[ -f "$C/de-linde/diff-1.0-1.1.html" ] && [ -f "$C/de-linde/diff-1.0-1.1.pdf" ]
ok $? "build writes the redline of the draft into the preview"
[ ! -e "$O/de-linde/diff-1.0-1.1.html" ]
ok $? "... not into the published folder"
like "$(cat "$C/de-linde/.manifest")" "file diff-1.0-1.1.pdf" \
    "manifest of the preview: lists the redline"
like "$(cat "$C/de-linde/.manifest")" "file diff-1.0-1.1.docx" \
    "manifest of the preview: lists the Word redline"
is "$(grep -c '^file ' "$C/de-linde/.manifest")" 15 \
    "manifest of the preview: the twelve outputs and the redline's three files"
is "$(grep -c '^file ' "$O/de-linde/.manifest")" 13 \
    "manifest of the published folder: unchanged (1.0 is still in force)"
pg diff --collapse de-linde 1.0
[ -f "$C/de-linde/diff-1.0-1.1-collapsed.html" ] && [ ! -e "$O/de-linde/diff-1.0-1.1-collapsed.html" ]
ok $? "diff --collapse writes its own files (a draft's: into the preview)"
# the draft reverted to 1.0's text: no redline any more
cp "$TOP/tests/fixtures/revisions/schools/noord/de-linde.lua" "$P/schools/noord/"
rm -r "$P/clauses"
cp -r "$TOP/tests/fixtures/revisions/clauses" "$P/clauses"
pg build
is "$rc" 0 "build of 1.0 again"
[ ! -e "$C/de-linde/diff-1.0-1.1.html" ] && [ ! -e "$C/de-linde/diff-1.0-1.1.pdf" ]
ok $? "the redline it no longer makes is removed"
[ ! -e "$C/de-linde/.manifest" ] && [ ! -e "$C/de-linde/protocol.html" ]
ok $? "... and the preview's files and manifest, with no draft left to hold"

# an archived version's folder: listed as versie-X/NAME, removed with it
mkdir -p "$O/de-linde/versie-0.9"
echo x >"$O/de-linde/versie-0.9/protocol.html"
printf 'file versie-0.9/protocol.html\nfile ../escape\nfile versie-0.9/../x\n' \
    >>"$O/de-linde/.manifest"
echo keep >"$O/escape"
pg build
[ ! -e "$O/de-linde/versie-0.9" ]
ok $? "a version folder the build no longer makes goes, with its files"
is "$(cat "$O/escape")" "keep" "a manifest line out of the folder is ignored"
[ -f "$C/de-linde/diff-1.0-1.1-collapsed.html" ]
ok $? "the one protocolgen diff wrote stays (build did not write it)"

done_testing
