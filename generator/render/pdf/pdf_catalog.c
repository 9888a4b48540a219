/* PDF backend: edits to a finished file that cairo 1.16 cannot make. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/pdf/pdf.h"
#include "base/base.h"

#define XREF_ENTRY	20	/* "oooooooooo ggggg n \n" */

/* The last occurrence of needle in hay[0, len), or NULL. */
static const char *
rfind(const char *hay, size_t len, const char *needle)
{
	size_t n = strlen(needle), i;

	for (i = len >= n ? len - n + 1 : 0; i-- > 0;)
		if (memcmp(hay + i, needle, n) == 0)
			return hay + i;
	return NULL;
}

/* Parse a decimal number at *p (after spaces); advance *p. */
static int
number(const char **p, const char *end, long *v)
{
	char *e;

	while (*p < end && (**p == ' ' || **p == '\r' || **p == '\n'))
		(*p)++;
	if (*p >= end || **p < '0' || **p > '9')
		return -1;
	*v = strtol(*p, &e, 10);
	*p = e;
	return 0;
}

struct xref {
	size_t		 at;		/* offset of "xref" */
	size_t		 entries;	/* offset of the first entry */
	long		 first, count;
	size_t		 trailer;	/* offset of "trailer" */
};

/* Read the one classic xref table that startxref points at. */
static int
read_xref(const char *s, size_t len, struct xref *x)
{
	const char *p = rfind(s, len, "startxref"), *end = s + len;
	long off;

	if (p == NULL)
		return -1;
	p += strlen("startxref");
	if (number(&p, end, &off) == -1 || off < 0 || (size_t)off + 5 > len ||
	    memcmp(s + off, "xref", 4) != 0)
		return -1;
	x->at = (size_t)off;
	p = s + off + 4;
	if (number(&p, end, &x->first) == -1 ||
	    number(&p, end, &x->count) == -1 || x->first != 0 || x->count < 1)
		return -1;
	while (p < end && (*p == ' ' || *p == '\r' || *p == '\n'))
		p++;
	x->entries = (size_t)(p - s);
	x->trailer = x->entries + (size_t)x->count * XREF_ENTRY;
	if (x->trailer + 7 > len || memcmp(s + x->trailer, "trailer", 7) != 0)
		return -1;		/* a second subsection, or a stream */
	return 0;
}

/* Offset of object num from its xref entry; 0 when absent. */
static size_t
object_offset(const char *s, const struct xref *x, long num)
{
	const char *e;

	if (num <= 0 || num >= x->count)
		return 0;
	e = s + x->entries + (size_t)num * XREF_ENTRY;
	if (e[17] != 'n')
		return 0;
	return (size_t)strtol(e, NULL, 10);
}

/* Where the catalogue's dictionary opens; 0 when it cannot be found. */
static size_t
catalog_dict(const char *s, size_t len, const struct xref *x, int *marked)
{
	const char *p = s + x->trailer, *end = s + len, *root, *obj, *stop;
	char head[32];
	long num;
	size_t off;

	if ((root = strstr(p, "/Root")) == NULL || root > end)
		return 0;
	p = root + 5;
	if (number(&p, end, &num) == -1 || (off = object_offset(s, x, num)) ==
	    0 || off >= x->at)
		return 0;
	snprintf(head, sizeof(head), "%ld 0 obj", num);
	obj = s + off;
	if (strncmp(obj, head, strlen(head)) != 0)
		return 0;
	stop = strstr(obj, "endobj");
	p = strstr(obj, "<<");
	if (stop == NULL || p == NULL || p > stop)
		return 0;
	if (memmem(obj, (size_t)(stop - obj), "/Type /Catalog", 14) == NULL ||
	    memmem(obj, (size_t)(stop - obj), "/Lang", 5) != NULL)
		return 0;
	*marked = memmem(obj, (size_t)(stop - obj), "/MarkInfo", 9) != NULL;
	return (size_t)(p - s) + 2;
}

/* Shift xref entries at or after from by delta, in place. */
static int
shift_entries(char *s, const struct xref *x, size_t from, size_t delta)
{
	char tmp[16];
	long i;
	size_t off;

	for (i = 0; i < x->count; i++) {
		char *e = s + x->entries + (size_t)i * XREF_ENTRY;
		if (e[17] != 'n')
			continue;
		off = (size_t)strtol(e, NULL, 10);
		if (off < from)
			continue;
		if (snprintf(tmp, sizeof(tmp), "%010zu", off + delta) != 10)
			return -1;
		memcpy(e, tmp, 10);
	}
	return 0;
}

int
pdf_catalog_set_lang(struct buf *pdf, const char *lang)
{
	struct buf out = { 0 }, ins = { 0 };
	struct xref x;
	size_t at, len = pdf->len;
	const char *s = buf_str(pdf), *sx;
	int rc = -1, marked;

	if (read_xref(s, len, &x) == -1 || (at = catalog_dict(s, len, &x,
	    &marked)) == 0)
		return -1;
	buf_printf(&ins, " /Lang (%s)", lang);
	if (!marked)
		buf_puts(&ins, " /MarkInfo << /Marked true >>");
	buf_put(&out, s, at);
	buf_put(&out, ins.data, ins.len);
	buf_put(&out, s + at, len - at);
	if (shift_entries(out.data, &x, at, ins.len) == -1)
		goto out;
	/* startxref moves too: rewrite the tail */
	sx = rfind(out.data, out.len, "startxref");
	out.len = (size_t)(sx - out.data);
	buf_printf(&out, "startxref\n%zu\n%%%%EOF\n", x.at + ins.len);
	buf_free(pdf);
	*pdf = out;
	out.data = NULL;
	rc = 0;
out:
	buf_free(&out);
	buf_free(&ins);
	return rc;
}
