#ifndef REVISIONS_PDF_PDF_REDLINE_H
#define REVISIONS_PDF_PDF_REDLINE_H
/* The redline between two revisions as a PDF, on render/pdf's layout. */

struct buf;
struct redline;

int	pdf_redline(const struct redline *, int collapse, struct buf *out);

#endif
