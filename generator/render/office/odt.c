/*
 * OpenDocument text: the package around the text -- the mimetype (stored,
 * first), the manifest, the metadata (dates from the revision only), the
 * styles by name (so a school can restyle them: Title, Heading 1 and 2
 * with outline levels, Text body, footnotes, lists) with the page, its
 * header (school, title, version, the draft mark) and footer ("pagina X
 * van Y"), Dutch and Carlito throughout -- and the XML helpers that
 * odt_content.c shares.  Every part is written with libxml2's
 * xmlTextWriter, which escapes what it writes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "base/base.h"
#include "model/model.h"
#include "render/office/office.h"
#include "render/office/odt.h"

#define MIMETYPE	"application/vnd.oasis.opendocument.text"
#define FONT		"Carlito"	/* metric-compatible with Calibri */

#define INK		"#1f2328"	/* the PDF's colours */
#define MUTED		"#57606a"
#define RULE		"#d0d7de"
#define MARK_BG		"#fff4c2"
#define MARK_INK	"#3d2e00"

/* The page: A4, 25 mm left and right like the PDF; a 16 cm text width. */
#define TEXT_W		"16cm"

/* ------------------------------------------------------------ helpers */

xmlTextWriterPtr
odt_writer(xmlBufferPtr *b)
{
	xmlTextWriterPtr w;

	*b = xmlBufferCreate();
	w = xmlNewTextWriterMemory(*b, 0);
	xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
	return w;
}

void
odt_finish(xmlTextWriterPtr w, xmlBufferPtr b, struct buf *out)
{
	xmlTextWriterEndDocument(w);
	xmlFreeTextWriter(w);
	buf_put(out, (const char *)xmlBufferContent(b),
	    (size_t)xmlBufferLength(b));
	xmlBufferFree(b);
}

void
odt_start(xmlTextWriterPtr w, const char *name)
{
	xmlTextWriterStartElement(w, BAD_CAST name);
}

void
odt_attr(xmlTextWriterPtr w, const char *name, const char *value)
{
	xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST value);
}

void
odt_end(xmlTextWriterPtr w)
{
	xmlTextWriterEndElement(w);
}

static void
flush(xmlTextWriterPtr w, struct buf *b)
{
	if (b->len > 0)
		xmlTextWriterWriteString(w, BAD_CAST buf_str(b));
	buf_reset(b);
}

void
odt_text(xmlTextWriterPtr w, const char *s)
{
	struct buf b = { 0 };
	const char *p;
	size_t n;
	char c[24];

	for (p = s; *p != '\0'; p++) {
		if (*p == '\t') {
			flush(w, &b);
			odt_start(w, "text:tab");
			odt_end(w);
		} else if (*p == ' ' || *p == '\n' || *p == '\r') {
			for (n = 1; p[n] == ' ' || p[n] == '\n' ||
			    p[n] == '\r'; n++)
				;
			buf_putc(&b, ' ');
			if (n > 1) {
				flush(w, &b);
				odt_start(w, "text:s");
				snprintf(c, sizeof(c), "%zu", n - 1);
				odt_attr(w, "text:c", c);
				odt_end(w);
			}
			p += n - 1;
		} else if ((unsigned char)*p >= 0x20)
			buf_putc(&b, *p);
	}
	flush(w, &b);
	buf_free(&b);
}

void
odt_el_text(xmlTextWriterPtr w, const char *name, const char *style,
    const char *text)
{
	odt_start(w, name);
	if (style != NULL)
		odt_attr(w, "text:style-name", style);
	odt_text(w, text);
	odt_end(w);
}

void
odt_namespaces(xmlTextWriterPtr w)
{
	static const char *const ns[][2] = {
		{ "office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0" },
		{ "style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0" },
		{ "text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0" },
		{ "table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0" },
		{ "draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" },
		{ "fo", "urn:oasis:names:tc:opendocument:xmlns:"
		    "xsl-fo-compatible:1.0" },
		{ "svg", "urn:oasis:names:tc:opendocument:xmlns:"
		    "svg-compatible:1.0" },
		{ "xlink", "http://www.w3.org/1999/xlink" },
		{ "dc", "http://purl.org/dc/elements/1.1/" },
		{ "meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0" },
	};
	char name[32];
	size_t i;

	for (i = 0; i < sizeof(ns) / sizeof(ns[0]); i++) {
		snprintf(name, sizeof(name), "xmlns:%s", ns[i][0]);
		odt_attr(w, name, ns[i][1]);
	}
	odt_attr(w, "office:version", ODT_VERSION);
}

