#ifndef RENDER_HTML_HTML_H
#define RENDER_HTML_HTML_H
/* HTML backend: a school's protocol as one self-contained HTML5 page. */

struct buf;
struct doc_meta;
struct document;

/* Render the protocol page into out.  Return 0, or -1 after reporting. */
int	html_render(const struct document *, struct buf *out);
/*
 * Call fn(arg, path) for every file the protocol page is made from (its
 * template and the styles it includes).  Return 0, or -1 after reporting.
 */
int	html_deps(void (*fn)(void *, const char *), void *arg);
/* The one-line summary used in page footers. */
void	html_footer_line(const struct doc_meta *, struct buf *);

#endif
