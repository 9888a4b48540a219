#ifndef CONFIG_CONFIG_H
#define CONFIG_CONFIG_H
/* Source positions of fields in Lua table constructors (Lua keeps none). */

#include <stddef.h>

struct luapos_entry {
	char	*path;	/* "channels[2].url" relative to the entry call's table */
	int	 line;
	size_t	 seq;	/* order of appearance */
};

struct luapos {
	struct luapos_entry *v;
	size_t	 n;
	size_t	 cap;
	int	 call_line;	/* line of the first "name {" / "name({" call */
};

/*
 * Scan Lua source text for the table constructor passed to a call of
 * one of the functions named in entry (e.g. "school") and record the line
 * of every field whose key is a name, a string or a position.  Fields
 * built by code rather than literal constructors are not recorded.
 */
void	luapos_scan(struct luapos *, const char *src, size_t len,
	    const char *entry);
/* Line of path, or of its nearest recorded ancestor, or the call line. */
int	luapos_line(const struct luapos *, const char *path);
void	luapos_free(struct luapos *);

/* School configs: sandboxed Lua files → validated, merged school records. */

#include <stddef.h>

/* Where a value was written. */
struct loc {
	const char	*file;	/* borrowed; lives as long as the config */
	int		 line;
};

/* A value read from a config file, with its position. */
enum cval_type { CV_STRING, CV_NUMBER, CV_BOOL, CV_LIST, CV_MAP };

struct cval {
	enum cval_type	 type;
	char		*key;	/* when a member of a map */
	char		*str;	/* CV_STRING; CV_NUMBER as text */
	int		 boolean;
	struct cval	**items;	/* CV_LIST and CV_MAP (maps sorted by key) */
	size_t		 nitems;
	struct loc	 loc;
};

enum level { LEVEL_PO = 1, LEVEL_VO = 2 };

struct approval {
	char		*body;	/* MR, GMR, CvB, directie, ... */
	char		*act;	/* voorstel advies bespreking instemming vaststelling */
	char		*date;	/* ISO */
	struct loc	 loc;
};

struct channel {
	char		*kind;	/* product id from the national catalogue */
	char		*name;	/* display name */
	char		*url;	/* NULL when none */
	char		*type;	/* website | social | app */
	struct loc	 loc;
};

struct lesson {
	char		*programme;	/* catalogue id, or NULL for a free name */
	char		*name;
	char		*by;		/* organisation giving it, or NULL */
	char		*groups;	/* "6", "7-8", "1-2" */
	char		*when;		/* "ieder jaar", or NULL */
	struct loc	 loc;
};

/* A named text value available to clauses as {{name}}. */
struct var {
	char		*name;	/* "school.name", "role.leidinggevende" */
	char		*value;
	struct loc	 loc;	/* where it was set (national, board or school) */
	int		 used;	/* set by assembly */
};

struct placement {
	char		*id;
	char		*after;		/* NULL or a clause id */
	char		*before;	/* NULL or a clause id */
	struct loc	 loc;
};

/* revision.clause_rationale: why one clause changed, for the council. */
struct clause_note {
	char		*clause;	/* clause id */
	char		*text;		/* one line, white space collapsed */
	struct loc	 loc;
};

struct revision {
	char		*version;
	char		*status;	/* concept ter-instemming vastgesteld vervallen */
	char		*scope;		/* school (MR) | board (GMR) */
	char		*effective;	/* ISO or NULL */
	char		*review;	/* ISO (YYYY-MM or YYYY-MM-DD) or NULL */
	char		*replaces;	/* version or NULL */
	struct approval	*approvals;
	size_t		 napprovals;
	char		*rationale;	/* why this revision (toelichting), one
					   line, white space collapsed; or NULL */
	struct clause_note *notes;	/* per clause, sorted by clause id */
	size_t		 nnotes;
	struct loc	 loc;
};

struct product {
	char		*id, *name, *type, *source, *checked;
	struct loc	 loc;
};

struct programme {
	char		*id, *name, *by, *groups, *level, *source, *checked;
	struct loc	 loc;
};

struct national {
	char		*path;
	char		*inspector_phone;
	char		*inspector_hours;
	struct loc	 inspector_loc;
	struct product	*products;
	size_t		 nproducts;
	struct programme *programmes;
	size_t		 nprogrammes;
	struct cval	*roles;		/* map: po = {...}, vo = {...} */
	struct cval	*tree;
};

/*
 * A value still to be filled: name = { pending = "what is missing" }.  It
 * prints as "[nog in te vullen: what]"; a draft may carry one (with a
 * warning), a vastgesteld revision may not (check.c).
 */
struct pending {
	char		*what;		/* "'name' in board: naam van ..." */
	struct loc	 loc;
};

