#ifndef RENDER_PDF_PDF_H
#define RENDER_PDF_PDF_H
/* PDF backend: layout, pagination and drawing above the text layer. */

#include "render/pdf/text/text.h"

/*
 * PDF backend, internal: the flow of units that layout (pdf.c, pdf_flow.c,
 * pdf_title.c, pdf_protocol.c, pdf_schoolgids.c) builds from the document,
 * pagination (pdf_page.c) places on pages, and drawing (pdf_draw.c) hands
 * to the device.
 */

#include <stddef.h>


struct buf;
struct dev_info;
struct pdf_alt;

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
/* headings, article numbers, links: the board's colour (pdf_accent,
   set per document by pdf_layout_begin), else DEFAULT_ACCENT */
#define DEFAULT_ACCENT	0x0b4f8a
extern unsigned	 pdf_accent;
#define ACCENT		pdf_accent
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
	U_NEWPAGE,	/* start a new page unless at the top of one */
	U_IMAGE		/* a PNG image (the logo), w by h at x */
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
	const unsigned char *png;	/* U_IMAGE: borrowed from the document */
	size_t		 png_len;
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
	const char	*figure_alt;	/* the logo's /Alt, or NULL */
};

#define NOTE_SIZE	8.5
#define NOTE_LEAD	11.0
#define NOTE_INDENT	12.0
#define NOTE_SEP	14.0		/* rule and space above the notes */
#define NOTE_GAP	2.0

/* A line of text (not justified, not hyphenated) into r's store: for
   titles, cells, headers and footers (para_plain()).  Return the first
   line; *n gets their number. */
size_t	 pdf_plain(struct render *, const char *text, const struct pdf_style *,
	    double width, size_t *n);

/* Place every unit on a page; set r->npages.  Never fails. */
void	 pdf_paginate(struct render *);
/* Draw the paginated units.  Return 0, or -1 after reporting. */
int	 pdf_draw(struct render *, const struct dev_info *, struct buf *out,
	    struct pdf_alt *alt);

/*
 * PDF backend, internal: the layout building blocks that the layouts
 * (pdf_protocol.c, pdf_schoolgids.c, pdf_redline.c) share: units and
 * structure tags, inline Markdown into the flow, list items with hanging
 * labels, headings, table rows, the title block's parts, the running
 * lines, and the passes after layout.
 */

#include <stddef.h>


struct dev_info;
struct document;
struct doc_meta;
struct cmark_node;

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
/* Lay out in the look of m (its accent colour) what has no document of its
   own (a redline: pdf_layout_begin(NULL)); until the next begin. */
void		 pdf_layout_look(const struct doc_meta *m);
/* The words never hyphenated: the school's and board's names. */
void		 pdf_layout_names(const char *school, const char *shortname,
		    const char *board);
/* The same for a document's meta data. */
void		 pdf_set_names(const struct doc_meta *);
/*
 * Paginate and draw r into out, then finish it for PDF/UA-1 (pdf_finish).
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
/* The first baseline below the top of a line box. */
double		 pdf_baseline(double size, double lead);

void		 pdf_flow_init(struct flow *, struct render *, double size,
		    double lead);
/* A list item: its label hangs at x on the item's first line. */
void		 pdf_item_begin(struct flow *);
void		 pdf_item_label(struct flow *, const char *text, int face,
		    unsigned rgb, double x);
/* Place a waiting label and open the item's body (before a paragraph). */
void		 pdf_item_body(struct flow *);
void		 pdf_item_end(struct flow *);
/* The inline content of a paragraph node into f->in. */
void		 pdf_collect(struct flow *, struct cmark_node *para);
/* Walk the blocks of a clause (or footnote) tree. */
void		 pdf_blocks(struct flow *, struct cmark_node *root);
/* A heading; its number (or NULL) hangs where article numbers do. */
void		 pdf_heading(struct flow *, const char *tagname,
		    const char *num, const char *title, double size,
		    double lead, double before);

/* A one-line-style block (title, subtitle) in one style, full width. */
void		 pdf_title_line(struct render *, const char *tag,
		    const char *text, int face, double size, double lead,
		    unsigned rgb, double before);
/* The document's logo, when it has one: a Figure with its /Alt. */
void		 pdf_logo(struct render *, const struct doc_meta *);
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
/* A body-text table row; cells[i] is the text of column i at xs[i]; with
   head_col, the first cell is a row header. */
