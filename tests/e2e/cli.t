#!/bin/sh
# The command-line contract: commands, options, exit statuses, determinism.
. "$(dirname "$0")/lib.sh"

run --help
is "$rc" 0 "--help exits 0"
like "$out" "^usage: protocolgen build" "--help prints usage on stdout"
run --version
like "$out" "^protocolgen [0-9]+\.[0-9]+\.[0-9]+$" "--version"
run frobnicate
is "$rc" 2 "unknown command: exit 2"
is "$err" "protocolgen: unknown command 'frobnicate'; see 'protocolgen --help'" \
    "unknown command: one line and a pointer to --help"
run buidl
is "$err" "protocolgen: unknown command 'buidl' (did you mean 'build'?); see 'protocolgen --help'" \
    "a misspelt command: did you mean"
run
is "$rc" 2 "no command: exit 2"
is "$(printf '%s\n' "$err" | wc -l)" 2 "no command: two lines, no page of usage"
run build --no-such-option
is "$rc" 2 "unknown option: exit 2"
like "$err" "Try 'protocolgen --help'" "unknown option: a pointer to --help"
run clauses extra
is "$rc" 2 "clauses takes no arguments"
is "$err" "protocolgen: clauses: too many arguments; usage: protocolgen clauses (no arguments)" \
    "... and says so in one line"
run adopt
is "$err" "protocolgen: adopt: too few arguments; usage: protocolgen adopt ID..." \
    "adopt without an id: its usage in one line"
run check --dump x
is "$rc" 2 "--dump with check: exit 2"
like "$err" "go with build" "... says --dump goes with build"

P=$(project)
run build --root "$P"
is "$rc" 0 "the project builds"
# an adopted school's text is published in out/<id>/, a draft's only in the
# preview (out/concept/<id>/)
for s in "$P"/schools/*/*.lua; do
	id=$(basename "$s" .lua)
	[ "$id" = board ] && continue
	if grep -v '^ *--' "$s" | grep -q 'status = "vastgesteld"'; then
		d=$P/out/$id
	else
		d=$P/out/concept/$id
	fi
	[ -s "$d/protocol.html" ]
	ok $? "$id: protocol.html written (${d#$P/})"
	[ -s "$d/protocol.md" ]
	ok $? "$id: protocol.md written (${d#$P/})"
done

cp -r "$P/out" "$TMP/first"
run build --root "$P" --out "$TMP/second"
diff -r "$TMP/first" "$TMP/second" >/dev/null
ok $? "two builds give identical bytes"

# an unchanged output is not rewritten (its inode stays)
f=$(ls "$P"/out/*/protocol.html | head -1)
before=$(stat -c %i "$f")
run build --root "$P"
after=$(stat -c %i "$f")
is "$after" "$before" "unchanged outputs are left alone"

run build --root "$P" no-such-school
is "$rc" 1 "unknown school: exit 1"
like "$err" "error: unknown school 'no-such-school'" "unknown school: message"

SOURCE_DATE_EPOCH=1900000000 run build --root "$P" --out "$TMP/third"
is "$rc" 0 "builds with another SOURCE_DATE_EPOCH"

done_testing
