/* HTML backend: a school's protocol as one self-contained HTML5 page. */
#ifndef HTML_H
#define HTML_H

struct buf;
struct doc_meta;
struct document;

/* Render the protocol page into out.  Return 0, or -1 after reporting. */
int	html_render(const struct document *, struct buf *out);
/* The one-line summary used in page footers. */
void	html_footer_line(const struct doc_meta *, struct buf *);

#endif
