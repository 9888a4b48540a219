#!/bin/sh
# Revisions: adopt, hash checks on every build, redlines, library impact.
. "$(dirname "$0")/lib.sh"

P=$(fixture revisions)
pg() { c=$1; shift; run "$c" --root "$P" --templates "$TOP/templates" "$@"; }
school=$P/schools/noord/de-linde.lua
frozen=$P/schools/noord/de-linde/revisions/1.0.md
revline=$(grep -n 'revision = {' "$school" | cut -d: -f1)

# --- adopt ---------------------------------------------------------------
pg adopt de-linde
is "$rc" 0 "adopt: exit 0"
is "$out" "de-linde: adopted version 1.0 as $frozen" "adopt: says where"
[ -f "$frozen" ]
ok $? "adopt: the frozen revision is written"
is "$(sed -n 2p "$frozen")" "format: protocolgen-revision 1" "frozen: format line"
like "$(sed -n 3p "$frozen")" '^hash: sha256:[0-9a-f]{64}$' "frozen: content hash line"
like "$(cat "$frozen")" 'channel: facebook = Facebookpagina <https://facebook.com/delinde>' \
    "frozen: records the channels the text was made from"
like "$(cat "$frozen")" 'clause: afspraken.telefoon \| article \| leerlingen \| [0-9a-f]{16} \| role.leraar \| Telefoons in de les' \
    "frozen: one register line per clause"
pg build
is "$rc" 0 "build with a frozen revision"
is "$(sed '1,/^---$/d' "$frozen" | sed '1,/^---$/d')" \
    "$(sed '1,/^---$/d' "$P/out/de-linde/protocol.md" | sed '1,/^---$/d')" \
    "frozen: the body is the canonical protocol.md"
[ ! -e "$P/out/de-linde/diff-1.0-1.0.html" ]
ok $? "build: no redline while the text equals the adopted one"
cp "$frozen" "$TMP/frozen.bak"
pg adopt de-linde
is "$rc" 0 "adopt again: exit 0"
is "$out" "de-linde: version 1.0 is already adopted with this text ($frozen)" \
    "adopt again: a no-op"
cmp -s "$frozen" "$TMP/frozen.bak"
ok $? "adopt again: the file is untouched"

# --- a hand-edited frozen revision ----------------------------------------
sed -i 's/respectvolle manier/vriendelijke manier/' "$frozen"
hand="$frozen:3: error: this adopted revision was changed after adoption: its content hash does not match (an adopted revision is never altered; restore it from version control)"
pg build
is "$rc" 1 "build: a hand-edited frozen revision fails the build"
like "$err" "^$(printf '%s' "$hand" | sed 's/[][().]/\\&/g')$" "build: names the file and says why"
pg check
is "$rc" 1 "check: fails too"
like "$err" "changed after adoption" "check: same message"
cp "$TMP/frozen.bak" "$frozen"
pg check
is "$rc" 0 "check: passes once restored"

# --- refusals -------------------------------------------------------------
cp "$school" "$TMP/school.bak"
sed -i 's/status = "vastgesteld"/status = "concept"/' "$school"
pg adopt de-linde
is "$rc" 1 "adopt a concept: exit 1"
is "$err" "$school:$revline: error: cannot adopt version 1.0 of 'de-linde': its status is 'concept', not 'vastgesteld'" \
    "adopt a concept: message"
cp "$TMP/school.bak" "$school"
sed -i '/act = "instemming"/d' "$school"
pg adopt de-linde
is "$rc" 1 "adopt without consent: exit 1"
is "$err" "$school:$revline: error: cannot adopt version 1.0 of 'de-linde': the consent step (act = \"instemming\") is missing" \
    "adopt without consent: message"
cp "$TMP/school.bak" "$school"
sed -i '/act = "vaststelling"/d' "$school"
pg adopt de-linde
is "$rc" 1 "adopt without adoption step: exit 1"
is "$err" "$school:$revline: error: cannot adopt version 1.0 of 'de-linde': the adoption step (act = \"vaststelling\") is missing" \
    "adopt without adoption step: message"
