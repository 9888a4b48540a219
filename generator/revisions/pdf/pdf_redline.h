#ifndef REVISIONS_PDF_PDF_REDLINE_H
#define REVISIONS_PDF_PDF_REDLINE_H
/*
 * PDF redline: a redline (revisions.h) as a tagged A4 PDF, laid out with
 * the building blocks of render/pdf.  pdf_redline.c holds the tables, the
 * front matter and the document; pdf_redline_council.c the rationale and
 * the decision block; pdf_redline_inline.c the destinations,
 * words, badges, marks and paragraphs they share (rlx_*); and
 * pdf_redline_text.c the text part with its sections and clauses.
 */

#include <stddef.h>

#include "base/base.h"
#include "render/pdf/pdf.h"
#include "revisions/revisions.h"

/*
 * Render a redline (redline.h) as a PDF: the summary, the "was / wordt"
 * table, the legend and the text with its marks; with collapse, runs of
 * unchanged clauses are one line each.  Return 0, or -1 after reporting.
 */
int	pdf_redline(const struct redline *, int collapse, struct buf *out);

/* ------------------------------------------------------------- internal */

#define BADGE_SIZE	7.5

enum badge { B_NEW, B_REMOVED, B_CHANGED, B_MOVED, B_CONFIG };

/* One redline being laid out. */
struct rlx {
	struct render	*r;
	const struct redline *rl;
	int		 collapse;
	struct flow	 f;
	struct inl	 in;		/* the paragraph being collected */
	char		**dests;	/* every destination name, sorted */
	size_t		 ndests, capdests;
	unsigned char	*placed;	/* dests[i] is on a page already */
	struct buf	 b;		/* scratch */
};

/* pdf_redline_inline.c */
/* Every name a link may point at, sorted and unique, before the layout. */
void	 rlx_dests_collect(struct rlx *);
/* "vervallen-ID" for removed clauses, "was-ID" for pointers, else ID. */
void	 rlx_anchor(const struct rl_clause *, int pointer, struct buf *);
/* "artikel 2.1" of the clause on its new (or old) side, or "". */
const char *rlx_label(struct rlx *, const struct rl_clause *, int old);
/* A destination (and a bookmark) at the next line, once per name. */
void	 rlx_place(struct rlx *, const char *name, const char *bookmark);
/* A link to name in this document, or -1 when it has no such place. */
int	 rlx_link_to(struct rlx *, const char *name);
/* Words in one style; a space in s is a place to break. */
void	 rlx_words(struct inl *, const char *s, int face, double size,
	    unsigned rgb, int link);
/* A label ("artikel 2.1") as one atom: a line never breaks inside it. */
void	 rlx_unbroken(struct inl *, const char *s, double size, unsigned rgb,
	    int link);
/* A badge: its word(s) in a box, one atom that never breaks. */
void	 rlx_badge(struct inl *, enum badge, double size);
/* The badges of a clause's change (moved, config, changed, new, removed). */
void	 rlx_change_badges(struct inl *, const struct rl_clause *,
	    double size);
/* A block's spans as atoms, each mark opened and closed in words. */
void	 rlx_spans(struct rlx *, struct inl *, const struct mblock *,
	    const struct pdf_style *base);
/* A marked example for the legend: "[ingevoegd: voorbeeld]". */
void	 rlx_marked_words(struct inl *, enum mark, const char *text,
	    double size);
/* The collected atoms as a paragraph at the flow's indent. */
void	 rlx_para(struct rlx *, double size, double lead, int justify,
	    int keep_last);
/* A paragraph of plain text in one style. */
void	 rlx_plain_para(struct rlx *, const char *text, double size,
	    double lead, unsigned rgb);
/* A heading with its destination and bookmark. */
void	 rlx_h2(struct rlx *, const char *id, const char *text);

/* pdf_redline_council.c: for the council */
/* The revision's rationale, at the top of the summary. */
void	 rlx_rationale(struct rlx *);
/* A clause's rationale, under its text. */
void	 rlx_clause_why(struct rlx *, const struct rl_clause *);
/* The decision block, on a page of its own: per body, parts and lines. */
void	 rlx_decision(struct rlx *);

/* pdf_redline_text.c */
/* The text: every section with its clauses, then the footnotes. */
void	 rlx_text_part(struct rlx *);

#endif
