/*
 * The Dutch user guide (docs/handleiding.md) as a page next to the index,
 * out/handleiding.html, in the site's look.  cmark renders it (raw HTML
 * in the guide is escaped: CMARK_OPT_UNSAFE is not given), libxml2 reads
 * that HTML back as a tree and the page template takes it.
 */
#include <stdlib.h>
#include <string.h>

#include <cmark.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "base/base.h"
#include "render/page/page.h"
#include "render/site/site.h"

/* The text of the first <h1>, or NULL. */
static xmlChar *
first_h1(xmlNodePtr n)
{
	xmlChar *t;

	for (; n != NULL; n = n->next) {
		if (n->type == XML_ELEMENT_NODE &&
		    xmlStrcmp(n->name, BAD_CAST "h1") == 0)
			return xmlNodeGetContent(n);
		if ((t = first_h1(n->children)) != NULL)
			return t;
	}
	return NULL;
}

int
guide_render(const char *path, struct buf *out)
{
	struct buf md = { 0 }, wrapped = { 0 };
	struct page *p = NULL;
	htmlDocPtr h = NULL;
	xmlNodePtr slot, body, n, next;
	xmlChar *title = NULL;
	char *html = NULL;
	int rc = -1;

	if (file_read(path, &md) == -1) {
		diag_error(path, 0, "cannot read the guide");
		return -1;
	}
	html = cmark_markdown_to_html(md.data != NULL ? md.data : "", md.len,
	    CMARK_OPT_DEFAULT);
	buf_printf(&wrapped, "<html><body>%s</body></html>", html);
	h = htmlReadMemory(wrapped.data, (int)wrapped.len, NULL, "utf-8",
	    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	if (h == NULL || (body = xmlDocGetRootElement(h)) == NULL ||
	    (body = body->children) == NULL ||
	    (p = page_new("site.html")) == NULL)
		goto out;
	while (body != NULL && (body->type != XML_ELEMENT_NODE ||
	    xmlStrcmp(body->name, BAD_CAST "body") != 0))
		body = body->next;
	if (body == NULL)
		goto out;
	title = first_h1(body->children);
	if ((slot = page_slot(p, "title")) != NULL)
		h_text(slot, title != NULL ? (const char *)title : "");
	if ((slot = page_slot(p, "description")) != NULL)
		h_attr(slot, "content", title != NULL ? (const char *)title :
		    "");
	if ((slot = page_slot(p, "main")) != NULL)
		for (n = body->children; n != NULL; n = next) {
			next = n->next;
			xmlUnlinkNode(n);
			if (xmlDOMWrapAdoptNode(NULL, h, n, slot->doc, slot,
			    0) != 0) {
				xmlFreeNode(n);
				goto out;
			}
			xmlAddChild(slot, n);
		}
	if ((slot = page_slot(p, "footer")) != NULL)
		h_link(h_el(slot, "p", NULL), "index.html", tr("guide.index"));
	page_serialize(p, out);
	rc = 0;
out:
	if (rc == -1)
		diag_error(path, 0, "cannot render the guide");
	if (p != NULL)
		page_free(p);
	if (h != NULL)
		xmlFreeDoc(h);
	xmlFree(title);
	free(html);
	buf_free(&wrapped);
	buf_free(&md);
	return rc;
}