cp "$TMP/school.bak" "$school"
cp "$P/clauses/afspraken/respect.md" "$TMP/respect.bak"
sed -i 's/op een respectvolle manier met elkaar om/respectvol met elkaar om/' \
    "$P/clauses/afspraken/respect.md"
pg adopt de-linde
is "$rc" 1 "adopt other text under the same version: exit 1"
# (the schoolgids section's warnings come first: adopt checks what build does)
is "$(printf '%s\n' "$err" | grep ': error: ')" "$school:$revline: error: version 1.0 of 'de-linde' is already adopted with different text ($frozen): raise revision.version to adopt a new revision" \
    "adopt other text under the same version: message"
cmp -s "$frozen" "$TMP/frozen.bak"
ok $? "an adopted revision is never altered"
pg build
is "$rc" 1 "build: other text under an adopted version is an error"
like "$err" "$school:$revline: error: the text of 'de-linde' differs from its adopted version 1.0 \\($frozen\\), and an adopted text never changes: undo the change, or make it a new revision" \
    "build: says to undo the change or make a new revision"
[ ! -e "$P/out/de-linde/diff-1.0-1.0.html" ]
ok $? "build: no redline of a version against itself"

# --- version 1.1: the redline ----------------------------------------------
linde_1_1 "$P"
pg diff de-linde 1.0
is "$rc" 0 "diff: exit 0"
is "$out" "$P/out/concept/de-linde/diff-1.0-1.1.html
$P/out/concept/de-linde/diff-1.0-1.1.pdf
$P/out/concept/de-linde/diff-1.0-1.1.docx" "diff: prints the files it wrote (HTML, PDF and Word)"
h=$(cat "$P/out/concept/de-linde/diff-1.0-1.1.html")
count() { printf '%s\n' "$h" | grep -o -- "$1" | wc -l | tr -d ' '; }
is "$(count '<th scope="row">kanaal Instagram toegevoegd</th>')" 1 \
    "diff: a new channel is one line of the was / wordt table"
like "$h" '<td data-label="Gevolg in de tekst"><a href="#inleiding.begrip">hoofdstuk 1</a></td>' \
    "diff: that line names the text it changes"
like "$h" 'Gewijzigd door gegevens: <a href="#oorzaak-[0-9]+">kanaal Instagram toegevoegd</a>' \
    "diff: the clause points to its cause"
like "$h" '<div class="clause is-changed" id="inleiding.begrip"><p class="clause-head"><span class="badge b-config">DOOR GEGEVENS GEWIJZIGD</span>' \
    "diff: a clause changed only by a config value has its own badge"
is "$(count '<td data-label="Wijziging"><span class="badge b-changed">GEWIJZIGD</span></td>')" 2 \
    "diff: two edited clauses in the summary (the config-caused one is not)"
is "$(count '<td data-label="Wijziging"><span class="badge b-new">NIEUW</span></td>')" 1 "diff: one new clause"
is "$(count '<td data-label="Wijziging"><span class="badge b-removed">VERVALLEN</span></td>')" 1 "diff: one removed clause"
is "$(count '<td data-label="Wijziging"><span class="badge b-moved">VERPLAATST</span></td>')" 1 \
    "diff: two clauses swapped are one move"
is "$(count 'class="pointer"')" 1 "diff: one pointer where the moved clause stood"
like "$h" '<td data-label="Instemming van">personeelsgeleding MR</td>' "diff: staff clauses go to the staff section"
like "$h" '<td data-label="Instemming van">hele MR</td>' "diff: rules for pupils and parents go to the whole MR"
unlike "$h" '<code>|<th scope="col">Clausule</th>' "diff: no clause ids shown to the council"
like "$h" '<tr data-clause="afspraken\.[a-z-]+">' "diff: ... they stay on the row, out of sight"
like "$h" 'Iedereen gaat <del><span class="visually-hidden">\[verwijderd: </span>op een respectvolle manier<span class="visually-hidden">\]</span></del> <ins><span class="visually-hidden">\[ingevoegd: </span>respectvol<span class="visually-hidden">\]</span></ins> met elkaar om' \
    "diff: word marks with text for screen readers"
