#!/bin/sh
# PDF/UA-1 (ISO 14289-1) as far as it can be checked offline: every PDF
# protocolgen writes (protocol, draft protocol with its CONCEPT mark,
# schoolgids, redline) passes the machine-checkable rules of pdfua.pl;
# a PDF written before they were met (tests/pdfua/before.pdf, a
# schoolgids of cairo with /Lang only) fails them, and so does a finished
# protocol with each fix taken out again.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/pdf.sh"

# rules not met yet: their failures are reported as TODO
TODO=${PDFUA_TODO-}

# ua FILE NAME: one test per rule of pdfua.pl
ua() {
	_o=$(perl "$HERE/pdfua.pl" "$1" 2>&1)
	_rc=$?
	[ "$_rc" -le 1 ]
	ok $? "$2: pdfua.pl reads the file"
	printf '%s\n' "$_o" | {
		while read -r _st _rule _what; do
			_n=$((_n + 1))
			case $_st in
			ok) echo "ok $_n - $2: $_rule ${_what%%:*}" ;;
			fail)
				case " $TODO " in
				*" $_rule "*) echo "not ok $_n - $2: $_rule ${_what%%:*} # TODO" ;;
				*)	echo "not ok $_n - $2: $_rule ${_what%%:*}"
					echo "$_what" | diag
					_failed=$((_failed + 1)) ;;
				esac ;;
			*)	echo "not ok $_n - $2: pdfua.pl says: $_st $_rule $_what"
				_failed=$((_failed + 1)) ;;
			esac
		done
		echo "$_n $_failed" > "$TMP/.ua"
	}
	read -r _n _failed < "$TMP/.ua"
}

F=$(fixture pdf-long)
run build --root "$F"
is "$rc" 0 "the long fixture builds"
ua "$F/out/quadraam/protocol.pdf" protocol
ua "$F/out/concept/quadraam-concept/protocol.pdf" "draft protocol"	# a draft: in the preview
ua "$F/out/quadraam/schoolgids.pdf" schoolgids

P=$(fixture revisions)
run adopt de-linde --root "$P" --templates "$TOP/templates"
is "$rc" 0 "adopt 1.0"
linde_1_1 "$P"
run diff de-linde 1.0 --root "$P" --templates "$TOP/templates"
is "$rc" 0 "the redline 1.0 → 1.1"
ua "$P/out/concept/de-linde/diff-1.0-1.1.pdf" redline	# against a draft: in the preview

# the checker fails where the rules are not met
out=$(perl "$HERE/pdfua.pl" "$TOP/tests/pdfua/before.pdf")
is "$?" 1 "a PDF from before PDF/UA fails the check"
for r in 5-1 7.1-3 7.1-8 7.1-10 7.18.3-1 7.18.5-2; do
	like "$out" "^fail $r " "before.pdf fails $r"
done
like "$out" "^ok 7.2-34 " "before.pdf had /Lang"

# and fails a finished protocol with each fix taken out again (qpdf's QDF
# form, edited, its offsets and lengths restored by fix-qdf)
qpdf --qdf --object-streams=disable "$F/out/quadraam/protocol.pdf" \
    "$TMP/m.qdf"
grep -aEv '^ +(/Scope /(Row|Column)|/ID \(note-|/Tabs /S|/Contents [(<])' \
    "$TMP/m.qdf" | sed 's,^/Artifact BMC$,/Span BMC,' | fix-qdf > "$TMP/m.pdf"
out=$(perl "$HERE/pdfua.pl" "$TMP/m.pdf")
is "$?" 1 "a protocol without the fixes fails the check"
for r in 7.5-2 7.9-1 7.18.3-1 7.18.5-2 7.1-3; do
	like "$out" "^fail $r " "without its fix: fails $r"
done

# and fails it with the own text of a paragraph beside a link or a footnote
# mark an artifact again, as cairo 1.16 left it before the Spans
sed 's,^/Span << /MCID [0-9]* >> BDC$,/Artifact BMC,' "$TMP/m.qdf" |
    fix-qdf > "$TMP/s.pdf"
out=$(perl "$HERE/pdfua.pl" "$TMP/s.pdf")
is "$?" 1 "a protocol with its text beside links as artifacts fails the check"
like "$out" "^fail 7.1-3-text .*page 2 at 92 pt: \"Sociale media zijn" \
    "without its Spans: fails 7.1-3-text (article 1.1)"
like "$out" "^ok 7.1-3 " "without its Spans: every content item still marked"

done_testing
