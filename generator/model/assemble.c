/* Assembly: a school's config × the clause library → its document model. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "model/model.h"
#include "config/config.h"
#include "base/base.h"
#include "library/library.h"

/* The working selection: outline sections and their clauses. */
struct pick {
	const struct clause *clause;
	struct loc	 loc;	/* the outline line or the school's add */
};

struct psection {
	const struct outline_section *os;
	struct pick	*picks;
	size_t		 n, cap;
};

struct selection {
	struct psection	*sections;
	size_t		 n;
};

static void
selection_free(struct selection *sel)
{
	size_t i;

	for (i = 0; i < sel->n; i++)
		free(sel->sections[i].picks);
	free(sel->sections);
}

/* Find clause id in the selection; store where in *si, *pi. */
static int
selection_find(const struct selection *sel, const char *id, size_t *si,
    size_t *pi)
{
	size_t i, j;

	for (i = 0; i < sel->n; i++)
		for (j = 0; j < sel->sections[i].n; j++)
			if (strcmp(sel->sections[i].picks[j].clause->id,
			    id) == 0) {
				*si = i;
				*pi = j;
				return 1;
			}
	return 0;
}

static int
selection_find_variant(const struct selection *sel, const char *group,
    size_t *si, size_t *pi)
{
	size_t i, j;

	for (i = 0; i < sel->n; i++)
		for (j = 0; j < sel->sections[i].n; j++) {
			const struct clause *c = sel->sections[i].picks[j].clause;
			if (c->variant_of != NULL &&
			    strcmp(c->variant_of, group) == 0) {
				*si = i;
				*pi = j;
				return 1;
			}
		}
	return 0;
}

static void
pick_insert(struct psection *ps, size_t at, const struct clause *c,
    struct loc loc)
{
	ARRAY_RESERVE(ps->picks, ps->n, ps->cap);
	memmove(&ps->picks[at + 1], &ps->picks[at],
	    (ps->n - at) * sizeof(*ps->picks));
	ps->picks[at].clause = c;
	ps->picks[at].loc = loc;
	ps->n++;
}

static void
pick_remove(struct psection *ps, size_t at)
{
	memmove(&ps->picks[at], &ps->picks[at + 1],
	    (ps->n - at - 1) * sizeof(*ps->picks));
	ps->n--;
}

/* Place an added clause; return 0 or -1 after reporting. */
static int
place_clause(struct selection *sel, const struct placement *p,
    const struct clause *c, const struct school *s)
{
	size_t si, pi, i, j;
	int found = 0;

	if (p->after != NULL || p->before != NULL) {
		const char *anchor = p->after ? p->after : p->before;
		if (!selection_find(sel, anchor, &si, &pi)) {
			diag_error(p->loc.file, p->loc.line, "cannot place "
			    "'%s' %s '%s': that clause is not in the "
			    "protocol", c->id, p->after ? "after" : "before",
			    anchor);
			return -1;
		}
		pick_insert(&sel->sections[si], p->after ? pi + 1 : pi, c,
		    p->loc);
		return 0;
	}
	/* after the last clause of the same library section */
	for (i = 0; i < sel->n; i++)
		for (j = 0; j < sel->sections[i].n; j++)
			if (strcmp(sel->sections[i].picks[j].clause->section,
			    c->section) == 0) {
				si = i;
				pi = j;
				found = 1;
			}
	if (!found) {
		diag_error(p->loc.file, p->loc.line, "cannot place '%s': "
		    "outline '%s' has no clause of section '%s'; write "
		    "{ id = \"%s\", after = \"<clause id>\" }", c->id,
		    s->outline, c->section, c->id);
		return -1;
	}
	pick_insert(&sel->sections[si], pi + 1, c, p->loc);
	return 0;
}

