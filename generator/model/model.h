#ifndef MODEL_MODEL_H
#define MODEL_MODEL_H
/*
 * The document model: one school's protocol, assembled from its config and
 * the clause library.  Every backend (HTML, PDF, Markdown, schoolgids,
 * diff) reads only this; none reaches back into configs or clause files.
 */

#include <stddef.h>

#include <cmark.h>

#include "config/config.h"
#include "library/library.h"

/* One clause placed in the document. */
struct doc_block {
	const struct clause *clause;	/* borrowed from the library */
	enum clause_kind kind;		/* article, text or item */
	cmark_node	*tree;		/* a CMARK_NODE_DOCUMENT: the clause
					   text with placeholders bound */
	int		 owned;		/* tree belongs to the document */
	char		 number[24];	/* "4.5" for articles, "" otherwise */
	size_t		 section;	/* index into doc->sections */
};

struct doc_section {
	char		*id;		/* anchor; from the outline */
	char		*title;
	char		 number[24];	/* "4", or "Bijlage 1" */
	int		 appendix;
	int		 line;		/* in the outline file */
	size_t		 first;		/* blocks [first, first + count) */
	size_t		 count;
};

struct doc_footnote {
	const struct clause *clause;
	cmark_node	*tree;		/* owned, bound */
	int		 number;	/* 1-based, in order of first reference */
};

/* One council step: who did what, when. */
struct doc_step {
	const char	*body;
	const char	*act;
	const char	*date;		/* ISO */
};

struct doc_meta {
	const char	*school_id;
	const char	*school;	/* school name */
	const char	*school_short;
	const char	*place;		/* the school's place, or NULL */
	const char	*brin;		/* DUO's BRIN code, or NULL */
	const char	*vestiging;	/* its vestigingsnummer, or NULL */
	const char	*board;		/* board name */
	const char	*board_id;
	const char	*redline_author;	/* the board's redline_author,
					   or NULL */
	enum level	 level;
	const char	*level_name;	/* "po", "vo" */
	const char	*title;		/* "Protocol sociale media" */
	const char	*outline;
	const char	*version;
	const char	*status;	/* concept ter-instemming vastgesteld vervallen */
	const char	*scope;		/* school | board */
	const char	*council;	/* MR | GMR */
	const char	*owner, *author, *maintainer;
	const char	*effective;	/* ISO or NULL */
	const char	*review;	/* ISO or NULL */
	const char	*replaces;
	const char	*schoolyear;
	const char	*website;
	const char	*protocol_url;
	const struct doc_step *steps;
	size_t		 nsteps;
	const char	*adopted;	/* date of the vaststelling, or NULL */
	const char	*consented;	/* date of the instemming, or NULL */
	const char	*generated;	/* ISO date: SOURCE_DATE_EPOCH or adoption */
	const char	*follows;	/* the id of the board-wide
					   protocol it follows, or NULL */
	const char	*follows_name;	/* that school's name */
	int		 draft;		/* not vastgesteld: every page is marked
					   with tr("mark.<status>") */
	const struct look *look;	/* borrowed from the config: colour
					   and logo (fields NULL: none) */
};

/* The logo's alternative text: logo_alt, else "Logo van <name>" of the
   school or board that set it. */
struct buf;
void		 doc_logo_alt(const struct doc_meta *, struct buf *out);
/* The footer's status line, as every backend prints it. */
void		 doc_status_line(const struct doc_meta *, struct buf *out);

struct schoolgids;

struct document {
	struct doc_meta	 meta;
	struct doc_section *sections;
	size_t		 nsections;
	struct doc_block *blocks;
	size_t		 nblocks;
	struct doc_footnote *notes;
	size_t		 nnotes;
	const struct channel *channels;	/* borrowed from the config */
	size_t		 nchannels;
	const struct lesson *lessons;
	size_t		 nlessons;
	struct schoolgids *schoolgids;	/* its section for the schoolgids,
					   built once with the document */
	const struct school *school;	/* for checks and --explain only */
	const char	*outline_path;	/* for messages about sections */
};

/*
 * Assemble a school's document.  Report problems through diag() with
 * clause or config positions; return NULL when there were errors.
 */
struct document	*doc_assemble(const struct school *, const struct library *);
/*
 * Set m->generated, the date a document states it was made: today under
 * SOURCE_DATE_EPOCH, else the adoption, the consent or the last step's
 * date (never the clock); a static buffer for today.
 */
void		 doc_meta_generated(struct doc_meta *m);
void		 doc_free(struct document *);

/* The block whose clause has id, or NULL. */
const struct doc_block *doc_block_by_id(const struct document *, const char *);
const struct doc_section *doc_section_by_id(const struct document *,
		    const char *);
/*
 * Footnote number of a footnote reference node ("[^3]" → 3), or 0 when
 * the node is not one.
 */
int		 doc_footnote_ref(cmark_node *);
/*
 * Does the document have article (kind 0), section (1) or appendix (2)
 * number num ("4.5", "6", "2")?
 */
