#ifndef REVISIONS_REVISIONS_H
#define REVISIONS_REVISIONS_H
/* Sequence comparison: Myers' shortest edit script and longest increasing subsequences. */

#include <stddef.h>

/*
 * Compare a[0..n) with b[0..m) (symbols compared by value) with Myers'
 * O((n+m)D) algorithm in linear space.  Set del[i] for every a[i] that a
 * shortest edit script deletes and ins[j] for every b[j] it inserts; the
 * elements left unmarked form a longest common subsequence.  Return the
 * number of edits D.
 */
size_t	diff_myers(const unsigned *a, size_t n, const unsigned *b, size_t m,
	    unsigned char *del, unsigned char *ins);

/*
 * Mark in in_lis[] one longest strictly increasing subsequence of v[0..n):
 * the elements that keep their relative order.  Among equally long ones it
 * keeps the one ending in the smallest values.  O(n log n).  Return its
 * length.
 */
size_t	diff_lis(const size_t *v, size_t n, unsigned char *in_lis);

/* Word-level redlines: UTF-8 tokens of a clause's CommonMark, their diff, marked text. */

#include <stddef.h>

#include "base/base.h"

/* Inline styles a token carries (part of its identity). */
enum {
	STYLE_EM	= 1,
	STYLE_STRONG	= 2,
	STYLE_CODE	= 4,
};

/* Leaf blocks: every one starts with a TOK_BLOCK token. */
enum block_kind {
	BLOCK_PARA,	/* a paragraph */
	BLOCK_ITEM,	/* the first paragraph of a list item */
	BLOCK_MORE,	/* a further paragraph of a list item */
	BLOCK_QUOTE,	/* a paragraph in a block quote */
};

enum tok_type {
	TOK_BLOCK,	/* start of a leaf block */
	TOK_WORD,	/* letters, digits, marks, joined by ' ’ - . @ _ / */
	TOK_SPACE,	/* white space of any kind: all compare equal */
	TOK_PUNCT,	/* one punctuation character or symbol */
	TOK_BREAK,	/* a hard line break */
	TOK_NOTE,	/* a footnote reference; compares by footnote id */
};

struct token {
	unsigned char	 type;
	unsigned char	 style;
	unsigned char	 block;		/* TOK_BLOCK: enum block_kind */
	unsigned char	 depth;		/* TOK_BLOCK: list nesting */
	unsigned char	 ordered;	/* TOK_BLOCK: in a numbered list */
	unsigned	 sym;		/* identity: equal symbols, equal tokens */
	size_t		 off, len;	/* display text in tokens.text */
	size_t		 link;		/* 1 + offset of the link target, or 0 */
};

struct tokens {
	struct token	*v;
	size_t		 n, cap;
	struct buf	 text;		/* display texts and link targets */
};

/* Interned token identities, shared by the two sides of a comparison. */
struct symtab;
struct symtab	*symtab_new(void);
void		 symtab_free(struct symtab *);
/* The id of key (n bytes, no NUL inside), adding it when new. */
unsigned	 symtab_intern(struct symtab *, const char *key, size_t n);

/*
 * Tokenize a clause's CommonMark.  note_id maps a footnote number as
 * written ("[^3]") to the footnote's clause id, so renumbered footnotes
 * compare equal; in links to "#target" digits do not count either, so
 * "artikel 4.5" and "artikel 4.6" pointing at one clause are the same.
 */
void		 tokens_make(const char *md, struct symtab *,
		    const char *(*note_id)(void *arg, const char *num),
		    void *arg, struct tokens *out);
void		 tokens_free(struct tokens *);
int		 tokens_equal(const struct tokens *, const struct tokens *);
size_t		 tokens_words(const struct tokens *);

/* Marked text: what the redline shows of one clause. */
enum mark {
	MARK_SAME,
	MARK_DEL,
	MARK_INS,
};

struct mspan {
	unsigned char	 mark;
	unsigned char	 style;
	unsigned char	 note;		/* a footnote reference; text is its number */
	unsigned char	 brk;		/* a hard line break */
	unsigned char	 glue;		/* a space between a deletion and an
					   insertion: shown, in neither text */
	char		*text;
	char		*link;		/* NULL when not in a link */
};

