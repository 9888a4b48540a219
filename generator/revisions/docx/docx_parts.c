/*
 * Word redline: the package around the document body -- its styles (by
 * Word's own names, so a school can restyle them), settings (Dutch,
 * changes tracked) and document properties, on the parts and helpers of
 * render/office (docx_pkg.c).
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "base/base.h"
#include "model/model.h"
#include "render/office/docx.h"
#include "revisions/revisions.h"
#include "revisions/docx/docx_redline.h"

/*
 * Document properties: the title the HTML page has, and dates from the
 * revision (SOURCE_DATE_EPOCH first, as for the PDF), never the clock.
 */
static void
core(const struct dx *x, struct buf *out)
{
	const struct redline *rl = x->rl;
	const char *school = revdoc_meta(rl->to, "name");
	const char *title = revdoc_meta(rl->to, "title");
	struct buf t = { 0 }, s = { 0 }, k = { 0 }, date = { 0 };
	int set;

	source_date_epoch(&set);
	if (set)
		buf_printf(&date, "%sT00:00:00Z", date_today());
	else
		buf_puts(&date, *x->date ? x->date : "1980-01-01T00:00:00Z");
	buf_printf(&t, "%s %s \xE2\x86\x92 %s \xE2\x80\x93 %s",
	    tr("diff.title"), rl->from->version, rl->to->version,
	    school ? school : "");
	buf_printf(&s, "%s, %s: %s ", title ? title : "", school ? school : "",
	    tr("diff.pdf.subject"));
	rl_version(rl->from, &s);
	buf_printf(&s, " %s ", tr("diff.to"));
	rl_version(rl->to, &s);
	buf_printf(&k, "%s, %s, %s %s, %s %s", title ? title : "",
	    tr("diff.heading"), tr("meta.version.short"), rl->from->version,
	    tr("meta.version.short"), rl->to->version);
	docx_core(buf_str(&t), buf_str(&s), x->author, buf_str(&k),
	    buf_str(&date), out);
	buf_free(&t);
	buf_free(&s);
	buf_free(&k);
	buf_free(&date);
}

/* ------------------------------------------------------------- styles */

/*
 * The ids are Dutch Word's (Kop1 for "heading 1"), the names Word's
 * built-in ones, which every language version shows in its own words.
 */
#define REST	NULL, NULL, 0, 0, NULL	/* font, colour, u, sup, jc */
static const struct docx_style styles_v[] = {
	{ "paragraph", "Standaard", "Normal", NULL, 0, 0, 0, 0, 0, -1, -1,
	    0, 0, REST },
	{ "paragraph", "Titel", "Title", "Standaard", 48, 1, 0, 1, 0, 0, 120,
	    0, 0, REST },
	{ "paragraph", "Ondertitel", "Subtitle", "Standaard", 26, 0, 0, 0, 0,
	    0, 240, 0, 0, REST },
	{ "paragraph", "Kop1", "heading 1", "Standaard", 32, 1, 0, 1, 1, 360,
	    120, 0, 0, REST },
	{ "paragraph", "Kop2", "heading 2", "Standaard", 26, 1, 0, 1, 2, 280,
	    80, 0, 0, REST },
	{ "paragraph", "Kop3", "heading 3", "Standaard", 23, 1, 0, 1, 3, 200,
	    60, 0, 0, REST },
	{ "paragraph", "Artikel", "Artikel", "Standaard", 0, 0, 0, 0, 0, -1,
	    -1, 709, 709, REST },
	{ "paragraph", "Lijstalinea", "List Paragraph", "Standaard", 0, 0, 0,
	    0, 0, -1, 60, 1069, 360, REST },
	{ "paragraph", "Citaat", "Quote", "Standaard", 0, 0, 1, 0, 0, -1, -1,
	    1418, 0, REST },
	{ "paragraph", "Tekstopmerking", "annotation text", "Standaard", 20,
	    0, 0, 0, 0, -1, -1, 0, 0, REST },
	{ "paragraph", "Tabeltekst", "Tabeltekst", "Standaard", 19, 0, 0, 0,
	    0, 0, 0, 0, 0, REST },
	{ "character", "Standaardalinea-lettertype", "Default Paragraph Font",
	    NULL, 0, 0, 0, 0, 0, -1, -1, 0, 0, REST },
	{ "character", "Verwijzingopmerking", "annotation reference",
	    "Standaardalinea-lettertype", 16, 0, 0, 0, 0, -1, -1, 0, 0, REST },
	{ "character", "Code", "HTML Code", "Standaardalinea-lettertype", 0,
	    0, 0, 0, 0, -1, -1, 0, 0, "DejaVu Sans Mono", NULL, 0, 0, NULL },
};
#undef REST

/* ------------------------------------------------------------ package */

int
dx_package(struct dx *x, struct buf *out)
{
	struct buf part[6];
	struct docx_part p[5];
	size_t np = 4;
	int rc, i;

	memset(part, 0, sizeof(part));
	memset(p, 0, sizeof(p));
	core(x, &part[0]);
	dx_finish(x->w, x->wb, &part[1]);
	x->w = NULL;
	docx_styles(styles_v, sizeof(styles_v) / sizeof(styles_v[0]),
	    x->accent, &part[2]);
	docx_settings(1, 0, 0, &part[3]);
	dx_finish(x->c, x->cb, &part[4]);
	x->c = NULL;
	p[0].name = "word/document.xml";
	p[0].type = "application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.document.main+xml";
	p[1].name = "word/styles.xml";
	p[1].type = "application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.styles+xml";
	p[1].rel = "styles";
	p[2].name = "word/settings.xml";
	p[2].type = "application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.settings+xml";
	p[2].rel = "settings";
	p[3].name = "word/comments.xml";
	p[3].type = "application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.comments+xml";
	p[3].rel = "comments";
	for (i = 0; i < 4; i++)
		p[i].data = &part[i + 1];
	if (x->logo) {		/* r:id "logo1", as docx_logo_run() says */
		const struct look *lk = x->rl->look->look;

		buf_put(&part[5], (const char *)lk->png, lk->png_len);
		p[np++] = (struct docx_part){ "word/media/logo.png", NULL,
		    "image", "logo1", &part[5], NULL, 0 };
	}
	/* the zip's dates are the revision's, like w:date */
	rc = docx_package(*x->day ? x->day : NULL, &part[0], p, np, out);
	for (i = 0; i < 6; i++)
		buf_free(&part[i]);
	return rc;
}
