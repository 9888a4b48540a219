/* The look of a document: what its backends share about the logo. */
#include "model/model.h"
#include "base/base.h"

void
doc_logo_alt(const struct doc_meta *m, struct buf *out)
{
	const struct look *lk = m->look;

	if (lk != NULL && lk->logo_alt != NULL) {
		buf_puts(out, lk->logo_alt);
		return;
	}
	buf_printf(out, "%s %s", tr("look.logo.alt"), lk != NULL &&
	    lk->logo_own ? m->school : m->board);
}
