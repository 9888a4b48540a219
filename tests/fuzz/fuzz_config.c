/* libFuzzer harness: the config sandbox (Lua text → value tree) and the
 * position scanner, on arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "config/config.h"
#include "base/base.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct buf msgs;
	static int ready;
	struct luapos pos = { 0 };
	struct cval *v = NULL;

	if (!ready) {
		diag_capture(&msgs);
		ready = 1;
	}
	buf_reset(&msgs);
	diag_reset();
	config_run_buffer("f.lua", (const char *)data, size, "school", &v);
	cval_free(v);
	luapos_scan(&pos, (const char *)data, size, "school");
	luapos_line(&pos, "channels[1].url");
	luapos_free(&pos);
	return 0;
}
