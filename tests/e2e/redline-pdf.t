#!/bin/sh
# The PDF redline (out/<id>/diff-A-B.pdf) meets the protocol PDF's bar:
# valid, tagged, fonts embedded, header and footer on every page, links and
# bookmarks that resolve, nothing outside the type area, reproducible; and
# its marks read without colour and aloud: double underlines and
# strike-throughs drawn, badges boxed, "[ingevoegd: …]" and
# "[verwijderd: …]" in the text itself.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/pdf.sh"

# the extracted text on one line, white space folded
flat() { pdftotext "$@" - | tr -s ' \n' '  '; }

# check_redline FILE SCHOOL FROM TO MIN-PAGES MAX-PAGES
check_redline() {
	cf=$1 name="$(basename "$(dirname "$1")") $3-$4"
	pdf_common "$cf" "$name" Document H1 H2 H3 P Table Caption TR TH TD L \
	    LI Lbl LBody
	like "$info" "Title: +Wijzigingen $3 → $4 – $2" \
	    "$name: the title says what it compares, as the HTML's"
	like "$info" "Keywords: +.*wijzigingen, versie $3, versie $4" \
	    "$name: keywords"
	cn=$(pages_of "$cf")
	[ "$cn" -ge "$5" ] && [ "$cn" -le "$6" ]
	ok $? "$name: $cn pages, in $5..$6"
	bad=""
	ci=1
	while [ "$ci" -le "$cn" ]; do
		ct=$(pdftotext -f "$ci" -l "$ci" "$cf" -)
		case $ct in *"$2 · Wijzigingen"*) ;; *) bad="$bad $ci:school" ;; esac
		case $ct in *"versie $3 → $4"*) ;; *) bad="$bad $ci:versions" ;; esac
		case $ct in *"Vergelijking van versie $3"*) ;; *) bad="$bad $ci:footer" ;; esac
		case $ct in *"pagina $ci van $cn"*) ;; *) bad="$bad $ci:page" ;; esac
		ci=$((ci + 1))
	done
	is "$bad" "" "$name: header and footer on every page"
	bm=$(printf '%s\n' "$facts" | sed -n 's/^bookmark //p' | head -4 | tr '\n' '|')
	is "$bm" "Leeswijzer|Samenvatting|Gegevens: was / wordt|Tekst met wijzigingen|" \
	    "$name: bookmarks: legend, summary, was / wordt, text"
	unlike "$(pdfinfo -struct-text "$cf" 2>/dev/null | grep -E 'pagina [0-9]+ van')" \
	    "." "$name: running headers and footers stay out of the structure"
	ct=$(flat "$cf")
	bad=""
	for w in Leeswijzer "\[ingevoegd: voorbeeld\]" "\[verwijderd: voorbeeld\]" \
	    "ingevoegde tekst: dubbel onderstreept" NIEUW VERVALLEN GEWIJZIGD \
	    VERPLAATST "DOOR GEGEVENS GEWIJZIGD" Samenvatting "Gegevens: was / wordt"; do
		printf '%s\n' "$ct" | grep -Eq -- "$w" || bad="$bad '$w'"
	done
	is "$bad" "" "$name: the legend and every badge in the text"
}

# --- the revisions fixture: 1.0 adopted, 1.1 a draft (as revisions.t) ---
P=$(fixture revisions)
pg() { c=$1; shift; run "$c" --root "$P" --templates "$TOP/templates" "$@"; }
pg adopt de-linde
is "$rc" 0 "adopt 1.0"
linde_1_1 "$P"
sed -i 's/op een respectvolle manier met elkaar om/respectvol met elkaar om/' \
    "$P/clauses/afspraken/respect.md"
pg diff de-linde 1.0
is "$rc" 0 "diff: exit 0"
f=$P/out/concept/de-linde/diff-1.0-1.1.pdf
is "$out" "$P/out/concept/de-linde/diff-1.0-1.1.html
$f
$P/out/concept/de-linde/diff-1.0-1.1.docx" "diff: writes the PDF beside the HTML and says so (and the Word file: redline-docx.t)"
check_redline "$f" "basisschool De Linde" 1.0 1.1 2 4

t=$(flat "$f")
like "$t" "Protocol sociale media: wijzigingen basisschool De Linde · van versie 1.0 \(vastgesteld\) naar versie 1.1 \(concept\), de huidige tekst" \
    "title block: what is compared with what, as the HTML says it"
like "$t" "NIEUW 1 · VERVALLEN 1 · GEWIJZIGD 2 · VERPLAATST 1 · DOOR GEGEVENS GEWIJZIGD 1" \
    "summary: the counts after their badges"
