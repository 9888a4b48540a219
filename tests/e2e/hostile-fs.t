#!/bin/sh
# The file system as an adversary, where tests/bad cannot express it:
# devices among the inputs, unreadable files and folders, links planted in
# out/, a read-only and a full out/, two builds and two adoptions at once.
# Every run is bounded (timeout): protocolgen never blocks on a FIFO.
. "$(dirname "$0")/lib.sh"

T="timeout 120"
pg() { c=$1; shift; out=$($T "$PG" "$c" --root "$P" "$@" 2>"$TMP/.err"); rc=$?; err=$(cat "$TMP/.err"); }
skip() {	# skip N REASON: N tests skipped, with the reason
	i=0
	while [ $i -lt "$1" ]; do
		_n=$((_n + 1))
		echo "ok $_n # skip $2"
		i=$((i + 1))
	done
}
# same_tree A B: every file of A is in B with the same bytes, and back
same_tree() {
	(cd "$1" && find . -type f ! -name '.*.tmp.*' | LC_ALL=C sort) >"$TMP/.a"
	(cd "$2" && find . -type f ! -name '.*.tmp.*' | LC_ALL=C sort) >"$TMP/.b"
	cmp -s "$TMP/.a" "$TMP/.b" || { diff "$TMP/.a" "$TMP/.b" | head | diag; return 1; }
	while read -r f; do
		cmp -s "$1/$f" "$2/$f" || { echo "$f differs" | diag; return 1; }
	done <"$TMP/.a"
}
# hold DIR: another process holds DIR's lock until killed ($holder)
hold() {
	perl -e 'use Fcntl ":flock"; open(my $f, "<", $ARGV[0]) or die;
	    flock($f, LOCK_EX) or die; sleep 60' "$1" >/dev/null 2>&1 &
	holder=$!
	i=0
	while flock -n "$1" true 2>/dev/null && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
}
no_tmp() { [ -z "$(find "$1" -name '.*.tmp.*' 2>/dev/null)" ]; }

# --- a device among the inputs ---------------------------------------------
P=$(fixture basic)
if mknod "$P/clauses/regels/nul.md" c 1 3 2>/dev/null; then
	pg build -q --out "$TMP/o-dev"
	is "$rc" 1 "a character device named like a clause: exit 1"
	is "$err" "$P/clauses/regels/nul.md: error: not read: it is a character device; a clause file must be a regular file" \
	    "a character device: named, never read"
	rm -f "$P/clauses/regels/nul.md"
else
	skip 2 "mknod is not permitted here (not root)"
fi

# --- unreadable files and folders --------------------------------------------
# root reads every file whatever its mode: drop to nobody for these
as_user=
if [ "$(id -u)" -ne 0 ]; then
	as_user=" "
elif command -v setpriv >/dev/null &&
    setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null &&
    setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$PG"; then
	as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
pg_user() {	# as the unprivileged user: check, stderr in $err
	out=$($T $as_user "$PG" check -q --root "$P" "$@" 2>"$TMP/.err"); rc=$?
	err=$(cat "$TMP/.err")
}
if [ -n "$as_user" ]; then
	chmod 755 "$TMP"
	P=$(fixture basic)
	chmod -R a+rX "$P"
	chmod 000 "$P/clauses/regels/foto.md"
	pg_user
	is "$rc" 1 "an unreadable clause file: exit 1"
	like "$err" "^$P/clauses/regels/foto.md: error: cannot read: Permission denied$" \
	    "an unreadable clause file: named"
	chmod 644 "$P/clauses/regels/foto.md"
	chmod 000 "$P/clauses/regels"
	pg_user
	is "$rc" 1 "an unreadable section folder: exit 1"
	like "$err" "^$P/clauses/regels: error: cannot read folder: Permission denied$" \
	    "an unreadable section folder: named"
	chmod 755 "$P/clauses/regels"
	chmod 000 "$P/schools/vb/de-eik.lua"
	pg_user
	like "$err" "^$P/schools/vb/de-eik.lua: error: cannot read: Permission denied$" \
	    "an unreadable school config: named"
	chmod 644 "$P/schools/vb/de-eik.lua"
	chmod 000 "$P/schools/vb/de-eik/revisions"
	pg_user
	is "$rc" 1 "an unreadable revisions folder: exit 1 (not taken for none)"
	like "$err" "^$P/schools/vb/de-eik/revisions: error: cannot read folder: Permission denied$" \
	    "an unreadable revisions folder: named"
	chmod 755 "$P/schools/vb/de-eik/revisions"
	chmod 000 "$P/schools/vb"
	pg_user
	like "$err" "^$P/schools/vb/board.lua: error: cannot read: Permission denied$" \
	    "an unreadable board folder: its board.lua named"
	chmod 755 "$P/schools/vb"
	chmod 700 "$TMP"
else
	skip 8 "running as root and setpriv cannot drop to nobody: root reads unreadable files"
fi

