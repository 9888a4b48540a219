#!/bin/sh
# protocolgen new: a board and a school from the standard outline, which pass
# check as a concept at once; never an overwrite; bad names refused.
. "$(dirname "$0")/lib.sh"

P=$(project)
cd "$P" || exit 1

run new board kompas
is "$rc" 0 "new board: exit 0"
[ -f schools/kompas/board.lua ]
ok $? "... writes schools/kompas/board.lua"
like "$(cat schools/kompas/board.lua)" 'outline = "po-standaard"' \
    "... a primary board starts from po-standaard"
like "$(cat schools/kompas/board.lua)" "^-- Schoolbestuur" "... commented in Dutch"
run new school kompas/het-kompas
is "$rc" 0 "new school: exit 0"
like "$out" "wrote schools/kompas/het-kompas.lua" "... says what it wrote"
run check het-kompas
is "$rc" 0 "the new school passes check at once"
like "$err" "'name' in school .* is still to be filled" \
    "... with its unknown values reported as still to be filled"
run build --out "$TMP/o" het-kompas
is "$rc" 0 "the new school builds"
[ -f "$TMP/o/concept/het-kompas/protocol.pdf" ] && [ ! -e "$TMP/o/het-kompas" ]
ok $? "... as a draft, into the preview only"
like "$(cat "$TMP/o/concept/het-kompas/protocol.md")" \
    "nog in te vullen: naam van de school" "... printing what is missing"

# secondary: vo-standaard, leerjaren
run new board voort vo
run new school voort/het-baken
like "$(cat schools/voort/board.lua)" 'outline = "vo-standaard"' \
    "a secondary board starts from vo-standaard"
like "$(cat schools/voort/het-baken.lua)" "leerjaren" "... its school's lessons are per leerjaar"
run check het-baken
is "$rc" 0 "the new secondary school passes check"

# never an overwrite
cp schools/kompas/het-kompas.lua "$TMP/before"
run new school kompas/het-kompas
is "$rc" 1 "new school over an existing file: exit 1"
like "$err" "already exists: protocolgen new never overwrites" "... says why"
cmp -s schools/kompas/het-kompas.lua "$TMP/before"
ok $? "... and the file is unchanged"
run new board kompas
is "$rc" 1 "new board over an existing board: exit 1"

# names
run new school nergens/x
like "$err" "no board 'nergens'.*protocolgen new board nergens" \
    "a school of a board that does not exist: how to start the board"
run new school kompas/Het-Kompas
is "$rc" 1 "an id with capitals: exit 1"
like "$err" "is not a school id" "... says so"
run new school kompas/index
like "$err" "a name the outputs use" "an id the outputs use is refused"
run new school "kompas/../x"
is "$rc" 1 "a path in the id is refused"
[ ! -e schools/x.lua ]
ok $? "... and nothing is written outside the board"
run new board x ho
like "$err" "write po .primary. or vo .secondary." "an unknown school type"
run new
is "$rc" 2 "new without arguments: a usage error"

done_testing
