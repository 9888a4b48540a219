#!/bin/sh
# The Word redline (out/<id>/diff-A-B.docx): Word's own tracked changes.
# Valid OOXML (the schema validator of tests/web); with every change
# accepted (pandoc) it reads word for word as the new revision's
# protocol.md, with every change rejected as the old one's; every w:ins and
# w:del by the board office (or its redline_author) on the new revision's
# date; w:id unique; a comment naming the config value that changed a
# clause; byte-identical across runs; LibreOffice opens it.
. "$(dirname "$0")/lib.sh"

HERE=$TOP/tests/e2e
VALIDATE=$TOP/tests/web/node_modules/.bin/ooxml-validate

# errors FILE: how many errors the OOXML validator reports (999: it failed)
errors() {
	"$VALIDATE" --output-format json "$1" > "$TMP/v.json" 2>"$TMP/v.err" ||
	    { echo 999; return; }
	python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' \
	    "$TMP/v.json" 2>/dev/null || echo 999
}

# part FILE NAME: a part of the package
part() { unzip -p "$1" "$2"; }

# words_match DOCX accept|reject MD NAME: the redline read that way has the
# words of MD's protocol text, in order
words_match() {
	pandoc --track-changes="$2" -t plain "$1" > "$TMP/plain.txt" 2>"$TMP/pandoc.err"
	perl "$HERE/docxwords.pl" plain "$TMP/plain.txt" > "$TMP/got.w"
	perl "$HERE/docxwords.pl" md "$3" > "$TMP/want.w"
	[ -s "$TMP/want.w" ] && cmp -s "$TMP/got.w" "$TMP/want.w"
	rc=$?
	ok $rc "$4"
	[ $rc -eq 0 ] || diff "$TMP/got.w" "$TMP/want.w" | head -10 | diag
}

# check_docx DOCX OLD.md NEW.md NAME: valid; accept gives NEW, reject OLD
check_docx() {
	is "$(errors "$1")" 0 "$4: the OOXML validator reports 0 errors"
	words_match "$1" accept "$3" "$4: all changes accepted, word for word the new text"
	words_match "$1" reject "$2" "$4: all changes rejected, word for word the old text"
}

# --- the revisions fixture: 1.0 adopted, 1.1 a draft (as redline-pdf.t) ---
P=$(fixture revisions)
pg() { c=$1; shift; run "$c" --root "$P" --templates "$TOP/templates" "$@"; }
pg adopt de-linde
is "$rc" 0 "adopt 1.0"
pg build --out "$TMP/v10"
old_md=$TMP/v10/de-linde/protocol.md
linde_1_1 "$P"
sed -i 's/op een respectvolle manier met elkaar om/respectvol met elkaar om/' \
    "$P/clauses/afspraken/respect.md"
pg diff de-linde 1.0
is "$rc" 0 "diff: exit 0"
f=$P/out/concept/de-linde/diff-1.0-1.1.docx
like "$out" "^$P/out/concept/de-linde/diff-1.0-1.1.docx$" \
    "diff: writes the .docx beside the HTML and the PDF and says so"
pg build --out "$TMP/b1"
new_md=$TMP/b1/concept/de-linde/protocol.md
check_docx "$f" "$old_md" "$new_md" "1.0 → 1.1"

# the comparison can fail: the accepted text is not the old one
pandoc --track-changes=accept -t plain "$f" > "$TMP/plain.txt"
perl "$HERE/docxwords.pl" plain "$TMP/plain.txt" > "$TMP/got.w"
perl "$HERE/docxwords.pl" md "$old_md" > "$TMP/want.w"
! cmp -s "$TMP/got.w" "$TMP/want.w"
ok $? "the comparison tells the new text from the old (accepted ≠ 1.0)"
# and the validator can fail: a document with an element Word does not know
mkdir -p "$TMP/bad" && (cd "$TMP/bad" && unzip -q "$f" &&
    sed -i 's|<w:body>|<w:body><w:bogus/>|' word/document.xml &&
    zip -q -r ../bad.docx '[Content_Types].xml' _rels docProps word)
[ "$(errors "$TMP/bad.docx")" -ge 1 ]
ok $? "the validator finds an error in a broken document"

