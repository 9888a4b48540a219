/* Tree dump of the document model, and where each config value came from. */
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "config/config.h"
#include "model/model.h"
#include "base/base.h"

static void
dump_tree(cmark_node *root, int indent, struct buf *out)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	cmark_node *n;
	int depth = indent;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (n == root)
			continue;
		if (ev == CMARK_EVENT_EXIT) {
			depth--;
			continue;
		}
		buf_printf(out, "%*s%s", depth * 2, "",
		    cmark_node_get_type_string(n));
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			buf_printf(out, " \"%s\"", cmark_node_get_literal(n));
			break;
		case CMARK_NODE_LINK:
			buf_printf(out, " <%s>", cmark_node_get_url(n));
			break;
		case CMARK_NODE_CUSTOM_INLINE:
			buf_printf(out, " %s", cmark_node_get_on_enter(n));
			break;
		default:
			break;
		}
		buf_putc(out, '\n');
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
		case CMARK_NODE_HTML_INLINE:
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_CODE_BLOCK:
		case CMARK_NODE_THEMATIC_BREAK:
			break;
		default:
			depth++;
		}
	}
	cmark_iter_free(it);
}

void
dump_document(const struct document *d, struct buf *out)
{
	static const char *const kinds[] = { "article", "text", "item",
	    "footnote" };
	const struct doc_meta *m = &d->meta;
	size_t i, j;

	buf_printf(out, "document %s \"%s\" version %s %s%s\n", m->school_id,
	    m->title, m->version, m->status, m->draft ? " (draft)" : "");
	for (i = 0; i < m->nsteps; i++)
		buf_printf(out, "  step %s %s %s\n", m->steps[i].body,
		    m->steps[i].act, m->steps[i].date);
	for (i = 0; i < d->nsections; i++) {
		const struct doc_section *s = &d->sections[i];
		buf_printf(out, "section %s [%s] \"%s\"\n", s->id, s->number,
		    s->title);
		for (j = s->first; j < s->first + s->count; j++) {
			const struct doc_block *b = &d->blocks[j];
			buf_printf(out, "  %s %s%s%s\n", kinds[b->kind],
			    b->clause->id, *b->number ? " " : "", b->number);
			dump_tree(b->tree, 2, out);
		}
	}
	for (i = 0; i < d->nnotes; i++) {
		buf_printf(out, "footnote %d %s\n", d->notes[i].number,
		    d->notes[i].clause->id);
		dump_tree(d->notes[i].tree, 1, out);
	}
}

static void
explain_line(struct buf *out, const char *name, const char *value,
    struct loc loc)
{
	buf_printf(out, "%-28s %-40s %s:%d\n", name, value ? value : "-",
	    loc.file ? loc.file : "?", loc.line);
}

void
explain_school(const struct school *s, struct buf *out)
{
	struct buf b = { 0 };
	size_t i;

	buf_printf(out, "school %s (%s), board %s (%s)\n", s->id, s->path,
	    s->board->id, s->board->path);
	explain_line(out, "outline", s->outline, s->outline_loc);
	for (i = 0; i < s->nvars; i++)
		explain_line(out, s->vars[i].name, s->vars[i].value,
		    s->vars[i].loc);
	for (i = 0; i < s->nchannels; i++) {
		buf_reset(&b);
		buf_printf(&b, "channels[%zu]", i + 1);
		explain_line(out, buf_str(&b), s->channels[i].name,
		    s->channels[i].loc);
	}
	for (i = 0; i < s->nlessons; i++) {
		buf_reset(&b);
		buf_printf(&b, "lessons[%zu]", i + 1);
		explain_line(out, buf_str(&b), s->lessons[i].name,
		    s->lessons[i].loc);
	}
	for (i = 0; i < s->rev.napprovals; i++) {
		buf_reset(&b);
		buf_printf(&b, "approvals[%zu]", i + 1);
		char *v = xasprintf("%s %s %s", s->rev.approvals[i].body,
		    s->rev.approvals[i].act, s->rev.approvals[i].date);
		explain_line(out, buf_str(&b), v, s->rev.approvals[i].loc);
		free(v);
	}
	buf_free(&b);
}
