/*
 * PDF backend: what cairo 1.16 cannot write, added to its finished file.
 * The objects PDF/UA-1 needs changed are written again (new versions in
 * an update buffer), then the file anew: cairo's other objects byte for
 * byte, the new versions in place of the old, one xref table.  The file
 * must be shaped as cairo 1.16 writes it (one classic xref table, objects
 * not in streams, dictionaries as text); anything else is refused.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "render/pdf/pdf.h"
#include "base/base.h"

#define XREF_ENTRY	20	/* "oooooooooo ggggg n \n" */

struct xref {
	size_t		 at;		/* offset of "xref" */
	size_t		 entries;	/* offset of the first entry */
	long		 first, count;
	size_t		 trailer;	/* offset of "trailer" */
};

/* The file being finished, and the objects written again. */
struct fin {
	const char	*s;
	size_t		 len;
	struct xref	 x;
	struct buf	 body;		/* the new objects */
	struct obj {
		long	 num;
		size_t	 off, end;	/* in body, or in s */
	}		*e;
	size_t		 ne, cap;
	long		 size;		/* the next free object number */
	struct buf	 ids;		/* the IDTree's /Names entries */
	int		 nnotes;
	const struct pdf_alt *alt;
	unsigned char	*used;
	struct buf	 out;		/* the file written anew */		/* alt entries given to a link */
};

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

static int
is_ws(int c)
{
	return c == ' ' || c == '\r' || c == '\n' || c == '\t' || c == '\f' ||
	    c == '\0';
}

static int
is_delim(int c)
{
	return is_ws(c) || strchr("()<>[]{}/%", c) != NULL;
}

/* Skip white space and comments. */
static const char *
skip_ws(const char *p, const char *end)
{
	while (p < end) {
		if (*p == '%')
			while (p < end && *p != '\n' && *p != '\r')
				p++;
		else if (is_ws((unsigned char)*p))
			p++;
		else
			break;
	}
	return p;
}

/* Parse a decimal number at *p (after spaces); advance *p. */
static int
number(const char **p, const char *end, long *v)
{
	char *e;

	*p = skip_ws(*p, end);
	if (*p >= end || **p < '0' || **p > '9')
		return -1;
	*v = strtol(*p, &e, 10);
	*p = e;
	return 0;
}

/* Past one value at p (a reference "n g R" included); NULL when bad. */
static const char *
skip_value(const char *p, const char *end, int depth)
{
	const char *q;
	long v;
	int n;

	p = skip_ws(p, end);
	if (p >= end || depth > 32)
		return NULL;
	if (*p == '<' && p + 1 < end && p[1] == '<') {
		for (p += 2;;) {
			p = skip_ws(p, end);
			if (p + 1 < end && p[0] == '>' && p[1] == '>')
				return p + 2;
			if ((p = skip_value(p, end, depth + 1)) == NULL)
				return NULL;
		}
	}
	if (*p == '[') {
		for (p++;;) {
			p = skip_ws(p, end);
			if (p < end && *p == ']')
				return p + 1;
			if ((p = skip_value(p, end, depth + 1)) == NULL)
				return NULL;
		}
	}
	if (*p == '(') {
		for (n = 1, p++; p < end && n > 0; p++)
			if (*p == '\\')
				p++;
			else if (*p == '(')
				n++;
			else if (*p == ')')
				n--;
		return n == 0 ? p : NULL;
	}
	if (*p == '<') {
		q = memchr(p, '>', (size_t)(end - p));
		return q != NULL ? q + 1 : NULL;
	}
	if (*p == '/')
		p++;
	else if (*p >= '0' && *p <= '9') {
		/* a reference: two integers and R */
		q = p;
		if (number(&q, end, &v) == 0 && number(&q, end, &v) == 0) {
			q = skip_ws(q, end);
			if (q < end && *q == 'R' && (q + 1 == end ||
			    is_delim((unsigned char)q[1])))
				return q + 1;
		}
	}
	while (p < end && !is_delim((unsigned char)*p))
		p++;
	return p;
}

