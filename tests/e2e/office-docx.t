#!/bin/sh
# protocol.docx and schoolgids.docx of every school of the fixtures: valid
# OOXML (the validator of tests/web); LibreOffice converts each to PDF and
# shows every word of protocol.md / schoolgids.md in order; the numbers of
# protocol.json in front of their headings and articles; the footnotes as
# Word footnotes; every link to a bookmark has its bookmark; Dutch,
# Carlito, Word's style names, the board's colour and logo; PAGE and NUMPAGES in
# the footer; core.xml dated as the PDF; CONCEPT only on drafts; the same
# bytes from two builds; an older adopted version gets its protocol.docx.
. "$(dirname "$0")/lib.sh"

HERE=$TOP/tests/e2e
VALIDATE=$TOP/tests/web/node_modules/.bin/ooxml-validate

# errors FILE: how many errors the OOXML validator reports (999: it failed)
errors() {
	"$VALIDATE" --output-format json "$1" > "$1.v.json" 2>"$1.v.err" ||
	    { echo 999; return; }
	python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' \
	    "$1.v.json" 2>/dev/null || echo 999
}

# validate FILE...: start the validator on each, in the background (it is
# slow); check_one reads FILE.errors after a wait
validate() {
	[ $have_validator -eq 1 ] || return 0
	for v in "$@"; do
		errors "$v" > "$v.errors" &
	done
}

part() { unzip -p "$1" "$2"; }

have_validator=0; [ -x "$VALIDATE" ] && have_validator=1
have_lo=0; command -v soffice >/dev/null && command -v pdftotext >/dev/null && have_lo=1
skip() {	# skip NAME REASON
	_n=$((_n + 1))
	echo "ok $_n # skip $1: $2"
}

# numbers FILE.json: "section N" and "article N.M" lines of protocol.json
numbers() {
	python3 - "$1" <<-'PY'
	import json, sys
	d = json.load(open(sys.argv[1]))
	for s in d["sections"]:
	    if not s["appendix"]:
	        print(s["number"])
	for c in d["clauses"]:
	    if c["kind"] == "article" and c["number"]:
	        print(c["number"])
	PY
}