/* The outline's clauses, section by section. */
static void
select_outline(const struct outline *o, struct selection *sel)
{
	size_t i, j;

	sel->sections = xcalloc(o->nsections, sizeof(*sel->sections));
	sel->n = o->nsections;
	for (i = 0; i < o->nsections; i++) {
		const struct outline_section *os = &o->sections[i];
		sel->sections[i].os = os;
		for (j = 0; j < os->nentries; j++) {
			struct loc l = { o->path, os->entries[j].line };
			if (os->entries[j].clause != NULL)
				pick_insert(&sel->sections[i],
				    sel->sections[i].n, os->entries[j].clause,
				    l);
		}
	}
}

/* The school's remove list; return the number of errors. */
static int
apply_removes(const struct school *s, const struct outline *o,
    const struct library *lib, struct selection *sel)
{
	size_t i, si, pi;
	int errors = 0;

	for (i = 0; i < s->nremove; i++) {
		const struct placement *p = &s->remove[i];
		if (!selection_find(sel, p->id, &si, &pi)) {
			diag_error(p->loc.file, p->loc.line, "%s '%s' is "
			    "not in outline '%s'", library_clause(lib, p->id) ?
			    "cannot remove: clause" : "unknown clause", p->id,
			    o->name);
			errors++;
			continue;
		}
		pick_remove(&sel->sections[si], pi);
	}
	return errors;
}

/* Can clause c (NULL: unknown) be added for s?  Report if not. */
static int
addable(const struct placement *p, const struct clause *c,
    const struct school *s, const struct selection *sel,
    const struct library *lib)
{
	size_t si, pi;

	if (c == NULL) {
		char hint[160];
		diag_error(p->loc.file, p->loc.line, "unknown clause '%s'%s",
		    p->id, library_clause_hint(lib, p->id, hint,
		    sizeof(hint)));
	}
	else if (c->kind == CLAUSE_FOOTNOTE)
		diag_error(p->loc.file, p->loc.line, "'%s' is a footnote: it "
		    "appears where it is referenced", p->id);
	else if (!(c->levels & s->level))
		diag_error(p->loc.file, p->loc.line, "clause '%s' is not "
		    "written for %s schools", p->id,
		    config_level_name(s->level));
	else if (selection_find(sel, p->id, &si, &pi))
		diag_error(p->loc.file, p->loc.line, "clause '%s' is already "
		    "in the protocol", p->id);
	else
		return 1;
	return 0;
}

/* The school's add list; return the number of errors. */
static int
apply_adds(const struct school *s, const struct library *lib,
    struct selection *sel)
{
	const struct clause *c;
	size_t i, si, pi;
	int errors = 0;

	for (i = 0; i < s->nadd; i++) {
		const struct placement *p = &s->add[i];
		c = library_clause(lib, p->id);
		if (!addable(p, c, s, sel, lib)) {
			errors++;
			continue;
		}
		if (c->variant_of != NULL && p->after == NULL &&
		    p->before == NULL &&
		    selection_find_variant(sel, c->variant_of, &si, &pi)) {
			/* a variant takes the place of its sibling */
			sel->sections[si].picks[pi].clause = c;
			sel->sections[si].picks[pi].loc = p->loc;
			continue;
		}
		if (place_clause(sel, p, c, s) < 0)
			errors++;
	}
	return errors;
}

/* Report variants of pick (i, j)'s group selected after it. */
static int
later_variants(const struct selection *sel, size_t i, size_t j)
{
	const struct clause *c = sel->sections[i].picks[j].clause, *d;
	size_t k, m;
	int errors = 0;

	for (k = i; k < sel->n; k++)
		for (m = k == i ? j + 1 : 0; m < sel->sections[k].n; m++) {
			const struct pick *pd = &sel->sections[k].picks[m];
			d = pd->clause;
			if (d->variant_of == NULL ||
			    strcmp(d->variant_of, c->variant_of) != 0)
				continue;
			diag_error(pd->loc.file, pd->loc.line, "'%s' and '%s' "
			    "are variants of '%s': a school selects one", c->id,
			    d->id, c->variant_of);
			errors++;
		}
	return errors;
}