/* The value of key in the dictionary at d, or NULL. */
static const char *
dict_get(const char *d, const char *end, const char *key)
{
	const char *p, *k;
	size_t n = strlen(key);

	p = skip_ws(d, end);
	if (p + 1 >= end || p[0] != '<' || p[1] != '<')
		return NULL;
	for (p += 2;;) {
		p = skip_ws(p, end);
		if (p >= end || *p != '/')
			return NULL;
		k = p;
		p = skip_value(p, end, 0);
		if (p == NULL)
			return NULL;
		if ((size_t)(p - k) == n && memcmp(k, key, n) == 0)
			return skip_ws(p, end);
		if ((p = skip_value(p, end, 0)) == NULL)
			return NULL;
	}
}

/* The object number of a reference at v; -1 when v is no reference. */
static long
ref_of(const char *v, const char *end)
{
	const char *p = v, *q;
	long num, gen;

	if (v == NULL || number(&p, end, &num) == -1 || number(&p, end,
	    &gen) == -1)
		return -1;
	q = skip_ws(p, end);
	return q < end && *q == 'R' ? num : -1;
}

/* Does the value at v begin with the name nm (whole)? */
static int
is_name(const char *v, const char *end, const char *nm)
{
	size_t n = strlen(nm);

	return v != NULL && (size_t)(end - v) > n && memcmp(v, nm, n) == 0 &&
	    is_delim((unsigned char)v[n]);
}

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

/*
 * Object num: its text after "num 0 obj" in *end-bounded form; NULL when
 * absent.  *end is its "endobj" (or "stream" for a stream object).
 */
static const char *
object(const struct fin *f, long num, const char **end)
{
	char head[32];
	const char *e, *o, *stop;
	size_t off, n;

	if (num <= 0 || num >= f->x.count)
		return NULL;
	e = f->s + f->x.entries + (size_t)num * XREF_ENTRY;
	if (e[17] != 'n')
		return NULL;
	off = (size_t)strtol(e, NULL, 10);
	n = (size_t)snprintf(head, sizeof(head), "%ld 0 obj", num);
	if (off + n >= f->x.at || memcmp(f->s + off, head, n) != 0)
		return NULL;
	o = f->s + off + n;
	stop = memmem(o, f->x.at - off - n, "endobj", 6);
	if (stop == NULL)
		return NULL;
	/* a stream's data follows its dictionary; a string may say "stream" */
	o = skip_ws(o, stop);
	e = skip_value(o, stop, 0);
	e = e != NULL ? skip_ws(e, stop) : stop;
	*end = (size_t)(stop - e) >= 6 && memcmp(e, "stream", 6) == 0 ? e :
	    stop;
	return o;
}

/* A reference's target at value v of an object: its text, or NULL. */
static const char *
deref(const struct fin *f, const char *v, const char *vend, const char **end)
{
	long num = ref_of(v, vend);

	if (num == -1) {
		*end = vend;
		return v;
	}
	return object(f, num, end);
}

/* Begin a new version of object num. */
static void
upd_begin(struct fin *f, long num)
{
	if (f->ne == f->cap) {
		f->cap = f->cap ? 2 * f->cap : 64;
		f->e = xrealloc(f->e, f->cap * sizeof(f->e[0]));
	}
	if (f->ne > 0)
		f->e[f->ne - 1].end = f->body.len;
	f->e[f->ne].num = num;
	f->e[f->ne].off = f->body.len;
	f->ne++;
	buf_printf(&f->body, "%ld 0 obj\n", num);
}

/* Object num again with extra keys first in its dictionary. */
static int
upd_extend(struct fin *f, long num, const char *extra)
{
	const char *o, *end;

	if ((o = object(f, num, &end)) == NULL || end - o < 2 || o[0] != '<' ||
	    o[1] != '<' || memcmp(end, "endobj", 6) != 0)
		return -1;
	upd_begin(f, num);
	buf_puts(&f->body, "<<");
	buf_puts(&f->body, extra);
	buf_put(&f->body, o + 2, (size_t)(end - o - 2));
	buf_puts(&f->body, "endobj\n");
	return 0;
}

/* A text string: UTF-16BE with its byte order mark, in hex. */
static void
text_string(struct buf *b, const char *s, size_t len)
{
	size_t i, n;
	unsigned c;

	buf_puts(b, "<FEFF");
	for (i = 0; i < len; i += n) {
		c = utf8_decode(s + i, len - i, &n);
		if (c >= 0x10000) {
			c -= 0x10000;
			buf_printf(b, "%04X%04X", 0xD800 + (c >> 10),
			    0xDC00 + (c & 0x3ff));
		} else
			buf_printf(b, "%04X", c);
	}
	buf_putc(b, '>');
}

