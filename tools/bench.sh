#!/bin/sh
# make bench: protocolgen's PDF time per protocol (one process, fonts loaded
# once) and the peers of BENCHMARKS.md measured in the same run on the same
# content (seed 002, tests/fixtures/pdf-long).  Prints figures and ratios;
# never fails on them.  A peer that cannot be installed is skipped.
#   tools/bench.sh PDFBENCH PROTOCOLGEN
set -u
PDFBENCH=$1
PG=$2
FIX=tests/fixtures/pdf-long
RUNS=${BENCH_RUNS:-7}
B=$(mktemp -d /tmp/protocolgen-bench.XXXXXX)
trap 'rm -rf "$B"' EXIT
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1763683200}

now_ms() { echo $(($(date +%s%N) / 1000000)); }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2];
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
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "?" }'; }

"$PG" build -q --root "$FIX" --out "$B/out" quadraam || exit 0
HTML=$B/out/quadraam/protocol.html
MD=$B/out/quadraam/protocol.md
pages=$(pdfinfo "$B/out/quadraam/protocol.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
echo "content: seed 002 (Quadraam), $(wc -c <"$MD") bytes of Markdown, ${pages:-?} pages in our PDF"
echo
echo "== protocolgen PDF, one process rendering every school, fonts loaded once"
"$PDFBENCH" "$FIX" 30 | tee "$B/ours"
ours=$(sed -n 's/.*median \([0-9.]*\) ms per protocol.*/\1/p' "$B/ours")
fresh=$(time_cmd "$PG" build -q --root "$FIX" --out "$B/fresh" quadraam)
echo "protocolgen: whole process for one school (HTML, Markdown and PDF): $fresh ms"

echo
echo "== WeasyPrint (Debian) on our protocol.html"
if ! command -v weasyprint >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
	echo "installing weasyprint from Debian ..."
	DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 \
	    install -y -qq --no-install-recommends weasyprint >/dev/null 2>&1
fi
if command -v weasyprint >/dev/null 2>&1; then
	wp_fresh=$(time_cmd weasyprint "$HTML" "$B/wp.pdf")
	# Debian's weasyprint runs under Debian's python3
	py=$(sed -n '1s/^#! *//p' "$(command -v weasyprint)")
	wp_batch=$(${py:-python3} - "$HTML" <<'PY' 2>/dev/null
import sys, time, weasyprint
html = weasyprint.HTML(filename=sys.argv[1])
html.write_pdf()
ts = []
for _ in range(7):
    t = time.perf_counter(); weasyprint.HTML(filename=sys.argv[1]).write_pdf()
    ts.append((time.perf_counter() - t) * 1000)
ts.sort(); print("%.1f" % ts[len(ts) // 2])
PY
)
	echo "weasyprint $(weasyprint --version 2>/dev/null | sed 's/.*version //'): fresh process $wp_fresh ms; in one Python process ${wp_batch:-?} ms per protocol"
else
	echo "weasyprint: skipped (not installed; as root: apt-get install weasyprint)"
fi

echo
echo "== Typst 0.14 (npm @myriaddreamin/typst-ts-node-compiler@0.7.0) on an equivalent Typst source"
perl tools/md2typst.pl <"$MD" >"$B/protocol.typ"
mkdir -p "$B/typst"
if command -v node >/dev/null 2>&1 && (cd "$B/typst" && npm install --silent \
    --no-audit --no-fund --no-package-lock \
    @myriaddreamin/typst-ts-node-compiler@0.7.0 >/dev/null 2>&1); then
	cat >"$B/typst/run.js" <<'JS'
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');
const fs = require('fs');
const src = fs.readFileSync(process.argv[2], 'utf8');
const rounds = Number(process.argv[3] || 1);
const c = NodeCompiler.create({ workspace: process.cwd(),
  fontArgs: [{ fontPaths: ['/usr/share/fonts/truetype/crosextra'] }] });
// a different school name each time, as when a board renders its
// schools: Typst may reuse what is unchanged, as protocolgen reuses
// shaped words, but must lay the document out again
let n = 0;
const one = () => {
  n++;
  return c.pdf({ mainFileContent: src.replace(/Quadraam/g, 'Quadraam ' + n) });
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
	ty_fresh=$(cd "$B/typst" && time_cmd node run.js "$B/protocol.typ" 0)
	if [ -n "$ty_batch" ]; then
		typ_pages=$(pdfinfo "$B/typst/out.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
		echo "typst: fresh node process $ty_fresh ms; in one process $ty_batch ms per protocol (${typ_pages:-?} pages)"
	else
		echo "typst: skipped (the compiler failed: $(head -c 300 "$B/typst.err"))"
	fi
else
	echo "typst: skipped (node or the npm package is not available)"
fi

echo
echo "== ratios (peer time / protocolgen time per protocol, same run)"
[ -n "${wp_fresh:-}" ] && echo "weasyprint fresh process / protocolgen: $(ratio "$wp_fresh" "$ours")x"
[ -n "${wp_batch:-}" ] && echo "weasyprint in one process / protocolgen: $(ratio "$wp_batch" "$ours")x"
[ -n "${ty_batch:-}" ] && echo "typst in one process / protocolgen: $(ratio "$ty_batch" "$ours")x"
[ -n "${ty_fresh:-}" ] && [ -n "${ty_batch:-}" ] && echo "typst fresh process / protocolgen: $(ratio "$ty_fresh" "$ours")x"
echo "target: <= 25 ms per 6-page protocol once fonts are loaded (BENCHMARKS.md)"
exit 0
