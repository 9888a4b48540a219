#!/bin/sh
# make bench, redline part: time a diff of two 10-page revisions in process.
# Printed, never asserted: the machine is shared and noisy.
set -eu
"${1:-build/bench/bench_diff}"
