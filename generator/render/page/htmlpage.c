/* HTML pages: templates with slots, libxml2 element helpers, serialisation. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

#include "base/base.h"
#include "model/model.h"
#include "render/page/page.h"

struct page {
	xmlDocPtr	 doc;
};

struct cached {
	char		*name;
	xmlDocPtr	 doc;
	char		*files;		/* the template and its includes,
					   each followed by a NUL */
	size_t		 fileslen;
};

static char *templates_dir;
static struct cached *cache;
static size_t ncache;

void
page_set_templates(const char *dir)
{
	free(templates_dir);
	templates_dir = xstrdup(dir);
}

const char *
page_templates(void)
{
	return templates_dir ? templates_dir : "templates";
}

static xmlNodePtr
find_attr(xmlNodePtr n, const char *attr, const char *value)
{
	xmlNodePtr c, hit;
	xmlChar *v;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if ((v = xmlGetProp(n, BAD_CAST attr)) != NULL) {
			int same = value == NULL ||
			    strcmp((char *)v, value) == 0;
			xmlFree(v);
			if (same)
				return n;
		}
		if ((c = n->children) != NULL &&
		    (hit = find_attr(c, attr, value)) != NULL)
			return hit;
	}
	return NULL;
}

/*
 * Inline <style data-include="x.css"> files, naming each in files (NUL
 * after each); return -1 on error.
 */
static int
inline_styles(xmlDocPtr doc, const char *tpath, struct buf *files)
{
	struct buf b = { 0 };
	xmlNodePtr n;
	xmlChar *file;
	char *path;

	while ((n = find_attr(xmlDocGetRootElement(doc), "data-include",
	    NULL)) != NULL) {
		file = xmlGetProp(n, BAD_CAST "data-include");
		path = xasprintf("%s/%s", page_templates(), (char *)file);
		xmlFree(file);
		if (file_read(path, &b) == -1) {
			diag_error(tpath, 0, "cannot include %s: %s", path,
			    strerror(errno));
			free(path);
			buf_free(&b);
			return -1;
		}
		buf_put(files, path, strlen(path) + 1);
		free(path);
		xmlUnsetProp(n, BAD_CAST "data-include");
		xmlNodeAddContentLen(n, BAD_CAST buf_str(&b), (int)b.len);
	}
	buf_free(&b);
	return 0;
}