like "$t" "artikel 2.3 artikel 2.2 GEWIJZIGD Foto's en video's afspraken.fotos hele MR" \
    "summary: a row has new and old number, badge, title, clause id, consent"
like "$t" "— artikel 3.1 VERVALLEN Privé-accounts medewerkers.prive personeelsgeleding MR" \
    "summary: a removed clause, its consent by the staff section"
is "$(printf '%s\n' "$t" | grep -o 'afspraken.klachten hele MR' | wc -l | tr -d ' ')" 1 \
    "summary: two clauses swapped are one move"
like "$t" "kanaal Instagram toegevoegd — Instagram \(https://instagram.com/delinde\) hoofdstuk 1" \
    "was / wordt: a new channel is one row, naming the text it changes"
like "$t" "Iedereen gaat \[verwijderd: op een respectvolle manier\] \[ingevoegd: respectvol\] met elkaar om" \
    "text: a deletion and an insertion, told apart in the words"
like "$t" "Foto’s \[ingevoegd: , video’s\] en \[verwijderd: video’s\] \[ingevoegd: geluidsopnamen\] van leerlingen" \
    "text: marks next to curly apostrophes extract whole"
like "$t" "2.2 NIEUW \[ingevoegd: Online pesten nemen we net zo serieus als pesten op het schoolplein.\]" \
    "text: a new clause, wholly inserted"
like "$t" "3.1 VERVALLEN \[verwijderd: Medewerkers zijn terughoudend met contact met leerlingen via privé-accounts.\]" \
    "text: a removed clause, wholly struck, where it stood"
like "$t" "2.4 VERPLAATST stond als artikel 2.4 Klachten over berichten" \
    "text: a moved clause, marked once where it stands"
like "$t" "VERPLAATST Hier stond artikel 2.4 \(Klachten en incidenten\); het staat nu als artikel 2.4." \
    "text: a one-line pointer where it stood"
like "$t" "Gewijzigd door gegevens: kanaal Instagram toegevoegd" \
    "text: a clause changed by a config value names its cause"
like "$t" "3.1 Medewerkers communiceren met ouders" \
    "text: a clause only renumbered carries no mark"
like "$t" "Voetnoten 1 De regels voor persoonsgegevens" "text: the footnotes"

# the marks drawn, page by page (pdfmarks.pl reads the content streams)
marks=$(perl "$HERE/pdfmarks.pl" "$f")
like "$marks" "^page 1 ins 1 del 1 boxes ([5-9]|[1-9][0-9])$" \
    "page 1: the legend's examples and boxed badges are drawn"
last=$(( $(pages_of "$f") - 1 ))	# the Besluit has the last page
is "$(printf '%s\n' "$marks" | sed -n "${last}p")" "page $last ins 5 del 3 boxes 7" \
    "the text: a double underline per inserted stretch, a line through each deleted one, a box per badge"
is "$(printf '%s\n' "$marks" | tail -n 1 | sed 's/^page [0-9]* //')" "ins 0 del 0 boxes 0" \
    "the decision block, on the last page, draws no marks"

# links: the summary, the causes and the text point into the text
facts=$(perl "$HERE/pdffacts.pl" "$f")
like "$facts" "^links-internal (1[0-9]|[2-9][0-9])$" "internal links: summary titles, causes, pointers"
like "$facts" "^bookmark 3 Medewerkers$" "a bookmark per section"

# every word of both revisions is in the PDF, whole
pg build --out "$TMP/b1"
is "$rc" 0 "build with a draft after an adopted revision"
pdftotext "$f" "$TMP/text"
out=$(perl "$HERE/pdfwords.pl" "$P/schools/noord/de-linde/revisions/1.0.md" "$TMP/text")
is "$?" 0 "every word of 1.0 is in the redline, whole"
[ -z "$out" ] || printf '%s\n' "$out" | head -5 | diag
out=$(perl "$HERE/pdfwords.pl" "$TMP/b1/concept/de-linde/protocol.md" "$TMP/text")
is "$?" 0 "every word of the draft is in the redline, whole"
[ -z "$out" ] || printf '%s\n' "$out" | head -5 | diag

# build writes the same PDF beside the HTML (a draft's: in the preview);
# reproducible
[ -s "$TMP/b1/concept/de-linde/diff-1.0-1.1.pdf" ] &&
    [ -s "$TMP/b1/concept/de-linde/diff-1.0-1.1.html" ]