const char *
odt_accent(const struct doc_meta *m)
{
	if (m->look != NULL && m->look->colour != NULL)
		return m->look->colour;
	return ODT_DEFAULT_ACCENT;
}

void
odt_font_faces(xmlTextWriterPtr w)
{
	odt_start(w, "office:font-face-decls");
	odt_start(w, "style:font-face");
	odt_attr(w, "style:name", FONT);
	odt_attr(w, "svg:font-family", FONT);
	odt_attr(w, "style:font-family-generic", "swiss");
	odt_attr(w, "style:font-pitch", "variable");
	odt_end(w);
	odt_end(w);
}

/* ----------------------------------------------------------- manifest */

static void
manifest(struct buf *out, int logo)
{
	static const char *const parts[][2] = {
		{ "content.xml", "text/xml" },
		{ "styles.xml", "text/xml" },
		{ "meta.xml", "text/xml" },
		{ "settings.xml", "text/xml" },
		{ "Pictures/logo.png", "image/png" },
	};
	xmlBufferPtr b;
	xmlTextWriterPtr w = odt_writer(&b);
	size_t i, n = sizeof(parts) / sizeof(parts[0]) - (logo ? 0 : 1);

	odt_start(w, "manifest:manifest");
	odt_attr(w, "xmlns:manifest",
	    "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0");
	odt_attr(w, "manifest:version", ODT_VERSION);
	odt_start(w, "manifest:file-entry");
	odt_attr(w, "manifest:full-path", "/");
	odt_attr(w, "manifest:version", ODT_VERSION);
	odt_attr(w, "manifest:media-type", MIMETYPE);
	odt_end(w);
	for (i = 0; i < n; i++) {
		odt_start(w, "manifest:file-entry");
		odt_attr(w, "manifest:full-path", parts[i][0]);
		odt_attr(w, "manifest:media-type", parts[i][1]);
		odt_end(w);
	}
	odt_end(w);
	odt_finish(w, b, out);
}

/* ----------------------------------------------------------- meta.xml */

static int
full_date(const char *s)
{
	return s != NULL && strlen(s) == 10 && date_valid(s, 0);
}

/*
 * The revision's date: its adoption, else its consent, else its last
 * step's, else the date the document states it was made (NULL if none
 * is a whole date).  Never the clock.
 */
static const char *
revision_date(const struct doc_meta *m)
{
	size_t i;

	if (full_date(m->adopted))
		return m->adopted;
	if (full_date(m->consented))
		return m->consented;
	for (i = m->nsteps; i > 0; i--)
		if (full_date(m->steps[i - 1].date))
			return m->steps[i - 1].date;
	return full_date(m->generated) ? m->generated : NULL;
}

/* Its first step's (the proposal's), else the revision's date. */
static const char *
first_date(const struct doc_meta *m)
{
	size_t i;

	for (i = 0; i < m->nsteps; i++)
		if (full_date(m->steps[i].date))
			return m->steps[i].date;
	return revision_date(m);
}

static void
el_text(xmlTextWriterPtr w, const char *name, const char *text)
{
	odt_start(w, name);
	odt_text(w, text);
	odt_end(w);
}

static void
user_field(xmlTextWriterPtr w, const char *name, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	odt_start(w, "meta:user-defined");
	odt_attr(w, "meta:name", name);
	odt_text(w, value);
	odt_end(w);
}

