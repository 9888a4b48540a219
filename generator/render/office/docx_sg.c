/*
 * Word backend: out/<id>/schoolgids.docx, the school's schoolgids section
 * as its PDF has it (pdf_schoolgids.c): title, the draft banner, the
 * parts with their tables, the version line.  A school pastes it into its
 * own schoolgids; every run says it is Dutch.
 */
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "model/model.h"
#include "render/office/docx.h"

#define MUTED	"57606a"

/* Column widths: each as wide as its longest text, as in the PDF. */
static void
columns(const struct sg_table *t, size_t ncols, int *w)
{
	size_t i, j, len, want[DXD_MAXCOLS], total = 0, done = 0;

	for (j = 0; j < ncols; j++) {
		want[j] = strlen(t->head[j]);
		for (i = 0; i < t->nrows; i++)
			if ((len = strlen(t->cells[i * t->ncols + j])) >
			    want[j])
				want[j] = len;
		if (want[j] < 8)
			want[j] = 8;
		total += want[j];
	}
	for (j = 0; j < ncols; j++) {
		w[j] = j + 1 < ncols ? (int)(1000 * want[j] / total) :
		    (int)(1000 - done);
		done += (size_t)w[j];
	}
}

static void
table(struct dxd *x, const struct sg_table *t)
{
	int w[DXD_MAXCOLS];
	/* the first DXD_MAXCOLS columns, as the PDF's first MAXCELLS */
	size_t i, n = t->ncols < DXD_MAXCOLS ? t->ncols : DXD_MAXCOLS;

	if (n == 0)
		return;
	columns(t, n, w);
	if (t->caption != NULL)
		dxd_plain(x, "Caption", t->caption, DXD_KEEP);
	dxd_table_open(x, w, n);
	dxd_row(x, (const char *const *)t->head, w, n, 1);
	for (i = 0; i < t->nrows; i++)
		dxd_row(x, (const char *const *)&t->cells[i * t->ncols], w, n,
		    0);
	dxd_table_close(x);
	dxd_plain(x, NULL, "", 0);	/* tables do not touch */
}

int
docx_schoolgids(const struct document *d, struct buf *out)
{
	const struct schoolgids *sg = d->schoolgids;
	struct doc_meta m = d->meta;
	struct dxd x;
	struct buf b = { 0 };
	char *what;
	size_t i, j;
	int rc;

	m.title = sg->title;	/* header, footer and properties */
	dxd_init(&x, d, &m);
	dxd_logo(&x);
	dxd_board_line(&x);
	dxd_plain(&x, "Title", sg->title, 0);
	buf_printf(&b, "%s \xC2\xB7 %s", m.school, tr("sg.page.guide"));
	if (m.schoolyear != NULL)
		buf_printf(&b, " %s", m.schoolyear);
	dxd_plain(&x, "Subtitle", buf_str(&b), DXD_RULE);
	buf_free(&b);
	if (sg->mark != NULL)
		dxd_banner(&x, sg->mark, sg->mark_note != NULL ?
		    sg->mark_note : "");
	for (i = 0; i < sg->nparts; i++) {
		const struct sg_part *p = &sg->parts[i];
		if (p->title != NULL) {
			dxd_para(&x, "Heading1", 0, 0, 0);
			if (p->id != NULL)
				dxd_bookmark_start(&x, p->id);
			dxd_run(&x, p->title, 0, NULL, NULL);
			if (p->id != NULL)
				dxd_bookmark_end(&x);
			dxd_para_end(&x);
		}
		for (j = 0; j < p->nblocks; j++) {
			memset(&x.lead, 0, sizeof(x.lead));
			if (p->blocks[j].table != NULL)
				table(&x, p->blocks[j].table);
			else if (p->blocks[j].tree != NULL)
				dxd_blocks(&x, p->blocks[j].tree, NULL, 0, 0);
		}
	}
	if (sg->version_line != NULL) {
		dxd_para(&x, NULL, 0, 0, DXD_SPACE);
		dxd_run(&x, sg->version_line, 0, NULL, MUTED);
		dxd_para_end(&x);
	}
	what = xasprintf("the Word schoolgids section of %s",
	    d->meta.school_id);
	rc = dxd_finish(&x, out, what);
	free(what);
	return rc;
}
