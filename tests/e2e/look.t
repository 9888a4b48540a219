#!/bin/sh
# The board's own look (docs/FORMATS.md): colour and logo from board.lua,
# overridden per school, in the HTML and PDF protocol and schoolgids; the
# logo checked as a PNG, embedded with its alt text, a Figure with /Alt in
# the PDF, and an input of the school's make rule.  The fixture
# tests/fixtures/look has a board (#0b5394, logo.png) and a school of its
# own look (#7a1f5c, palet.png), logos made by tests/e2e/pngmake.py.
. "$(dirname "$0")/lib.sh"

MK="$TOP/tests/e2e/pngmake.py"
F=$(fixture look)
K=$F/schools/kleur
python3 "$MK" "$TMP/logo.png" 240 80 0b5394 && python3 "$MK" "$TMP/palet.png" 160 80 7a1f5c
cmp -s "$TMP/logo.png" "$K/logo.png"
ok $? "the fixture's logo.png is pngmake.py's output"
cmp -s "$TMP/palet.png" "$K/palet.png"
ok $? "the fixture's palet.png is pngmake.py's output"

O=$TMP/out
run build --root "$F" --templates "$TOP/templates" --out "$O" --deps
is "$rc" 0 "the look fixture builds"
unlike "$err" '\.png: warning' "a logo a config names is read, not reported as a stray file"
R=$O/de-regenboog
P=$O/concept/het-palet

# --- HTML ---------------------------------------------------------------
for f in "$R/protocol.html" "$R/schoolgids.html"; do
	h=$(cat "$f")
	like "$h" '<style>:root \{ --accent: #0b5394; \}</style></head>' \
	    "$(basename "$f"): the board's colour as --accent, after the template's styles"
	like "$h" '<img class="doc-logo" src="data:image/png;base64,[A-Za-z0-9+/=]+" alt="Logo van Stichting Kleurrijk" width="240" height="80">' \
	    "$(basename "$f"): the board's logo as a data: URI with alt text and its size"
	printf '%s' "$h" | grep -o 'base64,[^"]*' | head -1 | cut -c8- | base64 -d > "$TMP/got.png"
	cmp -s "$TMP/got.png" "$K/logo.png"
	ok $? "$(basename "$f"): the embedded logo is the file's bytes"
done
h=$(cat "$P/protocol.html")
like "$h" '--accent: #7a1f5c;' "school override: its own colour"
like "$h" 'alt="Logo van cbs Het Palet: een paars palet" width="160" height="80"' \
    "school override: its own logo and logo_alt"
unlike "$h" '#0b5394' "school override: nothing of the board's colour"
fr=$(cat "$R/schoolgids-fragment.html")
unlike "$fr" '<img|<style|--accent' "the fragment takes the host's look: no logo, no style"
unlike "$(cat "$O/index.html")" 'data:image' "the index has no logo"

