#!/bin/sh
# Run protocolgen under valgrind memcheck (make valgrind points PROTOCOLGEN
# here and PROTOCOLGEN_REAL at the binary). Errors and definite leaks fail.
exec valgrind -q --error-exitcode=99 --leak-check=full \
    --errors-for-leak-kinds=definite --show-leak-kinds=definite \
    --suppressions="$(dirname "$0")/valgrind.supp" \
    "$PROTOCOLGEN_REAL" "$@"
