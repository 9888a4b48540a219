/*
 * PDF backend: the thin drawing layer.  Layout decides every position;
 * this file is the only one that calls cairo's PDF surface.
 */
#ifndef PDF_DEVICE_H
#define PDF_DEVICE_H

#include <cairo.h>

struct buf;
struct pdf_dev;

struct dev_info {
	const char	*title, *author, *subject, *keywords, *creator;
	const char	*date;		/* ISO-8601 date-time, never NULL */
};

/* A new A4 document written into out when finished. */
struct pdf_dev	*dev_new(double width, double height, struct buf *out);
void	 dev_info(struct pdf_dev *, const struct dev_info *);
/* Finish the document.  Return 0, or -1 when cairo reports an error. */
int	 dev_finish(struct pdf_dev *);
const char *dev_error(struct pdf_dev *);
void	 dev_free(struct pdf_dev *);

void	 dev_page_end(struct pdf_dev *);

/* Glyphs with their text (clusters map one to the other). */
void	 dev_glyphs(struct pdf_dev *, cairo_font_face_t *, double size,
	    unsigned rgb, const cairo_glyph_t *, int nglyphs,
	    const char *utf8, int len, const cairo_text_cluster_t *,
	    int nclusters);
/* Text as filled outlines: seen, never extracted (the draft watermark). */
void	 dev_outline_text(struct pdf_dev *, cairo_font_face_t *, double size,
	    unsigned rgb, double x, double y, double angle, const char *utf8);
void	 dev_rect(struct pdf_dev *, double x, double y, double w, double h,
	    unsigned rgb);
void	 dev_hline(struct pdf_dev *, double x0, double x1, double y,
	    double width, unsigned rgb);
/* The border of a rectangle: solid, dashed or dotted. */
enum dev_dash { DEV_SOLID, DEV_DASHED, DEV_DOTTED };
void	 dev_box(struct pdf_dev *, double x, double y, double w, double h,
	    double width, unsigned rgb, enum dev_dash);

/* Structure tags (H1, P, L, LI, Table, ...): begin and end must nest. */
void	 dev_tag_begin(struct pdf_dev *, const char *tag);
void	 dev_tag_end(struct pdf_dev *, const char *tag);
/* A link over what is drawn until dev_link_end: to a named destination
   (internal) or a URI. */
void	 dev_link_begin(struct pdf_dev *, int internal, const char *target);
void	 dev_link_end(struct pdf_dev *);
/* A named destination at (x, y) of the current page. */
void	 dev_dest(struct pdf_dev *, const char *name, double x, double y);
/* A top-level bookmark to a named destination. */
void	 dev_bookmark(struct pdf_dev *, const char *title, const char *dest);

#endif
