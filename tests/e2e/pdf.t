#!/bin/sh
# The PDF backend: valid, tagged, reproducible PDFs that read well: fonts
# embedded, header and footer on every page, whole words in the extracted
# text, links and bookmarks that resolve, nothing outside the type area.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/pdf.sh"

F=$(fixture pdf-long)
run build --root "$F"
is "$rc" 0 "the long fixture builds"
P=$(project)
run build --root "$P"
is "$rc" 0 "the project builds"

# check_pdf FILE SCHOOL VERSION MIN-PAGES MAX-PAGES DRAFT-MARK|-
check_pdf() {
	f=$1 name=$(basename "$(dirname "$1")")
	pdf_common "$f" "$name" Document H1 H2 P Table TR TH TD L LI Lbl LBody
	like "$info" "Title: +.*$2" "$name: the title names the school"
	like "$info" "Keywords: +.*versie $3" "$name: keywords"
	like "$facts" "^bookmark Documentgegevens$" "$name: bookmarks"
	n=$(pages_of "$f")
	[ "$n" -ge "$4" ] && [ "$n" -le "$5" ]
	ok $? "$name: $n pages, in $4..$5"
	bad=""
	i=1
	while [ "$i" -le "$n" ]; do
		t=$(pdftotext -f "$i" -l "$i" "$f" -)
		case $t in *"$2"*) ;; *) bad="$bad $i:school" ;; esac
		case $t in *"versie $3"*) ;; *) bad="$bad $i:version" ;; esac
		case $t in *"pagina $i van $n"*) ;; *) bad="$bad $i:footer" ;; esac
		if [ "$6" != - ]; then
			case $t in *"$6"*) ;; *) bad="$bad $i:mark" ;; esac
		fi
		i=$((i + 1))
	done
	is "$bad" "" "$name: header, footer${6#-} on every page"
	pdftotext "$f" "$TMP/text"
	out=$(perl "$HERE/pdfwords.pl" "$(dirname "$f")/protocol.md" \
	    "$TMP/text")
	is "$?" 0 "$name: extracted text has every word whole"
	[ -z "$out" ] || printf '%s\n' "$out" | head -5 | diag
}

check_pdf "$F/out/quadraam/protocol.pdf" Quadraam 1.0 5 9 -
check_pdf "$F/out/concept/quadraam-concept/protocol.pdf" Quadraam 2.0 5 9 CONCEPT
check_pdf "$P/out/concept/de-bron/protocol.pdf" "basisschool De Bron" 1.0 2 6 -

f=$F/out/quadraam/protocol.pdf
facts=$(perl "$HERE/pdffacts.pl" "$f")
like "$facts" "^links-internal [4-9]" "cross-references and footnotes link"
like "$facts" "^links-uri [1-9]" "URLs link"
is "$(printf '%s\n' "$facts" | grep -c '^bookmark ')" 12 \
    "a bookmark per heading (metadata, 8 sections, 3 appendices)"
like "$facts" "^bookmark Bijlage 3: Achtergrondinformatie$" "appendix bookmark"
text=$(pdftotext "$f" -)
for w in beïnvloeden Ideeën reëel geïnterpreteerd coördinatie privé \
    variëren; do
	like "$text" "$w" "'$w' extracts correctly"
done
raw=$(pdftotext -raw "$f" -)
like "$raw" "[a-zë]-$" "justified text is hyphenated at line ends"
unlike "$(pdftotext -raw "$f" - | grep -E -- '-$' | grep -E '(Quadraam|https?|www)[^ ]*-$')" \
    "." "names and URLs are never hyphenated"
out=$(pdfinfo -struct-text "$f" 2>/dev/null)
like "$out" "Note" "footnotes are tagged as notes"
like "$out" "Link" "links are tagged"
unlike "$(printf '%s\n' "$out" | grep -E 'pagina [0-9]+ van')" "." \
    "running headers and footers stay out of the structure"
info=$(pdfinfo "$f")
like "$info" "CreationDate: .*2025 UTC" "the date comes from SOURCE_DATE_EPOCH"
like "$(pdftotext -f 1 -l 1 "$f" -)" "Besluitvorming" "the approval table"
for s in Ontmoeting GMR CvB "26 november 2019" "8 oktober 2019"; do
	like "$(pdftotext -f 1 -l 1 "$f" -)" "$s" "approval step: $s"
done

# every date from the revision when SOURCE_DATE_EPOCH is unset
F2=$TMP/nodate
cp -r "$TOP/tests/fixtures/pdf-long" "$F2"
(unset SOURCE_DATE_EPOCH; "$PG" build --root "$F2" -q >/dev/null 2>&1)
like "$(pdfinfo "$F2/out/quadraam/protocol.pdf")" \
    "CreationDate: .*Nov 26 00:00:00 2019" "the date comes from the adoption"

