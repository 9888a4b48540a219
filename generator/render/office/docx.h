#ifndef RENDER_OFFICE_DOCX_H
#define RENDER_OFFICE_DOCX_H
/*
 * Word (.docx): the parts every package has and the XML helpers that
 * write them (docx_pkg.c, also used by the Word redline in
 * revisions/docx), and the protocol and schoolgids backends (docx_doc.c,
 * docx_protocol.c, docx_sg.c).
 */

#include <stddef.h>

#include <libxml/xmlwriter.h>

#include <cmark.h>

#include "render/office/office.h"

struct buf;
struct document;

/* ------------------------------------------------ docx_pkg.c: OOXML parts */

#define DOCX_NS_W	"http://schemas.openxmlformats.org/wordprocessingml/" \
			"2006/main"
#define DOCX_NS_R	"http://schemas.openxmlformats.org/officeDocument/" \
			"2006/relationships"
#define DOCX_FONT	"Carlito"	/* metric-compatible with Calibri */
#define DOCX_LANG	"nl-NL"

/* Start an element, set an attribute, write text, end an element. */
void	 dx_start(xmlTextWriterPtr, const char *name);
void	 dx_attr(xmlTextWriterPtr, const char *name, const char *value);
void	 dx_attr_int(xmlTextWriterPtr, const char *name, long value);
void	 dx_end(xmlTextWriterPtr);
/* An empty element with one w:val attribute (NULL: none). */
void	 dx_val(xmlTextWriterPtr, const char *name, const char *val);
/* Text, without the characters XML 1.0 cannot hold. */
void	 dx_text(xmlTextWriterPtr, const char *s);
/* A new writer into *b, its XML declaration written. */
xmlTextWriterPtr dx_writer(xmlBufferPtr *b);
/* Finish w, append its bytes to out, free both. */
void	 dx_finish(xmlTextWriterPtr, xmlBufferPtr, struct buf *out);

/* A style of styles.xml. */
struct docx_style {
	const char	*type, *id, *name, *based;
	int		 size;		/* half-points; 0: the default */
	int		 bold, italic, accent, level;	/* level: 1.. outline */
	int		 before, after;	/* twips; -1: the default */
	int		 left, hanging;	/* twips */
	const char	*font;		/* NULL: the default */
	const char	*color;		/* "rrggbb" (accent wins), or NULL */
	int		 underline, sup;
	const char	*jc;		/* "both", "center"; NULL: left */
};

/*
 * styles.xml: Carlito 11 pt, Dutch, then the n styles v (headings in
 * accent, "rrggbb") and "Tabelraster" (Word's "Table Grid").
 */
void	 docx_styles(const struct docx_style *v, size_t n, const char *accent,
	    struct buf *out);
/*
 * settings.xml, Dutch: track (changes stay tracked), notes (footnotes.xml
 * has the two separators, ids -1 and 0), hyphenate (automatic
 * hyphenation).
 */
void	 docx_settings(int track, int notes, int hyphenate, struct buf *out);
/*
 * docProps/core.xml: title, subject, creator and keywords; date
 * ("2026-03-02T00:00:00Z") both created and modified.
 */
void	 docx_core(const char *title, const char *subject, const char *creator,
	    const char *keywords, const char *date, struct buf *out);

/*
 * Open a w:tbl in "Tabelraster" across the text (text twips wide), of
 * ncols columns of permille[i] of it; the caller writes rows and ends it.
 */
void	 docx_table_open(xmlTextWriterPtr, const int *permille, size_t ncols,
	    long text);

/* A part of a package, with the relationship the main document has to it. */
struct docx_part {
	const char	*name;		/* "word/styles.xml" */
	const char	*type;		/* its content type; NULL for a PNG
					   (a Default by extension) */
	const char	*rel;		/* relationship type, after the
					   relationships URI; NULL: none */
	const char	*id;		/* its r:id; NULL: "rId<n>", n counting
					   the parts with a rel */
	const struct buf *data;
	/* external hyperlinks of this part: r:id "link<i+1>" is links[i] */
	char *const	*links;
	size_t		 nlinks;
};

/*
 * The package: [Content_Types].xml, _rels/.rels, core, app, parts[0]
 * (word/document.xml) and the others in order, then the relationships of
 * the document and of every part with links; every entry dated zipdate.
 * Return 0, or -1 after reporting.
 */
