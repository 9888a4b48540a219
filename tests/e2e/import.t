#!/bin/sh
# protocolgen import schools: school configs from a board's spreadsheet or
# DUO's open data; separators, quoting, encodings, bad rows at their line,
# never an overwrite; the imported schools pass check, build, and carry
# their BRIN code into protocol.json.
. "$(dirname "$0")/lib.sh"

P=$(project)
cd "$P" || exit 1
run new board noord

# DUO's columns, ';'-separated, UTF-8 with a byte-order mark
printf '\357\273\277BRIN;VESTIGINGSNUMMER;VESTIGINGSNAAM;PLAATSNAAM;INTERNETADRES\r\n12AB;00;Basisschool De Poolster;Groningen;www.poolster.nl\r\n34CD;01;"OBS ""Het"" Anker; Zuid";Zwolle;https://www.anker.example/\r\n' > duo.csv
run import schools duo.csv --board noord
is "$rc" 0 "import of DUO's file: exit 0"
like "$out" "wrote schools/noord/de-poolster.lua" "... 'Basisschool' is left out of the id"
like "$out" "wrote schools/noord/het-anker-zuid.lua" "... so is 'OBS'; a quoted ';' stays in the name"
C=$(cat schools/noord/de-poolster.lua)
like "$C" '^  name = "Basisschool De Poolster",$' "... the name in full (the BOM is not part of the header)"
like "$C" '^  place = "Groningen",$' "... the place"
like "$C" '^  brin = "12AB", vestiging = "00",$' "... BRIN and vestigingsnummer"
like "$C" '^  website = "https://www.poolster.nl/",$' "... the website, as a URL"
like "$C" '\{ kind = "website", url = "https://www.poolster.nl/" \}' \
    "... and as the website channel"
like "$C" "uit duo.csv \\(regel 2\\)" "... commented with where it came from"
like "$(cat schools/noord/het-anker-zuid.lua)" 'name = "OBS \\"Het\\" Anker; Zuid"' \
    "... a quoted \"\" is one quote, escaped for Lua"
run check de-poolster het-anker-zuid
is "$rc" 0 "the imported schools pass check"
run build --out "$TMP/o" de-poolster
is "$rc" 0 "... and build"
J=$(cat "$TMP/o/concept/de-poolster/protocol.json")
like "$J" '"brin": "12AB",' "protocol.json has the BRIN code"
like "$J" '"vestiging": "00",' "... and the vestigingsnummer"

# a board's own spreadsheet: ',' and English headers, an id column, no BRIN
printf 'Name,City,Website,id\n"De Linde, dependance",Assen,,linde-dependance\nBasisschool De Es,"Emmen",http://www.de-es.example/x\n' > board.csv
run import schools board.csv --board noord
is "$rc" 0 "a ','-separated file with English headers: exit 0"
like "$out" "wrote schools/noord/linde-dependance.lua" "... the id column is the id"
like "$out" "wrote schools/noord/de-es.lua" "... else made from the name"
like "$(cat schools/noord/linde-dependance.lua)" 'url = \{ pending = "adres van de website" \}' \
    "... no website: pending, as with new school"
unlike "$(cat schools/noord/linde-dependance.lua)" '^  brin' "... no BRIN: no brin field"

# Windows-1252 (Excel's CSV), diacritics folded in the id
printf 'naam;plaats\nCaf\351 R\352ve;Leeuwarden\nSint-Jan\222s;Sneek\n' > win.csv
run import schools win.csv --board noord
is "$rc" 0 "a Windows-1252 file: exit 0"
like "$out" "wrote schools/noord/cafe-reve.lua" "... the id without accents"
like "$out" "wrote schools/noord/sint-jans.lua" "... an apostrophe is no gap"
like "$(cat schools/noord/cafe-reve.lua)" 'name = "Café Rêve"' "... the name converted to UTF-8"
run check cafe-reve
is "$rc" 0 "... and it passes check"

