#ifndef REVISIONS_DOCX_DOCX_REDLINE_H
#define REVISIONS_DOCX_DOCX_REDLINE_H
/*
 * Word redline: a redline (revisions.h) as a .docx whose changes are
 * Word's own tracked changes (w:ins, w:del), so "Alles accepteren" gives
 * the new text and "Alles weigeren" the old.  docx_redline.c writes the
 * document body; docx_parts.c the other parts and the package.
 */

#include <libxml/xmlwriter.h>

#include "base/base.h"
#include "render/office/docx.h"
#include "revisions/revisions.h"

/*
 * Render rl as out/<id>/diff-A-B.docx: title, summary, "was / wordt" and
 * legend as ordinary text, then the text with its changes tracked, with
 * a comment on every changed clause naming what changed and why (a
 * config value, a move, the rationale).  author is who the changes are
 * by (the board office); NULL: the board's name.  Return 0, or -1 after
 * reporting.
 */
int	docx_redline(const struct redline *, const char *author,
	    struct buf *out);

/* ------------------------------------------------------------- internal */

/* One Word redline being written. */
struct dx {
	const struct redline *rl;
	xmlTextWriterPtr w;		/* word/document.xml */
	xmlBufferPtr	 wb;
	xmlTextWriterPtr c;		/* word/comments.xml */
	xmlBufferPtr	 cb;
	int		 id;		/* the next w:id: revisions and
					   comments share one counter */
	const char	*author;
	char		 date[32];	/* "2026-03-02T00:00:00Z", or "" */
	char		 day[16];	/* "2026-03-02", or "" */
	const char	*accent;	/* "1f4e79": headings */
	int		 logo;		/* word/media/logo.png is used */
	int		 move;		/* writing a clause that only moved:
					   w:moveFrom/w:moveTo, not w:del/w:ins */
};

/* docx_text.c */
/*
 * A paragraph in style (NULL: the default) whose mark is m (MARK_SAME:
 * not tracked); ind > 0: its left indent in twips, hanging.
 */
void	 dx_para_open(struct dx *, const char *style, enum mark m, int ind);
/* A run of text (a tab in it is w:tab) in style bits; sup: superscript. */
void	 dx_run(struct dx *, const char *text, int style, int sup, enum mark);
/* The same inside its own w:ins or w:del when m is a change. */
void	 dx_mrun(struct dx *, const char *text, int style, enum mark m);
/* A paragraph of ordinary text in style. */
void	 dx_plain_para(struct dx *, const char *style, const char *text);
/* The key of a clause's badge in nl.strings, or NULL (unchanged). */
const char *dx_badge_key(const struct rl_clause *);
/* "Tekst met wijzigingen": every section and footnote, changes tracked. */
void	 dx_text_part(struct dx *);

/* docx_parts.c (the XML helpers dx_start() ... are render/office's) */
/* The package around document.xml and comments.xml; 0 or -1. */
int	 dx_package(struct dx *, struct buf *out);

#endif
