/* Placeholders: bind {{name}} in a clause's cmark tree to a school's values. */
#ifndef BIND_H
#define BIND_H

#include <cmark.h>

#include "config.h"
#include "library.h"

struct buf;

struct bind_ctx {
	const struct school	*school;
	const struct clause	*clause;	/* for messages */
	int			 errors;
	/* Number of footnote id in this document (assigning one if new). */
	int			(*footnote)(void *arg, const char *id);
	void			*arg;
};

/* A deep copy of a cmark tree, keeping each node's user data (its line). */
cmark_node	*tree_clone(cmark_node *root);
/*
 * Replace placeholders in text nodes and link targets by the school's
 * values (as text, never markup), expand list placeholders into lists,
 * and number footnote references.  Errors are reported with the clause
 * file and line and counted in ctx->errors.
 */
void		 bind_tree(cmark_node *root, struct bind_ctx *ctx);
/* "Groep 6", "Groepen 7–8", "Leerjaar 1": the groups a lesson is for. */
void		 lesson_groups_label(const struct lesson *, enum level,
		    struct buf *);
/* Bind placeholders in a plain string (section titles); caller frees. */
char		*bind_string(const char *s, int line, struct bind_ctx *ctx);

#endif