# reproducible: another build, another folder, the same bytes
run build --root "$F" --out "$TMP/again"
cmp -s "$F/out/quadraam/protocol.pdf" "$TMP/again/quadraam/protocol.pdf"
ok $? "two builds give byte-identical PDFs"
cmp -s "$F/out/concept/quadraam-concept/protocol.pdf" \
    "$TMP/again/concept/quadraam-concept/protocol.pdf"
ok $? "two builds give byte-identical draft PDFs"

# the schoolgids section as PDF: valid, tagged, embedded fonts, its own
# header and footer, the consent wording, whole words, inside the type area
for f in "$P/out/concept/de-bron/schoolgids.pdf" "$F/out/concept/quadraam-concept/schoolgids.pdf"; do
	name=$(basename "$(dirname "$f")")
	[ -s "$f" ]
	ok $? "$name: schoolgids.pdf written"
	out=$(qpdf --check "$f" 2>&1)
	is "$?" 0 "$name: schoolgids.pdf passes qpdf --check"
	is "$(pdffonts "$f" | tail -n +3 | awk '$(NF-4) != "yes"' | wc -l)" 0 \
	    "$name: schoolgids.pdf embeds every font"
	info=$(pdfinfo "$f")
	like "$info" "Tagged: +yes" "$name: schoolgids.pdf is tagged"
	like "$info" "Title: +Sociale media – " "$name: schoolgids.pdf has its own title"
	facts=$(perl "$HERE/pdffacts.pl" "$f")
	like "$facts" "^lang nl-NL$" "$name: schoolgids.pdf has /Lang (nl-NL)"
	like "$facts" "^links-broken 0$" "$name: schoolgids.pdf links resolve"
	n=$(pages_of "$f")
	[ "$n" -ge 1 ] && [ "$n" -le 3 ]
	ok $? "$name: schoolgids.pdf has $n pages, in 1..3"
	bad=""
	i=1
	while [ "$i" -le "$n" ]; do
		t=$(pdftotext -f "$i" -l "$i" "$f" -)
		case $t in *"Sociale media"*) ;; *) bad="$bad $i:header" ;; esac
		case $t in *"pagina $i van $n"*) ;; *) bad="$bad $i:footer" ;; esac
		i=$((i + 1))
	done
	is "$bad" "" "$name: schoolgids.pdf has header and footer on every page"
	t=$(pdftotext "$f" - | tr '\n' ' ')
	case $name in
	de-bron)	# a primary school: its own photo rule, no consent ages
		like "$t" "Er worden geen herkenbare foto’s van leerlingen .*\(artikel[^0-9]+5\.6\)" \
		    "$name: schoolgids.pdf states the school's own photo rule"
		unlike "$t" "jonger dan 16|16 jaar of ouder" "$name: schoolgids.pdf states no consent age" ;;
	*)		# a secondary school whose photo article states them
		like "$t" "16 jaar of ouder .*\(artikel[^0-9]+4\.5\)" \
		    "$name: schoolgids.pdf states the consent ages of its article" ;;
	esac
	like "$t" "Inspectie van het Onderwijs .*0900 111 3 111" "$name: schoolgids.pdf names the inspectorate's number, as a fact"
	pdftotext "$f" "$TMP/text"
	out=$(perl "$HERE/pdfwords.pl" "$(dirname "$f")/schoolgids.md" "$TMP/text")
	is "$?" 0 "$name: schoolgids.pdf text has every word whole"
	[ -z "$out" ] || printf '%s\n' "$out" | head -5 | diag
	out=$(pdftotext -bbox "$f" - | perl "$HERE/pdfbbox.pl" $AREA)
	is "$?" 0 "$name: schoolgids.pdf has no glyph outside the type area"
done
t=$(pdftotext "$F/out/concept/quadraam-concept/schoolgids.pdf" - | tr '\n' ' ')
like "$t" "CONCEPT" "a draft's schoolgids.pdf carries the CONCEPT mark"
t=$(pdftotext -layout "$P/out/concept/de-bron/schoolgids.pdf" - | tr '\n' ' ')
like "$t" "Lesprogramma +Door +Groep +Wanneer" "the lessons table keeps all four columns"

# a short reference such as "(artikel 5.3)" is one unit: never hyphenated,
# never broken between its words (de-bron's broke as "(arti-" / "kel 5.3)")
for f in "$P"/out/*/schoolgids.pdf "$P"/out/*/protocol.pdf; do
	pdftotext -raw "$f" -
done > "$TMP/refs"
like "$(cat "$TMP/refs")" "\(artikel [0-9]+\.[0-9]+\)" "the text has references"
unlike "$(cat "$TMP/refs")" "\((artikel|bijlage|arti?k?e?|bij?l?a?g?e?)-?\$" \
    "no line ends inside a reference in parentheses"

done_testing
