# protocolgen: build the generator, render every school, run the tests.

BUILD	?= build
BIN	?= bin/protocolgen
OUT	?= out
CC	?= cc
CFLAGS	?= -O2 -g
WARN	= -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wshadow \
	  -Wpointer-arith -Wstrict-prototypes -Wmissing-prototypes \
	  -Wformat=2 -Wundef -Wvla -Wno-unused-parameter
PKGS	= libcmark libxml-2.0 lua5.4 pangocairo pangoft2 cairo fontconfig zlib hunspell \
	  libmicrohttpd libzip
# expanded by the shell when a recipe runs: after `deps` has installed them
PKG_CFLAGS = `pkg-config --cflags $(PKGS)`
PKG_LIBS   = `pkg-config --libs $(PKGS)` -lhyphen -lm

SRCS	= $(shell find generator -name '*.c' | LC_ALL=C sort)
LIBSRCS	= $(filter-out generator/main.c,$(SRCS))
LIBOBJS	= $(LIBSRCS:generator/%.c=$(BUILD)/obj/%.o)
UNITSRC	= $(wildcard tests/unit/test_*.c)
UNITBIN	= $(UNITSRC:tests/unit/%.c=$(BUILD)/tests/%)
REPLAYBIN = $(patsubst tests/fuzz/fuzz_%.c,$(BUILD)/tests/replay_%,$(wildcard tests/fuzz/fuzz_*.c))
BENCHSRC = $(wildcard tests/bench/bench_*.c)
BENCHBIN = $(BENCHSRC:tests/bench/%.c=$(BUILD)/bench/%)

.PHONY: all deps test-deps render layers check asan valgrind fuzz fuzz-build bench clean
all: $(BIN) render

deps:
	@sh tools/deps.sh build

test-deps:
	@sh tools/deps.sh test

$(BUILD)/obj/%.o: generator/%.c | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) -Igenerator $(PKG_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/libprotocolgen.a: $(LIBOBJS)
	rm -f $@
	ar rcs $@ $(LIBOBJS)

$(BIN): $(BUILD)/obj/main.o $(BUILD)/libprotocolgen.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(BUILD)/obj/main.o \
	    $(BUILD)/libprotocolgen.a $(PKG_LIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/tap.h $(BUILD)/libprotocolgen.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) $(PKG_CFLAGS) -Igenerator -o $@ $< \
	    $(BUILD)/libprotocolgen.a $(PKG_LIBS)

# Each fuzz harness without libFuzzer, run over its kept corpus
# (tests/fuzz/replay.c): what a fuzzer once found stays fixed.
$(BUILD)/tests/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(BUILD)/libprotocolgen.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) $(PKG_CFLAGS) -Igenerator \
	    -DCORPUS='"tests/fuzz/corpus/$*"' -o $@ tests/fuzz/replay.c $< \
	    $(BUILD)/libprotocolgen.a $(PKG_LIBS)

# Render into out/ the schools whose inputs changed since their last build
# (all of them the first time), in one protocolgen process on make's -j;
# see tools/render.mk.  ROOT=DIR renders another project.
ROOT	?= .
render: $(BIN)
	@$(MAKE) --no-print-directory -f tools/render.mk PROTOCOLGEN=$(BIN) \
	    ROOT=$(ROOT) OUT=$(OUT)

# The layering of generator/ (generator/LAYERS): every include and every
# call goes to the file's own folder or a lower one, and no folder cycle.
layers: $(LIBOBJS) $(BUILD)/obj/main.o
	@perl tools/layers.pl generator/LAYERS generator $(BUILD)/obj \
	    $(LIBOBJS) $(BUILD)/obj/main.o

# The whole suite: the layering, C unit tests, then end-to-end tests,
# under prove.
check: layers $(BIN) $(UNITBIN) $(REPLAYBIN) | test-deps
	PROTOCOLGEN=$(abspath $(BIN)) prove -f $(UNITBIN) $(REPLAYBIN) tests/e2e/*.t

# The suite again, built with AddressSanitizer and UBSan.  fontconfig keeps
# a few bytes of its parsed configuration for the life of the process.
asan:
	LSAN_OPTIONS=suppressions=$(abspath tests/lsan.supp):print_suppressions=0 $(MAKE) BUILD=build/asan BIN=build/asan/protocolgen \
	    CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=address,undefined" check

$(BUILD)/bench/%: tests/bench/%.c tests/bench/bench.h $(BUILD)/libprotocolgen.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) $(PKG_CFLAGS) -Igenerator -o $@ $< \
	    $(BUILD)/libprotocolgen.a $(PKG_LIBS)

# Synthetic boards of 100, 1,000 and 8,000 schools: full and incremental
# builds, peak memory, each output's time per school (the redline too), and
# the peers of BENCHMARKS.md on the same document in the same run
# (tools/bench.sh); then a redline of two 10-page revisions in process
# (tests/bench/diff.sh).  Prints tables; never fails on them.  Not part of
# check.
bench: $(BIN) $(BENCHBIN)
	@sh tools/bench.sh $(BIN) $(BUILD)/bench/bench_build
	@sh tests/bench/diff.sh $(BUILD)/bench/bench_diff

# The suite again under valgrind memcheck: no errors, no definite leaks.
VALGRIND = valgrind -q --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite --show-leak-kinds=definite \
	--suppressions=$(abspath tests/valgrind.supp)
valgrind: $(BIN) $(UNITBIN) $(REPLAYBIN) | test-deps
	prove -f --exec '$(VALGRIND)' $(UNITBIN) $(REPLAYBIN)
	PROTOCOLGEN=$(abspath tests/valgrind.sh) \
	    PROTOCOLGEN_REAL=$(abspath $(BIN)) prove -f tests/e2e/*.t

# libFuzzer harnesses (clang); FUZZ="outline frozen" picks some.
FUZZ_SECONDS ?= 60
FUZZERS	= $(patsubst tests/fuzz/%.c,$(BUILD)/fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZFLAGS = -g -O1 -fsanitize=fuzzer-no-link,address,undefined \
	    -fsanitize-coverage-ignorelist=tests/fuzz/coverage.ignore
$(BUILD)/fuzz/obj/%.o: generator/%.c tests/fuzz/coverage.ignore | deps
	@mkdir -p $(@D)
	clang $(FUZZFLAGS) $(WARN) -Wno-unused-command-line-argument -Igenerator $(PKG_CFLAGS) -c $< -o $@
$(BUILD)/fuzz/%: tests/fuzz/%.c $(LIBSRCS:generator/%.c=$(BUILD)/fuzz/obj/%.o)
	clang -g -O1 -fsanitize=fuzzer,address,undefined $(WARN) $(PKG_CFLAGS) \
	    -Igenerator -o $@ $< $(LIBSRCS:generator/%.c=$(BUILD)/fuzz/obj/%.o) $(PKG_LIBS)
# the objects are kept between builds (they are not intermediate files)
.SECONDARY: $(LIBSRCS:generator/%.c=$(BUILD)/fuzz/obj/%.o)
fuzz-build: $(FUZZERS)
# Each harness FUZZ_SECONDS (or FUZZ_RUNS executions) from its kept corpus;
# every run is logged in tests/fuzz/runs.log (tools/fuzz.sh).
fuzz: fuzz-build
	@sh tools/fuzz.sh $(BUILD) $(FUZZ_SECONDS) $(FUZZ)

clean:
	rm -rf $(BUILD) bin $(OUT)

-include $(LIBOBJS:.o=.d) $(BUILD)/obj/main.d
