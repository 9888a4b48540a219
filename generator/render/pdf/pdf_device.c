/*
 * PDF backend: the thin drawing layer.  Layout decides every position;
 * this file is the only one that calls cairo's PDF surface.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <zlib.h>

#include "render/pdf/pdf.h"
#include "base/base.h"

/*
 * cairo 1.16 compresses every stream of a PDF (pages, font subsets) at
 * zlib's default level and offers no way to choose.  At level 1 a
 * protocol renders about 15% faster (deflate was 15% of a whole build in
 * callgrind) for 1.7% more bytes (100 synthetic schools, make bench).
 * cairo reaches zlib through this entry point; a program's own
 * definition comes first in ELF symbol lookup, so this is the one it
 * calls.  Nothing else in the program compresses.
 */
#define PDF_DEFLATE_LEVEL	1

int
deflateInit_(z_streamp strm, int level, const char *version, int size)
{
	(void)level;
	return deflateInit2_(strm, PDF_DEFLATE_LEVEL, Z_DEFLATED, MAX_WBITS,
	    8, Z_DEFAULT_STRATEGY, version, size);
}

struct pdf_dev {
	cairo_surface_t	*surface;
	cairo_t		*cr;
	struct buf	*out;
	cairo_font_options_t *fo;
	cairo_font_face_t *face;	/* current font */
	double		 size;
	struct buf	 attr;		/* scratch for tag attributes */
	struct pdf_alt	*alt;		/* the links drawn */
	struct buf	 link;		/* the open link's text */
	int		 in_link;
	cairo_status_t	 status;
};

