/*
 * PDF backend, internal: the layout building blocks of pdf.c that other
 * layouts (pdf_redline.c) share: units and structure tags, inline text
 * collected into atoms, list items with hanging labels, table rows, the
 * title rule, and the passes after layout.
 */
#ifndef PDF_BUILD_H
#define PDF_BUILD_H

#include <stddef.h>

#include "pdf_layout.h"

struct dev_info;
struct document;

#define BODY_SIZE	10.5
#define BODY_LEAD	14.2
#define PARA_GAP	5.0
#define ITEM_GAP	2.0
#define H2_SIZE		13.5
#define H2_LEAD		17.0
#define H2_BEFORE	16.0
#define ART_INDENT	30.0		/* article text after its number */
#define LIST_INDENT	15.0
#define QUOTE_INDENT	15.0
#define CELL_PAD	3.5
#define MAXDEPTH	16

/* Inline text being collected into atoms. */
struct inl {
	struct pdf_atom	*a;
	size_t		 n, cap;
	int		 glue, hard;	/* before the next atom */
	int		 tie;		/* its space never breaks the line */
};

/* Where the walk over a clause's blocks stands. */
struct flow {
	struct render	*r;
	double		 indent;	/* text start, from the margin */
	double		 before;	/* space above the next paragraph */
	double		 size, lead;
	unsigned	 rgb;
	/* a hanging label waiting for the next line */
	int		 has_label;
	size_t		 label;		/* frag */
	double		 label_x;
	/* open list items: did the label already open LBody? */
	int		 body_open[MAXDEPTH];
	int		 nitems;
	struct {
		int	 ordered, n, tight;
	}		 list[MAXDEPTH];
	int		 nlists;
	struct inl	 in;
};

/*
 * The render that every layout reuses, reset for a new document (d may be
 * NULL when links never name its blocks); NULL after reporting when
 * pdf_init() has not run.
 */
struct render	*pdf_layout_begin(const struct document *d);
/* The words never hyphenated: the school's and board's names. */
void		 pdf_layout_names(const char *school, const char *shortname,
		    const char *board);
/*
 * Paginate and draw r into out, then add /Lang to the catalogue.
 * Return 0, or -1 after reporting (what names the document).
 */
int		 pdf_layout_end(struct render *, const struct dev_info *,
		    struct buf *out, const char *what);

struct unit	*pdf_unit(struct render *, enum ukind);
void		 pdf_tag(struct render *, const char *tag);
void		 pdf_end(struct render *, const char *tag);
/* A named destination (and a bookmark when not NULL) at the next line. */
void		 pdf_dest(struct render *, const char *name,
		    const char *bookmark);
/* A link to a destination (internal) or a URI; its index for styles. */
int		 pdf_link(struct render *, int internal, const char *target);
/* A string the units may borrow until the next render; returns s. */
const char	*pdf_keep(struct render *, char *s);
/* Lines [first, first + n) as units at x (no widows, no orphans). */
void		 pdf_lines(struct render *, size_t first, size_t n, double x,
		    double size, double lead, double before, int keep_last);

/* Text into atoms, split at spaces; a word as one atom. */
void		 pdf_inl_text(struct inl *, const char *, const struct pdf_style *,
		    int nohyph);
void		 pdf_inl_word(struct inl *, const char *, size_t len,
		    const struct pdf_style *, int nohyph);

void		 pdf_flow_init(struct flow *, struct render *, double size,
		    double lead);
/* A list item: its label hangs at x on the item's first line. */
void		 pdf_item_begin(struct flow *);
void		 pdf_item_label(struct flow *, const char *text, int face,
		    unsigned rgb, double x);
/* Place a waiting label and open the item's body (before a paragraph). */
void		 pdf_item_body(struct flow *);
void		 pdf_item_end(struct flow *);

/* A one-line-style block (title, subtitle) in one style, full width. */
void		 pdf_title_line(struct render *, const char *tag,
		    const char *text, int face, double size, double lead,
		    unsigned rgb, double before);
/* The accent rule under a title block. */
void		 pdf_title_rule(struct render *);
void		 pdf_caption(struct render *, const char *text);
/*
 * A table row of n cells, cell i's atoms set at xs[i] (the last cell runs
 * to the right margin); a header row is tinted and keeps with the next;
 * cell th_col (-1: none) is a row header.  Return the row's unit, valid
 * until the next unit is added.
 */
struct unit	*pdf_row(struct render *, struct inl *cells, const double *xs,
		    int n, int header, int th_col, double size, double lead);

#endif