int		 doc_number_exists(const struct document *, int kind,
		    const char *num);
/* "artikel 4.5", "hoofdstuk 6", "bijlage 2" for a reference target. */
int		 doc_ref_label(const struct document *, const char *target,
		    char *out, size_t outsz);

/* Placeholders: bind {{name}} in a clause's cmark tree to a school's values. */

#include <cmark.h>


struct buf;

struct bind_ctx {
	const struct school	*school;
	const struct clause	*clause;	/* for messages */
	/* where the clause was chosen (outline line or the school's add):
	   NULL for footnotes and section titles */
	const struct loc	*picked;
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

/* Tree dump of the document model, and where each config value came from. */

struct buf;
struct document;
struct school;

/* One line per section, block and inline node: for tests and debugging. */
void	dump_document(const struct document *, struct buf *out);
/* Every value a school's clauses can use, with the file:line that set it. */
void	explain_school(const struct school *, struct buf *out);

/*
 * The schoolgids section: the model, built from a school's document only
 * (doc_assemble() builds it into d->schoolgids).  What the section would
 * want the board office to fix is kept as findings, reported by the
 * check stage (schoolgids_check()).
 */

#include "base/base.h"

#define SG_MIN_WORDS		150
#define SG_MAX_WORDS		400
#define SG_MIN_AGREEMENTS	5
#define SG_MAX_AGREEMENTS	8

/* A table: a caption, a header row and nrows rows of ncols text cells. */
struct sg_table {
	char		*caption;
	char		**head;		/* ncols */
	char		**cells;	/* nrows * ncols; "" when empty */
	size_t		 ncols;
	size_t		 nrows;
};

/*
 * One block of a part: CommonMark (paragraphs, bullet lists, links,
 * emphasis; a CMARK_NODE_DOCUMENT, every value a text node) or a table.
 * Exactly one of tree and table is set.
 */
struct sg_block {
	cmark_node	*tree;
	struct sg_table	*table;
};

/* A titled part ("Onze kanalen"); the opening part has no title. */
struct sg_part {
	const char	*id;		/* anchor: "sg-kanalen" */
	char		*title;		/* NULL for the opening */
	struct sg_block	*blocks;
	size_t		 nblocks;
};

/* Something a board office should know about a school's section. */
struct sg_finding {
	enum diag_level	 level;
	char		*file;
	int		 line;
	char		*msg;
};

/*
 * The schoolgids section of one document: a document-like structure that
 * every backend (HTML, Markdown, PDF) renders in order: the draft mark,
 * the title, the parts, the version line.
 */
struct schoolgids {
	const struct doc_meta *meta;	/* borrowed from the document */
	char		*title;		/* "Sociale media" */
	char		*mark;		/* "CONCEPT", or NULL when adopted */
	char		*mark_note;
	struct sg_part	*parts;
	size_t		 nparts;
	char		*version_line;	/* "Protocol sociale media, versie 1.0, ..." */
	char		*protocol_href;	/* where the full protocol is read */
	size_t		 nagreements;
	size_t		 words;		/* of everything above, as read */
	struct sg_finding *findings;
	size_t		 nfindings;
};

/*
 * Build the section from a school's document.  Never fails; what is
 * missing or out of bounds is recorded in findings (not reported).
 */
struct schoolgids *schoolgids_build(const struct document *);
void		 schoolgids_free(struct schoolgids *);

/*
 * Inside model/ only (schoolgids_clauses.c, for schoolgids.c): text taken
 * from the school's clauses.  sg_standalone copies a paragraph or list
 * with footnote references dropped and references kept as text;
 * sg_first_paragraph is the clause's first paragraph (NULL if none);
 * sg_add_ref appends " (artikel 5.3)", " (hoofdstuk 9)" or " (bijlage 2)"
 * (before a final colon); sg_following_list copies the list right after
 * the first paragraph (NULL if none); sg_fed stores in out the blocks
 * whose clause feeds part ("schoolgids: PART"; unmarked, a clause that
 * prints {{channels}} or {{lessons}} feeds kanalen or lessen), in order, and counts
 * them; sg_mentions says whether the text holds one of the (lower-case)
 * words.
 */
cmark_node	*sg_standalone(cmark_node *);
cmark_node	*sg_first_paragraph(const struct doc_block *);
void		 sg_add_ref(const struct document *, cmark_node *,
		    const struct doc_block *);
cmark_node	*sg_following_list(const struct doc_block *);
size_t		 sg_fed(const struct document *, const char *,
		    const struct doc_block **);
int		 sg_mentions(cmark_node *, const char *const *);

/* The section as plain text, blocks separated by newlines (for counting). */
void		 schoolgids_text(const struct schoolgids *, struct buf *out);
/* Words in UTF-8 text: runs of non-space holding a letter or digit. */
size_t		 schoolgids_count_words(const char *text);

#endif