ok $? "build: writes the PDF redline beside the HTML one"
cmp -s "$f" "$TMP/b1/concept/de-linde/diff-1.0-1.1.pdf"
ok $? "build and diff write the same bytes"
pg diff de-linde 1.0 --out "$TMP/again"
cmp -s "$f" "$TMP/again/concept/de-linde/diff-1.0-1.1.pdf"
ok $? "two runs give byte-identical redline PDFs"
unlike "$(cat "$TMP/b1/index.html")" 'diff-1.0-1.1' \
    "the site index does not link the draft's redline (revisions.t: it links adopted ones)"

# --collapse: runs of unchanged clauses are one line each
pg diff --collapse de-linde 1.0 --out "$TMP/collapsed"
is "$rc" 0 "diff --collapse: exit 0"
c=$TMP/collapsed/concept/de-linde/diff-1.0-1.1-collapsed.pdf
check_redline "$c" "basisschool De Linde" 1.0 1.1 2 4
tc=$(flat "$c")
like "$tc" "1 ongewijzigd onderdeel \(2.5\)" "collapse: an unchanged clause folds into one line"
unlike "$tc" "Leerlingen gebruiken hun telefoon" "collapse: its text is left out"
like "$tc" "Ongewijzigde onderdelen zijn weggelaten" "collapse: the legend says so"
like "$tc" "\[ingevoegd: respectvol\]" "collapse: changed clauses keep their marks"
textpart() { flat "$1" | sed 's/.*Tekst met wijzigingen//' | wc -w; }
[ "$(textpart "$c")" -lt "$(textpart "$f")" ] &&
    [ "$(pages_of "$c")" -le "$(pages_of "$f")" ]
ok $? "collapse: a shorter text"
like "$(perl "$HERE/pdffacts.pl" "$c")" "^links-broken 0$" \
    "collapse: links to folded clauses land on their line"

# --- golden pairs (tests/diff) as two frozen revisions of de-linde ---------
G=$TMP/golden
cp -r "$TOP/tests/fixtures/revisions" "$G"
# golden CASE: tests/diff/CASE/{old,new}.md frozen as versions 8.0 and 9.0,
# with the content hash that adopt writes; the redline between them in $g
golden() {
	d=$G/schools/noord/de-linde/revisions
	rm -rf "$d"
	mkdir -p "$d"
	for side in old:8.0 new:9.0; do
		sed "s/^version: .*/version: ${side#*:}/" \
		    "$TOP/tests/diff/$1/${side%:*}.md" > "$TMP/body"
		h=$(sha256sum < "$TMP/body" | cut -d' ' -f1)
		sed "2a hash: sha256:$h" "$TMP/body" > "$d/${side#*:}.md"
	done
	run diff de-linde 8.0 9.0 --root "$G" --templates "$TOP/templates" \
	    --out "$TMP/g-$1"
	g=$TMP/g-$1/de-linde/diff-8.0-9.0.pdf
	is "$rc" 0 "golden $1: diff exit 0"
}
# the marks of the text's last page (the Besluit has the page after it)
text_marks() { perl "$HERE/pdfmarks.pl" "$1" | tail -n 2 | head -n 1 | sed 's/^page [0-9]* //'; }

golden wording
check_redline "$g" "basisschool Test" 8.0 9.0 2 3
like "$(flat "$g")" "Iedereen gaat \[verwijderd: op een respectvolle manier\] \[ingevoegd: respectvol\] met elkaar om, ook online \[ingevoegd: en buiten schooltijd\]\." \
    "golden wording: deletion and insertions told apart, phrase by phrase"
is "$(text_marks "$g")" "ins 2 del 1 boxes 1" "golden wording: two underlined, one struck, one badge"

golden insertion
like "$(flat "$g")" "2.2 NIEUW \[ingevoegd: Online pesten" "golden insertion: NIEUW, inserted"
is "$(text_marks "$g")" "ins 1 del 0 boxes 1" "golden insertion: underlined, nothing struck"

golden deletion
like "$(flat "$g")" "2.3 VERVALLEN \[verwijderd: Leerlingen gebruiken hun telefoon niet tijdens de les.\]" \
    "golden deletion: VERVALLEN, struck"
is "$(text_marks "$g")" "ins 0 del 1 boxes 1" "golden deletion: struck, nothing underlined"

golden diacritics
like "$(flat "$g")" "\[verwijderd: Eén medewerker beheert het privé-account; ouders, leerlingen én collega’s\] \[ingevoegd: Twee medewerkers beheren de privé-accounts, ouders én leerlingen\] worden geïnformeerd \[verwijderd: \.\] \[ingevoegd: !\]" \
    "golden diacritics: Dutch diacritics and punctuation next to a change extract whole"
pdftotext "$g" "$TMP/text"
out=$(perl "$HERE/pdfwords.pl" "$TOP/tests/diff/diacritics/new.md" "$TMP/text")
is "$?" 0 "golden diacritics: every word of the new text whole"