# --- links planted in the output tree --------------------------------------
P=$(fixture basic)
mkdir "$TMP/elders"
ln -s "$TMP/elders" "$TMP/o-link"
pg build -q --out "$TMP/o-link"
is "$rc" 1 "out/ as a symbolic link: exit 1"
is "$err" "$TMP/o-link: error: the output folder is a symbolic link (to '$TMP/elders'): protocolgen writes only into a real folder; remove the link, or name the folder it leads to" \
    "out/ as a symbolic link: refused, saying what to do"
is "$(ls -A "$TMP/elders")" "" "out/ as a symbolic link: nothing written where it leads"

O=$TMP/o-plant
mkdir -p "$O" "$TMP/victim"
echo "niet overschrijven" >"$TMP/victim/protocol.html"
ln -s "$TMP/victim" "$O/de-eik"
pg build -q --out "$O"
is "$rc" 1 "a school's folder planted as a link out of out/: exit 1"
like "$err" "^$O/de-eik/[a-z.-]+: error: cannot write: $O/de-eik is a symbolic link \(to '$TMP/victim'\), and protocolgen never writes through a link: remove it, then run this again$" \
    "a planted folder link: the file and the link named"
is "$(ls "$TMP/victim")" "protocol.html" "a planted folder link: nothing written through it"
is "$(cat "$TMP/victim/protocol.html")" "niet overschrijven" \
    "a planted folder link: the file it leads to untouched"
rm "$O/de-eik"

mkdir -p "$TMP/victim3/de-eik"
printf 'config %s\nfile keep.txt\n' "$P/schools/vb/de-eik.lua" >"$TMP/victim3/de-eik/.manifest"
echo keep >"$TMP/victim3/de-eik/keep.txt"
ln -s "$TMP/victim3" "$O/concept"
pg build -q --out "$O"
is "$rc" 1 "the preview folder planted as a link: exit 1"
like "$err" "cannot write: $O/concept is a symbolic link" "the preview link named"
is "$(cd "$TMP/victim3" && find . | LC_ALL=C sort | tr '\n' ' ')" \
    ". ./de-eik ./de-eik/.manifest ./de-eik/keep.txt " \
    "the preview link: nothing written or removed through it"
rm "$O/concept"

# links and FIFOs where the outputs themselves go: replaced, never followed
pg build -q --out "$O"
is "$rc" 0 "a clean build"
echo "geheim" >"$TMP/victim/secret"
rm "$O/de-eik/protocol.html" "$O/index.html"
ln -s "$TMP/victim/secret" "$O/de-eik/protocol.html"
ln -s "$TMP/victim/secret" "$O/index.html"
rm "$O/de-eik/protocol.md"
mkfifo "$O/de-eik/protocol.md"
rm "$O/de-eik/.manifest"
printf 'config /nonexistent\nfile secret\n' >"$TMP/victim/.manifest"
ln -s "$TMP/victim/.manifest" "$O/de-eik/.manifest"
pg build -q --out "$O"
is "$rc" 0 "links and a FIFO in the outputs' places: the build does not block"
[ -f "$O/de-eik/protocol.html" ] && [ ! -L "$O/de-eik/protocol.html" ] &&
    [ -f "$O/index.html" ] && [ ! -L "$O/index.html" ] &&
    [ -f "$O/de-eik/protocol.md" ] && [ -f "$O/de-eik/.manifest" ] &&
    [ ! -L "$O/de-eik/.manifest" ]
ok $? "the links and the FIFO are replaced by the outputs"
is "$(cat "$TMP/victim/secret")" "geheim" "the file the links led to is untouched"
grep -q '</html>' "$O/de-eik/protocol.html"
ok $? "the output is whole"

# a gone school's folder that is a link: never followed to remove files
mkdir -p "$TMP/victim2"
printf 'config /nonexistent/x.lua\nfile keep.txt\n' >"$TMP/victim2/.manifest"
echo keep >"$TMP/victim2/keep.txt"
ln -s "$TMP/victim2" "$O/oud"
pg build -q --out "$O"
is "$rc" 0 "a link where a gone school's folder would be: build"
is "$(cat "$TMP/victim2/keep.txt" 2>/dev/null)" "keep" \
    "nothing removed through it"
rm "$O/oud"

# the dependency files: a linked .deps/ refused, a FIFO stamp replaced
pg build -q --out "$O" --deps
is "$rc" 0 "a build with --deps"
rm -rf "$O/.deps"
ln -s "$TMP/victim" "$O/.deps"
pg build -q --out "$O" --deps
is "$rc" 1 "out/.deps as a link: exit 1"
like "$err" "cannot write: $O/.deps is a symbolic link" "out/.deps as a link: named"
rm "$O/.deps"
pg build -q --out "$O" --deps
rm "$O/.deps/de-eik.stamp"
mkfifo "$O/.deps/de-eik.stamp"
pg build -q --out "$O" --deps
is "$rc" 0 "a FIFO as a stamp: the build does not block"
[ -f "$O/.deps/de-eik.stamp" ] && [ ! -p "$O/.deps/de-eik.stamp" ]
ok $? "the FIFO stamp is replaced by a file"

