# protocolgen: build the generator, render every school, run the tests.

BUILD	?= build
BIN	?= bin/protocolgen
OUT	?= out
CC	?= cc
CFLAGS	?= -O2 -g
WARN	= -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wshadow \
	  -Wpointer-arith -Wstrict-prototypes -Wmissing-prototypes \
	  -Wformat=2 -Wundef -Wvla -Wno-unused-parameter
PKGS	= libcmark libxml-2.0 lua5.4 pangocairo cairo
# expanded by the shell when a recipe runs: after `deps` has installed them
PKG_CFLAGS = `pkg-config --cflags $(PKGS)`
PKG_LIBS   = `pkg-config --libs $(PKGS)` -lhyphen -lm

SRCS	= $(wildcard generator/*.c)
LIBSRCS	= $(filter-out generator/main.c,$(SRCS))
LIBOBJS	= $(LIBSRCS:generator/%.c=$(BUILD)/obj/%.o)
UNITSRC	= $(wildcard tests/unit/test_*.c)
UNITBIN	= $(UNITSRC:tests/unit/%.c=$(BUILD)/tests/%)
BENCHSRC = $(wildcard tests/bench/bench_*.c)
BENCHBIN = $(BENCHSRC:tests/bench/%.c=$(BUILD)/bench/%)

.PHONY: all deps test-deps render check asan bench clean
all: $(BIN) render

deps:
	@sh tools/deps.sh build

test-deps:
	@sh tools/deps.sh test

$(BUILD)/obj/%.o: generator/%.c | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

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

$(BUILD)/bench/%: tests/bench/%.c $(BUILD)/libprotocolgen.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARN) $(PKG_CFLAGS) -Igenerator -o $@ $< \
	    $(BUILD)/libprotocolgen.a $(PKG_LIBS)

# Render every school into out/.
render: $(BIN)
	$(BIN) build --out $(OUT)

# The whole suite: C unit tests, then end-to-end tests, under prove.
check: $(BIN) $(UNITBIN) | test-deps
	PROTOCOLGEN=$(abspath $(BIN)) prove -f $(UNITBIN) tests/e2e/*.t

# The suite again, built with AddressSanitizer and UBSan.
asan:
	$(MAKE) BUILD=build/asan BIN=build/asan/protocolgen \
	    CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=address,undefined" check

# Benchmarks: printed, never asserted.  One script per part.
bench: $(BIN) $(BENCHBIN)
	sh tests/bench/diff.sh $(BUILD)/bench/bench_diff

clean:
	rm -rf $(BUILD) bin $(OUT)

-include $(LIBOBJS:.o=.d) $(BUILD)/obj/main.d
