/*
 * Reading a spreadsheet saved as CSV, as DUO publishes its open data and
 * office programs save it: fields separated by ';', ',' or a tab (the one
 * the header line uses most; Excel's "sep=;" first line is honoured),
 * quoted with '"' ("" inside for one), CRLF or LF line ends, UTF-8 with or
 * without a byte-order mark, or else Windows-1252 (converted with iconv).
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "cli/cli.h"

/* Windows-1252 text into UTF-8 in out; -1 at the first undefined byte. */
static int
from_cp1252(const char *in, size_t len, struct buf *out, size_t *bad)
{
	iconv_t cd;
	char chunk[4096], *ip = (char *)in, *op;
	size_t il = len, ol;
	int rc = 0;

	if ((cd = iconv_open("UTF-8", "WINDOWS-1252")) == (iconv_t)-1) {
		*bad = 0;
		return -1;
	}
	while (il > 0) {
		op = chunk;
		ol = sizeof(chunk);
		if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 &&
		    errno != E2BIG) {
			*bad = (size_t)(ip - in);
			rc = -1;
			break;
		}
		buf_put(out, chunk, (size_t)(op - chunk));
	}
	iconv_close(cd);
	return rc;
}

/* The text of the file as UTF-8 in out, or -1 after reporting. */
static int
csv_text(const char *path, struct buf *raw, struct buf *out)
{
	const char *s = raw->data;
	size_t len = raw->len, bad;

	if (len >= 4 && memcmp(s, "PK\3\4", 4) == 0) {
		diag_error(path, 0, "an Excel or OpenDocument workbook, not "
		    "CSV: save the sheet as CSV (UTF-8 or Windows) first");
		return -1;
	}
	if (len >= 2 && ((unsigned char)s[0] == 0xFF ||
	    (unsigned char)s[0] == 0xFE) && ((unsigned char)s[1] == 0xFF ||
	    (unsigned char)s[1] == 0xFE)) {
		diag_error(path, 0, "UTF-16 text: save it as CSV UTF-8");
		return -1;
	}
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		s += 3;
		len -= 3;
	}
	if (memchr(s, '\0', len) != NULL) {
		diag_error(path, line_of_offset(s, (size_t)((const char *)
		    memchr(s, '\0', len) - s)), "a NUL byte: this is not a "
		    "text file");
		return -1;
	}
	if (utf8_valid_prefix(s, len) == len) {
		buf_put(out, s, len);
		return 0;
	}
	if (from_cp1252(s, len, out, &bad) == -1) {
		diag_error(path, line_of_offset(s, bad), "neither UTF-8 nor "
		    "Windows-1252 (byte 0x%02X): save it as CSV UTF-8",
		    (unsigned char)s[bad]);
		return -1;
	}
	return 0;
}

/* The separator the header line uses most, outside quotes. */
static char
guess_separator(const char *s, size_t len)
{
	static const char seps[] = ";,\t";
	size_t count[3] = { 0 }, i, k, best = 0;
	int quoted = 0;

	for (i = 0; i < len && (quoted || (s[i] != '\n' && s[i] != '\r'));
	    i++)
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted)
			for (k = 0; k < 3; k++)
				if (s[i] == seps[k])
					count[k]++;
	for (k = 1; k < 3; k++)
		if (count[k] > count[best])
			best = k;
	return count[best] == 0 ? ',' : seps[best];
}

static void
add_field(struct csv_row *row, size_t *cap, struct buf *f)
{
	ARRAY_RESERVE(row->f, row->n, *cap);
	row->f[row->n++] = xstrdup(buf_str(f));
	buf_reset(f);
}

int
csv_read(const char *path, struct csv *c)
{
	struct buf raw = { 0 }, text = { 0 }, f = { 0 };
	const char *s;
	size_t len, i = 0, cap = 0, fcap;
	int line = 1, rc = -1;

	memset(c, 0, sizeof(*c));
	if (file_read(path, &raw) == -1) {
		diag_error(path, 0, "cannot read: %s", strerror(errno));
		return -1;
	}
	if (csv_text(path, &raw, &text) == -1)
		goto out;
	s = buf_str(&text);
	len = text.len;
	if (len >= 5 && strncmp(s, "sep=", 4) == 0 && (len == 5 ||
	    s[5] == '\n' || s[5] == '\r')) {
		c->sep = s[4];
		i = 5 + (len > 5 && s[5] == '\r');
		i += i < len && s[i] == '\n';
		line = 2;
	} else
		c->sep = guess_separator(s, len);
	while (i < len) {
		struct csv_row row = { .line = line };
		fcap = 0;
		for (;;) {
			if (s[i] == '"') {
				int start = line;
				for (i++;; i++) {
					if (i >= len) {
						diag_error(path, start, "a quote "
						    "(\") that is not closed");
						free(row.f);
						goto out;
					}
					if (s[i] == '"' && s[i + 1] == '"')
						i++;
					else if (s[i] == '"')
						break;
					else if (s[i] == '\n')
						line++;
					buf_putc(&f, s[i]);
				}
				i++;
			}
			/* unquoted, or what follows the closing quote */
			while (i < len && s[i] != c->sep && s[i] != '\n' &&
			    !(s[i] == '\r' && (i + 1 == len || s[i + 1] == '\n')))
				buf_putc(&f, s[i++]);
			add_field(&row, &fcap, &f);
			if (i < len && s[i] == c->sep) {
				i++;
				continue;
			}
			if (i < len && s[i] == '\r')
				i++;
			if (i < len && s[i] == '\n')
				i++;
			line++;
			break;
		}
		ARRAY_RESERVE(c->rows, c->nrows, cap);
		c->rows[c->nrows++] = row;
	}
	rc = 0;
out:
	buf_free(&f);
	buf_free(&text);
	buf_free(&raw);
	if (rc == -1)
		csv_free(c);
	return rc;
}

void
csv_free(struct csv *c)
{
	size_t i, j;

	for (i = 0; i < c->nrows; i++) {
		for (j = 0; j < c->rows[i].n; j++)
			free(c->rows[i].f[j]);
		free(c->rows[i].f);
	}
	free(c->rows);
	memset(c, 0, sizeof(*c));
}
