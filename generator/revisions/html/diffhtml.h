#ifndef REVISIONS_HTML_DIFFHTML_H
#define REVISIONS_HTML_DIFFHTML_H
/* Redline backend: a redline as one self-contained HTML5 page (out/<id>/diff-A-B.html). */

struct buf;
struct redline;

/*
 * Render the redline page: summary, "was / wordt" table, legend, then the
 * text with <ins>/<del> marks.  With collapse set, every run of unchanged
 * clauses folds into a closed <details> element (no JavaScript; print
 * shows only its summary line).  Return 0, or -1 after reporting.
 */
int	diffhtml_render(const struct redline *, int collapse, struct buf *out);

/* ------------------------------------------------------------- internal */

#include <libxml/tree.h>

struct rl_clause;

/* diffhtml_council.c: for the council. */
/* The revision's rationale (toelichting), at the top of the summary. */
void	dh_rationale(xmlNodePtr summary, const struct redline *);
/* A clause's rationale in its summary row, under its title (as in the PDF). */
void	dh_row_why(xmlNodePtr cell, const struct rl_clause *);
/* A clause's rationale, under its text. */
void	dh_clause_why(xmlNodePtr clause, const struct rl_clause *);
/* The decision block: per consenting body its parts, date, signature. */
void	dh_decision(xmlNodePtr main, const struct redline *);

#endif
