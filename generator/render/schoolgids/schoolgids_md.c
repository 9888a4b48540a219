/* Schoolgids section as Markdown: CommonMark, the table as a pipe table. */
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "model/model.h"
#include "render/schoolgids/schoolgids.h"
#include "base/base.h"

/* Append a tree as CommonMark, without trailing newlines. */
static void
put_tree(cmark_node *tree, struct buf *out)
{
	char *md = cmark_render_commonmark(tree, CMARK_OPT_DEFAULT, 0);
	size_t n = strlen(md);

	while (n > 0 && md[n - 1] == '\n')
		n--;
	buf_put(out, md, n);
	free(md);
}

/* Append text as escaped inline CommonMark; in a table, '|' escaped too. */
static void
put_inline(const char *text, int cell, struct buf *out)
{
	cmark_node *doc = cmark_node_new(CMARK_NODE_DOCUMENT);
	cmark_node *p = cmark_node_new(CMARK_NODE_PARAGRAPH);
	cmark_node *t = cmark_node_new(CMARK_NODE_TEXT);
	struct buf b = { 0 };
	const char *s;

	cmark_node_set_literal(t, text);
	cmark_node_append_child(p, t);
	cmark_node_append_child(doc, p);
	put_tree(doc, &b);
	cmark_node_free(doc);
	for (s = buf_str(&b); *s != '\0'; s++) {
		if (cell && *s == '|')
			buf_putc(out, '\\');
		buf_putc(out, *s == '\n' ? ' ' : *s);
	}
	buf_free(&b);
}

static void
put_table(const struct sg_table *t, struct buf *out)
{
	size_t r, c;

	buf_puts(out, "**");
	put_inline(t->caption, 0, out);
	buf_puts(out, "**\n\n| ");
	for (c = 0; c < t->ncols; c++) {
		put_inline(t->head[c], 1, out);
		buf_puts(out, c + 1 < t->ncols ? " | " : " |\n");
	}
	buf_puts(out, "|");
	for (c = 0; c < t->ncols; c++)
		buf_puts(out, " --- |");
	buf_putc(out, '\n');
	for (r = 0; r < t->nrows; r++) {
		buf_puts(out, "| ");
		for (c = 0; c < t->ncols; c++) {
			put_inline(t->cells[r * t->ncols + c], 1, out);
			buf_puts(out, c + 1 < t->ncols ? " | " : " |");
		}
		if (r + 1 < t->nrows)
			buf_putc(out, '\n');
	}
}

int
schoolgids_md(const struct document *d, struct buf *out)
{
	const struct schoolgids *sg = d->schoolgids;
	size_t i, j;

	buf_puts(out, "## ");
	put_inline(sg->title, 0, out);
	buf_puts(out, "\n\n");
	if (sg->mark != NULL) {
		buf_puts(out, "> **");
		put_inline(sg->mark, 0, out);
		buf_puts(out, "** \xE2\x80\x93 ");
		put_inline(sg->mark_note, 0, out);
		buf_puts(out, "\n\n");
	}
	for (i = 0; i < sg->nparts; i++) {
		const struct sg_part *p = &sg->parts[i];
		if (p->title != NULL) {
			buf_puts(out, "### ");
			put_inline(p->title, 0, out);
			buf_puts(out, "\n\n");
		}
		for (j = 0; j < p->nblocks; j++) {
			if (p->blocks[j].tree != NULL)
				put_tree(p->blocks[j].tree, out);
			else
				put_table(p->blocks[j].table, out);
			buf_puts(out, "\n\n");
		}
	}
	buf_putc(out, '*');
	put_inline(sg->version_line, 0, out);
	buf_puts(out, "*\n");
	return 0;
}