static void
meta(const struct doc_meta *m, struct buf *out)
{
	xmlBufferPtr b;
	xmlTextWriterPtr w = odt_writer(&b);
	struct buf t = { 0 };
	const char *day;

	odt_start(w, "office:document-meta");
	odt_namespaces(w);
	odt_start(w, "office:meta");
	el_text(w, "meta:generator", "protocolgen");
	buf_printf(&t, "%s \xE2\x80\x93 %s", m->title, m->school);
	el_text(w, "dc:title", buf_str(&t));
	buf_reset(&t);
	buf_printf(&t, "%s %s, %s %s (%s)", m->title, m->school,
	    tr("meta.version.short"), m->version, trx("status", m->status));
	el_text(w, "dc:subject", buf_str(&t));
	el_text(w, "meta:keyword", m->title);
	el_text(w, "meta:keyword", m->school);
	if (strcmp(m->board, m->school) != 0)
		el_text(w, "meta:keyword", m->board);
	buf_reset(&t);
	buf_printf(&t, "%s %s", tr("meta.version.short"), m->version);
	el_text(w, "meta:keyword", buf_str(&t));
	el_text(w, "meta:keyword", trx("status", m->status));
	el_text(w, "meta:initial-creator", m->board);
	el_text(w, "dc:creator", m->board);
	if ((day = first_date(m)) != NULL) {
		buf_reset(&t);
		buf_printf(&t, "%sT00:00:00", day);
		el_text(w, "meta:creation-date", buf_str(&t));
	}
	if ((day = revision_date(m)) != NULL) {
		buf_reset(&t);
		buf_printf(&t, "%sT00:00:00", day);
		el_text(w, "dc:date", buf_str(&t));
	}
	el_text(w, "dc:language", "nl-NL");
	user_field(w, tr("meta.version"), m->version);
	user_field(w, tr("meta.status"), trx("status", m->status));
	user_field(w, tr("meta.schoolyear"), m->schoolyear);
	odt_end(w);
	odt_end(w);
	odt_finish(w, b, out);
	buf_free(&t);
}

/* ------------------------------------------------------- settings.xml */

static void
settings(struct buf *out)
{
	xmlBufferPtr b;
	xmlTextWriterPtr w = odt_writer(&b);

	odt_start(w, "office:document-settings");
	odt_attr(w, "xmlns:office",
	    "urn:oasis:names:tc:opendocument:xmlns:office:1.0");
	odt_attr(w, "xmlns:config",
	    "urn:oasis:names:tc:opendocument:xmlns:config:1.0");
	odt_attr(w, "office:version", ODT_VERSION);
	odt_start(w, "office:settings");
	odt_start(w, "config:config-item-set");
	odt_attr(w, "config:name", "ooo:configuration-settings");
	odt_start(w, "config:config-item");
	odt_attr(w, "config:name", "TabsRelativeToIndent");
	odt_attr(w, "config:type", "boolean");
	xmlTextWriterWriteString(w, BAD_CAST "false");
	odt_end(w);
	odt_end(w);
	odt_end(w);
	odt_end(w);
	odt_finish(w, b, out);
}

/* ---------------------------------------------------------- styles.xml */

/* A style:style of family, with its display name and parent. */
static void
style_begin(xmlTextWriterPtr w, const char *family, const char *name,
    const char *display, const char *parent)
{
	odt_start(w, "style:style");
	odt_attr(w, "style:name", name);
	if (display != NULL)
		odt_attr(w, "style:display-name", display);
	odt_attr(w, "style:family", family);
	if (parent != NULL)
		odt_attr(w, "style:parent-style-name", parent);
}

/*
 * Properties as "name=value" pairs, NULL-terminated, in an element: the
 * styles read like the CSS they mirror.
 */
static void
props(xmlTextWriterPtr w, const char *element, const char *const *kv)
{
	char name[64];
	const char *eq;

	odt_start(w, element);
	for (; *kv != NULL; kv++) {
		if ((eq = strchr(*kv, '=')) == NULL ||
		    (size_t)(eq - *kv) >= sizeof(name))
			continue;
		memcpy(name, *kv, (size_t)(eq - *kv));
		name[eq - *kv] = '\0';
		odt_attr(w, name, eq + 1);
	}
	odt_end(w);
}

#define P(...)	(const char *const []){ __VA_ARGS__, NULL }

static void
para_style(xmlTextWriterPtr w, const char *name, const char *display,
    const char *parent, const char *next, int level,
    const char *const *para, const char *const *text)
{
	char lv[16];

	style_begin(w, "paragraph", name, display, parent);
	if (next != NULL)
		odt_attr(w, "style:next-style-name", next);
	if (level > 0) {
		snprintf(lv, sizeof(lv), "%d", level);
		odt_attr(w, "style:default-outline-level", lv);
	}
	if (para != NULL)
		props(w, "style:paragraph-properties", para);
	if (text != NULL)
		props(w, "style:text-properties", text);
	odt_end(w);
}