like "$h" '<div class="clause" id="medewerkers.contact"><p class="clause-head"><span class="art-num">3.1</span></p>' \
    "diff: a clause only renumbered (3.2 → 3.1) carries no mark"
like "$h" 'id="leeswijzer"' "diff: a legend"
unlike "$h" '<script' "diff: no JavaScript"
is "$(printf '%s\n' "$h" | grep -o ' id="[^"]*"' | sort | uniq -d)" "" "diff: every id is unique"
for ref in $(printf '%s\n' "$h" | grep -o 'href="#[^"]*"' | sed 's/href="#//; s/"$//' | sort -u); do
	printf '%s\n' "$h" | grep -q " id=\"$ref\"" || echo "$ref"
done > "$TMP/dangling"
is "$(cat "$TMP/dangling")" "" "diff: every link inside the page has a target"
unlike "$h" '<details' "diff: nothing collapsed by default"
full=$(cat "$P/out/concept/de-linde/diff-1.0-1.1.html")
pg diff --collapse de-linde 1.0
is "$out" "$P/out/concept/de-linde/diff-1.0-1.1-collapsed.html
$P/out/concept/de-linde/diff-1.0-1.1-collapsed.pdf" \
    "diff --collapse: its own file names, printed"
h=$(cat "$P/out/concept/de-linde/diff-1.0-1.1-collapsed.html")
like "$h" '<details class="unchanged"><summary>1 ongewijzigd onderdeel \(3.1\)</summary>' \
    "diff --collapse: unchanged clauses fold into <details>"
is "$(cat "$P/out/concept/de-linde/diff-1.0-1.1.html")" "$full" \
    "diff --collapse: the full redline is left as it was"
pg diff de-linde 0.9
is "$rc" 1 "diff: an unknown revision: exit 1"
is "$err" "protocolgen: error: school 'de-linde' has no revision 0.9 (adopted: 1.0; the current text is version 1.1)" \
    "diff: an unknown revision: message"
pg diff de-linde ../x
is "$rc" 1 "diff: a revision name is a version, never a path"
pg diff de-linde
is "$rc" 2 "diff without FROM: usage error"
pg build --out "$TMP/built"
is "$rc" 0 "build: with a new draft"
[ -s "$TMP/built/concept/de-linde/diff-1.0-1.1.html" ] &&
    [ -s "$TMP/built/concept/de-linde/diff-1.0-1.1.pdf" ]
ok $? "build: writes the redline from the last adopted revision (HTML and PDF) into the preview"
[ ! -e "$TMP/built/de-linde/diff-1.0-1.1.html" ]
ok $? "build: ... and not into the published folder"
unlike "$(cat "$TMP/built/index.html")" "diff-1.0-1.1|>1.1<" \
    "index: neither the draft nor its redline is listed"
pg diff de-linde 1.0 1.0
like "$(cat "$P/out/de-linde/diff-1.0-1.0.html")" 'De tekst is niet gewijzigd.' \
    "diff: a frozen revision against itself: no change"

# --- adopt 1.1: two frozen revisions ---------------------------------------
sed -i 's/status = "concept"/status = "vastgesteld"/;
    s/{ body = "directie", act = "voorstel", date = "2026-03-02" }/{ body = "MR", act = "instemming", date = "2026-03-10" }, { body = "directie", act = "vaststelling", date = "2026-03-20" }/' \
    "$school"
pg adopt de-linde
is "$rc" 1 "adopt 1.1 before its steps have taken place: refused"
like "$err" "de-linde.lua:[0-9]+: error: the consent \(instemming\) by MR is dated 2026-03-10, after today \(2025-11-21\)" \
    "adopt: a consent after today is named"
SOURCE_DATE_EPOCH=1775001600	# 2026-04-01: after the steps of 1.1
pg adopt de-linde
is "$rc" 0 "adopt 1.1"
pg build --out "$TMP/built2"
is "$rc" 0 "build with two frozen revisions"
[ -s "$TMP/built2/de-linde/diff-1.0-1.1.html" ]
ok $? "build: the redline between the two frozen revisions"
like "$(cat "$TMP/built2/de-linde/diff-1.0-1.1.html")" 'naar versie 1.1 \(vastgesteld\)' \
    "build: between the adopted texts, not the draft"
idx=$(cat "$TMP/built2/index.html")
like "$idx" '<a href="de-linde/diff-1.0-1.1.html">wijzigingen ten opzichte van versie 1.0</a> \(<a href="de-linde/diff-1.0-1.1.pdf">PDF<span class="visually-hidden">: wijzigingen ten opzichte van versie 1.0</span></a>, <a href="de-linde/diff-1.0-1.1.docx">Word<span class="visually-hidden">: wijzigingen ten opzichte van versie 1.0</span></a>\)' \
    "index: each revision links its redline, as a page, a PDF and a Word file"
[ -s "$TMP/built2/de-linde/diff-1.0-1.1.pdf" ] && [ -s "$TMP/built2/de-linde/diff-1.0-1.1.docx" ]
ok $? "index: the PDF and the Word file it links are there"
like "$idx" '<th scope="row">1.1</th>.*<th scope="row">1.0</th>' "index: newest first"
like "$(cat "$TMP/built2/de-linde/versies.html")" 'href="diff-1.0-1.1.html"' \
    "archive page: links the redline between the adopted versions"
[ -s "$TMP/built2/de-linde/versie-1.0/protocol.html" ] &&
    [ -s "$TMP/built2/de-linde/versie-1.0/protocol.pdf" ]
ok $? "archive: 1.0 is kept in versie-1.0/"
[ ! -e "$TMP/built2/concept/de-linde" ]
ok $? "preview: nothing left once 1.1 is adopted"

# --- library impact --------------------------------------------------------
Q=$(fixture revisions)
mv "$Q" "$TMP/imp"
Q=$TMP/imp
(cd "$Q" && git init -q && git add -A &&
    git -c user.name=t -c user.email=t@example.org commit -qm x) >/dev/null 2>&1
cp -r "$Q/clauses" "$TMP/oldlib"
pi() { c=$1; shift; run "$c" --root "$Q" --templates "$TOP/templates" "$@"; }
pi impact
is "$rc" 0 "impact: nothing edited: exit 0"
is "$out" "0 of 1 school change" "impact: nothing edited: nothing changes"
sed -i 's/Klachten over/Vragen en klachten over/' "$Q/clauses/afspraken/klachten.md"
sed -i 's/^Online pesten nemen we/Online pesten nemen wij/' "$Q/clauses/afspraken/pesten.md"
pi impact
is "$rc" 0 "impact: exit 0"
is "$out" "de-linde: 1 change
  changed         artikel 2.4    afspraken.klachten (Klachten en incidenten)
  in force: version 1.0 (vastgesteld, not yet adopted) changes: a new version and new consent are needed
  consent: hele MR (artikel 2.4)
1 of 1 school changes
1 of them changes the text in force: a new version and new consent are needed" "impact: the school and the clause (a clause no school uses changes nothing)"
pi impact --against "$TMP/oldlib"
is "$out" "de-linde: 1 change
  changed         artikel 2.4    afspraken.klachten (Klachten en incidenten)
  in force: version 1.0 (vastgesteld, not yet adopted) changes: a new version and new consent are needed
  consent: hele MR (artikel 2.4)
1 of 1 school changes
1 of them changes the text in force: a new version and new consent are needed" "impact --against DIR: the same answer from two folders"
pi impact --against "$TMP/no-such-dir"
is "$rc" 1 "impact --against a missing folder: exit 1"
pi build --against x
is "$rc" 2 "--against belongs to impact"

done_testing
