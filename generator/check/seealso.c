/*
 * A "Zie ook" must lead somewhere: a link, or an article, chapter or
 * appendix by number (which check_text_refs then verifies).  Seed 000's
 * "Zie ook: sancties en gevolgen voor medewerkers en leerlingen" named a
 * chapter the protocol never had; in plain text nobody can follow it.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark.h>

#include "check/check.h"
#include "base/base.h"
#include "library/library.h"
#include "model/model.h"

/* Does text (after "zie ook") start with a reference by number? */
static int
numbered_ref(const char *p)
{
	static const char *const words[] = { "artikel ", "artikelen ",
	    "hoofdstuk ", "bijlage ", "paragraaf ", "§", NULL };
	size_t k, n;

	p += strspn(p, " :");
	for (k = 0; words[k] != NULL; k++) {
		n = strlen(words[k]);
		if (strncasecmp(p, words[k], n) == 0) {
			p += n;
			p += strspn(p, " ");
			return isdigit((unsigned char)*p);
		}
	}
	return 0;
}

/* The next inline sibling after n that is not blank text. */
static cmark_node *
next_content(cmark_node *n)
{
	const char *lit;

	for (n = cmark_node_next(n); n != NULL; n = cmark_node_next(n)) {
		cmark_node_type t = cmark_node_get_type(n);
		if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)
			continue;
		if (t == CMARK_NODE_TEXT && (lit = cmark_node_get_literal(n))
		    != NULL && lit[strspn(lit, " :")] == '\0')
			continue;
		return n;
	}
	return NULL;
}

/* Where a "zie ook" in text node n leads: 1 somewhere, 0 nowhere. */
static int
leads_somewhere(cmark_node *n, const char *after)
{
	cmark_node *next;

	if (after[strspn(after, " :")] != '\0')
		return numbered_ref(after);
	if ((next = next_content(n)) == NULL)
		return 0;
	if (cmark_node_get_type(next) == CMARK_NODE_LINK)
		return 1;
	if (cmark_node_get_type(next) == CMARK_NODE_TEXT)
		return numbered_ref(cmark_node_get_literal(next));
	return 0;
}

/* The words the reference gives, for the message (at most a few). */
static void
quote_after(const char *after, char *out, size_t size)
{
	size_t n;

	after += strspn(after, " :");
	n = strcspn(after, ".;");
	if (n > 40)
		n = 40;
	snprintf(out, size, "%.*s%s", (int)n, after, after[n] != '\0' &&
	    after[n] != '.' && after[n] != ';' ? "…" : "");
}

static void
check_tree(const struct document *d, const char *file, cmark_node *root,
    struct check_result *r)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	cmark_node *n, *up;
	const char *lit, *p;
	char what[64];

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(n) != CMARK_NODE_TEXT ||
		    (lit = cmark_node_get_literal(n)) == NULL)
			continue;
		/* in a link's own text it is the link */
		for (up = cmark_node_parent(n); up != NULL &&
		    cmark_node_get_type(up) != CMARK_NODE_LINK;)
			up = cmark_node_parent(up);
		if (up != NULL)
			continue;
		for (p = lit; (p = str_casestr(p, "zie ook")) != NULL; p += 7) {
			if ((p > lit && isalpha((unsigned char)p[-1])) ||
			    leads_somewhere(n, p + 7))
				continue;
			quote_after(p[7 + strspn(p + 7, " :")] != '\0' ||
			    next_content(n) == NULL || cmark_node_get_type(
			    next_content(n)) != CMARK_NODE_TEXT ? p + 7 :
			    cmark_node_get_literal(next_content(n)), what,
			    sizeof(what));
			for (up = n; up != NULL && node_line(up) <= 0;)
				up = cmark_node_parent(up);
			diag_error(file, check_term_line(file, up != NULL ?
			    node_line(up) : 0, "Zie ook"), "'Zie ook%s%s' "
			    "leads nowhere: link the article it means "
			    "([title](#its-id)), name it by number "
			    "('zie ook artikel 5.3'), or remove the reference "
			    "(school '%s')", *what != '\0' ? ": " : "", what,
			    d->meta.school_id);
			r->errors++;
		}
	}
	cmark_iter_free(it);
}

void
check_see_also(const struct document *d, struct check_result *r)
{
	size_t i;

	for (i = 0; i < d->nblocks; i++)
		check_tree(d, d->blocks[i].clause->path, d->blocks[i].tree, r);
	for (i = 0; i < d->nnotes; i++)
		check_tree(d, d->notes[i].clause->path, d->notes[i].tree, r);
}
