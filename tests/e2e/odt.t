#!/bin/sh
# The OpenDocument outputs (out/<id>/protocol.odt and schoolgids.odt), for
# every school of the project and of the look and revisions fixtures: the
# package (mimetype first and stored, a manifest naming every part, each
# part well-formed and valid against the OpenDocument schema that Debian
# ships: ODF 1.2, docs/FORMATS.md says why not 1.3); LibreOffice converts
# each to PDF and the PDF's text has every word of protocol.md (or
# schoolgids.md) clause by clause, in order; real footnotes, a bookmark for
# every clause and every cross reference's target, Dutch, page number and
# count in the footer, meta.xml's dates those of the revision, CONCEPT on
# drafts only, the board's colour on headings; byte-identical across builds.
. "$(dirname "$0")/lib.sh"

HERE=$TOP/tests/e2e
MIME=application/vnd.oasis.opendocument.text
# Debian's libjopendocument-java ships the OASIS schema inside its jar
JAR=/usr/share/java/jOpenDocument-1.3.jar
RNG_IN_JAR=org/jopendocument/dom/oofficeDTDs/OpenDocument-v1.2-schema.rng

skip() {	# skip REASON NAME
	_n=$((_n + 1))
	echo "ok $_n # skip $1: $2"
}
part() { unzip -p "$1" "$2"; }

# --- the builds ---------------------------------------------------------
P=$(project)
run build --root "$P"
is "$rc" 0 "the project builds"
L=$(fixture look)
run build --root "$L"
is "$rc" 0 "the look fixture builds (board colour, logos)"
# revisions: 1.0 adopted, then 1.1 adopted: 1.0 goes to versie-1.0/
R=$(fixture revisions)
pg() { c=$1; shift; run "$c" --root "$R" --templates "$TOP/templates" -q "$@"; }
pg adopt de-linde
is "$rc" 0 "revisions: adopt 1.0"
linde_1_1 "$R"
sed -i 's/status = "concept"/status = "vastgesteld"/;
    s/{ body = "directie", act = "voorstel", date = "2026-03-02" }/{ body = "MR", act = "instemming", date = "2026-03-10" }, { body = "directie", act = "vaststelling", date = "2026-03-20" }/' \
    "$R/schools/noord/de-linde.lua"
export SOURCE_DATE_EPOCH=1775001600	# 2026-04-01: after the steps of 1.1
pg adopt de-linde
is "$rc" 0 "revisions: adopt 1.1"
pg build
is "$rc" 0 "revisions: builds with two adopted versions"
[ -s "$R/out/de-linde/versie-1.0/protocol.odt" ] &&
    [ ! -e "$R/out/de-linde/versie-1.0/schoolgids.odt" ]
ok $? "the archived version 1.0 keeps its protocol.odt in versie-1.0/"
like "$(cat "$R/out/de-linde/versies.html")" 'href="versie-1\.0/protocol\.odt"' \
    "the archive page links 1.0's protocol.odt"
like "$(cat "$R/out/index.html")" 'href="de-linde/protocol\.odt">Protocol \(OpenDocument' \
    "the index links the protocol.odt in force"
export SOURCE_DATE_EPOCH=1763683200	# lib.sh's again, as the project's build

find "$P/out" "$L/out" "$R/out" -name '*.odt' | LC_ALL=C sort >"$TMP/odts"
n=0
for d in $(find "$P/out" "$L/out" "$R/out" -name protocol.md -o \
    -name schoolgids.md | xargs -n1 dirname | LC_ALL=C sort -u); do
	for f in protocol schoolgids; do
		[ -e "$d/$f.md" ] || continue
		[ -s "$d/$f.odt" ] || echo "$d/$f.odt" >>"$TMP/missing"
		n=$((n + 1))
	done
done
[ ! -s "$TMP/missing" ] && [ "$n" -ge 20 ]
ok $? "every school's folder has protocol.odt and schoolgids.odt beside its .md ($n files)"
[ -s "$TMP/missing" ] && diag <"$TMP/missing"