/* Every selected clause suits the school; one per variant group. */
static int
check_selection(const struct school *s, const struct outline *o,
    const struct selection *sel)
{
	const struct clause *c;
	size_t i, j;
	int errors = 0;

	for (i = 0; i < sel->n; i++)
		for (j = 0; j < sel->sections[i].n; j++) {
			c = sel->sections[i].picks[j].clause;
			if (!(c->levels & s->level)) {
				diag_error(s->path, s->outline_loc.line, "clause "
				    "'%s' in outline '%s' is not written for %s "
				    "schools", c->id, o->name,
				    config_level_name(s->level));
				errors++;
			}
			if (c->variant_of != NULL)
				errors += later_variants(sel, i, j);
		}
	return errors;
}

/* Outline, then remove, then add; return the number of errors. */
static int
select_clauses(const struct school *s, const struct outline *o,
    const struct library *lib, struct selection *sel)
{
	int errors;

	select_outline(o, sel);
	errors = apply_removes(s, o, lib, sel);
	errors += apply_adds(s, lib, sel);
	return errors + check_selection(s, o, sel);
}

/* ------------------------------------------------------------------ */

struct assembly {
	struct document		*doc;
	const struct school	*school;
	const struct library	*lib;
	int			 errors;
	size_t			 notescap;
};

static int
footnote_number(void *arg, const char *id)
{
	struct assembly *a = arg;
	struct document *d = a->doc;
	const struct clause *c;
	size_t i;

	for (i = 0; i < d->nnotes; i++)
		if (strcmp(d->notes[i].clause->id, id) == 0)
			return d->notes[i].number;
	if ((c = library_clause(a->lib, id)) == NULL ||
	    c->kind != CLAUSE_FOOTNOTE)
		return 0;	/* reported when the library loaded */
	ARRAY_RESERVE(d->notes, d->nnotes, a->notescap);
	d->notes[d->nnotes].clause = c;
	d->notes[d->nnotes].tree = NULL;
	d->notes[d->nnotes].number = (int)d->nnotes + 1;
	return (int)++d->nnotes;
}

static cmark_node *
bound_copy(struct assembly *a, const struct clause *c, const struct loc *at)
{
	struct bind_ctx ctx = { .school = a->school, .clause = c,
	    .picked = at, .footnote = footnote_number, .arg = a };
	cmark_node *t = tree_clone(c->tree);

	bind_tree(t, &ctx);
	a->errors += ctx.errors;
	return t;
}

static void
number_sections(struct document *d)
{
	size_t i, j;
	int sec = 0, app = 0, art;

	for (i = 0; i < d->nsections; i++) {
		struct doc_section *s = &d->sections[i];
		if (s->appendix)
			snprintf(s->number, sizeof(s->number), "%s %d",
			    tr("ref.appendix.title"), ++app);
		else
			snprintf(s->number, sizeof(s->number), "%d", ++sec);
		art = 0;
		for (j = s->first; j < s->first + s->count; j++) {
			struct doc_block *b = &d->blocks[j];
			if (b->kind != CLAUSE_ARTICLE)
				continue;
			if (s->appendix)
				snprintf(b->number, sizeof(b->number), "%d",
				    ++art);
			else
				snprintf(b->number, sizeof(b->number), "%d.%d",
				    sec, ++art);
		}
	}
}

