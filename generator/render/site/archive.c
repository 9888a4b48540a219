/* A school's archive page: out/<id>/versies.html, every adopted version. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "base/base.h"
#include "model/model.h"
#include "render/page/page.h"
#include "render/site/site.h"

static void
date_el(xmlNodePtr parent, const char *iso)
{
	struct buf b = { 0 };

	date_format_nl(iso, &b);
	h_attr(h_el_text(parent, "time", NULL, buf_str(&b)), "datetime", iso);
	buf_free(&b);
}

/* "Instemming" for "instemming": a term as a list label. */
static char *
capitalised(const char *s)
{
	char *c = xstrdup(s);

	if (c[0] >= 'a' && c[0] <= 'z')
		c[0] = (char)(c[0] - 'a' + 'A');
	return c;
}

/* Every approval step as "Instemming: 10 juni 2025 (MR)", then the date in force. */
static void
version_facts(xmlNodePtr item, const struct site_version *v)
{
	xmlNodePtr dl = h_el(item, "dl", "site-facts"), dd;
	size_t i;
	char *term, *who;

	for (i = 0; i < v->nsteps; i++) {
		term = capitalised(trx("act", v->steps[i].act));
		h_el_text(dl, "dt", NULL, term);
		dd = h_el(dl, "dd", NULL);
		date_el(dd, v->steps[i].date);
		who = xasprintf(" (%s)", v->steps[i].body);
		h_text(dd, who);
		free(who);
		free(term);
	}
	if (v->effective != NULL) {
		h_el_text(dl, "dt", NULL, tr("meta.effective"));
		date_el(h_el(dl, "dd", NULL), v->effective);
	}
}

/* A link whose screen-reader text names the version too. */
static void
version_link(xmlNodePtr ul, const char *href, const char *label,
    const char *version)
{
	xmlNodePtr a = h_link(h_el(ul, "li", NULL), href, label);
	char *hidden = xasprintf(", %s %s", tr("meta.version.short"), version);

	h_el_text(a, "span", "visually-hidden", hidden);
	free(hidden);
}

static void
version_links(xmlNodePtr item, const struct site_version *v)
{
	xmlNodePtr ul = h_el(item, "ul", "site-links");
	char *label, *aria, *what;

	aria = xasprintf("%s %s", tr("archive.documents"), v->version);
	h_attr(ul, "aria-label", aria);
	free(aria);
	version_link(ul, v->html, tr("site.file.protocol.html"), v->version);
	if (v->pdf != NULL)
		version_link(ul, v->pdf, tr("site.file.protocol.pdf"),
		    v->version);
	if (v->docx != NULL)
		version_link(ul, v->docx, tr("site.file.protocol.docx"),
		    v->version);
	if (v->odt != NULL)
		version_link(ul, v->odt, tr("site.file.protocol.odt"),
		    v->version);
	if (v->diff == NULL)
		return;
	what = capitalised(tr("diff.site.label"));
	label = xasprintf("%s %s", what, v->prev);
	version_link(ul, v->diff, label, v->version);
	free(label);
	if (v->diff_pdf != NULL) {
		label = xasprintf("%s %s (%s)", what, v->prev,
		    tr("site.history.pdf"));
		version_link(ul, v->diff_pdf, label, v->version);
		free(label);
	}
	if (v->diff_docx != NULL) {
		label = xasprintf("%s %s (%s)", what, v->prev,
		    tr("site.history.docx"));
		version_link(ul, v->diff_docx, label, v->version);
		free(label);
	}
	free(what);
}

static void
render_version(xmlNodePtr list, const struct site_version *v)
{
	xmlNodePtr item = h_el(list, "li", "site-school-item"), h;
	char id[96], *title;

	snprintf(id, sizeof(id), "versie-%s", v->version);
	h_attr(item, "id", id);
	title = xasprintf("%s %s", tr("archive.version"), v->version);
	h = h_el_text(item, "h2", NULL, title);
	free(title);
	h_text(h, " ");
	h_el_text(h, "span", v->in_force ? "site-in-force" : "site-replaced",
	    v->in_force ? tr("archive.in-force") : tr("archive.replaced"));
	version_facts(item, v);
	version_links(item, v);
}

int
site_archive_render(const struct document *d, const struct site_version *v,
    size_t n, struct buf *out)
{
	const struct doc_meta *m = &d->meta;
	struct page *p;
	xmlNodePtr slot, list;
	struct buf b = { 0 };
	size_t i;

	if ((p = page_new("archive.html")) == NULL)
		return -1;
	buf_printf(&b, "%s \xE2\x80\x93 %s \xE2\x80\x93 %s", tr("archive.title"),
	    m->title, m->school);
	if ((slot = page_slot(p, "title")) != NULL)
		h_text(slot, buf_str(&b));
	if ((slot = page_slot(p, "description")) != NULL)
		h_attr(slot, "content", buf_str(&b));
	if ((slot = page_slot(p, "header")) != NULL) {
		h_el_text(slot, "p", "kicker", m->school);
		h_el_text(slot, "h1", NULL, tr("archive.title"));
		h_el_text(slot, "p", "site-subtitle", m->title);
	}
	if ((slot = page_slot(p, "main")) != NULL) {
		h_el_text(slot, "p", "site-intro", tr("archive.intro"));
		list = h_el(slot, "ol", "site-schools site-versions");
		for (i = 0; i < n; i++)
			render_version(list, &v[i]);
		h_link(h_el(slot, "p", "site-back"), "../index.html",
		    tr("archive.back"));
	}
	if ((slot = page_slot(p, "footer")) != NULL)
		h_el_text(slot, "p", NULL, tr("site.footer"));
	page_serialize(p, out);
	page_free(p);
	buf_free(&b);
	return 0;
}
