/*
 * Word redline: the package around the document body -- content types,
 * relationships, styles (by Word's own names, so a school can restyle
 * them), settings (Dutch, changes tracked), document properties -- and the
 * XML writing helpers they share with docx_redline.c.  Every part is
 * written with libxml2's xmlTextWriter, which escapes what it writes.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "base/base.h"
#include "render/office/office.h"
#include "revisions/revisions.h"
#include "revisions/docx/docx_redline.h"

#define NS_W	"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R	"http://schemas.openxmlformats.org/officeDocument/2006/" \
		"relationships"
#define NS_PKG	"http://schemas.openxmlformats.org/package/2006"
#define REL	NS_R "/"

#define FONT	"Carlito"	/* metric-compatible with Calibri */
#define LANG	"nl-NL"

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

/* Finish w, append its bytes to out, free both. */
static void
dx_finish(xmlTextWriterPtr w, xmlBufferPtr b, struct buf *out)
{
	xmlTextWriterEndDocument(w);
	xmlFreeTextWriter(w);
	buf_put(out, (const char *)xmlBufferContent(b),
	    (size_t)xmlBufferLength(b));
	xmlBufferFree(b);
}

/* -------------------------------------------------------- small parts */

static void
content_types(struct buf *out)
{
	static const char *const over[][2] = {
		{ "/word/document.xml", "application/vnd.openxmlformats-"
		    "officedocument.wordprocessingml.document.main+xml" },
		{ "/word/styles.xml", "application/vnd.openxmlformats-"
		    "officedocument.wordprocessingml.styles+xml" },
		{ "/word/settings.xml", "application/vnd.openxmlformats-"
		    "officedocument.wordprocessingml.settings+xml" },
		{ "/word/comments.xml", "application/vnd.openxmlformats-"
		    "officedocument.wordprocessingml.comments+xml" },
		{ "/docProps/core.xml", "application/vnd.openxmlformats-"
		    "package.core-properties+xml" },
		{ "/docProps/app.xml", "application/vnd.openxmlformats-"
		    "officedocument.extended-properties+xml" },
	};
	xmlBufferPtr b;
	xmlTextWriterPtr w = dx_writer(&b);
	size_t i;

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
	for (i = 0; i < sizeof(over) / sizeof(over[0]); i++) {
		dx_start(w, "Override");
		dx_attr(w, "PartName", over[i][0]);
		dx_attr(w, "ContentType", over[i][1]);
		dx_end(w);
	}
	dx_end(w);
	dx_finish(w, b, out);
}

/* A relationships part: n pairs of type (after REL or a full URI), target. */
static void
rels(struct buf *out, const char *const (*v)[2], size_t n)
{
	xmlBufferPtr b;
	xmlTextWriterPtr w = dx_writer(&b);
	char id[32];
	size_t i;

	dx_start(w, "Relationships");
	dx_attr(w, "xmlns", NS_PKG "/relationships");
	for (i = 0; i < n; i++) {
		dx_start(w, "Relationship");
		snprintf(id, sizeof(id), "rId%zu", i + 1);
		dx_attr(w, "Id", id);
		xmlTextWriterWriteFormatAttribute(w, BAD_CAST "Type", "%s%s",
		    strchr(v[i][0], ':') ? "" : REL, v[i][0]);
		dx_attr(w, "Target", v[i][1]);
		dx_end(w);
	}
	dx_end(w);
	dx_finish(w, b, out);
}

/*
 * Document properties: the title the HTML page has, and dates from the
 * revision (SOURCE_DATE_EPOCH first, as for the PDF), never the clock.
 */