/*
 * The look of a school's documents (look.c): board keys colour, logo and
 * logo_alt, which a school may override.  NULL fields: the default look.
 */
struct look {
	char		*colour;	/* "#rrggbb" (lower case), or NULL */
	unsigned	 rgb;		/* the same as 0xrrggbb */
	char		*logo;		/* path of the PNG as read, or NULL */
	unsigned char	*png;		/* its bytes, validated */
	size_t		 png_len;
	unsigned	 width, height;	/* pixels */
	char		*logo_alt;	/* NULL: "Logo van" + the name of
					   whoever set the logo */
	int		 logo_own;	/* set by the school's own file */
	struct loc	 logo_loc;
};

#define CONFIG_MIN_CONTRAST	4.5	/* WCAG AA, text against white */
#define CONFIG_MAX_LOGO		(512 * 1024)
#define CONFIG_MAX_LOGO_PX	2000

struct board {
	char		*id;		/* folder name */
	char		*dir;		/* schools/<id> */
	char		*path;		/* schools/<id>/board.lua */
	char		*name;
	char		*short_name;
	char		**aliases;
	size_t		 naliases;
	enum level	 level;
	struct cval	*defaults;	/* school keys given by the board */
	struct cval	*tree;
	struct loc	 loc;
	struct pending	 pending;	/* what=NULL: nothing to be filled */
	/* follows = "ID": the board-wide protocol it follows (follows.c) */
	char		*follows;	/* NULL: a protocol of its own */
	struct loc	 follows_loc;
	const struct school *leader;	/* the school follows names */
	struct look	 look;		/* read once for its schools */
	char		*redline_author;	/* w:author of the Word
					   redline's changes, or NULL:
					   the board's name */
};

struct school {
	char		*id;
	char		*path;
	const struct board *board;
	struct loc	 loc;		/* the school { call */
	char		*name;
	char		*short_name;
	char		*place;
	char		*brin;		/* DUO's code: "12AB", or NULL */
	char		*vestiging;	/* its branch: "00", or NULL */
	enum level	 level;
	char		*outline;
	struct loc	 outline_loc;
	struct placement *add;
	size_t		 nadd;
	struct placement *remove;	/* only id and loc are used */
	size_t		 nremove;
	struct channel	*channels;
	size_t		 nchannels;
	struct lesson	*lessons;
	size_t		 nlessons;
	struct revision	 rev;
	char		*owner, *author, *maintainer;
	char		*website;	/* the school's site, or NULL */
	char		*protocol_url;	/* where the full protocol is published */
	char		*title;		/* NULL: the outline's title */
	char		*schoolyear;	/* "2020-2021" or NULL */
	struct var	*vars;		/* sorted by name */
	size_t		 nvars;
	struct cval	*merged;	/* board defaults + school file */
	struct pending	 pending;	/* what=NULL: nothing to be filled */
	/* follows = "ID": the board-wide protocol it follows (follows.c) */
	char		*follows;	/* NULL: a protocol of its own */
	struct loc	 follows_loc;
	const struct school *leader;	/* the school follows names */
	struct look	 look;
};

struct config {
	char		*root;		/* "schools" */
	struct national	 national;
	struct board	**boards;
	size_t		 nboards;
	struct school	**schools;	/* sorted by id */
	size_t		 nschools;
	unsigned long	 generation;	/* distinct for every config_load */
	struct school	**followers;	/* while loading: read after
					   the others (follows.c) */
	size_t		 nfollowers;
	char		**files;	/* interned paths (loc.file points here) */
	size_t		 nfiles;
	size_t		 filescap;
	struct unread	*unread;	/* while loading: files and folders
					   no config is known to read yet;
					   reported unless one is a logo */
	size_t		 nunread;
};

/*
 * Load schools/defaults.lua, every schools/<board>/board.lua and every
 * school file under root.  Report problems through diag(); return the
 * number of errors (0 on success).  Schools with errors are left out.
 */
int		 config_load(struct config *, const char *root);
void		 config_free(struct config *);
/* " (did you mean 'x'?)" for an unknown school id, in buf; or "". */
const char	*config_school_hint(const struct config *, const char *id,
		    char *buf, size_t size);
const struct school *config_school(const struct config *, const char *id);
/* Value of a {{name}} for a school, or NULL. */
struct var	*config_var(const struct school *, const char *name);

/* Validators shared with the checks. */
int		 config_valid_id(const char *);
int		 config_valid_phone(const char *);
int		 config_valid_url(const char *);
int		 config_valid_version(const char *);
/* DUO's BRIN code: 2 digits, 2 capitals ("12AB"); a vestiging: 2 digits. */
int		 config_valid_brin(const char *);
int		 config_valid_vestiging(const char *);
const char	*config_level_name(enum level);
/* WCAG 2.x contrast ratio of two colours 0xrrggbb (1 to 21). */
double		 config_contrast(unsigned, unsigned);

