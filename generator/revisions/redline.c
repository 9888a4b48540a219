/* The redline model: what changed between two revisions, for every backend (HTML, PDF). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "revisions/revisions.h"
#include "base/base.h"

/* ------------------------------------------------------------------ */
/* Clauses                                                              */

struct side {
	const struct revdoc *r;
	struct tokens	*tok;		/* per clause, made on demand */
	struct tokens	*ntok;		/* per footnote */
};

static const char *
note_id(void *arg, const char *num)
{
	const struct revdoc *r = arg;
	size_t i;

	for (i = 0; i < r->nnotes; i++)
		if (strcmp(r->notes[i].number, num) == 0)
			return r->notes[i].id;
	return NULL;
}

static const struct tokens *
tokens_of(struct side *s, struct symtab *syms, int note, size_t i)
{
	struct tokens *t = note ? &s->ntok[i] : &s->tok[i];
	const struct rev_clause *c = note ? &s->r->notes[i] :
	    &s->r->clauses[i];

	if (t->v == NULL && c->text != NULL)
		tokens_make(c->text, syms, note_id, (void *)s->r, t);
	return t;
}

/* Index of clause id in v (sorted index idx), or SIZE_MAX. */
static size_t
find_clause(const struct rev_clause *v, const size_t *idx, size_t n,
    const char *id)
{
	size_t lo = 0, hi = n, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = strcmp(v[idx[mid]].id, id)) == 0)
			return idx[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return SIZE_MAX;
}

static const struct rev_clause *sort_base;

static int
idx_cmp(const void *a, const void *b)
{
	return strcmp(sort_base[*(const size_t *)a].id,
	    sort_base[*(const size_t *)b].id);
}

/* Positions 0..n-1 of v sorted by clause id (for find_clause). */
static size_t *
id_index(const struct rev_clause *v, size_t n)
{
	size_t *idx = xcalloc(n + 1, sizeof(*idx)), i;

	for (i = 0; i < n; i++)
		idx[i] = i;
	sort_base = v;
	if (n > 1)
		qsort(idx, n, sizeof(*idx), idx_cmp);
	sort_base = NULL;
	return idx;
}

static enum rl_consent
consent_of(const char *audience)
{
	return str_starts(audience, "medewerkers") ? CONSENT_STAFF :
	    CONSENT_WHOLE;
}

/* Compare one clause present on both sides; fill in change and text. */
static void
compare_clause(struct rl_clause *c, const struct tokens *ta,
    const struct tokens *tb)
{
	if (strcmp(c->old->text, c->new->text) == 0 || tokens_equal(ta, tb)) {
		c->change = RL_SAME;
		words_plain(tb, MARK_SAME, &c->text);
	} else {
		c->change = RL_CHANGED;
		words_diff(ta, tb, &c->text);
	}
}

/*
 * Match the clauses (or footnotes) of both sides by id into *out: new
 * order, with each removed one right after the clause that preceded it.
 * Return the number of entries.
 */
static size_t
match(struct side *a, struct side *b, struct symtab *syms, int note,
    struct rl_clause **out)
{
	const struct rev_clause *va = note ? a->r->notes : a->r->clauses;
	const struct rev_clause *vb = note ? b->r->notes : b->r->clauses;
	size_t na = note ? a->r->nnotes : a->r->nclauses;
	size_t nb = note ? b->r->nnotes : b->r->nclauses;
	size_t *ia = id_index(va, na), *ib = id_index(vb, nb);
	struct rl_clause *v = xcalloc(na + nb + 1, sizeof(*v));
	size_t n = 0, i, k;

	for (i = 0; i < nb; i++) {
		struct rl_clause *c = &v[n++];
		c->new = &vb[i];
		c->consent = consent_of(vb[i].audience);
		if ((k = find_clause(va, ia, na, vb[i].id)) == SIZE_MAX) {
			c->change = RL_NEW;
			words_plain(tokens_of(b, syms, note, i), MARK_INS,
			    &c->text);
			continue;
		}
		c->old = &va[k];
		compare_clause(c, tokens_of(a, syms, note, k),
		    tokens_of(b, syms, note, i));
	}
	for (k = 0; k < na; k++) {
		if (find_clause(vb, ib, nb, va[k].id) != SIZE_MAX)
			continue;
		struct rl_clause *c = &v[n++];
		c->old = &va[k];
		c->change = RL_REMOVED;
		c->consent = consent_of(va[k].audience);
		words_plain(tokens_of(a, syms, note, k), MARK_DEL, &c->text);
	}
	free(ia);
	free(ib);
	*out = v;
	return n;
}