golden metadata
like "$(flat "$g")" "Versie 8.0 9.0" "golden metadata: was / wordt"
is "$(text_marks "$g")" "ins 0 del 0 boxes 0" "golden metadata: a text page without marks has none drawn"

golden move
like "$(flat "$g")" "1.3 VERPLAATST stond als artikel 2.3 Leerlingen gebruiken" "golden move: marked where it stands"
like "$(flat "$g")" "VERPLAATST Hier stond artikel 2.3 \(Telefoon\); het staat nu als artikel 1.3\." \
    "golden move: a pointer where it stood"
like "$(perl "$HERE/pdffacts.pl" "$g")" "^links-broken 0$" "golden move: the pointer's links resolve"

for c in swap renumbering config; do
	golden $c
	out=$(qpdf --check "$g" 2>&1)
	is "$?" 0 "golden $c: qpdf --check exits 0"
done

# --- a long protocol: pages with marks and pages without -------------------
L=$(fixture pdf-long)
pl() { c=$1; shift; run "$c" --root "$L" --templates "$TOP/templates" "$@"; }
pl adopt quadraam
is "$rc" 0 "long: adopt"
sed -i 's/version = "1.0", status = "vastgesteld"/version = "1.1", status = "ter-instemming"/' \
    "$L/schools/quadraam/quadraam.lua"
sed -i 's/rechtspositionele maatregelen genomen die variëren/arbeidsrechtelijke en rechtspositionele maatregelen genomen die, na zorgvuldige belangenafweging door de verantwoordelijke leidinggevende en de personeelsfunctionaris, variëren/' \
    "$L/clauses/sancties/sancties-3.md"
sed -i 's/heel handig\./heel handig, mits iedereen zijn eigen werk inlevert./' \
    "$L/clauses/bijlage-leerlingen/bijlage-leerlingen-3.md"
pl diff quadraam 1.0
f=$L/out/concept/quadraam/diff-1.0-1.1.pdf
check_redline "$f" Quadraam 1.0 1.1 4 8
marks=$(perl "$HERE/pdfmarks.pl" "$f")
n=$(pages_of "$f")
with=0 without=0 bad=""
i=2
while [ "$i" -le "$n" ]; do
	m=$(printf '%s\n' "$marks" | sed -n "${i}p")
	raw=$(pdftotext -raw -f "$i" -l "$i" "$f" -)
	# stretches of inserted text on this page: one per insertion per line
	lines=$(printf '%s\n' "$raw" | awk '
	    { s = $0; n += open
	      while (1) {
		if (open) { p = index(s, "]"); if (!p) break; open = 0; s = substr(s, p + 1) }
		else { p = index(s, "[ingevoegd:"); if (!p) break; n++; open = 1; s = substr(s, p + 11) }
	      } }
	    END { print n + 0 }')
	case $m in
	*" ins 0 del 0 boxes 0") without=$((without + 1)) ;;
	*) with=$((with + 1)) ;;
	esac
	case $m in *" ins $lines del 0 "*) ;; *) bad="$bad $i:$lines:$m" ;; esac
	i=$((i + 1))
done
[ "$with" -ge 1 ] && [ "$without" -ge 1 ]
ok $? "long: text pages with marks ($with) and without ($without)"
is "$bad" "" "long: on every page, a double underline under each stretch of inserted text on a line, nothing else"
like "$(pdftotext -raw "$f" - | tr '\n' '~')" "\[ingevoegd: [^]~]*[a-z]-~[a-z][^]]*\]" \
    "long: an inserted word is hyphenated (and underlined on both lines)"
like "$(flat "$f")" "Bijlage 2: Do’s en don’ts sociale media voor leerlingen" \
    "long: an appendix heading leads with its name"
pl diff --collapse quadraam 1.0 --out "$TMP/long-collapsed"
c=$TMP/long-collapsed/concept/quadraam/diff-1.0-1.1-collapsed.pdf
check_redline "$c" Quadraam 1.0 1.1 2 4
[ "$(pages_of "$c")" -lt "$(pages_of "$f")" ]
ok $? "long: --collapse gives a shorter PDF ($(pages_of "$c") pages, not $(pages_of "$f"))"
like "$(flat "$c")" "6.2 GEWIJZIGD Afhankelijk van de ernst" "long, collapsed: the changed clause in full"
like "$(flat "$c")" "Richtlijnen voor medewerkers 9 ongewijzigde onderdelen \(5.1–5.9\) 6 Sancties" \
    "long, collapsed: runs of unchanged clauses as one line, with their numbers"

done_testing
