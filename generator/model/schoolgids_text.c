/* The schoolgids section as plain text, and counting its words. */
#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "base/base.h"
#include "model/model.h"

static void
tree_text(cmark_node *root, struct buf *out)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	cmark_node *n;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			buf_puts(out, cmark_node_get_literal(n));
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			buf_putc(out, ' ');
			break;
		case CMARK_NODE_PARAGRAPH:
			if (ev == CMARK_EVENT_EXIT)
				buf_putc(out, '\n');
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

void
schoolgids_text(const struct schoolgids *sg, struct buf *out)
{
	size_t i, j, k;

	if (sg->mark != NULL)
		buf_printf(out, "%s \xE2\x80\x93 %s\n", sg->mark, sg->mark_note);
	buf_printf(out, "%s\n", sg->title);
	for (i = 0; i < sg->nparts; i++) {
		const struct sg_part *p = &sg->parts[i];
		if (p->title != NULL)
			buf_printf(out, "%s\n", p->title);
		for (j = 0; j < p->nblocks; j++) {
			const struct sg_table *t = p->blocks[j].table;
			if (p->blocks[j].tree != NULL) {
				tree_text(p->blocks[j].tree, out);
				continue;
			}
			buf_printf(out, "%s\n", t->caption);
			for (k = 0; k < t->ncols; k++)
				buf_printf(out, "%s%c", t->head[k],
				    k + 1 < t->ncols ? '\t' : '\n');
			for (k = 0; k < t->ncols * t->nrows; k++)
				buf_printf(out, "%s%c", t->cells[k],
				    (k + 1) % t->ncols ? '\t' : '\n');
		}
	}
	buf_printf(out, "%s\n", sg->version_line);
}

/* Letters and digits: ASCII, Latin-1 and Latin Extended-A/B letters. */
static int
is_wordchar(unsigned cp)
{
	if (cp < 0x80)
		return isalnum((int)cp);
	return cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7;
}

size_t
schoolgids_count_words(const char *text)
{
	size_t len = strlen(text), i = 0, n, words = 0;
	int counted = 0;
	unsigned cp;

	while (i < len) {
		cp = utf8_decode(text + i, len - i, &n);
		if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
		    cp == 0xA0) {
			counted = 0;
		} else {
			if (!counted && is_wordchar(cp)) {
				words++;
				counted = 1;
			}
		}
		i += n;
	}
	return words;
}
