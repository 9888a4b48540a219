/*
 * PDF backend: the protocol's layout: title block, meta and steps tables,
 * sections with their articles and items, footnotes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "model/model.h"
#include "render/pdf/pdf.h"

/* ------------------------------------------------------------- sections */

static void
section_heading(struct flow *f, const struct doc_section *s)
{
	struct buf b = { 0 };
	const char *mark;

	if (s->appendix)
		buf_printf(&b, "%s: %s", s->number, s->title);
	else
		buf_printf(&b, "%s %s", s->number, s->title);
	mark = pdf_keep(f->r, buf_detach(&b));
	pdf_dest(f->r, s->id, mark);
	if (s->appendix)
		pdf_heading(f, "H2", NULL, mark, H2_SIZE, H2_LEAD, H2_BEFORE);
	else
		pdf_heading(f, "H2", s->number, s->title, H2_SIZE, H2_LEAD,
		    H2_BEFORE);
}

/* Articles and items come in runs: one list each. */
static void
run_switch(struct flow *f, enum clause_kind *run, enum clause_kind k)
{
	if (*run == k)
		return;
	if (*run == CLAUSE_ARTICLE || *run == CLAUSE_ITEM)
		pdf_end(f->r, "L");
	if (k == CLAUSE_ARTICLE || k == CLAUSE_ITEM)
		pdf_tag(f->r, "L");
	*run = k;
}

static void
block(struct flow *f, const struct doc_block *b)
{
	pdf_dest(f->r, b->clause->id, NULL);
	switch (b->kind) {
	case CLAUSE_ARTICLE:
		pdf_item_begin(f);
		pdf_item_label(f, b->number, FACE_BOLD, ACCENT, 0);
		f->indent = ART_INDENT;
		pdf_blocks(f, b->tree);
		pdf_item_end(f);
		break;
	case CLAUSE_ITEM:
		pdf_item_begin(f);
		pdf_item_label(f, "\xE2\x80\xA2", FACE_REGULAR, INK, 3);
		f->indent = LIST_INDENT;
		pdf_blocks(f, b->tree);
		pdf_item_end(f);
		f->before = ITEM_GAP + 1;
		return;
	default:
		f->indent = 0;
		pdf_blocks(f, b->tree);
		break;
	}
	f->before = PARA_GAP;
}

static void
section(struct flow *f, const struct document *d, const struct doc_section *s)
{
	enum clause_kind run = CLAUSE_TEXT;
	size_t i;

	if (s->appendix)
		pdf_unit(f->r, U_NEWPAGE);
	section_heading(f, s);
	for (i = s->first; i < s->first + s->count; i++) {
		run_switch(f, &run, d->blocks[i].kind);
		block(f, &d->blocks[i]);
	}
	run_switch(f, &run, CLAUSE_TEXT);
}

/* Footnotes are laid out before pagination: their height matters. */
static void
layout_notes(struct render *r, const struct document *d)
{
	struct flow f;
	struct pdf_style st = pdf_style(FACE_REGULAR, NOTE_SIZE, INK);
	size_t i, first, n;
	char num[16];

	r->notes = xcalloc(d->nnotes, sizeof(*r->notes));
	r->nnotes = d->nnotes;
	for (i = 0; i < d->nnotes; i++) {
		pdf_flow_init(&f, r, NOTE_SIZE, NOTE_LEAD);
		first = r->store.nline;
		cmark_node *p = cmark_node_first_child(d->notes[i].tree);
		for (; p != NULL; p = cmark_node_next(p)) {
			if (cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH)
				continue;
			f.in.n = 0;
			pdf_collect(&f, p);
			para_break(&r->store, f.in.a, f.in.n,
			    TEXT_W - NOTE_INDENT, 1, 1, &n);
		}
		free(f.in.a);
		n = r->store.nline - first;
		snprintf(num, sizeof(num), "%d", d->notes[i].number);
		if (n > 0)
			r->store.line[first].label = (int)para_label(&r->store,
			    pdf_shape_str(FACE_REGULAR, num), &st);
		r->notes[i].line = first;
		r->notes[i].nlines = n;
		r->notes[i].h = (double)n * NOTE_LEAD;
		r->notes[i].page = -1;
	}
}

/* ---------------------------------------------------------- title block */

static void
meta_row(struct render *r, const char *label, const char *value)
{
	static const double xs[] = { 0, 130 };
	const char *cells[2];

	if (value == NULL || *value == '\0')
		return;
	cells[0] = label;
	cells[1] = value;
	pdf_text_row(r, cells, xs, 2, 0, 1);
}