void		 pdf_text_row(struct render *, const char *const *cells,
		    const double *xs, int n, int header, int head_col);
/* The draft notice: a tinted box on the first page. */
void		 pdf_draft_box(struct render *, const struct doc_meta *);
/* The running header and footer lines of a document. */
void		 pdf_running_lines(struct render *, const struct doc_meta *);
/* Document information into in, its strings kept in b. */
void		 pdf_info(const struct doc_meta *, struct buf *b,
		    struct dev_info *in);

/* PDF backend: what cairo 1.16 cannot write (PDF/UA-1), after it. */

struct buf;

/* The links the device drew, in order: target and the text drawn over it. */
struct pdf_alt {
	struct pdf_alt_link {
		char		*target;
		char		*text;	/* "" when none */
	}		*v;
	size_t		 n, cap;
	const char	*figure;	/* /Alt of every Figure, or NULL */
};
void	pdf_alt_free(struct pdf_alt *);

/*
 * Finish cairo's PDF in pdf for PDF/UA-1, writing it anew with new
 * versions of the objects that change: the catalogue with /Lang (lang),
 * /MarkInfo, an XMP
 * /Metadata stream (pdfuaid:part 1, dc:title and the rest of in) and
 * /ViewerPreferences << /DisplayDocTitle true >>; every page's unmarked
 * content as /Artifact; /Tabs /S on pages with annotations; /Contents on
 * link annotations (their text from alt, or their target); /Scope on
 * every TH, an /ID on every Note and the /IDTree that lists them.  lang
 * holds letters and '-' only.  Return 0, or -1 (pdf untouched) when the
 * file is not shaped as cairo 1.16 writes it: one classic xref table,
 * objects outside streams, a catalogue without /Lang or /Metadata.
 */
int	pdf_finish(struct buf *pdf, const char *lang, const struct dev_info *in,
	    const struct pdf_alt *alt);
/*
 * A content stream (as cairo 1.16 writes it, an operator's line at a
 * time) into out with every run of lines outside marked content wrapped
 * in /Artifact BMC ... EMC.  Return 0, or -1 when its marked content does
 * not nest or opens inside a text object.
 */
int	pdf_artifacts(const char *s, size_t len, struct buf *out);
/* The XMP packet of a PDF/UA-1 file (pdfuaid:part 1, dc:title, ...). */
void	pdf_xmp(struct buf *out, const char *lang, const struct dev_info *in);
/* Inflate a zlib stream into out.  Return 0, or -1 when it is corrupt. */
int	pdf_inflate(const char *in, size_t len, struct buf *out);

/*
 * PDF backend: the thin drawing layer.  Layout decides every position;
 * this file is the only one that calls cairo's PDF surface.
 */

#include <cairo.h>

struct buf;
struct pdf_dev;

struct dev_info {
	const char	*title, *author, *subject, *keywords, *creator;
	const char	*date;		/* ISO-8601 date-time, never NULL */
};

/* A new A4 document written into out when finished. */
/* A new A4 document written into out when finished; the links drawn and
   their text are added to alt. */
struct pdf_dev	*dev_new(double width, double height, struct buf *out,
		    struct pdf_alt *alt);
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
/* A PNG image (validated when read) scaled into w by h at (x, y). */
void	 dev_image(struct pdf_dev *, const unsigned char *png, size_t len,
	    double x, double y, double w, double h);
/* A top-level bookmark to a named destination. */
void	 dev_bookmark(struct pdf_dev *, const char *title, const char *dest);

/* PDF backend: a school's protocol as a tagged, hyphenated A4 PDF. */

struct buf;
struct document;

/*
 * Load fonts (through templates/fonts.conf), fontconfig and the Dutch
 * hyphenation dictionary once per process.  Return 0, or -1 after
 * reporting.  Calling it again is a no-op.
 */
int	pdf_init(const char *templates_dir);
/* Render the protocol into out.  Return 0, or -1 after reporting. */
int	pdf_render(const struct document *, struct buf *out);
/* Render the school's schoolgids section (schoolgids.h) as a PDF. */
int	pdf_schoolgids(const struct document *, struct buf *out);
/*
 * Call fn(arg, path) for every file a PDF depends on besides the document:
 * the font configuration, the font files and the hyphenation dictionary.
 * Return 0, or -1 after reporting (before pdf_init()).
 */
int	pdf_deps(void (*fn)(void *, const char *), void *arg);
/* Release what pdf_init loaded (safe without it). */
void	pdf_teardown(void);

#endif
