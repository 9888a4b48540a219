/* PDF backend: the private font set and a process-wide cache of shaped words. */
#ifndef PDF_FONT_H
#define PDF_FONT_H

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
 * 1 pt font: multiply by the size.  Entries live until pdf_font_free().
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
	struct shaped	*next;		/* hash chain */
};

/*
 * Load the fonts named by the private fontconfig file (conf) once per
 * process.  Return 0, or -1 after reporting (fonts missing, or a face that
 * is not Carlito).
 */
int	 pdf_font_init(const char *conf);
void	 pdf_font_free(void);

/* The shaped form of text in face; cached for the process. */
const struct shaped *pdf_shape(int face, const char *text, size_t len);
/* Shortcut for NUL-terminated text. */
const struct shaped *pdf_shape_str(int face, const char *text);

/* The cairo face of a style (borrowed). */
cairo_font_face_t *pdf_font_face(int face);
/* Font metrics per 1 pt: ascent (positive) and descent (positive). */
void	 pdf_font_metrics(int face, double *ascent, double *descent);
/* Cache statistics, for the benchmark. */
size_t	 pdf_font_cached(void);

#endif
