/* The one diagnostics sink: formats, counts and prints every message. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

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

void
diag(enum diag_level level, const char *file, int line, const char *fmt, ...)
{
	struct buf msg = { 0 };
	va_list ap;

	if (file == NULL)
		buf_puts(&msg, "protocolgen");
	else if (line > 0)
		buf_printf(&msg, "%s:%d", file, line);
	else
		buf_puts(&msg, file);
	buf_printf(&msg, ": %s: ", names[level]);
	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
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