/* The XMP metadata stream, as object num. */
static void
xmp(struct fin *f, long num, const char *lang, const struct dev_info *in)
{
	struct buf x = { 0 };

	pdf_xmp(&x, lang, in);
	upd_begin(f, num);
	buf_printf(&f->body, "<< /Type /Metadata /Subtype /XML /Length %zu >>\n"
	    "stream\n", x.len);
	buf_put(&f->body, x.data, x.len);
	buf_puts(&f->body, "\nendstream\nendobj\n");
	buf_free(&x);
}

/* The bytes of the literal or hex string at v into b ("" when none). */
static void
string_bytes(struct buf *b, const char *v, const char *end)
{
	const char *p;
	int n = 1, c, k;
	char hex[3] = { 0 };

	buf_reset(b);
	if (v != NULL && v < end && *v == '<') {
		for (p = v + 1, k = 0; p < end && *p != '>'; p++) {
			if (is_ws((unsigned char)*p))
				continue;
			hex[k++] = *p;
			if (k == 2) {
				buf_putc(b, (int)strtol(hex, NULL, 16));
				k = 0;
			}
		}
		return;
	}
	if (v == NULL || v >= end || *v != '(')
		return;
	for (p = v + 1; p < end; p++) {
		if (*p == '\\' && p + 1 < end) {
			p++;
			c = *p == 'n' ? '\n' : *p == 'r' ? '\r' : *p == 't' ?
			    '\t' : *p;
			if (*p >= '0' && *p <= '7') {
				c = 0;
				for (k = 0; k < 3 && p < end && *p >= '0' &&
				    *p <= '7'; k++, p++)
					c = c * 8 + (*p - '0');
				p--;
			}
			buf_putc(b, c);
			continue;
		}
		if (*p == '(')
			n++;
		else if (*p == ')' && --n == 0)
			break;
		buf_putc(b, *p);
	}
}

/*
 * A link annotation's /Contents (PDF/UA-1 7.18.5): the text the link was
 * drawn over, from the device (the first unused link to the same
 * target), "voetnoot N" for a footnote reference, else the target.
 */
static void
link_contents(struct fin *f, const char *target, struct buf *out)
{
	const struct pdf_alt *a = f->alt;
	size_t i, pick = (size_t)-1;
	const char *t;

	for (i = 0; a != NULL && i < a->n; i++)
		if (strcmp(a->v[i].target, target) == 0 &&
		    a->v[i].text[0] != '\0') {
			if (pick == (size_t)-1)
				pick = i;
			if (!f->used[i]) {
				pick = i;
				break;
			}
		}
	buf_reset(out);
	if (pick == (size_t)-1) {
		buf_puts(out, target);
		return;
	}
	f->used[pick] = 1;
	t = a->v[pick].text;
	if (strncmp(target, "fn-", 3) == 0 && t[strspn(t, "0123456789")] ==
	    '\0')
		buf_printf(out, "%s %s", tr("pdf.footnote"), t);
	else
		buf_puts(out, t);
	/* no space at either end */
	while (out->len > 0 && out->data[out->len - 1] == ' ')
		out->data[--out->len] = '\0';
}

static int
fix_annot(struct fin *f, long num)
{
	const char *o, *end, *v, *a, *aend;
	struct buf target = { 0 }, text = { 0 }, extra = { 0 };
	int rc;

	if ((o = object(f, num, &end)) == NULL)
		return -1;
	if (!is_name(dict_get(o, end, "/Subtype"), end, "/Link") ||
	    dict_get(o, end, "/Contents") != NULL)
		return 0;
	if ((v = dict_get(o, end, "/Dest")) != NULL)
		string_bytes(&target, v, end);
	else if ((a = dict_get(o, end, "/A")) != NULL &&
	    (a = deref(f, a, end, &aend)) != NULL)
		string_bytes(&target, dict_get(a, aend, "/URI"), aend);
	link_contents(f, buf_str(&target), &text);
	buf_puts(&extra, " /Contents ");
	text_string(&extra, text.data != NULL ? text.data : "", text.len);
	rc = upd_extend(f, num, buf_str(&extra));
	buf_free(&target);
	buf_free(&text);
	buf_free(&extra);
	return rc;
}

