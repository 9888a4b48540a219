/*
 * A zip writer on libzip, in memory.  libzip (Debian libzip-dev) rather
 * than our own deflate framing: it writes the central directory, ZIP64
 * and CRCs correctly and is what LibreOffice-era tools are tested against.
 * Every entry gets the same DOS date and Unix mode and no extra fields, so
 * the archive is a function of its parts alone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "base/base.h"
#include "render/office/office.h"

struct zipw {
	zip_source_t	*src;
	zip_t		*zip;
	zip_uint16_t	 dostime, dosdate;
};

static void
zip_fail(const char *what, zip_error_t *e)
{
	diag(DIAG_ERROR, NULL, 0, "cannot write a zip package (%s): %s", what,
	    zip_error_strerror(e));
}

/* The DOS date of ISO date at midnight (1980-01-01 when it is not one). */
static zip_uint16_t
dos_date(const char *iso)
{
	int y, m, d;
	char rest;

	if (iso == NULL || sscanf(iso, "%4d-%2d-%2d%c", &y, &m, &d,
	    &rest) != 3 || y < 1980 || y > 2107 || m < 1 || m > 12 ||
	    d < 1 || d > 31)
		return (0 << 9) | (1 << 5) | 1;
	return (zip_uint16_t)(((y - 1980) << 9) | (m << 5) | d);
}

struct zipw *
zipw_open(const char *date)
{
	struct zipw *z = xcalloc(1, sizeof(*z));
	zip_error_t e;

	zip_error_init(&e);
	z->src = zip_source_buffer_create(NULL, 0, 0, &e);
	if (z->src == NULL) {
		zip_fail("memory", &e);
		goto fail;
	}
	zip_source_keep(z->src);	/* outlives zip_close() */
	z->zip = zip_open_from_source(z->src, ZIP_TRUNCATE, &e);
	if (z->zip == NULL) {
		zip_fail("open", &e);
		zip_source_free(z->src);
		goto fail;
	}
	z->dosdate = dos_date(date);
	z->dostime = 0;
	zip_error_fini(&e);
	return z;
fail:
	zip_error_fini(&e);
	free(z);
	return NULL;
}

int
zipw_add(struct zipw *z, const char *name, const void *data, size_t len,
    int store)
{
	zip_source_t *s;
	zip_int64_t i;
	void *copy = xmalloc(len > 0 ? len : 1);

	memcpy(copy, data, len);
	s = zip_source_buffer(z->zip, copy, len, 1);
	if (s == NULL) {
		free(copy);
		zip_fail(name, zip_get_error(z->zip));
		return -1;
	}
	i = zip_file_add(z->zip, name, s, ZIP_FL_ENC_UTF_8);
	if (i < 0) {
		zip_source_free(s);
		zip_fail(name, zip_get_error(z->zip));
		return -1;
	}
	if (zip_set_file_compression(z->zip, (zip_uint64_t)i,
	    store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, store ? 0 : 9) == -1 ||
	    zip_file_set_dostime(z->zip, (zip_uint64_t)i, z->dostime,
	    z->dosdate, 0) == -1 ||
	    zip_file_set_external_attributes(z->zip, (zip_uint64_t)i, 0,
	    ZIP_OPSYS_UNIX, 0100644u << 16) == -1) {
		zip_fail(name, zip_get_error(z->zip));
		return -1;
	}
	return 0;
}

int
zipw_add_buf(struct zipw *z, const char *name, const struct buf *b,
    int store)
{
	return zipw_add(z, name, b->data != NULL ? b->data : "", b->len,
	    store);
}

int
zipw_close(struct zipw *z, struct buf *out)
{
	zip_stat_t st;
	zip_int64_t n;
	char chunk[8192];
	int rc = -1;

	if (zip_close(z->zip) == -1) {
		zip_fail("close", zip_get_error(z->zip));
		zip_discard(z->zip);
		goto done;
	}
	zip_stat_init(&st);
	if (zip_source_stat(z->src, &st) == -1 ||
	    zip_source_open(z->src) == -1) {
		zip_fail("read back", zip_source_error(z->src));
		goto done;
	}
	while ((n = zip_source_read(z->src, chunk, sizeof(chunk))) > 0)
		buf_put(out, chunk, (size_t)n);
	if (n < 0)
		zip_fail("read back", zip_source_error(z->src));
	else
		rc = 0;
	zip_source_close(z->src);
done:
	zip_source_free(z->src);
	free(z);
	return rc;
}

void
zipw_discard(struct zipw *z)
{
	if (z == NULL)
		return;
	zip_discard(z->zip);
	zip_source_free(z->src);
	free(z);
}
