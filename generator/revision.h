/* Revisions: frozen snapshots of adopted protocols, read back for diffs and the site index. */
#ifndef REVISION_H
#define REVISION_H

#include <stddef.h>

#include "library.h"

struct buf;
struct document;

/*
 * A revision read back from its frozen text (docs/FORMATS.md, "Frozen
 * revisions"): the same model whether it comes from
 * schools/<board>/<id>/revisions/<version>.md or from the current draft.
 */
struct rev_pair {
	char		*key;
	char		*value;
	int		 line;
};

struct rev_clause {
	char		*id;
	enum clause_kind kind;
	char		*number;	/* "2.1" (articles), "3" (footnotes), "" */
	char		*section;	/* section id; "" for footnotes */
	char		*title;
	char		*audience;
	char		*tpl;		/* hash of the clause file's text */
	char		**uses;		/* config values it reads, sorted */
	size_t		 nuses;
	char		*text;		/* its CommonMark, markers stripped */
	int		 line;		/* of its marker in the file */
};

struct rev_section {
	char		*id;
	char		*number;	/* "2", "Bijlage 1" */
	char		*title;
	int		 line;
};

struct revdoc {
	char		*path;		/* for messages */
	char		*version;
	struct rev_pair	*meta;		/* front matter, in order; "step" repeats */
	size_t		 nmeta;
	struct rev_pair	*values;	/* "school.name", "channel:x", "lesson:y" */
	size_t		 nvalues;
	struct rev_section *sections;
	size_t		 nsections;
	struct rev_clause *clauses;	/* in document order */
	size_t		 nclauses;
	struct rev_clause *notes;	/* footnotes, in number order */
	size_t		 nnotes;
	int		 draft;		/* the current text, not a frozen file */
};

/*
 * Render d as a frozen revision: canonical Markdown (md.c) whose front
 * matter also holds the format, a content hash, the config values the text
 * was made from and one register line per clause.  Return 0.
 */
int		 revision_render(const struct document *d, struct buf *out);
/*
 * Parse a frozen revision's text (path for messages).  With verify set,
 * check its content hash too.  Return the revision, or NULL after
 * reporting "path:line: error: ..." through diag().
 */
struct revdoc	*revdoc_parse(const char *path, const char *text, size_t len,
		    int verify);
/* The current text of d as a revision (never NULL). */
struct revdoc	*revdoc_draft(const struct document *d);
void		 revdoc_free(struct revdoc *);
/* The value of front-matter key (first occurrence), or NULL. */
const char	*revdoc_meta(const struct revdoc *, const char *key);

/* An approval step of a revision's front matter ("step: MR instemming 2020-06-15"). */
struct rev_step {
	const char	*body;		/* not NUL-terminated: bodylen bytes */
	int		 bodylen;
	const char	*date;		/* ISO */
};
/*
 * Find the nth (0-based; -1: the last) step of act in r.  Return 1 and
 * fill *s (pointing into r), or 0 when there is none.
 */
int		 revdoc_step(const struct revdoc *r, const char *act, int nth,
		    struct rev_step *s);

/* schools/<board>/<id>/revisions/<version>.md of d's school; caller frees. */
char		*revision_path(const struct document *d, const char *version);

/*
 * One revision of a school, for the site index: the frozen ones in version
 * order, then the current draft when its text differs from the last frozen
 * one.  diff names the redline against the revision before it, written by
 * `protocolgen build` into out/<id>/ (NULL for the first revision).
 */
struct revision_entry {
	char		*version;
	char		*status;	/* as recorded */
	char		*consented;	/* ISO date of the instemming, or NULL */
	char		*adopted;	/* ISO date of the vaststelling, or NULL */
	char		*file;		/* the frozen file; NULL for the draft */
	char		*diff;		/* "diff-1.0-1.1.html", or NULL */
	int		 draft;
};

/*
 * List the revisions of d's school.  Frozen files that do not verify are
 * reported and left out; return the number of such errors.
 */
int		 revision_list(const struct document *d,
		    struct revision_entry **v, size_t *n);
void		 revision_list_free(struct revision_entry *, size_t);
/*
 * The same list for the site index (site.h's site_revisions_fn): newest
 * first, each with a link "<id>/diff-A-B.html" to its redline.
 */
struct site_revision;
size_t		 revision_site_list(const struct document *,
		    struct site_revision **out);

/* A generated file: name inside out/<id>/ and its bytes. */
struct rev_output {
	char		*name;
	struct buf	*data;
};

/*
 * The revision work of a build: verify every frozen revision of d's school
 * (a hand-edited one is an error), warn when the text differs from an
 * adopted revision of the same version, and render the redlines
 * revision_list() names.  Return -1 after reporting errors, else 0 with
 * the files in *v (free with revision_outputs_free).
 */
int		 revision_outputs(const struct document *d,
		    struct rev_output **v, size_t *n);
void		 revision_outputs_free(struct rev_output *, size_t);

/*
 * Refuse adoption unless d's revision is `vastgesteld` with a consent
 * (instemming) and an adoption (vaststelling) step.  Return 0 when it may
 * be adopted, 1 after reporting why not.
 */
int		 revision_adopt_check(const struct document *d);
/*
 * protocolgen adopt: freeze d (which passed its checks) as its version.
 * Return 0 when written or already frozen with this text, 1 after
 * reporting a refusal.
 */
int		 revision_adopt(const struct document *d);

/*
 * Resolve a revision name for `protocolgen diff`: a frozen version, or
 * NULL/the current version for the current draft.  NULL after reporting.
 */
struct revdoc	*revision_open(const struct document *d, const char *version);

/* Compare dotted version numbers ("1.10" > "1.9"). */
int		 revision_version_cmp(const char *, const char *);

#endif
