/*
 * Word packages: the XML writing helpers and the parts every .docx has --
 * content types, relationships, styles (by Word's own names, so a school
 * can restyle them), settings (Dutch), document properties -- shared by
 * the protocol and schoolgids backends (docx_protocol.c, docx_sg.c) and
 * the Word redline (revisions/docx).  Every part is written with
 * libxml2's xmlTextWriter, which escapes what it writes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "base/base.h"
#include "render/office/docx.h"

#define NS_PKG	"http://schemas.openxmlformats.org/package/2006"
#define REL	DOCX_NS_R "/"

/* ------------------------------------------------------------ helpers */

void
dx_start(xmlTextWriterPtr w, const char *name)
{
	xmlTextWriterStartElement(w, BAD_CAST name);
}

void
dx_attr(xmlTextWriterPtr w, const char *name, const char *value)
{
	xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST value);
}

void
dx_attr_int(xmlTextWriterPtr w, const char *name, long value)
{
	xmlTextWriterWriteFormatAttribute(w, BAD_CAST name, "%ld", value);
}

void
dx_end(xmlTextWriterPtr w)
{
	xmlTextWriterEndElement(w);
}

void
dx_val(xmlTextWriterPtr w, const char *name, const char *val)
{
	dx_start(w, name);
	if (val != NULL)
		dx_attr(w, "w:val", val);
	dx_end(w);
}

/*
 * XML 1.0 has no control characters but tab, newline and carriage
 * return; the writer escapes markup but passes those through.
 */
void
dx_text(xmlTextWriterPtr w, const char *s)
{
	struct buf b = { 0 };
	const char *p;

	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p >= 0x20 || *p == '\t' || *p == '\n')
			buf_putc(&b, *p);
	xmlTextWriterWriteString(w, BAD_CAST buf_str(&b));
	buf_free(&b);
}

xmlTextWriterPtr
dx_writer(xmlBufferPtr *b)
{
	xmlTextWriterPtr w;

	*b = xmlBufferCreate();
	w = xmlNewTextWriterMemory(*b, 0);
	xmlTextWriterStartDocument(w, "1.0", "UTF-8", "yes");
	return w;
}

void
dx_finish(xmlTextWriterPtr w, xmlBufferPtr b, struct buf *out)
{
	xmlTextWriterEndDocument(w);
	xmlFreeTextWriter(w);
	buf_put(out, (const char *)xmlBufferContent(b),
	    (size_t)xmlBufferLength(b));
	xmlBufferFree(b);
}

/* -------------------------------------------------------- small parts */

static int
is_png(const char *name)
{
	return str_ends(name, ".png");
}

static void
content_types(const struct docx_part *p, size_t n, struct buf *out)
{
	xmlBufferPtr b;
	xmlTextWriterPtr w = dx_writer(&b);
	size_t i;
	int png = 0;

	dx_start(w, "Types");
	dx_attr(w, "xmlns", NS_PKG "/content-types");
	dx_start(w, "Default");
	dx_attr(w, "Extension", "rels");
	dx_attr(w, "ContentType",
	    "application/vnd.openxmlformats-package.relationships+xml");
	dx_end(w);
	dx_start(w, "Default");
	dx_attr(w, "Extension", "xml");
	dx_attr(w, "ContentType", "application/xml");
	dx_end(w);
	for (i = 0; i < n; i++)
		if (is_png(p[i].name) && !png) {
			dx_start(w, "Default");
			dx_attr(w, "Extension", "png");
			dx_attr(w, "ContentType", "image/png");
			dx_end(w);
			png = 1;
		}
	for (i = 0; i < n; i++) {
		if (p[i].type == NULL)
			continue;
		dx_start(w, "Override");
		xmlTextWriterWriteFormatAttribute(w, BAD_CAST "PartName",
		    "/%s", p[i].name);
		dx_attr(w, "ContentType", p[i].type);
		dx_end(w);
	}
	dx_start(w, "Override");
	dx_attr(w, "PartName", "/docProps/core.xml");
	dx_attr(w, "ContentType", "application/vnd.openxmlformats-"
	    "package.core-properties+xml");
	dx_end(w);
	dx_start(w, "Override");
	dx_attr(w, "PartName", "/docProps/app.xml");
	dx_attr(w, "ContentType", "application/vnd.openxmlformats-"
	    "officedocument.extended-properties+xml");
	dx_end(w);
	dx_end(w);
	dx_finish(w, b, out);
}

static void
rel(xmlTextWriterPtr w, const char *id, const char *type, const char *target,
    int external)
{
	dx_start(w, "Relationship");
	dx_attr(w, "Id", id);
	xmlTextWriterWriteFormatAttribute(w, BAD_CAST "Type", "%s%s",
	    strchr(type, ':') ? "" : REL, type);
	dx_attr(w, "Target", target);
	if (external)
		dx_attr(w, "TargetMode", "External");
	dx_end(w);
}