/* Mark the clauses that left their order: all but one longest run. */
static void
find_moves(struct redline *rl)
{
	size_t *pos = xcalloc(rl->nclauses + 1, sizeof(*pos));
	unsigned char *keep = xcalloc(rl->nclauses + 1, 1);
	size_t i, n = 0;

	for (i = 0; i < rl->nclauses; i++)
		if (rl->clauses[i].old != NULL && rl->clauses[i].new != NULL)
			pos[n++] = (size_t)(rl->clauses[i].old -
			    rl->from->clauses);
	diff_lis(pos, n, keep);
	for (i = n = 0; i < rl->nclauses; i++)
		if (rl->clauses[i].old != NULL && rl->clauses[i].new != NULL)
			rl->clauses[i].moved = !keep[n++];
	free(pos);
	free(keep);
}

static int
uses_any(const struct rev_clause *c, const char *const keys[3])
{
	size_t i, j;

	for (i = 0; c != NULL && i < c->nuses; i++)
		for (j = 0; j < 3 && keys[j] != NULL; j++)
			if (strcmp(c->uses[i], keys[j]) == 0)
				return 1;
	return 0;
}

/* Tie each changed clause to the causes among the values it prints. */
static void
attribute(struct redline *rl, struct rl_clause *v, size_t n, size_t base)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		struct rl_clause *c = &v[i];
		if (c->change != RL_CHANGED)
			continue;
		for (k = 0; k < rl->ncauses; k++) {
			struct rl_cause *u = &rl->causes[k];
			if (!uses_any(c->old, u->keys) &&
			    !uses_any(c->new, u->keys))
				continue;
			c->causes = xreallocarray(c->causes, c->ncauses + 1,
			    sizeof(*c->causes));
			c->causes[c->ncauses++] = k;
			u->clauses = xreallocarray(u->clauses, u->nclauses + 1,
			    sizeof(*u->clauses));
			u->clauses[u->nclauses++] = base + i;
		}
		c->by_config = c->ncauses > 0 &&
		    strcmp(c->old->tpl, c->new->tpl) == 0;
	}
}

/* ------------------------------------------------------------------ */
/* The merged view: sections with their clauses and pointers            */

struct slot {
	size_t		 section;	/* index into rl->sections */
	size_t		 key;		/* 2p+1: new clause p; 2p: before it */
	size_t		 seq;		/* old order among equal keys */
	struct rl_entry	 e;
};