static void
core(const struct dx *x, struct buf *out)
{
	const struct redline *rl = x->rl;
	const char *school = revdoc_meta(rl->to, "name");
	const char *title = revdoc_meta(rl->to, "title");
	struct buf t = { 0 }, date = { 0 };
	xmlBufferPtr b;
	xmlTextWriterPtr w = dx_writer(&b);
	int set;

	source_date_epoch(&set);
	if (set)
		buf_printf(&date, "%sT00:00:00Z", date_today());
	else
		buf_puts(&date, *x->date ? x->date : "1980-01-01T00:00:00Z");
	dx_start(w, "cp:coreProperties");
	dx_attr(w, "xmlns:cp", "http://schemas.openxmlformats.org/package/"
	    "2006/metadata/core-properties");
	dx_attr(w, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
	dx_attr(w, "xmlns:dcterms", "http://purl.org/dc/terms/");
	dx_attr(w, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
	buf_printf(&t, "%s %s \xE2\x86\x92 %s \xE2\x80\x93 %s",
	    tr("diff.title"), rl->from->version, rl->to->version,
	    school ? school : "");
	dx_start(w, "dc:title");
	dx_text(w, buf_str(&t));
	dx_end(w);
	buf_reset(&t);
	buf_printf(&t, "%s, %s: %s ", title ? title : "", school ? school : "",
	    tr("diff.pdf.subject"));
	rl_version(rl->from, &t);
	buf_printf(&t, " %s ", tr("diff.to"));
	rl_version(rl->to, &t);
	dx_start(w, "dc:subject");
	dx_text(w, buf_str(&t));
	dx_end(w);
	dx_start(w, "dc:creator");
	dx_text(w, x->author);
	dx_end(w);
	buf_reset(&t);
	buf_printf(&t, "%s, %s, %s %s, %s %s", title ? title : "",
	    tr("diff.heading"), tr("meta.version.short"), rl->from->version,
	    tr("meta.version.short"), rl->to->version);
	dx_start(w, "cp:keywords");
	dx_text(w, buf_str(&t));
	dx_end(w);
	dx_start(w, "dc:language");
	dx_text(w, LANG);
	dx_end(w);
	dx_start(w, "dcterms:created");
	dx_attr(w, "xsi:type", "dcterms:W3CDTF");
	dx_text(w, buf_str(&date));
	dx_end(w);
	dx_start(w, "dcterms:modified");
	dx_attr(w, "xsi:type", "dcterms:W3CDTF");
	dx_text(w, buf_str(&date));
	dx_end(w);
	dx_end(w);
	dx_finish(w, b, out);
	buf_free(&t);
	buf_free(&date);
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

/* Changes stay tracked when the council edits; Dutch, for spelling. */
static void
settings(struct buf *out)
{
	xmlBufferPtr b;
	xmlTextWriterPtr w = dx_writer(&b);

	dx_start(w, "w:settings");
	dx_attr(w, "xmlns:w", NS_W);
	dx_val(w, "w:trackRevisions", NULL);
	dx_val(w, "w:defaultTabStop", "709");
	dx_val(w, "w:characterSpacingControl", "doNotCompress");
	dx_start(w, "w:compat");
	dx_start(w, "w:compatSetting");
	dx_attr(w, "w:name", "compatibilityMode");
	dx_attr(w, "w:uri", "http://schemas.microsoft.com/office/word");
	dx_attr(w, "w:val", "15");
	dx_end(w);
	dx_end(w);
	dx_val(w, "w:themeFontLang", LANG);
	dx_val(w, "w:decimalSymbol", ",");
	dx_val(w, "w:listSeparator", ";");
	dx_end(w);
	dx_finish(w, b, out);
}

/* ------------------------------------------------------------- styles */

struct style {
	const char	*type, *id, *name, *based;
	int		 size;		/* half-points; 0: the default */
	int		 bold, italic, accent, level;	/* level: 1.. outline */
	int		 before, after;	/* twips; -1: the default */
	int		 left, hanging;	/* twips */
};

/*
 * The ids are Dutch Word's (Kop1 for "heading 1"), the names Word's
 * built-in ones, which every language version shows in its own words.
 */
static const struct style styles_v[] = {
	{ "paragraph", "Standaard", "Normal", NULL, 0, 0, 0, 0, 0, -1, -1,
	    0, 0 },
	{ "paragraph", "Titel", "Title", "Standaard", 48, 1, 0, 1, 0, 0, 120,
	    0, 0 },
	{ "paragraph", "Ondertitel", "Subtitle", "Standaard", 26, 0, 0, 0, 0,
	    0, 240, 0, 0 },
	{ "paragraph", "Kop1", "heading 1", "Standaard", 32, 1, 0, 1, 1, 360,
	    120, 0, 0 },
	{ "paragraph", "Kop2", "heading 2", "Standaard", 26, 1, 0, 1, 2, 280,
	    80, 0, 0 },
	{ "paragraph", "Kop3", "heading 3", "Standaard", 23, 1, 0, 1, 3, 200,
	    60, 0, 0 },
	{ "paragraph", "Artikel", "Artikel", "Standaard", 0, 0, 0, 0, 0, -1,
	    -1, 709, 709 },
	{ "paragraph", "Lijstalinea", "List Paragraph", "Standaard", 0, 0, 0,
	    0, 0, -1, 60, 1069, 360 },
	{ "paragraph", "Citaat", "Quote", "Standaard", 0, 0, 1, 0, 0, -1, -1,
	    1418, 0 },
	{ "paragraph", "Tekstopmerking", "annotation text", "Standaard", 20,
	    0, 0, 0, 0, -1, -1, 0, 0 },
	{ "paragraph", "Tabeltekst", "Tabeltekst", "Standaard", 19, 0, 0, 0,
	    0, 0, 0, 0, 0 },
	{ "character", "Standaardalinea-lettertype", "Default Paragraph Font",
	    NULL, 0, 0, 0, 0, 0, -1, -1, 0, 0 },
	{ "character", "Verwijzingopmerking", "annotation reference",
	    "Standaardalinea-lettertype", 16, 0, 0, 0, 0, -1, -1, 0, 0 },
	{ "character", "Code", "HTML Code", "Standaardalinea-lettertype", 0,
	    0, 0, 0, 0, -1, -1, 0, 0 },
};

static void
style_rpr(xmlTextWriterPtr w, const struct style *s, const char *accent)
{
	char sz[16];

	dx_start(w, "w:rPr");
	if (strcmp(s->id, "Code") == 0) {
		dx_start(w, "w:rFonts");
		dx_attr(w, "w:ascii", "DejaVu Sans Mono");
		dx_attr(w, "w:hAnsi", "DejaVu Sans Mono");
		dx_end(w);
	}
	if (s->bold)
		dx_val(w, "w:b", NULL);
	if (s->italic)
		dx_val(w, "w:i", NULL);
	if (s->accent)
		dx_val(w, "w:color", accent);
	if (s->size > 0) {
		snprintf(sz, sizeof(sz), "%d", s->size);
		dx_val(w, "w:sz", sz);
		dx_val(w, "w:szCs", sz);
	}
	dx_end(w);
}

static void
style(xmlTextWriterPtr w, const struct style *s, const char *accent)
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
		dx_val(w, "w:next", s->level > 0 || s->size > 40 ? "Standaard" :
		    s->id);
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

static void
styles(const struct dx *x, struct buf *out)
{
	xmlBufferPtr b;
	xmlTextWriterPtr w = dx_writer(&b);
	size_t i;

	dx_start(w, "w:styles");
	dx_attr(w, "xmlns:w", NS_W);
	dx_start(w, "w:docDefaults");
	dx_start(w, "w:rPrDefault");
	dx_start(w, "w:rPr");
	dx_start(w, "w:rFonts");
	dx_attr(w, "w:ascii", FONT);
	dx_attr(w, "w:hAnsi", FONT);
	dx_attr(w, "w:eastAsia", FONT);
	dx_attr(w, "w:cs", FONT);
	dx_end(w);
	dx_val(w, "w:sz", "22");
	dx_val(w, "w:szCs", "22");
	dx_start(w, "w:lang");
	dx_attr(w, "w:val", LANG);
	dx_attr(w, "w:eastAsia", LANG);
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
	for (i = 0; i < sizeof(styles_v) / sizeof(styles_v[0]); i++)
		style(w, &styles_v[i], x->accent);
	table_style(w);
	dx_end(w);
	dx_finish(w, b, out);
}

/* ------------------------------------------------------------ package */

int
dx_package(struct dx *x, struct buf *out)
{
	static const char *const root[][2] = {
		{ "officeDocument", "word/document.xml" },
		{ "http://schemas.openxmlformats.org/package/2006/"
		    "relationships/metadata/core-properties",
		    "docProps/core.xml" },
		{ "extended-properties", "docProps/app.xml" },
	};
	static const char *const doc[][2] = {
		{ "styles", "styles.xml" },
		{ "settings", "settings.xml" },
		{ "comments", "comments.xml" },
	};
	struct buf part[8];
	struct zipw *z;
	int rc = 0, i;

	memset(part, 0, sizeof(part));
	content_types(&part[0]);
	rels(&part[1], root, 3);
	core(x, &part[2]);
	app(&part[3]);
	dx_finish(x->w, x->wb, &part[4]);
	x->w = NULL;
	styles(x, &part[5]);
	settings(&part[6]);
	dx_finish(x->c, x->cb, &part[7]);
	x->c = NULL;
	/* the zip's dates are the revision's, like w:date */
	if ((z = zipw_open(*x->day ? x->day : NULL)) == NULL)
		rc = -1;
	else {
		struct buf r = { 0 };
		static const char *const names[] = { "[Content_Types].xml",
		    "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
		    "word/document.xml", "word/styles.xml",
		    "word/settings.xml", "word/comments.xml" };
		rels(&r, doc, 3);
		for (i = 0; rc == 0 && i < 8; i++)
			if (zipw_add_buf(z, names[i], &part[i], 0) == -1)
				rc = -1;
		if (rc == 0 && zipw_add_buf(z, "word/_rels/document.xml.rels",
		    &r, 0) == -1)
			rc = -1;
		buf_free(&r);
		if (rc == 0)
			rc = zipw_close(z, out);
		else
			zipw_discard(z);
	}
	for (i = 0; i < 8; i++)
		buf_free(&part[i]);
	return rc;
}
