/*
 * Word backend: a redline as a .docx with Word's own tracked changes
 * (out/<id>/diff-A-B.docx).  The same content as diffhtml.c, from the
 * redline model only: title, summary, "was / wordt" and legend as ordinary
 * text; then the text, every change a w:ins or w:del by the board office
 * on the new revision's date, so accepting all gives exactly the new text
 * and rejecting all exactly the old; a Word comment on each changed clause
 * says what the badges and cause notes of the page say; the Besluit last.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "base/base.h"
#include "model/model.h"
#include "render/office/docx.h"
#include "revisions/revisions.h"
#include "revisions/docx/docx_redline.h"

#define DASH		"\xE2\x80\x94"	/* an empty cell */
#define TEXT_TWIPS	9638		/* A4 less two margins of 2 cm */

/* -------------------------------------------------------------- tables */

/* A table of ncols columns of the widths w (per mille of the text). */
static void
table_open(struct dx *x, const int *w, int ncols)
{
	docx_table_open(x->w, w, (size_t)ncols, TEXT_TWIPS);
}

/* A row; head: the header row, repeated on every page. */
static void
row_open(struct dx *x, int head)
{
	dx_start(x->w, "w:tr");
	if (head) {
		dx_start(x->w, "w:trPr");
		dx_val(x->w, "w:tblHeader", NULL);
		dx_end(x->w);
	}
}

/* A cell of width w (per mille), its first paragraph open. */
static void
cell_open(struct dx *x, int w)
{
	dx_start(x->w, "w:tc");
	dx_start(x->w, "w:tcPr");
	dx_start(x->w, "w:tcW");
	dx_attr_int(x->w, "w:w", (long)TEXT_TWIPS * w / 1000);
	dx_attr(x->w, "w:type", "dxa");
	dx_end(x->w);
	dx_end(x->w);
	dx_para_open(x, "Tabeltekst", MARK_SAME, 0);
}

static void
cell_close(struct dx *x)
{
	dx_end(x->w);	/* w:p */
	dx_end(x->w);	/* w:tc */
}

static void
cell(struct dx *x, int w, const char *text, int bold)
{
	cell_open(x, w);
	dx_run(x, text, bold ? STYLE_STRONG : 0, 0, MARK_SAME);
	cell_close(x);
}

static void
head_row(struct dx *x, const char *const *keys, const int *w, int ncols)
{
	int i;

	row_open(x, 1);
	for (i = 0; i < ncols; i++)
		cell(x, w[i], tr(keys[i]), 1);
	dx_end(x->w);
}

/* ------------------------------------------------- summary, legend */

static const char *
consent(const struct redline *rl, const struct rl_clause *c)
{
	const char *scope = revdoc_meta(c->new ? rl->to : rl->from, "scope");
	int board = scope != NULL && strcmp(scope, "board") == 0;

	return tr(c->consent == CONSENT_STAFF ? (board ?
	    "diff.consent.staff.gmr" : "diff.consent.staff.mr") : (board ?
	    "diff.consent.whole.gmr" : "diff.consent.whole.mr"));
}

static const int clause_w[] = { 105, 105, 150, 250, 210, 180 };

static void
summary_row(struct dx *x, const struct rl_clause *c)
{
	const struct rev_clause *rc = c->new ? c->new : c->old;
	struct buf b = { 0 };

	row_open(x, 0);
	if (c->new != NULL)
		rl_label(x->rl->to, c->new, &b);
	cell(x, clause_w[0], c->new ? buf_str(&b) : DASH, 0);
	buf_reset(&b);
	if (c->old != NULL)
		rl_label(x->rl->from, c->old, &b);
	cell(x, clause_w[1], c->old ? buf_str(&b) : DASH, 0);
	buf_reset(&b);
	if (c->moved)
		buf_puts(&b, tr("diff.badge.moved"));
	if (dx_badge_key(c) != NULL)
		buf_printf(&b, "%s%s", b.len ? " " : "", tr(dx_badge_key(c)));
	cell(x, clause_w[2], buf_str(&b), 1);
	cell_open(x, clause_w[3]);
	dx_run(x, rc->title, STYLE_STRONG, 0, MARK_SAME);
	if (c->why != NULL) {	/* under the title, as in the PDF */
		dx_end(x->w);
		dx_para_open(x, "Tabeltekst", MARK_SAME, 0);
		dx_run(x, tr("diff.rationale.clause"), STYLE_STRONG, 0,
		    MARK_SAME);
		dx_run(x, " ", 0, 0, MARK_SAME);
		dx_run(x, c->why, STYLE_EM, 0, MARK_SAME);
	}
	cell_close(x);
	cell(x, clause_w[4], rc->id, 0);
	cell(x, clause_w[5], consent(x->rl, c), 0);
	dx_end(x->w);
	buf_free(&b);
}

