#!/bin/sh
# Schoolgids section, protocol.json and the index: content, bounds, escaping.
. "$(dirname "$0")/lib.sh"
NB=$(printf '\302\240')	# the no-break space before an article number

# Words of an HTML file's text, counted like the generator counts them.
html_words() {
	perl -CSD -0777 -ne 's/<[^>]*>/ /g; s/&lt;/</g; s/&gt;/>/g;
	    s/&quot;/"/g; s/&amp;/&/g; my $n = () = /\S*[\p{L}\p{N}]\S*/g;
	    print $n' "$1"
}

# Text of the element with class or id $2 in HTML file $1 (first match).
part_of() {
	perl -0777 -ne 'print $1 if /<h3 id="\Q'"$2"'\E">(.*?)(<h3|<p class="pg-sg-version")/s' "$1"
}

F=$(fixture site)
run build --root "$F" --templates "$TOP/templates"
is "$rc" 0 "the fixture project builds"
like "$err" "9 clauses of school 'de-vlinder' are marked 'schoolgids: afspraak'; its schoolgids section shows the first 8" \
    "more than 8 tagged agreements: warned"
like "$err" "het-anker.lua:2: warning: school 'het-anker' sets no protocol_url" \
    "no protocol_url: warned"
O=$F/out

for id in de-vlinder het-anker rivierencollege; do
	for f in schoolgids.html schoolgids-fragment.html schoolgids.md protocol.json; do
		[ -s "$O/$id/$f" ]
		ok $? "$id: $f written"
	done
	n=$(html_words "$O/$id/schoolgids-fragment.html")
	[ "$n" -ge 150 ] && [ "$n" -le 400 ]
	ok $? "$id: schoolgids section has 150-400 words ($n)"
	frag=$(cat "$O/$id/schoolgids-fragment.html")
	like "$frag" "^<section class=\"pg-schoolgids\" id=\"sociale-media\" aria-labelledby=\"sg-titel\"><h2 id=\"sg-titel\">Sociale media</h2>" \
	    "$id: the fragment is one section headed by an h2"
	like "$frag" "</section>$" "$id: ... and nothing after it"
	unlike "$frag" "<(style|script|link|img|h1)[ >]|style=" "$id: the fragment brings no styles, scripts or h1"
	# no stock rules: only the school's clauses and labelled facts
	unlike "$frag" "wat op school niet mag|Geen reactie betekent|intrekken kan altijd|Neem dan contact op" \
	    "$id: no stock rules"
	unlike "$frag" "jonger dan 16|16 jaar of ouder" "$id: no consent age (no photo rule of a secondary school)"
	n=$(printf '%s' "$frag" | perl -0777 -ne '/<h3 id="sg-afspraken">.*?<ul>(.*?)<\/ul>/s and print scalar(() = $1 =~ /<li>/g)')
	[ "${n:-0}" -ge 5 ] && [ "${n:-0}" -le 8 ]
	ok $? "$id: 5-8 core agreements (${n:-0})"
	report=$(part_of "$O/$id/schoolgids-fragment.html" sg-melden)
	like "$report" '<p>De Inspectie van het Onderwijs heeft vertrouwensinspecteurs .*<a href="tel:09001113111">0900 111 3 111</a> \(werkdagen van 08\.00 tot 17\.00 uur\)\.</p>$' \
	    "$id: the report part ends with the inspectorate's number, as a fact"
	like "$frag" '<p class="pg-sg-version">Protocol sociale media: versie [0-9.]+(, | \()' \
	    "$id: one line with the version"
	# a CMS page has no styles of ours: the fragment lists the lessons
	like "$frag" '<p class="pg-sg-caption"><strong>[^<]+</strong></p><ul class="pg-sg-list"><li><strong>[^<]+</strong> – [A-Z][a-z]+: ' \
	    "$id: fragment: lessons as a list, each with its details"
	unlike "$frag" '<table' "$id: fragment: no table"
	page=$(cat "$O/$id/schoolgids.html")
	like "$page" '<table class="pg-sg-table"><caption>[^<]+</caption><thead><tr><th scope="col">Lesprogramma</th>' \
	    "$id: page: lessons as a table with headers"
	like "$page" '<td data-label="[A-Z][a-z]+">' "$id: page: cells labelled for the phone's cards"
	# the page holds the same section, its headings one level higher, a
	# table where the fragment has a list
	perl -0777 -pe 's/<(\/?)h2([ >])/<$1h1$2/g; s/<(\/?)h3([ >])/<$1h2$2/g; s/\n$//;
	    s/<p class="pg-sg-caption">.*?<\/ul>/\n/g' \
	    "$O/$id/schoolgids-fragment.html" >"$TMP/want"
	perl -0777 -pe 's/<table class="pg-sg-table">.*?<\/table>/\n/g' \
	    "$O/$id/schoolgids.html" >"$TMP/page"
	perl -0777 -e 'open my $w, "<", $ARGV[0] or die; open my $p, "<", $ARGV[1] or die;
	    my @w = grep { length } split /\n/, do { local $/; <$w> };
	    my $p = do { local $/; <$p> };
	    my @miss = grep { index($p, $_) < 0 } @w;
	    exit(@w >= 2 && !@miss ? 0 : 1)' "$TMP/want" "$TMP/page"
	ok $? "$id: the page holds the fragment's section"
	md=$(cat "$O/$id/schoolgids.md")
	like "$md" "^## Sociale media" "$id: Markdown starts with the section title"
	like "$md" "\| Lesprogramma \| " "$id: Markdown has the lessons table"
