/* The one diagnostics sink: formats, counts and prints every message. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"

static int counts[3];
static struct buf *capture;
static int quiet_warnings;

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

void
diag(enum diag_level level, const char *file, int line, const char *fmt, ...)
{
	struct buf raw = { 0 }, msg = { 0 };
	va_list ap;

	if (file == NULL)
		buf_puts(&raw, "protocolgen");
	else if (line > 0)
		buf_printf(&raw, "%s:%d", file, line);
	else
		buf_puts(&raw, file);
	buf_printf(&raw, ": %s: ", names[level]);
	va_start(ap, fmt);
	buf_vprintf(&raw, fmt, ap);
	va_end(ap);
	put_clean(&msg, buf_str(&raw), raw.len);
	buf_free(&raw);
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
