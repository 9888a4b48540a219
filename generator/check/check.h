#ifndef CHECK_CHECK_H
#define CHECK_CHECK_H
/* Checks a board office wants before publishing (DOMAIN.md), on one document. */

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

#endif