static void
build_blocks(struct assembly *a, const struct selection *sel,
    const struct outline *o)
{
	struct clause outline_file = { .path = o->path };
	struct document *d = a->doc;
	size_t i, j, nblocks = 0, nsec = 0;

	for (i = 0; i < sel->n; i++) {
		nblocks += sel->sections[i].n;
		nsec += sel->sections[i].n > 0;
	}
	d->blocks = xcalloc(nblocks, sizeof(*d->blocks));
	d->sections = xcalloc(nsec, sizeof(*d->sections));
	for (i = 0; i < sel->n; i++) {
		const struct psection *ps = &sel->sections[i];
		struct doc_section *s;
		struct bind_ctx ctx = { .school = a->school,
		    .clause = &outline_file };
		if (ps->n == 0)
			continue;	/* every clause removed */
		s = &d->sections[d->nsections];
		s->id = xstrdup(ps->os->id);
		s->title = bind_string(ps->os->title, ps->os->line, &ctx);
		a->errors += ctx.errors;
		s->appendix = ps->os->appendix;
		s->line = ps->os->line;
		s->first = d->nblocks;
		s->count = ps->n;
		for (j = 0; j < ps->n; j++) {
			struct doc_block *b = &d->blocks[d->nblocks++];
			const struct clause *c = ps->picks[j].clause;
			b->clause = c;
			b->kind = c->kind;
			b->section = d->nsections;
			if (c->dynamic) {
				b->tree = bound_copy(a, c,
				    &ps->picks[j].loc);
				b->owned = 1;
			} else
				b->tree = c->tree;
		}
		d->nsections++;
	}
	/* footnotes (binding one never adds another: see bind_footnote) */
	for (i = 0; i < d->nnotes; i++) {
		cmark_node *t = bound_copy(a, d->notes[i].clause, NULL);
		d->notes[i].tree = t;
	}
	number_sections(d);
}

const struct doc_block *
doc_block_by_id(const struct document *d, const char *id)
{
	size_t i;

	for (i = 0; i < d->nblocks; i++)
		if (strcmp(d->blocks[i].clause->id, id) == 0)
			return &d->blocks[i];
	return NULL;
}

const struct doc_section *
doc_section_by_id(const struct document *d, const char *id)
{
	size_t i;

	for (i = 0; i < d->nsections; i++)
		if (strcmp(d->sections[i].id, id) == 0)
			return &d->sections[i];
	return NULL;
}

int
doc_footnote_ref(cmark_node *n)
{
	const char *m;

	if (cmark_node_get_type(n) != CMARK_NODE_CUSTOM_INLINE)
		return 0;
	m = cmark_node_get_on_enter(n);
	if (!str_starts(m, "[^"))
		return 0;
	return atoi(m + 2);
}

int
doc_number_exists(const struct document *d, int kind, const char *num)
{
	size_t i;
	char want[32];

	for (i = 0; kind == 0 && i < d->nblocks; i++)
		if (d->blocks[i].kind == CLAUSE_ARTICLE &&
		    strcmp(d->blocks[i].number, num) == 0)
			return 1;
	for (i = 0; kind != 0 && i < d->nsections; i++) {
		const struct doc_section *s = &d->sections[i];
		if (kind == 1 && !s->appendix && strcmp(s->number, num) == 0)
			return 1;
		snprintf(want, sizeof(want), "%s %s", tr("ref.appendix.title"),
		    num);
		if (kind == 2 && s->appendix && strcmp(s->number, want) == 0)
			return 1;
	}
	return 0;
}

int
doc_ref_label(const struct document *d, const char *target, char *out,
    size_t outsz)
{
	const struct doc_block *b;
	const struct doc_section *s;

	if ((s = doc_section_by_id(d, target)) != NULL) {
		if (s->appendix)
			snprintf(out, outsz, "%s", s->number);
		else
			snprintf(out, outsz, "%s %s", tr("ref.section"),
			    s->number);
		/* "bijlage 1" reads lower case inside a sentence */
		if (s->appendix && out[0] >= 'A' && out[0] <= 'Z')
			out[0] = (char)(out[0] - 'A' + 'a');
		return 1;
	}
	if ((b = doc_block_by_id(d, target)) == NULL)
		return 0;
	if (b->kind == CLAUSE_ARTICLE)
		snprintf(out, outsz, "%s %s", tr("ref.article"), b->number);
	else
		snprintf(out, outsz, "%s %s", tr("ref.section"),
		    d->sections[b->section].number);
	return 1;
}