doc=$(part "$f" word/document.xml)
com=$(part "$f" word/comments.xml)
# every revision mark by the board (its name: no redline_author yet), on
# the date of 1.1's last step
marks=$(printf '%s\n' "$doc" | grep -o '<w:\(ins\|del\) [^>]*>' )
is "$(printf '%s\n' "$marks" | grep -vc 'w:author="Stichting Noord" w:date="2026-03-02T00:00:00Z"')" 0 \
    "every w:ins and w:del: author the board, date the new revision's"
[ "$(printf '%s\n' "$marks" | grep -c '<w:ins ')" -ge 5 ] &&
    [ "$(printf '%s\n' "$marks" | grep -c '<w:del ')" -ge 3 ]
ok $? "insertions and deletions are tracked ($(printf '%s\n' "$marks" | wc -l | tr -d ' ') marks)"
like "$doc" '<w:pPr><w:pStyle w:val="Artikel"/><w:rPr><w:ins w:id="[0-9]+" [^>]*/></w:rPr></w:pPr>' \
    "a new clause's paragraph mark is inserted (reject-all removes the paragraph)"
like "$doc" '<w:rPr><w:del w:id="[0-9]+" [^>]*/></w:rPr></w:pPr>' \
    "a removed clause's paragraph mark is deleted"
like "$doc" '<w:delText xml:space="preserve">op een respectvolle manier</w:delText>' \
    "deleted words are w:delText"
ids=$( (printf '%s\n' "$doc"; printf '%s\n' "$com") |
    grep -o '<w:\(ins\|del\|moveFrom\|moveTo\|moveFromRangeStart\|moveToRangeStart\|comment\) w:id="[0-9]*"' |
    grep -o '[0-9]*' | sort)
is "$(printf '%s\n' "$ids" | uniq -d)" "" "w:id unique across insertions, deletions, moves and comments"
# the clause that only moved: Word's own move markup, its two ranges paired
# by name, every one by the board on the revision's date
from=$(printf '%s\n' "$doc" | grep -o '<w:moveFromRangeStart [^>]*w:name="[^"]*"' | sed 's/.*w:name=//')
to=$(printf '%s\n' "$doc" | grep -o '<w:moveToRangeStart [^>]*w:name="[^"]*"' | sed 's/.*w:name=//')
[ -n "$from" ] && [ "$from" = "$to" ]
ok $? "a clause that only moved: moveFrom and moveTo ranges, paired by name ($from)"
mv=$(printf '%s\n' "$doc" | grep -o '<w:move\(From\|To\)\(RangeStart\)\? [^>]*>')
[ "$(printf '%s\n' "$mv" | grep -c '<w:moveFrom ')" -ge 1 ] &&
    [ "$(printf '%s\n' "$mv" | grep -c '<w:moveTo ')" -ge 1 ]
ok $? "... its text in w:moveFrom where it stood and w:moveTo where it stands"
is "$(printf '%s\n' "$mv" | grep -vc 'w:author="Stichting Noord" w:date="2026-03-02T00:00:00Z"')" 0 \
    "... every move mark by the board, on the new revision's date"
is "$(printf '%s\n' "$doc" | grep -c '<w:moveFromRangeEnd ')" "$(printf '%s\n' "$from" | wc -l | tr -d ' ')" \
    "... each range closed"
unlike "$(printf '%s\n' "$doc" | perl -0ne 'print $1 while /<w:moveFrom (.*?)<\/w:moveFrom>/gs')" '<w:delText' \
    "... moved-away text is w:t, not w:delText"
for id in $(printf '%s\n' "$doc" | grep -o '<w:commentReference w:id="[0-9]*"' | grep -o '[0-9]*'); do
	printf '%s\n' "$com" | grep -q "<w:comment w:id=\"$id\"" || echo "$id"
done > "$TMP/dangling"
is "$(cat "$TMP/dangling")" "" "every comment reference has its comment"
# the clause changed by the new channel: its comment names the cause and
# spans its text
cid=$(printf '%s\n' "$com" | perl -ne 'print "$1\n" while /<w:comment w:id="(\d+)"(?:(?!<\/w:comment>).)*kanaal Instagram toegevoegd/g' | head -1)
[ -n "$cid" ]
ok $? "a comment names the cause: kanaal Instagram toegevoegd"
like "$com" "<w:comment w:id=\"$cid\" w:author=\"Stichting Noord\" w:date=\"2026-03-02T00:00:00Z\">.*DOOR GEGEVENS GEWIJZIGD.*Gewijzigd door gegevens:" \
    "the comment: badge, then the cause as the page says it"