/* "NIEUW 1 · VERVALLEN 1 · ..." */
static void
counts(struct dx *x)
{
	const struct rl_counts *k = &x->rl->count;
	const size_t n[] = { k->added, k->removed, k->changed, k->moved,
	    k->by_config };
	static const char *const keys[] = { "diff.badge.new",
	    "diff.badge.removed", "diff.badge.changed", "diff.badge.moved",
	    "diff.badge.config" };
	struct buf b = { 0 };
	size_t i;

	for (i = 0; i < 5; i++)
		if (n[i] > 0)
			buf_printf(&b, "%s%s %zu", b.len ? " \xC2\xB7 " : "",
			    tr(keys[i]), n[i]);
	dx_plain_para(x, NULL, buf_str(&b));
	buf_free(&b);
}

static void
summary(struct dx *x)
{
	static const char *const cols[] = { "diff.col.now", "diff.col.was",
	    "diff.col.change", "diff.col.title", "diff.col.id",
	    "diff.col.consent" };
	const struct redline *rl = x->rl;
	const struct rl_counts *k = &rl->count;
	int table = 0;
	size_t i, j;

	dx_plain_para(x, "Kop1", tr("diff.summary"));
	if (rl->rationale != NULL) {
		dx_plain_para(x, "Kop3", tr("diff.rationale"));
		dx_plain_para(x, NULL, rl->rationale);
	}
	if (k->added + k->removed + k->changed + k->moved + k->by_config ==
	    0) {
		dx_plain_para(x, NULL, tr("diff.nochange"));
		return;
	}
	counts(x);
	for (i = 0; i <= rl->nsections; i++) {
		size_t n = i < rl->nsections ? rl->sections[i].nentries :
		    rl->nnotes;
		for (j = 0; j < n; j++) {
			const struct rl_clause *c;
			if (i < rl->nsections) {
				const struct rl_entry *e =
				    &rl->sections[i].entries[j];
				if (e->kind != RL_ENTRY_CLAUSE)
					continue;
				c = e->c;
			} else
				c = &rl->notes[j];
			if (!rl_listed(c))
				continue;
			if (!table) {
				dx_plain_para(x, "Kop3", tr("diff.table.clauses"));
				table_open(x, clause_w, 6);
				head_row(x, cols, clause_w, 6);
				table = 1;
			}
			summary_row(x, c);
		}
	}
	if (table) {
		dx_end(x->w);
		dx_plain_para(x, NULL, "");	/* tables do not touch */
	}
}

static void
causes(struct dx *x)
{
	static const char *const cols[] = { "diff.col.what", "diff.col.before",
	    "diff.col.after", "diff.col.effect" };
	static const int w[] = { 280, 230, 230, 260 };
	const struct redline *rl = x->rl;
	struct buf b = { 0 };
	size_t i, j;

	dx_plain_para(x, "Kop1", tr("diff.causes"));
	if (rl->ncauses == 0) {
		dx_plain_para(x, NULL, tr("diff.nocauses"));
		return;
	}
	dx_plain_para(x, "Kop3", tr("diff.table.causes"));
	table_open(x, w, 4);
	head_row(x, cols, w, 4);
	for (i = 0; i < rl->ncauses; i++) {
		const struct rl_cause *u = &rl->causes[i];
		row_open(x, 0);
		cell(x, w[0], u->what, 1);
		cell(x, w[1], u->was ? u->was : DASH, 0);
		cell(x, w[2], u->now ? u->now : DASH, 0);
		buf_reset(&b);
		for (j = 0; j < u->nclauses; j++) {
			const struct rl_clause *c = u->clauses[j] <
			    rl->nclauses ? &rl->clauses[u->clauses[j]] :
			    &rl->notes[u->clauses[j] - rl->nclauses];
			if (j > 0)
				buf_puts(&b, ", ");
			rl_label(rl->to, c->new, &b);
		}
		cell(x, w[3], u->nclauses ? buf_str(&b) : DASH, 0);
		dx_end(x->w);
	}
	dx_end(x->w);
	dx_plain_para(x, NULL, "");
	buf_free(&b);
}