static void
text_style(xmlTextWriterPtr w, const char *name, const char *display,
    const char *const *text)
{
	style_begin(w, "text", name, display, NULL);
	props(w, "style:text-properties", text);
	odt_end(w);
}

/* A list style: bullets or numbers, four levels from base cm on. */
static void
list_style(xmlTextWriterPtr w, const char *name, const char *display,
    int ordered, double base)
{
	static const char *const bullets[] = { "\xE2\x80\xA2",
	    "\xE2\x80\x93", "\xE2\x80\xA2", "\xE2\x80\x93" };
	char lv[16], pos[32], indent[16];
	int i;

	odt_start(w, "text:list-style");
	odt_attr(w, "style:name", name);
	odt_attr(w, "style:display-name", display);
	for (i = 0; i < 4; i++) {
		snprintf(lv, sizeof(lv), "%d", i + 1);
		snprintf(pos, sizeof(pos), "%.2fcm", base + 0.6 * (i + 1));
		snprintf(indent, sizeof(indent), "-%.2fcm", 0.6);
		if (ordered) {
			odt_start(w, "text:list-level-style-number");
			odt_attr(w, "text:level", lv);
			odt_attr(w, "style:num-suffix", ".");
			odt_attr(w, "style:num-format", "1");
		} else {
			odt_start(w, "text:list-level-style-bullet");
			odt_attr(w, "text:level", lv);
			odt_attr(w, "text:bullet-char", bullets[i]);
		}
		odt_start(w, "style:list-level-properties");
		odt_attr(w, "text:list-level-position-and-space-mode",
		    "label-alignment");
		odt_start(w, "style:list-level-label-alignment");
		odt_attr(w, "text:label-followed-by", "listtab");
		odt_attr(w, "text:list-tab-stop-position", pos);
		odt_attr(w, "fo:text-indent", indent);
		odt_attr(w, "fo:margin-left", pos);
		odt_end(w);
		odt_end(w);
		odt_end(w);
	}
	odt_end(w);
}

/* Headings take their numbers from the model, never from Writer. */
static void
outline_style(xmlTextWriterPtr w)
{
	char lv[16];
	int i;

	odt_start(w, "text:outline-style");
	odt_attr(w, "style:name", "Outline");
	for (i = 1; i <= 10; i++) {
		snprintf(lv, sizeof(lv), "%d", i);
		odt_start(w, "text:outline-level-style");
		odt_attr(w, "text:level", lv);
		odt_attr(w, "style:num-format", "");
		odt_end(w);
	}
	odt_end(w);
}

