/* The schoolgids section's findings, reported once per school. */
#include <stddef.h>

#include "base/base.h"
#include "check/check.h"
#include "model/model.h"

int
schoolgids_check(const struct document *d)
{
	const struct schoolgids *sg = d->schoolgids;
	int errors = 0;
	size_t i;

	for (i = 0; sg != NULL && i < sg->nfindings; i++) {
		const struct sg_finding *f = &sg->findings[i];
		diag(f->level, f->file, f->line, "%s", f->msg);
		errors += f->level == DIAG_ERROR;
	}
	return errors;
}