# bad rows: each at its line, the good ones still imported
printf 'BRIN;VESTIGINGSCODE;NAAM;INTERNETADRES\n56EF;56EF00;De Wilg;\n;;;www.x.example\n1X2B;00;De Eik;\n78GH;000;De Beuk;\n78GH;00;De Den;geen website\n90AB;00;De Wilg;\n;01;De Hazelaar;\n' > bad.csv
run import schools bad.csv --board noord
is "$rc" 1 "bad rows: exit 1"
is "$err" "bad.csv:3: error: no school name (column 'NAAM')
bad.csv:4: error: BRIN code '1X2B' is not 2 digits and 2 letters (for example 12AB)
bad.csv:5: error: vestigingsnummer '000' is not 2 digits (for example 00)
bad.csv:6: error: website 'geen website' is not a web address (https://www.school.nl/)
bad.csv:7: error: duplicate school id 'de-wilg' (line 2 has it too): give one of the rows an 'id' column
bad.csv:8: error: vestigingsnummer '01' without a BRIN code" "... each bad row at its line"
like "$out" "wrote schools/noord/de-wilg.lua" "... the good row is imported"
like "$out" "1 school written, 0 skipped, 6 rows with errors" "... and counted"
like "$(cat schools/noord/de-wilg.lua)" 'brin = "56EF", vestiging = "00"' \
    "... DUO's VESTIGINGSCODE (BRIN and number) gives the number"

printf 'VESTIGINGSCODE,VESTIGINGSNAAM\n11ab02,De Lijster\n' > code.csv
run import schools code.csv --board noord
like "$(cat schools/noord/de-lijster.lua)" 'brin = "11AB", vestiging = "02"' \
    "DUO's VESTIGINGSCODE alone gives both codes"

# never an overwrite
echo '-- edited by hand' >> schools/noord/de-poolster.lua
cp schools/noord/de-poolster.lua "$TMP/before"
run import schools duo.csv --board noord
is "$rc" 0 "importing again: exit 0"
like "$err" "duo.csv:2: note: schools/noord/de-poolster.lua exists already: skipped" \
    "... an existing config is reported and skipped"
cmp -s schools/noord/de-poolster.lua "$TMP/before"
ok $? "... and left as it was"
printf 'naam\nDe Bron\n' > taken.csv
run import schools taken.csv --board noord
is "$err" "taken.csv:2: error: school id 'de-bron' is taken by schools/groeiling/de-bron.lua (ids are unique over all boards): give this row an 'id' column" \
    "a school id of another board is refused"

# the file and the command
run import schools duo.csv --board zuid
is "$rc" 1 "a board that does not exist: exit 1"
like "$err" "no board 'zuid'.*protocolgen new board zuid" "... pointing to new board"
run import schools duo.csv
is "$rc" 2 "no --board: a usage error"
run check --board noord
is "$rc" 2 "--board with another command: a usage error"
printf 'plaats;website\nAssen;\n' > noname.csv
run import schools noname.csv --board noord
is "$err" "noname.csv:1: error: no column with the school's name: call one naam, vestigingsnaam or name (see docs/FORMATS.md)" \
    "a file without a name column"
printf 'naam\n"De Open\n' > open.csv
run import schools open.csv --board noord
is "$err" 'open.csv:2: error: a quote (") that is not closed' "an unclosed quote at its line"
printf 'naam\n\201\n' > notext.csv
run import schools notext.csv --board noord
like "$err" "notext.csv:2: error: neither UTF-8 nor Windows-1252 \\(byte 0x81\\)" \
    "a byte neither UTF-8 nor Windows-1252"
printf 'PK\003\004xx' > book.csv
run import schools book.csv --board noord
like "$err" "an Excel or OpenDocument workbook" "a workbook is not read as CSV"

# brin in the school config reader
cat > schools/noord/de-kern.lua <<'LUA'
school {
  name = "De Kern", brin = "12ab", vestiging = "0",
  channels = { { kind = "website", url = "https://www.kern.example/" } },
  lessons = { { programme = "diploma-veilig-internet", groups = "6" } },
  revision = { version = "0.1", status = "concept" },
}
LUA
run check de-kern
is "$rc" 1 "a bad brin in a config: exit 1"
like "$err" "de-kern.lua:2: error: 'brin' in school is not a BRIN code: 2 digits and 2 capitals \\(12AB\\): '12ab'" \
    "... a BRIN code is 2 digits and 2 capitals"
like "$err" "de-kern.lua:2: error: 'vestiging' in school is not a vestigingsnummer: 2 digits \\(00\\): '0'" \
    "... a vestigingsnummer 2 digits"
sed -i 's/brin = "12ab", vestiging = "0"/vestiging = "00"/' schools/noord/de-kern.lua
run check de-kern
like "$err" "de-kern.lua:2: error: 'vestiging' in school needs 'brin'" \
    "... and a vestiging needs a brin"

done_testing
