/* For the council: the rationale of a revision and its clauses, and who consents to which changes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "config/config.h"
#include "model/model.h"
#include "revisions/revisions.h"

int
rl_board(const struct redline *rl)
{
	const char *scope = revdoc_meta(rl->to, "scope");

	return scope != NULL && strcmp(scope, "board") == 0;
}

const char *
rl_body_text(const struct redline *rl, enum rl_consent c, const char *part)
{
	char key[80];

	if (strcmp(part, "short") == 0)
		snprintf(key, sizeof(key), "diff.consent.%s.%s",
		    c == CONSENT_STAFF ? "staff" : "whole",
		    rl_board(rl) ? "gmr" : "mr");
	else
		snprintf(key, sizeof(key), "diff.body.%s.%s.%s",
		    c == CONSENT_STAFF ? "staff" : "whole",
		    rl_board(rl) ? "gmr" : "mr", part);
	return tr(key);
}

/* Does the decision name this clause: is its text, or its place, new? */
static int
decided(const struct rl_clause *c)
{
	return c->change != RL_SAME || c->moved;
}

static void
body_add(struct redline *rl, const struct rl_clause *c)
{
	struct rl_body *b = NULL;
	size_t i;

	for (i = 0; i < rl->nbodies; i++)
		if (rl->bodies[i].consent == c->consent)
			b = &rl->bodies[i];
	if (b == NULL) {
		b = &rl->bodies[rl->nbodies++];
		b->consent = c->consent;
	}
	b->clauses = xreallocarray(b->clauses, b->nclauses + 1,
	    sizeof(*b->clauses));
	b->clauses[b->nclauses++] = c;
}

void
rl_council(struct redline *rl)
{
	struct rl_body t;
	size_t i, j;

	rl->rationale = rl->to->rationale;
	for (i = 0; i < rl->nclauses; i++) {
		struct rl_clause *c = &rl->clauses[i];
		c->why = revdoc_why(rl->to, (c->new ? c->new : c->old)->id);
	}
	for (i = 0; i < rl->nnotes; i++) {
		struct rl_clause *c = &rl->notes[i];
		c->why = revdoc_why(rl->to, (c->new ? c->new : c->old)->id);
	}
	/* in the order the text shows them */
	for (i = 0; i < rl->nsections; i++)
		for (j = 0; j < rl->sections[i].nentries; j++) {
			const struct rl_entry *e = &rl->sections[i].entries[j];
			if (e->kind == RL_ENTRY_CLAUSE && decided(e->c))
				body_add(rl, e->c);
		}
	for (i = 0; i < rl->nnotes; i++)
		if (decided(&rl->notes[i]))
			body_add(rl, &rl->notes[i]);
	if (rl->nbodies == 2 && rl->bodies[0].consent == CONSENT_STAFF) {
		t = rl->bodies[0];
		rl->bodies[0] = rl->bodies[1];
		rl->bodies[1] = t;
	}
}

void
rl_council_free(struct redline *rl)
{
	size_t i;

	for (i = 0; i < rl->nbodies; i++)
		free(rl->bodies[i].clauses);
	rl->nbodies = 0;
}

void
rl_decision_item(const struct redline *rl, const struct rl_clause *c,
    struct buf *b)
{
	const struct rev_clause *rc = c->new ? c->new : c->old;
	int moved = c->moved && c->old != NULL;