static void
legend_line(struct dx *x, const char *badge, const char *desc)
{
	dx_para_open(x, NULL, MARK_SAME, 0);
	dx_run(x, tr(badge), STYLE_STRONG, 0, MARK_SAME);
	dx_run(x, ": ", 0, 0, MARK_SAME);
	dx_run(x, tr(desc), 0, 0, MARK_SAME);
	dx_end(x->w);
}

static void
legend(struct dx *x)
{
	dx_plain_para(x, "Kop1", tr("diff.legend"));
	dx_plain_para(x, NULL, tr("diff.docx.marks"));
	dx_plain_para(x, NULL, tr("diff.docx.comments"));
	legend_line(x, "diff.badge.new", "diff.legend.new");
	legend_line(x, "diff.badge.removed", "diff.legend.removed");
	legend_line(x, "diff.badge.changed", "diff.legend.changed");
	legend_line(x, "diff.badge.moved", "diff.docx.moved");
	legend_line(x, "diff.badge.config", "diff.legend.config");
	dx_plain_para(x, NULL, tr("diff.docx.numbers"));
}

/* --------------------------------------------------------- decision */

static void
decision(struct dx *x)
{
	const struct redline *rl = x->rl;
	struct buf t = { 0 };
	size_t i, j;

	dx_plain_para(x, "Kop1", tr("diff.decision"));
	if (rl->nbodies == 0) {
		dx_plain_para(x, NULL, tr("diff.decision.none"));
		return;
	}
	buf_printf(&t, "%s %s", tr("diff.decision.need"),
	    rl_body_text(rl, rl->bodies[0].consent, "name"));
	for (i = 1; i < rl->nbodies; i++)
		buf_printf(&t, " %s %s", tr("diff.decision.and"),
		    rl_body_text(rl, rl->bodies[i].consent, "name"));
	buf_printf(&t, " %s", tr("diff.decision.law"));
	dx_plain_para(x, NULL, buf_str(&t));
	for (i = 0; i < rl->nbodies; i++) {
		const struct rl_body *b = &rl->bodies[i];
		dx_plain_para(x, "Kop2", rl_body_text(rl, b->consent, "title"));
		buf_reset(&t);
		buf_printf(&t, "%s %s:", tr("diff.decision.parts"),
		    rl->to->version);
		dx_plain_para(x, NULL, buf_str(&t));
		for (j = 0; j < b->nclauses; j++) {
			buf_reset(&t);
			buf_puts(&t, "\xE2\x80\xA2\t");
			rl_decision_item(rl, b->clauses[j], &t);
			dx_plain_para(x, "Lijstalinea", buf_str(&t));
		}
		buf_reset(&t);
		buf_printf(&t, "%s %s", rl_body_text(rl, b->consent,
		    "subject"), tr("diff.decision.verdict"));
		dx_plain_para(x, NULL, buf_str(&t));
		buf_reset(&t);
		buf_printf(&t, "%s %s   %s %s", tr("diff.decision.date"),
		    tr("diff.decision.blank"), tr("diff.decision.signature"),
		    tr("diff.decision.blank"));
		dx_plain_para(x, NULL, buf_str(&t));
		buf_reset(&t);
		buf_printf(&t, "%s %s", tr("diff.decision.chair"),
		    tr("diff.decision.blank"));
		dx_plain_para(x, NULL, buf_str(&t));
	}
	buf_free(&t);
}

/* ------------------------------------------------------------ document */

