/* PDF redline for the council: the rationale (toelichting) and the decision block (Besluit). */
#include <stdio.h>
#include <stdlib.h>

#include "render/pdf/pdf.h"
#include "revisions/revisions.h"
#include "revisions/pdf/pdf_redline.h"
#include "base/base.h"

#define H3_SIZE		12.0
#define H3_LEAD		15.5
#define H3_BEFORE	14.0
#define WHY_SIZE	9.5
#define WHY_LEAD	13.0

void
rlx_rationale(struct rlx *x)
{
	if (x->rl->rationale == NULL)
		return;
	rlx_words(&x->in, tr("diff.rationale.clause"), FACE_BOLD, BODY_SIZE,
	    ACCENT, -1);
	x->in.glue = 1;
	rlx_words(&x->in, x->rl->rationale, FACE_REGULAR, BODY_SIZE, INK, -1);
	rlx_para(x, BODY_SIZE, BODY_LEAD, 0, 0);
	x->f.before = PARA_GAP + 2;
}

void
rlx_clause_why(struct rlx *x, const struct rl_clause *c)
{
	if (c->why == NULL)
		return;
	rlx_words(&x->in, tr("diff.rationale.clause"), FACE_BOLD, WHY_SIZE,
	    ACCENT, -1);
	x->in.glue = 1;
	rlx_words(&x->in, c->why, FACE_ITALIC, WHY_SIZE, INK, -1);
	x->f.before = 3;
	rlx_para(x, WHY_SIZE, WHY_LEAD, 0, 0);
}

/* "Label: ……………" pairs on one line. */
static void
blank(struct rlx *x, const char *key)
{
	rlx_words(&x->in, tr(key), FACE_BOLD, BODY_SIZE, INK, -1);
	x->in.glue = 1;
	rlx_unbroken(&x->in, tr("diff.decision.blank"), BODY_SIZE, MUTED, -1);
	x->in.glue = 1;
}

static void
body_block(struct rlx *x, const struct rl_body *b)
{
	const struct redline *rl = x->rl;
	struct flow *f = &x->f;
	struct buf t = { 0 };
	size_t i;

	pdf_title_line(x->r, "H3", rl_body_text(rl, b->consent, "title"),
	    FACE_BOLD, H3_SIZE, H3_LEAD, ACCENT, H3_BEFORE);
	x->f.before = 4;
	buf_printf(&t, "%s %s:", tr("diff.decision.parts"), rl->to->version);
	rlx_plain_para(x, buf_str(&t), BODY_SIZE, BODY_LEAD, INK);
	pdf_tag(x->r, "L");
	for (i = 0; i < b->nclauses; i++) {
		const struct rl_clause *c = b->clauses[i];
		buf_reset(&t);
		rl_decision_item(rl, c, &t);
		rlx_anchor(c, 0, &x->b);
		pdf_item_begin(f);
		pdf_item_label(f, "\xE2\x80\xA2", FACE_REGULAR, INK, 3);
		f->indent = LIST_INDENT;
		rlx_words(&x->in, buf_str(&t), FACE_REGULAR, BODY_SIZE, INK,
		    rlx_link_to(x, buf_str(&x->b)));
		rlx_para(x, BODY_SIZE, BODY_LEAD, 0, 0);
		pdf_item_end(f);
		f->indent = 0;
		f->before = ITEM_GAP;
	}
	pdf_end(x->r, "L");
	f->before = PARA_GAP + 2;
	buf_reset(&t);
	buf_printf(&t, "%s %s", rl_body_text(rl, b->consent, "subject"),
	    tr("diff.decision.verdict"));
	rlx_words(&x->in, buf_str(&t), FACE_BOLD, BODY_SIZE, INK, -1);
	rlx_para(x, BODY_SIZE, BODY_LEAD, 0, 0);
	f->before = PARA_GAP + 8;
	blank(x, "diff.decision.date");
	rlx_unbroken(&x->in, "\xE2\x80\x83\xE2\x80\x83", BODY_SIZE, INK, -1);
	x->in.glue = 1;
	blank(x, "diff.decision.signature");
	rlx_para(x, BODY_SIZE, BODY_LEAD, 0, 0);
	f->before = PARA_GAP + 8;
	blank(x, "diff.decision.chair");
	rlx_para(x, BODY_SIZE, BODY_LEAD, 0, 0);
	f->before = PARA_GAP + 6;
	buf_free(&t);
}

void
rlx_decision(struct rlx *x)
{
	const struct redline *rl = x->rl;
	struct buf t = { 0 };
	size_t i;

	/* a page of its own: the form to sign can be handed out apart */
	pdf_unit(x->r, U_NEWPAGE);
	x->f.indent = 0;
	rlx_h2(x, "besluit", tr("diff.decision"));
	if (rl->nbodies == 0) {
		rlx_plain_para(x, tr("diff.decision.none"), BODY_SIZE,
		    BODY_LEAD, INK);
		return;
	}
	buf_printf(&t, "%s %s", tr("diff.decision.need"),
	    rl_body_text(rl, rl->bodies[0].consent, "name"));
	for (i = 1; i < rl->nbodies; i++)
		buf_printf(&t, " %s %s", tr("diff.decision.and"),
		    rl_body_text(rl, rl->bodies[i].consent, "name"));
	buf_printf(&t, " %s", tr("diff.decision.law"));
	rlx_plain_para(x, buf_str(&t), BODY_SIZE, BODY_LEAD, INK);
	for (i = 0; i < rl->nbodies; i++)
		body_block(x, &rl->bodies[i]);
	buf_free(&t);
}
