/* PDF backend: the school's schoolgids section as a PDF. */
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "model/model.h"
#include "render/pdf/pdf.h"

/* Column starts of a table: each column as wide as its longest text. */
static void
sg_columns(const struct sg_table *t, size_t ncols, double *xs)
{
	double want[MAXCELLS], total = 0;
	size_t i, j, len;

	for (j = 0; j < ncols; j++) {
		want[j] = (double)strlen(t->head[j]);
		for (i = 0; i < t->nrows; i++) {
			len = strlen(t->cells[i * t->ncols + j]);
			if ((double)len > want[j])
				want[j] = (double)len;
		}
		if (want[j] < 8)	/* room for a short heading */
			want[j] = 8;
		total += want[j];
	}
	xs[0] = 0;
	for (j = 1; j < ncols; j++)
		xs[j] = xs[j - 1] + TEXT_W * want[j - 1] / total;
}

static void
sg_table(struct render *r, const struct sg_table *t)
{
	const char *cells[MAXCELLS];
	double xs[MAXCELLS];
	size_t i, j, n = t->ncols < MAXCELLS ? t->ncols : MAXCELLS;

	sg_columns(t, n, xs);
	pdf_tag(r, "Table");
	if (t->caption != NULL)
		pdf_caption(r, t->caption);
	for (j = 0; j < n; j++)
		cells[j] = t->head[j];
	pdf_text_row(r, cells, xs, (int)n, 1, 0);
	for (i = 0; i < t->nrows; i++) {
		for (j = 0; j < n; j++)
			cells[j] = t->cells[i * t->ncols + j];
		pdf_text_row(r, cells, xs, (int)n, 0, 0);
	}
	pdf_end(r, "Table");
}

/* The schoolgids section: title, draft mark, parts, version line. */
static void
sg_layout(struct render *r, const struct doc_meta *m,
    const struct schoolgids *sg)
{
	struct flow f;
	struct buf b = { 0 };
	size_t i, j;

	pdf_set_names(m);
	pdf_running_lines(r, m);
	pdf_logo(r, m);
	if (strcmp(m->board, m->school) != 0)
		pdf_title_line(r, "P", m->board, FACE_REGULAR, 11, 14, MUTED, 0);
	pdf_title_line(r, "H1", sg->title, FACE_BOLD, 24, 30, ACCENT, 2);
	buf_printf(&b, "%s \xC2\xB7 %s", m->school, tr("sg.page.guide"));
	if (m->schoolyear != NULL)
		buf_printf(&b, " %s", m->schoolyear);
	pdf_title_line(r, "P", buf_str(&b), FACE_REGULAR, 13, 17, INK, 2);
	buf_free(&b);
	pdf_title_rule(r);
	if (m->draft)
		pdf_draft_box(r, m);
	pdf_flow_init(&f, r, BODY_SIZE, BODY_LEAD);
	for (i = 0; i < sg->nparts; i++) {
		const struct sg_part *p = &sg->parts[i];
		if (p->title != NULL) {
			pdf_dest(r, p->id, p->title);
			pdf_heading(&f, "H2", NULL, p->title, H2_SIZE, H2_LEAD,
			    H2_BEFORE);
		}
		for (j = 0; j < p->nblocks; j++) {
			if (p->blocks[j].table != NULL) {
				sg_table(r, p->blocks[j].table);
				f.before = PARA_GAP;
				continue;
			}
			f.indent = 0;
			pdf_blocks(&f, p->blocks[j].tree);
			f.before = PARA_GAP;
		}
	}
	pdf_title_line(r, "P", sg->version_line, FACE_REGULAR, 9, 12, MUTED, 14);
	free(f.in.a);
}

int
pdf_schoolgids(const struct document *d, struct buf *out)
{
	struct render *r;
	const struct schoolgids *sg;
	struct doc_meta m;
	struct dev_info in;
	struct buf ib = { 0 };
	char *what;
	int rc;

	if ((r = pdf_layout_begin(d)) == NULL)
		return -1;
	sg = d->schoolgids;
	m = d->meta;
	m.title = sg->title;	/* header, footer and document information */
	sg_layout(r, &m, sg);
	pdf_info(&m, &ib, &in);
	what = xasprintf("the schoolgids section of %s", d->meta.school_id);
	rc = pdf_layout_end(r, &in, out, what);
	free(what);
	buf_free(&ib);
	return rc;
}