struct mblock {
	unsigned char	 kind, depth, ordered;
	unsigned char	 mark;		/* of the block start itself */
	struct mspan	*spans;
	size_t		 nspans;
};

struct mtext {
	struct mblock	*blocks;
	size_t		 nblocks;
};

/*
 * The word diff of old a and new b: Myers over the tokens, deletions
 * before insertions in every change, unchanged gaps of white space and
 * punctuation (or one short word between two replacements) merged into
 * the changes around them, and a space kept between a deletion and an
 * insertion that would otherwise touch.
 */
void		 words_diff(const struct tokens *a, const struct tokens *b,
		    struct mtext *out);
/* All of t with one mark (unchanged, or a whole clause removed or new). */
void		 words_plain(const struct tokens *t, enum mark, struct mtext *out);
void		 mtext_free(struct mtext *);
/* The text as read with the marks of kind skip left out (tests, dumps). */
void		 mtext_read(const struct mtext *, int skip, struct buf *out);

/* Does the UTF-8 character at s count as part of a word? */
int		 words_is_wordch(const char *s, size_t len);

/* Revisions: frozen snapshots of adopted protocols, read back for diffs and the site index. */

#include <stddef.h>

#include "library/library.h"

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
	const char	*rationale;	/* "rationale:" (toelichting), or NULL */
	struct rev_pair	*whys;		/* "clause_rationale: ID = TEXT": key
					   the clause id, sorted by it */
	size_t		 nwhys;
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
#define REVDOC_MAX_FILE	(16 * 1024 * 1024)	/* bytes; the largest seed: 28 KiB */
struct revdoc	*revdoc_parse(const char *path, const char *text, size_t len,
		    int verify);
/* The current text of d as a revision (never NULL). */
struct revdoc	*revdoc_draft(const struct document *d);
void		 revdoc_free(struct revdoc *);
/* The value of front-matter key (first occurrence), or NULL. */
const char	*revdoc_meta(const struct revdoc *, const char *key);
/* A config value the text was made from ("school.short"), or NULL. */
const char	*revdoc_value(const struct revdoc *, const char *key);
/* The rationale r gives for clause id ("clause_rationale:"), or NULL. */
const char	*revdoc_why(const struct revdoc *r, const char *id);

/* Internal to the frozen format (frozen.c writes, frozen_read.c reads). */
extern const char *const rev_kind_names[];	/* by enum clause_kind */
struct lesson;
/* A "lesson:" line's value: "Groep 6: Diploma Veilig Internet, ieder jaar". */
void		 rev_lesson_value(const struct lesson *, int level,
		    struct buf *);
/* SHA-256 (hex, 65 bytes) of a frozen text without its "hash:" line. */
void		 rev_content_hash(const char *text, size_t len, char out[65]);

/*
 * An approval step of a revision's front matter: "step: BODY ACT DATE"
 * ("step: College van Bestuur vaststelling 2019-11-26").  It is read from
 * the right: DATE is the last word, ACT the word before it (one of
 * voorstel advies bespreking instemming vaststelling), BODY everything
 * before that, spaces and punctuation included.
 */
struct rev_step {
	const char	*body;		/* not NUL-terminated: bodylen bytes */
	int		 bodylen;
	const char	*act;		/* a static string */
	const char	*date;		/* ISO */
};
/*
 * Parse the value of a step line (what follows "step: ") into *s, which
 * points into value.  Return 0, or -1 when it is not BODY ACT DATE.
 */
int		 revdoc_step_parse(const char *value, struct rev_step *s);
/*
 * Find the nth (0-based; -1: the last) step of act in r.  Return 1 and
 * fill *s (pointing into r), or 0 when there is none.
 */
int		 revdoc_step(const struct revdoc *r, const char *act, int nth,
		    struct rev_step *s);

/*
 * The document model of a frozen revision r (as_document.c), for the
 * backends: sections, clauses, footnotes and metadata (steps and dates
 * included) and the channels it printed from its text; what a frozen file
 * does not record (the school's identity, board id, website, lessons, the
 * values the schoolgids section names) from cur, the school's current
 * document; the
 * clauses' tags from lib (may be NULL); a channel's type from cur or the
 * national catalogue nat (may be NULL).  r and cur must outlive it.  Free
 * with revdoc_document_free().
 */
