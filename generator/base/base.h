#ifndef BASE_BASE_H
#define BASE_BASE_H
/* Memory, byte buffers, files and dates shared by every stage of protocolgen. */

#include <stddef.h>
#include <stdarg.h>
#include <time.h>

/*
 * Out-of-memory policy: these never return NULL.  On failure they print
 * "protocolgen: out of memory" and exit with status 1.
 */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));

/* Grow an array so that index n fits; cap is updated. */
#define ARRAY_RESERVE(p, n, cap) do {					\
	if ((size_t)(n) >= (cap)) {					\
		(cap) = (cap) ? (cap) * 2 : 8;				\
		while ((cap) <= (size_t)(n))				\
			(cap) *= 2;					\
		(p) = xreallocarray((p), (cap), sizeof(*(p)));		\
	}								\
} while (0)

/* An owned, growing byte buffer; always NUL-terminated once non-empty. */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void	 buf_put(struct buf *, const void *, size_t);
void	 buf_puts(struct buf *, const char *);
void	 buf_putc(struct buf *, int);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vprintf(struct buf *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));
void	 buf_reset(struct buf *);
void	 buf_free(struct buf *);
const char *buf_str(const struct buf *);	/* "" when empty */
char	*buf_detach(struct buf *);		/* caller owns; buf emptied */

/*
 * Return the length of the valid UTF-8 prefix of s; equal to len when
 * all of s is valid (no overlongs, no surrogates, nothing above U+10FFFF).
 */
size_t	 utf8_valid_prefix(const char *s, size_t len);
/* Decode one code point at s; store its length in *n (1 on bad input). */
unsigned utf8_decode(const char *s, size_t len, size_t *n);
/*
 * The first character of valid UTF-8 s that text may not hold: a control
 * character other than tab and newline, U+FFFD, a byte-order mark, a
 * bidirectional control, a line or paragraph separator.  Return what it
 * is ("a byte-order mark") with its offset in *at and code point in *cp,
 * or NULL when s is clean.
 */
const char *text_bad_char(const char *s, size_t len, size_t *at,
	    unsigned *cp);
/* Line number (1-based) of byte offset off in s. */
int	 line_of_offset(const char *s, size_t off);

/*
 * Read a whole file.  Return 0 on success, -1 with errno set.  Never
 * blocks: anything but a regular file (a FIFO, a device) fails with
 * EINVAL (EISDIR for a folder) before a byte is read.
 */
int	 file_read(const char *path, struct buf *out);
/* The same, but a symbolic link as path's last part fails (ELOOP). */
int	 file_read_nofollow(const char *path, struct buf *out);
/* Create dir and its parents.  Return 0 on success, -1 with errno set. */
int	 mkdir_p(const char *dir);
/*
 * Write data to path atomically: a temporary file in the same folder,
 * then rename(2).  With durable set, fsync the file and its folder.
 * Return 0 on success, -1 with errno set; path is untouched on failure.
 */
int	 file_write_atomic(const char *path, const void *data, size_t len,
	    int durable);
/*
 * On SIGINT, SIGTERM and SIGHUP remove the temporary file being written,
 * then die by the signal: outputs are always either old or new.
 */
void	 atomic_signals_install(void);
/* Remove temporary files a killed run may have left in dir. */
void	 tmpfiles_sweep(const char *dir);

/* The file system as an adversary (fs.c). */

/*
 * Names no folder listing shows: hidden files (".gitkeep", ".#x.md",
 * ".x.md.swp") and editor leftovers ("x.md~", "#x.md#", "x.swp").
 */
int	 name_ignored(const char *name);

/* What an entry of a folder is, by lstat(2): links are not followed. */
enum entry_type {
	ENT_FILE,
	ENT_DIR,
	ENT_LINK,
	ENT_OTHER,	/* a FIFO, a device, a socket */
};
struct dir_entry {
	char		*name;
	enum entry_type	 type;
};
/*
 * The entries of dir, sorted by name (bytes), without "." and ".." and
 * the names name_ignored() ignores; NULL with errno set when dir cannot
 * be read.  Free with dir_list_free().
 */
struct dir_entry *dir_list(const char *dir, size_t *n);
void	 dir_list_free(struct dir_entry *, size_t);
/*
 * Report input path, which is not a regular file (a real folder, with
 * folder set): what it is (a symbolic link and where it leads, a FIFO, a
 * device, a folder) and that what ("a clause file") must be one.
 */
void	 input_refuse(const char *path, const char *what, int folder);
/*
 * Read input path, a regular file (never through a link, never blocking
 * on a FIFO).  Return 0, or -1 after reporting why it cannot be read.
 */
int	 input_read(const char *path, const char *what, struct buf *out);
/* " (U+0435 is not an ASCII character)" for s's first non-ASCII
   character, for messages about names; "" when s is ASCII. */
