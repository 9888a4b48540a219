/* PDF backend: a paragraph's words broken into justified lines. */
#ifndef PDF_PARA_H
#define PDF_PARA_H

#include <stddef.h>

struct shaped;

/*
 * Decorations that pdf_draw.c draws along a frag, in the frag's colour so
 * they survive black-and-white print: the marks of a redline and its
 * badges (a word in a box).
 */
enum pdf_deco {
	DECO_NONE,
	DECO_INS,		/* inserted text: a double underline */
	DECO_DEL,		/* deleted text: struck through */
	DECO_BOX,		/* a box around the frag, solid */
	DECO_BOX_DASHED,
	DECO_BOX_DOTTED,
};

/* How a piece of text looks; lines and frags carry it to the device. */
struct pdf_style {
	int		 face;		/* enum pdf_face */
	double		 size;		/* points */
	unsigned	 rgb;		/* 0xRRGGBB */
	double		 rise;		/* baseline shift up, points */
	int		 link;		/* index into the render's links, -1 */
	int		 note;		/* footnote number of a reference, 0 */
	int		 deco;		/* enum pdf_deco */
	double		 pad;		/* room left and right of an atom (for
					   a box), points */
	unsigned	 bg;		/* DECO_BOX*: fill, 0 for none */
};

/* A run of text without spaces in one style: the breaker's input. */
struct pdf_atom {
	const struct shaped *w;
	struct pdf_style style;
	int		 glue;		/* a space comes before it */
	int		 hard;		/* a forced line break comes before it */
	int		 nohyph;	/* a name, a URL: never hyphenate */
	int		 tie;		/* the space before it never breaks */
};

/* A piece of one line drawn in one style. */
struct pdf_frag {
	const struct shaped *w;
	struct pdf_style style;
	int		 g0, g1;	/* glyphs [g0, g1) of w */
	int		 hyphen;	/* a hyphen follows (a broken word) */
	int		 space;		/* a space follows on the same line */
	double		 x;		/* from the line's start */
	double		 width;		/* glyphs, without hyphen or space */
	double		 space_w;	/* the space after it, justified */
};

struct pdf_line {
	size_t		 f0, nf;	/* frags [f0, f0 + nf) of the store */
	double		 width;		/* as set: the available width when
					   justified */
	int		 hyphenated;
	int		 label;		/* frag index of a hanging label, -1 */
	double		 label_x;	/* relative to the line's start */
};

/* Lines and frags of every paragraph of one render; reused. */
struct pdf_store {
	struct pdf_frag	*frag;
	size_t		 nfrag, capfrag;
	struct pdf_line	*line;
	size_t		 nline, capline;
};

/*
 * Break atoms into lines no wider than width and append them to the
 * store; with justify, every line but the last (and those before a forced
 * break) is spread to the full width.  Return the index of the first new
 * line; *nlines gets their number.
 */
size_t	para_break(struct pdf_store *, const struct pdf_atom *, size_t n,
	    double width, int justify, int hyphenate, size_t *nlines);
/* Append one frag for text in style: for labels.  Return its index. */
size_t	para_label(struct pdf_store *, const struct shaped *,
	    const struct pdf_style *);
/* The width of a hyphen and a space in a style. */
double	para_hyphen_width(const struct pdf_style *);
void	store_reset(struct pdf_store *);
void	store_free(struct pdf_store *);

#endif
