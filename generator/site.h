/* The board's site: out/index.html, written once after every school. */
#ifndef SITE_H
#define SITE_H

#include <stddef.h>

struct buf;
struct document;

/* One earlier (or pending) revision of a school's protocol. */
struct site_revision {
	char	*version;
	char	*status;	/* concept ter-instemming vastgesteld vervallen */
	char	*date;		/* ISO date of its adoption (or last step), or NULL */
	char	*href;		/* relative to out/: "de-bron/diff-1.0-1.1.html", or NULL */
	char	*label;		/* link text for href, or NULL */
	char	*pdf;		/* the same redline as a PDF, or NULL */
};

/*
 * The revision-history hook: fill *out with a school's revisions, newest
 * first, and return their number (0: none, no history is shown).  Every
 * string is owned by the array and freed with site_revisions_free().
 * The revisions code registers its lister with site_set_revisions().
 */
typedef size_t	(*site_revisions_fn)(const struct document *,
		    struct site_revision **out);
void		 site_revisions_free(struct site_revision *, size_t);

struct site;

/*
 * A new index for a build whose per-school outputs are files[0..nfiles)
 * (names in out/<id>/).  Each school links the outputs that nl.strings'
 * site.files lists, in that order, labelled by site.file.<name>.
 */
struct site	*site_new(const char *const *files, size_t nfiles);
void		 site_set_revisions(struct site *, site_revisions_fn);
/* Record a school whose outputs were written (copies what it needs). */
void		 site_add(struct site *, const struct document *);
/* Render out/index.html.  Return 0, or -1 after reporting. */
int		 site_render(const struct site *, struct buf *out);
void		 site_free(struct site *);

#endif
