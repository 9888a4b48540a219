/*
 * Word backend: out/<id>/protocol.docx, the protocol as the PDF prints it
 * (pdf_protocol.c): the title block with the document data and every
 * approval step, the draft banner, the sections with their fixed numbers
 * and articles, footnotes as Word's own, references as links to
 * bookmarks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "model/model.h"
#include "render/office/docx.h"

/* ---------------------------------------------------------- title block */

static const int meta_w[] = { 270, 730 };
static const int steps_w[] = { 333, 333, 334 };

static void
meta_row(struct dxd *x, const char *label, const char *value)
{
	const char *cells[2];

	if (value == NULL || *value == '\0')
		return;
	cells[0] = label;
	cells[1] = value;
	dxd_row(x, cells, meta_w, 2, 0);
}

static void
meta_date(struct dxd *x, const char *label, const char *iso)
{
	struct buf b = { 0 };

	if (iso == NULL)
		return;
	date_format_nl(iso, &b);
	meta_row(x, label, buf_str(&b));
	buf_free(&b);
}

static void
steps_table(struct dxd *x, const struct doc_meta *m)
{
	const char *cells[3];
	struct buf b = { 0 };
	size_t i;

	if (m->nsteps == 0)
		return;
	dxd_plain(x, "Caption", tr("steps.caption"), DXD_KEEP);
	dxd_table_open(x, steps_w, 3);
	cells[0] = tr("steps.body");
	cells[1] = tr("steps.act");
	cells[2] = tr("steps.date");
	dxd_row(x, cells, steps_w, 3, 1);
	for (i = 0; i < m->nsteps; i++) {
		buf_reset(&b);
		date_format_nl(m->steps[i].date, &b);
		cells[0] = m->steps[i].body;
		cells[1] = trx("act", m->steps[i].act);
		cells[2] = buf_str(&b);
		dxd_row(x, cells, steps_w, 3, 0);
	}
	dxd_table_close(x);
	buf_free(&b);
}

static void
meta_table(struct dxd *x, const struct doc_meta *m)
{
	dxd_para(x, "Heading1", 0, 0, 0);
	dxd_bookmark_start(x, "documentgegevens");
	dxd_run(x, tr("meta.heading"), 0, NULL, NULL);
	dxd_bookmark_end(x);
	dxd_para_end(x);
	dxd_table_open(x, meta_w, 2);
	meta_row(x, tr("meta.title"), m->title);
	meta_row(x, tr("meta.school"), m->school);
	if (strcmp(m->board, m->school) != 0)
		meta_row(x, tr("meta.board"), m->board);
	meta_row(x, tr("meta.version"), m->version);
	meta_row(x, tr("meta.status"), trx("status", m->status));
	meta_row(x, tr("meta.schoolyear"), m->schoolyear);
	meta_row(x, tr("meta.author"), m->author);
	meta_row(x, tr("meta.owner"), m->owner);
	meta_row(x, tr("meta.maintainer"), m->maintainer);
	meta_date(x, tr("meta.effective"), m->effective);
	meta_date(x, tr("meta.review"), m->review);
	meta_row(x, tr("meta.replaces"), m->replaces);
	dxd_table_close(x);
	steps_table(x, m);
}

static void
title_block(struct dxd *x, const struct doc_meta *m)
{
	struct buf b = { 0 };

	dxd_logo(x);
	dxd_board_line(x);
	dxd_plain(x, "Title", m->title, 0);
	buf_puts(&b, m->school);
	if (m->place != NULL)
		buf_printf(&b, ", %s", m->place);
	if (m->schoolyear != NULL)
		buf_printf(&b, " \xC2\xB7 %s %s", tr("meta.schoolyear.short"),
		    m->schoolyear);
	dxd_plain(x, "Subtitle", buf_str(&b), DXD_RULE);
	buf_free(&b);
	if (m->draft)
		dxd_banner(x, trx("mark", m->status), trx("mark.note",
		    m->status));
	meta_table(x, m);
}

/* ------------------------------------------------------------- sections */

static void
section_heading(struct dxd *x, const struct doc_section *s)
{
	struct buf b = { 0 };

	if (s->appendix) {
		dxd_para(x, "Heading1", 0, 0, 0);
		buf_printf(&b, "%s: %s", s->number, s->title);
	} else {
		dxd_para(x, "Heading1", DXD_ART_TWIPS, DXD_ART_TWIPS, 0);
		buf_printf(&b, "%s\t%s", s->number, s->title);
	}
	dxd_bookmark_start(x, s->id);
	dxd_run(x, buf_str(&b), 0, NULL, NULL);
	dxd_bookmark_end(x);
	dxd_para_end(x);
	buf_free(&b);
}

static void
block(struct dxd *x, const struct doc_block *b)
{
	char num[40];

	memset(&x->lead, 0, sizeof(x->lead));
	x->lead.bookmark = b->clause->id;
	switch (b->kind) {
	case CLAUSE_ARTICLE:
		snprintf(num, sizeof(num), "%s\t", b->number);
		x->lead.text = num;
		x->lead.style = DXD_BOLD;
		x->lead.colour = x->accent;
		dxd_blocks(x, b->tree, NULL, DXD_ART_TWIPS, DXD_ART_TWIPS);
		break;
	case CLAUSE_ITEM:
		x->lead.text = "\xE2\x80\xA2\t";
		dxd_blocks(x, b->tree, NULL, DXD_LIST_TWIPS, DXD_LIST_TWIPS);
		break;
	default:
		dxd_blocks(x, b->tree, NULL, 0, 0);
		break;
	}
}

static void
section(struct dxd *x, const struct document *d, const struct doc_section *s)
{
	size_t i;

	if (s->appendix) {	/* on a page of its own, as in the PDF */
		dx_start(x->p->w, "w:p");
		dx_start(x->p->w, "w:r");
		dx_start(x->p->w, "w:br");
		dx_attr(x->p->w, "w:type", "page");
		dx_end(x->p->w);
		dx_end(x->p->w);
		dx_end(x->p->w);
	}
	section_heading(x, s);
	for (i = s->first; i < s->first + s->count && i < d->nblocks; i++)
		block(x, &d->blocks[i]);
}

int
docx_protocol(const struct document *d, struct buf *out)
{
	struct dxd x;
	char *what;
	size_t i;
	int rc;

	dxd_init(&x, d, &d->meta);
	x.with_notes = 1;
	title_block(&x, &d->meta);
	for (i = 0; i < d->nsections; i++)
		section(&x, d, &d->sections[i]);
	what = xasprintf("the Word protocol of %s", d->meta.school_id);
	rc = dxd_finish(&x, out, what);
	free(what);
	return rc;
}
