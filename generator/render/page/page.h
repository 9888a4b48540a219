#ifndef RENDER_PAGE_PAGE_H
#define RENDER_PAGE_PAGE_H
/* HTML pages: templates with slots, libxml2 element helpers, serialisation. */

#include <cmark.h>
#include <libxml/tree.h>

struct buf;
struct document;

/* Folder the templates are read from (default "templates"). */
void		 page_set_templates(const char *dir);
const char	*page_templates(void);

struct page;

/*
 * A new page from templates/<name>.  A template is an HTML5 file whose
 * elements with data-slot="x" are filled by the backend; an element
 * <style data-include="file.css"> receives that file's text.  Templates
 * are parsed once and copied.  Return NULL after reporting an error.
 */
struct page	*page_new(const char *name);
/*
 * Call fn(arg, path) for the files template name is made of (the
 * template, then each included file), loading it when needed: the
 * dependencies of a page.  Return 0, or -1 after reporting an error.
 */
int		 page_files(const char *name, void (*fn)(void *, const char *),
		    void *arg);
/* The element of slot name (its data-slot attribute removed), or NULL. */
xmlNodePtr	 page_slot(struct page *, const char *name);
/* Serialise as HTML5 (UTF-8, no entities for non-ASCII). */
void		 page_serialize(struct page *, struct buf *out);
void		 page_free(struct page *);
xmlDocPtr	 page_doc(struct page *);

struct doc_meta;
/*
 * The board's own look (look.c): its accent colour as a <style> setting
 * --accent after the template's styles, and its logo as a data: URI
 * <img> with its alternative text (NULL when there is none).
 */
void		 page_accent(struct page *, const struct doc_meta *);
xmlNodePtr	 h_logo(xmlNodePtr parent, const struct doc_meta *);
void		 page_cache_free(void);

/* A new child element of parent, with class cls when not NULL. */
xmlNodePtr	 h_el(xmlNodePtr parent, const char *name, const char *cls);
/* A child element holding only text. */
xmlNodePtr	 h_el_text(xmlNodePtr parent, const char *name, const char *cls,
		    const char *text);
void		 h_text(xmlNodePtr parent, const char *text);
void		 h_attr(xmlNodePtr, const char *name, const char *value);
/* An <a href> whose scheme is http, https, mailto, tel or a # anchor. */
xmlNodePtr	 h_link(xmlNodePtr parent, const char *href, const char *text);
int		 h_safe_href(const char *href);

/*
 * Render a clause tree (a cmark document) as children of parent.
 * Footnote references link to "#fn-N"; each gets a unique id
 * "fnref-N" (then "fnref-N-2", ...) counted in refcount[N-1] (may be NULL
 * when the document has no footnotes).  Raw HTML never reaches output.
 */
void		 html_cmark(xmlNodePtr parent, cmark_node *root,
		    int *refcount, size_t nnotes);

#endif
