/*
 * PDF backend: what the protocol and schoolgids layouts share around
 * their text: title lines and rule, the draft box, the running header and
 * footer, the document information.
 */
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "model/model.h"
#include "render/pdf/pdf.h"

/* ---------------------------------------------------------- title block */

static void
title_line(struct render *r, const char *tagname, const char *text, int face,
    double size, double lead, unsigned rgb, double before)
{
	struct pdf_style st = pdf_style(face, size, rgb);
	size_t first, n;

	pdf_tag(r, tagname);
	first = pdf_plain(r, text, &st, TEXT_W, &n);
	pdf_lines(r, first, n, 0, size, lead, before, 1);
	pdf_end(r, tagname);
}

/* The draft notice: a tinted box on the first page. */
void
pdf_draft_box(struct render *r, const struct doc_meta *m)
{
	struct inl in = { 0 };
	struct pdf_style st = pdf_style(FACE_BOLD, BODY_SIZE, MARK_INK);
	struct unit *u;
	size_t first, n;

	pdf_inl_text(&in, trx("mark", m->status), &st, 1);
	st.face = FACE_REGULAR;
	in.glue = 1;
	pdf_inl_text(&in, "\xE2\x80\x93", &st, 1);
	in.glue = 1;
	pdf_inl_text(&in, trx("mark.note", m->status), &st, 1);
	first = para_break(&r->store, in.a, in.n, TEXT_W - 2 * 8, 0, 0, &n);
	free(in.a);
	u = pdf_unit(r, U_ROW);
	u->ncell = 1;
	u->cell[0].line = first;
	u->cell[0].nlines = n;
	u->cell[0].x = 8;
	u->cell[0].tag = "P";
	u->lead = BODY_LEAD;
	u->h = (double)n * BODY_LEAD + 12;
	u->base = 6 + pdf_baseline(BODY_SIZE, BODY_LEAD);
	u->w = TEXT_W;
	u->bg = 1;
	u->rgb = MARK_BG;
	u->before = 10;
}

/* The logo's box: at most LOGO_H high and LOGO_W wide, its shape kept. */
#define LOGO_H		42.0
#define LOGO_W		160.0

void
pdf_logo(struct render *r, const struct doc_meta *m)
{
	const struct look *lk = m->look;
	struct buf b = { 0 };
	struct unit *u;
	double w, h;

	if (lk == NULL || lk->png == NULL)
		return;
	h = LOGO_H;
	w = h * lk->width / lk->height;
	if (w > LOGO_W) {
		w = LOGO_W;
		h = w * lk->height / lk->width;
	}
	doc_logo_alt(m, &b);
	r->figure_alt = pdf_keep(r, xstrdup(buf_str(&b)));
	buf_free(&b);
	pdf_tag(r, "Figure");
	u = pdf_unit(r, U_IMAGE);
	u->w = w;
	u->h = h + 14;		/* and the space below it */
	u->png = lk->png;
	u->png_len = lk->png_len;
	pdf_end(r, "Figure");
}

void
pdf_title_rule(struct render *r)
{
	struct unit *u = pdf_unit(r, U_RULE);

	u->h = 12;
	u->w = TEXT_W;
	u->base = 1.5;
	u->rgb = ACCENT;
}

/* ------------------------------------------------------- header, footer */

/*
 * Header: school and title on the left, the draft mark and the version on
 * the right; what does not fit on one line drops the title.
 */
void
pdf_running_lines(struct render *r, const struct doc_meta *m)
{
	struct pdf_style st = pdf_style(FACE_REGULAR, 8.5, MUTED);
	struct pdf_style mk = pdf_style(FACE_BOLD, 8.5, MARK_INK);
	struct buf b = { 0 };
	double right;
	size_t n;

	buf_printf(&b, "%s %s", tr("meta.version.short"), m->version);
	r->head_right = pdf_plain(r, buf_str(&b), &st, TEXT_W / 3, &n);
	right = r->store.line[r->head_right].width;
	r->head_mark = -1;
	r->watermark = NULL;
	if (m->draft) {
		r->head_mark = (long)pdf_plain(r, trx("mark", m->status), &mk,
		    TEXT_W / 3, &n);
		r->watermark = trx("mark", m->status);
		right += r->store.line[r->head_mark].width + 8;
	}
	buf_reset(&b);
	buf_printf(&b, "%s \xC2\xB7 %s", m->school, m->title);
	r->head_left = pdf_plain(r, buf_str(&b), &st, TEXT_W - right - 24, &n);
	if (n > 1)
		r->head_left = pdf_plain(r, m->school, &st, TEXT_W - right - 24,
		    &n);
	buf_reset(&b);
	doc_status_line(m, &b);
	r->foot_left = pdf_plain(r, buf_str(&b), &st, TEXT_W * 0.7, &n);
	buf_free(&b);
}

/* Document information; every date from the revision or SOURCE_DATE_EPOCH. */
void
pdf_info(const struct doc_meta *m, struct buf *b, struct dev_info *in)
{
	size_t t, s, k, dt;

	buf_printf(b, "%s \xE2\x80\x93 %s", m->title, m->school);
	t = 0;
	buf_putc(b, '\0');
	s = b->len;
	buf_printf(b, "%s %s, %s %s (%s)", m->title, m->school,
	    tr("meta.version.short"), m->version, trx("status", m->status));
	buf_putc(b, '\0');
	k = b->len;
	buf_printf(b, "%s, %s, ", m->title, m->school);
	if (strcmp(m->board, m->school) != 0)
		buf_printf(b, "%s, ", m->board);
	buf_printf(b, "%s %s, %s", tr("meta.version.short"), m->version,
	    trx("status", m->status));
	buf_putc(b, '\0');
	dt = b->len;
	buf_printf(b, "%sT00:00:00Z", m->generated != NULL ? m->generated :
	    "1980-01-01");
	in->title = b->data + t;
	in->subject = b->data + s;
	in->keywords = b->data + k;
	in->date = b->data + dt;
	in->author = m->author != NULL ? m->author : m->board;
	in->creator = "protocolgen";
}

void
pdf_title_line(struct render *r, const char *tagname, const char *text,
    int face, double size, double lead, unsigned rgb, double before)
{
	title_line(r, tagname, text, face, size, lead, rgb, before);
}