static struct cached *
load_template(const char *name)
{
	struct buf b = { 0 }, files = { 0 };
	xmlDocPtr doc;
	char *path;
	size_t i;

	for (i = 0; i < ncache; i++)
		if (strcmp(cache[i].name, name) == 0)
			return &cache[i];
	path = xasprintf("%s/%s", page_templates(), name);
	if (file_read(path, &b) == -1) {
		diag_error(path, 0, "cannot read template: %s",
		    strerror(errno));
		free(path);
		return NULL;
	}
	doc = htmlReadMemory(buf_str(&b), (int)b.len, path, "UTF-8",
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	buf_free(&b);
	if (doc == NULL || xmlDocGetRootElement(doc) == NULL) {
		diag_error(path, 0, "cannot parse template");
		free(path);
		return NULL;
	}
	buf_put(&files, path, strlen(path) + 1);
	if (inline_styles(doc, path, &files) == -1) {
		xmlFreeDoc(doc);
		free(path);
		buf_free(&files);
		return NULL;
	}
	free(path);
	cache = xreallocarray(cache, ncache + 1, sizeof(*cache));
	cache[ncache].name = xstrdup(name);
	cache[ncache].doc = doc;
	cache[ncache].fileslen = files.len;
	cache[ncache].files = buf_detach(&files);
	return &cache[ncache++];
}

int
page_files(const char *name, void (*fn)(void *, const char *), void *arg)
{
	const struct cached *c;
	size_t i;

	if ((c = load_template(name)) == NULL)
		return -1;
	for (i = 0; i < c->fileslen; i += strlen(c->files + i) + 1)
		fn(arg, c->files + i);
	return 0;
}

struct page *
page_new(const char *name)
{
	struct page *p;
	const struct cached *t;

	if ((t = load_template(name)) == NULL)
		return NULL;
	p = xcalloc(1, sizeof(*p));
	p->doc = xmlCopyDoc(t->doc, 1);
	return p;
}

xmlNodePtr
page_slot(struct page *p, const char *name)
{
	xmlNodePtr n = find_attr(xmlDocGetRootElement(p->doc), "data-slot",
	    name);

	if (n != NULL)
		xmlUnsetProp(n, BAD_CAST "data-slot");
	return n;
}

void
page_serialize(struct page *p, struct buf *out)
{
	xmlBufferPtr xb = xmlBufferCreate();
	xmlOutputBufferPtr ob;

	ob = xmlOutputBufferCreateBuffer(xb,
	    xmlFindCharEncodingHandler("UTF-8"));
	htmlDocContentDumpFormatOutput(ob, p->doc, "UTF-8", 0);
	xmlOutputBufferClose(ob);
	buf_put(out, xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
	if (out->len == 0 || out->data[out->len - 1] != '\n')
		buf_putc(out, '\n');
	xmlBufferFree(xb);
}

xmlDocPtr
page_doc(struct page *p)
{
	return p->doc;
}

void
page_free(struct page *p)
{
	if (p == NULL)
		return;
	xmlFreeDoc(p->doc);
	free(p);
}

void
page_cache_free(void)
{
	size_t i;

	for (i = 0; i < ncache; i++) {
		free(cache[i].name);
		free(cache[i].files);
		xmlFreeDoc(cache[i].doc);
	}
	free(cache);
	cache = NULL;
	ncache = 0;
	free(templates_dir);
	templates_dir = NULL;
}

xmlNodePtr
h_el(xmlNodePtr parent, const char *name, const char *cls)
{
	xmlNodePtr n = xmlNewNode(NULL, BAD_CAST name);

	if (cls != NULL)
		xmlNewProp(n, BAD_CAST "class", BAD_CAST cls);
	if (parent != NULL)
		xmlAddChild(parent, n);
	return n;
}

xmlNodePtr
h_el_text(xmlNodePtr parent, const char *name, const char *cls,
    const char *text)
{
	xmlNodePtr n = h_el(parent, name, cls);

	h_text(n, text);
	return n;
}

void
h_text(xmlNodePtr parent, const char *text)
{
	xmlAddChild(parent, xmlNewText(BAD_CAST text));
}

void
h_attr(xmlNodePtr n, const char *name, const char *value)
{
	xmlSetProp(n, BAD_CAST name, BAD_CAST value);
}

int
h_safe_href(const char *href)
{
	return href[0] == '#' || str_starts(href, "https://") ||
	    str_starts(href, "http://") || str_starts(href, "mailto:") ||
	    str_starts(href, "tel:") ||
	    (strchr(href, ':') == NULL && href[0] != '/' && href[0] != '\0');
}

xmlNodePtr
h_link(xmlNodePtr parent, const char *href, const char *text)
{
	xmlNodePtr a = h_el(parent, "a", NULL);

	if (h_safe_href(href))
		h_attr(a, "href", href);
	if (text != NULL)
		h_text(a, text);
	return a;
}

static xmlNodePtr
footnote_ref(xmlNodePtr parent, int k, int *refcount, size_t nnotes)
{
	xmlNodePtr sup = h_el(parent, "sup", "fnref"), a;
	char id[48], href[32], num[16];
	int nth = 1;

	if (refcount != NULL && k >= 1 && (size_t)k <= nnotes)
		nth = ++refcount[k - 1];
	snprintf(num, sizeof(num), "%d", k);
	snprintf(href, sizeof(href), "#fn-%d", k);
	if (nth == 1)
		snprintf(id, sizeof(id), "fnref-%d", k);
	else
		snprintf(id, sizeof(id), "fnref-%d-%d", k, nth);
	a = h_link(sup, href, num);
	h_attr(a, "id", id);
	h_attr(a, "role", "doc-noteref");
	return sup;
}

static int
tight_item_paragraph(cmark_node *n)
{
	cmark_node *item = cmark_node_parent(n), *list;

	if (item == NULL || cmark_node_get_type(item) != CMARK_NODE_ITEM)
		return 0;
	list = cmark_node_parent(item);
	return list != NULL && cmark_node_get_list_tight(list);
}

/* Did entering n open an element that its exit must close? */
static int
pushes(cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
		return !tight_item_paragraph(n);
	case CMARK_NODE_BLOCK_QUOTE:
	case CMARK_NODE_LIST:
	case CMARK_NODE_ITEM:
	case CMARK_NODE_EMPH:
	case CMARK_NODE_STRONG:
	case CMARK_NODE_LINK:
		return 1;
	default:
		return 0;
	}
}

void
html_cmark(xmlNodePtr parent, cmark_node *root, int *refcount, size_t nnotes)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	cmark_node *n;
	xmlNodePtr cur = parent, el;
	char start[16];

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		if (ev == CMARK_EVENT_EXIT) {
			if (pushes(n))
				cur = cur->parent;
			continue;
		}
		switch (t) {
		case CMARK_NODE_DOCUMENT:
			break;
		case CMARK_NODE_PARAGRAPH:
			if (!tight_item_paragraph(n))
				cur = h_el(cur, "p", NULL);
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			cur = h_el(cur, "blockquote", NULL);
			break;
		case CMARK_NODE_LIST:
			if (cmark_node_get_list_type(n) == CMARK_ORDERED_LIST) {
				el = h_el(cur, "ol", NULL);
				if (cmark_node_get_list_start(n) != 1) {
					snprintf(start, sizeof(start), "%d",
					    cmark_node_get_list_start(n));
					h_attr(el, "start", start);
				}
			} else
				el = h_el(cur, "ul", NULL);
			cur = el;
			break;
		case CMARK_NODE_ITEM:
			cur = h_el(cur, "li", NULL);
			break;
		case CMARK_NODE_EMPH:
			cur = h_el(cur, "em", NULL);
			break;
		case CMARK_NODE_STRONG:
			cur = h_el(cur, "strong", NULL);
			break;
		case CMARK_NODE_LINK:
			cur = h_link(cur, cmark_node_get_url(n), NULL);
			break;
		case CMARK_NODE_TEXT:
			h_text(cur, cmark_node_get_literal(n));
			break;
		case CMARK_NODE_CODE:
			h_el_text(cur, "code", NULL, cmark_node_get_literal(n));
			break;
		case CMARK_NODE_SOFTBREAK:
			h_text(cur, "\n");
			break;
		case CMARK_NODE_LINEBREAK:
			h_el(cur, "br", NULL);
			break;
		case CMARK_NODE_CUSTOM_INLINE:
			if (doc_footnote_ref(n) > 0)
				footnote_ref(cur, doc_footnote_ref(n), refcount,
				    nnotes);
			break;
		default:
			/*
			 * Raw HTML, images, headings, code blocks: the library
			 * rejects them; should one get here, it is skipped
			 * with everything inside it.
			 */
			if (cmark_node_first_child(n) != NULL)
				cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
			break;
		}
	}
	cmark_iter_free(it);
}
