#!/bin/sh
# For the council: a revision's rationale (toelichting) and its clauses',
# shown in the redline (HTML and PDF) and kept when it is frozen; the
# decision block (Besluit); impact's answer for the text in force.
. "$(dirname "$0")/lib.sh"

P=$(fixture revisions)
pg() { c=$1; shift; run "$c" --root "$P" --templates "$TOP/templates" "$@"; }
flat() { pdftotext "$@" - | tr -s ' \n' '  '; }
school=$P/schools/noord/de-linde.lua

pg adopt de-linde
is "$rc" 0 "1.0 adopted (no rationale)"
cp "$P/schools/noord/de-linde/revisions/1.0.md" "$TMP/1.0.md"
linde_1_1 "$P"
# a rationale with line breaks and runs of spaces: frozen on one line
perl -0pi -e 's/(replaces = "1.0",)/$1\n    rationale = [[Deze versie voegt Instagram toe\n      en  maakt de afspraken korter.]],\n    clause_rationale = {\n      ["afspraken.fotos"] = "Ook geluidsopnamen vallen onder de toestemming.",\n      ["medewerkers.prive"] = "Dit staat al in de gedragscode van het bestuur.",\n    },/' "$school"

# --- the page ----------------------------------------------------------------
pg diff de-linde 1.0
is "$rc" 0 "diff with a rationale: exit 0"
is "$err" "" "diff: no messages"
h=$(cat "$P/out/concept/de-linde/diff-1.0-1.1.html")
like "$h" '<div class="rationale"><h3 id="toelichting">Toelichting</h3><p>Deze versie voegt Instagram toe en maakt de afspraken korter.</p></div>' \
    "page: the revision's toelichting, white space collapsed, at the top of the summary"
like "$h" '<h2 id="samenvatting">Samenvatting</h2><div class="rationale">' \
    "page: the toelichting comes first in the summary"
like "$h" '<th scope="row"><a href="#afspraken.fotos">Foto.s en video.s</a><span class="row-why"><strong>Toelichting:</strong> Ook geluidsopnamen vallen onder de toestemming.</span></th>' \
    "page: a clause's rationale in its summary row, under its title"
unlike "$h" '<a href="#afspraken.pesten">Online pesten</a><span class="row-why">' \
    "page: a row without one has none"
like "$h" 'id="afspraken.fotos">.*</div><p class="clause-why"><strong>Toelichting:</strong> Ook geluidsopnamen vallen onder de toestemming.</p>' \
    "page: the rationale under the clause's text"
like "$h" 'id="vervallen-medewerkers.prive">.*<p class="clause-why"><strong>Toelichting:</strong> Dit staat al in de gedragscode van het bestuur.</p>' \
    "page: a removed clause can be explained too"
# the decision block
like "$h" '<section class="diff-decision" aria-labelledby="besluit"><h2 id="besluit">Besluit</h2><p>Voor deze wijzigingen is instemming nodig van de medezeggenschapsraad \(MR\) en van de personeelsgeleding van de medezeggenschapsraad \(Wet medezeggenschap op scholen\)\.' \
    "Besluit: names every body that must consent"
d=$(printf '%s\n' "$h" | sed 's/.*<section class="diff-decision"//')
like "$d" '<h3 id="besluit-1">Besluit van de medezeggenschapsraad</h3><p>Dit besluit betreft de volgende onderdelen van versie 1.1:</p><ul class="decision-parts"><li><a href="#inleiding.begrip">hoofdstuk 1 Wat sociale media zijn \(gewijzigd door gegevens\)</a></li><li><a href="#afspraken.pesten">artikel 2.2 Online pesten \(nieuw\)</a></li><li><a href="#afspraken.fotos">artikel 2.3 Foto.s en video.s \(gewijzigd\)</a></li><li><a href="#afspraken.klachten">artikel 2.4 Klachten en incidenten \(verplaatst\)</a></li></ul>' \
    "Besluit: the whole MR consents to the changed parts for everyone, in the text's order"
like "$d" '<h3 id="besluit-2">Besluit van de personeelsgeleding van de medezeggenschapsraad</h3><p>Dit besluit betreft de volgende onderdelen van versie 1.1:</p><ul class="decision-parts"><li><a href="#vervallen-medewerkers.prive">artikel 3.1 Privé-accounts \(vervalt; nummer in versie 1.0\)</a></li></ul>' \
    "Besluit: the staff section consents to the staff clause (removed: its old number)"
unlike "$d" 'medewerkers.contact' "Besluit: a clause only renumbered is not put to the council"
is "$(printf '%s\n' "$d" | grep -o 'stemt in / stemt niet in met de wijziging van deze onderdelen (doorhalen wat niet van toepassing is)' | wc -l | tr -d ' ')" 2 \
    "Besluit: each body decides"
is "$(printf '%s\n' "$d" | grep -o '<span class="sign-label">Datum:</span> <span class="sign-blank">[^<]*</span> <span class="sign-label">Handtekening:</span>' | wc -l | tr -d ' ')" 2 \
    "Besluit: a date and a signature per body"
