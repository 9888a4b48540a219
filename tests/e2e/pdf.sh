# What every PDF of protocolgen must be, shared by pdf.t and redline-pdf.t
# (sourced after lib.sh): valid, Carlito only, embedded and subset, tagged
# and well-structured, in Dutch, every link and bookmark resolving, nothing
# outside the type area.
HERE=$(cd "$(dirname "$0")" && pwd)

# the type area of generator/render/pdf/pdf.h, header and footer included
AREA='70.87 524.406 30 811.89'

pages_of() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }

# pdf_common FILE NAME TAG...: the checks above; TAG... the structure
# elements the file must have.  Leaves pdfinfo's output in $info and
# pdffacts.pl's in $facts for the caller's own checks.
pdf_common() {
	_f=$1 _name=$2
	shift 2
	[ -s "$_f" ]
	ok $? "$_name: the PDF is written"
	_out=$(qpdf --check "$_f" 2>&1)
	is "$?" 0 "$_name: qpdf --check exits 0"
	unlike "$_out" "WARNING|[Ee]rror:" "$_name: qpdf --check finds nothing"
	_out=$(pdffonts "$_f" | tail -n +3)
	like "$_out" "Carlito" "$_name: Carlito is used"
	is "$(printf '%s\n' "$_out" | awk '$(NF-4) != "yes"' | wc -l)" 0 \
	    "$_name: every font embedded"
	is "$(printf '%s\n' "$_out" | awk '$(NF-3) != "yes"' | wc -l)" 0 \
	    "$_name: every font subset"
	unlike "$_out" "^[A-Z]{6}\+([^C]|C[^a])" "$_name: no font but Carlito"
	info=$(pdfinfo "$_f")
	like "$info" "Tagged: +yes" "$_name: pdfinfo says Tagged: yes"
	like "$info" "Author: +." "$_name: an author"
	facts=$(perl "$HERE/pdffacts.pl" "$_f")
	like "$facts" "^lang nl-NL$" "$_name: /Lang (nl-NL) in the catalogue"
	like "$facts" "^marked true$" "$_name: MarkInfo says marked"
	like "$facts" "^links-broken 0$" "$_name: every internal link resolves"
	like "$facts" "^bookmarks-broken 0$" "$_name: every bookmark resolves"
	like "$facts" "^dests-broken 0$" "$_name: every destination is on a page"
	_out=$(pdfinfo -struct "$_f" 2>&1)
	unlike "$_out" "Syntax (Error|Warning)" "$_name: a well-formed structure tree"
	_bad=""
	for _t in "$@"; do
		printf '%s\n' "$_out" | grep -Eq "^ *$_t( |:|\$)" || _bad="$_bad $_t"
	done
	is "$_bad" "" "$_name: structure has $*"
	_out=$(pdftotext -bbox "$_f" - | perl "$HERE/pdfbbox.pl" $AREA)
	is "$?" 0 "$_name: no glyph outside the type area"
	[ -z "$_out" ] || printf '%s\n' "$_out" | head -5 | diag
}
