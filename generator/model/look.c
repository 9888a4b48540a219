/*
 * The look of a document: what its backends share about the logo and the
 * footer's status line.
 */
#include <string.h>

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

/* The footer's status line: "Vastgesteld op 26 november 2019 · revisie ..." */
void
doc_status_line(const struct doc_meta *m, struct buf *b)
{
	buf_puts(b, trx("status", m->status));
	if (b->len > 0 && b->data[0] >= 'a' && b->data[0] <= 'z')
		b->data[0] = (char)(b->data[0] - 'a' + 'A');
	if (m->adopted != NULL && strcmp(m->status, "vastgesteld") == 0) {
		buf_printf(b, " %s ", tr("footer.on"));
		date_format_nl(m->adopted, b);
	}
	if (m->review != NULL) {
		buf_printf(b, " \xC2\xB7 %s ", tr("footer.review"));
		date_format_nl(m->review, b);
	}
}
