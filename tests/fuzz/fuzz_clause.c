/* libFuzzer harness: clause files (front matter, CommonMark, placeholders,
 * footnotes), then binding, HTML and Markdown rendering of what parses; and
 * outlines, on the same bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <libxml/tree.h>

#include "model/model.h"
#include "config/config.h"
#include "base/base.h"
#include "render/page/page.h"
#include "library/library.h"

static struct var vars[] = {	/* sorted by name */
	{ .name = "board.name", .value = "de <Groeiling>" },
	{ .name = "council", .value = "MR" },
	{ .name = "inspector.phone", .value = "0900 111 3 111" },
	{ .name = "role.leraar", .value = "leerkracht" },
	{ .name = "school.name", .value = "obs *De* Eik" },
	{ .name = "school.website", .value = "https://www.eik.nl/" },
};
static struct board board = { .id = "b", .name = "de Groeiling" };
static struct channel channels[] = { { .kind = "website", .name = "Website",
    .url = "https://www.eik.nl/", .type = "website" } };
static struct lesson lessons[] = { { .name = "MediaMasters", .groups = "5-8" } };
static struct school school = {
	.id = "eik", .path = "eik.lua", .board = &board, .level = LEVEL_PO,
	.vars = vars, .nvars = sizeof(vars) / sizeof(vars[0]),
	.channels = channels, .nchannels = 1, .lessons = lessons, .nlessons = 1,
};

static int
footnote(void *arg, const char *id)
{
	(void)arg;
	(void)id;
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct buf msgs;
	static int ready;
	struct clause *c;
	struct outline *o;

	if (!ready) {
		diag_capture(&msgs);
		if (text_load("templates/nl.strings") == -1)
			abort();
		ready = 1;
	}
	buf_reset(&msgs);
	diag_reset();
	if ((c = clause_parse("f.md", "s", (const char *)data, size)) != NULL) {
		struct bind_ctx ctx = { .school = &school, .clause = c,
		    .footnote = footnote };
		cmark_node *t = tree_clone(c->tree);
		xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "div");
		int refs[1] = { 0 };
		char *md;

		bind_tree(t, &ctx);
		html_cmark(root, t, refs, 1);
		md = cmark_render_commonmark(t, CMARK_OPT_DEFAULT, 0);
		free(md);
		xmlFreeNode(root);
		cmark_node_free(t);
		clause_free(c);
	}
	if ((o = outline_parse("f.outline", "f", (const char *)data,
	    size)) != NULL)
		outline_free(o);
	return 0;
}
