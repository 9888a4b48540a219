#!/bin/sh
# follows = "ID": a school that follows its board's board-wide protocol
# publishes only its schoolgids section, made from that protocol's text in
# force with its own name and channels; the index links the board's protocol.
. "$(dirname "$0")/lib.sh"

P=$(project)
O=$TMP/out
follower_example "$P"

run build --root "$P" --templates "$TOP/templates" --out "$O" --deps
is "$rc" 0 "a project with a follower builds"
F=$O/het-lindecollege
for f in schoolgids.html schoolgids-fragment.html schoolgids.md schoolgids.pdf; do
	[ -s "$F/$f" ]
	ok $? "follower: $f written"
done
n=$(ls "$F" | grep -Ev '^schoolgids' | wc -l)
is "$n" 0 "follower: no protocol, archive or versie-X/ of its own"
[ ! -e "$O/concept/het-lindecollege" ]
ok $? "follower: nothing in the preview while its board's protocol is adopted"

md=$(cat "$F/schoolgids.md")
like "$md" "Het Lindecollege volgt het protocol sociale media van Quadraam" \
    "schoolgids: says whose protocol it follows"
like "$md" "Website \(\[www\.lindecollege\.example\]\(https://www\.lindecollege\.example/\)\)" \
    "schoolgids: the follower's own website channel"
like "$md" "^  - Instagram$" "schoolgids: the follower's own Instagram"
like "$md" "^    Quadraam passende maatregelen\. \(artikel.{1,2}4\.6\)" \
    "schoolgids: the board protocol's text, as adopted"
like "$md" "versie 1\.0, vastgesteld op 26 november 2019" \
    "schoolgids: the version in force of the board's protocol"
html=$(cat "$F/schoolgids.html")
like "$html" '<a href="\.\./quadraam/protocol\.html">Lees het volledige protocol</a>' \
    "schoolgids page: links the board's protocol"
like "$html" 'Het Lindecollege' "schoolgids page: under the follower's name"
cmp -s "$O/quadraam/schoolgids.md" "$F/schoolgids.md"
[ $? -ne 0 ]
ok $? "the follower's section is not the board's copy"

idx=$(tr '\n' ' ' < "$O/index.html")
like "$idx" '<h3 id="het-lindecollege-naam">Het Lindecollege</h3><dl class="site-facts"><dt>Protocol</dt><dd><a href="quadraam/protocol.html">volgt het protocol van Quadraam</a>' \
    "index: the follower links the board's protocol"
like "$idx" '<a href="het-lindecollege/schoolgids.html">' "index: the follower's schoolgids page"
like "$idx" '<a href="het-lindecollege/schoolgids.pdf">' "index: the follower's schoolgids PDF"
unlike "$idx" 'het-lindecollege/(protocol|versies)' "index: no protocol of the follower's own"

dep=$(cat "$O/.deps/het-lindecollege.d")
like "$dep" 'schools/quadraam/quadraam\.lua' "deps: the follower's rule names its leader's config"
like "$dep" 'schools/quadraam/quadraam/revisions/1\.0\.md' "deps: and its leader's frozen revisions"

# make: a follower is rebuilt with its leader (a revision adopted since, an
# edit of the leader's config), and alone when only its own file changes
RO=$TMP/inc
render() {
	make --no-print-directory -f "$TOP/tools/render.mk" PROTOCOLGEN="$PG" \
	    ROOT="$P" OUT="$RO" RENDER_FLAGS="-v -q" >"$TMP/make.out" 2>&1
	rc=$?
	built=$(sed -n 's/^built //p' "$TMP/make.out" | sort | tr '\n' ' ')
}
cp -r "$TOP/templates" "$P/templates"
render
is "$rc" 0 "make: first build"
render
is "$built" "" "make: nothing changed, nothing built"
sleep 0.02
touch "$P/schools/quadraam/quadraam/revisions/1.0.md"
render
is "$built" "het-lindecollege quadraam " "make: the leader's frozen revision rebuilds its follower"
sleep 0.02
echo "-- edited" >> "$P/schools/quadraam/quadraam.lua"
render
is "$built" "het-lindecollege quadraam " "make: the leader's config rebuilds its follower"
sleep 0.02
echo "-- edited" >> "$P/schools/quadraam/het-lindecollege.lua"
render
is "$built" "het-lindecollege " "make: the follower's own file rebuilds only it"
rm -r "$P/templates"

run check --root "$P" --templates "$TOP/templates" het-lindecollege
is "$rc" 0 "check of a follower passes"
like "$err" "het-lindecollege\.lua:3: note: school 'het-lindecollege' follows the protocol of 'quadraam'" \
    "check: says whom it follows"
run adopt --root "$P" --templates "$TOP/templates" het-lindecollege
is "$rc" 1 "adopt of a follower is refused"
like "$err" "het-lindecollege\.lua:3: error: school 'het-lindecollege' follows the protocol of 'quadraam' and has no revisions of its own: adopt the board's protocol instead \(protocolgen adopt quadraam\)" \
    "adopt: points to the board's protocol"
[ ! -d "$P/schools/quadraam/het-lindecollege" ]
ok $? "adopt: froze nothing"
run diff --root "$P" --templates "$TOP/templates" --out "$O" het-lindecollege 1.0
is "$rc" 1 "diff of a follower is refused"
like "$err" "and has no revisions of its own: compare the board's protocol instead \(protocolgen diff quadraam\)" \
    "diff: points to the board's protocol"

# the board drafts 1.1: 1.0 stays in force for the follower; the draft is previewed
perl -0pi -e 's/version = "1\.0", status = "vastgesteld"/version = "1.1", status = "concept", replaces = "1.0"/; s/approvals = \{.*?\n    \},\n//s' \
    "$P/schools/quadraam/quadraam.lua"
run build --root "$P" --templates "$TOP/templates" --out "$O"
is "$rc" 0 "builds while the board's protocol is drafted"
like "$(cat "$F/schoolgids.md")" "versie 1\.0, vastgesteld op 26 november 2019" \
    "drafting: the published section is still the version in force"
C=$O/concept/het-lindecollege
like "$(cat "$C/schoolgids.md" 2>/dev/null)" "versie 1\.1 \(concept\)" \
    "drafting: the preview's section is the draft, marked"
like "$(cat "$C/schoolgids.md" 2>/dev/null)" "^  - Instagram$" \
    "drafting: the preview has the follower's channels"

# nothing adopted: the follower is in voorbereiding, its section only previewed
rm -r "$P/schools/quadraam/quadraam/revisions"
run build --root "$P" --templates "$TOP/templates" --out "$O"
is "$rc" 0 "builds with nothing adopted"
[ ! -e "$F/schoolgids.html" ]
ok $? "nothing adopted: no published section"
[ -s "$C/schoolgids.html" ]
ok $? "nothing adopted: the section is in the preview"
idx=$(tr '\n' ' ' < "$O/index.html")
like "$idx" '<h3 id="het-lindecollege-naam">Het Lindecollege</h3><dl class="site-facts"><dt>Protocol</dt><dd>volgt het protocol van Quadraam</dd><dt>Status</dt><dd>in voorbereiding</dd>' \
    "index: the follower is in voorbereiding, with no link"

done_testing