static void
meta_date(struct render *r, const char *label, const char *iso)
{
	struct buf b = { 0 };

	if (iso == NULL)
		return;
	date_format_nl(iso, &b);
	meta_row(r, label, buf_str(&b));
	buf_free(&b);
}

static void
steps_table(struct render *r, const struct doc_meta *m)
{
	static const double xs[] = { 0, 160, 320 };
	const char *cells[3];
	struct buf b = { 0 };
	size_t i;

	if (m->nsteps == 0)
		return;
	pdf_tag(r, "Table");
	pdf_caption(r, tr("steps.caption"));
	cells[0] = tr("steps.body");
	cells[1] = tr("steps.act");
	cells[2] = tr("steps.date");
	pdf_text_row(r, cells, xs, 3, 1, 0);
	for (i = 0; i < m->nsteps; i++) {
		buf_reset(&b);
		date_format_nl(m->steps[i].date, &b);
		cells[0] = m->steps[i].body;
		cells[1] = trx("act", m->steps[i].act);
		cells[2] = buf_str(&b);
		pdf_text_row(r, cells, xs, 3, 0, 0);
	}
	pdf_end(r, "Table");
	buf_free(&b);
}

static void
meta_table(struct render *r, const struct doc_meta *m)
{
	struct flow f;

	pdf_flow_init(&f, r, BODY_SIZE, BODY_LEAD);
	pdf_dest(r, "documentgegevens", tr("meta.heading"));
	pdf_heading(&f, "H2", NULL, tr("meta.heading"), H2_SIZE, H2_LEAD, 18);
	pdf_tag(r, "Table");
	meta_row(r, tr("meta.title"), m->title);
	meta_row(r, tr("meta.school"), m->school);
	if (strcmp(m->board, m->school) != 0)
		meta_row(r, tr("meta.board"), m->board);
	meta_row(r, tr("meta.version"), m->version);
	meta_row(r, tr("meta.status"), trx("status", m->status));
	meta_row(r, tr("meta.schoolyear"), m->schoolyear);
	meta_row(r, tr("meta.author"), m->author);
	meta_row(r, tr("meta.owner"), m->owner);
	meta_row(r, tr("meta.maintainer"), m->maintainer);
	meta_date(r, tr("meta.effective"), m->effective);
	meta_date(r, tr("meta.review"), m->review);
	meta_row(r, tr("meta.replaces"), m->replaces);
	pdf_end(r, "Table");
	steps_table(r, m);
}

static void
title_block(struct render *r, const struct doc_meta *m)
{
	struct buf b = { 0 };

	pdf_logo(r, m);
	if (strcmp(m->board, m->school) != 0)
		pdf_title_line(r, "P", m->board, FACE_REGULAR, 11, 14, MUTED, 0);
	pdf_title_line(r, "H1", m->title, FACE_BOLD, 24, 30, ACCENT, 2);
	buf_puts(&b, m->school);
	if (m->place != NULL)
		buf_printf(&b, ", %s", m->place);
	if (m->schoolyear != NULL)
		buf_printf(&b, " \xC2\xB7 %s %s", tr("meta.schoolyear.short"),
		    m->schoolyear);
	pdf_title_line(r, "P", buf_str(&b), FACE_REGULAR, 13, 17, INK, 2);
	buf_free(&b);
	pdf_title_rule(r);
	if (m->draft)
		pdf_draft_box(r, m);
	meta_table(r, m);
}

/* ------------------------------------------------------------ document */

static void
layout(struct render *r, const struct document *d)
{
	struct flow f;
	size_t i;

	pdf_set_names(&d->meta);
	pdf_running_lines(r, &d->meta);
	layout_notes(r, d);
	title_block(r, &d->meta);
	pdf_flow_init(&f, r, BODY_SIZE, BODY_LEAD);
	for (i = 0; i < d->nsections; i++)
		section(&f, d, &d->sections[i]);
	free(f.in.a);
}

int
pdf_render(const struct document *d, struct buf *out)
{
	struct render *r;
	struct dev_info in;
	struct buf ib = { 0 };
	int rc;

	if ((r = pdf_layout_begin(d)) == NULL)
		return -1;
	layout(r, d);
	pdf_info(&d->meta, &ib, &in);
	rc = pdf_layout_end(r, &in, out, d->meta.school_id);
	buf_free(&ib);
	return rc;
}