# --- PDF ----------------------------------------------------------------
for f in "$R/protocol.pdf" "$R/schoolgids.pdf" "$P/protocol.pdf"; do
	n=$(basename "$(dirname "$f")")/$(basename "$f")
	s=$(pdfinfo -struct "$f" 2>/dev/null | sed -n 2p)
	is "$s" "  Figure" "$n: the logo is the first element, a Figure"
	q=$(qpdf --qdf --object-streams=disable "$f" - 2>/dev/null | tr -d '\r')
	alt=$(printf '%s\n' "$q" | grep -a -B8 '/S /Figure' | sed -n 's/^ *\/Alt <feff\([0-9a-f]*\)>$/\1/p' |
	    python3 -c 'import sys; print(bytes.fromhex(sys.stdin.read().strip()).decode("utf-16-be"))')
	case $n in
	het-palet/*) want="Logo van cbs Het Palet: een paars palet"; rgb="0.478431 0.121569 0.360784" ;;
	*) want="Logo van Stichting Kleurrijk"; rgb="0.0431373 0.32549 0.580392" ;;
	esac
	is "$alt" "$want" "$n: the Figure's /Alt"
	c=$(printf '%s\n' "$q" | grep -ac "^$rgb rg BT")
	[ "$c" -ge 3 ]
	ok $? "$n: headings in the accent colour ($c text runs in $rgb)"
	o=$(perl "$TOP/tests/e2e/pdfua.pl" "$f" 2>&1)
	ok $? "$n: pdfua.pl passes (7.3-1: Figure with /Alt)"
	[ $? -eq 0 ] || printf '%s\n' "$o" | grep -v '^ok' | diag
done
# the logo's square, drawn at the top left of the type area, in its colour
pdftoppm -r 72 -f 1 -l 1 -png "$R/protocol.pdf" "$TMP/p"
px=$(python3 - "$TMP"/p-1.png <<'PY'
import sys, zlib, struct
d = open(sys.argv[1], "rb").read()
w, h, depth, ctype = struct.unpack(">IIBB", d[16:26])
at, idat = 8, b""
while at < len(d):
    n, = struct.unpack(">I", d[at:at + 4]); k = d[at + 4:at + 8]
    if k == b"IDAT": idat += d[at + 8:at + 8 + n]
    at += 12 + n
raw = zlib.decompress(idat); bpp = {2: 3, 6: 4}[ctype]; stride = w * bpp
rows, prev = [], bytearray(stride)
for y in range(h):
    f = raw[y * (stride + 1)]; line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0; b = prev[i]; c = prev[i - bpp] if i >= bpp else 0
        p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
        line[i] = (line[i] + [0, a, b, (a + b) // 2, a if pa <= pb and pa <= pc else b if pb <= pc else c][f]) & 255
    rows.append(line); prev = line
x, y = 74, 86
print("%02x%02x%02x" % tuple(rows[y][x * bpp:x * bpp + 3]))
PY
)
is "$px" 0b5394 "PDF page 1: the logo is drawn, in its colour, at the top of the type area"

# --- reproducible, make dependencies --------------------------------------
run build --root "$F" --templates "$TOP/templates" --out "$TMP/again"
diff -r -x .deps "$O" "$TMP/again" >/dev/null
ok $? "two builds are byte-identical"
grep -q "schools/kleur/logo.png" "$O/.deps/de-regenboog.d"
ok $? "--deps: the board's logo is an input of its school"
grep -q "schools/kleur/palet.png" "$O/.deps/het-palet.d" &&
    ! grep -q "schools/kleur/logo.png" "$O/.deps/het-palet.d"
ok $? "--deps: a school's own logo replaces the board's"

# --- refused -------------------------------------------------------------
G=$(fixture look)
mkdir -p "$TMP/elsewhere" && cp "$K/logo.png" "$TMP/elsewhere/x.png"
ln -s "$TMP/elsewhere/x.png" "$G/schools/kleur/link.png"
sed -i 's/logo = "logo.png"/logo = "link.png"/' "$G/schools/kleur/board.lua"
run build --root "$G" --templates "$TOP/templates" --out "$TMP/o2"
is "$rc" 1 "a symbolic link out of the config's folder: refused"
like "$err" "schools/kleur/board.lua:10: error: logo 'link.png' leads out of the config's folder" \
    "... at its line, saying so"
G=$(fixture look)
sed -i 's/colour = "#7a1f5c"/colour = "#e0a0c0"/' "$G/schools/kleur/het-palet.lua"
run build --root "$G" --templates "$TOP/templates" --out "$TMP/o3"
is "$rc" 1 "a school's own colour is checked too"
like "$err" "schools/kleur/het-palet.lua:4: error: colour '#e0a0c0' has a contrast of [0-9.]+:1 against white" \
    "... at the school's line, with the ratio"
G=$(fixture look)
python3 "$MK" "$G/schools/kleur/logo.png" 2001 40 0b5394
run build --root "$G" --templates "$TOP/templates" --out "$TMP/o4"
like "$err" "board.lua:10: error: logo 'logo.png' is 2001 by 40 pixels: at most 2000 by 2000" \
    "a logo wider than 2000 px: refused"
is "$(printf '%s\n' "$err" | grep -c 'error: logo')" 1 "a board's bad logo is reported once, not per school"

# --- redlines: drawn in the school's current look ------------------------
G=$(fixture look)
# a draft 1.1 of De Regenboog: its preview has the redline from 1.0
sed -i -e 's/version = "1.0", status = "vastgesteld"/version = "1.1", status = "concept"/' \
    -e '/approvals = {/,/^    },/d' "$G/schools/kleur/de-regenboog.lua"
sed -i 's/ieder jaar/elk schooljaar/' "$G/schools/kleur/de-regenboog.lua"
run build --root "$G" --templates "$TOP/templates" --out "$TMP/o6"
is "$rc" 0 "a draft 1.1 of the look fixture builds"
[ $rc -eq 0 ] || diag "$err"
D=$TMP/o6/concept/de-regenboog/diff-1.0-1.1
h=$(cat "$D.html" 2>/dev/null)
like "$h" '<style>:root \{ --accent: #0b5394; \}</style></head>' \
    "redline HTML: the board's colour as --accent"
like "$h" '<header class="doc-header"><img class="doc-logo" src="data:image/png;base64,[A-Za-z0-9+/=]+" alt="Logo van Stichting Kleurrijk"' \
    "redline HTML: the board's logo first in the header, with its alt text"
s=$(pdfinfo -struct "$D.pdf" 2>/dev/null | sed -n 2p)
is "$s" "  Figure" "redline PDF: the logo is the first element, a Figure"
q=$(qpdf --qdf --object-streams=disable "$D.pdf" - 2>/dev/null | tr -d '\r')
c=$(printf '%s\n' "$q" | grep -ac "^0.0431373 0.32549 0.580392 rg BT")
[ "$c" -ge 3 ]
ok $? "redline PDF: headings in the board's colour ($c text runs)"
o=$(perl "$TOP/tests/e2e/pdfua.pl" "$D.pdf" 2>&1)
ok $? "redline PDF: pdfua.pl passes with the logo"
[ $? -eq 0 ] || printf '%s\n' "$o" | grep -v '^ok' | diag
w=$(unzip -p "$D.docx" word/document.xml 2>/dev/null)
like "$w" '<w:body><w:p><w:r><w:drawing><wp:inline>.*<wp:docPr id="1" name="Logo" descr="Logo van Stichting Kleurrijk"' \
    "redline Word: the board's logo first, with its alt text"
like "$(unzip -p "$D.docx" word/_rels/document.xml.rels 2>/dev/null)" 'Id="logo1" Type="[^"]*/image" Target="media/logo.png"' \
    "redline Word: the logo's picture is a part of the package"
