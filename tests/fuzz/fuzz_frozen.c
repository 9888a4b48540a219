/* libFuzzer harness: frozen revisions (front matter, config values,
 * register lines, clause markers, footnotes) read without and with the
 * content hash; what parses is compared with itself and with a real
 * revision, as the redline does, and the redline dumped. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "base/base.h"
#include "revisions/revisions.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
compare(const struct revdoc *a, const struct revdoc *b, struct buf *dump)
{
	struct redline *rl = redline_build(a, b);

	if (rl == NULL)
		return;
	buf_reset(dump);
	redline_dump(rl, dump);
	redline_free(rl);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct buf msgs, dump;
	static struct revdoc *real;
	struct revdoc *r;

	if (real == NULL) {
		struct buf text = { 0 };

		diag_capture(&msgs);
		if (text_load("templates/nl.strings") == -1)
			abort();
		/* run from the project root, like `make fuzz` */
		if (file_read("tests/fixtures/look/schools/kleur/de-regenboog/revisions/1.0.md",
		    &text) == -1 ||
		    (real = revdoc_parse("real.md", buf_str(&text), text.len,
		    1)) == NULL)
			abort();
		buf_free(&text);
	}
	buf_reset(&msgs);
	diag_reset();
	if ((r = revdoc_parse("f.md", (const char *)data, size, 1)) != NULL)
		revdoc_free(r);
	if ((r = revdoc_parse("f.md", (const char *)data, size, 0)) != NULL) {
		compare(r, r, &dump);
		compare(real, r, &dump);
		compare(r, real, &dump);
		revdoc_free(r);
	}
	return 0;
}