static int	artifacts(struct fin *, long);

/* A page: its content's artifacts, /Tabs /S and its links' /Contents. */
static int
fix_page(struct fin *f, long num)
{
	const char *o, *end, *v, *a, *aend, *p;
	long r;

	if ((o = object(f, num, &end)) == NULL)
		return -1;
	if ((r = ref_of(dict_get(o, end, "/Contents"), end)) != -1 &&
	    artifacts(f, r) == -1)
		return -1;
	if ((v = dict_get(o, end, "/Annots")) == NULL)
		return 0;
	if ((a = deref(f, v, end, &aend)) == NULL || *a != '[')
		return -1;
	for (p = a + 1;;) {
		p = skip_ws(p, aend);
		if (p >= aend || *p == ']')
			break;
		if ((r = ref_of(p, aend)) == -1 || fix_annot(f, r) == -1)
			return -1;
		if ((p = skip_value(p, aend, 0)) == NULL)
			return -1;
	}
	if (dict_get(o, end, "/Tabs") != NULL)
		return 0;
	return upd_extend(f, num, " /Tabs /S");
}

/* Content stream num again, its unmarked content as artifacts. */
static int
artifacts(struct fin *f, long num)
{
	const char *o, *end, *v, *lo, *lend, *data;
	struct buf plain = { 0 }, wrapped = { 0 };
	unsigned char *z = NULL;
	uLongf zlen;
	long length;
	int rc = -1;

	if ((o = object(f, num, &end)) == NULL || memcmp(end, "stream", 6) != 0)
		return -1;
	v = dict_get(o, end, "/Filter");
	if (v == NULL || !is_name(v, end, "/FlateDecode") ||
	    dict_get(o, end, "/DecodeParms") != NULL)
		return -1;
	if ((lo = deref(f, dict_get(o, end, "/Length"), end, &lend)) == NULL ||
	    number(&lo, lend, &length) == -1)
		return -1;
	data = end + 6;
	if (*data == '\r')
		data++;
	if (*data++ != '\n' || data + length > f->s + f->x.at)
		return -1;
	if (pdf_inflate(data, (size_t)length, &plain) == -1 ||
	    pdf_artifacts(buf_str(&plain), plain.len, &wrapped) == -1)
		goto out;
	zlen = compressBound(wrapped.len);
	z = xmalloc(zlen);
	if (compress2(z, &zlen, (const unsigned char *)wrapped.data,
	    wrapped.len, 1) != Z_OK)
		goto out;
	upd_begin(f, num);
	buf_printf(&f->body, "<< /Length %lu /Filter /FlateDecode >>\nstream\n",
	    (unsigned long)zlen);
	buf_put(&f->body, z, zlen);
	buf_puts(&f->body, "\nendstream\nendobj\n");
	rc = 0;
out:
	free(z);
	buf_free(&plain);
	buf_free(&wrapped);
	return rc;
}

/*
 * Structure elements: a TH gets /Scope (/Column in a row of headers,
 * /Row beside data cells; PDF/UA-1 7.5), a Note an /ID (7.9) that the
 * tree's /IDTree lists, a Figure (the logo) its /Alt (7.3).
 */
