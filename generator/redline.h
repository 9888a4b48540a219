/* The redline model: what changed between two revisions, for every backend (HTML, PDF). */
#ifndef REDLINE_H
#define REDLINE_H

#include <stddef.h>

#include "revision.h"
#include "words.h"

enum rl_change {
	RL_SAME,
	RL_NEW,
	RL_REMOVED,
	RL_CHANGED,
};

/* Which part of the council consents to a clause (DOMAIN.md, WMS). */
enum rl_consent {
	CONSENT_WHOLE,		/* the whole MR (GMR): rules for everyone,
				   pupils and parents (art. 10 sub e) */
	CONSENT_STAFF,		/* the staff section: staff conduct, privacy */
};

struct rl_clause {
	const struct rev_clause *old;	/* NULL when new */
	const struct rev_clause *new;	/* NULL when removed */
	enum rl_change	 change;
	int		 moved;		/* out of order: not in the LIS */
	int		 by_config;	/* changed only through config values:
					   same clause text, causes known */
	size_t		*causes;	/* indexes into redline.causes */
	size_t		 ncauses;
	enum rl_consent	 consent;
	struct mtext	 text;		/* to show: marks inside if changed */
};

enum rl_entry_kind {
	RL_ENTRY_CLAUSE,		/* a clause where it now stands (or,
					   removed, where it stood) */
	RL_ENTRY_POINTER,		/* where a moved clause stood */
};

struct rl_entry {
	enum rl_entry_kind kind;
	struct rl_clause *c;
};

struct rl_section {
	const struct rev_section *old, *new;
	enum rl_change	 change;	/* RL_CHANGED: the title changed */
	struct mtext	 title;
	struct rl_entry	*entries;
	size_t		 nentries;
};

/* One line of the "was / wordt" table: one cause, however many clauses. */
struct rl_cause {
	char		*what;		/* "Versie", "kanaal Instagram toegevoegd" */
	char		*was;		/* NULL: none */
	char		*now;		/* NULL: none */
	const char	*keys[3];	/* the values it stands for (clause uses) */
	size_t		*clauses;	/* the changed clauses it explains */
	size_t		 nclauses;
};

struct rl_counts {
	size_t		 added, removed, changed, moved, by_config;
};

struct redline {
	const struct revdoc *from, *to;
	struct rl_clause *clauses;	/* merged document order */
	size_t		 nclauses;
	struct rl_section *sections;
	size_t		 nsections;
	struct rl_clause *notes;	/* footnotes: new order, removed last */
	size_t		 nnotes;
	struct rl_cause	*causes;
	size_t		 ncauses;
	struct rl_counts count;
};

/*
 * Compare two revisions: metadata and config values key by key (one cause
 * per changed value), clauses by id (added, removed, changed; moved found
 * with a longest increasing subsequence of old positions), words inside
 * changed clauses.  Numbers play no part: renumbering alone is no change.
 */
struct redline	*redline_build(const struct revdoc *from,
		    const struct revdoc *to);
void		 redline_free(struct redline *);

/* Does the summary table list this clause (a real change or a move)? */
int		 rl_listed(const struct rl_clause *);
/* "artikel 2.1", "hoofdstuk 1", "voetnoot 2" of a clause on one side. */
void		 rl_label(const struct revdoc *, const struct rev_clause *,
		    struct buf *);
/* "versie 1.0 (vastgesteld)": a revision's version and status. */
void		 rl_version(const struct revdoc *, struct buf *);
/* A plain-text account of the redline, for golden tests and debugging. */
void		 redline_dump(const struct redline *, struct buf *);

#endif