struct national;
struct document	*revdoc_document(const struct revdoc *r,
		    const struct document *cur, const struct library *lib,
		    const struct national *nat);
void		 revdoc_document_free(struct document *);

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

/* One frozen revision: its bytes and what they say. */
struct frozen {
	char		*path;
	struct buf	 text;
	struct revdoc	*rev;
};

/*
 * A school's revisions, read and verified once per build: the frozen
 * files in version order (those that do not verify are reported, counted
 * in errors and left out), the current text as a frozen revision (draft,
 * rendered only when there are frozen ones), and the list of entries: the
 * frozen revisions, then the current draft when its text differs from the
 * last frozen one.
 */
struct revset {
	struct frozen	*frozen;
	size_t		 nfrozen;
	struct revision_entry *entries;
	size_t		 nentries;
	struct buf	 draft;
	int		 errors;
};

/* The latest frozen revision of s before version, or NULL. */
const struct revdoc *revset_before(const struct revset *s,
		    const char *version);
/* Load s for d; return the number of errors reported (s->errors). */
int		 revset_load(const struct document *d, struct revset *s);
void		 revset_free(struct revset *);
/*
 * "vastgesteld" means frozen: report an error when d's version is
 * vastgesteld but has no frozen copy (adopt it), or when its text differs
 * from the frozen copy of the same version, whatever its status.  Return
 * the number of errors (nothing more when loading had errors).
 */
int		 revset_check(const struct document *d, const struct revset *s);
/*
 * The list for the site index: the adopted revisions (never the current
 * draft), newest first, each with a link
 * "<id>/diff-A-B.html" to its redline; return the number of entries (the
 * array is freed with site_revisions_free()).
 */
struct site_revision;
size_t		 revset_site_list(const struct document *d,
		    const struct revset *s, struct site_revision **out);

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

/* The redline model: what changed between two revisions, for every backend (HTML, PDF). */

#include <stddef.h>


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
	const char	*why;		/* the new revision's rationale for
					   this clause, or NULL */
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

/*
 * One part of the council that consents (the decision block): the
 * clauses of its audience that changed, in the text's order, then the
 * footnotes.
 */
struct rl_body {
	enum rl_consent	 consent;
	const struct rl_clause **clauses;
	size_t		 nclauses;
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
	const char	*rationale;	/* the new revision's, or NULL */
	struct rl_body	 bodies[2];	/* who consents: the whole council
					   first, then its staff section */
	size_t		 nbodies;	/* 0: no clause changed */
	const struct doc_meta *look;	/* whose look (colour, logo) it is
					   drawn in: the school's current
					   document, set by the caller; NULL:
					   the default look */
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

/*
 * The causes redline_build() collects (redline_causes.c): front matter,
 * approval steps, config values, the entries of list ("channel" or
 * "lesson", placeholder uses) and, once sections are merged, their titles.
 */
void		 rl_meta_causes(struct redline *);
void		 rl_step_causes(struct redline *);
void		 rl_value_causes(struct redline *);
void		 rl_list_causes(struct redline *, const char *list,
		    const char *uses);
void		 rl_section_causes(struct redline *);

/*
 * For the council (council.c): the rationale of the new revision and of
 * each clause, and who consents to which changed clauses.
 */
void		 rl_council(struct redline *);
void		 rl_council_free(struct redline *);
/* Is the revision board-wide (GMR) rather than the school's (MR)? */
int		 rl_board(const struct redline *);
/*
 * A string of the consenting body: tr("diff.body.<whole|staff>.<mr|gmr>
 * .<part>"), part "short" ("hele MR"), "name" ("de medezeggenschapsraad
 * (MR)"), "subject" or "title".
 */
const char	*rl_body_text(const struct redline *, enum rl_consent,
		    const char *part);
/*
 * One changed clause as the decision lists it: "artikel 2.1 Respect
 * (gewijzigd)"; a removed one by its old number and version.
 */
void		 rl_decision_item(const struct redline *,
		    const struct rl_clause *, struct buf *);
/*
 * The rationale of d's revision, against prev (the adopted revision
 * before it, or NULL): report an error at its line for a clause_rationale
 * whose clause is in neither d nor prev, and a warning for one whose
 * clause did not change.  Return the number of errors.
 */
int		 revision_rationale_check(const struct document *d,
		    const struct revdoc *prev);

#endif