static int
fix_elem(struct fin *f, long num, const char *o, const char *end)
{
	const char *s = dict_get(o, end, "/S"), *p, *po, *pend, *k, *kend,
	    *c, *cend;
	int row = 0;
	long r;
	char extra[96];

	if (is_name(s, end, "/Figure") && f->alt != NULL &&
	    f->alt->figure != NULL && dict_get(o, end, "/Alt") == NULL) {
		struct buf a = { 0 };
		int rc;

		buf_puts(&a, " /Alt ");
		text_string(&a, f->alt->figure, strlen(f->alt->figure));
		rc = upd_extend(f, num, buf_str(&a));
		buf_free(&a);
		return rc;
	}
	if (is_name(s, end, "/Note")) {
		if (dict_get(o, end, "/ID") != NULL)
			return 0;
		f->nnotes++;
		snprintf(extra, sizeof(extra), " /ID (note-%04d)", f->nnotes);
		buf_printf(&f->ids, " (note-%04d) %ld 0 R", f->nnotes, num);
		return upd_extend(f, num, extra);
	}
	if (!is_name(s, end, "/TH") || dict_get(o, end, "/A") != NULL)
		return 0;
	if ((po = object(f, ref_of(dict_get(o, end, "/P"), end), &pend)) ==
	    NULL || (k = dict_get(po, pend, "/K")) == NULL ||
	    (k = deref(f, k, pend, &kend)) == NULL)
		return -1;
	if (*k == '[') {
		for (p = k + 1; !row;) {
			p = skip_ws(p, kend);
			if (p >= kend || *p == ']')
				break;
			if ((r = ref_of(p, kend)) != -1 && (c = object(f, r,
			    &cend)) != NULL)
				row = is_name(dict_get(c, cend, "/S"), cend,
				    "/TD");
			if ((p = skip_value(p, kend, 0)) == NULL)
				return -1;
		}
	}
	snprintf(extra, sizeof(extra), " /A << /O /Table /Scope /%s >>",
	    row ? "Row" : "Column");
	return upd_extend(f, num, extra);
}

static int
by_num(const void *a, const void *b)
{
	long x = ((const struct obj *)a)->num, y = ((const struct obj *)b)->num;

	return x < y ? -1 : x > y;
}

static int
by_off(const void *a, const void *b)
{
	size_t x = ((const struct obj *)a)->off, y = ((const struct obj *)b)->off;

	return x < y ? -1 : x > y;
}

/*
 * The file anew into out: cairo's header, then every object by number,
 * cairo's bytes where it did not change and the new version where it did,
 * one xref table and the trailer.  Nothing superseded stays behind.
 */
static int
write_file(struct fin *f, long root, long info, struct buf *out)
{
	struct obj *old, *o;
	size_t i, n = 0, *at;
	long num;

	if (f->ne > 0)
		f->e[f->ne - 1].end = f->body.len;
	qsort(f->e, f->ne, sizeof(f->e[0]), by_num);
	for (i = 1; i < f->ne; i++)
		if (f->e[i].num == f->e[i - 1].num)
			return -1;
	/* cairo's objects, each up to the next one (or xref) */
	old = xcalloc((size_t)f->x.count, sizeof(*old));
	for (num = 1; num < f->x.count; num++) {
		const char *e = f->s + f->x.entries + (size_t)num * XREF_ENTRY;
		if (e[17] != 'n')
			continue;
		old[n].num = num;
		old[n++].off = (size_t)strtol(e, NULL, 10);
	}
	qsort(old, n, sizeof(*old), by_off);
	for (i = 0; i < n; i++)
		old[i].end = i + 1 < n ? old[i + 1].off : f->x.at;
	if (n == 0 || old[0].off == 0 || old[n - 1].end > f->len) {
		free(old);
		return -1;
	}
	buf_put(out, f->s, old[0].off);	/* %PDF-1.5 and its comment */
	qsort(old, n, sizeof(*old), by_num);
	at = xcalloc((size_t)f->size, sizeof(*at));
	for (num = 1; num < f->size; num++) {
		struct obj key = { .num = num };
		if ((o = bsearch(&key, f->e, f->ne, sizeof(*o), by_num)) !=
		    NULL) {
			at[num] = out->len;
			buf_put(out, f->body.data + o->off, o->end - o->off);
		} else if ((o = bsearch(&key, old, n, sizeof(*o), by_num)) !=
		    NULL) {
			at[num] = out->len;
			buf_put(out, f->s + o->off, o->end - o->off);
		}
	}
	i = out->len;
	buf_printf(out, "xref\n0 %ld\n0000000000 65535 f \n", f->size);
	for (num = 1; num < f->size; num++)
		if (at[num] != 0)
			buf_printf(out, "%010zu 00000 n \n", at[num]);
		else
			buf_puts(out, "0000000000 00000 f \n");
	buf_printf(out, "trailer\n<< /Size %ld\n   /Root %ld 0 R\n", f->size,
	    root);
	if (info != -1)
		buf_printf(out, "   /Info %ld 0 R\n", info);
	buf_printf(out, ">>\nstartxref\n%zu\n%%%%EOF\n", i);
	free(old);
	free(at);
	return 0;
}