static void
named_styles(xmlTextWriterPtr w, const struct doc_meta *m)
{
	const char *accent = odt_accent(m);
	char colour[32], rule[64];

	snprintf(colour, sizeof(colour), "fo:color=%s", accent);
	snprintf(rule, sizeof(rule), "fo:border-bottom=1.5pt solid %s",
	    accent);

	odt_start(w, "office:styles");
	odt_start(w, "style:default-style");
	odt_attr(w, "style:family", "paragraph");
	props(w, "style:paragraph-properties", P("fo:hyphenation-ladder-count="
	    "no-limit", "style:writing-mode=lr-tb",
	    "style:tab-stop-distance=1.25cm"));
	props(w, "style:text-properties", P("style:font-name=" FONT,
	    "fo:font-size=10.5pt", "fo:color=" INK, "fo:language=nl",
	    "fo:country=NL", "fo:hyphenate=true",
	    "fo:hyphenation-remain-char-count=3",
	    "fo:hyphenation-push-char-count=3"));
	odt_end(w);
	odt_start(w, "style:default-style");
	odt_attr(w, "style:family", "table");
	odt_end(w);

	para_style(w, "Standard", NULL, NULL, NULL, 0, NULL, NULL);
	para_style(w, "Text_20_body", "Text body", "Standard", NULL, 0,
	    P("fo:margin-top=0cm", "fo:margin-bottom=0.18cm",
	    "fo:line-height=118%", "fo:text-align=justify",
	    "fo:orphans=2", "fo:widows=2"), NULL);
	para_style(w, "Heading", NULL, "Standard", "Text_20_body", 0,
	    P("fo:keep-with-next=always", "fo:margin-top=0.5cm",
	    "fo:margin-bottom=0.15cm"),
	    P("fo:font-weight=bold", colour));
	para_style(w, "Title", NULL, "Heading", "Subtitle", 0,
	    P("fo:margin-top=0.1cm", "fo:margin-bottom=0.1cm"),
	    P("fo:font-size=24pt", "fo:hyphenate=false"));
	para_style(w, "Subtitle", NULL, "Standard", "Text_20_body", 0,
	    P("fo:margin-bottom=0.4cm", "fo:padding-bottom=0.2cm", rule),
	    P("fo:font-size=13pt"));
	para_style(w, "Logo", "Logo", "Standard", NULL, 0,
	    P("fo:margin-bottom=0.35cm"), NULL);
	para_style(w, "Kicker", "Kicker", "Standard", "Title", 0, NULL,
	    P("fo:font-size=11pt", "fo:color=" MUTED));
	para_style(w, "Heading_20_1", "Heading 1", "Heading", "Text_20_body",
	    1, P("fo:margin-top=0.55cm", "fo:margin-bottom=0.2cm"),
	    P("fo:font-size=13.5pt", "fo:hyphenate=false"));
	para_style(w, "Heading_20_2", "Heading 2", "Heading", "Text_20_body",
	    2, P("fo:margin-top=0.4cm", "fo:margin-bottom=0.15cm"),
	    P("fo:font-size=12pt", "fo:hyphenate=false"));
	para_style(w, "Artikel", "Artikel", "Text_20_body",
	    "Artikel_20_vervolg", 0, P("fo:margin-left=1.2cm",
	    "fo:text-indent=-1.2cm"), NULL);
	para_style(w, "Artikel_20_vervolg", "Artikel vervolg", "Text_20_body",
	    NULL, 0, P("fo:margin-left=1.2cm"), NULL);
	para_style(w, "List_20_Contents", "List Contents", "Text_20_body",
	    NULL, 0, P("fo:margin-bottom=0.08cm"), NULL);
	para_style(w, "Quotations", NULL, "Text_20_body", NULL, 0,
	    P("fo:margin-left=1cm", "fo:margin-right=1cm"),
	    P("fo:font-style=italic"));
	para_style(w, "Artikel_20_citaat", "Artikel citaat", "Quotations",
	    NULL, 0, P("fo:margin-left=2.2cm"), NULL);
	para_style(w, "Concept", "Concept", "Standard", "Text_20_body", 0,
	    P("fo:background-color=" MARK_BG, "fo:padding=0.2cm",
	    "fo:border=0.5pt solid " MARK_INK, "fo:margin-bottom=0.4cm",
	    "fo:keep-with-next=always"),
	    P("fo:color=" MARK_INK));
	para_style(w, "Table_20_Contents", "Table Contents", "Standard", NULL,
	    0, NULL, NULL);
	para_style(w, "Table_20_Heading", "Table Heading", "Table_20_Contents",
	    NULL, 0, NULL, P("fo:font-weight=bold", "fo:color=" MUTED));
	para_style(w, "Table", "Table", "Standard", NULL, 0,
	    P("fo:margin-top=0.4cm", "fo:margin-bottom=0.15cm",
	    "fo:keep-with-next=always"), P("fo:font-weight=bold"));
	para_style(w, "Versieregel", "Versieregel", "Standard", NULL, 0,
	    P("fo:margin-top=0.5cm"), P("fo:font-size=9pt",
	    "fo:color=" MUTED));
	para_style(w, "Footnote", NULL, "Standard", NULL, 0,
	    P("fo:margin-left=0.5cm", "fo:text-indent=-0.5cm"),
	    P("fo:font-size=8.5pt"));
	para_style(w, "Header", NULL, "Standard", NULL, 0, NULL,
	    P("fo:font-size=8.5pt", "fo:color=" MUTED));
	para_style(w, "Footer", NULL, "Standard", NULL, 0, NULL,
	    P("fo:font-size=8.5pt", "fo:color=" MUTED));

	text_style(w, "Emphasis", NULL, P("fo:font-style=italic"));
	text_style(w, "Strong_20_Emphasis", "Strong Emphasis",
	    P("fo:font-weight=bold"));
	text_style(w, "Source_20_Text", "Source Text",
	    P("style:font-name=" FONT));
	text_style(w, "Internet_20_link", "Internet link", P(colour,
	    "style:text-underline-style=solid",
	    "style:text-underline-width=auto",
	    "style:text-underline-color=font-color"));
	text_style(w, "Artikelnummer", "Artikelnummer",
	    P("fo:font-weight=bold", colour));
	text_style(w, "Concept_20_mark", "Concept mark",
	    P("fo:font-weight=bold", "fo:color=" MARK_INK));
	text_style(w, "Footnote_20_Symbol", "Footnote Symbol", P(NULL));
	text_style(w, "Footnote_20_anchor", "Footnote anchor",
	    P("style:text-position=super 58%"));

	outline_style(w);
	list_style(w, "Opsomming", "Opsomming", 0, 0);
	list_style(w, "Nummering", "Nummering", 1, 0);
	list_style(w, "Opsomming_20_artikel", "Opsomming artikel", 0, 1.2);
	list_style(w, "Nummering_20_artikel", "Nummering artikel", 1, 1.2);

	odt_start(w, "text:notes-configuration");
	odt_attr(w, "text:note-class", "footnote");
	odt_attr(w, "text:citation-style-name", "Footnote_20_Symbol");
	odt_attr(w, "text:citation-body-style-name", "Footnote_20_anchor");
	odt_attr(w, "style:num-format", "1");
	odt_attr(w, "text:start-value", "0");
	odt_attr(w, "text:footnotes-position", "page");
	odt_attr(w, "text:start-numbering-at", "document");
	odt_end(w);
	odt_end(w);
}

