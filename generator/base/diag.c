/* The one diagnostics sink: formats, counts and prints every message. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"

static int counts[3];
static struct buf *capture;
static int quiet_warnings;

/*
 * Held messages (diag_hold): printed by diag_flush sorted by file and
 * line, a note kept after the message it belongs to, and the same
 * message for several schools folded into one line naming them all.
 */
struct held {
	char		*file;		/* NULL: "protocolgen" */
	int		 line;
	enum diag_level	 level;
	char		*body;		/* the text without " (school 'x')" */
	struct buf	 schools;	/* "'a', 'b'" */
	int		 nschools;
	struct buf	 notes;		/* formatted notes that follow it */
	size_t		 seq;
};
static struct held *held;
static size_t nheld, heldcap;
static size_t last_held;		/* the one a note belongs to */
static int holding;

static const char *const names[] = { "note", "warning", "error" };

/* Hashes of messages already printed (open addressing; 0 marks empty). */
static unsigned long *seen;
static size_t nseen, seencap;

static void
seen_insert(unsigned long h)
{
	size_t i = h & (seencap - 1);

	while (seen[i] != 0)
		i = (i + 1) & (seencap - 1);
	seen[i] = h;
	nseen++;
}

/* Has this message been printed?  Remember it if not. */
static int
already_seen(const char *msg)
{
	unsigned long h = 14695981039346656037UL, *old;
	size_t i, oldcap;

	for (; *msg != '\0'; msg++)
		h = (h ^ (unsigned char)*msg) * 1099511628211UL;
	if (h == 0)
		h = 1;
	if (seencap > 0)
		for (i = h & (seencap - 1); seen[i] != 0;
		    i = (i + 1) & (seencap - 1))
			if (seen[i] == h)
				return 1;
	if ((nseen + 1) * 2 > seencap) {
		old = seen;
		oldcap = seencap;
		seencap = seencap ? seencap * 2 : 256;
		seen = xcalloc(seencap, sizeof(*seen));
		nseen = 0;
		for (i = 0; i < oldcap; i++)
			if (old[i] != 0)
				seen_insert(old[i]);
		free(old);
	}
	seen_insert(h);
	return 0;
}

/*
 * s as one line of text: a control character (a newline in a file name,
 * an escape sequence) or a byte that is not UTF-8 is written as \n, \t or
 * \xNN, so a message is always one line and never drives the terminal.
 */
static void
put_clean(struct buf *out, const char *s, size_t len)
{
	size_t i = 0, n;
	unsigned c;

	while (i < len) {
		c = utf8_decode(s + i, len - i, &n);
		if (c == 0xFFFD && !(n == 3 &&
		    memcmp(s + i, "\xEF\xBF\xBD", 3) == 0))
			n = 0;	/* not UTF-8 */
		if (n > 0 && c >= 0x20 && c != 0x7F && !(c >= 0x80 &&
		    c < 0xA0)) {
			buf_put(out, s + i, n);
			i += n;
			continue;
		}
		for (n = n > 0 ? n : 1; n > 0; n--, i++)
			if (s[i] == '\n')
				buf_puts(out, "\\n");
			else if (s[i] == '\t')
				buf_puts(out, "\\t");
			else
				buf_printf(out, "\\x%02X", (unsigned char)s[i]);
	}
}

static void
format_head(struct buf *msg, enum diag_level level, const char *file,
    int line)
{
	if (file == NULL)
		buf_puts(msg, "protocolgen");
	else
		put_clean(msg, file, strlen(file));
	if (file != NULL && line > 0)
		buf_printf(msg, ":%d", line);
	buf_printf(msg, ": %s: ", names[level]);
}

/* The held message a new one folds into, or NULL. */
static struct held *
fold_target(const char *file, int line, enum diag_level level,
    const char *body)
{
	size_t i;

	for (i = nheld; i-- > 0;) {
		struct held *h = &held[i];
		if (h->line == line && h->level == level &&
		    (h->file == NULL) == (file == NULL) &&
		    (file == NULL || strcmp(h->file, file) == 0) &&
		    strcmp(h->body, body) == 0)
			return h;
	}
	return NULL;
}

static int
has_school(const struct held *h, const char *school)
{
	const char *p = h->schools.data;
	size_t n = strlen(school);

	for (; p != NULL && (p = strchr(p, '\'')) != NULL; p++)
		if (strncmp(p + 1, school, n) == 0 && p[n + 1] == '\'')
			return 1;
		else if ((p = strchr(p + 1, '\'')) == NULL)
			break;
	return 0;
}

