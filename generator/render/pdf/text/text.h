#ifndef RENDER_PDF_TEXT_TEXT_H
#define RENDER_PDF_TEXT_TEXT_H
/*
 * PDF backend, text layer: fonts and shaping, Dutch hyphenation, text
 * collected into atoms and broken into lines of a store.  Layout and
 * drawing (render/pdf/pdf.h) sit above it; it knows nothing of them.
 */

/* Dutch hyphenation: a thin wrapper around libhyphen and hyph_nl_NL.dic. */

#include <stddef.h>

/*
 * Load the dictionary (ISO-8859-1 patterns) once per process.  Return 0,
 * or -1 after reporting.  Loading again is a no-op.
 */
int	hyph_load(const char *path);
void	hyph_free(void);

/*
 * Find the points where the UTF-8 word w (len bytes, letters only) may be
 * hyphenated.  Store the byte offsets after which a hyphen may go, in
 * increasing order, in at (room for max); return how many there are.
 * A word the dictionary cannot spell (characters outside ISO-8859-1),
 * shorter than five letters, or non-standard breaks (with replacements)
 * give no points.  Without a loaded dictionary the answer is 0.
 */
size_t	hyph_points(const char *w, size_t len, unsigned short *at,
	    size_t max);

/* PDF backend: a paragraph's words broken into justified lines. */

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

/* PDF backend: the private font set and a process-wide cache of shaped words. */

#include <stddef.h>

#include <cairo.h>

enum pdf_face {
	FACE_REGULAR,
	FACE_BOLD,
	FACE_ITALIC,
	FACE_BOLDITALIC,
	NFACES
};

/*
 * One piece of text shaped in one face.  Advances are in points for a
 * 1 pt font: multiply by the size.  Entries live until the next document
 * (see pdf_font_next_document()) or pdf_font_free().
 */
struct shaped {
	const char	*text;		/* not NUL-terminated */
	size_t		 len;
	int		 face;
	int		 nglyphs;
	unsigned	*glyph;
	double		*adv, *xoff, *yoff;
	int		*cluster;	/* byte offset of each glyph's cluster */
	double		 width;
	/* hyphenation points, at cluster boundaries, in increasing order */
	int		 nbrk;
	unsigned short	*brk;		/* byte offset of the break */
	int		*brkg;		/* first glyph after it */
	double		*brkw;		/* width of the glyphs before it */
	unsigned long	 used;		/* last document that used it */
	struct shaped	*next;		/* hash chain */
};

/*
 * Load the fonts named by the private fontconfig file (conf) once per
 * process.  Return 0, or -1 after reporting (fonts missing, or a face that
 * is not Carlito).
 */
int	 pdf_font_init(const char *conf);
void	 pdf_font_free(void);

/*
 * A new document starts: shaped words of earlier documents are no longer
 * referenced, and the cache may drop those no recent document used.
 */
void	 pdf_font_next_document(void);
/* The shaped form of text in face; valid until pdf_font_next_document(). */
const struct shaped *pdf_shape(int face, const char *text, size_t len);
/* Shortcut for NUL-terminated text. */
const struct shaped *pdf_shape_str(int face, const char *text);

/* Call fn(arg, path) for the font file of each face. */
void	 pdf_font_files(void (*fn)(void *, const char *), void *arg);
/* The cairo face of a style (borrowed). */
cairo_font_face_t *pdf_font_face(int face);
/* Font metrics per 1 pt: ascent (positive) and descent (positive). */
void	 pdf_font_metrics(int face, double *ascent, double *descent);
/* Cache statistics, for the benchmark. */
size_t	 pdf_font_cached(void);


/*
 * PDF text layer: styles, text collected into atoms, plain strings set as
 * lines, and the footnotes a line refers to.
 */

/* Inline text being collected into atoms. */
struct inl {
	struct pdf_atom	*a;
	size_t		 n, cap;
	int		 glue, hard;	/* before the next atom */
	int		 tie;		/* its space never breaks the line */
};

/* A style of the body font. */
struct pdf_style pdf_style(int face, double size, unsigned rgb);

/*
 * The words never hyphenated (the school's and board's names), separated
 * by spaces; the text layer owns words from now on (NULL: none).
 */
void	 pdf_inl_names(char *words);
/* Text into atoms, split at spaces; a word as one atom. */
void	 pdf_inl_text(struct inl *, const char *, const struct pdf_style *,
	    int nohyph);
void	 pdf_inl_word(struct inl *, const char *, size_t len,
	    const struct pdf_style *, int nohyph);

/* A line of text (not justified, not hyphenated) into the store: for
   titles, cells, headers and footers.  Return the first line; *n gets
   their number. */
size_t	 para_plain(struct pdf_store *, const char *text,
	    const struct pdf_style *, double width, size_t *n);
/* The footnote numbers a line of the store refers to: up to max into out. */
int	 para_line_notes(const struct pdf_store *, size_t line, int *out,
	    int max);

#endif