/* Sandbox limits (tests use them to build hostile configs). */
#define CONFIG_MAX_FILE		(1024 * 1024)
#define CONFIG_MAX_MEMORY	(32u * 1024 * 1024)
#define CONFIG_MAX_INSTRUCTIONS	(20u * 1000 * 1000)
/* Bytes allocated over the whole run, freed or not: one string.rep or
 * table.concat is one instruction, so only this bounds their work. */
#define CONFIG_MAX_ALLOCATED	(256u * 1024 * 1024)
#define CONFIG_MAX_DEPTH	32

/*
 * Run one config file in the sandbox; entry is the function it must call
 * ("school", "board" or "defaults").  On success store the table it passed
 * as a value tree in *out and return 0; else report and return -1.
 * file must be interned (it outlives *out).
 */
int		 config_run(const char *file, const char *entry, struct cval **out);
/* The same on text in memory; file names it in messages. */
int		 config_run_buffer(const char *file, const char *text, size_t len,
		    const char *entry, struct cval **out);
void		 cval_free(struct cval *);
const struct cval *cval_get(const struct cval *map, const char *key);

/*
 * Internal to config/: the value trees the sandbox builds (sandbox.c),
 * the readers of checked fields (fields.c) and of the national defaults,
 * boards and schools (school.c) that loading (config.c) puts together.
 */

struct cval	*cval_new(enum cval_type, const char *file, int line);
struct cval	*cval_clone(const struct cval *);
/*
 * Merge over onto base: maps merge key by key (recursively), anything
 * else in over replaces base.  Return a new tree.
 */
struct cval	*cval_merge(const struct cval *base, const struct cval *over);

/* Counts the errors found while reading one file's fields. */
struct config_reader {
	int		 errors;
	struct pending	 pending;	/* the first one read, if any */
};

typedef int (*config_validator)(const char *);

int		 config_valid_key(const char *);
int		 config_valid_date(const char *);
int		 config_valid_month_or_date(const char *);
int		 config_valid_schoolyear(const char *);
/* Report keys of map not in allowed; suggest a near one. */
void		 config_check_keys(struct config_reader *, const struct cval *map,
		    const char *const *allowed, const char *ctx);
const char	*config_type_name(const struct cval *);
/*
 * Return a copy of the text at map[key], or NULL when absent or wrong.
 * what names the check for messages ("an ISO date (YYYY-MM-DD)").
 */
char		*config_get_text(struct config_reader *, const struct cval *map,
		    const char *key, const char *ctx, int required,
		    config_validator ok, const char *what);
/* A text that stands in for a value ("[naam]", "XXX", "nog in te vullen"). */
int		 config_looks_standin(const char *);
/* How a value still to be filled prints: "[nog in te vullen: what]". */
#define PENDING_MARK	"[nog in te vullen: "
/* Is s such a value (text, never a link target)? */
int		 config_is_pending(const char *s);
/* Check v is a list (an empty table counts); report otherwise. */
int		 config_want_list(struct config_reader *, const struct cval *v,
		    const char *key, const char *ctx);
int		 config_want_map(struct config_reader *, const struct cval *v,
		    const char *key, const char *ctx);

/* Keys a school file may set; a board may set them too, as defaults. */
extern const char *const config_school_keys[];
void		 config_read_national(struct config_reader *, struct national *,
		    const struct cval *);
void		 config_read_board(struct config_reader *, struct board *,
		    const struct cval *);
/*
 * follows.c: a school file with follows = "ID" (its tree t) is checked for
 * keys a follower may not set and queued; once every school is loaded,
 * config_followers() reads each queued one over its leader's values.
 * Return the number of errors.
 */
int		 config_follower_keys(const struct cval *t, const char *id);
void		 config_followers(struct config *);
void		 config_free_school(struct school *);
/* brin and vestiging (vestiging only with brin), in fields.c. */
void		 config_read_brin(struct config_reader *, struct school *,
		    const struct cval *merged);
void		 config_read_school(struct config_reader *,
		    const struct national *, struct school *,
		    const struct cval *merged);
/* revision.rationale and revision.clause_rationale (rationale.c). */
void		 config_read_rationale(struct config_reader *,
		    struct revision *, const struct cval *revision);
void		 config_rationale_clear(struct revision *);
/* colour, logo and logo_alt of merged map m into s->look (look.c). */
void		 config_read_look(struct config_reader *, struct school *,
		    const struct cval *m);
void		 config_read_board_look(struct config_reader *, struct board *,
		    const struct cval *t);
void		 config_look_clear(struct look *);
void		 config_channel_clear(struct channel *);
void		 config_lesson_clear(struct lesson *);
void		 config_placement_clear(struct placement *);

#endif
