#!/bin/sh
# docs/handleiding.md: every example in the Dutch guide runs, in its order, on
# a copy of the project, and does what the text around it says.
. "$(dirname "$0")/lib.sh"

P=$(project)
cd "$P" || exit 1
mkdir -p bin docs
# a wrapper, not a link: $PG may be a script that finds files beside itself
# (tests/valgrind.sh under make valgrind)
printf '#!/bin/sh\nexec "%s" "$@"\n' "$PG" >bin/protocolgen
chmod +x bin/protocolgen
cp "$TOP/docs/handleiding.md" docs/

# the ```sh blocks, one command a line
awk '/^```sh$/ { on = 1; next } /^```$/ { on = 0 } on' \
    "$TOP/docs/handleiding.md" >"$TMP/examples"
is "$(grep -c . "$TMP/examples")" "$(awk '/^```sh$/{on=1;next} /^```$/{on=0} on && /./' \
    "$TOP/docs/handleiding.md" | wc -l)" "the guide's examples are read"
[ "$(grep -c . "$TMP/examples")" -ge 15 ]
ok $? "... all of them (at least 15)"
while IFS= read -r line; do
	[ -n "$line" ] || continue
	sh -c "$line" >"$TMP/ex.out" 2>"$TMP/ex.err"
	rc=$?
	is "$rc" 0 "example runs: $line"
	[ "$rc" -eq 0 ] || diag <"$TMP/ex.err"
done <"$TMP/examples"

# what the text says happened
[ -f schools/noorderlicht/board.lua ] && [ -f schools/noorderlicht/de-poolster.lua ]
ok $? "new board and new school wrote their files"
[ -f schools/noorderlicht/de-poolster/revisions/1.0.md ]
ok $? "adopt froze version 1.0"
[ -f out/de-poolster/protocol.pdf ] && [ -f out/de-poolster/schoolgids.html ]
ok $? "the version in force is in out/de-poolster/"
grep -q "Basisschool De Poolster" out/index.html
ok $? "... and in out/index.html"
grep -q "1.1" out/concept/de-poolster/protocol.md
ok $? "the new version 1.1 is in the preview"
! grep -q "Instagram" out/de-poolster/protocol.md
ok $? "... while the text in force (1.0) stays without it"
[ -f out/concept/de-poolster/diff-1.0-1.1.html ] && \
    [ -f out/concept/de-poolster/diff-1.0-1.1.pdf ]
ok $? "the redline for the MR is where the guide says"
grep -q "Instagram is erbij gekomen" out/concept/de-poolster/diff-1.0-1.1.html
ok $? "... with the reason for the change"
! grep -rq "nog in te vullen" out/de-poolster/
ok $? "nothing still to be filled reached the published text"
# the files the guide names for the web editor exist
for f in protocol.html protocol.pdf schoolgids.html schoolgids.pdf; do
	[ -f "out/de-poolster/$f" ]
	ok $? "the guide's published file out/de-poolster/$f exists"
done

# the guide itself is published beside the index
[ -f out/handleiding.html ]
ok $? "build renders the guide as out/handleiding.html"
grep -q "<h1>Handleiding protocolgen</h1>" out/handleiding.html
ok $? "... with its title"
grep -q '<title>Handleiding protocolgen</title>' out/handleiding.html
ok $? "... as the page title"
grep -q 'href="index.html"' out/handleiding.html
ok $? "... and a link back to the index"
! grep -qi "<script" out/handleiding.html
ok $? "... and no script"
cp out/handleiding.html "$TMP/guide1"
"$PG" build >/dev/null 2>&1
cmp -s out/handleiding.html "$TMP/guide1"
ok $? "... the same bytes on the next build"

done_testing
