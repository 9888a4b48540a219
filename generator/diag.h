/* The one diagnostics sink: every message goes through diag(). */
#ifndef DIAG_H
#define DIAG_H

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

#endif
