/* PDF backend: a school's protocol as a tagged, hyphenated A4 PDF. */
#ifndef PDF_H
#define PDF_H

struct buf;
struct document;
struct redline;

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
/*
 * Render a redline (redline.h) as a PDF: the summary, the "was / wordt"
 * table, the legend and the text with its marks; with collapse, runs of
 * unchanged clauses are one line each.  Return 0, or -1 after reporting.
 */
int	pdf_redline(const struct redline *, int collapse, struct buf *out);
/* Release what pdf_init loaded (safe without it). */
void	pdf_teardown(void);

#endif