done

# de-vlinder: every part, from clauses marked 'schoolgids: PART'
v=$(cat "$O/de-vlinder/schoolgids-fragment.html")
like "$v" "Basisschool De Vlinder wil dat .* gebruiken\. \(hoofdstuk${NB}1\)</p>" "purpose from the clause marked doel, with its chapter"
unlike "$v" "De regels van de school gelden ook online" "no stock purpose"
like "$v" '<p>Basisschool De Vlinder gebruikt deze kanalen \(hoofdstuk'"$NB"'4\):</p><ul><li>Website .*<li>Instagram \(<a href="https://www.instagram.com/devlinder">www.instagram.com/devlinder</a>\)</li>' \
    "channels as the protocol lists them, with their addresses"
like "$v" "toestemming voor is\. \(artikel${NB}1\.10\)</p><p>Volgens de AVG kan een gegeven toestemming altijd weer worden ingetrokken\.</p>" \
    "photo rule with its article, then withdrawal as a fact of the AVG"
like "$v" "<h3 id=\"sg-telefoon\">Mobiele telefoon</h3><p>Leerlingen hebben hun mobiele telefoon" \
    "phone rule from the clause marked telefoon"
like "$v" "meldt dat bij de schoolleiding\. Zie ook artikel 2\.1\. \(artikel${NB}1\.5\)</li>" \
    "agreements: first paragraph, references as text, footnotes dropped, numbered"
unlike "$v" "tweede stuk|Pesten, bedreigen|privéaccount" "agreements: not the 2nd paragraph, 9th tag or staff"
like "$v" 'leest u op <a href="https://www.devlinder.example/protocol-sociale-media">www.devlinder.example/protocol-sociale-media</a>' \
    "the full protocol's address"
like "$v" "versie 2.1, vastgesteld op 24 juni 2025\." "version and adoption date"

# het-anker: a draft whose values need escaping
a=$(cat "$O/het-anker/schoolgids-fragment.html")
like "$a" 'Obs "Het Anker" &lt;b&gt;&amp;amp;&lt;/b&gt; \*Zee\* \| Haven wil' "HTML: the name is text"
like "$a" '<p class="pg-sg-mark"><strong>CONCEPT</strong> – dit protocol is nog niet vastgesteld.</p>' \
    "a draft's section carries the mark"
like "$a" "versie 0.3 \(concept\)\." "draft version line"
like "$(cat "$O/het-anker/schoolgids.md")" 'Obs "Het Anker" \\<b\\>\\&amp;\\</b\\> \\\*Zee\\\* \| Haven wil' \
    "Markdown: the name is escaped"
like "$(cat "$O/het-anker/schoolgids.md")" '\| Online \\\| veilig \\\*samen\\\* \| Bibliotheek \\<Noord\\> \| 6 \|' \
    "Markdown: table cells escaped"

# rivierencollege: no tags, so the fallbacks
r=$(cat "$O/rivierencollege/schoolgids-fragment.html")
like "$r" "<li>Iedereen houdt zich online aan de gewone fatsoensnormen. \(artikel${NB}1.1\)</li>" \
    "fallback: articles for everyone"
unlike "$r" "<li>Mobiele telefoons" "fallback: the phone rule is not also an agreement"
like "$r" "<h3 id=\"sg-telefoon\">Mobiele telefoon</h3><p>Mobiele telefoons zijn in de les niet toegestaan, tenzij de docent" \
    "fallback: phone rule from the clause tagged telefoon-verbod"
like "$(cat "$O/rivierencollege/schoolgids.html")" '<th scope="col">Leerjaar</th>' "secondary: Leerjaar column"
like "$r" '<li><strong>[^<]+</strong> – (Door: [^;]+; )?Leerjaar: ' "secondary: Leerjaar in the fragment's list"
like "$r" "melden online pesten bij hun teamleider\. \(artikel${NB}1\.5\)" "secondary: role words from the config"