static int
slot_cmp(const void *a, const void *b)
{
	const struct slot *x = a, *y = b;

	if (x->section != y->section)
		return x->section < y->section ? -1 : 1;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static size_t
section_index(const struct redline *rl, const char *id, int old)
{
	size_t i;

	for (i = 0; i < rl->nsections; i++) {
		const struct rev_section *s = old ? rl->sections[i].old :
		    rl->sections[i].new;
		if (s != NULL && strcmp(s->id, id) == 0)
			return i;
	}
	return SIZE_MAX;
}

static const struct rev_section *
find_section(const struct revdoc *r, const char *id)
{
	size_t i;

	for (i = 0; i < r->nsections; i++)
		if (strcmp(r->sections[i].id, id) == 0)
			return &r->sections[i];
	return NULL;
}

/* New sections in order, each removed one after its old predecessor. */
static void
merge_sections(struct redline *rl, struct symtab *syms)
{
	const struct revdoc *a = rl->from, *b = rl->to;
	struct tokens ta = { 0 }, tb = { 0 };
	size_t i, at, k;

	rl->sections = xcalloc(a->nsections + b->nsections + 1,
	    sizeof(*rl->sections));
	for (i = 0; i < b->nsections; i++) {
		struct rl_section *s = &rl->sections[rl->nsections++];
		s->new = &b->sections[i];
		s->old = find_section(a, b->sections[i].id);
		tokens_make(s->new->title, syms, NULL, NULL, &tb);
		if (s->old == NULL) {
			s->change = RL_NEW;
			words_plain(&tb, MARK_INS, &s->title);
		} else {
			tokens_make(s->old->title, syms, NULL, NULL, &ta);
			s->change = tokens_equal(&ta, &tb) ? RL_SAME :
			    RL_CHANGED;
			if (s->change == RL_SAME)
				words_plain(&tb, MARK_SAME, &s->title);
			else
				words_diff(&ta, &tb, &s->title);
			tokens_free(&ta);
		}
		tokens_free(&tb);
	}
	for (i = 0, at = 0; i < a->nsections; i++) {
		if ((k = section_index(rl, a->sections[i].id, 0)) !=
		    SIZE_MAX) {
			at = k + 1;
			continue;
		}
		memmove(&rl->sections[at + 1], &rl->sections[at],
		    (rl->nsections - at) * sizeof(*rl->sections));
		memset(&rl->sections[at], 0, sizeof(*rl->sections));
		rl->sections[at].old = &a->sections[i];
		rl->sections[at].change = RL_REMOVED;
		tokens_make(a->sections[i].title, syms, NULL, NULL, &ta);
		words_plain(&ta, MARK_DEL, &rl->sections[at].title);
		tokens_free(&ta);
		rl->nsections++;
		at++;
	}
}

/*
 * Where an old-only entry (removed clause, or where a moved one stood)
 * goes: after the nearest earlier clause of its old section that kept its
 * place, else at the start of that section.
 */
static void
place_old(const struct redline *rl, const size_t *newpos,
    const struct rl_clause *c, struct slot *sl)
{
	const struct rev_clause *o = c->old;
	size_t oi = (size_t)(o - rl->from->clauses), j, k;

	for (j = oi; j > 0; j--) {
		const struct rev_clause *p = &rl->from->clauses[j - 1];
		if (strcmp(p->section, o->section) != 0)
			break;
		for (k = 0; k < rl->nclauses; k++)
			if (rl->clauses[k].old == p)
				break;
		if (k < rl->nclauses && rl->clauses[k].new != NULL &&
		    !rl->clauses[k].moved) {
			sl->section = section_index(rl,
			    rl->clauses[k].new->section, 0);
			sl->key = 2 * newpos[k] + 2;
			return;
		}
	}
	sl->section = section_index(rl, o->section, 0);
	if (sl->section == SIZE_MAX)
		sl->section = section_index(rl, o->section, 1);
	sl->key = 0;
}

static void
merge_entries(struct redline *rl)
{
	struct slot *sl = xcalloc(2 * rl->nclauses + 1, sizeof(*sl));
	size_t *newpos = xcalloc(rl->nclauses + 1, sizeof(*newpos));
	size_t n = 0, i, p = 0, sec = SIZE_MAX;

	for (i = 0; i < rl->nclauses; i++) {
		struct rl_clause *c = &rl->clauses[i];
		if (c->new == NULL)
			continue;
		size_t s = section_index(rl, c->new->section, 0);
		p = s == sec ? p + 1 : 0;
		sec = s;
		newpos[i] = p;
		sl[n++] = (struct slot){ s, 2 * p + 1, 0,
		    { RL_ENTRY_CLAUSE, c } };
	}
	for (i = 0; i < rl->nclauses; i++) {
		struct rl_clause *c = &rl->clauses[i];
		if (c->old == NULL || (c->new != NULL && !c->moved))
			continue;
		place_old(rl, newpos, c, &sl[n]);
		sl[n].seq = (size_t)(c->old - rl->from->clauses) + 1;
		sl[n].e.kind = c->new ? RL_ENTRY_POINTER : RL_ENTRY_CLAUSE;
		sl[n].e.c = c;
		if (sl[n].section != SIZE_MAX)
			n++;
	}
	qsort(sl, n, sizeof(*sl), slot_cmp);
	for (i = 0; i < n; i++) {
		struct rl_section *s = &rl->sections[sl[i].section];
		s->entries = xreallocarray(s->entries, s->nentries + 1,
		    sizeof(*s->entries));
		s->entries[s->nentries++] = sl[i].e;
	}
	free(sl);
	free(newpos);
}

static void
count(struct redline *rl, const struct rl_clause *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		rl->count.added += v[i].change == RL_NEW;
		rl->count.removed += v[i].change == RL_REMOVED;
		rl->count.changed += v[i].change == RL_CHANGED &&
		    !v[i].by_config;
		rl->count.by_config += v[i].change == RL_CHANGED &&
		    v[i].by_config;
		rl->count.moved += v[i].moved;
	}
}

