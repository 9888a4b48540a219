/* libFuzzer harness: outline files (sections, clause lines, "?"/"!"
 * markers, comments), on their own so the corpus grows from real outlines
 * rather than from clause files. */
#include <stddef.h>
#include <stdint.h>

#include "base/base.h"
#include "library/library.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct buf msgs;
	static int ready;
	struct outline *o;

	if (!ready) {
		diag_capture(&msgs);
		ready = 1;
	}
	buf_reset(&msgs);
	diag_reset();
	if ((o = outline_parse("f.outline", "f", (const char *)data,
	    size)) != NULL)
		outline_free(o);
	return 0;
}