# protocol.json: parses, and its clause numbers are the protocol's
for id in de-vlinder het-anker rivierencollege; do
	got=$(perl -MJSON::PP -e '
	    local $/; open my $f, "<", $ARGV[0] or die; my $j = decode_json(<$f>);
	    print join("\n", map { "$_->{id} " . ($_->{number} // "") } @{$j->{clauses}}), "\n";' \
	    "$O/$id/protocol.json" 2>&1)
	want=$(sed -n 's/^<!-- clause \([^ ]*\) *\([^ ]*\) -->$/\1 \2/p' "$O/$id/protocol.md")
	is "$got" "$want" "$id: protocol.json clause ids and numbers match protocol.md"
done
name=$(perl -MJSON::PP -e 'local $/; open my $f, "<", $ARGV[0]; my $j = decode_json(<$f>);
    binmode STDOUT, ":utf8"; print $j->{school}{name}, "|", $j->{revision}{status}, "|",
    ($j->{revision}{adopted} // "null"), "|", scalar @{$j->{revision}{approvals}}' "$O/het-anker/protocol.json")
is "$name" 'obs "Het Anker" <b>&amp;</b> *Zee* | Haven|concept|null|1' "protocol.json: values exact, null when unset"
keys=$(perl -ne 'print "$1\n" if /^  "([a-z_]+)":/' "$O/de-vlinder/protocol.json" | tr '\n' ' ')
is "$keys" "format format_version school title outline schoolyear generated revision sections clauses footnotes channels lessons " \
    "protocol.json: top-level keys in a fixed order"

# the index
idx=$(cat "$O/index.html")
for id in de-vlinder het-anker rivierencollege; do
	like "$idx" "<a href=\"$id/protocol.html\">" "index: links $id's protocol"
	like "$idx" "<a href=\"$id/schoolgids.html\">" "index: links $id's schoolgids section"
done
like "$idx" '<h2 id="bestuur-rivierenland">Rivierenland Onderwijs</h2>.*<h2 id="bestuur-noorderlicht">Stichting Noorderlicht &amp; Zon</h2>' \
    "index: a section per board, by name"
like "$idx" '<dt>Vastgesteld op</dt><dd><time datetime="2025-06-24">24 juni 2025</time></dd>' "index: adoption date"
like "$idx" '<dt>Status</dt><dd><strong class="site-status-draft">ter instemming</strong></dd>' "index: status of a draft"
like "$idx" "<a href=\"de-vlinder/protocol.pdf\">" "index: links the PDF this build writes"
like "$idx" "<a href=\"de-vlinder/schoolgids.pdf\">" "index: links the schoolgids PDF"

# a partial build leaves the index alone
rm "$O/index.html"
run build --root "$F" --templates "$TOP/templates" de-vlinder
is "$rc" 0 "a partial build"
[ ! -e "$O/index.html" ]
ok $? "a partial build writes no index"
run check --root "$F" --templates "$TOP/templates"
like "$err" "9 clauses of school 'de-vlinder' are marked" "check reports the schoolgids findings"

# too long: a school whose agreements are long is trimmed to 5, then refused
L=$(fixture site)
for f in "$L"/clauses/afspraken/*.md; do
	perl -0777 -i -pe 's/(\n---\n[^\n]*)/$1 Want we willen dat iedereen weet wat er van hem of haar wordt verwacht, ook thuis, ook in het weekend en ook in de vakantie./' "$f"
done
run build --root "$L" --templates "$TOP/templates" --keep-going
is "$rc" 1 "too many words: the build fails"
like "$err" "de-vlinder.lua:2: error: the schoolgids section of school 'de-vlinder' has [0-9]+ words \(at most 400\)" \
    "too many words: error with the count"
like "$err" "school 'de-vlinder' shows 5 of its 9 core agreements to stay within 400 words" "agreements trimmed to 5 first"
[ ! -e "$L/out/de-vlinder/schoolgids.html" ]
ok $? "too many words: the school is not written"
[ -s "$L/out/rivierencollege/schoolgids.html" ] && [ -s "$L/out/index.html" ]
ok $? "too many words: --keep-going writes the others and the index"
unlike "$(cat "$L/out/index.html")" 'de-vlinder/' "the index leaves out a school that failed"

# too short: strings cut down in a copy of the templates.  A short protocol
# gives a short section: a warning, and the section is written.
cp -r "$TOP/templates" "$TMP/short"
sed -i 's/^\(sg\.[a-z.]* = \).*/\1Kort./' "$TMP/short/nl.strings"
run build --root "$F" --templates "$TMP/short" --out "$TMP/short-out" rivierencollege
is "$rc" 0 "too few words: the build goes on"
like "$err" "warning: the schoolgids section of school 'rivierencollege' has [0-9]+ words \(want at least 150\)" \
    "too few words: a warning"
[ -s "$TMP/short-out/rivierencollege/schoolgids.html" ]
ok $? "too few words: the section is written"

# the real project: sections written, and the index
P=$(project)
run build --root "$P"
is "$rc" 0 "the project builds"
for s in "$P"/schools/*/*.lua; do
	id=$(basename "$s" .lua)
	[ "$id" = board ] && continue
	n=$(html_words "$P/out/$id/schoolgids-fragment.html")
	[ "$n" -ge 150 ] && [ "$n" -le 400 ]
	ok $? "project $id: schoolgids section has 150-400 words ($n)"
	like "$(cat "$P/out/index.html")" "href=\"$id/schoolgids.html\"" "project $id: in the index"
done

done_testing
