# Incremental rendering: `make render` runs this file.  Standalone:
#   make -f tools/render.mk PROTOCOLGEN=bin/protocolgen [ROOT=.] [OUT=out] [-j2]
#
# protocolgen build --deps writes, per school, OUT/.deps/ID.d: a rule
# "OUT/.deps/ID.stamp: every file its outputs were made from" (its config,
# its board's, the national defaults, its outline, the clause files it
# uses, its frozen revisions, the templates, strings, fonts, hyphenation
# dictionary and the program), with an empty rule for each of those files
# so a deleted one does not stop make.  A stamp older than any of its
# files is out of date: its recipe only adds the school to
# OUT/.deps/stale, without a shell.
# One protocolgen then builds every school on that list (fonts loaded
# once), on as many processes as make's -j, and rewrites the index from
# its record of every school.  Nothing changed: protocolgen is not run.

# no built-in rules: make would search them for every file a school reads
MAKEFLAGS += --no-builtin-rules

PROTOCOLGEN ?= bin/protocolgen
ROOT	?= .
OUT	?= out
DEPDIR	= $(OUT)/.deps
SCHOOLS_DIR = $(if $(filter .,$(ROOT)),schools,$(ROOT)/schools)
SCHOOL_IDS := $(sort $(basename $(notdir $(filter-out %/board.lua,\
	$(wildcard $(SCHOOLS_DIR)/*/*.lua)))))
STAMPS	= $(SCHOOL_IDS:%=$(DEPDIR)/%.stamp)
# make -jN: N processes; make -j: one per processor; make -k: keep going
JOBS	= $(if $(filter -j,$(MAKEFLAGS)),0,$(or $(patsubst -j%,%,\
	$(filter -j%,$(MAKEFLAGS))),1))
KEEP	= $(if $(findstring k,$(firstword -$(MAKEFLAGS))),--keep-going)
# two lists of words are the same
same	= $(and $(findstring x$(strip $1)x,x$(strip $2)x),\
	$(findstring x$(strip $2)x,x$(strip $1)x))

.PHONY: render
render: $(STAMPS) $(DEPDIR)/_index.stamp
	$(if $(call same,$(SCHOOL_IDS),$(file <$(DEPDIR)/schools)),,\
	    $(file >>$(DEPDIR)/stale,))
	@if [ -e $(DEPDIR)/stale ]; then \
	    mv $(DEPDIR)/stale $(DEPDIR)/stale.run && \
	    $(PROTOCOLGEN) build --root $(ROOT) --out $(OUT) --deps --index \
	        --jobs $(JOBS) $(KEEP) $(RENDER_FLAGS) \
	        --schools-from $(DEPDIR)/stale.run && \
	    rm -f $(DEPDIR)/stale.run; \
	fi

# a school to build (the line is empty: make starts no shell for it)
$(DEPDIR)/%.stamp: | $(DEPDIR)
	$(file >>$(DEPDIR)/stale,$*)

# the index: its template, strings or program changed (_index.d); and
# (render's first line) a school was added or removed since protocolgen
# wrote OUT/.deps/schools, the schools of the last index
$(DEPDIR)/_index.stamp: | $(DEPDIR)
	$(file >>$(DEPDIR)/stale,)

$(DEPDIR):
	@mkdir -p $@

# a school's frozen revisions (schools/BOARD/ID/revisions/VERSION.md): one
# that protocolgen adopt added since the school's last build is not in its
# rule yet
FROZEN	:= $(wildcard $(SCHOOLS_DIR)/*/*/revisions/*.md)
frozen_id = $(notdir $(patsubst %/revisions/,%,$(dir $1)))
$(foreach f,$(FROZEN),$(eval $(DEPDIR)/$(call frozen_id,$f).stamp: $f))

-include $(wildcard $(DEPDIR)/*.d)
