#!/bin/sh
# What the site publishes through a protocol's year (docs/REVISIONS.md, "The
# year in steps"): out/<id>/ holds the version in force, rendered from its
# frozen text, with every older adopted version and the redlines between
# them on an archive page; a draft is only in the preview of drafts
# (out/concept/<id>/ or --drafts DIR), every page marked, with its redline
# against the version in force, and never on the index.
. "$(dirname "$0")/lib.sh"

P=$(fixture revisions)
S=$P/schools/noord/de-linde.lua
O=$P/out
C=$O/concept
pg() { c=$1; shift; run "$c" --root "$P" --templates "$TOP/templates" -q "$@"; }
# the year runs until April 2026: every step below has taken place by then
export SOURCE_DATE_EPOCH=1775001600	# 2026-04-01

# revision VERSION STATUS STEPS: de-linde's revision block
revision() {
	perl -0pi -e 's/revision = \{.*\n\s*\},?\n\}/revision = { version = "'"$1"'", status = "'"$2"'",
    approvals = { '"$3"' },
    effective = "2025-08-01", review = "2026-12" },
}/s' "$S"
}
snap() {	# snap NAME: a copy of the published folder
	rm -rf "$TMP/$1"
	cp -r "$O/de-linde" "$TMP/$1"
}
text() { sed 's/<[^>]*>//g' "$1"; }

# --- 0. nothing adopted yet: the index says so, the draft is only previewed ---
cp "$S" "$TMP/linde-1.0.lua"
revision 1.0 concept ''
pg build
is "$rc" 0 "0: a school with nothing adopted builds"
[ ! -e "$O/de-linde" ]
ok $? "0: nothing is published for it"
[ -s "$C/de-linde/protocol.html" ] && [ -s "$C/de-linde/protocol.pdf" ]
ok $? "0: its draft is in the preview"
idx=$(cat "$O/index.html")
like "$idx" '<li class="site-school-item" id="de-linde">.*<dd>in voorbereiding</dd>' \
    "0: the index lists it as 'in voorbereiding'"
unlike "$idx" 'href="[^"]*de-linde|concept/|Sociale media zijn online' \
    "0: ... without a link or its draft text"

# --- 1. 1.0 adopted --------------------------------------------------------
cp "$TMP/linde-1.0.lua" "$S"
pg adopt de-linde
is "$rc" 0 "1: adopt 1.0"
cp "$P/schools/noord/de-linde/revisions/1.0.md" "$TMP/frozen-1.0.md"
pg build
is "$rc" 0 "1: build"
bad=""
for f in protocol.html protocol.pdf protocol.md protocol.json schoolgids.html \
    schoolgids-fragment.html schoolgids.md schoolgids.pdf versies.html; do
	[ -s "$O/de-linde/$f" ] || bad="$bad $f"
done
is "$bad" "" "1: out/de-linde/ holds the protocol, the schoolgids section and the archive page"
like "$(cat "$O/de-linde/protocol.md")" "version: 1.0
status: vastgesteld" "1: ... of version 1.0, vastgesteld"
[ ! -e "$C/de-linde" ]
ok $? "1: nothing in the preview"
a=$(text "$O/de-linde/versies.html")
like "$a" "Versie 1.0 geldende versie" "1: the archive lists 1.0, in force"
like "$a" "Instemming10 juni 2025 \(MR\)" "1: ... with its consent"
like "$a" "Vaststelling24 juni 2025 \(directie\)" "1: ... and its adoption"
idx=$(cat "$O/index.html")
like "$idx" 'href="de-linde/protocol.html"' "1: the index links the protocol"
like "$idx" 'href="de-linde/versies.html"' "1: ... and the archive page"
snap pub-1.0

# --- 2. 1.1 concept: the site still publishes 1.0 ----------------------------
linde_1_1 "$P"
pg build
is "$rc" 0 "2: build with 1.1 as a concept"
diff -r "$TMP/pub-1.0" "$O/de-linde" >"$TMP/d" 2>&1
ok $? "2: out/de-linde/ is byte for byte what it was: 1.0 is in force"
[ "$?" = 0 ] || diag <"$TMP/d"
like "$(cat "$C/de-linde/protocol.md")" "version: 1.1
status: concept" "2: the preview holds 1.1"
like "$(cat "$C/de-linde/protocol.html")" "CONCEPT" "2: its page is marked CONCEPT"
like "$(cat "$C/de-linde/schoolgids-fragment.html")" '<p class="pg-sg-mark"><strong>CONCEPT</strong>' \
    "2: ... its schoolgids section too"
