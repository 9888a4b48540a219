#ifndef RENDER_SITE_SITE_H
#define RENDER_SITE_SITE_H
/* The board's site: out/index.html, written once after every school. */

#include <stddef.h>

struct buf;
struct document;
struct doc_step;

/*
 * One earlier (or pending) revision of a school's protocol.  (A field added
 * here, or to site.c's site_entry, goes into the records too: rec_entry()
 * and rec_parse(); test_site.c's records test fails until it does.)
 */
struct site_revision {
	char	*version;
	char	*status;	/* concept ter-instemming vastgesteld vervallen */
	char	*date;		/* ISO date of its adoption (or last step), or NULL */
	char	*href;		/* relative to out/: "de-bron/diff-1.0-1.1.html", or NULL */
	char	*label;		/* link text for href, or NULL */
	char	*pdf;		/* the same redline as a PDF, or NULL */
	char	*text;		/* its published text, relative to out/:
				   "de-bron/protocol.html" (in force) or
				   "de-bron/versie-1.0/protocol.html", or NULL */
};

/* Free an array of n revisions and every string it holds. */
void		 site_revisions_free(struct site_revision *, size_t);

struct site;

/*
 * A new index for a build whose per-school outputs are files[0..nfiles)
 * (names in out/<id>/).  Each school links the outputs that nl.strings'
 * site.files lists, in that order, labelled by site.file.<name>.
 */
struct site	*site_new(const char *const *files, size_t nfiles);
/*
 * Record a school whose outputs were written (copies what it needs of d,
 * the version in force: out/<id>/ holds it, and versies.html its archive),
 * with its revisions, newest first (0: none, no history is shown); the
 * array becomes the index's.
 */
void		 site_add(struct site *, const struct document *d,
		    struct site_revision *revs, size_t nrevs);
/*
 * Record a school that has adopted nothing yet: listed as "in
 * voorbereiding", with no version, date or link (its draft is published
 * only in the preview tree).
 */
void		 site_add_pending(struct site *, const struct document *d);
/* Forget school id (when it is listed). */
void		 site_remove(struct site *, const char *id);
size_t		 site_count(const struct site *);
const char	*site_id(const struct site *, size_t);

/*
 * Records: what the index shows of a school as one line of text, so a
 * build worker can hand it to the process that writes the index, and an
 * incremental build can keep the schools it does not render.
 * site_record() appends school id's line (nothing when it is not listed),
 * site_records() every line, by id; site_add_records() adds the schools of
 * lines (a school already listed is replaced) and returns -1 when a line
 * was malformed (it is skipped).
 */
void		 site_record(const struct site *, const char *id,
		    struct buf *out);
void		 site_records(const struct site *, struct buf *out);
int		 site_add_records(struct site *, const char *text, size_t len);
/* The files out/index.html is made from (see html_deps()). */
int		 site_deps(void (*fn)(void *, const char *), void *arg);
/* Render out/index.html.  Return 0, or -1 after reporting. */
int		 site_render(const struct site *, struct buf *out);
/*
 * The user guide at path (Markdown) as a page of the site: guide.c.
 * Return 0, or -1 after reporting.
 */
int		 guide_render(const char *path, struct buf *out);
void		 site_free(struct site *);

/*
 * One adopted version on a school's archive page (out/<id>/versies.html),
 * paths relative to out/<id>/.  Dates are ISO, or NULL when not recorded.
 */
struct site_version {
	const char	*version;
	const struct doc_step *steps;	/* its approval steps, as frozen */
	size_t		 nsteps;
	const char	*effective;
	const char	*html;		/* "protocol.html", "versie-1.0/protocol.html" */
	const char	*pdf;
	const char	*docx;		/* the same as Word, or NULL */
	const char	*odt;		/* the same as OpenDocument text, or NULL */
	const char	*diff;		/* redline against the version before, or NULL */
	const char	*diff_pdf;
	const char	*diff_docx;	/* the same with Word's tracked changes */
	const char	*prev;		/* the version before, or NULL */
	int		 in_force;
};

/*
 * The archive page of a school (archive.c): d is the version in force; v
 * its adopted versions, newest first, with their dates, documents and the
 * redline against the version before each.  Return 0, or -1 after
 * reporting.
 */
int		 site_archive_render(const struct document *d,
		    const struct site_version *v, size_t n, struct buf *out);

#endif
