/*
 * PDF backend: a page's content stream with what no structure element
 * holds marked as an artifact, for pdf_catalog.c's finished file.
 */
#include <stdint.h>
#include <string.h>

#include <zlib.h>

#include "render/pdf/pdf.h"
#include "base/base.h"

/* Does line l (n bytes) end in the operator op? */
static int
ends_op(const char *l, size_t n, const char *op)
{
	size_t k = strlen(op);

	return n >= k && memcmp(l + n - k, op, k) == 0 && (n == k ||
	    l[n - k - 1] == ' ');
}

/*
 * Content outside every marked-content sequence (running header and
 * footer, rules, table tints, the CONCEPT mark, repeated header rows) as
 * /Artifact (PDF/UA-1 7.1): cairo 1.16 writes an operator's line at a
 * time and opens its marked content (/Tag << /MCID n >> BDC ... EMC)
 * outside text objects; each run of lines between them is wrapped, its
 * own q and Q left outside so that both stay balanced.  Inside a text
 * object cairo nests a no-break space's /Span << /ActualText >> in what it
 * is drawn in: a tagged sequence, or a run of untagged text, whose
 * artifact then holds it.
 */
int
pdf_artifacts(const char *s, size_t len, struct buf *out)
{
	size_t i, j, n;
	int depth = 0, bt = 0, run = 0;
	const char *l;

	for (i = 0; i < len; i = j + 1) {
		for (j = i; j < len && s[j] != '\n'; j++)
			continue;
		l = s + i;
		n = j - i;
		if (ends_op(l, n, "BDC") || ends_op(l, n, "BMC")) {
			if (l[0] != '/')
				return -1;	/* not on a line of its own */
			if (bt && run && str_starts(l, "/Span ") &&
			    memmem(l, n, "/MCID", 5) == NULL) {
				/* a glyph's /ActualText in untagged text:
				   nested in the artifact, which stays open */
				depth++;
				buf_put(out, l, n);
				buf_putc(out, '\n');
				continue;
			}
			if (bt && run)
				return -1;	/* would split an artifact
						   inside a text object */
			if (run)
				buf_puts(out, "EMC\n");
			run = 0;
			depth++;
		} else if (ends_op(l, n, "EMC")) {
			if (n != 3 || depth-- == 0)
				return -1;
		} else if (depth == 0 && n == 1 && (*l == 'q' || *l == 'Q')) {
			if (run && !bt) {
				buf_puts(out, "EMC\n");
				run = 0;
			}
		} else if (depth == 0 && n > 0 && !run) {
			buf_puts(out, "/Artifact BMC\n");
			run = 1;
		}
		buf_put(out, l, n);
		buf_putc(out, '\n');
		if (ends_op(l, n, "BT"))
			bt = 1;
		else if (ends_op(l, n, "ET"))
			bt = 0;
	}
	if (run)
		buf_puts(out, "EMC\n");
	return depth == 0 && !bt ? 0 : -1;
}

int
pdf_inflate(const char *in, size_t len, struct buf *out)
{
	z_stream z = { 0 };
	unsigned char chunk[16384];
	int zr;

	if (inflateInit(&z) != Z_OK)
		return -1;
	z.next_in = (unsigned char *)(uintptr_t)in;
	z.avail_in = (uInt)len;
	do {
		z.next_out = chunk;
		z.avail_out = sizeof(chunk);
		zr = inflate(&z, Z_NO_FLUSH);
		if (zr != Z_OK && zr != Z_STREAM_END) {
			inflateEnd(&z);
			return -1;
		}
		buf_put(out, chunk, sizeof(chunk) - z.avail_out);
	} while (zr != Z_STREAM_END);
	inflateEnd(&z);
	return 0;
}