# check_one DOCX: everything about one .docx (protocol or schoolgids)
check_one() {
	f=$1
	dir=$(dirname "$f")
	base=$(basename "$f" .docx)		# protocol | schoolgids
	name=${f#$TMP/}
	if [ $have_validator -eq 1 ]; then
		[ -s "$f.errors" ] || errors "$f" > "$f.errors"
		is "$(cat "$f.errors")" 0 "$name: the OOXML validator reports 0 errors"
	else
		skip "$name: validator" "tests/web/node_modules missing (tools/deps.sh test)"
	fi
	doc=$(part "$f" word/document.xml)
	sty=$(part "$f" word/styles.xml)
	like "$doc" '<w:lang w:val="nl-NL"/>' "$name: document.xml is Dutch (nl-NL)"
	like "$sty" '<w:lang w:val="nl-NL" w:eastAsia="nl-NL"' "$name: styles.xml: Dutch by default"
	like "$sty" '<w:rFonts w:ascii="Carlito"' "$name: Carlito"
	like "$sty" '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>' \
	    "$name: headings by Word's built-in names"
	like "$sty" '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/>' \
	    "$name: the title in Word's Title style"
	like "$(part "$f" word/settings.xml)" '<w:autoHyphenation/>.*<w:themeFontLang w:val="nl-NL"/>' \
	    "$name: settings: hyphenation, Dutch"
	hdr=$(part "$f" word/header1.xml)
	ftr=$(part "$f" word/footer1.xml)
	like "$ftr" 'w:instr=" PAGE .*pagina|pagina .*w:instr=" PAGE ' "$name: footer: pagina PAGE"
	like "$ftr" 'w:instr=" NUMPAGES ' "$name: footer: van NUMPAGES"
	json=$dir/protocol.json
	school=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["school"]["name"])' "$json" 2>/dev/null)
	version=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["revision"]["version"])' "$json" 2>/dev/null)
	if [ -n "$school" ]; then
		like "$hdr" "$school" "$name: header: the school"
		like "$hdr" "versie $version<" "$name: header: the version"
	fi
	# dates: the PDF's
	pdfdate=$(pdfinfo -isodates "$dir/$base.pdf" 2>/dev/null | awk '/^CreationDate:/ { print $2 }')
	core=$(part "$f" docProps/core.xml)
	like "$core" "<dcterms:created xsi:type=\"dcterms:W3CDTF\">$pdfdate</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">$pdfdate<" \
	    "$name: core.xml dated as the PDF ($pdfdate)"
	like "$core" '<dc:title>[^<]+</dc:title>.*<dc:creator>[^<]+</dc:creator>' "$name: core.xml: title and author"
	# CONCEPT only on drafts (the preview, out/concept/)
	case $f in
	*/concept/*)
		like "$doc" '<w:shd [^>]*w:fill="fff4c2"/>.*>(CONCEPT|TER INSTEMMING)<' "$name: a draft: the banner at the top"
		like "$hdr" '>(CONCEPT|TER INSTEMMING)<' "$name: a draft: the mark in the header" ;;
	*)
		unlike "$doc$hdr" '>(CONCEPT|TER INSTEMMING)<' "$name: adopted: no draft mark" ;;
	esac
	# links to bookmarks; bookmarks by their names
	printf '%s\n' "$doc" | grep -o 'w:anchor="[^"]*"' | sed 's/.*="\(.*\)"/\1/' | sort -u |
	while read -r a; do
		printf '%s\n' "$doc" | grep -q "<w:bookmarkStart w:id=\"[0-9]*\" w:name=\"$a\"/>" || echo "$a"
	done > "$TMP/nobm"
	is "$(cat "$TMP/nobm")" "" "$name: every w:anchor has its bookmark"
	rels=$(part "$f" word/_rels/document.xml.rels)
	printf '%s\n' "$rels" | grep -o 'Target="[^"]*" TargetMode="External"' |
	    grep -Ev 'Target="(https?:|mailto:|tel:)' > "$TMP/badlinks"
	is "$(cat "$TMP/badlinks")" "" "$name: external links only http, https, mailto, tel"
	if [ "$base" = protocol ]; then
		# numbers, in front of their heading or article
		numbers "$json" | while read -r n; do
			printf '%s\n' "$doc" | grep -qF "<w:t xml:space=\"preserve\">$n</w:t><w:tab/>" || echo "$n"
		done > "$TMP/nonum"
		is "$(cat "$TMP/nonum")" "" "$name: every section and article number of protocol.json leads its paragraph"
		nn=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["footnotes"]))' "$json")
		notes=$(part "$f" word/footnotes.xml)
		is "$(printf '%s\n' "$notes" | grep -o '<w:footnote w:id="[1-9][0-9]*"' | wc -l | tr -d ' ')" "$nn" \
		    "$name: footnotes.xml has the $nn footnotes"
		if [ "$nn" -gt 0 ]; then
			like "$doc" '<w:footnoteReference w:id="1"/>' "$name: the text references footnote 1 as Word's"
		fi
	fi
	if [ $have_lo -eq 0 ]; then
		skip "$name: LibreOffice" "soffice or pdftotext missing (tools/deps.sh test)"
		return
	fi
	pdf=$(convert_pdf "$f")
	[ -s "$pdf" ]
	ok $? "$name: LibreOffice converts it to PDF"
	pdftotext "$pdf" "$pdf.txt" 2>/dev/null
	perl "$HERE/docxorder.pl" "$base" "$dir/$base.md" "$pdf.txt" > "$pdf.order"
	ok $? "$name: LibreOffice shows every word of $base.md in order"
	diag < "$pdf.order"
}

# lo_convert FILE...: LibreOffice makes a PDF of each, all in one run (its
# start is slow): copies named by their path, in $TMP/lo
lo_convert() {
	[ $have_lo -eq 1 ] || return 0
	mkdir -p "$TMP/lo/in" "$TMP/lo/out"
	for c in "$@"; do
		cp "$c" "$TMP/lo/in/$(echo "${c#$TMP/}" | tr '/' '_')"
	done
	(cd "$TMP/lo/in" && soffice -env:UserInstallation=file://$TMP/lo/profile \
	    --headless --convert-to pdf --outdir "$TMP/lo/out" *.docx) \
	    > "$TMP/lo/log" 2>&1
	rm -f "$TMP/lo/in"/*.docx
}
# convert_pdf FILE: the PDF lo_convert made of it
convert_pdf() {
	c=$(echo "${1#$TMP/}" | tr '/' '_')
	echo "$TMP/lo/out/${c%.docx}.pdf"
}

# --- the fixture schools, built twice -------------------------------------
for fx in basic look site pdf-long; do
	P=$(fixture $fx)
	run build --root "$P" --templates "$TOP/templates" --out "$TMP/a-$fx" -q
	is "$rc" 0 "$fx: build"
	run build --root "$P" --templates "$TOP/templates" --out "$TMP/b-$fx" -q
	(cd "$TMP/a-$fx" && find . -name '*.docx' | sort) > "$TMP/list"
	[ -s "$TMP/list" ]
	ok $? "$fx: the build writes .docx files ($(wc -l < "$TMP/list" | tr -d ' '))"
	while read -r d; do
		cmp -s "$TMP/a-$fx/$d" "$TMP/b-$fx/$d" || echo "$d"
	done < "$TMP/list" > "$TMP/differ"
	is "$(cat "$TMP/differ")" "" "$fx: two builds give byte-identical .docx files"
	for p in $(cd "$TMP/a-$fx" && find . -name protocol.md | sort); do
		d=$(dirname "$p")
		[ -f "$TMP/a-$fx/$d/protocol.docx" ]
		ok $? "$fx $d: protocol.docx beside protocol.pdf"
	done
	validate $(find "$TMP/a-$fx" -name '*.docx' | sort)
	lo_convert $(find "$TMP/a-$fx" -name '*.docx' | sort)
	wait
	for f in $(find "$TMP/a-$fx" -name '*.docx' | sort); do
		check_one "$f"
	done
done

# the board's site links both beside the PDFs
idx=$(cat "$TMP/a-site/index.html")
like "$idx" '<a href="de-vlinder/protocol.docx">Protocol \(Word\)' "site: the index links protocol.docx"
like "$idx" '<a href="de-vlinder/schoolgids.docx">Tekst voor de schoolgids \(Word\)' \
    "site: the index links schoolgids.docx"

# the board's colour on the headings
sty=$(part "$TMP/a-look/het-palet/protocol.docx" word/styles.xml 2>/dev/null ||
    part "$TMP/a-look/concept/het-palet/protocol.docx" word/styles.xml)
like "$sty" '<w:style w:type="paragraph" w:styleId="Heading1">.*<w:color w:val="7a1f5c"/>' \
    "look: the school's colour (#7a1f5c) on its headings"

# the logo, as in the PDF: its PNG in the package, with its alternative text
r=$TMP/a-look/de-regenboog/protocol.docx
unzip -l "$r" | grep -q ' word/media/logo.png$'
ok $? "look: the logo is in the package (word/media/logo.png)"
like "$(part "$r" word/document.xml)" '<wp:docPr id="1" name="Logo" descr="[^"]+"/>.*<a:blip r:embed="logo1"/>' \
    "look: the logo above the title, with its alternative text"
unzip -l "$TMP/a-basic/de-eik/protocol.docx" | grep -q 'word/media/'
[ $? -ne 0 ]
ok $? "basic: no logo, no image"

# a cross reference: a link to the article's bookmark, which is there
doc=$(part "$TMP/a-basic/concept/de-linde/protocol.docx" word/document.xml)
like "$doc" '<w:hyperlink w:anchor="regels_foto" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/>' \
    "basic: a reference is a link to a bookmark"
like "$doc" '<w:bookmarkStart w:id="[0-9]+" w:name="regels_foto"/>' "basic: the article has that bookmark"

# --- an older adopted version: versie-1.0/protocol.docx --------------------
P=$(fixture revisions)
pg() { c=$1; shift; run "$c" --root "$P" --templates "$TOP/templates" "$@"; }
pg adopt de-linde
linde_1_1 "$P"
export SOURCE_DATE_EPOCH=1775001600	# 2026-04-01: after 1.1's consent and adoption
perl -0pi -e 's/status = "concept"/status = "vastgesteld"/; s/(approvals = \{ )/$1\{ body = "MR", act = "instemming", date = "2026-03-10" \}, \{ body = "directie", act = "vaststelling", date = "2026-03-12" \}, /' \
    "$P/schools/noord/de-linde.lua"
pg adopt de-linde
is "$rc" 0 "revisions: adopt 1.1"
unset SOURCE_DATE_EPOCH
pg build --out "$TMP/pub"
is "$rc" 0 "revisions: build without SOURCE_DATE_EPOCH"
export SOURCE_DATE_EPOCH=1763683200
validate "$TMP/pub/de-linde/protocol.docx" "$TMP/pub/de-linde/versie-1.0/protocol.docx"
lo_convert "$TMP/pub/de-linde/protocol.docx" "$TMP/pub/de-linde/versie-1.0/protocol.docx"
wait
[ -s "$TMP/pub/de-linde/versie-1.0/protocol.docx" ] && [ ! -e "$TMP/pub/de-linde/versie-1.0/schoolgids.docx" ]
ok $? "revisions: versie-1.0/ has protocol.docx (and no schoolgids of its own)"
like "$(cat "$TMP/pub/de-linde/versies.html")" 'href="versie-1\.0/protocol\.docx"' \
    "revisions: the archive page links 1.0's protocol.docx"
like "$(cat "$TMP/pub/de-linde/versies.html")" 'href="protocol\.docx"' \
    "revisions: ... and the protocol.docx in force"
is "$(part "$TMP/pub/de-linde/protocol.docx" docProps/core.xml | grep -o '<dcterms:modified[^<]*' | sed 's/.*>//')" \
    "2026-03-12T00:00:00Z" "revisions: core.xml: the adoption's date, not the clock"
zd=$(python3 -c 'import zipfile,sys; print(sorted(set(i.date_time[:3] for i in zipfile.ZipFile(sys.argv[1]).infolist())))' \
    "$TMP/pub/de-linde/protocol.docx")
is "$zd" "[(2026, 3, 12)]" "revisions: every zip entry dated the adoption"
for f in "$TMP/pub/de-linde/protocol.docx" "$TMP/pub/de-linde/versie-1.0/protocol.docx"; do
	check_one "$f"
done

# pages to look at (WEB_ARTIFACTS keeps them)
if [ -n "${WEB_ARTIFACTS:-}" ] && [ $have_lo -eq 1 ]; then
	mkdir -p "$WEB_ARTIFACTS"
	pdftoppm -r 60 -png -l 2 "$TMP/lo/out/a-basic_concept_de-linde_protocol.pdf" \
	    "$WEB_ARTIFACTS/docx-protocol" 2>/dev/null
fi

done_testing