unzip -p "$D.docx" word/media/logo.png 2>/dev/null | cmp -s - "$G/schools/kleur/logo.png"
ok $? "redline Word: ... the board's own PNG"
like "$(unzip -p "$D.docx" word/styles.xml 2>/dev/null)" '<w:color w:val="0b5394"/>' \
    "redline Word: headings in the board's colour"
V=$TOP/tests/web/node_modules/.bin/ooxml-validate
if [ -x "$V" ]; then
	"$V" --output-format json "$D.docx" >"$TMP/v.json" 2>/dev/null
	is "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$TMP/v.json" 2>/dev/null)" 0 \
	    "redline Word: the OOXML validator reports 0 errors with the logo"
else
	_n=$((_n + 1))
	echo "ok $_n # skip the OOXML validator is not installed (tools/deps.sh test)"
fi
run diff --root "$G" --templates "$TOP/templates" --out "$TMP/o7" de-regenboog 1.0
is "$rc" 0 "protocolgen diff of the draft"
cmp -s "$TMP/o7/concept/de-regenboog/diff-1.0-1.1.html" "$D.html"
ok $? "protocolgen diff writes the same redline as build, look and all"

# --- a logo is read; any other file there is reported ----------------------
G=$(fixture look)
cp "$K/logo.png" "$G/schools/kleur/oud-logo.png"
mkdir "$G/schools/kleur/beeld" && mv "$G/schools/kleur/logo.png" "$G/schools/kleur/beeld/logo.png"
sed -i 's/logo = "logo.png"/logo = "beeld\/logo.png"/' "$G/schools/kleur/board.lua"
run build --root "$G" --templates "$TOP/templates" --out "$TMP/o8"
is "$rc" 0 "a logo in a folder below the board's config"
like "$err" "schools/kleur/oud-logo.png: warning: not read: a board folder holds" \
    "a PNG no config names: reported as not read"
unlike "$err" "beeld" "the logo's folder is no 'folder of no school'"

# --- no look: the default --------------------------------------------------
B=$(fixture basic)
run build --root "$B" --templates "$TOP/templates" --out "$TMP/o5"
unlike "$(cat "$TMP/o5/de-eik/protocol.html")" '<img|<style>:root' "a board without a look: no logo, the template's colour"

done_testing