static void
page_layout(xmlTextWriterPtr w)
{
	odt_start(w, "office:automatic-styles");
	odt_start(w, "style:page-layout");
	odt_attr(w, "style:name", "pm1");
	odt_start(w, "style:page-layout-properties");
	odt_attr(w, "fo:page-width", "21cm");
	odt_attr(w, "fo:page-height", "29.7cm");
	odt_attr(w, "style:print-orientation", "portrait");
	odt_attr(w, "fo:margin-top", "1.2cm");
	odt_attr(w, "fo:margin-bottom", "1.2cm");
	odt_attr(w, "fo:margin-left", "2.5cm");
	odt_attr(w, "fo:margin-right", "2.5cm");
	odt_start(w, "style:footnote-sep");
	odt_attr(w, "style:width", "0.018cm");
	odt_attr(w, "style:distance-before-sep", "0.1cm");
	odt_attr(w, "style:distance-after-sep", "0.1cm");
	odt_attr(w, "style:line-style", "solid");
	odt_attr(w, "style:adjustment", "left");
	odt_attr(w, "style:rel-width", "25%");
	odt_attr(w, "style:color", RULE);
	odt_end(w);
	odt_end(w);
	odt_start(w, "style:header-style");
	props(w, "style:header-footer-properties", P("fo:min-height=0.6cm",
	    "fo:margin-bottom=0.6cm", "fo:padding-bottom=0.1cm",
	    "fo:border-bottom=0.5pt solid " RULE));
	odt_end(w);
	odt_start(w, "style:footer-style");
	props(w, "style:header-footer-properties", P("fo:min-height=0.6cm",
	    "fo:margin-top=0.6cm", "fo:padding-top=0.1cm",
	    "fo:border-top=0.5pt solid " RULE));
	odt_end(w);
	odt_end(w);
	/* the header and footer paragraphs: text left, a stop at the right */
	style_begin(w, "paragraph", "MP1", NULL, "Header");
	odt_start(w, "style:paragraph-properties");
	odt_start(w, "style:tab-stops");
	odt_start(w, "style:tab-stop");
	odt_attr(w, "style:position", TEXT_W);
	odt_attr(w, "style:type", "right");
	odt_end(w);
	odt_end(w);
	odt_end(w);
	odt_end(w);
	style_begin(w, "paragraph", "MP2", NULL, "Footer");
	odt_start(w, "style:paragraph-properties");
	odt_start(w, "style:tab-stops");
	odt_start(w, "style:tab-stop");
	odt_attr(w, "style:position", TEXT_W);
	odt_attr(w, "style:type", "right");
	odt_end(w);
	odt_end(w);
	odt_end(w);
	odt_end(w);
	odt_end(w);
}

