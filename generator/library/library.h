#ifndef LIBRARY_LIBRARY_H
#define LIBRARY_LIBRARY_H
/* The clause library: clause files (front matter + CommonMark) and outlines. */

#include <stddef.h>

#include <cmark.h>

/* How deep block quotes, lists and emphasis may nest in a clause. */
#define CLAUSE_MAX_NESTING	8

enum clause_kind {
	CLAUSE_ARTICLE,		/* a numbered article */
	CLAUSE_TEXT,		/* unnumbered prose of a section */
	CLAUSE_ITEM,		/* a bullet of a section's list */
	CLAUSE_FOOTNOTE,	/* placed by reference: [^id] */
};

struct source_ref {
	char	*seed;		/* "000" */
	char	*article;	/* "A.5", "4.5", "inleiding-2" */
};

extern const char *const clause_schoolgids_parts[];

struct clause {
	char		*id;
	char		*title;
	char		*section;	/* the folder it lives in */
	char		*audience;	/* alle medewerkers(-werk|-prive) leerlingen ouders */
	char		*variant_of;	/* NULL or the group key */
	char		*path;
	enum clause_kind kind;
	unsigned	 levels;	/* LEVEL_PO | LEVEL_VO bits */
	struct source_ref *sources;
	size_t		 nsources;
	char		**tags;
	size_t		 ntags;
	char		*schoolgids;	/* NULL or the schoolgids part it feeds:
					   one of clause_schoolgids_parts */
	char		*body;		/* the CommonMark text */
	int		 body_line;	/* file line of the body's first line */
	int		 id_line;	/* file line of the id: key */
	cmark_node	*tree;		/* parsed; every node's user data is its
					   line in the file */
	int		 dynamic;	/* placeholders, footnotes or references:
					   assembly binds a copy per school */
};

struct outline_entry {
	char		*id;
	int		 line;
	const struct clause *clause;	/* resolved after loading */
};

struct outline_section {
	char		*id;
	char		*title;
	int		 appendix;
	int		 line;
	struct outline_entry *entries;
	size_t		 nentries;
	size_t		 cap;
};

struct outline {
	char		*name;
	char		*path;
	char		*title;
	char		*description;
	unsigned	 levels;
	struct outline_section *sections;
	size_t		 nsections;
};

struct library {
	char		*root;
	struct clause	**clauses;	/* sorted by id */
	size_t		 nclauses;
	struct outline	**outlines;	/* sorted by name */
	size_t		 noutlines;
};

/* " (did you mean 'x'?)" for an unknown clause id, in buf; or "". */
const char	*library_clause_hint(const struct library *, const char *id,
		    char *buf, size_t size);

/*
 * Load every clause (<root>/<section>/NAME.md) and outline
 * (<root>/outlines/NAME.outline).  Report problems through diag(); return
 * the number of errors.
 */
int		 library_load(struct library *, const char *root);
void		 library_free(struct library *);
const struct clause *library_clause(const struct library *, const char *id);
const struct outline *library_outline(const struct library *, const char *);

/*
 * Parse one clause file's text (path for messages, section the folder
 * name or NULL).  Return the clause, or NULL after reporting errors.
 */
struct clause	*clause_parse(const char *path, const char *section,
		    const char *text, size_t len);
void		 clause_free(struct clause *);
/* The largest outline file read (bytes). */
#define LIBRARY_MAX_OUTLINE	(256 * 1024)
/* Parse one outline file's text; NULL after reporting errors. */
struct outline	*outline_parse(const char *path, const char *name,
		    const char *text, size_t len);
void		 outline_free(struct outline *);

/* Within the library: helpers its files share. */
/* Is s a clause id: dotted words of [a-z0-9-], at least two? */
int		 clause_valid_id(const char *);
/* Split a space-separated value into words; return the count. */
size_t		 library_split_words(const char *, char ***);
void		 library_free_words(char **, size_t);
/* Copy text with CRLF turned into LF. */
char		*library_normalise_newlines(const char *text, size_t len,
		    size_t *outlen);
/* Parse and check a clause's CommonMark body; 0, or -1 after reporting. */
int		 clause_parse_body(struct clause *, const char *body);

/* The file line a node came from (0 if unknown). */
int		 node_line(cmark_node *);
/* Is name a placeholder assembly knows how to fill?  lists: channels, lessons */
int		 placeholder_known(const char *name);
int		 placeholder_is_list(const char *name);

/*
 * Find the next "{{ name }}" in s from *pos.  On success store the
 * name (with an optional "|cap" filter split off) and the span, and
 * return 1; return 0 when none is left, -1 on a malformed one (span set
 * to where it starts).  A condition, "{{?name}}", "{{!name}}",
 * "{{?name=value}}" or "{{!name=value}}", is returned the same way with
 * cond and value set: it opens a paragraph that is kept only when name
 * has a value (? ) or has none (!), or when that value is (?) or is not
 * (!) value.
 */
struct placeholder {
	size_t	start, end;	/* byte span of {{ ... }} */
	char	name[96];
	int	cap;		/* |cap: capitalise the first letter */
	char	cond;		/* '?', '!' or 0 for a plain placeholder */
	char	value[64];	/* a condition's "=value", or "" */
};
/*
 * Is the condition ph (cond set) met, given the value of its name (NULL
 * when it has none)?
 */
int		 placeholder_cond_met(const struct placeholder *ph,
		    const char *value);
/*
 * The conditions that open lit (spaces between and after them allowed):
 * store up to max of them in out and their count in *n, and return the
 * offset of what follows them (0 when lit opens with none).
 */
size_t		 placeholder_conds(const char *lit, struct placeholder *out,
		    size_t max, size_t *n);
int		 placeholder_next(const char *s, size_t *pos, struct placeholder *);

/*
 * A footnote reference "[^id]" in clause text becomes a custom inline
 * node whose on_enter is "[^id]"; assembly rewrites it to "[^N]", N the
 * footnote's number in the document, which is also its CommonMark form.
 */

#endif
