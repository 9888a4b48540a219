#ifndef RENDER_MD_MD_H
#define RENDER_MD_MD_H
/* Markdown backend: the canonical text of a protocol (archive and diff). */

struct buf;
struct document;

/*
 * Render the canonical Markdown: a metadata block, then sections and
 * clauses, each clause preceded by "<!-- clause ID [NUMBER] -->" so the
 * text can be read back clause by clause.  Return 0.
 */
int	md_render(const struct document *, struct buf *out);
/*
 * The same text with extra metadata lines: head right after the opening
 * "---", tail before the closing one (each "key: value\n" lines).  Frozen
 * revisions (revision.c) use it.  Return 0.
 */
int	md_render_frozen(const struct document *, const char *head,
	    const char *tail, struct buf *out);

#endif
