/* Unit tests: the HTML backend (structure, metadata, draft mark, escaping). */
#include "tap.h"
#include "fixture.h"

#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include "config/config.h"
#include "base/base.h"
#include "model/model.h"
#include "render/html/html.h"
#include "render/page/page.h"
#include "library/library.h"

static struct buf msgs;
static struct config cfg;
static struct library lib;

static char *
render(const char *id)
{
	const struct school *s = config_school(&cfg, id);
	struct document *d;
	struct buf b = { 0 };

	if (s == NULL || (d = doc_assemble(s, &lib)) == NULL)
		return xstrdup("");
	html_render(d, &b);
	doc_free(d);
	return buf_detach(&b);
}

/* Number of nodes matching an XPath expression in html. */
static int
count(const char *html, const char *xpath)
{
	htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), "x.html",
	    "UTF-8", HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST xpath, ctx);
	int n = r && r->nodesetval ? r->nodesetval->nodeNr : 0;

	xmlXPathFreeObject(r);
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(doc);
	return n;
}

static void
load(void)
{
	char *s = xasprintf("%s/schools", fx_root);
	char *c = xasprintf("%s/clauses", fx_root);

	config_load(&cfg, s);
	library_load(&lib, c);
	free(s);
	free(c);
}

static void
test_page(void)
{
	char *h;

	fx_project("basic");
	load();
	h = render("de-eik");
	OK(str_starts(h, "<!DOCTYPE html>\n<html lang=\"nl\">"),
	    "HTML5 doctype and lang=nl");
	INT_EQ(count(h, "//h1"), 1, "one h1");
	INT_EQ(count(h, "//meta[@charset='utf-8']"), 1, "charset");
	INT_EQ(count(h, "//title[.='Protocol sociale media – obs De Eik']"),
	    1, "title names the school");
	INT_EQ(count(h, "//style[contains(., '@media print')]"), 1,
	    "screen and print CSS inlined");
	INT_EQ(count(h, "//*[@data-slot]"), 0, "every slot filled");
	INT_EQ(count(h, "//li[@id='regels.melden']/span[@class='art-num']"
	    "[.='2.3']"), 1, "article id from the clause id, number shown");
	INT_EQ(count(h, "//section[@id='regels']/h2[@id='regels-kop']"), 1,
	    "section anchors");
	INT_EQ(count(h, "//a[@href='#regels.foto-16'][.='artikel 2.2']"), 1,
	    "cross-reference links to the clause id");
	INT_EQ(count(h, "//table[contains(@class,'meta-table')]//tr[th='Versie']"
	    "/td[.='2.0']"), 1, "version in the metadata block");
	INT_EQ(count(h, "//table[contains(@class,'meta-table')]//tr"
	    "[th='Revisiedatum']/td[.='juli 2027']"), 1, "review date in Dutch");
	INT_EQ(count(h, "//table[contains(@class,'steps-table')]//tr[td='MR']"
	    "[td='instemming']/td/time[@datetime='2025-06-02']"
	    "[.='2 juni 2025']"), 1, "each approval step with body and date");
	INT_EQ(count(h, "//sup/a[@href='#fn-1'][@id='fnref-1']"), 1,
	    "first footnote reference");
	INT_EQ(count(h, "//sup/a[@href='#fn-1'][@id='fnref-1-2']"), 1,
	    "second reference to the same footnote gets its own id");
	INT_EQ(count(h, "//li[@id='fn-1']//a[@href='#fnref-1']"), 1,
	    "footnote links back");
	INT_EQ(count(h, "//*[contains(@class,'draft-mark')]"), 0,
	    "no draft mark on an adopted protocol");
	INT_EQ(count(h, "//ul[@class='items']/li[@id='afspraken.pesten']"), 1,
	    "items form a list");
	INT_EQ(count(h, "//a[@href='tel:09001113111'][.='0900 111 3 111']"), 1,
	    "tel link");
	free(h);

	h = render("de-linde");
	INT_EQ(count(h, "//body[@class='is-draft'][@data-mark='CONCEPT']"), 1,
	    "a concept body is marked for print");
	INT_EQ(count(h, "//div[contains(@class,'draft-mark')]//strong"
	    "[.='CONCEPT']"), 1, "a visible CONCEPT mark");
	free(h);
	config_free(&cfg);
	library_free(&lib);
	fx_cleanup();
}

static void
test_escaping(void)
{
	char *h;

	fx_project("basic");
	free(fx_write("schools/vb/x.lua", "school {\n"
	    "  name = '<script>alert(1)</script> & \"Y\"',\n"
	    "  lessons = { { programme = 'dvi', groups = '6' } },\n"
	    "  params = { pestprotocol = '<img src=x onerror=alert(1)>' },\n"
	    "  revision = { version = '1.0', status = 'concept' },\n}\n"));
	load();
	h = render("x");
	INT_EQ(count(h, "//script"), 0, "no script element from a value");
	INT_EQ(count(h, "//img"), 0, "no img element from a value");
	OK(strstr(h, "&lt;script&gt;alert(1)&lt;/script&gt; &amp;") != NULL,
	    "the value is printed literally, escaped");
	free(h);
	config_free(&cfg);
	library_free(&lib);
	fx_cleanup();
}

static void
test_cmark_defence(void)
{
	const char *md = "a <b>x</b>\n\n<div>y</div>\n\n[l](javascript:"
	    "alert(1))\n\n![i](x.png)\n";
	cmark_node *doc = cmark_parse_document(md, strlen(md),
	    CMARK_OPT_DEFAULT);
	xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "div");
	xmlBufferPtr b = xmlBufferCreate();

	html_cmark(root, doc, NULL, 0);
	xmlNodeDump(b, NULL, root, 0, 0);
	STR_EQ((const char *)xmlBufferContent(b), "<div><p>a x</p><p><a>l</a>"
	    "</p><p/></div>", "raw HTML, images and unsafe hrefs never reach "
	    "the page");
	xmlBufferFree(b);
	xmlFreeNode(root);
	cmark_node_free(doc);
}

int
main(void)
{
	diag_capture(&msgs);
	if (text_load("templates/nl.strings") == -1)
		return 2;
	page_set_templates("templates");
	test_page();
	test_escaping();
	test_cmark_defence();
	page_cache_free();
	text_free();
	buf_free(&msgs);
	return tap_done();
}