int	 docx_package(const char *zipdate, const struct buf *core,
	    const struct docx_part *parts, size_t nparts, struct buf *out);

/* ------------------------------------------- docx_*.c: the two backends */

/* out/<id>/protocol.docx: the protocol as the PDF prints it. */
int	 docx_protocol(const struct document *, struct buf *out);
/* out/<id>/schoolgids.docx: the schoolgids section. */
int	 docx_schoolgids(const struct document *, struct buf *out);

/* ------------------------------------------------------------- internal */

#define DXD_TEXT_TWIPS	9072	/* A4 less two margins of 25 mm */
#define DXD_ART_TWIPS	600	/* article text after its number (30 pt) */
#define DXD_LIST_TWIPS	300	/* a list level (15 pt) */
#define DXD_QUOTE_TWIPS	300
#define DXD_MAXDEPTH	16	/* list levels indented */
#define DXD_MAXCOLS	16	/* columns of a schoolgids table */

/* run style bits */
#define DXD_BOLD	1
#define DXD_ITALIC	2
/* paragraph flags */
#define DXD_KEEP	1	/* with the next */
#define DXD_RULE	2	/* a line under it, in the accent */
#define DXD_BOX		4	/* the draft banner's box */
#define DXD_RIGHT_TAB	8	/* a right tab at the text's end */
#define DXD_SPACE	16	/* space before */

/* One part being written, and its external links. */
struct dxp {
	xmlTextWriterPtr w;
	xmlBufferPtr	 b;
	char		**links;
	size_t		 nlinks;
};

/* What the next paragraph dxd_blocks() writes starts with. */
struct dxd_lead {
	const char	*bookmark;	/* an anchor id */
	const char	*text;		/* "4.5\t" */
	int		 style;		/* DXD_BOLD ... */
	const char	*colour;
	int		 note;		/* a footnote's own mark */
};

/* One Word document being written (docx_doc.c). */
struct dxd {
	const struct document *d;
	const struct doc_meta *m;
	struct dxp	 body, notes, head, foot;
	struct dxp	*p;		/* the part being written */
	const char	*accent;	/* "rrggbb" */
	int		 bookmark;	/* the next bookmark's w:id */
	int		 with_notes;	/* footnotes.xml has the notes */
	char		*noted;		/* [k-1]: note k referenced */
	char		*custom;	/* [k-1]: its mark is its number */
	int		 autonote;	/* notes Word numbers itself */
	int		 logo;		/* word/media/logo.png is used */
	struct dxd_lead	 lead;
};

void	 dxd_init(struct dxd *, const struct document *,
	    const struct doc_meta *);
void	 dxd_bookmark_name(const char *id, char *out, size_t outsz);
void	 dxd_bookmark_start(struct dxd *, const char *id);
void	 dxd_bookmark_end(struct dxd *);
void	 dxd_para(struct dxd *, const char *style, int left, int hanging,
	    int flags);
void	 dxd_para_end(struct dxd *);
void	 dxd_run(struct dxd *, const char *text, int style,
	    const char *rstyle, const char *colour);
void	 dxd_plain(struct dxd *, const char *style, const char *text,
	    int flags);
void	 dxd_blocks(struct dxd *, cmark_node *root, const char *style,
	    int base, int hang);
void	 dxd_table_open(struct dxd *, const int *w, size_t ncols);
void	 dxd_row(struct dxd *, const char *const *cells, const int *w,
	    size_t n, int head);
void	 dxd_table_close(struct dxd *);
void	 dxd_logo(struct dxd *);
/*
 * The logo of m as a w:r with its drawing (the picture: r:id "logo1",
 * word/media/logo.png), for any Word document; return 0 when m has none.
 * docx_drawing_ns() declares on the document element the namespaces it
 * uses.
 */
int	 docx_logo_run(xmlTextWriterPtr, const struct doc_meta *);
void	 docx_drawing_ns(xmlTextWriterPtr);
void	 dxd_board_line(struct dxd *);
void	 dxd_banner(struct dxd *, const char *mark, const char *note);
/* Header, footer, footnotes, styles, the package; frees x.  0 or -1. */
int	 dxd_finish(struct dxd *, struct buf *out, const char *what);
void	 dxd_free(struct dxd *);

#endif
