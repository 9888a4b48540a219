#!/bin/sh
# Checks on approvals and written-out references, on a small project.
. "$(dirname "$0")/lib.sh"

P="$TMP/p"
mkdir -p "$P/schools/b" "$P/clauses/x" "$P/clauses/outlines"
cp "$TOP/schools/defaults.lua" "$P/schools/"
cat >"$P/schools/b/board.lua" <<'LUA'
board { name = "Stichting Proef", type = "vo", outline = "o" }
LUA
cat >"$P/clauses/outlines/o.outline" <<'OUT'
title: Protocol sociale media
section s: Regels
  x.a
  x.b
OUT
cat >"$P/clauses/x/a.md" <<'MD'
---
id: x.a
title: Een
audience: alle
---
Persoonsgegevens zijn gedefinieerd in artikel 4 AVG en in artikel 4, lid 1,
AVG; de WMS regelt instemming in artikel 10 van de WMS.
MD
cat >"$P/clauses/x/b.md" <<'MD'
---
id: x.b
title: Twee
audience: alle
---
Zie artikel 1.1 van dit protocol.
MD
school() {	# school APPROVALS...: write the school file
	{
		echo 'school { name = "Proefschool", revision = {'
		echo '  version = "1.0", status = "vastgesteld", scope = "board",'
		echo '  approvals = {'
		for a in "$@"; do
			set -- $a
			echo "    { body = \"$1\", act = \"$2\", date = \"$3\" },"
		done
		echo '  } } }'
	} >"$P/schools/b/s.lua"
}
# a vastgesteld revision is checked as adopted (frozen): adopt it first when
# its steps allow, then check
check() {
	rm -rf "$P/schools/b/s/revisions"
	"$PG" adopt -q s --root "$P" --templates "$TOP/templates" >/dev/null 2>&1
	run check --root "$P" --templates "$TOP/templates"
}

school "GMR instemming 2019-10-08" "Ontmoeting bespreking 2019-11-18" \
    "CvB vaststelling 2019-11-26"
check
is "$rc" 0 "a discussion after the consent, before the adoption, is in order"
unlike "$err" "error" "no errors: laws cited by article are not references"

school "GMR advies 2019-10-08" "GMR instemming 2019-09-01" \
    "CvB vaststelling 2019-11-26"
check
is "$rc" 0 "advice after consent: allowed"

school "CvB voorstel 2019-10-09" "GMR instemming 2019-10-08" \
    "CvB vaststelling 2019-11-26"
check
is "$rc" 1 "a proposal after the consent is out of order"
like "$err" "s.lua:[0-9]+: error: instemming by GMR \(2019-10-08\) comes before the voorstel by CvB \(2019-10-09\)" \
    "out of order: message"

school "GMR instemming 2019-10-08" "Ontmoeting bespreking 2019-11-30" \
    "CvB vaststelling 2019-11-26"
check
is "$rc" 1 "a discussion after the adoption is out of order"
like "$err" "error: vaststelling by CvB \(2019-11-26\) comes before the bespreking by Ontmoeting \(2019-11-30\)" \
    "adoption before discussion: message"

sed -i 's/van dit protocol/AVG/' "$P/clauses/x/b.md"
sed -i 's/artikel 4 AVG en/artikel 7 van dit protocol en/' "$P/clauses/x/a.md"
school "GMR instemming 2019-10-08" "CvB vaststelling 2019-11-26"
check
is "$rc" 1 "an article of this protocol that does not exist is an error"
like "$err" "clauses/x/a.md:6: error: 'artikel 7' points nowhere" \
    "the missing article is named"
unlike "$err" "artikel 1.1" "artikel 1.1 exists"

done_testing