/*
 * A relationships part: of the package (root), of the document (the
 * parts with a rel, then its links) or of another part (its links).
 */
static void
rels(const struct docx_part *p, size_t n, size_t which, int root,
    struct buf *out)
{
	xmlBufferPtr b;
	xmlTextWriterPtr w = dx_writer(&b);
	char id[32];
	size_t i, k = 0;

	dx_start(w, "Relationships");
	dx_attr(w, "xmlns", NS_PKG "/relationships");
	if (root) {
		rel(w, "rId1", "officeDocument", p[0].name, 0);
		rel(w, "rId2", "http://schemas.openxmlformats.org/package/2006/"
		    "relationships/metadata/core-properties",
		    "docProps/core.xml", 0);
		rel(w, "rId3", "extended-properties", "docProps/app.xml", 0);
		goto done;
	}
	for (i = 1; which == 0 && i < n; i++) {
		if (p[i].rel == NULL)
			continue;
		snprintf(id, sizeof(id), "rId%zu", ++k);
		/* targets are relative to word/ */
		rel(w, p[i].id != NULL ? p[i].id : id, p[i].rel,
		    str_starts(p[i].name, "word/") ? p[i].name + 5 :
		    p[i].name, 0);
	}
	for (i = 0; i < p[which].nlinks; i++) {
		snprintf(id, sizeof(id), "link%zu", i + 1);
		rel(w, id, "hyperlink", p[which].links[i], 1);
	}
done:
	dx_end(w);
	dx_finish(w, b, out);
}

