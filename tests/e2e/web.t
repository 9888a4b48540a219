#!/bin/sh
# The web quality bar (WCAG 2.1 AA) on every generated page: the Nu Html
# Checker reports no errors; axe-core in headless Chromium reports no
# violations at 390 and 1280 px; no horizontal scrolling at 390 px; every
# internal link resolves; no scripts, no external resources; A4 print.
# The tools come from tools/deps.sh test (Debian packages, and npm ci in
# tests/web).  WEB_ARTIFACTS=DIR keeps the screenshots and print PDFs.
. "$(dirname "$0")/lib.sh"

WEB=$TOP/tests/web
VNU=$WEB/node_modules/vnu-jar/build/dist/vnu.jar

missing=""
for t in java node chromium pdfinfo pdftotext; do
	command -v "$t" >/dev/null 2>&1 || missing="$missing $t"
done
for m in vnu-jar axe-core playwright-core; do
	[ -d "$WEB/node_modules/$m" ] || missing="$missing npm:$m"
done
is "${missing:-none}" none "web tools installed (tools/deps.sh test)"
if [ -n "$missing" ]; then
	done_testing
	exit 1
fi

P=$(project)
follower_example "$P"	# a follower's schoolgids pages and its index entry
run build --root "$P"
is "$rc" 0 "the project builds"
F=$(fixture site)
run build --root "$F" --templates "$TOP/templates"
is "$rc" 0 "the fixture project builds"
L=$(fixture look)	# a board's own colour and logo (a data: URI image)
run build --root "$L" --templates "$TOP/templates"
is "$rc" 0 "the look fixture builds"

# Redlines (tests/e2e/revisions.t has the rest): 1.0 adopted, then edited.
R=$(fixture revisions)
run adopt de-linde --root "$R" --templates "$TOP/templates"
# (with a rationale for the council: the toelichting, a column and a note)
sed -i 's/version = "1.0", status = "vastgesteld"/version = "1.1", status = "concept", rationale = "Korter en duidelijker geformuleerd; het artikel over privé-accounts vervalt.", clause_rationale = { ["afspraken.respect"] = "Dezelfde afspraak in minder woorden.", ["medewerkers.prive"] = "Dit staat al in de gedragscode van het bestuur." }/' \
    "$R/schools/noord/de-linde.lua"
sed -i 's/op een respectvolle manier/respectvol/' "$R/clauses/afspraken/respect.md"
sed -i '/medewerkers.prive/d' "$R/clauses/outlines/po-test.outline"
run build --root "$R" --templates "$TOP/templates"
is "$rc:$(ls "$R/out/concept/de-linde/diff-1.0-1.1.html" 2>&1)" "0:$R/out/concept/de-linde/diff-1.0-1.1.html" \
    "the revisions fixture builds, with a redline (in the preview of drafts)"
[ -s "$R/out/de-linde/versies.html" ]
ok $? "... and the archive page of its adopted versions"
run diff --collapse de-linde 1.0 --root "$R" --templates "$TOP/templates" --out "$R/out-collapsed"
is "$rc" 0 "a collapsed redline"

# Pages, and each CMS fragment inside a bare page as a CMS would put it.
pages=$(find "$P/out" "$F/out" "$L/out" "$R/out" "$R/out-collapsed" -name '*.html' ! -name '*-fragment.html' | sort)
mkdir -p "$TMP/frag"
i=0
for f in $(find "$P/out" "$F/out" -name '*-fragment.html' | sort); do
	i=$((i + 1))
	w="$TMP/frag/$i-$(basename "$(dirname "$f")")-fragment-in-page.html"
	{
		printf '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
		printf '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
		printf '<title>Schoolgids</title>\n</head>\n<body>\n<main>\n<h1>Schoolgids</h1>\n'
		cat "$f"
		printf '</main>\n</body>\n</html>\n'
	} >"$w"
	pages="$pages $w"
done
n=$(echo $pages | wc -w)
[ "$n" -ge 14 ]
ok $? "pages to check: $n"

# The Nu Html Checker, one JVM for every page.
java -jar "$VNU" --errors-only --format gnu $pages >"$TMP/vnu.txt" 2>&1
vnu_rc=$?
for p in $pages; do
	errs=$(grep -F "$p\"" "$TMP/vnu.txt")
	is "$errs" "" "vnu: 0 errors in ${p#$TMP/}"
done
# anything it said about no page in particular (a crash, a bad option)
other=$(grep -v -F "$TMP/" "$TMP/vnu.txt")
is "$vnu_rc:$other" "0:" "vnu ran cleanly"

# axe-core, layout, links and print in Chromium: once with the machine's
# fonts, once with only DejaVu (Debian's fonts-dejavu-core, wider than our
# Carlito and many a machine's only font), so nothing depends on the host.
art=${WEB_ARTIFACTS:-$TMP/artifacts}
mkdir -p "$art/print" "$TMP/fc-cache"
# check_web LABEL [print]: check.js on every page; its lines as tests
check_web() {
	(cd "$TMP" && node "$WEB/check.js" ${2:+--print "$art/print"} \
	    ${WEB_ARTIFACTS:+--shots "$art/$1"} $pages) >"$TMP/web.txt" 2>&1
	web_rc=$?
	while IFS= read -r line; do
		case $line in
		"PASS "*) ok 0 "$1: ${line#PASS }" ;;
		"FAIL "*) ok 1 "$1: ${line#FAIL }" ;;
		*) echo "# $line" ;;
		esac
	done <"$TMP/web.txt"
	is "$web_rc" "$(grep -q '^FAIL ' "$TMP/web.txt" && echo 1 || echo 0)" \
	    "$1: check.js ran to the end"
	[ "$(grep -c '^PASS \|^FAIL ' "$TMP/web.txt")" -ge $((n * 6)) ]
	ok $? "$1: check.js checked every page"
}
check_web machine-fonts print
dejavu=/usr/share/fonts/truetype/dejavu
[ -f "$dejavu/DejaVuSans.ttf" ]
ok $? "fonts-dejavu-core installed (tools/deps.sh test)"
cat >"$TMP/fonts.conf" <<EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>$dejavu</dir>
  <cachedir>$TMP/fc-cache</cachedir>
</fontconfig>
EOF
fams=$(FONTCONFIG_FILE=$TMP/fonts.conf fc-list : family 2>&1)
like "$fams" "DejaVu Sans" "the DejaVu-only configuration has DejaVu Sans"
unlike "$fams" "Carlito" "... and no Carlito"
FONTCONFIG_FILE=$TMP/fonts.conf
export FONTCONFIG_FILE
check_web dejavu-only
unset FONTCONFIG_FILE

# Print: A4 pages with the page's text on them.
for pdf in "$art"/print/*.pdf; do
	[ -e "$pdf" ] || { ok 1 "print: PDFs written"; break; }
	size=$(pdfinfo "$pdf" | sed -n 's/^Page size: *//p')
	like "$size" "^59[45]\.[0-9]+ x 84[12]\.[0-9]+ pts \(A4\)$" "print: $(basename "$pdf") is A4"
	words=$(pdftotext "$pdf" - | wc -w)
	[ "$words" -ge 20 ]
	ok $? "print: $(basename "$pdf") has its text ($words words)"
done

done_testing
