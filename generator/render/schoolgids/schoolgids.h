#ifndef RENDER_SCHOOLGIDS_SCHOOLGIDS_H
#define RENDER_SCHOOLGIDS_SCHOOLGIDS_H
/* Schoolgids section: the short text a school puts in its yearly schoolgids. */

struct buf;
struct document;

/* The schoolgids section (model.h's struct schoolgids, built with the
   document) as a page, a fragment and Markdown. */

int		 schoolgids_html(const struct document *, struct buf *out);
int		 schoolgids_fragment(const struct document *, struct buf *out);
int		 schoolgids_md(const struct document *, struct buf *out);
/* The files schoolgids.html is made from (see html_deps()). */
int		 schoolgids_html_deps(void (*fn)(void *, const char *),
		    void *arg);

#endif
