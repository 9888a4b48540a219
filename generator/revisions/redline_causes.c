/* The causes of a redline: the front matter, steps, values and section titles that changed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "revisions/revisions.h"
#include "base/base.h"

/*
 * Front-matter keys compared one by one, and the clause placeholders each
 * stands for (a clause that prints {{revision.version}} changes with the
 * version: that change is the version's, reported once).
 */
static const struct {
	const char	*key;
	const char	*label;		/* nl.strings key */
	const char	*uses[3];
} meta_rows[] = {
	{ "title",	"meta.title",		{ NULL } },
	{ "name",	"meta.school",		{ "school.name" } },
	{ "board",	"meta.board",		{ "board.name" } },
	{ "level",	"diff.meta.level",	{ NULL } },
	{ "outline",	"diff.meta.outline",	{ NULL } },
	{ "version",	"meta.version",		{ "revision.version" } },
	{ "status",	"meta.status",		{ "revision.status" } },
	{ "scope",	"diff.meta.scope",	{ "council" } },
	{ "schoolyear",	"meta.schoolyear",	{ "schoolyear" } },
	{ "author",	"meta.author",		{ NULL } },
	{ "owner",	"meta.owner",		{ NULL } },
	{ "maintainer",	"meta.maintainer",	{ NULL } },
	{ "effective",	"meta.effective",	{ "revision.effective" } },
	{ "review",	"meta.review",		{ "revision.review" } },
	{ "replaces",	"meta.replaces",	{ NULL } },
};

/* Values that the rows above already report. */
static int
mirrored(const char *name)
{
	size_t i, j;

	if (str_starts(name, "revision."))
		return 1;
	for (i = 0; i < sizeof(meta_rows) / sizeof(meta_rows[0]); i++)
		for (j = 0; j < 3 && meta_rows[i].uses[j] != NULL; j++)
			if (strcmp(meta_rows[i].uses[j], name) == 0)
				return 1;
	return 0;
}

static struct rl_cause *
cause_add(struct redline *rl, const char *what, const char *was,
    const char *now)
{
	struct rl_cause *c;

	rl->causes = xreallocarray(rl->causes, rl->ncauses + 1,
	    sizeof(*rl->causes));
	c = &rl->causes[rl->ncauses++];
	memset(c, 0, sizeof(*c));
	c->what = xstrdup(what);
	c->was = was ? xstrdup(was) : NULL;
	c->now = now ? xstrdup(now) : NULL;
	return c;
}

/* tr_maybe() of prefix + "." + suffix. */
static const char *
trx_maybe(const char *prefix, const char *suffix)
{
	char key[128];

	snprintf(key, sizeof(key), "%s.%s", prefix, suffix);
	return tr_maybe(key);
}

/* A front-matter value as people read it: statuses, dates in Dutch. */
static char *
meta_display(const char *key, const char *v)
{
	struct buf b = { 0 };

	if (v == NULL)
		return NULL;
	if (strcmp(key, "status") == 0 && trx_maybe("status", v) != NULL)
		buf_puts(&b, trx_maybe("status", v));
	else if (strcmp(key, "scope") == 0 &&
	    trx_maybe("diff.scope", v) != NULL)
		buf_puts(&b, trx_maybe("diff.scope", v));
	else if ((strcmp(key, "effective") == 0 ||
	    strcmp(key, "review") == 0) && date_valid(v, 1))
		date_format_nl(v, &b);
	else
		buf_puts(&b, v);
	return buf_detach(&b);
}

void
rl_meta_causes(struct redline *rl)
{
	size_t i, j;
	char *was, *now;

	for (i = 0; i < sizeof(meta_rows) / sizeof(meta_rows[0]); i++) {
		const char *a = revdoc_meta(rl->from, meta_rows[i].key);
		const char *b = revdoc_meta(rl->to, meta_rows[i].key);
		if (a == b || (a != NULL && b != NULL && strcmp(a, b) == 0))
			continue;
		was = meta_display(meta_rows[i].key, a);
		now = meta_display(meta_rows[i].key, b);
		struct rl_cause *c = cause_add(rl, tr(meta_rows[i].label), was,
		    now);
		for (j = 0; j < 3; j++)
			c->keys[j] = meta_rows[i].uses[j];
		free(was);
		free(now);
	}
}

