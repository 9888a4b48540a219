/*
 * Unit tests: a frozen revision as a document model (revdoc_document):
 * the backends give the same bytes as from the text it was frozen from,
 * and a frozen version keeps its own text, version, status and steps when
 * the school's config has moved on to a draft.
 */
#include "tap.h"

#include "fixture.h"

#include "base/base.h"
#include "config/config.h"
#include "library/library.h"
#include "model/model.h"
#include "render/html/html.h"
#include "render/json/json.h"
#include "render/md/md.h"
#include "render/page/page.h"
#include "render/schoolgids/schoolgids.h"
#include "revisions/revisions.h"

static struct buf msgs;

static struct document *
assemble(struct config *cfg, struct library *lib)
{
	char *schools = xasprintf("%s/schools", fx_root);
	const struct school *s;
	struct document *d = NULL;

	config_free(cfg);
	memset(cfg, 0, sizeof(*cfg));
	if (config_load(cfg, schools) == 0 &&
	    (s = config_school(cfg, "de-linde")) != NULL)
		d = doc_assemble(s, lib);
	free(schools);
	return d;
}

/* Is the output of render the same for both documents? */
static void
same_output(int (*render)(const struct document *, struct buf *),
    const struct document *a, const struct document *b, const char *what)
{
	struct buf x = { 0 }, y = { 0 };
	char name[160];

	render(a, &x);
	render(b, &y);
	snprintf(name, sizeof(name), "frozen 1.0: %s is byte for byte the "
	    "current text's", what);
	OK(x.len > 0 && x.len == y.len && memcmp(x.data, y.data, x.len) == 0,
	    name);
	if (x.len != y.len || memcmp(x.data, y.data, x.len) != 0)
		printf("# %zu bytes against %zu\n", x.len, y.len);
	buf_free(&x);
	buf_free(&y);
}

/* The footnote reference nodes of a document's blocks. */
static size_t
note_refs(const struct document *d)
{
	cmark_iter *it;
	size_t i, n = 0;

	for (i = 0; i < d->nblocks; i++) {
		it = cmark_iter_new(d->blocks[i].tree);
		while (cmark_iter_next(it) != CMARK_EVENT_DONE)
			if (cmark_iter_get_event_type(it) == CMARK_EVENT_ENTER &&
			    doc_footnote_ref(cmark_iter_get_node(it)) > 0)
				n++;
		cmark_iter_free(it);
	}
	return n;
}

static const char DRAFT[] =
    "school {\n  name = \"basisschool De Linde\", short = \"De Linde\",\n"
    "  place = \"Groningen\", website = \"https://www.delinde.nl/\",\n"
    "  channels = { { kind = \"website\", url = \"https://www.delinde.nl/\" "
    "},\n    { kind = \"instagram\", url = \"https://instagram.com/delinde\" "
    "} },\n  revision = { version = \"1.1\", status = \"concept\" },\n}\n";

static void
test_same_bytes(struct library *lib)
{
	struct config cfg = { 0 };
	struct buf text = { 0 }, md = { 0 };
	struct document *d, *fd, *dd;
	struct revdoc *r;

	if ((d = assemble(&cfg, lib)) == NULL) {
		OK(0, "de-linde 1.0 assembles");
		printf("# %s", buf_str(&msgs));
		return;
	}
	revision_render(d, &text);
	r = revdoc_parse("1.0.md", buf_str(&text), text.len, 1);
	OK(r != NULL, "frozen 1.0 reads back");
	if (r == NULL) {
		doc_free(d);
		config_free(&cfg);
		return;
	}
	fd = revdoc_document(r, d, lib, &cfg.national);
	INT_EQ((int)fd->nblocks, (int)d->nblocks, "frozen 1.0: every clause");
	INT_EQ((int)fd->nsections, (int)d->nsections, "frozen 1.0: every "
	    "section");
	INT_EQ((int)fd->nnotes, (int)d->nnotes, "frozen 1.0: every footnote");
	INT_EQ((int)note_refs(fd), (int)note_refs(d), "frozen 1.0: footnote "
	    "references are reference nodes again");
	OK(fd->nnotes > 0 && note_refs(fd) > 0, "frozen 1.0: the fixture has "
	    "footnotes");
	STR_EQ(fd->meta.version, "1.0", "frozen 1.0: version");
	OK(!fd->meta.draft, "frozen 1.0: not a draft");
	STR_EQ(fd->meta.adopted, "2025-06-24", "frozen 1.0: adoption date");
	STR_EQ(fd->meta.consented, "2025-06-10", "frozen 1.0: consent date");
	INT_EQ((int)fd->meta.nsteps, 2, "frozen 1.0: both steps");
	same_output(md_render, d, fd, "protocol.md");
	same_output(html_render, d, fd, "protocol.html");
	same_output(json_render, d, fd, "protocol.json");
	same_output(schoolgids_md, d, fd, "schoolgids.md");
	same_output(schoolgids_fragment, d, fd, "the schoolgids fragment");

	/* the config moves on: 1.1 concept, another channel, no steps */
	free(fx_write("schools/noord/de-linde.lua", DRAFT));
	if ((dd = assemble(&cfg, lib)) == NULL) {
		OK(0, "de-linde 1.1 assembles");
		printf("# %s", buf_str(&msgs));
	} else {
		revdoc_document_free(fd);
		fd = revdoc_document(r, dd, lib, &cfg.national);
		STR_EQ(fd->meta.version, "1.0", "draft 1.1 in the config: the "
		    "frozen document is still 1.0");
		STR_EQ(fd->meta.status, "vastgesteld", "... vastgesteld");
		OK(!fd->meta.draft && fd->schoolgids->mark == NULL,
		    "... unmarked, its schoolgids section too");
		STR_EQ(fd->meta.adopted, "2025-06-24", "... with its own "
		    "adoption date");
		INT_EQ((int)fd->meta.nsteps, 2, "... and its own steps");
		md_render(fd, &md);
		OK(strstr(buf_str(&md), "instagram") == NULL &&
		    strstr(buf_str(&md), "facebook.com/delinde") != NULL,
		    "... and its own text: the channels it was adopted with");
		STR_HAS(buf_str(&md), "version: 1.0\nstatus: vastgesteld\n",
		    "... in its metadata block");
		buf_reset(&md);
		json_render(fd, &md);
		OK(strstr(buf_str(&md), "instagram") == NULL &&
		    strstr(buf_str(&md), "\"kind\": \"facebook\"") != NULL,
		    "... and its JSON lists the channels of its text");
		doc_free(dd);
	}
	revdoc_document_free(fd);
	revdoc_free(r);
	doc_free(d);
	config_free(&cfg);
	buf_free(&text);
	buf_free(&md);
}

int
main(void)
{
	struct library lib = { 0 };
	char *path;

	diag_capture(&msgs);
	page_set_templates("templates");
	if (text_load("templates/nl.strings") != 0) {
		OK(0, "strings load");
		return tap_done();
	}
	fx_project("revisions");
	path = xasprintf("%s/clauses", fx_root);
	if (library_load(&lib, path) != 0) {
		OK(0, "the revisions fixture's library loads");
		printf("# %s", buf_str(&msgs));
	} else
		test_same_bytes(&lib);
	free(path);
	library_free(&lib);
	fx_cleanup();
	page_cache_free();
	text_free();
	buf_free(&msgs);
	return tap_done();
}