void
docx_core(const char *title, const char *subject, const char *creator,
    const char *keywords, const char *date, struct buf *out)
{
	xmlBufferPtr b;
	xmlTextWriterPtr w = dx_writer(&b);

	dx_start(w, "cp:coreProperties");
	dx_attr(w, "xmlns:cp", "http://schemas.openxmlformats.org/package/"
	    "2006/metadata/core-properties");
	dx_attr(w, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
	dx_attr(w, "xmlns:dcterms", "http://purl.org/dc/terms/");
	dx_attr(w, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
	dx_start(w, "dc:title");
	dx_text(w, title);
	dx_end(w);
	dx_start(w, "dc:subject");
	dx_text(w, subject);
	dx_end(w);
	dx_start(w, "dc:creator");
	dx_text(w, creator);
	dx_end(w);
	dx_start(w, "cp:keywords");
	dx_text(w, keywords);
	dx_end(w);
	dx_start(w, "dc:language");
	dx_text(w, DOCX_LANG);
	dx_end(w);
	dx_start(w, "dcterms:created");
	dx_attr(w, "xsi:type", "dcterms:W3CDTF");
	dx_text(w, date);
	dx_end(w);
	dx_start(w, "dcterms:modified");
	dx_attr(w, "xsi:type", "dcterms:W3CDTF");
	dx_text(w, date);
	dx_end(w);
	dx_end(w);
	dx_finish(w, b, out);
}

static void
app(struct buf *out)
{
	xmlBufferPtr b;
	xmlTextWriterPtr w = dx_writer(&b);

	dx_start(w, "Properties");
	dx_attr(w, "xmlns", "http://schemas.openxmlformats.org/"
	    "officeDocument/2006/extended-properties");
	dx_start(w, "Application");
	dx_text(w, "protocolgen");
	dx_end(w);
	dx_end(w);
	dx_finish(w, b, out);
}

void
docx_settings(int track, int notes, int hyphenate, struct buf *out)
{
	xmlBufferPtr b;
	xmlTextWriterPtr w = dx_writer(&b);

	dx_start(w, "w:settings");
	dx_attr(w, "xmlns:w", DOCX_NS_W);
	if (track)
		dx_val(w, "w:trackRevisions", NULL);
	dx_val(w, "w:defaultTabStop", "709");
	if (hyphenate)
		dx_val(w, "w:autoHyphenation", NULL);
	dx_val(w, "w:characterSpacingControl", "doNotCompress");
	if (notes) {
		dx_start(w, "w:footnotePr");
		dx_start(w, "w:footnote");
		dx_attr(w, "w:id", "-1");
		dx_end(w);
		dx_start(w, "w:footnote");
		dx_attr(w, "w:id", "0");
		dx_end(w);
		dx_end(w);
	}
	dx_start(w, "w:compat");
	dx_start(w, "w:compatSetting");
	dx_attr(w, "w:name", "compatibilityMode");
	dx_attr(w, "w:uri", "http://schemas.microsoft.com/office/word");
	dx_attr(w, "w:val", "15");
	dx_end(w);
	dx_end(w);
	dx_val(w, "w:themeFontLang", DOCX_LANG);
	dx_val(w, "w:decimalSymbol", ",");
	dx_val(w, "w:listSeparator", ";");
	dx_end(w);
	dx_finish(w, b, out);
}

/* ------------------------------------------------------------- styles */

static void
style_rpr(xmlTextWriterPtr w, const struct docx_style *s, const char *accent)
{
	char sz[16];

	dx_start(w, "w:rPr");
	if (s->font != NULL) {
		dx_start(w, "w:rFonts");
		dx_attr(w, "w:ascii", s->font);
		dx_attr(w, "w:hAnsi", s->font);
		dx_end(w);
	}
	if (s->bold)
		dx_val(w, "w:b", NULL);
	if (s->italic)
		dx_val(w, "w:i", NULL);
	if (s->accent)
		dx_val(w, "w:color", accent);
	else if (s->color != NULL)
		dx_val(w, "w:color", s->color);
	if (s->size > 0) {
		snprintf(sz, sizeof(sz), "%d", s->size);
		dx_val(w, "w:sz", sz);
		dx_val(w, "w:szCs", sz);
	}
	if (s->underline)
		dx_val(w, "w:u", "single");
	if (s->sup)
		dx_val(w, "w:vertAlign", "superscript");
	dx_end(w);
}

static void
style(xmlTextWriterPtr w, const struct docx_style *s, const char *accent)
{
	char lvl[16];

	dx_start(w, "w:style");
	dx_attr(w, "w:type", s->type);
	if (s->based == NULL)
		dx_attr(w, "w:default", "1");
	dx_attr(w, "w:styleId", s->id);
	dx_val(w, "w:name", s->name);
	if (s->based != NULL)
		dx_val(w, "w:basedOn", s->based);
	if (strcmp(s->type, "paragraph") == 0)
		dx_val(w, "w:next", s->level > 0 || s->size > 40 ?
		    (s->based != NULL ? s->based : s->id) : s->id);
	dx_val(w, "w:qFormat", NULL);
	if (strcmp(s->type, "paragraph") == 0) {
		dx_start(w, "w:pPr");
		if (s->level > 0)
			dx_val(w, "w:keepNext", NULL);
		if (s->before >= 0 || s->after >= 0) {
			dx_start(w, "w:spacing");
			if (s->before >= 0)
				dx_attr_int(w, "w:before", s->before);
			if (s->after >= 0)
				dx_attr_int(w, "w:after", s->after);
			dx_end(w);
		}
		if (s->left > 0) {
			dx_start(w, "w:ind");
			dx_attr_int(w, "w:left", s->left);
			if (s->hanging > 0)
				dx_attr_int(w, "w:hanging", s->hanging);
			dx_end(w);
		}
		if (s->jc != NULL)
			dx_val(w, "w:jc", s->jc);
		if (s->level > 0) {
			snprintf(lvl, sizeof(lvl), "%d", s->level - 1);
			dx_val(w, "w:outlineLvl", lvl);
		}
		dx_end(w);
	}
	style_rpr(w, s, accent);
	dx_end(w);
}

static void
table_style(xmlTextWriterPtr w)
{
	static const char *const sides[] = { "w:top", "w:left", "w:bottom",
	    "w:right", "w:insideH", "w:insideV" };
	size_t i;

	dx_start(w, "w:style");
	dx_attr(w, "w:type", "table");
	dx_attr(w, "w:styleId", "Tabelraster");
	dx_val(w, "w:name", "Table Grid");
	dx_start(w, "w:tblPr");
	dx_start(w, "w:tblBorders");
	for (i = 0; i < sizeof(sides) / sizeof(sides[0]); i++) {
		dx_start(w, sides[i]);
		dx_attr(w, "w:val", "single");
		dx_attr(w, "w:sz", "4");
		dx_attr(w, "w:space", "0");
		dx_attr(w, "w:color", "808080");
		dx_end(w);
	}
	dx_end(w);
	dx_start(w, "w:tblCellMar");
	dx_start(w, "w:left");
	dx_attr(w, "w:w", "85");
	dx_attr(w, "w:type", "dxa");
	dx_end(w);
	dx_start(w, "w:right");
	dx_attr(w, "w:w", "85");
	dx_attr(w, "w:type", "dxa");
	dx_end(w);
	dx_end(w);
	dx_end(w);
	dx_end(w);
}

void
docx_styles(const struct docx_style *v, size_t n, const char *accent,
    struct buf *out)
{
	xmlBufferPtr b;
	xmlTextWriterPtr w = dx_writer(&b);
	size_t i;

	dx_start(w, "w:styles");
	dx_attr(w, "xmlns:w", DOCX_NS_W);
	dx_start(w, "w:docDefaults");
	dx_start(w, "w:rPrDefault");
	dx_start(w, "w:rPr");
	dx_start(w, "w:rFonts");
	dx_attr(w, "w:ascii", DOCX_FONT);
	dx_attr(w, "w:hAnsi", DOCX_FONT);
	dx_attr(w, "w:eastAsia", DOCX_FONT);
	dx_attr(w, "w:cs", DOCX_FONT);
	dx_end(w);
	dx_val(w, "w:sz", "22");
	dx_val(w, "w:szCs", "22");
	dx_start(w, "w:lang");
	dx_attr(w, "w:val", DOCX_LANG);
	dx_attr(w, "w:eastAsia", DOCX_LANG);
	dx_attr(w, "w:bidi", "ar-SA");
	dx_end(w);
	dx_end(w);
	dx_end(w);
	dx_start(w, "w:pPrDefault");
	dx_start(w, "w:pPr");
	dx_start(w, "w:spacing");
	dx_attr(w, "w:after", "120");
	dx_attr(w, "w:line", "264");
	dx_attr(w, "w:lineRule", "auto");
	dx_end(w);
	dx_end(w);
	dx_end(w);
	dx_end(w);
	for (i = 0; i < n; i++)
		style(w, &v[i], accent);
	table_style(w);
	dx_end(w);
	dx_finish(w, b, out);
}

/* ------------------------------------------------------------- tables */

void
docx_table_open(xmlTextWriterPtr w, const int *permille, size_t ncols,
    long text)
{
	size_t i;

	dx_start(w, "w:tbl");
	dx_start(w, "w:tblPr");
	dx_val(w, "w:tblStyle", "Tabelraster");
	dx_start(w, "w:tblW");
	dx_attr(w, "w:w", "5000");
	dx_attr(w, "w:type", "pct");
	dx_end(w);
	dx_start(w, "w:tblLook");
	dx_attr(w, "w:val", "04A0");
	dx_attr(w, "w:firstRow", "1");
	dx_attr(w, "w:lastRow", "0");
	dx_attr(w, "w:firstColumn", "0");
	dx_attr(w, "w:lastColumn", "0");
	dx_attr(w, "w:noHBand", "0");
	dx_attr(w, "w:noVBand", "1");
	dx_end(w);
	dx_end(w);
	dx_start(w, "w:tblGrid");
	for (i = 0; i < ncols; i++) {
		dx_start(w, "w:gridCol");
		dx_attr_int(w, "w:w", text * permille[i] / 1000);
		dx_end(w);
	}
	dx_end(w);
}

/* ------------------------------------------------------------ package */

int
docx_package(const char *zipdate, const struct buf *core,
    const struct docx_part *parts, size_t nparts, struct buf *out)
{
	struct buf ct = { 0 }, root = { 0 }, ap = { 0 }, r = { 0 };
	struct zipw *z;
	char *name;
	size_t i;
	int rc = 0;

	content_types(parts, nparts, &ct);
	rels(parts, nparts, 0, 1, &root);
	app(&ap);
	if ((z = zipw_open(zipdate)) == NULL)
		rc = -1;
	if (rc == 0 && (zipw_add_buf(z, "[Content_Types].xml", &ct, 0) == -1 ||
	    zipw_add_buf(z, "_rels/.rels", &root, 0) == -1 ||
	    zipw_add_buf(z, "docProps/core.xml", core, 0) == -1 ||
	    zipw_add_buf(z, "docProps/app.xml", &ap, 0) == -1))
		rc = -1;
	for (i = 0; rc == 0 && i < nparts; i++)
		if (zipw_add_buf(z, parts[i].name, parts[i].data, 0) == -1)
			rc = -1;
	/* the relationships of the document, then of parts with links */
	for (i = 0; rc == 0 && i < nparts; i++) {
		const char *slash;
		if (i > 0 && parts[i].nlinks == 0)
			continue;
		buf_reset(&r);
		rels(parts, nparts, i, 0, &r);
		slash = strrchr(parts[i].name, '/');
		name = slash == NULL ? xasprintf("_rels/%s.rels",
		    parts[i].name) : xasprintf("%.*s/_rels/%s.rels",
		    (int)(slash - parts[i].name), parts[i].name, slash + 1);
		if (zipw_add_buf(z, name, &r, 0) == -1)
			rc = -1;
		free(name);
	}
	if (z != NULL) {
		if (rc == 0)
			rc = zipw_close(z, out);
		else
			zipw_discard(z);
	}
	buf_free(&ct);
	buf_free(&root);
	buf_free(&ap);
	buf_free(&r);
	return rc;
}