like "$doc" "<w:commentRangeStart w:id=\"$cid\"/>(<[^>]*>)*Sociale media zijn online" \
    "the comment's range starts at the clause's text"
like "$com" 'VERPLAATST: stond als artikel 2.4' "a moved clause's comment says where it stood"
like "$com" 'VERPLAATST: Hier stond artikel 2.4 \(Klachten en incidenten\); het staat nu als artikel 2.4' \
    "where it stood, its deleted text carries a pointer"
# the summary and legend are ordinary text, before the text part
pre=$(printf '%s\n' "$doc" | sed 's/Tekst met wijzigingen.*//')
unlike "$pre" '<w:(ins|del) ' "summary, was / wordt and legend are not tracked"
like "$pre" 'Samenvatting.*Gegevens: was / wordt.*Leeswijzer' "summary, was / wordt, legend, in that order"
like "$pre" 'afspraken\.fotos.*hele MR' "the clause table names the clause and who consents"
# Dutch, Carlito, named styles; the school's colour on headings
sty=$(part "$f" word/styles.xml)
like "$sty" '<w:lang w:val="nl-NL"' "styles: the document is Dutch"
like "$sty" '<w:rFonts w:ascii="Carlito"' "styles: Carlito"
like "$sty" '<w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/>' \
    "styles: headings by Word's own names"
like "$(part "$f" word/settings.xml)" '<w:trackRevisions/>' \
    "settings: the council's own edits are tracked too"
like "$(part "$f" docProps/core.xml)" '<dc:title>Wijzigingen 1.0 → 1.1 – basisschool De Linde</dc:title>' \
    "properties: the title as the HTML's"
like "$(part "$f" docProps/core.xml)" '<dcterms:modified xsi:type="dcterms:W3CDTF">2025-11-21T00:00:00Z<' \
    "properties: the date of SOURCE_DATE_EPOCH, as the PDF's"
zd=$(python3 -c 'import zipfile,sys; print(sorted(set(i.date_time[:3] for i in zipfile.ZipFile(sys.argv[1]).infolist())))' "$f")
is "$zd" "[(2026, 3, 2)]" "zip: every entry dated the new revision's date"

# reproducible: build and diff, and two runs, give the same bytes
cmp -s "$f" "$TMP/b1/concept/de-linde/diff-1.0-1.1.docx"
ok $? "build writes the same .docx as diff"
pg diff de-linde 1.0 --out "$TMP/again"
cmp -s "$f" "$TMP/again/concept/de-linde/diff-1.0-1.1.docx"
ok $? "two runs give byte-identical .docx files"
pg diff --collapse de-linde 1.0 --out "$TMP/collapsed"
[ "$rc" -eq 0 ] && [ ! -e "$TMP/collapsed/concept/de-linde/diff-1.0-1.1-collapsed.docx" ] &&
    [ ! -e "$TMP/collapsed/concept/de-linde/diff-1.0-1.1.docx" ]
ok $? "--collapse: no .docx (tracked changes are the whole text or nothing)"

# the author is the board office's, when the board says so
sed -i 's/^  outline = "po-test",/  outline = "po-test", redline_author = "Bestuursbureau Noord",/' \
    "$P/schools/noord/board.lua"