/* Keep a message for diag_flush; body is the formatted text. */
static void
hold(enum diag_level level, const char *file, int line, char *body)
{
	static const char tail[] = " (school '";
	char *school = NULL, *t;
	struct held *h;
	size_t n = strlen(body);

	if (level == DIAG_NOTE && nheld > 0) {
		h = &held[last_held];
		format_head(&h->notes, level, file, line);
		buf_puts(&h->notes, body);
		buf_putc(&h->notes, '\n');
		free(body);
		return;
	}
	if (n > 2 && body[n - 1] == ')' && body[n - 2] == '\'' &&
	    (t = strstr(body, tail)) != NULL) {
		while (strstr(t + 1, tail) != NULL)
			t = strstr(t + 1, tail);
		body[n - 2] = '\0';
		school = t + sizeof(tail) - 1;
		*t = '\0';
	}
	if ((h = fold_target(file, line, level, body)) == NULL) {
		ARRAY_RESERVE(held, nheld, heldcap);
		h = &held[nheld];
		memset(h, 0, sizeof(*h));
		h->file = file != NULL ? xstrdup(file) : NULL;
		h->line = line;
		h->level = level;
		h->body = xstrdup(body);
		h->seq = nheld++;
	}
	last_held = (size_t)(h - held);
	if (school != NULL && !has_school(h, school)) {
		buf_printf(&h->schools, "%s'%s'", h->nschools > 0 ? ", " : "",
		    school);
		h->nschools++;
	}
	free(body);
}

void
diag(enum diag_level level, const char *file, int line, const char *fmt, ...)
{
	struct buf msg = { 0 }, body = { 0 }, raw = { 0 };
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&raw, fmt, ap);
	va_end(ap);
	put_clean(&body, buf_str(&raw), raw.len);
	buf_free(&raw);
	if (holding && capture == NULL) {
		counts[level]++;
		if (level == DIAG_WARNING && quiet_warnings) {
			buf_free(&body);
			return;
		}
		hold(level, file, line, body.data != NULL ? body.data :
		    xstrdup(""));
		return;
	}
	format_head(&msg, level, file, line);
	if (body.data != NULL)
		buf_puts(&msg, body.data);
	buf_free(&body);
	buf_putc(&msg, '\n');
	/* counted every time: a school whose error was already printed for
	   another school (a board default) still fails */
	counts[level]++;
	if (already_seen(msg.data)) {
		buf_free(&msg);
		return;
	}
	if (level == DIAG_WARNING && quiet_warnings) {
		buf_free(&msg);
		return;
	}
	if (capture != NULL)
		buf_put(capture, msg.data, msg.len);
	else
		fputs(msg.data, stderr);
	buf_free(&msg);
}

int
diag_count(enum diag_level level)
{
	return counts[level];
}

void
diag_reset(void)
{
	counts[0] = counts[1] = counts[2] = 0;
	free(seen);
	seen = NULL;
	nseen = seencap = 0;
}

void
diag_capture(struct buf *b)
{
	capture = b;
}

void
diag_quiet_warnings(int on)
{
	quiet_warnings = on;
}

void
diag_hold(int on)
{
	holding = on;
}

/* By file (file-less messages last), then line, then order of report. */
static int
held_cmp(const void *a, const void *b)
{
	const struct held *x = a, *y = b;
	int c;

	if ((x->file == NULL) != (y->file == NULL))
		return x->file == NULL ? 1 : -1;
	if (x->file != NULL && (c = strcmp(x->file, y->file)) != 0)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
diag_flush(void)
{
	struct buf out = { 0 };
	size_t i;

	if (nheld > 1)	/* held is NULL when nothing is: qsort wants an array */
		qsort(held, nheld, sizeof(*held), held_cmp);
	for (i = 0; i < nheld; i++) {
		struct held *h = &held[i];
		format_head(&out, h->level, h->file, h->line);
		buf_puts(&out, h->body);
		if (h->nschools == 1)
			buf_printf(&out, " (school %s)", h->schools.data);
		else if (h->nschools > 1)
			buf_printf(&out, " (schools %s)", h->schools.data);
		buf_putc(&out, '\n');
		if (h->notes.len > 0)
			buf_put(&out, h->notes.data, h->notes.len);
		free(h->file);
		free(h->body);
		buf_free(&h->schools);
		buf_free(&h->notes);
	}
	if (out.len > 0)
		fputs(out.data, stderr);
	buf_free(&out);
	free(held);
	held = NULL;
	nheld = heldcap = 0;
}