struct redline *
redline_build(const struct revdoc *from, const struct revdoc *to)
{
	struct redline *rl = xcalloc(1, sizeof(*rl));
	struct symtab *syms = symtab_new();
	struct side a = { .r = from }, b = { .r = to };
	size_t i;

	rl->from = from;
	rl->to = to;
	a.tok = xcalloc(from->nclauses + 1, sizeof(*a.tok));
	a.ntok = xcalloc(from->nnotes + 1, sizeof(*a.ntok));
	b.tok = xcalloc(to->nclauses + 1, sizeof(*b.tok));
	b.ntok = xcalloc(to->nnotes + 1, sizeof(*b.ntok));
	rl_meta_causes(rl);
	rl_step_causes(rl);
	rl_value_causes(rl);
	rl_list_causes(rl, "channel", "channels");
	rl_list_causes(rl, "lesson", "lessons");
	rl->nclauses = match(&a, &b, syms, 0, &rl->clauses);
	rl->nnotes = match(&a, &b, syms, 1, &rl->notes);
	find_moves(rl);
	merge_sections(rl, syms);
	rl_section_causes(rl);
	attribute(rl, rl->clauses, rl->nclauses, 0);
	attribute(rl, rl->notes, rl->nnotes, rl->nclauses);
	merge_entries(rl);
	count(rl, rl->clauses, rl->nclauses);
	count(rl, rl->notes, rl->nnotes);
	rl_council(rl);
	for (i = 0; i < from->nclauses; i++)
		tokens_free(&a.tok[i]);
	for (i = 0; i < from->nnotes; i++)
		tokens_free(&a.ntok[i]);
	for (i = 0; i < to->nclauses; i++)
		tokens_free(&b.tok[i]);
	for (i = 0; i < to->nnotes; i++)
		tokens_free(&b.ntok[i]);
	free(a.tok);
	free(a.ntok);
	free(b.tok);
	free(b.ntok);
	symtab_free(syms);
	return rl;
}

static void
clauses_free(struct rl_clause *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].causes);
		mtext_free(&v[i].text);
	}
	free(v);
}

void
redline_free(struct redline *rl)
{
	size_t i;

	if (rl == NULL)
		return;
	rl_council_free(rl);
	clauses_free(rl->clauses, rl->nclauses);
	clauses_free(rl->notes, rl->nnotes);
	for (i = 0; i < rl->nsections; i++) {
		free(rl->sections[i].entries);
		mtext_free(&rl->sections[i].title);
	}
	free(rl->sections);
	for (i = 0; i < rl->ncauses; i++) {
		free(rl->causes[i].what);
		free(rl->causes[i].was);
		free(rl->causes[i].now);
		free(rl->causes[i].clauses);
	}
	free(rl->causes);
	free(rl);
}

int
rl_listed(const struct rl_clause *c)
{
	return c->moved || c->change == RL_NEW || c->change == RL_REMOVED ||
	    (c->change == RL_CHANGED && !c->by_config);
}

void
rl_label(const struct revdoc *r, const struct rev_clause *c, struct buf *b)
{
	const struct rev_section *s;

	if (c->kind == CLAUSE_FOOTNOTE)
		buf_printf(b, "%s %s", tr("diff.footnote"), c->number);
	else if (c->kind == CLAUSE_ARTICLE && *c->number != '\0')
		buf_printf(b, "%s %s", tr("ref.article"), c->number);
	else if ((s = find_section(r, c->section)) != NULL &&
	    str_starts(s->number, tr("ref.appendix.title")))
		buf_printf(b, "%s", s->number);
	else if (s != NULL)
		buf_printf(b, "%s %s", tr("ref.section"), s->number);
	else
		buf_puts(b, c->id);
}

void
rl_version(const struct revdoc *r, struct buf *b)
{
	const char *status = revdoc_meta(r, "status");
	char key[64];

	snprintf(key, sizeof(key), "status.%s", status ? status : "");
	buf_printf(b, "%s %s", tr("meta.version.short"), r->version);
	if (status != NULL)
		buf_printf(b, " (%s)", tr_maybe(key) ? tr_maybe(key) : status);
}

/* ------------------------------------------------------------------ */
/* Dump                                                                 */