n=$(pdfinfo "$C/de-linde/protocol.pdf" | sed -n 's/^Pages: *//p')
m=$(pdftotext "$C/de-linde/protocol.pdf" - | grep -c CONCEPT)
[ "$m" -ge "$n" ]
ok $? "2: ... and every page of its PDF ($m marks, $n pages)"
[ -s "$C/de-linde/diff-1.0-1.1.html" ] && [ -s "$C/de-linde/diff-1.0-1.1.pdf" ] &&
    [ -s "$C/de-linde/diff-1.0-1.1.docx" ]
ok $? "2: the preview has the redline against the version in force"
h=$(cat "$C/de-linde/diff-1.0-1.1.html")
like "$h" "<ins" "2: ... with insertions marked"
like "$h" "<del" "2: ... and deletions"
idx=$(cat "$O/index.html")
unlike "$idx" "concept/|>1\\.1<|diff-1\\.0-1\\.1" "2: the index links neither the draft nor its redline"
like "$idx" '<dt>Versie</dt><dd>1.0</dd>' "2: the index shows 1.0"

# --- 3. ter instemming --------------------------------------------------------
sed -i 's/status = "concept"/status = "ter-instemming"/' "$S"
pg build
is "$rc" 0 "3: build with 1.1 ter instemming"
diff -r "$TMP/pub-1.0" "$O/de-linde" >/dev/null 2>&1
ok $? "3: out/de-linde/ still 1.0"
like "$(cat "$C/de-linde/protocol.html")" "TER INSTEMMING" "3: the preview is marked TER INSTEMMING"
like "$(text "$C/de-linde/diff-1.0-1.1.html")" "ter instemming" \
    "3: the redline names the new status"

# --- 4. the council consents ------------------------------------------------
sed -i 's/{ body = "directie", act = "voorstel", date = "2026-03-02" }/{ body = "directie", act = "voorstel", date = "2026-03-02" }, { body = "MR", act = "instemming", date = "2026-03-10" }/' "$S"
pg build
is "$rc" 0 "4: build after the consent"
diff -r "$TMP/pub-1.0" "$O/de-linde" >/dev/null 2>&1
ok $? "4: out/de-linde/ still 1.0: consent is not adoption"
like "$(cat "$C/de-linde/protocol.html")" "TER INSTEMMING" "4: the preview is still marked"
like "$(text "$C/de-linde/diff-1.0-1.1.html")" "MR, 10 juni 2025.*MR, 10 maart 2026" \
    "4: the redline's steps: the consent was 10 June 2025, is 10 March 2026"

# --- 5. adopted: 1.1 is in force, 1.0 archived ---------------------------------
sed -i 's/status = "ter-instemming"/status = "vastgesteld"/; s/act = "instemming", date = "2026-03-10" }/act = "instemming", date = "2026-03-10" }, { body = "directie", act = "vaststelling", date = "2026-03-20" }/' "$S"
pg adopt de-linde
is "$rc" 0 "5: adopt 1.1"
cp "$P/schools/noord/de-linde/revisions/1.1.md" "$TMP/frozen-1.1.md"
pg build
is "$rc" 0 "5: build"
like "$(cat "$O/de-linde/protocol.md")" "version: 1.1
status: vastgesteld" "5: out/de-linde/ holds 1.1"
bad=""
for f in protocol.html protocol.pdf protocol.md protocol.json; do
	[ -s "$O/de-linde/versie-1.0/$f" ] || bad="$bad $f"
done
is "$bad" "" "5: versie-1.0/ holds the protocol of 1.0"
[ ! -e "$O/de-linde/versie-1.0/schoolgids.html" ]
ok $? "5: ... (the schoolgids section is the version in force's alone)"
for f in protocol.html protocol.pdf protocol.md protocol.json; do
	cmp -s "$TMP/pub-1.0/$f" "$O/de-linde/versie-1.0/$f" || bad="$bad $f"
done
is "$bad" "" "5: ... byte for byte as it was published while in force"
cmp -s "$TMP/frozen-1.0.md" "$P/schools/noord/de-linde/revisions/1.0.md"
ok $? "5: the frozen 1.0 is untouched"
[ -s "$O/de-linde/diff-1.0-1.1.html" ] && [ -s "$O/de-linde/diff-1.0-1.1.pdf" ] &&
    [ -s "$O/de-linde/diff-1.0-1.1.docx" ]
ok $? "5: the redline between the adopted versions is published (page, PDF, Word)"
like "$(text "$O/de-linde/diff-1.0-1.1.html")" "naar versie 1.1 \(vastgesteld\)" \
    "5: ... between the adopted texts"
