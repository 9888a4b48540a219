/* A revision's rationale (toelichting) for the council: the whole revision and per clause. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "base/base.h"

/*
 * s with every run of white space (line breaks included) made one space
 * and none at either end: a frozen revision keeps it on one line, and
 * reads back exactly this.
 */
static char *
collapse(const char *s)
{
	struct buf b = { 0 };
	int space = 0;

	for (; *s != '\0'; s++) {
		if (isspace((unsigned char)*s)) {
			space = b.len > 0;
			continue;
		}
		if (space)
			buf_putc(&b, ' ');
		space = 0;
		buf_putc(&b, *s);
	}
	return buf_detach(&b);
}

/* The text at v (key in ctx): a non-empty string, collapsed; or NULL. */
static char *
note_text(struct config_reader *r, const struct cval *v, const char *key,
    const char *ctx)
{
	char *t;

	if (v->type != CV_STRING) {
		diag_error(v->loc.file, v->loc.line, "'%s' in %s must be text, "
		    "not %s", key, ctx, config_type_name(v));
		r->errors++;
		return NULL;
	}
	t = collapse(v->str);
	if (*t == '\0') {
		diag_error(v->loc.file, v->loc.line, "'%s' in %s is empty: "
		    "say why, or leave it out", key, ctx);
		r->errors++;
		free(t);
		return NULL;
	}
	return t;
}

/* A clause id as the library writes them: dotted words of [a-z0-9-]. */
static int
clause_id_ok(const char *s)
{
	const char *p;

	if (*s == '\0' || strchr(s, '.') == NULL)
		return 0;
	for (p = s; *p != '\0'; p++)
		if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) ||
		    *p == '-' || (*p == '.' && p > s && p[-1] != '.' &&
		    p[1] != '\0')))
			return 0;
	return 1;
}

void
config_read_rationale(struct config_reader *r, struct revision *rev,
    const struct cval *v)
{
	const struct cval *t, *m;
	size_t i;

	if ((t = cval_get(v, "rationale")) != NULL)
		rev->rationale = note_text(r, t, "rationale", "revision");
	if ((m = cval_get(v, "clause_rationale")) == NULL ||
	    !config_want_map(r, m, "clause_rationale", "revision"))
		return;
	/* a map's items are sorted by key: so are the notes */
	rev->notes = xcalloc(m->nitems + 1, sizeof(*rev->notes));
	for (i = 0; i < m->nitems; i++) {
		const struct cval *e = m->items[i];
		struct clause_note *n = &rev->notes[rev->nnotes];
		if (!clause_id_ok(e->key)) {
			diag_error(e->loc.file, e->loc.line, "'%s' in "
			    "revision.clause_rationale is not a clause id "
			    "(dotted words of a-z, 0-9 and -, such as "
			    "afspraken.respect)", e->key);
			r->errors++;
			continue;
		}
		if ((n->text = note_text(r, e, e->key,
		    "revision.clause_rationale")) == NULL)
			continue;
		n->clause = xstrdup(e->key);
		n->loc = e->loc;
		rev->nnotes++;
	}
}

void
config_rationale_clear(struct revision *rev)
{
	size_t i;

	for (i = 0; i < rev->nnotes; i++) {
		free(rev->notes[i].clause);
		free(rev->notes[i].text);
	}
	free(rev->notes);
	free(rev->rationale);
	rev->notes = NULL;
	rev->nnotes = 0;
	rev->rationale = NULL;
}
