/* The zip writer of the Word and OpenDocument packages (render/office). */
#include <zip.h>

#include "base/base.h"
#include "render/office/office.h"
#include "tap.h"

static struct buf msgs;

static int
make(const char *date, struct buf *out)
{
	struct zipw *z = zipw_open(date);

	if (z == NULL)
		return -1;
	if (zipw_add(z, "mimetype", "application/vnd.oasis.opendocument.text",
	    39, 1) == -1 ||
	    zipw_add(z, "content.xml", "<a>hallo hallo hallo hallo</a>", 30,
	    0) == -1) {
		zipw_discard(z);
		return -1;
	}
	return zipw_close(z, out);
}

static unsigned
le16(const struct buf *b, size_t at)
{
	return (unsigned char)b->data[at] | (unsigned char)b->data[at + 1] << 8;
}

int
main(void)
{
	struct buf a = { 0 }, b = { 0 }, c = { 0 }, part = { 0 };
	zip_source_t *src;
	zip_t *zip;
	zip_file_t *f;
	zip_stat_t st;
	zip_error_t e;
	char data[64];
	zip_int64_t n;

	diag_capture(&msgs);
	INT_EQ(make("2026-08-01", &a), 0, "an archive is written");
	INT_EQ(make("2026-08-01", &b), 0, "and again");
	OK(a.len == b.len && memcmp(a.data, b.data, a.len) == 0,
	    "the same parts give the same bytes");
	INT_EQ(make("2025-08-01", &c), 0, "with another date");
	OK(a.len == c.len && memcmp(a.data, c.data, a.len) != 0,
	    "the date is in the entries");
	OK(a.len > 38 && memcmp(a.data, "PK\3\4", 4) == 0,
	    "a local file header first");
	INT_EQ(le16(&a, 8), 0, "the first entry is stored");
	INT_EQ(le16(&a, 28), 0, "with no extra field");
	OK(memcmp(a.data + 30, "mimetypeapplication/vnd.oasis", 29) == 0,
	    "mimetype first, its bytes right after its name");
	INT_EQ(le16(&a, 12), (2026 - 1980) << 9 | 8 << 5 | 1,
	    "the DOS date of 2026-08-01");

	zip_error_init(&e);
	src = zip_source_buffer_create(a.data, a.len, 0, &e);
	zip = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS,
	    &e) : NULL;
	OK(zip != NULL, "libzip reads it back, consistency checked");
	if (zip != NULL) {
		INT_EQ(zip_get_num_entries(zip, 0), 2, "two entries");
		zip_stat_init(&st);
		OK(zip_stat_index(zip, 1, 0, &st) == 0 &&
		    strcmp(st.name, "content.xml") == 0 &&
		    st.comp_method == ZIP_CM_DEFLATE,
		    "the second is content.xml, deflated");
		f = zip_fopen_index(zip, 1, 0);
		n = f ? zip_fread(f, data, sizeof(data)) : -1;
		if (f)
			zip_fclose(f);
		if (n > 0)
			buf_put(&part, data, (size_t)n);
		STR_EQ(buf_str(&part), "<a>hallo hallo hallo hallo</a>",
		    "its text inflates back");
		zip_close(zip);
	}
	zip_error_fini(&e);
	INT_EQ(make("no date", &c), 0, "a bad date");
	buf_reset(&c);
	INT_EQ(make(NULL, &c), 0, "no date");
	INT_EQ(le16(&c, 12), 0 << 9 | 1 << 5 | 1, "is 1980-01-01");
	STR_EQ(buf_str(&msgs), "", "nothing reported");
	buf_free(&a);
	buf_free(&b);
	buf_free(&c);
	buf_free(&part);
	return tap_done();
}