is "$(printf '%s\n' "$d" | grep -o 'Naam van de voorzitter:' | wc -l | tr -d ' ')" 2 "Besluit: the chair's name per body"
for ref in $(printf '%s\n' "$h" | grep -o 'href="#[^"]*"' | sed 's/href="#//; s/"$//' | sort -u); do
	printf '%s\n' "$h" | grep -q " id=\"$ref\"" || echo "$ref"
done > "$TMP/dangling"
is "$(cat "$TMP/dangling")" "" "page: every link (the decision's too) has a target"

# --- the PDF -------------------------------------------------------------------
f=$P/out/concept/de-linde/diff-1.0-1.1.pdf
t=$(flat "$f")
like "$t" "Samenvatting Toelichting: Deze versie voegt Instagram toe en maakt de afspraken korter\." \
    "PDF: the toelichting at the top of the summary"
like "$t" "Foto.s en video.s Toelichting: Ook geluidsopnamen vallen onder de toestemming\. afspraken.fotos hele MR" \
    "PDF: a clause's rationale under its title in the clause table"
like "$t" "geluidsopnamen\] van leerlingen .* zelf\. Toelichting: Ook geluidsopnamen vallen onder de toestemming\. 2.4" \
    "PDF: the rationale right after the clause's text"
last=$(pdfinfo "$f" | awk '/^Pages:/ { print $2 }')
b=$(flat -f "$last" -l "$last" "$f")
like "$b" "Wijzigingen versie 1.0 → 1.1 Besluit Voor deze wijzigingen is instemming nodig van de medezeggenschapsraad \(MR\) en van de perso" \
    "PDF: the Besluit has a page of its own"
like "$b" "Besluit van de medezeggenschapsraad Dit besluit betreft de volgende onderdelen van versie 1.1: • hoofdstuk 1 Wat sociale media zijn \(gewijzigd door gegevens\) • artikel 2.2 Online pesten \(nieuw\) • artikel 2.3 Foto.s en video.s \(gewijzigd\) • artikel 2.4 Klachten en incidenten \(verplaatst\) De medezeggenschapsraad stemt in / stemt niet in" \
    "PDF: the whole MR's parts"
like "$b" "Besluit van de personeelsgeleding van de medezeggenschapsraad Dit besluit betreft de volgende onderdelen van versie 1.1: • artikel 3.1 Privé-accounts \(vervalt; nummer in versie 1.0\) De personeelsgeleding" \
    "PDF: the staff section's parts"
is "$(printf '%s\n' "$b" | grep -o 'Datum: [^ ]* Handtekening: [^ ]* Naam van de voorzitter:' | wc -l | tr -d ' ')" 2 \
    "PDF: date, signature and chair per body"

# --- frozen: the rationale belongs to the revision --------------------------------
sed -i 's/status = "concept"/status = "vastgesteld"/;
    s/{ body = "directie", act = "voorstel", date = "2026-03-02" }/{ body = "MR", act = "instemming", date = "2026-03-10" }, { body = "directie", act = "vaststelling", date = "2026-03-20" }/' \
    "$school"
SOURCE_DATE_EPOCH=1775001600	# 2026-04-01
pg adopt de-linde
is "$rc" 0 "adopt 1.1 with its rationale"
fz=$P/schools/noord/de-linde/revisions/1.1.md
is "$(grep -E '^(rationale|clause_rationale):' "$fz")" "rationale: Deze versie voegt Instagram toe en maakt de afspraken korter.
clause_rationale: afspraken.fotos = Ook geluidsopnamen vallen onder de toestemming.
clause_rationale: medewerkers.prive = Dit staat al in de gedragscode van het bestuur." \
    "frozen: the rationale, one line each, clauses sorted"
like "$(sed -n '/^replaces:/{n;p;}' "$fz")" '^rationale: ' "frozen: after the revision's metadata"
cmp -s "$TMP/1.0.md" "$P/schools/noord/de-linde/revisions/1.0.md"
ok $? "frozen: a revision without a rationale is written as before"
pg build --out "$TMP/built"
is "$rc" 0 "build: the frozen 1.1 verifies (its rationale read back exactly)"
like "$(cat "$TMP/built/de-linde/diff-1.0-1.1.html")" '<p>Deze versie voegt Instagram toe en maakt de afspraken korter.</p>' \
    "build: the redline between two frozen revisions shows the rationale from the frozen file"
cp "$school" "$TMP/school.bak"
sed -i 's/Ook geluidsopnamen vallen/Ook geluidsopnamen en stemmen vallen/' "$school"
pg build --out "$TMP/built"
is "$rc" 1 "build: another rationale under the adopted version is an error (it was adopted with the text)"
like "$err" "$school:[0-9]+: note: its rationale \(revision.rationale, clause_rationale\) is not the one adopted: it was adopted with the revision" \
    "build: and says the rationale is what differs"
cp "$TMP/school.bak" "$school"