static void
master_page(xmlTextWriterPtr w, const struct doc_meta *m)
{
	struct buf b = { 0 };

	odt_start(w, "office:master-styles");
	odt_start(w, "style:master-page");
	odt_attr(w, "style:name", "Standard");
	odt_attr(w, "style:page-layout-name", "pm1");
	odt_start(w, "style:header");
	odt_start(w, "text:p");
	odt_attr(w, "text:style-name", "MP1");
	buf_printf(&b, "%s \xC2\xB7 %s", m->school, m->title);
	odt_text(w, buf_str(&b));
	odt_start(w, "text:tab");
	odt_end(w);
	if (m->draft) {
		odt_el_text(w, "text:span", "Concept_20_mark",
		    trx("mark", m->status));
		odt_text(w, "  ");
	}
	buf_reset(&b);
	buf_printf(&b, "%s %s", tr("meta.version.short"), m->version);
	odt_text(w, buf_str(&b));
	odt_end(w);
	odt_end(w);
	odt_start(w, "style:footer");
	odt_start(w, "text:p");
	odt_attr(w, "text:style-name", "MP2");
	buf_reset(&b);
	doc_status_line(m, &b);
	odt_text(w, buf_str(&b));
	odt_start(w, "text:tab");
	odt_end(w);
	odt_text(w, tr("pdf.page"));
	odt_text(w, " ");
	odt_start(w, "text:page-number");
	odt_attr(w, "text:select-page", "current");
	odt_text(w, "1");
	odt_end(w);
	odt_text(w, " ");
	odt_text(w, tr("pdf.of"));
	odt_text(w, " ");
	odt_start(w, "text:page-count");
	odt_text(w, "1");
	odt_end(w);
	odt_end(w);
	odt_end(w);
	odt_end(w);
	odt_end(w);
	buf_free(&b);
}

static void
styles(const struct doc_meta *m, struct buf *out)
{
	xmlBufferPtr b;
	xmlTextWriterPtr w = odt_writer(&b);

	odt_start(w, "office:document-styles");
	odt_namespaces(w);
	odt_font_faces(w);
	named_styles(w, m);
	page_layout(w);
	master_page(w, m);
	odt_end(w);
	odt_finish(w, b, out);
}

/* ------------------------------------------------------------ package */

static int
package(const struct document *d, const struct doc_meta *m, int schoolgids,
    struct buf *out)
{
	static const char *const names[] = { "META-INF/manifest.xml",
	    "content.xml", "styles.xml", "meta.xml", "settings.xml" };
	struct buf part[5];
	struct odt o;
	struct zipw *z;
	int rc = 0;
	size_t i;

	memset(&o, 0, sizeof(o));
	memset(part, 0, sizeof(part));
	o.d = d;
	o.m = m;
	o.logo = m->look != NULL && m->look->png != NULL &&
	    m->look->width > 0 && m->look->height > 0;
	o.noted = xcalloc(d->nnotes + 1, sizeof(*o.noted));
	o.w = odt_writer(&o.b);
	odt_content(&o, schoolgids);
	odt_finish(o.w, o.b, &part[1]);
	free(o.noted);
	manifest(&part[0], o.logo);
	styles(m, &part[2]);
	meta(m, &part[3]);
	settings(&part[4]);
	/* the entries' dates are the revision's, like meta.xml's */
	if ((z = zipw_open(revision_date(m))) == NULL)
		rc = -1;
	else {
		if (zipw_add(z, "mimetype", MIMETYPE, strlen(MIMETYPE),
		    1) == -1)
			rc = -1;
		for (i = 0; rc == 0 && i < 5; i++)
			if (zipw_add_buf(z, names[i], &part[i], 0) == -1)
				rc = -1;
		if (rc == 0 && o.logo && zipw_add(z, "Pictures/logo.png",
		    m->look->png, m->look->png_len, 1) == -1)
			rc = -1;
		if (rc == 0)
			rc = zipw_close(z, out);
		else
			zipw_discard(z);
	}
	for (i = 0; i < 5; i++)
		buf_free(&part[i]);
	return rc;
}

int
odt_render(const struct document *d, struct buf *out)
{
	return package(d, &d->meta, 0, out);
}

int
odt_schoolgids(const struct document *d, struct buf *out)
{
	struct doc_meta m = d->meta;

	m.title = d->schoolgids->title;	/* header, footer and metadata */
	return package(d, &m, 1, out);
}
