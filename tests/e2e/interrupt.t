#!/bin/sh
# A build killed at any moment (SIGINT, SIGTERM, SIGKILL) leaves every output
# either wholly old or wholly new: never truncated, never mixed. Catchable
# signals leave no temporary files; the next build sweeps SIGKILL's.
. "$(dirname "$0")/lib.sh"

P=$(fixture basic)
as_drafts "$P"	# the board is renamed below: only a draft may change
i=1
while [ $i -le 120 ]; do
	sed "s/obs De Eik/School $i/; s/short = \"De Eik\"/short = \"S$i\"/; s/Pestprotocol De Eik/Pestprotocol S$i/" \
	    "$P/schools/vb/de-eik.lua" >"$P/schools/vb/s$i.lua"
	i=$((i + 1))
done
board_a=$(cat "$P/schools/vb/board.lua")
board_b=$(printf '%s\n' "$board_a" | sed 's/Stichting Voorbeeld/Stichting Anders/')
set_board() { printf '%s\n' "$1" >"$P/schools/vb/board.lua"; }

set_board "$board_a"
"$PG" build --root "$P" --out "$TMP/ref-a" 2>/dev/null
ok $? "reference build A"
set_board "$board_b"
"$PG" build --root "$P" --out "$TMP/ref-b" 2>/dev/null
ok $? "reference build B"
cmp -s "$TMP/ref-a/s1/protocol.html" "$TMP/ref-b/s1/protocol.html"
[ $? -ne 0 ]
ok $? "the two builds differ"

# every file under out is A's or B's version of that file
check_out() {
	bad=0
	for f in $(cd "$P/out" && find . -type f ! -name '.*'); do
		cmp -s "$P/out/$f" "$TMP/ref-a/$f" || cmp -s "$P/out/$f" "$TMP/ref-b/$f" ||
		    { echo "$f is neither version" | diag; bad=1; }
	done
	return $bad
}

set_board "$board_a"
"$PG" build --root "$P" 2>/dev/null
round=0
for sig in INT TERM KILL INT TERM KILL INT TERM KILL INT TERM KILL; do
	round=$((round + 1))
	if [ $((round % 2)) -eq 1 ]; then set_board "$board_b"; else set_board "$board_a"; fi
	"$PG" build --root "$P" 2>/dev/null &
	pid=$!
	sleep "0.0$(( (round * 37) % 9 + 1 ))"
	kill -s "$sig" "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	check_out
	ok $? "round $round (SIG$sig): every output is wholly old or new"
	if [ "$sig" != KILL ]; then
		# its own temporary files end in its pid; a SIGKILLed round's
		# are swept when a later build reaches their folder
		n=$(find "$P/out" -name ".*.tmp.$pid" | wc -l)
		is "$n" 0 "round $round (SIG$sig): no temporary files of its own left"
	fi
done

# the same with worker processes (--jobs 2): a worker ends with the build
# (SIGTERM when its parent dies, even by SIGKILL) and removes its own
# temporary file
gone() {	# wait for processes $* to end (they are not our children)
	for k in "$@"; do
		i=0
		while kill -0 "$k" 2>/dev/null && [ $i -lt 1000 ]; do
			sleep 0.01
			i=$((i + 1))
		done
		kill -0 "$k" 2>/dev/null && return 1
	done
	return 0
}
for sig in INT TERM KILL INT TERM KILL; do
	round=$((round + 1))
	if [ $((round % 2)) -eq 1 ]; then set_board "$board_b"; else set_board "$board_a"; fi
	"$PG" build --jobs 2 --root "$P" 2>/dev/null &
	pid=$!
	sleep "0.$(( (round * 37) % 9 + 1 ))"
	kids=$(ps -o pid= --ppid "$pid" 2>/dev/null)
	echo "# workers: $(echo $kids | wc -w)"
	kill -s "$sig" "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	# shellcheck disable=SC2086
	gone $kids
	ok $? "round $round (--jobs 2, SIG$sig): its workers end with it"
	check_out
	ok $? "round $round (--jobs 2, SIG$sig): every output is wholly old or new"
	n=0
	for k in $kids; do
		n=$((n + $(find "$P/out" -name ".*.tmp.$k" | wc -l)))
	done
	is "$n" 0 "round $round (--jobs 2, SIG$sig): no temporary files of its workers left"
done

set_board "$board_b"
"$PG" build --root "$P" 2>/dev/null
ok $? "a full build after the interruptions"
diff -r "$P/out" "$TMP/ref-b" >/dev/null
ok $? "... gives exactly the reference output"
is "$(find "$P/out" -name '.*.tmp.*' | wc -l)" 0 "... and sweeps temporary files"

done_testing