a=$(cat "$O/de-linde/versies.html")
at=$(text "$O/de-linde/versies.html")
like "$at" "Versie 1.1 geldende versie.*Versie 1.0 vervangen" "5: the archive lists 1.1 in force, then 1.0"
like "$at" "Instemming10 maart 2026 \(MR\)Vaststelling20 maart 2026 \(directie\)" \
    "5: ... 1.1 with its dates"
like "$at" "Vaststelling24 juni 2025 \(directie\)" "5: ... 1.0 with its own"
like "$a" 'href="versie-1.0/protocol.html"' "5: ... linking 1.0's text"
like "$a" 'href="diff-1.0-1.1.html"' "5: ... and the redline"
like "$a" 'href="diff-1.0-1.1.pdf"' "5: ... as a PDF too"
like "$a" 'href="diff-1.0-1.1.docx"' "5: ... and as a Word file with tracked changes"
unlike "$(cat "$O/de-linde/protocol.html")" "CONCEPT|TER INSTEMMING" "5: the version in force is not marked"
[ ! -e "$C/de-linde" ]
ok $? "5: the preview is empty again"
idx=$(cat "$O/index.html")
like "$idx" '<dt>Versie</dt><dd>1.1</dd>' "5: the index shows 1.1"
like "$idx" '<time datetime="2026-03-20">20 maart 2026</time>' "5: ... adopted on 20 March 2026"
like "$idx" '<th scope="row">1.1</th>.*?<a href="de-linde/protocol.html">Tekst' \
    "5: the index's table links 1.1's text, in force"
like "$idx" '<th scope="row">1.0</th>.*?<a href="de-linde/versie-1.0/protocol.html">Tekst' \
    "5: ... and 1.0's, archived"
for l in $(printf '%s' "$idx" | grep -o 'href="de-linde/[^"]*"' | sed 's/href="//; s/"$//'); do
	[ -e "$O/$l" ] || ok 1 "5: the index's link $l resolves"
done
snap pub-1.1

# --- 6. 1.2 started -----------------------------------------------------------
perl -0pi -e 's/version = "1.1", status = "vastgesteld".*?\} \}/version = "1.2", status = "concept", approvals = { }/s' "$S"
sed -i 's/respectvolle/vriendelijke/' "$P/clauses/afspraken/respect.md"
pg build
is "$rc" 0 "6: build with 1.2 as a concept"
diff -r "$TMP/pub-1.1" "$O/de-linde" >"$TMP/d" 2>&1
ok $? "6: out/de-linde/ is what it was: 1.1 in force, 1.0 archived"
[ "$?" = 0 ] || diag <"$TMP/d"
like "$(cat "$C/de-linde/protocol.md")" "version: 1.2" "6: the preview holds 1.2"
[ -s "$C/de-linde/diff-1.1-1.2.html" ] && [ ! -e "$C/de-linde/diff-1.0-1.1.html" ]
ok $? "6: ... with its redline against 1.1"
unlike "$(cat "$O/index.html")" ">1\\.2<|diff-1\\.1-1\\.2|concept/" "6: the index knows nothing of 1.2"
for v in 1.0 1.1; do
	cmp -s "$TMP/frozen-$v.md" "$P/schools/noord/de-linde/revisions/$v.md" ||
	    bad="$bad $v"
done
is "$bad" "" "6: nothing adopted changed"

# --- the preview elsewhere: --drafts DIR ---------------------------------------
pg build --out "$TMP/site" --drafts "$TMP/preview"
is "$rc" 0 "--drafts: build"
[ -s "$TMP/preview/de-linde/protocol.html" ] && [ ! -e "$TMP/site/concept" ]
ok $? "--drafts: the preview goes there, not into the site"
diff -r "$O/de-linde" "$TMP/site/de-linde" >/dev/null 2>&1
ok $? "--drafts: the same published folder"
pg check --drafts "$TMP/preview"
is "$rc" 2 "--drafts is for build and diff"
pg diff de-linde 1.1 --drafts "$TMP/preview"
is "$rc:$out" "0:$TMP/preview/de-linde/diff-1.1-1.2.html
$TMP/preview/de-linde/diff-1.1-1.2.pdf
$TMP/preview/de-linde/diff-1.1-1.2.docx" "diff: a draft's redline goes to the preview"
pg diff de-linde 1.0 1.1
is "$rc:$out" "0:$O/de-linde/diff-1.0-1.1.html
$O/de-linde/diff-1.0-1.1.pdf
$O/de-linde/diff-1.0-1.1.docx" "diff: one between adopted versions to the published folder"

done_testing
