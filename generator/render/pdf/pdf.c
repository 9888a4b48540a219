/*
 * PDF backend: layout.  The render every layout reuses and the units it
 * holds (lines, rules, structure tags, destinations, links); pdf_flow.c,
 * pdf_protocol.c and pdf_schoolgids.c turn the document model into them,
 * pdf_page.c paginates and pdf_draw.c draws.  Also init and teardown.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "model/model.h"
#include "render/pdf/pdf.h"

#define HYPHEN_DIC	"/usr/share/hyphen/hyph_nl_NL.dic"

static struct {
	int		 ready;
	struct render	 r;		/* reused by every render */
	char		*conf;		/* templates/fonts.conf */
} P;

/* Baseline below the top of a line box. */
double
pdf_baseline(double size, double lead)
{
	double asc, desc;

	pdf_font_metrics(FACE_REGULAR, &asc, &desc);
	return (lead + (asc - desc) * size) / 2;
}

/* ---------------------------------------------------------------- units */

static struct unit *
unit_add(struct render *r, enum ukind k)
{
	struct unit *u;

	ARRAY_RESERVE(r->u, r->nu, r->capu);
	u = &r->u[r->nu++];
	memset(u, 0, sizeof(*u));
	u->kind = k;
	return u;
}

static void
tag(struct render *r, const char *t)
{
	unit_add(r, U_TAG)->tag = t;
}

static void
end(struct render *r, const char *t)
{
	unit_add(r, U_END)->tag = t;
}

/* A string the units may borrow until the next render. */
static const char *
keep_str(struct render *r, char *s)
{
	ARRAY_RESERVE(r->owned, r->nowned, r->capowned);
	r->owned[r->nowned++] = s;
	return s;
}

static void
dest(struct render *r, const char *name, const char *bookmark)
{
	struct unit *u = unit_add(r, U_DEST);

	u->name = name;
	u->bookmark = bookmark;
}

static int
link_add(struct render *r, int internal, const char *target)
{
	ARRAY_RESERVE(r->links, r->nlinks, r->caplinks);
	r->links[r->nlinks].internal = internal;
	r->links[r->nlinks].target = xstrdup(target);
	return (int)r->nlinks++;
}

/*
 * Lines [first, first + n) as units at x.  The first and last two lines
 * of a paragraph stay together: no widows, no orphans; a line that ends in
 * a broken word stays with the next, so no page ends in half a word.
 */
static void
emit_lines(struct render *r, size_t first, size_t n, double x, double size,
    double lead, double before, int keep_last)
{
	struct unit *u;
	size_t k;

	for (k = 0; k < n; k++) {
		u = unit_add(r, U_LINE);
		u->h = lead;
		u->base = pdf_baseline(size, lead);
		u->x = x;
		u->line = first + k;
		u->before = k == 0 ? before : 0;
		u->keep = n >= 2 && (k == 0 || k + 2 == n);
		if (k + 1 == n && keep_last)
			u->keep = 1;
		if (k + 1 < n && r->store.line[first + k].hyphenated)
			u->keep = 1;
	}
}

size_t
pdf_plain(struct render *r, const char *text, const struct pdf_style *st,
    double width, size_t *n)
{
	return para_plain(&r->store, text, st, width, n);
}

/* ------------------------------------------------------------ document */

void
pdf_layout_names(const char *school, const char *shortname,
    const char *board)
{
	struct buf b = { 0 };

	buf_printf(&b, "%s %s %s", school ? school : "", shortname ?
	    shortname : "", board ? board : "");
	pdf_inl_names(buf_detach(&b));
}

void
pdf_set_names(const struct doc_meta *m)
{
	pdf_layout_names(m->school, m->school_short, m->board);
}

static void
render_reset(struct render *r, const struct document *d)
{
	size_t i;

	for (i = 0; i < r->nlinks; i++)
		free(r->links[i].target);
	for (i = 0; i < r->nowned; i++)
		free(r->owned[i]);
	free(r->notes);
	r->notes = NULL;
	r->nnotes = 0;
	r->nlinks = r->nowned = r->nu = 0;
	r->figure_alt = NULL;
	pdf_accent = d != NULL && d->meta.look != NULL &&
	    d->meta.look->colour != NULL ? d->meta.look->rgb : DEFAULT_ACCENT;
	store_reset(&r->store);
	r->d = d;
	pdf_font_next_document();
}

unsigned pdf_accent = DEFAULT_ACCENT;

void
pdf_layout_look(const struct doc_meta *m)
{
	pdf_accent = m->look != NULL && m->look->colour != NULL ?
	    m->look->rgb : DEFAULT_ACCENT;
}

struct render *
pdf_layout_begin(const struct document *d)
{
	if (!P.ready) {
		diag_error(NULL, 0, "PDF backend used before pdf_init()");
		return NULL;
	}
	render_reset(&P.r, d);
	return &P.r;
}

int
pdf_layout_end(struct render *r, const struct dev_info *in, struct buf *out,
    const char *what)
{
	struct pdf_alt alt = { 0 };
	int rc;

	alt.figure = r->figure_alt;
	pdf_paginate(r);
	buf_reset(out);
	rc = pdf_draw(r, in, out, &alt);
	if (rc == 0 && pdf_finish(out, "nl-NL", in, &alt) == -1) {
		diag_error(NULL, 0, "PDF: cannot finish %s for PDF/UA: cairo "
		    "wrote a file of another shape", what);
		rc = -1;
	}
	pdf_alt_free(&alt);
	return rc;
}

int
pdf_init(const char *templates_dir)
{
	char *conf, *abs;
	int rc;

	if (P.ready)
		return 0;
	/* fontconfig reads a relative name from its own folder */
	conf = xasprintf("%s/fonts.conf", templates_dir);
	abs = realpath(conf, NULL);
	rc = pdf_font_init(abs != NULL ? abs : conf);
	free(abs);
	if (rc == -1 || hyph_load(HYPHEN_DIC) == -1) {
		free(conf);
		return -1;
	}
	P.conf = conf;
	P.ready = 1;
	return 0;
}

int
pdf_deps(void (*fn)(void *, const char *), void *arg)
{
	if (!P.ready) {
		diag_error(NULL, 0, "PDF backend used before pdf_init()");
		return -1;
	}
	fn(arg, P.conf);
	pdf_font_files(fn, arg);
	fn(arg, HYPHEN_DIC);
	return 0;
}

void
pdf_teardown(void)
{
	render_reset(&P.r, NULL);
	free(P.r.u);
	free(P.r.links);
	free(P.r.owned);
	free(P.r.repeat);
	store_free(&P.r.store);
	pdf_inl_names(NULL);
	free(P.conf);
	memset(&P, 0, sizeof(P));
	pdf_font_free();
	hyph_free();
}

/* ------------------------------------- shared with other layouts (pdf_build.h) */

struct unit *
pdf_unit(struct render *r, enum ukind k)
{
	return unit_add(r, k);
}

void
pdf_tag(struct render *r, const char *t)
{
	tag(r, t);
}

void
pdf_end(struct render *r, const char *t)
{
	end(r, t);
}

void
pdf_dest(struct render *r, const char *name, const char *bookmark)
{
	dest(r, name, bookmark);
}

int
pdf_link(struct render *r, int internal, const char *target)
{
	return link_add(r, internal, target);
}

const char *
pdf_keep(struct render *r, char *s)
{
	return keep_str(r, s);
}

void
pdf_lines(struct render *r, size_t first, size_t n, double x, double size,
    double lead, double before, int keep_last)
{
	emit_lines(r, first, n, x, size, lead, before, keep_last);
}
