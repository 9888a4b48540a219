/* Markdown backend: the canonical text of a protocol (archive and diff). */
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "model/model.h"
#include "render/md/md.h"
#include "base/base.h"

static void
meta_line(struct buf *out, const char *key, const char *value)
{
	if (value != NULL && *value != '\0')
		buf_printf(out, "%s: %s\n", key, value);
}

/* The metadata block; head and tail are extra lines (frozen revisions). */
static void
render_meta(const struct doc_meta *m, const char *head, const char *tail,
    struct buf *out)
{
	size_t i;

	buf_puts(out, "---\n");
	buf_puts(out, head);
	meta_line(out, "school", m->school_id);
	meta_line(out, "name", m->school);
	meta_line(out, "board", m->board);
	meta_line(out, "title", m->title);
	meta_line(out, "outline", m->outline);
	meta_line(out, "level", m->level_name);
	meta_line(out, "version", m->version);
	meta_line(out, "status", m->status);
	meta_line(out, "scope", m->scope);
	meta_line(out, "schoolyear", m->schoolyear);
	meta_line(out, "author", m->author);
	meta_line(out, "owner", m->owner);
	meta_line(out, "maintainer", m->maintainer);
	for (i = 0; i < m->nsteps; i++)
		buf_printf(out, "step: %s %s %s\n", m->steps[i].body,
		    m->steps[i].act, m->steps[i].date);
	meta_line(out, "effective", m->effective);
	meta_line(out, "review", m->review);
	meta_line(out, "replaces", m->replaces);
	buf_puts(out, tail);
	buf_puts(out, "---\n\n");
}

/* Append text, indenting every line after the first by indent spaces. */
static void
put_indented(struct buf *out, const char *text, const char *indent)
{
	const char *p = text, *nl;

	while (*p != '\0') {
		nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p + 1) : strlen(p);
		if (p != text && n > 1)
			buf_puts(out, indent);
		buf_put(out, p, n);
		p += n;
	}
}

static void
render_block(const struct doc_block *b, struct buf *out)
{
	char *md = cmark_render_commonmark(b->tree, CMARK_OPT_DEFAULT, 0);
	size_t n = strlen(md);

	while (n > 0 && md[n - 1] == '\n')
		md[--n] = '\0';
	if (b->kind == CLAUSE_ARTICLE) {
		buf_printf(out, "<!-- clause %s %s -->\n", b->clause->id,
		    b->number);
		buf_printf(out, "**%s** ", b->number);
		buf_puts(out, md);
	} else if (b->kind == CLAUSE_ITEM) {
		buf_printf(out, "<!-- clause %s -->\n", b->clause->id);
		buf_puts(out, "- ");
		put_indented(out, md, "  ");
	} else {
		buf_printf(out, "<!-- clause %s -->\n", b->clause->id);
		buf_puts(out, md);
	}
	buf_puts(out, "\n\n");
	free(md);
}

int
md_render(const struct document *d, struct buf *out)
{
	return md_render_frozen(d, "", "", out);
}

int
md_render_frozen(const struct document *d, const char *head,
    const char *tail, struct buf *out)
{
	const struct doc_meta *m = &d->meta;
	size_t i, j;

	render_meta(m, head, tail, out);
	buf_printf(out, "# %s\n\n%s\n\n", m->title, m->school);
	for (i = 0; i < d->nsections; i++) {
		const struct doc_section *s = &d->sections[i];
		buf_printf(out, "<!-- section %s -->\n## %s %s\n\n", s->id,
		    s->number, s->title);
		for (j = s->first; j < s->first + s->count; j++)
			render_block(&d->blocks[j], out);
	}
	if (d->nnotes > 0)
		buf_printf(out, "<!-- footnotes -->\n## %s\n\n",
		    tr("notes.heading"));
	for (i = 0; i < d->nnotes; i++) {
		char *md = cmark_render_commonmark(d->notes[i].tree,
		    CMARK_OPT_DEFAULT, 0);
		size_t n = strlen(md);
		while (n > 0 && md[n - 1] == '\n')
			md[--n] = '\0';
		buf_printf(out, "<!-- footnote %s -->\n[^%d]: ",
		    d->notes[i].clause->id, d->notes[i].number);
		put_indented(out, md, "    ");
		buf_puts(out, "\n\n");
		free(md);
	}
	/* one trailing newline */
	while (out->len > 1 && out->data[out->len - 1] == '\n' &&
	    out->data[out->len - 2] == '\n')
		out->data[--out->len] = '\0';
	return 0;
}