/* The approval steps, act by act: "MR, 15 juni 2020". */
static char *
step_of(const struct revdoc *r, const char *act, int nth)
{
	struct buf b = { 0 };
	struct rev_step st;

	if (!revdoc_step(r, act, nth, &st))
		return NULL;
	buf_printf(&b, "%.*s, ", st.bodylen, st.body);
	if (date_valid(st.date, 0))
		date_format_nl(st.date, &b);
	else
		buf_puts(&b, st.date);
	return buf_detach(&b);
}

void
rl_step_causes(struct redline *rl)
{
	static const char *const acts[] = { "voorstel", "advies",
	    "bespreking", "instemming", "vaststelling" };
	struct buf what = { 0 };
	size_t i;
	int nth;

	for (i = 0; i < sizeof(acts) / sizeof(acts[0]); i++)
		for (nth = 0;; nth++) {
			char *a = step_of(rl->from, acts[i], nth);
			char *b = step_of(rl->to, acts[i], nth);
			if (a == NULL && b == NULL)
				break;
			if (a == NULL || b == NULL || strcmp(a, b) != 0) {
				buf_reset(&what);
				buf_printf(&what, "%s: %s", tr("diff.step"),
				    trx("act", acts[i]));
				struct rl_cause *c = cause_add(rl,
				    buf_str(&what), a, b);
				if (i == 3) {
					c->keys[0] = "revision.consent.date";
					c->keys[1] = "revision.consent.body";
				} else if (i == 4) {
					c->keys[0] = "revision.adoption.date";
					c->keys[1] = "revision.adoption.body";
				}
			}
			free(a);
			free(b);
		}
	buf_free(&what);
}

static const struct rev_pair *
value_of(const struct revdoc *r, const char *key)
{
	size_t i;

	for (i = 0; i < r->nvalues; i++)
		if (strcmp(r->values[i].key, key) == 0)
			return &r->values[i];
	return NULL;
}

/* Does any clause or footnote of r print placeholder name? */
static int
side_uses(const struct revdoc *r, const char *name)
{
	size_t i, j;

	for (i = 0; i < r->nclauses + r->nnotes; i++) {
		const struct rev_clause *c = i < r->nclauses ? &r->clauses[i] :
		    &r->notes[i - r->nclauses];
		for (j = 0; j < c->nuses; j++)
			if (strcmp(c->uses[j], name) == 0)
				return 1;
	}
	return 0;
}

/* "role.leraar" → "rolnaam ‘leraar’", "school.place" → "plaats". */
static void
value_label(const char *name, struct buf *b)
{
	const char *dot = strchr(name, '.'), *t;
	char group[64];

	if ((t = trx_maybe("diff.value", name)) != NULL) {
		buf_puts(b, t);
		return;
	}
	if (dot != NULL && (size_t)(dot - name) < sizeof(group)) {
		snprintf(group, sizeof(group), "%.*s", (int)(dot - name), name);
		if ((t = trx_maybe("diff.group", group)) != NULL) {
			buf_printf(b, "%s \xE2\x80\x98%s\xE2\x80\x99", t, dot + 1);
			return;
		}
	}
	buf_puts(b, name);
}

/* Plain values both revisions print: one cause per changed value. */
void
rl_value_causes(struct redline *rl)
{
	struct buf what = { 0 };
	const struct rev_pair *a, *b;
	size_t i;

	for (i = 0; i < rl->to->nvalues; i++) {
		b = &rl->to->values[i];
		if (strchr(b->key, ':') != NULL || mirrored(b->key) ||
		    (a = value_of(rl->from, b->key)) == NULL ||
		    strcmp(a->value, b->value) == 0)
			continue;
		buf_reset(&what);
		value_label(b->key, &what);
		cause_add(rl, buf_str(&what), a->value, b->value)->keys[0] =
		    b->key;
	}
	buf_free(&what);
}