	rl_label(c->new ? rl->to : rl->from, rc, b);
	buf_printf(b, " %s (", rc->title);
	if (c->change == RL_REMOVED) {
		buf_printf(b, "%s; %s %s)", tr("diff.item.removed"),
		    tr("diff.item.oldnumber"), rl->from->version);
		return;
	}
	if (c->change == RL_NEW)
		buf_puts(b, tr("diff.item.new"));
	else if (c->change == RL_CHANGED)
		buf_puts(b, tr(c->by_config ? "diff.item.config" :
		    "diff.item.changed"));
	if (moved) {
		struct buf was = { 0 }, now = { 0 };
		if (c->change != RL_SAME)
			buf_printf(b, " %s ", tr("diff.item.and"));
		buf_puts(b, tr("diff.item.moved"));
		rl_label(rl->from, c->old, &was);
		rl_label(rl->to, c->new, &now);
		if (strcmp(buf_str(&was), buf_str(&now)) != 0)
			buf_printf(b, ", %s %s", tr("diff.item.was"),
			    buf_str(&was));
		buf_free(&was);
		buf_free(&now);
	}
	buf_putc(b, ')');
}

/* ------------------------------------------------------------------ */
/* Checking a revision's rationale                                      */

static const struct rev_clause *
clause_in(const struct revdoc *r, const char *id)
{
	size_t i;

	for (i = 0; r != NULL && i < r->nclauses; i++)
		if (strcmp(r->clauses[i].id, id) == 0)
			return &r->clauses[i];
	for (i = 0; r != NULL && i < r->nnotes; i++)
		if (strcmp(r->notes[i].id, id) == 0)
			return &r->notes[i];
	return NULL;
}

/* The id in r nearest to id (an edit or two away), or NULL. */
static const char *
near_in(const struct revdoc *r, const char *id, const char *near)
{
	size_t i;

	for (i = 0; near == NULL && r != NULL && i < r->nclauses; i++)
		if (str_edit_distance(r->clauses[i].id, id) <= 2)
			near = r->clauses[i].id;
	for (i = 0; near == NULL && r != NULL && i < r->nnotes; i++)
		if (str_edit_distance(r->notes[i].id, id) <= 2)
			near = r->notes[i].id;
	return near;
}

static const struct rl_clause *
rl_find(const struct redline *rl, const char *id)
{
	size_t i;

	for (i = 0; i < rl->nclauses + rl->nnotes; i++) {
		const struct rl_clause *c = i < rl->nclauses ?
		    &rl->clauses[i] : &rl->notes[i - rl->nclauses];
		if (strcmp((c->new ? c->new : c->old)->id, id) == 0)
			return c;
	}
	return NULL;
}

int
revision_rationale_check(const struct document *d, const struct revdoc *prev)
{
	const struct revision *rev;
	const struct rl_clause *c;
	struct revdoc *cur;
	struct redline *rl = NULL;
	struct buf b = { 0 };
	const char *near;
	size_t i;
	int errors = 0;

	if (d->school == NULL || d->school->rev.nnotes == 0)
		return 0;
	rev = &d->school->rev;
	cur = revdoc_draft(d);
	if (prev != NULL)
		rl = redline_build(prev, cur);
	for (i = 0; i < rev->nnotes; i++) {
		const struct clause_note *n = &rev->notes[i];
		if (clause_in(cur, n->clause) == NULL &&
		    clause_in(prev, n->clause) == NULL) {
			buf_reset(&b);
			if (prev != NULL)
				buf_printf(&b, " nor in its version %s",
				    prev->version);
			if ((near = near_in(cur, n->clause,
			    near_in(prev, n->clause, NULL))) != NULL)
				buf_printf(&b, " (did you mean '%s'?)", near);
			diag_error(n->loc.file, n->loc.line, "clause_rationale "
			    "names clause '%s', which is not in the protocol "
			    "of '%s'%s", n->clause, d->meta.school_id,
			    buf_str(&b));
			errors++;
		} else if (rl != NULL && (c = rl_find(rl, n->clause)) != NULL &&
		    !decided(c)) {
			buf_reset(&b);
			rl_label(rl->to, c->new, &b);
			diag_warn(n->loc.file, n->loc.line, "the rationale "
			    "for clause '%s' (%s) explains no change: its text "
			    "is the same as in version %s", n->clause,
			    buf_str(&b), prev->version);
		}
	}
	redline_free(rl);
	revdoc_free(cur);
	buf_free(&b);
	return errors;
}
