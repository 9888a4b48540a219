/* Redline page for the council: the rationale (toelichting) and the decision block (Besluit). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "revisions/html/diffhtml.h"
#include "render/page/page.h"
#include "revisions/revisions.h"
#include "base/base.h"

void
dh_rationale(xmlNodePtr sec, const struct redline *rl)
{
	xmlNodePtr div;

	if (rl->rationale == NULL)
		return;
	div = h_el(sec, "div", "rationale");
	h_attr(h_el_text(div, "h3", NULL, tr("diff.rationale")), "id",
	    "toelichting");
	h_el_text(div, "p", NULL, rl->rationale);
}

void
dh_clause_why(xmlNodePtr parent, const struct rl_clause *c)
{
	xmlNodePtr p;

	if (c->why == NULL)
		return;
	p = h_el(parent, "p", "clause-why");
	h_el_text(p, "strong", NULL, tr("diff.rationale.clause"));
	h_text(p, " ");
	h_text(p, c->why);
}

void
dh_row_why(xmlNodePtr cell, const struct rl_clause *c)
{
	xmlNodePtr span;

	if (c->why == NULL)
		return;
	span = h_el(cell, "span", "row-why");
	h_el_text(span, "strong", NULL, tr("diff.rationale.clause"));
	h_text(span, " ");
	h_text(span, c->why);
}

/* "Datum: ………  Handtekening: ………" and the chair's name, to fill in. */
static void
signature(xmlNodePtr parent)
{
	xmlNodePtr p = h_el(parent, "p", "sign");

	h_el_text(p, "span", "sign-label", tr("diff.decision.date"));
	h_text(p, " ");
	h_el_text(p, "span", "sign-blank", tr("diff.decision.blank"));
	h_text(p, " ");
	h_el_text(p, "span", "sign-label", tr("diff.decision.signature"));
	h_text(p, " ");
	h_el_text(p, "span", "sign-blank", tr("diff.decision.blank"));
	p = h_el(parent, "p", "sign");
	h_el_text(p, "span", "sign-label", tr("diff.decision.chair"));
	h_text(p, " ");
	h_el_text(p, "span", "sign-blank", tr("diff.decision.blank"));
}

static void
body_block(xmlNodePtr sec, const struct redline *rl, const struct rl_body *b,
    size_t idx)
{
	struct buf t = { 0 };
	xmlNodePtr div, ul, li;
	char id[32];
	size_t i;

	div = h_el(sec, "div", "decision");
	snprintf(id, sizeof(id), "besluit-%zu", idx + 1);
	h_attr(h_el_text(div, "h3", NULL, rl_body_text(rl, b->consent,
	    "title")), "id", id);
	buf_printf(&t, "%s %s:", tr("diff.decision.parts"), rl->to->version);
	h_el_text(div, "p", NULL, buf_str(&t));
	ul = h_el(div, "ul", "decision-parts");
	for (i = 0; i < b->nclauses; i++) {
		const struct rl_clause *c = b->clauses[i];
		char *href;
		buf_reset(&t);
		rl_decision_item(rl, c, &t);
		li = h_el(ul, "li", NULL);
		if (c->new != NULL)
			href = xasprintf("#%s", c->new->id);
		else
			href = xasprintf("#vervallen-%s", c->old->id);
		h_link(li, href, buf_str(&t));
		free(href);
	}
	buf_reset(&t);
	buf_printf(&t, "%s %s", rl_body_text(rl, b->consent, "subject"),
	    tr("diff.decision.verdict"));
	h_el_text(div, "p", "verdict", buf_str(&t));
	signature(div);
	buf_free(&t);
}

void
dh_decision(xmlNodePtr main, const struct redline *rl)
{
	struct buf t = { 0 };
	xmlNodePtr sec;
	size_t i;

	sec = h_el(main, "section", "diff-decision");
	h_attr(sec, "aria-labelledby", "besluit");
	h_attr(h_el_text(sec, "h2", NULL, tr("diff.decision")), "id",
	    "besluit");
	if (rl->nbodies == 0) {
		h_el_text(sec, "p", NULL, tr("diff.decision.none"));
		return;
	}
	buf_printf(&t, "%s %s", tr("diff.decision.need"),
	    rl_body_text(rl, rl->bodies[0].consent, "name"));
	for (i = 1; i < rl->nbodies; i++)
		buf_printf(&t, " %s %s", tr("diff.decision.and"),
		    rl_body_text(rl, rl->bodies[i].consent, "name"));
	buf_printf(&t, " %s", tr("diff.decision.law"));
	h_el_text(sec, "p", NULL, buf_str(&t));
	for (i = 0; i < rl->nbodies; i++)
		body_block(sec, rl, &rl->bodies[i], i);
	buf_free(&t);
}