/*
 * The block standing in for target when the school chose another variant
 * of it (or target names a variant group): its clause id, or NULL.
 */
static const char *
variant_stand_in(const struct assembly *a, const char *target)
{
	const struct clause *t = library_clause(a->lib, target);
	const char *group = t != NULL && t->variant_of != NULL ?
	    t->variant_of : target;
	size_t i;

	for (i = 0; i < a->doc->nblocks; i++) {
		const struct clause *c = a->doc->blocks[i].clause;
		if (c->variant_of != NULL && strcmp(c->variant_of, group) == 0)
			return c->id;
	}
	return NULL;
}

/* Cross-references: every '#target' resolves; empty links get a label. */
static void
resolve_refs(struct assembly *a, const struct doc_block *b, cmark_node *root)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	cmark_node *n;
	char label[96];

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(n) != CMARK_NODE_LINK)
			continue;
		const char *url = cmark_node_get_url(n), *alt;
		if (url[0] != '#')
			continue;
		if (!doc_ref_label(a->doc, url + 1, label, sizeof(label)) &&
		    (alt = variant_stand_in(a, url + 1)) != NULL) {
			char *href = xasprintf("#%s", alt);
			cmark_node_set_url(n, href);
			free(href);
			url = cmark_node_get_url(n);
		}
		if (!doc_ref_label(a->doc, url + 1, label, sizeof(label))) {
			diag_error(b->clause->path, node_line(n), "reference "
			    "'%s' points nowhere in the protocol of school "
			    "'%s'", url, a->school->id);
			a->errors++;
			continue;
		}
		if (cmark_node_first_child(n) == NULL) {
			cmark_node *t = cmark_node_new(CMARK_NODE_TEXT);
			cmark_node_set_literal(t, label);
			cmark_node_set_user_data(t,
			    cmark_node_get_user_data(n));
			cmark_node_append_child(n, t);
		}
	}
	cmark_iter_free(it);
}

static const char *
act_date(const struct school *s, const char *act)
{
	size_t i;

	for (i = s->rev.napprovals; i > 0; i--)
		if (strcmp(s->rev.approvals[i - 1].act, act) == 0)
			return s->rev.approvals[i - 1].date;
	return NULL;
}

static void
fill_meta(struct document *d, const struct school *s, const struct outline *o)
{
	struct doc_meta *m = &d->meta;
	struct doc_step *steps;
	size_t i;

	m->school_id = s->id;
	m->school = s->name;
	m->follows = s->follows;
	m->follows_name = s->leader != NULL ? s->leader->name : NULL;
	m->school_short = s->short_name;
	m->place = s->place;
	m->brin = s->brin;
	m->vestiging = s->vestiging;
	m->board = s->board->name;
	m->board_id = s->board->id;
	m->redline_author = s->board->redline_author;
	m->level = s->level;
	m->level_name = config_level_name(s->level);
	m->title = s->title ? s->title : o->title;
	m->outline = o->name;
	m->version = s->rev.version;
	m->status = s->rev.status;
	m->scope = s->rev.scope;
	m->council = strcmp(s->rev.scope, "board") == 0 ? "GMR" : "MR";
	m->owner = s->owner;
	m->author = s->author;
	m->maintainer = s->maintainer;
	m->effective = s->rev.effective;
	m->review = s->rev.review;
	m->replaces = s->rev.replaces;
	m->schoolyear = s->schoolyear;
	m->website = s->website;
	m->protocol_url = s->protocol_url;
	m->look = &s->look;
	steps = xcalloc(s->rev.napprovals, sizeof(*steps));
	for (i = 0; i < s->rev.napprovals; i++) {
		steps[i].body = s->rev.approvals[i].body;
		steps[i].act = s->rev.approvals[i].act;
		steps[i].date = s->rev.approvals[i].date;
	}
	m->steps = steps;
	m->nsteps = s->rev.napprovals;
	m->adopted = act_date(s, "vaststelling");
	m->consented = act_date(s, "instemming");
	m->draft = s->rev.status == NULL ||
	    strcmp(s->rev.status, "vastgesteld") != 0;
	doc_meta_generated(m);
}

