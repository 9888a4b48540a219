#ifndef CHECK_CHECK_H
#define CHECK_CHECK_H
/* Checks a board office wants before publishing (DOMAIN.md), on one document. */

#include <stddef.h>

struct config;
struct document;

struct check_result {
	int	errors;
	int	warnings;
};

/*
 * Run every document check on d (other schools' and boards' names come
 * from c) and report through diag(); add the counts to *r.
 */
void	check_document(const struct document *d, const struct config *c,
	    struct check_result *r);

/* Free what check_document keeps between calls (an index of names). */
void	check_cleanup(void);

/*
 * Checks, internal: the document's text as check.c collects it, and the
 * checks on its wording that wording.c holds.
 */

/* A piece of rendered text and where it came from. */
struct check_unit {
	const char	*file;
	int		 line;
	char		*text;		/* plain text, whitespace collapsed */
	int		 paragraph;	/* a paragraph or item (for duplicates) */
};

struct units {
	struct check_unit	*v;
	size_t			 n, cap;
};

/* A letter or digit, counting every non-ASCII byte as a letter. */
int	check_wordch(unsigned char c);

void	check_placeholders(const struct document *d, const struct units *u,
	    struct check_result *r);
void	check_other_names(const struct document *d, const struct units *u,
	    const struct config *c, struct check_result *r);
void	check_board_for_school(const struct document *d,
	    const struct units *u, struct check_result *r);
/*
 * The line of file, from line on, where term starts (a unit's text is
 * collapsed and has the line of its paragraph's first); line when the
 * term is split over lines or the file is not a clause's.
 */
int	check_term_line(const char *file, int line, const char *term);
/* A "Zie ook" that is neither a link nor a numbered reference (seealso.c). */
void	check_see_also(const struct document *d, struct check_result *r);
void	check_terms(const struct document *d, const struct units *u,
	    struct check_result *r);
void	check_consent_age(const struct document *d, const struct units *u,
	    struct check_result *r);
void	check_roles(const struct document *d, const struct units *u,
	    struct check_result *r);

struct library;
/*
 * Spell-check the clause library (titles and bodies) against the Dutch
 * dictionary (hunspell-nl) and the project's word list wordlist (one word
 * a line; a missing file is an empty list).  Report each unknown word at
 * its line; return the number of errors.
 */
int	check_spelling(const struct library *lib, const char *wordlist);

/*
 * Report the findings of d's schoolgids section (built with the document)
 * through diag().  Return the number of errors.
 */
int	schoolgids_check(const struct document *d);

#endif