# --- the schema -------------------------------------------------------------
RNG=
if [ -r "$JAR" ] && command -v jing >/dev/null 2>&1; then
	(cd "$TMP" && unzip -q -o "$JAR" "$RNG_IN_JAR") && RNG=$TMP/$RNG_IN_JAR
fi
# valid FILE.odt: jing's complaints about its parts, the version read as 1.2
# (the one schema Debian has; every element and attribute written is ODF 1.2)
valid() {
	for x in content.xml styles.xml meta.xml settings.xml; do
		part "$1" "$x" | sed 's/office:version="1\.3"/office:version="1.2"/' \
		    >"$TMP/v-$x"
		# -i: the schema's ID types clash in jing's ID checker (not ours)
		jing -i "$RNG" "$TMP/v-$x" 2>&1 | grep -v 'Unable to locate' |
		    sed "s|^$TMP/v-|$x: |"
	done
}

# --- every package ------------------------------------------------------------
bad_pkg= bad_wf= bad_man= bad_schema= bad_notes= bad_marks= bad_links= \
    bad_lang= bad_foot= bad_concept= bad_head=
while read -r f; do
	name=${f#"$TMP"/}
	dir=$(dirname "$f")
	kind=$(basename "$f" .odt)
	# the mimetype: first entry, stored, no extra field, the right type
	perl -e 'open(F, "<", $ARGV[0]) or exit 1; binmode F; read(F, $h, 38 + length $ARGV[1]);
	    my ($sig, $method, $nlen, $xlen) = unpack("V x4 v x16 v v", $h);
	    exit !($sig == 0x04034b50 && $method == 0 && $nlen == 8 && $xlen == 0 &&
	    substr($h, 30) eq "mimetype$ARGV[1]")' "$f" "$MIME" ||
	    bad_pkg="$bad_pkg $name"
	unzip -Z1 "$f" | LC_ALL=C sort >"$TMP/entries"
	part "$f" META-INF/manifest.xml |
	    perl -ne 'print "$1\n" while /manifest:full-path="([^"\/][^"]*)"/g' |
	    LC_ALL=C sort >"$TMP/listed"
	grep -v -e '^mimetype$' -e '^META-INF/manifest.xml$' "$TMP/entries" \
	    >"$TMP/parts"
	cmp -s "$TMP/parts" "$TMP/listed" || bad_man="$bad_man $name"
	for x in $(grep '\.xml$' "$TMP/entries"); do
		part "$f" "$x" | xmllint --noout - 2>/dev/null ||
		    bad_wf="$bad_wf $name:$x"
	done
	if [ -n "$RNG" ]; then
		v=$(valid "$f")
		[ -z "$v" ] || { bad_schema="$bad_schema $name";
		    printf '%s\n' "$v" | head -5 | diag; }
	fi
	c=$(part "$f" content.xml)
	s=$(part "$f" styles.xml)
	# footnotes: one text:note for each of the Markdown's notes
	want=$(grep -c '^\[\^[0-9]*\]:' "$dir/$kind.md")
	got=$(printf '%s' "$c" | grep -o '<text:note [^>]*text:note-class="footnote"' | wc -l)
	[ "$kind" = schoolgids ] && want=0
	[ "$got" -eq "$want" ] || bad_notes="$bad_notes $name($got/$want)"
	printf '%s' "$c" | grep -o 'text:bookmark text:name="[^"]*"' |
	    sed 's/.*name="//; s/"$//' | LC_ALL=C sort >"$TMP/marks"
	if [ "$kind" = protocol ]; then
		# every clause and section of the Markdown is a bookmark
		sed -n 's/^<!-- \(clause\|section\) \([^ ]*\).*/\2/p' "$dir/$kind.md" |
		    LC_ALL=C sort >"$TMP/ids"
		[ -n "$(LC_ALL=C comm -23 "$TMP/ids" "$TMP/marks")" ] &&
		    bad_marks="$bad_marks $name"
	fi
	# every internal link goes to a bookmark
	for t in $(printf '%s' "$c" | grep -o 'xlink:href="#[^"]*"' | sed 's/.*#//; s/"$//'); do
		grep -qx "$t" "$TMP/marks" || bad_links="$bad_links $name:$t"
	done
	printf '%s' "$s" | grep -q '<style:default-style style:family="paragraph">.*fo:language="nl" fo:country="NL"' ||
	    bad_lang="$bad_lang $name"
	printf '%s' "$s" | grep -q '<style:footer>.*pagina <text:page-number text:select-page="current">[0-9]*</text:page-number> van <text:page-count>' ||
	    bad_foot="$bad_foot $name"
	printf '%s' "$s" | grep -q '<style:header>.*versie [0-9]' ||
	    bad_head="$bad_head $name"
	case $f in
	*/concept/*)
		# its status's mark: CONCEPT, TER INSTEMMING, VERVALLEN
		printf '%s' "$c" | grep -Eq '<office:text><text:p text:style-name="Concept"><text:span text:style-name="Concept_20_mark">(CONCEPT|TER INSTEMMING|VERVALLEN)</text:span>' &&
		    printf '%s' "$s" | grep -Eq '<style:header>.*<text:span text:style-name="Concept_20_mark">(CONCEPT|TER INSTEMMING|VERVALLEN)</text:span>' ||
		    bad_concept="$bad_concept $name(missing)" ;;
	*)
		printf '%s%s' "$c" "$s" | grep -q 'CONCEPT\|text:style-name="Concept' &&
		    bad_concept="$bad_concept $name(on an adopted text)" ;;
	esac
done <"$TMP/odts"
is "$bad_pkg" "" "mimetype: the first entry, stored, no extra field, $MIME"
is "$bad_man" "" "the manifest lists every part of the package, and only those"
is "$bad_wf" "" "every XML part is well-formed"
if [ -n "$RNG" ]; then
	is "$bad_schema" "" "content, styles, meta and settings valid against the OpenDocument schema (jing)"
else
	skip "no jing or libjopendocument-java (tools/deps.sh test)" "schema validation"
fi
is "$bad_notes" "" "footnotes: a text:note for each note of protocol.md"
is "$bad_marks" "" "a bookmark for every clause and section"
is "$bad_links" "" "every internal link (text:a xlink:href=\"#...\") has its bookmark"
is "$bad_lang" "" "the default paragraph style is Dutch (nl, NL)"
is "$bad_foot" "" "the footer: pagina <page-number> van <page-count>"
is "$bad_head" "" "the header: the version"
is "$bad_concept" "" "CONCEPT banner and header mark on drafts, on no adopted text"

# the schema can fail: an element ODF does not have
if [ -n "$RNG" ]; then
	f=$(head -1 "$TMP/odts")
	mkdir -p "$TMP/bad"
	part "$f" content.xml | sed 's|<office:text>|<office:text><text:bogus/>|' |
	    sed 's/office:version="1\.3"/office:version="1.2"/' >"$TMP/bad/content.xml"
	[ -n "$(jing -i "$RNG" "$TMP/bad/content.xml" 2>&1 | grep -v 'Unable to locate')" ]
	ok $? "the schema check finds an unknown element"
else
	skip "no jing or libjopendocument-java" "the schema check can fail"
fi

# --- what a reader sees -----------------------------------------------------------
f=$P/out/concept/de-sterren/protocol.odt
c=$(part "$f" content.xml)
like "$c" '<text:a xlink:type="simple" xlink:href="#sancties" [^>]*>' \
    "de-sterren: a cross reference is an internal link"
like "$c" '<text:h text:style-name="Kop_20_genummerd" text:outline-level="1"><text:bookmark text:name="sancties"/>[0-9]+<text:tab/>' \
    "de-sterren: its target, a numbered heading, is the bookmark"
f=$P/out/concept/de-bron/protocol.odt
c=$(part "$f" content.xml)
like "$c" '<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p text:style-name="Footnote">Voor de leesbaarheid' \
    "de-bron: the footnote is a text:note at its reference, with its text"
like "$c" '<text:p text:style-name="Artikel"><text:bookmark text:name="[^"]*"/><text:span text:style-name="Artikelnummer">2\.1</text:span><text:tab/>' \
    "de-bron: article 2.1 keeps the model's number, hanging"
unlike "$c" '<text:list-level-style-number|text:outline-level="[2-9]"' \
    "de-bron: no number of Writer's own in the text"
# the title block: the document data and every approval step, as the PDF
f=$R/out/de-linde/protocol.odt
c=$(part "$f" content.xml)
like "$c" 'Documentgegevens.*>Versie</text:p>.*>1\.1</text:p>.*>Status</text:p>.*>vastgesteld</text:p>' \
    "de-linde 1.1: the document data"
like "$c" '>Besluitvorming</text:p>.*>Orgaan</text:p>.*>Besluit</text:p>.*>Datum</text:p>.*>MR</text:p>.*>instemming</text:p>.*>10 maart 2026</text:p>.*>directie</text:p>.*>vaststelling</text:p>.*>20 maart 2026</text:p>' \
    "de-linde 1.1: every approval step with its date"
pdftotext "$R/out/de-linde/protocol.pdf" - | tr '\n' ' ' >"$TMP/pdf-steps"
like "$(cat "$TMP/pdf-steps")" 'instemming +10 maart 2026.*vaststelling +20 maart 2026' \
    "... the same steps as protocol.pdf prints"
# meta.xml: the revision's dates, the board as creator
m=$(part "$f" meta.xml)
like "$m" '<meta:creation-date>2026-03-10T00:00:00</meta:creation-date><dc:date>2026-03-20T00:00:00</dc:date>' \
    "meta.xml of 1.1: created at its first step, dated at its adoption"
like "$m" '<meta:initial-creator>Stichting Noord</meta:initial-creator><dc:creator>Stichting Noord</dc:creator>' \
    "meta.xml: the board is the creator"
like "$m" '<dc:title>Protocol sociale media – basisschool De Linde</dc:title>.*<meta:keyword>versie 1\.1</meta:keyword>.*<dc:language>nl-NL</dc:language>' \
    "meta.xml: title, keywords, language"
m=$(part "$R/out/de-linde/versie-1.0/protocol.odt" meta.xml)
like "$m" '<meta:creation-date>2025-06-10T00:00:00</meta:creation-date><dc:date>2025-06-24T00:00:00</dc:date>' \
    "meta.xml of the archived 1.0: its own revision's dates"
is "$(unzip -Z -T "$f" | awk '/^-/ { print $7 }' | sort -u)" "20260320.000000" \
    "the zip entries carry the revision's date"
# the board's colour on headings and article numbers; the logo embedded
f=$(grep '/look/out/' "$TMP/odts" | grep protocol.odt | head -1)
s=$(part "$f" styles.xml)
col=$(printf '%s' "$s" | perl -ne 'print $1 if /<style:style style:name="Heading" [^>]*>(?:(?!<\/style:style>).)*<style:text-properties fo:font-weight="bold" fo:color="(#[0-9a-f]{6})"/')
grep -q "colour = \"$col\"" "$L"/schools/*/*.lua
ok $? "look: headings in the board's or school's colour ($col)"
[ -n "$(unzip -Z1 "$f" | grep -x Pictures/logo.png)" ] &&
    part "$f" content.xml | grep -q '<draw:image xlink:href="Pictures/logo.png"'
ok $? "look: the logo is in the package and on the title block"
like "$(part "$P/out/quadraam/protocol.odt" styles.xml)" 'style:font-name="Carlito"' \
    "Carlito is the font"
like "$(part "$P/out/quadraam/protocol.odt" styles.xml)" '<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="1">' \
    "styles by name: Heading 1 with its outline level"

# --- a link that is not safe stays text --------------------------------------------
H=$(fixture basic)
cat > "$H/clauses/regels/verantwoordelijk.md" <<'MD'
---
id: regels.verantwoordelijk
title: Eigen verantwoordelijkheid
audience: alle
sources: 000#A.3
schoolgids: afspraak
---
Niet \<javascript:alert(1)\> en niet &lt;script&gt;alert(2)&lt;/script&gt;
en niet \<data:text/html,x\>.
MD
run build --root "$H" --out "$TMP/hostile" de-linde
is "$rc" 0 "builds with markup-like text"
c=$(part "$TMP/hostile/concept/de-linde/protocol.odt" content.xml)
unlike "$c" 'xlink:href="(javascript|data):|<script' "protocol.odt: no script link, no tag"
like "$c" '&lt;javascript:alert\(1\)&gt;' "protocol.odt: the text is escaped"
printf '%s' "$c" | grep -o 'xlink:href="[^"]*"' | sed 's/xlink:href="//; s/"$//' |
    grep -Ev '^(#|https?:|mailto:|tel:|Pictures/)' >"$TMP/bad-hrefs"
[ ! -s "$TMP/bad-hrefs" ]
ok $? "protocol.odt: links only to bookmarks, http, https, mailto, tel"

# --- LibreOffice reads them all -------------------------------------------------------
if command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
	mkdir -p "$TMP/lo/in" "$TMP/lo/out"
	while read -r f; do
		cp "$f" "$TMP/lo/in/$(printf '%s' "${f#"$TMP"/}" | tr '/' '_')"
	done <"$TMP/odts"
	soffice -env:UserInstallation="file://$TMP/lo-user" --headless \
	    --convert-to pdf --outdir "$TMP/lo/out" "$TMP"/lo/in/*.odt \
	    >"$TMP/lo/log" 2>&1
	bad_conv= bad_words=
	while read -r f; do
		b=$(printf '%s' "${f#"$TMP"/}" | tr '/' '_')
		pdf=$TMP/lo/out/${b%.odt}.pdf
		if ! pdfinfo "$pdf" >/dev/null 2>&1; then
			bad_conv="$bad_conv ${f#"$TMP"/}"
			continue
		fi
		pdftotext "$pdf" "$TMP/lo/text"
		md=$(dirname "$f")/$(basename "$f" .odt).md
		out=$(perl "$HERE/odtwords.pl" "$md" "$TMP/lo/text") ||
		    { bad_words="$bad_words ${f#"$TMP"/}"; printf '%s\n' "$out" | diag; }
	done <"$TMP/odts"
	is "$bad_conv" "" "LibreOffice converts every .odt to PDF ($(wc -l <"$TMP/odts" | tr -d ' ') files)"
	[ -z "$bad_conv" ] || diag <"$TMP/lo/log"
	is "$bad_words" "" "every clause's words in the PDF's text, in order"
	t=$(pdftotext "$TMP/lo/out/$(printf '%s' "${P#"$TMP"/}" | tr '/' '_')_out_concept_de-bron_protocol.pdf" - | tr '\n' ' ')
	like "$t" 'pagina 1 van [0-9]+' "de-bron: the footer counts the pages"
	like "$t" 'CONCEPT – dit protocol is nog niet vastgesteld' "de-bron: the draft banner"
	# the comparison can fail: two clauses swapped
	perl -0pe 's/(<!-- clause inleiding.verzamelbegrip -->\n.*?\n\n)(<!-- clause inleiding.voorbeelden -->\n.*?\n\n)/$2$1/s' \
	    "$P/out/concept/de-bron/protocol.md" >"$TMP/swapped.md"
	pdftotext "$TMP/lo/out/$(printf '%s' "${P#"$TMP"/}" | tr '/' '_')_out_concept_de-bron_protocol.pdf" "$TMP/lo/text"
	! cmp -s "$TMP/swapped.md" "$P/out/concept/de-bron/protocol.md" &&
	    ! perl "$HERE/odtwords.pl" "$TMP/swapped.md" "$TMP/lo/text" >/dev/null
	ok $? "the word check finds two clauses out of order"
else
	skip "no soffice or pdftotext (tools/deps.sh test)" "LibreOffice converts every .odt"
	skip "no soffice or pdftotext" "every clause's words in order"
fi

# --- byte-identical ----------------------------------------------------------------
run build --root "$P" --out "$TMP/again"
is "$rc" 0 "the project builds again"
bad=
for f in $(cd "$P/out" && find . -name '*.odt'); do
	cmp -s "$P/out/$f" "$TMP/again/$f" || bad="$bad $f"
done
is "$bad" "" "two builds give byte-identical .odt files"

done_testing
