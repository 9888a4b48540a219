#ifndef RENDER_OFFICE_OFFICE_H
#define RENDER_OFFICE_OFFICE_H
/*
 * Word (.docx) and OpenDocument (.odt) packages: a zip archive written in
 * memory, the same bytes for the same parts.
 */

#include <stddef.h>

struct buf;
struct zipw;

/*
 * Start an archive whose entries all carry date (ISO "YYYY-MM-DD", at
 * midnight; 1980-01-01 when NULL or not a date).  Return NULL after
 * reporting when libzip fails.
 */
struct zipw	*zipw_open(const char *date);
/*
 * Add a part in the order called, deflated, or stored when store is set
 * (ODF's mimetype, which must come first and uncompressed).  The data is
 * copied.  Return 0, or -1 after reporting.
 */
int		 zipw_add(struct zipw *, const char *name, const void *data,
		    size_t len, int store);
/* The same for a buffer's contents. */
int		 zipw_add_buf(struct zipw *, const char *name,
		    const struct buf *, int store);
/*
 * Finish the archive, append its bytes to out and free z (also when it
 * fails).  Return 0, or -1 after reporting.
 */
int		 zipw_close(struct zipw *, struct buf *out);
/* Free an archive without writing it. */
void		 zipw_discard(struct zipw *);

#endif