void
doc_meta_generated(struct doc_meta *m)
{
	static char generated[11];
	int set;

	/* never the clock: SOURCE_DATE_EPOCH, else the revision's dates */
	source_date_epoch(&set);
	if (set) {
		snprintf(generated, sizeof(generated), "%s", date_today());
		m->generated = generated;
	} else if (m->adopted != NULL)
		m->generated = m->adopted;
	else if (m->consented != NULL)
		m->generated = m->consented;
	else if (m->nsteps > 0)
		m->generated = m->steps[m->nsteps - 1].date;
	else
		m->generated = NULL;
}

struct document *
doc_assemble(const struct school *s, const struct library *lib)
{
	struct assembly a = { .school = s, .lib = lib };
	struct selection sel = { 0 };
	const struct outline *o;
	struct document *d;
	size_t i;

	if ((o = library_outline(lib, s->outline)) == NULL) {
		struct buf names = { 0 };
		struct nearest near;
		char hint[96];
		nearest_init(&near, s->outline);
		for (i = 0; i < lib->noutlines; i++) {
			buf_printf(&names, "%s%s", i ? ", " : "",
			    lib->outlines[i]->name);
			nearest_try(&near, lib->outlines[i]->name);
		}
		diag_error(s->outline_loc.file, s->outline_loc.line, "unknown "
		    "outline '%s'%s (the library has: %s)", s->outline,
		    nearest_hint(&near, hint, sizeof(hint)),
		    names.len ? buf_str(&names) : "none");
		buf_free(&names);
		return NULL;
	}
	if (!(o->levels & s->level)) {
		diag_error(s->outline_loc.file, s->outline_loc.line, "outline "
		    "'%s' is not meant for %s schools", o->name,
		    config_level_name(s->level));
		return NULL;
	}
	d = xcalloc(1, sizeof(*d));
	a.doc = d;
	d->school = s;
	d->outline_path = o->path;
	d->channels = s->channels;
	d->nchannels = s->nchannels;
	d->lessons = s->lessons;
	d->nlessons = s->nlessons;
	a.errors = select_clauses(s, o, lib, &sel);
	if (a.errors == 0)
		build_blocks(&a, &sel, o);
	selection_free(&sel);
	fill_meta(d, s, o);
	for (i = 0; a.errors == 0 && i < d->nblocks; i++)
		if (d->blocks[i].owned)
			resolve_refs(&a, &d->blocks[i], d->blocks[i].tree);
	for (i = 0; a.errors == 0 && i < d->nnotes; i++) {
		struct doc_block fb = { .clause = d->notes[i].clause };
		resolve_refs(&a, &fb, d->notes[i].tree);
	}
	if (a.errors > 0) {
		doc_free(d);
		return NULL;
	}
	d->schoolgids = schoolgids_build(d);
	return d;
}

void
doc_free(struct document *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->nblocks; i++)
		if (d->blocks[i].owned)
			cmark_node_free(d->blocks[i].tree);
	free(d->blocks);
	for (i = 0; i < d->nsections; i++) {
		free(d->sections[i].id);
		free(d->sections[i].title);
	}
	free(d->sections);
	for (i = 0; i < d->nnotes; i++)
		if (d->notes[i].tree != NULL)
			cmark_node_free(d->notes[i].tree);
	free(d->notes);
	free((void *)d->meta.steps);
	schoolgids_free(d->schoolgids);
	free(d);
}