const char *nonascii_hint(const char *s);

/*
 * Output trees: folders protocolgen writes into (out/, the preview, the
 * schools/ folder adopt writes revisions into).  tree_open() registers
 * root: with TREE_MAKE it is made when missing (else it may be missing
 * until written); with TREE_NOLINK a root that is a symbolic link is
 * refused; with TREE_LOCK it is locked (flock) for the life of the
 * process, and a root another process holds is refused.  Return 0, or -1
 * after reporting.
 */
#define	TREE_MAKE	0x1u
#define	TREE_NOLINK	0x2u
#define	TREE_LOCK	0x4u
int	 tree_open(const char *root, const char *what, unsigned flags);
/*
 * Before writing or removing path (doing: "write", "remove"): every folder
 * between its tree's root and path is a real folder (or missing, to be
 * made), never a symbolic link.  Return 0, or -1 after reporting.  A path
 * in no tree passes.
 */
int	 tree_path_check(const char *path, const char *doing);
/* Forget the trees, releasing their locks. */
void	 trees_close(void);

/* ISO dates: "YYYY-MM-DD" (a real calendar day) or, with month_ok, "YYYY-MM". */
int	 date_valid(const char *s, int month_ok);
/* Dutch long form: "8 oktober 2019" or "november 2020". */
void	 date_format_nl(const char *iso, struct buf *out);
/* Today as "YYYY-MM-DD": SOURCE_DATE_EPOCH when set, else the clock (UTC). */
const char *date_today(void);
/* The epoch outputs use: SOURCE_DATE_EPOCH when set, else 0 if none. */
time_t	 source_date_epoch(int *set);

int	 str_starts(const char *s, const char *prefix);
int	 str_ends(const char *s, const char *suffix);
/* Case-insensitive (ASCII) search for needle in hay; NULL if absent. */
const char *str_casestr(const char *hay, const char *needle);

/* Edit distance (Levenshtein) of two short strings; 99 past 40 bytes. */
size_t	 str_edit_distance(const char *, const char *);

/* "Did you mean": offer the known names, then ask for the nearest. */
struct nearest {
	const char	*word;		/* the misspelt one */
	const char	*best;
	size_t		 dist;
};
void	 nearest_init(struct nearest *, const char *word);
void	 nearest_try(struct nearest *, const char *candidate);
/* The nearest candidate close enough to be meant, or NULL. */
const char *nearest_get(const struct nearest *);
/* " (did you mean 'x'?)" in buf, or "" when nothing is near. */
const char *nearest_hint(const struct nearest *, char *buf, size_t size);

/* The one diagnostics sink: every message goes through diag(). */

struct buf;

enum diag_level {
	DIAG_NOTE,
	DIAG_WARNING,
	DIAG_ERROR,
};

/*
 * Report a message as "file:line: level: text" (line 0 omits the line;
 * file NULL gives "protocolgen: level: text").  Messages go to stderr,
 * or into the capture buffer when one is set.
 */
void	diag(enum diag_level, const char *file, int line, const char *fmt, ...)
	    __attribute__((format(printf, 4, 5)));
#define	diag_error(f, l, ...)	diag(DIAG_ERROR, (f), (l), __VA_ARGS__)
#define	diag_warn(f, l, ...)	diag(DIAG_WARNING, (f), (l), __VA_ARGS__)
#define	diag_note(f, l, ...)	diag(DIAG_NOTE, (f), (l), __VA_ARGS__)

/* Number of messages of that level since the last reset. */
int	diag_count(enum diag_level);
void	diag_reset(void);
/* Send messages into b (tests) or, with NULL, back to stderr. */
void	diag_capture(struct buf *b);
/* Suppress warnings (errors are always reported). */
void	diag_quiet_warnings(int);
/*
 * Hold messages until diag_flush, which prints them sorted by file and
 * line (notes after their message), a message repeated for several
 * schools once with every school named ("(schools 'a', 'b')").
 */
void	diag_hold(int);
void	diag_flush(void);

/* Fixed Dutch strings of the outputs, read once from templates/nl.strings. */

/*
 * Load "key = value" lines from path.  Return 0, or -1 after reporting.
 * Loading again replaces the table.
 */
int		 text_load(const char *path);
/*
 * The string for key.  An unknown key is a programming error: it is
 * reported and the program exits with status 1.
 */
const char	*tr(const char *key);
/* The string for key, or NULL when the table has none. */
const char	*tr_maybe(const char *key);
/* tr() of prefix + "." + suffix, e.g. trx("status", "concept"). */
const char	*trx(const char *prefix, const char *suffix);
void		 text_free(void);
/* The strings file loaded (for messages about it). */
const char	*text_path(void);

#endif
