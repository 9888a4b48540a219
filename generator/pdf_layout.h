/*
 * PDF backend, internal: the flow of units that layout (pdf.c) builds from
 * the document, pagination (pdf_page.c) places on pages, and drawing
 * (pdf_draw.c) hands to the device.
 */
#ifndef PDF_LAYOUT_H
#define PDF_LAYOUT_H

#include <stddef.h>

#include "pdf_para.h"

struct buf;
struct dev_info;

/* A4 in points, and the type area. */
#define PAGE_W		595.276
#define PAGE_H		841.890
#define MARGIN_L	70.87		/* 25 mm */
#define MARGIN_R	70.87
#define TEXT_W		(PAGE_W - MARGIN_L - MARGIN_R)
#define BODY_TOP	82.0		/* below the running header */
#define BODY_BOTTOM	(PAGE_H - 68.0)	/* above the footer */
#define HEADER_BASE	48.0
#define FOOTER_BASE	(PAGE_H - 40.0)

#define INK		0x1f2328
#define MUTED		0x57606a
#define ACCENT		0x0b4f8a
#define RULE		0xd0d7de
#define TINT		0xf3f6f9
#define MARK_BG		0xfff4c2
#define MARK_INK	0x3d2e00
#define WATERMARK	0xececec

enum ukind {
	U_LINE,		/* one line of text */
	U_ROW,		/* a table row: cells side by side */
	U_RULE,		/* a horizontal rule */
	U_GAP,		/* vertical space, dropped at the top of a page */
	U_TAG,		/* structure tag begins */
	U_END,		/* structure tag ends */
	U_DEST,		/* named destination (and bookmark) at the next line */
	U_LABEL,	/* hanging label drawn on the next line */
	U_NEWPAGE	/* start a new page unless at the top of one */
};

struct cell {
	size_t		 line, nlines;	/* lines of the store */
	double		 x;		/* text start, from the left margin */
	const char	*tag;		/* TH, TD or P */
};

#define MAXCELLS	6	/* columns of a table row */

struct unit {
	enum ukind	 kind;
	double		 h;		/* height, points */
	double		 before;	/* space above, unless at a page top */
	int		 keep;		/* keep with the next line or row */
	double		 x;		/* U_LINE/U_LABEL/U_RULE: from the margin */
	double		 w;		/* U_RULE/U_ROW: width */
	size_t		 line;		/* U_LINE/U_LABEL: index in the store */
	double		 base;		/* U_LINE/U_ROW: first baseline below the
					   top; U_RULE: thickness */
	double		 lead;		/* U_ROW: line height in cells */
	unsigned	 rgb;		/* U_RULE: colour; U_ROW: background */
	int		 bg;		/* U_ROW: fill the background */
	int		 rule;		/* U_ROW: a rule below */
	const char	*tag;		/* U_TAG/U_END */
	const char	*name;		/* U_DEST: destination (owned by the
					   document or the render) */
	const char	*bookmark;	/* U_DEST: outline title, or NULL */
	struct cell	 cell[MAXCELLS];	/* U_ROW */
	int		 ncell;
	size_t		 head;		/* U_ROW: 1 + the unit of its table's
					   header row, repeated on top of a
					   page the table goes on to; 0: none */
	/* set by pagination */
	int		 page;		/* 0-based */
	double		 y;		/* top, points from the page top */
};

/* A link target: a named destination or a URI. */
struct link {
	int		 internal;
	char		*target;
};

/* A footnote, laid out once per render. */
struct note {
	size_t		 line, nlines;
	double		 h;
	int		 page;		/* where it is printed, -1 before */
	double		 y;
	size_t		 ref;		/* unit that first refers to it */
	int		 drawn;
};

struct render {
	const struct document *d;
	struct pdf_store store;
	struct unit	*u;
	size_t		 nu, capu;
	struct link	*links;
	size_t		 nlinks, caplinks;
	struct note	*notes;		/* notes[k - 1] is footnote k */
	size_t		 nnotes;
	char		**owned;	/* strings the units borrow */
	size_t		 nowned, capowned;
	int		 npages;
	size_t		*repeat;	/* per page: 1 + a header row drawn on
					   top of it again, or 0 */
	size_t		 caprepeat;
	/* running header and footer lines (store indexes) */
	size_t		 head_left, head_right, foot_left;
	long		 head_mark;	/* the draft mark, or -1 */
	const char	*watermark;	/* the draft mark's word, or NULL */
};

#define NOTE_SIZE	8.5
#define NOTE_LEAD	11.0
#define NOTE_INDENT	12.0
#define NOTE_SEP	14.0		/* rule and space above the notes */
#define NOTE_GAP	2.0

/* A line of text (not justified, not hyphenated): for titles, cells,
   headers and footers.  Return the first line; *n gets their number. */
size_t	 pdf_plain(struct render *, const char *text, const struct pdf_style *,
	    double width, size_t *n);
/* A style of the body font. */
struct pdf_style pdf_style(int face, double size, unsigned rgb);

/* Place every unit on a page; set r->npages.  Never fails. */
void	 pdf_paginate(struct render *);
/* Draw the paginated units.  Return 0, or -1 after reporting. */
int	 pdf_draw(struct render *, const struct dev_info *, struct buf *out);
/* The footnote numbers a line refers to: up to max into out. */
int	 pdf_line_notes(const struct render *, size_t line, int *out, int max);

#endif
