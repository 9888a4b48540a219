/* The schoolgids section: what it takes from a school's clauses. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "model/model.h"
#include "base/base.h"

static cmark_node *
add_text_node(cmark_node *parent)
{
	cmark_node *n = cmark_node_new(CMARK_NODE_TEXT);

	cmark_node_append_child(parent, n);
	return n;
}

/* Replace a node by its children. */
static void
unwrap(cmark_node *n)
{
	cmark_node *c;

	while ((c = cmark_node_first_child(n)) != NULL)
		cmark_node_insert_before(n, c);
	cmark_node_free(n);
}

/*
 * A copy of node n (a paragraph or list of a clause) fit to stand alone:
 * footnote references dropped, references into the protocol kept as text.
 */
cmark_node *
sg_standalone(cmark_node *n)
{
	cmark_node *copy, **drop = NULL, **flat = NULL;
	size_t ndrop = 0, nflat = 0, dcap = 0, fcap = 0, i;
	cmark_iter *it;

	copy = tree_clone(n);
	it = cmark_iter_new(copy);
	while (cmark_iter_next(it) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (cmark_iter_get_event_type(it) != CMARK_EVENT_ENTER)
			continue;
		if (doc_footnote_ref(n) > 0) {
			ARRAY_RESERVE(drop, ndrop, dcap);
			drop[ndrop++] = n;
		} else if (cmark_node_get_type(n) == CMARK_NODE_LINK &&
		    cmark_node_get_url(n)[0] == '#') {
			ARRAY_RESERVE(flat, nflat, fcap);
			flat[nflat++] = n;
		}
	}
	cmark_iter_free(it);
	for (i = 0; i < ndrop; i++)
		cmark_node_free(drop[i]);
	for (i = nflat; i > 0; i--)
		unwrap(flat[i - 1]);
	free(drop);
	free(flat);
	return copy;
}

cmark_node *
sg_first_paragraph(const struct doc_block *blk)
{
	cmark_node *n;

	for (n = cmark_node_first_child(blk->tree); n != NULL;
	    n = cmark_node_next(n))
		if (cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH)
			return n;
	return NULL;
}

/*
 * Where a clause stands in the protocol: "artikel 5.3" for an article,
 * else its chapter ("hoofdstuk 9") or appendix ("bijlage 2"); a no-break
 * space keeps the word with its number.
 */
#define NBSP	"\xC2\xA0"

static void
clause_ref(const struct document *d, const struct doc_block *blk,
    struct buf *out)
{
	const struct doc_section *s = &d->sections[blk->section];
	const char *p;

	if (blk->kind == CLAUSE_ARTICLE && blk->number[0] != '\0')
		buf_printf(out, "%s" NBSP "%s", tr("ref.article"), blk->number);
	else if (s->appendix && s->number[0] != '\0') {
		buf_putc(out, (char)tolower((unsigned char)s->number[0]));
		for (p = s->number + 1; *p != '\0'; p++)
			if (*p == ' ')
				buf_puts(out, NBSP);
			else
				buf_putc(out, *p);
	} else
		buf_printf(out, "%s" NBSP "%s", tr("ref.section"), s->number);
}

/*
 * Append " (artikel 5.3)" to a paragraph, or put it before the colon
 * that opens a list ("gebruikt de volgende middelen (hoofdstuk 4):").
 */
void
sg_add_ref(const struct document *d, cmark_node *para,
    const struct doc_block *blk)
{
	cmark_node *last = cmark_node_last_child(para);
	const char *lit;
	struct buf r = { 0 }, t = { 0 };
	size_t n;

	buf_puts(&r, " (");
	clause_ref(d, blk, &r);
	buf_putc(&r, ')');
	if (last != NULL && cmark_node_get_type(last) == CMARK_NODE_TEXT &&
	    (lit = cmark_node_get_literal(last)) != NULL &&
	    (n = strlen(lit)) > 0 && lit[n - 1] == ':') {
		buf_printf(&t, "%.*s%s:", (int)(n - 1), lit, buf_str(&r));
		cmark_node_set_literal(last, buf_str(&t));
	} else
		cmark_node_set_literal(add_text_node(para), buf_str(&r));
	buf_free(&r);
	buf_free(&t);
}

/* The list right after the clause's first paragraph, or NULL. */
cmark_node *
sg_following_list(const struct doc_block *blk)
{
	cmark_node *n = sg_first_paragraph(blk);

	n = n != NULL ? cmark_node_next(n) : NULL;
	return n != NULL && cmark_node_get_type(n) == CMARK_NODE_LIST ?
	    sg_standalone(n) : NULL;
}

/* The school's clauses that feed part, in document order; their count. */
/*
 * A clause that prints the school's channels or lessons list feeds that
 * part even unmarked: it is the protocol's list.
 */
static int
lists_for(const struct clause *c, const char *part)
{
	return c->schoolgids == NULL && ((strcmp(part, "kanalen") == 0 &&
	    strstr(c->body, "{{channels}}") != NULL) ||
	    (strcmp(part, "lessen") == 0 &&
	    strstr(c->body, "{{lessons}}") != NULL));
}

size_t
sg_fed(const struct document *d, const char *part, const struct doc_block **out)
{
	size_t i, n = 0;

	for (i = 0; i < d->nblocks; i++) {
		const struct clause *c = d->blocks[i].clause;
		if ((c->schoolgids != NULL && strcmp(c->schoolgids, part) == 0) ||
		    lists_for(c, part))
			out[n++] = &d->blocks[i];
	}
	return n;
}

/* Does the plain text of para hold one of words (lower case)? */
int
sg_mentions(cmark_node *para, const char *const *words)
{
	struct buf t = { 0 };
	cmark_iter *it = cmark_iter_new(para);
	cmark_node *n;
	char *p;
	int found = 0;

	while (cmark_iter_next(it) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (cmark_iter_get_event_type(it) == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(n) == CMARK_NODE_TEXT)
			buf_puts(&t, cmark_node_get_literal(n));
	}
	cmark_iter_free(it);
	for (p = t.data; p != NULL && *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	for (; *words != NULL && !found && t.data != NULL; words++)
		found = strstr(t.data, *words) != NULL;
	buf_free(&t);
	return found;
}

