#ifndef RENDER_RENDER_H
#define RENDER_RENDER_H
/*
 * The backends: every per-school output, rendered from the document model
 * only, in one table.
 */

#include <stddef.h>

struct buf;
struct document;

struct backend {
	const char	*file;		/* its name in out/<id>/ */
	int		(*render)(const struct document *, struct buf *);
	/* the files (templates, fonts) it reads besides the document and
	   nl.strings, for the make dependency files; NULL: none */
	int		(*deps)(void (*)(void *, const char *), void *);
};

#define RENDER_NBACKENDS 12
extern const struct backend render_backends[RENDER_NBACKENDS];

/*
 * Render every backend of d into out[0..RENDER_NBACKENDS), stopping at the
 * first that fails.  Return 0, or -1 after reporting.
 */
int	render_all(const struct document *d, struct buf *out);
/* Report every backend's files through fn.  Return 0, or -1 on errors. */
int	render_deps(void (*fn)(void *, const char *), void *arg);

#endif
