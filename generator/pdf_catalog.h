/* PDF backend: edits to a finished file that cairo 1.16 cannot make. */
#ifndef PDF_CATALOG_H
#define PDF_CATALOG_H

struct buf;

/*
 * Add /Lang (lang) to the document catalogue of the PDF in pdf, and
 * /MarkInfo << /Marked true >> (cairo 1.16 writes a structure tree but
 * never says the file is tagged) unless it is there, moving
 * every later object and rewriting the cross-reference table so that it
 * stays exact.  lang holds letters and '-' only.  Return 0, or -1 (pdf
 * untouched) when the file is not shaped as expected: one classic xref
 * table, a /Root in its trailer, a catalogue without /Lang.
 */
int	pdf_catalog_set_lang(struct buf *pdf, const char *lang);

#endif
