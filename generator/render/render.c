/* The table of backends, and rendering one school through all of them. */
#include <stddef.h>

#include "base/base.h"
#include "model/model.h"
#include "render/html/html.h"
#include "render/json/json.h"
#include "render/md/md.h"
#include "render/office/docx.h"
#include "render/office/odt.h"
#include "render/pdf/pdf.h"
#include "render/render.h"
#include "render/schoolgids/schoolgids.h"

const struct backend render_backends[RENDER_NBACKENDS] = {
	{ "protocol.html",	html_render,	html_deps },
	{ "protocol.md",	md_render,	NULL },
	{ "protocol.pdf",	pdf_render,	pdf_deps },
	{ "protocol.json",	json_render,	NULL },
	{ "schoolgids.html",	schoolgids_html, schoolgids_html_deps },
	{ "schoolgids-fragment.html", schoolgids_fragment, NULL },
	{ "schoolgids.md",	schoolgids_md,	NULL },
	{ "schoolgids.pdf",	pdf_schoolgids,	pdf_deps },
	{ "protocol.docx",	docx_protocol,	NULL },
	{ "schoolgids.docx",	docx_schoolgids, NULL },
	{ "protocol.odt",	odt_render,	NULL },
	{ "schoolgids.odt",	odt_schoolgids,	NULL },
};

int
render_all(const struct document *d, struct buf *out)
{
	size_t i;

	for (i = 0; i < RENDER_NBACKENDS; i++)
		if (render_backends[i].render(d, &out[i]) == -1)
			return -1;
	return 0;
}

int
render_deps(void (*fn)(void *, const char *), void *arg)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < RENDER_NBACKENDS; i++)
		if (render_backends[i].deps != NULL &&
		    render_backends[i].deps(fn, arg) == -1)
			rc = -1;
	return rc;
}