pg diff de-linde 1.0 --out "$TMP/author"
a=$TMP/author/concept/de-linde/diff-1.0-1.1.docx
is "$(part "$a" word/document.xml | grep -o 'w:author="[^"]*"' | sort -u)" 'w:author="Bestuursbureau Noord"' \
    "redline_author: every change by the board office"
like "$(part "$a" word/comments.xml)" 'w:author="Bestuursbureau Noord"' "redline_author: the comments too"
sed -i 's/redline_author = /redline_autor = /' "$P/schools/noord/board.lua"
pg check
is "$rc" 1 "a misspelt redline_author is an error"
like "$err" "board.lua:[0-9]+: error: unknown key 'redline_autor' in board \(did you mean 'redline_author'\?\)" \
    "and says what was meant"
sed -i 's/redline_autor = "Bestuursbureau Noord"/redline_author = ""/' "$P/schools/noord/board.lua"
pg diff de-linde 1.0 --out "$TMP/empty"
is "$(part "$TMP/empty/concept/de-linde/diff-1.0-1.1.docx" word/document.xml | grep -o 'w:author="[^"]*"' | sort -u)" \
    'w:author="Stichting Noord"' "an empty redline_author: the board's name"

# LibreOffice opens it; a page rendered to look at (WEB_ARTIFACTS keeps it)
lo=$TMP/lo
mkdir -p "$lo"
soffice --headless -env:UserInstallation=file://$lo/profile --convert-to pdf \
    --outdir "$lo" "$f" > "$lo/log" 2>&1
is "$?" 0 "LibreOffice converts it to PDF"
[ -s "$lo/diff-1.0-1.1.pdf" ] && pdftoppm -r 60 -png "$lo/diff-1.0-1.1.pdf" "$lo/page"
ok $? "and its pages render"
like "$(pdftotext "$lo/diff-1.0-1.1.pdf" - | tr -s ' \n' '  ')" \
    "Iedereen gaat op een respectvolle manier ?respectvol met elkaar om" \
    "LibreOffice shows both sides of a change"
if [ -n "${WEB_ARTIFACTS:-}" ]; then
	mkdir -p "$WEB_ARTIFACTS" && cp "$lo"/page-*.png "$WEB_ARTIFACTS/"
fi

# --- published: 1.1 adopted, the redline in out/de-linde/ and linked ------
export SOURCE_DATE_EPOCH=1775001600	# 2026-04-01: after 1.1's consent and adoption
sed -i 's/redline_author = ""/redline_author = "Bestuursbureau Noord"/' "$P/schools/noord/board.lua"
perl -0pi -e 's/status = "concept"/status = "vastgesteld"/; s/(approvals = \{ )/$1\{ body = "MR", act = "instemming", date = "2026-03-10" \}, \{ body = "directie", act = "vaststelling", date = "2026-03-12" \}, /' \
    "$P/schools/noord/de-linde.lua"
pg adopt de-linde
is "$rc" 0 "adopt 1.1"
pg build --out "$TMP/pub"
p=$TMP/pub/de-linde/diff-1.0-1.1.docx
[ -s "$p" ]
ok $? "build: the published redline has its .docx"
check_docx "$p" "$P/schools/noord/de-linde/revisions/1.0.md" \
    "$P/schools/noord/de-linde/revisions/1.1.md" "published 1.0 → 1.1"
is "$(part "$p" word/document.xml | grep -o 'w:date="[^"]*"' | sort -u)" 'w:date="2026-03-12T00:00:00Z"' \
    "published: the changes dated the adoption of 1.1"
like "$(cat "$TMP/pub/index.html")" '<a href="de-linde/diff-1.0-1.1.docx">Word<span class="visually-hidden">' \
    "the site index links the .docx beside the PDF"
like "$(cat "$TMP/pub/de-linde/versies.html")" '<a href="diff-1.0-1.1.docx">Wijzigingen ten opzichte van versie 1.0 \(Word\)' \
    "the archive page links it too"

# --- golden pairs (tests/diff) as two frozen revisions of de-linde ---------
G=$TMP/golden
cp -r "$TOP/tests/fixtures/revisions" "$G"
for c in $(ls "$TOP/tests/diff" | grep -v README); do
	d=$G/schools/noord/de-linde/revisions
	rm -rf "$d"
	mkdir -p "$d"
	for side in old:8.0 new:9.0; do
		sed "s/^version: .*/version: ${side#*:}/" \
		    "$TOP/tests/diff/$c/${side%:*}.md" > "$TMP/body"
		h=$(sha256sum < "$TMP/body" | cut -d' ' -f1)
		sed "2a hash: sha256:$h" "$TMP/body" > "$d/${side#*:}.md"
	done
	run diff de-linde 8.0 9.0 --root "$G" --templates "$TOP/templates" \
	    --out "$TMP/g-$c"
	is "$rc" 0 "golden $c: diff exit 0"
	check_docx "$TMP/g-$c/de-linde/diff-8.0-9.0.docx" "$TOP/tests/diff/$c/old.md" \
	    "$TOP/tests/diff/$c/new.md" "golden $c"
done

done_testing