static cairo_status_t
write_out(void *closure, const unsigned char *data, unsigned int len)
{
	buf_put(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

struct pdf_dev *
dev_new(double width, double height, struct buf *out, struct pdf_alt *alt)
{
	struct pdf_dev *d = xcalloc(1, sizeof(*d));

	d->out = out;
	d->alt = alt;
	d->surface = cairo_pdf_surface_create_for_stream(write_out, out,
	    width, height);
	cairo_pdf_surface_restrict_to_version(d->surface,
	    CAIRO_PDF_VERSION_1_5);
	d->cr = cairo_create(d->surface);
	d->fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(d->fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(d->fo, CAIRO_HINT_METRICS_OFF);
	cairo_set_font_options(d->cr, d->fo);
	return d;
}

void
dev_info(struct pdf_dev *d, const struct dev_info *in)
{
	static const struct {
		cairo_pdf_metadata_t key;
		size_t off;
	} keys[] = {
		{ CAIRO_PDF_METADATA_TITLE, offsetof(struct dev_info, title) },
		{ CAIRO_PDF_METADATA_AUTHOR, offsetof(struct dev_info, author) },
		{ CAIRO_PDF_METADATA_SUBJECT,
		    offsetof(struct dev_info, subject) },
		{ CAIRO_PDF_METADATA_KEYWORDS,
		    offsetof(struct dev_info, keywords) },
		{ CAIRO_PDF_METADATA_CREATOR,
		    offsetof(struct dev_info, creator) },
		{ CAIRO_PDF_METADATA_CREATE_DATE,
		    offsetof(struct dev_info, date) },
		{ CAIRO_PDF_METADATA_MOD_DATE, offsetof(struct dev_info, date) },
	};
	size_t i;
	const char *v;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		v = *(const char *const *)((const char *)in + keys[i].off);
		if (v != NULL && *v != '\0')
			cairo_pdf_surface_set_metadata(d->surface, keys[i].key,
			    v);
	}
}

int
dev_finish(struct pdf_dev *d)
{
	cairo_surface_finish(d->surface);
	if (d->status == CAIRO_STATUS_SUCCESS)	/* else dev_image's */
		d->status = cairo_status(d->cr);
	if (d->status == CAIRO_STATUS_SUCCESS)
		d->status = cairo_surface_status(d->surface);
	return d->status == CAIRO_STATUS_SUCCESS ? 0 : -1;
}

const char *
dev_error(struct pdf_dev *d)
{
	return cairo_status_to_string(d->status);
}

void
dev_free(struct pdf_dev *d)
{
	if (d == NULL)
		return;
	cairo_destroy(d->cr);
	cairo_surface_destroy(d->surface);
	cairo_font_options_destroy(d->fo);
	buf_free(&d->attr);
	buf_free(&d->link);
	free(d);
}

void
dev_page_end(struct pdf_dev *d)
{
	cairo_show_page(d->cr);
}

static void
set_rgb(cairo_t *cr, unsigned rgb)
{
	cairo_set_source_rgb(cr, ((rgb >> 16) & 0xff) / 255.0,
	    ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

static void
set_font(struct pdf_dev *d, cairo_font_face_t *face, double size)
{
	if (face != d->face) {
		cairo_set_font_face(d->cr, face);
		d->face = face;
		d->size = 0;
	}
	if (size != d->size) {
		cairo_set_font_size(d->cr, size);
		d->size = size;
	}
}

void
dev_glyphs(struct pdf_dev *d, cairo_font_face_t *face, double size,
    unsigned rgb, const cairo_glyph_t *g, int n, const char *utf8, int len,
    const cairo_text_cluster_t *cl, int ncl)
{
	set_font(d, face, size);
	set_rgb(d->cr, rgb);
	cairo_show_text_glyphs(d->cr, utf8, len, g, n, cl, ncl, 0);
	if (d->in_link)
		buf_put(&d->link, utf8, (size_t)len);
}

void
dev_outline_text(struct pdf_dev *d, cairo_font_face_t *face, double size,
    unsigned rgb, double x, double y, double angle, const char *utf8)
{
	cairo_text_extents_t te;

	cairo_save(d->cr);
	set_font(d, face, size);
	cairo_translate(d->cr, x, y);
	cairo_rotate(d->cr, angle);
	cairo_text_extents(d->cr, utf8, &te);
	cairo_move_to(d->cr, -te.x_advance / 2, te.height / 2);
	cairo_text_path(d->cr, utf8);
	set_rgb(d->cr, rgb);
	cairo_fill(d->cr);
	cairo_restore(d->cr);
	d->face = NULL;		/* cairo_restore reset the font */
}

void
dev_rect(struct pdf_dev *d, double x, double y, double w, double h,
    unsigned rgb)
{
	set_rgb(d->cr, rgb);
	cairo_rectangle(d->cr, x, y, w, h);
	cairo_fill(d->cr);
}

void
dev_hline(struct pdf_dev *d, double x0, double x1, double y, double width,
    unsigned rgb)
{
	set_rgb(d->cr, rgb);
	cairo_set_line_width(d->cr, width);
	cairo_move_to(d->cr, x0, y);
	cairo_line_to(d->cr, x1, y);
	cairo_stroke(d->cr);
}

void
dev_box(struct pdf_dev *d, double x, double y, double w, double h,
    double width, unsigned rgb, enum dev_dash dash)
{
	const double dashed[] = { 2.0 * width, 1.5 * width };
	const double dotted[] = { 0, 2.0 * width };

	set_rgb(d->cr, rgb);
	cairo_set_line_width(d->cr, width);
	if (dash == DEV_DASHED)
		cairo_set_dash(d->cr, dashed, 2, 0);
	else if (dash == DEV_DOTTED) {
		cairo_set_dash(d->cr, dotted, 2, 0);
		cairo_set_line_cap(d->cr, CAIRO_LINE_CAP_ROUND);
	}
	cairo_rectangle(d->cr, x, y, w, h);
	cairo_stroke(d->cr);
	cairo_set_dash(d->cr, NULL, 0, 0);
	cairo_set_line_cap(d->cr, CAIRO_LINE_CAP_BUTT);
}

struct png_read {
	const unsigned char *p;
	size_t		 left;
};

static cairo_status_t
png_read(void *closure, unsigned char *data, unsigned int len)
{
	struct png_read *pr = closure;

	if (len > pr->left)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, pr->p, len);
	pr->p += len;
	pr->left -= len;
	return CAIRO_STATUS_SUCCESS;
}

void
dev_image(struct pdf_dev *d, const unsigned char *png, size_t len, double x,
    double y, double w, double h)
{
	struct png_read pr = { png, len };
	cairo_surface_t *img;
	int iw, ih;

	img = cairo_image_surface_create_from_png_stream(png_read, &pr);
	if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS ||
	    (iw = cairo_image_surface_get_width(img)) <= 0 ||
	    (ih = cairo_image_surface_get_height(img)) <= 0) {
		if (d->status == CAIRO_STATUS_SUCCESS)
			d->status = cairo_surface_status(img) !=
			    CAIRO_STATUS_SUCCESS ? cairo_surface_status(img) :
			    CAIRO_STATUS_INVALID_SIZE;
		cairo_surface_destroy(img);
		return;
	}
	cairo_save(d->cr);
	cairo_translate(d->cr, x, y);
	cairo_scale(d->cr, w / iw, h / ih);
	cairo_set_source_surface(d->cr, img, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(d->cr), CAIRO_FILTER_GOOD);
	cairo_paint(d->cr);
	cairo_restore(d->cr);
	cairo_surface_destroy(img);
}

void
dev_tag_begin(struct pdf_dev *d, const char *tag)
{
	cairo_tag_begin(d->cr, tag, NULL);
}

void
dev_tag_end(struct pdf_dev *d, const char *tag)
{
	cairo_tag_end(d->cr, tag);
}

/* A cairo attribute string value: quoted, ' and \ escaped. */
static void
quote(struct buf *b, const char *s)
{
	buf_putc(b, '\'');
	for (; *s != '\0'; s++) {
		if (*s == '\'' || *s == '\\')
			buf_putc(b, '\\');
		buf_putc(b, *s);
	}
	buf_putc(b, '\'');
}

void
dev_link_begin(struct pdf_dev *d, int internal, const char *target)
{
	buf_reset(&d->attr);
	buf_puts(&d->attr, internal ? "dest=" : "uri=");
	quote(&d->attr, target);
	cairo_tag_begin(d->cr, CAIRO_TAG_LINK, buf_str(&d->attr));
	if (d->alt != NULL) {
		if (d->alt->n == d->alt->cap) {
			d->alt->cap = d->alt->cap ? 2 * d->alt->cap : 16;
			d->alt->v = xrealloc(d->alt->v, d->alt->cap *
			    sizeof(d->alt->v[0]));
		}
		d->alt->v[d->alt->n].target = xstrdup(target);
		d->alt->v[d->alt->n].text = NULL;
		d->alt->n++;
		buf_reset(&d->link);
		d->in_link = 1;
	}
}

void
dev_link_end(struct pdf_dev *d)
{
	cairo_tag_end(d->cr, CAIRO_TAG_LINK);
	if (d->in_link) {
		d->alt->v[d->alt->n - 1].text = xstrdup(buf_str(&d->link));
		d->in_link = 0;
	}
}

void
dev_dest(struct pdf_dev *d, const char *name, double x, double y)
{
	buf_reset(&d->attr);
	buf_puts(&d->attr, "name=");
	quote(&d->attr, name);
	buf_printf(&d->attr, " x=%.2f y=%.2f", x, y);
	cairo_tag_begin(d->cr, CAIRO_TAG_DEST, buf_str(&d->attr));
	cairo_tag_end(d->cr, CAIRO_TAG_DEST);
}

void
dev_bookmark(struct pdf_dev *d, const char *title, const char *dest)
{
	buf_reset(&d->attr);
	buf_puts(&d->attr, "dest=");
	quote(&d->attr, dest);
	cairo_pdf_surface_add_outline(d->surface, CAIRO_PDF_OUTLINE_ROOT,
	    title, buf_str(&d->attr), 0);
}