/* One block as "p: text [-deleted-]{+inserted+}". */
static void
dump_block(const struct mblock *b, struct buf *out)
{
	static const char *const kinds[] = { "p", "li", "li+", "q" };
	static const char *const open[] = { "", "[-", "{+" };
	static const char *const close[] = { "", "-]", "+}" };
	int cur = MARK_SAME;
	size_t i;

	buf_printf(out, "      %s", kinds[b->kind]);
	if (b->kind == BLOCK_ITEM || b->kind == BLOCK_MORE)
		buf_printf(out, "%d%s", b->depth, b->ordered ? "." : "");
	if (b->mark != MARK_SAME)
		buf_printf(out, "%s", b->mark == MARK_INS ? "(+)" : "(-)");
	buf_puts(out, ": ");
	for (i = 0; i < b->nspans; i++) {
		const struct mspan *s = &b->spans[i];
		if (s->mark != cur) {
			buf_puts(out, close[cur]);
			buf_puts(out, open[s->mark]);
			cur = s->mark;
		}
		if (s->note)
			buf_printf(out, "[^%s]", s->text);
		else if (s->brk)
			buf_puts(out, "\\n");
		else if (s->link != NULL)
			buf_printf(out, "<%s|%s>", s->text, s->link);
		else
			buf_puts(out, s->text);
	}
	buf_puts(out, close[cur]);
	buf_putc(out, '\n');
}

static void
dump_clause(const struct redline *rl, const struct rl_entry *e,
    struct buf *out)
{
	static const char sym[] = { '=', '+', '-', '~' };
	const struct rl_clause *c = e->c;
	const struct rev_clause *rc = c->new ? c->new : c->old;
	size_t i;

	if (e->kind == RL_ENTRY_POINTER) {
		buf_printf(out, "    > %s stood here as ", c->old->id);
		rl_label(rl->from, c->old, out);
		buf_putc(out, '\n');
		return;
	}
	buf_printf(out, "    %c %s", sym[c->change], rc->id);
	if (*rc->number != '\0')
		buf_printf(out, " %s", rc->number);
	if (c->old != NULL && c->new != NULL &&
	    strcmp(c->old->number, c->new->number) != 0)
		buf_printf(out, " (was %s)", c->old->number);
	if (c->moved)
		buf_puts(out, " moved");
	if (c->by_config)
		buf_puts(out, " by-config");
	if (c->change != RL_SAME)
		buf_printf(out, " [%s]", c->consent == CONSENT_STAFF ?
		    "staff" : "whole");
	for (i = 0; i < c->ncauses; i++)
		buf_printf(out, " <%s>", rl->causes[c->causes[i]].what);
	buf_putc(out, '\n');
	if (c->why != NULL)
		buf_printf(out, "      why: %s\n", c->why);
	if (c->change == RL_SAME)
		return;
	for (i = 0; i < c->text.nblocks; i++)
		if (c->text.blocks[i].nspans > 0)
			dump_block(&c->text.blocks[i], out);
}

void
redline_dump(const struct redline *rl, struct buf *out)
{
	static const char *const sec[] = { "", " (new)", " (removed)",
	    " (renamed)" };
	const struct rl_counts *k = &rl->count;
	struct rl_entry e = { RL_ENTRY_CLAUSE, NULL };
	size_t i, j;

	buf_printf(out, "from %s to %s\n", rl->from->version, rl->to->version);
	buf_printf(out, "counts: new %zu, removed %zu, changed %zu, moved %zu, "
	    "by config %zu\n", k->added, k->removed, k->changed, k->moved,
	    k->by_config);
	if (rl->rationale != NULL)
		buf_printf(out, "rationale: %s\n", rl->rationale);
	buf_puts(out, "causes:\n");
	for (i = 0; i < rl->ncauses; i++) {
		const struct rl_cause *u = &rl->causes[i];
		buf_printf(out, "  %s: %s -> %s |", u->what,
		    u->was ? u->was : "-", u->now ? u->now : "-");
		for (j = 0; j < u->nclauses; j++) {
			const struct rl_clause *c = u->clauses[j] < rl->nclauses ?
			    &rl->clauses[u->clauses[j]] :
			    &rl->notes[u->clauses[j] - rl->nclauses];
			buf_printf(out, " %s", c->new->id);
		}
		buf_putc(out, '\n');
	}
	buf_puts(out, "text:\n");
	for (i = 0; i < rl->nsections; i++) {
		const struct rl_section *s = &rl->sections[i];
		const struct rev_section *rs = s->new ? s->new : s->old;
		buf_printf(out, "  %s %s%s\n", rs->number, rs->id,
		    sec[s->change]);
		if (s->change == RL_CHANGED)
			dump_block(&s->title.blocks[0], out);
		for (j = 0; j < s->nentries; j++)
			dump_clause(rl, &s->entries[j], out);
	}
	if (rl->nnotes > 0)
		buf_puts(out, "  notes\n");
	for (i = 0; i < rl->nnotes; i++) {
		e.c = &rl->notes[i];
		dump_clause(rl, &e, out);
	}
}
