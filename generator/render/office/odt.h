#ifndef RENDER_OFFICE_ODT_H
#define RENDER_OFFICE_ODT_H
/*
 * OpenDocument text (ODF 1.3): the protocol and the schoolgids section as
 * .odt packages, from the document model only.  odt.c writes the package
 * (mimetype, manifest, meta, styles with the master page) and
 * odt_content.c the text; every part through libxml2's xmlTextWriter.
 */

#include <stddef.h>

#include <libxml/xmlwriter.h>

struct buf;
struct doc_meta;
struct document;

/* out/<id>/protocol.odt and schoolgids.odt.  Return 0, or -1 after
   reporting. */
int		 odt_render(const struct document *, struct buf *out);
int		 odt_schoolgids(const struct document *, struct buf *out);

/* ------------------------------------- inside render/office/odt*.c only */

#define ODT_VERSION	"1.3"
#define ODT_DEFAULT_ACCENT "#0b4f8a"	/* the PDF's, without a board colour */

/* The parts of one package as they are written. */
struct odt {
	const struct document *d;
	const struct doc_meta *m;	/* d's, or the schoolgids' copy */
	xmlBufferPtr	 b;
	xmlTextWriterPtr w;
	int		*noted;		/* footnote k written once: noted[k-1] */
	int		 in_note;	/* inside a note's body */
	int		 ntables;	/* table:name="TabelN" */
	int		 logo;		/* Pictures/logo.png is in the package */
};

/* A writer on a fresh buffer, the XML declaration written. */
xmlTextWriterPtr odt_writer(xmlBufferPtr *b);
/* End the document, append its bytes to out, free writer and buffer. */
void		 odt_finish(xmlTextWriterPtr, xmlBufferPtr, struct buf *out);
void		 odt_start(xmlTextWriterPtr, const char *name);
void		 odt_attr(xmlTextWriterPtr, const char *name, const char *value);
void		 odt_end(xmlTextWriterPtr);
/*
 * Text as ODF keeps it: control characters dropped, a tab as text:tab,
 * a newline as a space, runs of spaces as one and text:s.
 */
void		 odt_text(xmlTextWriterPtr, const char *s);
/* An element holding only text, with a text:style-name when not NULL. */
void		 odt_el_text(xmlTextWriterPtr, const char *name,
		    const char *style, const char *text);
/* The office:document-* namespaces, on the element just started. */
void		 odt_namespaces(xmlTextWriterPtr);
/* The accent colour: the board's or school's, else the PDF's default. */
const char	*odt_accent(const struct doc_meta *);
/* The font-face declarations (Carlito), in content.xml and styles.xml. */
void		 odt_font_faces(xmlTextWriterPtr);

/* odt_content.c: content.xml of the protocol or the schoolgids section. */
void		 odt_content(struct odt *, int schoolgids);

#endif
