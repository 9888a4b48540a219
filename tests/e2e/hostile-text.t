#!/bin/sh
# Text that looks like markup in a clause is text in every backend: an
# escaped autolink and an entity-written tag stay
# characters in HTML, Markdown, JSON, PDF and Word (no link, no tag, no URI), and
# the PDF's only link annotations are the clause's own http, https, mailto
# and tel links.  (Real javascript:/data: links are refused at load:
# tests/bad/clause-link-schemes.case.)
. "$(dirname "$0")/lib.sh"

root=$(fixture basic)
cat > "$root/clauses/regels/verantwoordelijk.md" <<'MD'
---
id: regels.verantwoordelijk
title: Eigen verantwoordelijkheid
audience: alle
sources: 000#A.3
schoolgids: afspraak
---
Niet \<javascript:alert(1)\> en niet &lt;script&gt;alert(2)&lt;/script&gt;
en niet \<data:text/html,x\>.
MD
run build --root "$root" --out "$TMP/out" de-linde
[ "$rc" = 0 ] || printf "%s\n" "$err" | diag
is "$rc" 0 "builds with markup-like text"
d="$TMP/out/concept/de-linde"
for f in protocol.html schoolgids.html schoolgids-fragment.html; do
	unlike "$(cat "$d/$f")" '<script|href="(javascript|data):' "$f: no tag, no script link"
	like "$(cat "$d/$f")" '&lt;javascript:alert\(1\)&gt;' "$f: the text is escaped"
done
for f in protocol.md schoolgids.md; do
	unlike "$(cat "$d/$f")" '(^|[^\\])<(javascript|data|script)' \
	    "$f: no autolink, tag or link re-created"
	like "$(cat "$d/$f")" '\\<javascript:alert\(1\)\\>' "$f: the text is escaped"
done
unlike "$(cat "$d/protocol.json")" '<script|javascript:' "protocol.json: no markup"
for f in protocol.pdf schoolgids.pdf; do
	uris=$(strings "$d/$f" | sed -n 's/.*\/URI *(\([^)]*\)).*/\1/p' | sort -u)
	unlike "$uris" '^(javascript|data):' "$f: no javascript: or data: link annotation"
	printf '%s\n' "$uris" | grep -Ev '^(https?:|mailto:|tel:|$)' >"$TMP/bad-uris"
	[ ! -s "$TMP/bad-uris" ]
	ok $? "$f: link annotations only http, https, mailto, tel"
	diag <"$TMP/bad-uris"
done
for f in protocol.docx schoolgids.docx; do
	x=$(unzip -p "$d/$f" word/document.xml)
	r=$(unzip -p "$d/$f" word/_rels/document.xml.rels)
	[ "$f" = schoolgids.docx ] ||
	    like "$x" '&lt;javascript:alert\(1\)&gt;' "$f: the text is escaped, as text"
	unlike "$x" '<script|w:anchor="[^"]*:' "$f: no tag, no anchor with a scheme"
	unlike "$r" 'Target="(javascript|data):' "$f: no javascript: or data: link"
done
pdftotext "$d/protocol.pdf" - 2>/dev/null | tr '\n' ' ' >"$TMP/pdf.txt"
like "$(cat "$TMP/pdf.txt")" '<javascript:alert\(1\)>' "protocol.pdf: the text is shown as written"
done_testing