# --- a read-only and a full out/ (a small tmpfs) ----------------------------
mnt=$TMP/mnt
mkdir "$mnt"
trap 'umount "$mnt" 2>/dev/null; rm -rf "$TMP"' EXIT
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=4m tmpfs "$mnt" 2>/dev/null; then
	P=$(fixture basic)
	as_drafts "$P"	# its text is edited below
	pg build -q --out "$mnt/out"
	is "$rc" 0 "tmpfs: the first build"
	cp -a "$mnt/out" "$TMP/before"
	sed -i 's/Deel geen foto/Deel nooit foto/' "$P/clauses/afspraken/delen.md"
	mount -o remount,ro "$mnt"
	pg build -q --out "$mnt/out"
	is "$rc" 1 "a read-only out/: exit 1"
	like "$err" "^$mnt/out/concept/[a-z-]+/[a-z.-]+: error: cannot write: Read-only file system$" \
	    "a read-only out/: the file named"
	same_tree "$mnt/out" "$TMP/before"
	ok $? "a read-only out/: every output as it was"
	mount -o remount,rw "$mnt"
	# full: fill what is left, then build the edited text
	dd if=/dev/zero of="$mnt/filler" bs=64k 2>/dev/null
	pg build -q --out "$mnt/out"
	is "$rc" 1 "a full disk: exit 1"
	like "$err" "^$mnt/out/concept/[a-z-]+/[a-z.-]+: error: cannot write: No space left on device$" \
	    "a full disk: the file named"
	same_tree "$mnt/out" "$TMP/before"
	ok $? "a full disk: the earlier outputs intact"
	no_tmp "$mnt/out"
	ok $? "a full disk: no temporary files left"
	rm "$mnt/filler"
	pg build -q --out "$mnt/out"
	is "$rc" 0 "space again: the build succeeds"
	grep -q "Deel nooit foto" "$mnt/out/concept/de-eik/protocol.md"
	ok $? "space again: the new text is written"
	umount "$mnt"
else
	skip 11 "mounting a tmpfs needs root and a mount namespace that allows it"
fi

# --- two builds at once ----------------------------------------------------
P=$(fixture basic)
O=$TMP/o-lock
mkdir -p "$O"
hold "$O"
pg build -q --out "$O"
is "$rc" 1 "a build while another holds out/: exit 1"
is "$err" "$O: error: the output folder is in use by another protocolgen run: wait for it to finish, then run this again" \
    "a build while another holds out/: refused, saying why"
is "$(ls -A "$O")" "" "a refused build writes nothing"
pg diff de-eik 2.0 --out "$O"
is "$rc" 1 "diff while a build holds out/: refused"
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null

pg build -q --out "$TMP/o-ref"
$T "$PG" build -q --root "$P" --out "$O" >/dev/null 2>"$TMP/e1" &
b1=$!
$T "$PG" build -q --root "$P" --out "$O" >/dev/null 2>"$TMP/e2" &
b2=$!
wait $b1; r1=$?
wait $b2; r2=$?
good=1
for pair in "$r1:$TMP/e1" "$r2:$TMP/e2"; do
	r=${pair%%:*} e=${pair#*:}
	if [ "$r" -ne 0 ] && ! grep -q "in use by another protocolgen run" "$e"; then
		good=0
		diag <"$e"
	fi
done
[ "$good" -eq 1 ] && { [ "$r1" -eq 0 ] || [ "$r2" -eq 0 ]; }
ok $? "two builds at once: each succeeds or is refused by the lock"
same_tree "$O" "$TMP/o-ref"
ok $? "two builds at once: out/ is one build's, never a mix"

# --- two adoptions at once ---------------------------------------------------
P=$(fixture revisions)
hold "$P/schools"
pg adopt de-linde
is "$rc" 1 "adopt while another adopt runs: exit 1"
is "$err" "$P/schools: error: the schools folder is in use by another protocolgen run: wait for it to finish, then run this again" \
    "adopt while another adopt runs: refused, saying why"
[ ! -e "$P/schools/noord/de-linde/revisions/1.0.md" ]
ok $? "a refused adopt writes nothing"
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null

$T "$PG" adopt -q --root "$P" de-linde >"$TMP/a1" 2>"$TMP/ae1" &
a1=$!
$T "$PG" adopt -q --root "$P" de-linde >"$TMP/a2" 2>"$TMP/ae2" &
a2=$!
wait $a1
wait $a2
is "$(cat "$TMP/a1" "$TMP/a2" | grep -c 'adopted version 1.0 as')" 1 \
    "two adopts at once: one adopts"
cat "$TMP/ae1" "$TMP/ae2" | grep -v "in use by another protocolgen run" | grep . | diag
[ -z "$(cat "$TMP/ae1" "$TMP/ae2" | grep -v 'in use by another protocolgen run')" ]
ok $? "two adopts at once: the other is refused by the lock or finds it adopted"
pg check -q de-linde
is "$rc" 0 "two adopts at once: the frozen revision verifies"

done_testing