/* "Website <https://...>" → "Website". */
static char *
display_name(const char *v)
{
	const char *lt = strstr(v, " <");
	const char *colon = strstr(v, ": ");

	if (lt != NULL)
		return xstrndup(v, (size_t)(lt - v));
	if (colon != NULL) {	/* lessons: "Groep 6: Name, when" */
		const char *end = strstr(colon + 2, " (");
		const char *comma = strstr(colon + 2, ", ");
		if (end == NULL || (comma != NULL && comma < end))
			end = comma;
		return end ? xstrndup(colon + 2, (size_t)(end - colon - 2)) :
		    xstrdup(colon + 2);
	}
	return xstrdup(v);
}

/* "Website <https://x.nl/>" as people read it: "Website (https://x.nl/)". */
static char *
pretty(const char *v)
{
	const char *lt;
	size_t n;

	if (v == NULL)
		return NULL;
	lt = strstr(v, " <");
	n = strlen(v);
	if (lt == NULL || v[n - 1] != '>')
		return xstrdup(v);
	return xasprintf("%.*s (%.*s)", (int)(lt - v), v,
	    (int)(n - (size_t)(lt - v) - 3), lt + 2);
}

/* The entries of list ("channel" or "lesson") of r, in order. */
static size_t
list_entries(const struct revdoc *r, const char *list,
    const struct rev_pair **v)
{
	size_t i, n = 0, k = strlen(list);

	for (i = 0; i < r->nvalues; i++)
		if (strncmp(r->values[i].key, list, k) == 0 &&
		    r->values[i].key[k] == ':')
			v[n++] = &r->values[i];
	return n;
}

static const struct rev_pair *
find_pair(const struct rev_pair **v, size_t n, const char *key)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i]->key, key) == 0)
			return v[i];
	return NULL;
}

/* Channels or lessons: each one added, removed or changed is a cause. */
void
rl_list_causes(struct redline *rl, const char *list, const char *uses)
{
	const struct rev_pair **a, **b, *p;
	struct buf what = { 0 };
	size_t na, nb, i, same = 0;
	char *name, *was, *now;
	int order = 0;

	if (!side_uses(rl->from, uses) || !side_uses(rl->to, uses))
		return;
	a = xcalloc(rl->from->nvalues + 1, sizeof(*a));
	b = xcalloc(rl->to->nvalues + 1, sizeof(*b));
	na = list_entries(rl->from, list, a);
	nb = list_entries(rl->to, list, b);
	for (i = 0; i < na; i++) {
		if ((p = find_pair(b, nb, a[i]->key)) != NULL)
			continue;
		name = display_name(a[i]->value);
		buf_reset(&what);
		buf_printf(&what, "%s %s %s", trx("diff.list", list), name,
		    tr("diff.removed"));
		was = pretty(a[i]->value);
		cause_add(rl, buf_str(&what), was, NULL)->keys[0] = uses;
		free(was);
		free(name);
	}
	for (i = 0; i < nb; i++) {
		p = find_pair(a, na, b[i]->key);
		if (p != NULL && strcmp(p->value, b[i]->value) == 0) {
			order |= same < na && a[same] != p;
			same++;
			continue;
		}
		name = display_name(b[i]->value);
		buf_reset(&what);
		buf_printf(&what, "%s %s %s", trx("diff.list", list), name,
		    tr(p ? "diff.changed" : "diff.added"));
		was = p ? pretty(p->value) : NULL;
		now = pretty(b[i]->value);
		cause_add(rl, buf_str(&what), was, now)->keys[0] = uses;
		free(was);
		free(now);
		free(name);
	}
	if (order && na == nb && same == nb) {
		buf_reset(&what);
		buf_printf(&what, "%s", trx("diff.order", list));
		cause_add(rl, buf_str(&what), NULL, NULL)->keys[0] = uses;
	}
	buf_free(&what);
	free(a);
	free(b);
}

/* Section titles that changed: one line each. */
void
rl_section_causes(struct redline *rl)
{
	struct buf what = { 0 };
	size_t i;

	for (i = 0; i < rl->nsections; i++) {
		const struct rl_section *s = &rl->sections[i];
		if (s->change != RL_CHANGED)
			continue;
		buf_reset(&what);
		buf_printf(&what, "%s %s", tr("diff.section.title"),
		    s->new->number);
		cause_add(rl, buf_str(&what), s->old->title, s->new->title);
	}
	buf_free(&what);
}
