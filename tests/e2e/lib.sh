# TAP helpers for the end-to-end tests (sourced by tests/e2e/*.t).
# PROTOCOLGEN is the binary under test (make check sets it).
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
PG=${PROTOCOLGEN:-$TOP/bin/protocolgen}
TMP=$(mktemp -d /tmp/protocolgen-e2e.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1763683200}	# 2025-11-21
_n=0
_failed=0

diag() {	# diag < TEXT: a failure's details, on stderr (prove shows them)
	sed 's/^/#   /' >&2
}

ok() {	# ok CONDITION-STATUS NAME
	_n=$((_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $_n - $2"
	else
		echo "not ok $_n - $2"
		_failed=$((_failed + 1))
	fi
}

is() {	# is GOT WANT NAME
	_n=$((_n + 1))
	if [ "$1" = "$2" ]; then
		echo "ok $_n - $3"
	else
		echo "not ok $_n - $3"
		printf 'got:  %s\nwant: %s\n' "$1" "$2" | sed '3,$s/^/      /' | diag
		_failed=$((_failed + 1))
	fi
}

like() {	# like TEXT PATTERN NAME (grep -E)
	_n=$((_n + 1))
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		echo "ok $_n - $3"
	else
		echo "not ok $_n - $3"
		{ printf '%s\n' "$1" | head -20; echo "does not match: $2"; } | diag
		_failed=$((_failed + 1))
	fi
}

unlike() {	# unlike TEXT PATTERN NAME
	_n=$((_n + 1))
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		echo "not ok $_n - $3"
		printf '%s\n' "$1" | grep -E -- "$2" | head -5 | diag
		_failed=$((_failed + 1))
	else
		echo "ok $_n - $3"
	fi
}

# text_dir OUT ID: where a build into OUT put the current text of school ID:
# OUT/ID when it is adopted (the version in force), else the preview of
# drafts, OUT/concept/ID
text_dir() {
	if [ -e "$1/$2/protocol.md" ] && [ ! -e "$1/concept/$2/protocol.md" ]; then
		echo "$1/$2"
	else
		echo "$1/concept/$2"
	fi
}

# A copy of a fixture project (tests/fixtures/NAME) in $TMP/NAME, with the
# project's templates; prints its path.
fixture() {
	rm -rf "$TMP/$1"
	cp -r "$TOP/tests/fixtures/$1" "$TMP/$1"
	echo "$TMP/$1"
}

# A copy of the real project's schools/ and clauses/ in $TMP/project.
project() {
	rm -rf "$TMP/project"
	mkdir -p "$TMP/project"
	cp -r "$TOP/schools" "$TOP/clauses" "$TMP/project/"
	echo "$TMP/project"
}

# follower_example ROOT: a fictional Quadraam school (.example addresses)
# that follows Quadraam's board-wide protocol with its own channels only
# (follows.t, web.t)
follower_example() {
	cat > "$1/schools/quadraam/het-lindecollege.lua" <<-'LUA'
	-- test example (not a seed): follows Quadraam's board-wide protocol
	school {
	  follows = "quadraam",
	  name = "Het Lindecollege",
	  website = "https://www.lindecollege.example/",
	  channels = {
	    { kind = "website", url = "https://www.lindecollege.example/" },
	    { kind = "instagram" },
	  },
	}
	LUA
}

# The revisions fixture's version 1.1 of de-linde (project $1), shared by
# revisions.t and redline-pdf.t: a concept that adds Instagram, widens the
# photo clause, adds afspraken.pesten, swaps telefoon and klachten and drops
# medewerkers.prive.
linde_1_1() {
	cat > "$1/schools/noord/de-linde.lua" <<-'LUA'
	school {
	  name = "basisschool De Linde", short = "De Linde", place = "Groningen",
	  website = "https://www.delinde.nl/",
	  channels = {
	    { kind = "website", url = "https://www.delinde.nl/" },
	    { kind = "facebook", url = "https://facebook.com/delinde" },
	    { kind = "instagram", url = "https://instagram.com/delinde" },
	  },
	  revision = {
	    version = "1.1", status = "concept", replaces = "1.0",
	    approvals = { { body = "directie", act = "voorstel", date = "2026-03-02" } },
	  },
	}
	LUA
	sed -i 's/^Foto’s en video’s van/Foto’s, video’s en geluidsopnamen van/' \
	    "$1/clauses/afspraken/fotos.md"
	cat > "$1/clauses/outlines/po-test.outline" <<-'OUT'
	title: Protocol sociale media
	level: po
	
	section inleiding: Inleiding
	  inleiding.begrip
	section afspraken: Afspraken
	  afspraken.respect
	  afspraken.pesten
	  afspraken.fotos
	  afspraken.klachten
	  afspraken.telefoon
	section medewerkers: Medewerkers
	  medewerkers.contact
	OUT
}

# as_drafts ROOT: every school of ROOT a concept with no approval steps and
# no frozen revisions, for tests that edit clauses freely (an adopted text
# never changes, so editing one is an error; see lifecycle.t for that)
as_drafts() {
	rm -rf "$1"/schools/*/*/revisions
	rmdir "$1"/schools/*/*/ 2>/dev/null	# the school folders, now empty
	for f in "$1"/schools/*/*.lua; do
		perl -0pi -e '
		    s/\s*approvals\s*=\s*(\{(?:[^{}]++|(?1))*\}),?//;
		    s/^((?:(?!--)[^\n])*?)\bstatus\s*=\s*"[a-z-]+"/$1status = "concept"/m' "$f"
	done
}

# Run protocolgen; stdout in $out, stderr in $err, status in $rc.
run() {
	out=$("$PG" "$@" 2>"$TMP/.err")
	rc=$?
	err=$(cat "$TMP/.err")
}

done_testing() {
	echo "1..$_n"
	[ "$_failed" -eq 0 ]
}