# --- checks ----------------------------------------------------------------------
sed -i 's/version = "1.1", status = "vastgesteld"/version = "1.2", status = "concept"/' "$school"
sed -i 's/\["afspraken.fotos"\]/["afspraken.foto"]/' "$school"
line=$(grep -n 'afspraken.foto"' "$school" | cut -d: -f1)
pg check
is "$rc" 1 "check: a rationale for a clause the protocol does not have is an error"
like "$err" "^$school:$line: error: clause_rationale names clause 'afspraken.foto', which is not in the protocol of 'de-linde' nor in its version 1.1 \(did you mean 'afspraken.fotos'\?\)$" \
    "check: at its line, with a suggestion"
pg adopt de-linde
is "$rc" 1 "adopt: refused for the same reason"
sed -i 's/\["afspraken.foto"\]/["afspraken.fotos"]/; /medewerkers.prive/d' "$school"
line=$(grep -n 'afspraken.fotos"' "$school" | cut -d: -f1)
pg check
is "$rc" 0 "check: a rationale for an unchanged clause is no error"
like "$err" "$school:$line: warning: the rationale for clause 'afspraken.fotos' \(artikel 2.3\) explains no change: its text is the same as in version 1.1" \
    "check: but a warning: it explains no change"

# --- a board-wide revision: the GMR -------------------------------------------------
sed -i 's/status = "concept"/status = "concept", scope = "board"/' "$school"
sed -i 's/^Online pesten nemen we/Online pesten nemen wij/' "$P/clauses/afspraken/pesten.md"
pg diff de-linde 1.1
like "$(cat "$P/out/concept/de-linde/diff-1.1-1.2.html")" '<h3 id="besluit-1">Besluit van de gemeenschappelijke medezeggenschapsraad</h3>' \
    "Besluit: scope board, the GMR decides"
pg diff de-linde 1.1 1.1
like "$(cat "$P/out/de-linde/diff-1.1-1.1.html")" '<h2 id="besluit">Besluit</h2><p>De tekst van het protocol is niet gewijzigd: er zijn geen onderdelen ter instemming voorgelegd.</p>' \
    "Besluit: nothing changed, nothing to decide"

# --- impact: the text in force, or only a draft ---------------------------------------
Q=$(fixture revisions)
mv "$Q" "$TMP/imp"
Q=$TMP/imp
pi() { c=$1; shift; run "$c" --root "$Q" --templates "$TOP/templates" "$@"; }
unset SOURCE_DATE_EPOCH
export SOURCE_DATE_EPOCH=1763683200
pi adopt de-linde
cat > "$Q/schools/noord/de-eik.lua" <<'LUA'
school {
  name = "basisschool De Eik", short = "De Eik", place = "Assen",
  website = "https://www.deeik.nl/",
  channels = { { kind = "website", url = "https://www.deeik.nl/" } },
  revision = { version = "1.0", status = "ter-instemming" },
}
LUA
(cd "$Q" && git init -q && git add -A &&
    git -c user.name=t -c user.email=t@example.org commit -qm x) >/dev/null 2>&1
sed -i 's/Klachten over/Vragen en klachten over/' "$Q/clauses/afspraken/klachten.md"
sed -i 's/Medewerkers communiceren/Medewerkers en stagiairs communiceren/' "$Q/clauses/medewerkers/contact.md"
pi impact
is "$rc" 0 "impact: exit 0"
is "$out" "de-eik: 2 changes
  changed         artikel 2.4    afspraken.klachten (Klachten en incidenten)
  changed         artikel 3.2    medewerkers.contact (Contact met ouders)
  in force: none adopted; only the draft 1.0 (ter-instemming) changes, which is before the council: it must see the new text
  consent: hele MR (artikel 2.4); personeelsgeleding MR (artikel 3.2)
de-linde: 2 changes
  changed         artikel 2.4    afspraken.klachten (Klachten en incidenten)
  changed         artikel 3.2    medewerkers.contact (Contact met ouders)
  in force: version 1.0 changes: a new version and new consent are needed
  consent: hele MR (artikel 2.4); personeelsgeleding MR (artikel 3.2)
2 of 2 schools change
1 of them changes the text in force: a new version and new consent are needed" \
    "impact: an adopted school needs a new version and consent, a draft only changes; who consents to what"
linde_1_1 "$Q"
(cd "$Q" && git checkout -q -- clauses/afspraken/klachten.md clauses/medewerkers/contact.md &&
    git add -A && git -c user.name=t -c user.email=t@example.org commit -qm 1.1) >/dev/null 2>&1
sed -i 's/Klachten over/Vragen en klachten over/' "$Q/clauses/afspraken/klachten.md"
pi impact
is "$(printf '%s\n' "$out" | sed -n '/^de-linde/,/^[0-9]/p')" "de-linde: 1 change
  changed         artikel 2.4    afspraken.klachten (Klachten en incidenten)
  in force: version 1.0, unchanged; only the draft 1.1 (concept) changes
  consent: hele MR (artikel 2.4)
2 of 2 schools change" \
    "impact: with a draft over an adopted version, the text in force stays"
is "$(printf '%s\n' "$out" | tail -n 1)" "2 of 2 schools change" \
    "impact: no school's text in force changes"

done_testing
