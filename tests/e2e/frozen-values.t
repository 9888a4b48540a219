#!/bin/sh
# An adopted version says what its frozen text says: the lessons of the
# version in force (protocol.json, the schoolgids table) come from the
# "lesson:" lines of its frozen file, never from the config's lessons of
# today, which belong to the next draft.
. "$(dirname "$0")/lib.sh"

P=$(fixture basic)
pg() { c=$1; shift; run "$c" --root "$P" --templates "$TOP/templates" "$@"; }
school=$P/schools/vb/de-eik.lua
lessons() {	# lessons FILE: "programme name by groups when" per lesson
	python3 -c '
import json, sys
for l in json.load(open(sys.argv[1]))["lessons"]:
    print("|".join(str(l[k]) for k in ("programme", "name", "by", "groups", "when")))' "$1"
}

pg build -q --out "$P/out"
is "$rc" 0 "build: exit 0"
before=$(lessons "$P/out/de-eik/protocol.json")
is "$before" "dvi|Diploma Veilig Internet|None|6|ieder jaar
halt|Online veiligheid|Halt|7-8|None" "in force: the lessons, each field"

# The next draft: dvi moves to group 5, halt is dropped, a new one comes.
perl -0pi -e 's/\{ programme = "dvi", groups = "6", when = "ieder jaar" \},\s*\{ programme = "halt", groups = "7-8" \},/{ programme = "dvi", groups = "5", when = "ieder jaar" },\n    { name = "Eigen les", groups = "8" },/ or die' "$school"
perl -0pi -e 's/version = "2.0", status = "vastgesteld",\s*approvals = (\{(?:[^{}]++|(?1))*\}),/version = "2.1", status = "concept",/ or die' "$school"
pg build -q --out "$P/out"
is "$rc" 0 "build with a draft 2.1: exit 0"
is "$(lessons "$P/out/de-eik/protocol.json")" "$before" \
    "in force 2.0: protocol.json keeps the lessons its text lists"
like "$(cat "$P/out/de-eik/schoolgids.md")" '\| Diploma Veilig Internet \|  \| 6 \| ieder jaar \|' \
    "in force 2.0: the schoolgids table has dvi in group 6"
like "$(cat "$P/out/de-eik/schoolgids.md")" 'Online veiligheid' \
    "in force 2.0: the schoolgids still has the lesson the draft drops"
unlike "$(cat "$P/out/de-eik/schoolgids.md" "$P/out/de-eik/protocol.json")" 'Eigen les' \
    "in force 2.0: nothing of the draft's new lesson"
is "$(lessons "$P/out/concept/de-eik/protocol.json")" "dvi|Diploma Veilig Internet|None|5|ieder jaar
None|Eigen les|None|8|None" "draft 2.1: the config's lessons"
like "$(cat "$P/out/de-eik/protocol.md")" 'Groep 6: Diploma Veilig Internet' \
    "in force 2.0: the protocol text as frozen"

# A lesson whose config entry is gone is made from its line: its groups
# from the label, the rest as its name (the same words as the text).
is "$(lessons "$P/out/de-eik/protocol.json" | sed -n 2p)" \
    "halt|Online veiligheid|Halt|7-8|None" \
    "the dropped lesson: from its old catalogue entry when it prints the same"
perl -pi -e 's/^lesson: halt = .*$/lesson: halt = Groepen 7\x{e2}\x{80}\x{93}8: Online veiligheid (Halt), in mei/' \
    "$P/schools/vb/de-eik/revisions/2.0.md"
perl -0pi -e 'require Digest::SHA; my $t = $_; $t =~ s/^hash: .*\n//m; my $h = Digest::SHA::sha256_hex($t); s/^hash: sha256:\K[0-9a-f]+/$h/m' \
    "$P/schools/vb/de-eik/revisions/2.0.md"
pg build -q --out "$P/out"
is "$rc" 0 "build with the line changed (its hash made to match): exit 0"
is "$(lessons "$P/out/de-eik/protocol.json" | sed -n 2p)" \
    "halt|Online veiligheid|Halt|7-8|in mei" \
    "a line the catalogue's programme starts: its name and by, the line's groups and when"
perl -pi -e 's/^lesson: halt = .*$/lesson: halt = Groepen 7\x{e2}\x{80}\x{93}8: Veilig online (Bureau X)/' \
    "$P/schools/vb/de-eik/revisions/2.0.md"
perl -0pi -e 'require Digest::SHA; my $t = $_; $t =~ s/^hash: .*\n//m; my $h = Digest::SHA::sha256_hex($t); s/^hash: sha256:\K[0-9a-f]+/$h/m' \
    "$P/schools/vb/de-eik/revisions/2.0.md"
pg build -q --out "$P/out"
is "$(lessons "$P/out/de-eik/protocol.json" | sed -n 2p)" \
    "None|Veilig online (Bureau X)|None|7-8|None" \
    "a line nothing prints: groups 7-8, the rest as its name in the text's words"

done_testing