static void
title_block(struct dx *x)
{
	const struct redline *rl = x->rl;
	const char *board = revdoc_meta(rl->to, "board");
	const char *school = revdoc_meta(rl->to, "name");
	const char *title = revdoc_meta(rl->to, "title");
	struct buf b = { 0 };

	if (rl->look != NULL && rl->look->look != NULL &&
	    rl->look->look->png != NULL) {	/* the logo, as the PDF's */
		dx_para_open(x, NULL, MARK_SAME, 0);
		x->logo = docx_logo_run(x->w, rl->look);
		dx_end(x->w);
	}
	if (board != NULL && school != NULL && strcmp(board, school) != 0)
		dx_plain_para(x, "Ondertitel", board);
	buf_printf(&b, "%s: %s", title ? title : "", tr("diff.heading"));
	dx_plain_para(x, "Titel", buf_str(&b));
	buf_reset(&b);
	buf_printf(&b, "%s \xC2\xB7 %s ", school ? school : "",
	    tr("diff.from"));
	rl_version(rl->from, &b);
	buf_printf(&b, " %s ", tr("diff.to"));
	rl_version(rl->to, &b);
	if (rl->to->draft)
		buf_printf(&b, ", %s", tr("diff.current"));
	dx_plain_para(x, "Ondertitel", buf_str(&b));
	buf_free(&b);
}

/* A4 portrait, margins of 2 cm. */
static void
section_props(struct dx *x)
{
	dx_start(x->w, "w:sectPr");
	dx_start(x->w, "w:pgSz");
	dx_attr(x->w, "w:w", "11906");
	dx_attr(x->w, "w:h", "16838");
	dx_end(x->w);
	dx_start(x->w, "w:pgMar");
	dx_attr(x->w, "w:top", "1134");
	dx_attr(x->w, "w:right", "1134");
	dx_attr(x->w, "w:bottom", "1134");
	dx_attr(x->w, "w:left", "1134");
	dx_attr(x->w, "w:header", "567");
	dx_attr(x->w, "w:footer", "567");
	dx_attr(x->w, "w:gutter", "0");
	dx_end(x->w);
	dx_end(x->w);
}

/*
 * The date of the changes: the new revision's adoption, else its consent,
 * else its last approval step; "" when it has none (w:date is optional,
 * and the clock is never a revision's date).
 */
static void
change_date(struct dx *x)
{
	const struct revdoc *to = x->rl->to;
	struct rev_step s;
	const char *date = NULL;
	size_t i;

	if (revdoc_step(to, "vaststelling", -1, &s) ||
	    revdoc_step(to, "instemming", -1, &s))
		date = s.date;
	else
		for (i = 0; i < to->nmeta; i++)
			if (strcmp(to->meta[i].key, "step") == 0 &&
			    revdoc_step_parse(to->meta[i].value, &s) == 0)
				date = s.date;
	if (date != NULL && strlen(date) == 10) {
		snprintf(x->day, sizeof(x->day), "%s", date);
		snprintf(x->date, sizeof(x->date), "%sT00:00:00Z", date);
	}
}

int
docx_redline(const struct redline *rl, const char *author, struct buf *out)
{
	struct dx x;
	const struct doc_meta *look = rl->look;
	int rc;

	memset(&x, 0, sizeof(x));
	x.rl = rl;
	x.id = 1;
	x.author = author != NULL && *author != '\0' ? author :
	    revdoc_meta(rl->to, "board") ? revdoc_meta(rl->to, "board") :
	    "protocolgen";
	x.accent = "1f4e79";
	if (look != NULL && look->look != NULL && look->look->colour != NULL)
		x.accent = look->look->colour + 1;	/* "#rrggbb" */
	change_date(&x);
	x.w = dx_writer(&x.wb);
	x.c = dx_writer(&x.cb);
	dx_start(x.c, "w:comments");
	dx_attr(x.c, "xmlns:w", "http://schemas.openxmlformats.org/"
	    "wordprocessingml/2006/main");
	dx_start(x.w, "w:document");
	dx_attr(x.w, "xmlns:w", "http://schemas.openxmlformats.org/"
	    "wordprocessingml/2006/main");
	dx_attr(x.w, "xmlns:r", "http://schemas.openxmlformats.org/"
	    "officeDocument/2006/relationships");
	docx_drawing_ns(x.w);
	dx_start(x.w, "w:body");
	title_block(&x);
	summary(&x);
	causes(&x);
	legend(&x);
	dx_text_part(&x);
	decision(&x);
	section_props(&x);
	dx_end(x.w);	/* w:body */
	dx_end(x.w);	/* w:document */
	dx_end(x.c);	/* w:comments */
	rc = dx_package(&x, out);
	if (rc == -1)
		diag(DIAG_ERROR, NULL, 0, "cannot write the Word redline %s "
		    "to %s of %s", rl->from->version, rl->to->version,
		    revdoc_meta(rl->to, "school") ? revdoc_meta(rl->to,
		    "school") : "?");
	return rc;
}