static int
finish(struct fin *f, const char *lang, const struct dev_info *in)
{
	const char *t, *tend = f->s + f->len, *o, *end, *v;
	struct buf extra = { 0 };
	long root, info, num, meta;
	int rc = -1;

	t = f->s + f->x.trailer + 7;
	if ((root = ref_of(dict_get(t, tend, "/Root"), tend)) == -1 ||
	    (o = object(f, root, &end)) == NULL ||
	    !is_name(dict_get(o, end, "/Type"), end, "/Catalog") ||
	    dict_get(o, end, "/Lang") != NULL ||
	    dict_get(o, end, "/Metadata") != NULL ||
	    dict_get(o, end, "/ViewerPreferences") != NULL)
		return -1;
	info = ref_of(dict_get(t, tend, "/Info"), tend);
	if ((v = dict_get(t, tend, "/Size")) == NULL ||
	    number(&v, tend, &f->size) == -1 || f->size < f->x.count)
		return -1;
	/* pages first: object() reads cairo's objects only */
	if ((v = dict_get(o, end, "/Pages")) != NULL) {
		const char *po, *pend, *k;

		if ((po = object(f, ref_of(v, end), &pend)) == NULL ||
		    (k = dict_get(po, pend, "/Kids")) == NULL || *k != '[')
			return -1;
		for (k++;;) {
			k = skip_ws(k, pend);
			if (k >= pend || *k == ']')
				break;
			if ((num = ref_of(k, pend)) == -1 || fix_page(f, num) ==
			    -1 || (k = skip_value(k, pend, 0)) == NULL)
				return -1;
		}
	}
	for (num = 1; num < f->x.count; num++) {
		const char *e, *eend;

		if ((e = object(f, num, &eend)) != NULL && is_name(dict_get(e,
		    eend, "/Type"), eend, "/StructElem") && fix_elem(f, num, e,
		    eend) == -1)
			return -1;
	}
	if (f->nnotes > 0) {
		const char *r, *rend;

		num = ref_of(dict_get(o, end, "/StructTreeRoot"), end);
		if ((r = object(f, num, &rend)) == NULL || dict_get(r, rend,
		    "/IDTree") != NULL)
			goto out;
		buf_printf(&extra, " /IDTree << /Names [%s ] >>",
		    buf_str(&f->ids));
		if (upd_extend(f, num, buf_str(&extra)) == -1)
			goto out;
	}
	meta = f->size++;
	xmp(f, meta, lang, in);
	buf_reset(&extra);
	buf_printf(&extra, " /Lang (%s)", lang);
	if (dict_get(o, end, "/MarkInfo") == NULL)
		buf_puts(&extra, " /MarkInfo << /Marked true >>");
	buf_printf(&extra, " /Metadata %ld 0 R /ViewerPreferences "
	    "<< /DisplayDocTitle true >>", meta);
	if (upd_extend(f, root, buf_str(&extra)) == -1)
		goto out;
	rc = write_file(f, root, info, &f->out);
out:
	buf_free(&extra);
	return rc;
}

int
pdf_finish(struct buf *pdf, const char *lang, const struct dev_info *in,
    const struct pdf_alt *alt)
{
	struct fin f = { 0 };
	int rc;

	f.s = buf_str(pdf);
	f.len = pdf->len;
	f.alt = alt;
	f.used = xcalloc(alt != NULL && alt->n > 0 ? alt->n : 1, 1);
	rc = f.len == 0 || f.s[f.len - 1] != '\n' || read_xref(f.s, f.len,
	    &f.x) == -1 ? -1 : finish(&f, lang, in);
	if (rc == 0) {
		buf_free(pdf);
		*pdf = f.out;
		f.out.data = NULL;
	}
	buf_free(&f.out);
	buf_free(&f.body);
	buf_free(&f.ids);
	free(f.e);
	free(f.used);
	return rc;
}

void
pdf_alt_free(struct pdf_alt *a)
{
	size_t i;

	for (i = 0; i < a->n; i++) {
		free(a->v[i].target);
		free(a->v[i].text);
	}
	free(a->v);
	a->v = NULL;
	a->n = a->cap = 0;
}
