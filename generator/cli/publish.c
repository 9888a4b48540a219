/* What a build publishes of a school, and what it only previews. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "cli/cli.h"
#include "model/model.h"
#include "render/render.h"
#include "render/site/site.h"
#include "revisions/html/diffhtml.h"
#include "revisions/pdf/pdf_redline.h"
#include "revisions/docx/docx_redline.h"
#include "revisions/revisions.h"

#define ARCHIVE_PAGE	"versies.html"

/* A new file of f named name (taken over); fill its data. */
static struct buf *
out_add(struct out_files *f, char *name)
{
	f->v = xreallocarray(f->v, f->n + 1, sizeof(*f->v));
	memset(&f->v[f->n], 0, sizeof(*f->v));
	f->v[f->n].name = name;
	return &f->v[f->n++].data;
}

void
out_files_free(struct out_files *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		free(f->v[i].name);
		buf_free(&f->v[i].data);
	}
	free(f->v);
	memset(f, 0, sizeof(*f));
}

/*
 * The redline from a to b as three files: diff-A-B.html, and the PDF and
 * the Word file beside it.  Return 0, or -1 after reporting.
 */
static int
redline_add(struct out_files *f, const struct revdoc *a,
    const struct revdoc *b, const struct doc_meta *look)
{
	struct redline *rl = redline_build(a, b);
	int rc = 0;

	rl->look = look;

	if (diffhtml_render(rl, 0, out_add(f, xasprintf("diff-%s-%s.html",
	    a->version, b->version))) == -1)
		rc = -1;
	if (pdf_redline(rl, 0, out_add(f, xasprintf("diff-%s-%s.pdf",
	    a->version, b->version))) == -1)
		rc = -1;
	if (docx_redline(rl, look != NULL ? look->redline_author : NULL,
	    out_add(f, xasprintf("diff-%s-%s.docx", a->version,
	    b->version))) == -1)
		rc = -1;
	redline_free(rl);
	return rc;
}

/*
 * Every backend's output of d, named prefix + its file; with only set,
 * those whose file starts with it: "protocol." (an archived version has no
 * schoolgids section of its own), "schoolgids" (a follower has no protocol
 * of its own).  Return 0, or -1 after reporting.
 */
static int
render_into(struct out_files *f, const struct document *d, const char *prefix,
    const char *only)
{
	const struct backend *be;
	size_t i;

	for (i = 0; i < RENDER_NBACKENDS; i++) {
		be = &render_backends[i];
		if (only != NULL && !str_starts(be->file, only))
			continue;
		if (be->render(d, out_add(f, xasprintf("%s%s", prefix,
		    be->file))) == -1)
			return -1;
	}
	return 0;
}

/* The frozen revisions of s that are adopted (vastgesteld), oldest first. */
static size_t
adopted_list(const struct revset *s, const struct frozen ***out)
{
	const struct frozen **v = xcalloc(s->nfrozen + 1, sizeof(*v));
	const char *st;
	size_t i, n = 0;

	for (i = 0; i < s->nfrozen; i++)
		if ((st = revdoc_meta(s->frozen[i].rev, "status")) != NULL &&
		    strcmp(st, "vastgesteld") == 0)
			v[n++] = &s->frozen[i];
	*out = v;
	return n;
}

/* versies.html: docs[0..n) the adopted versions, oldest first. */
static int
archive_page(struct out_files *f, struct document **docs, size_t n)
{
	struct site_version *v = xcalloc(n + 1, sizeof(*v));
	char **names = xcalloc(7 * n + 1, sizeof(*names));
	size_t i, k;
	int rc;

	for (i = 0; i < n; i++) {	/* newest first */
		const struct doc_meta *m = &docs[n - 1 - i]->meta;
		k = 7 * i;
		v[i].version = m->version;
		v[i].steps = m->steps;
		v[i].nsteps = m->nsteps;
		v[i].effective = m->effective;
		v[i].in_force = i == 0;
		if (i == 0) {
			v[i].html = "protocol.html";
			v[i].pdf = "protocol.pdf";
			v[i].docx = "protocol.docx";
			v[i].odt = "protocol.odt";
		} else {
			v[i].html = names[k] = xasprintf("versie-%s/protocol."
			    "html", m->version);
			v[i].pdf = names[k + 1] = xasprintf("versie-%s/"
			    "protocol.pdf", m->version);
			v[i].odt = names[k + 5] = xasprintf("versie-%s/"
			    "protocol.odt", m->version);
			v[i].docx = names[k + 6] = xasprintf("versie-%s/"
			    "protocol.docx", m->version);
		}
		if (i + 1 < n) {
			v[i].prev = docs[n - 2 - i]->meta.version;
			v[i].diff = names[k + 2] = xasprintf("diff-%s-%s.html",
			    v[i].prev, m->version);
			v[i].diff_pdf = names[k + 3] = xasprintf("diff-%s-%s.pdf",
			    v[i].prev, m->version);
			v[i].diff_docx = names[k + 4] = xasprintf("diff-%s-%s."
			    "docx", v[i].prev, m->version);
		}
	}
	rc = site_archive_render(docs[n - 1], v, n, out_add(f,
	    xstrdup(ARCHIVE_PAGE)));
	for (i = 0; i < 7 * n; i++)
		free(names[i]);
	free(names);
	free(v);
	return rc;
}

/*
 * The published folder: the version in force (every backend), each older
 * adopted version in versie-X/ (the protocol), the redlines between
 * consecutive adopted versions and the archive page.  Each is rendered from
 * its frozen text.
 */
static int
publish_adopted(struct run *r, struct school_run *sr,
    const struct frozen **a, size_t n)
{
	struct document **docs = xcalloc(n + 1, sizeof(*docs));
	char *prefix;
	size_t i;
	int errors = 0;

	for (i = 0; i < n; i++)
		docs[i] = revdoc_document(a[i]->rev, sr->d, &r->lib,
		    &r->cfg.national);
	sr->inforce = docs[n - 1];
	if (render_into(&sr->pub, sr->inforce, "", NULL) == -1)
		errors++;
	for (i = 0; errors == 0 && i + 1 < n; i++) {
		prefix = xasprintf("versie-%s/", docs[i]->meta.version);
		if (render_into(&sr->pub, docs[i], prefix, "protocol.") == -1)
			errors++;
		free(prefix);
	}
	for (i = 1; errors == 0 && i < n; i++)
		if (redline_add(&sr->pub, a[i - 1]->rev, a[i]->rev,
		    &sr->d->meta) == -1)
			errors++;
	if (errors == 0 && archive_page(&sr->pub, docs, n) == -1)
		errors++;
	for (i = 0; i + 1 < n; i++)
		revdoc_document_free(docs[i]);
	free(docs);
	return errors > 0 ? -1 : 0;
}

/*
 * The preview: the current text when it is not adopted (every page marked
 * with its status), and its redline against the version in force.
 */
static int
publish_draft(struct school_run *sr, const struct frozen *inforce)
{
	struct revdoc *cur;
	int rc = 0;

	if (render_into(&sr->preview, sr->d, "", NULL) == -1)
		return -1;
	if (inforce != NULL) {
		cur = revdoc_draft(sr->d);
		rc = redline_add(&sr->preview, inforce->rev, cur,
		    &sr->d->meta);
		revdoc_free(cur);
	}
	return rc;
}

/*
 * base as the schoolgids text of follower d: the board protocol's text
 * under the follower's name, with its own channels and site; the section
 * built again.
 */
static void
as_follower(struct document *base, const struct document *d)
{
	struct doc_meta *m = &base->meta;

	m->school_id = d->meta.school_id;
	m->school = d->meta.school;
	m->school_short = d->meta.school_short;
	m->place = d->meta.place;
	m->website = d->meta.website;
	m->protocol_url = d->meta.protocol_url;
	m->follows = d->meta.follows;
	m->follows_name = d->meta.follows_name;
	base->channels = d->channels;
	base->nchannels = d->nchannels;
	schoolgids_free(base->schoolgids);
	base->schoolgids = schoolgids_build(base);
}

/*
 * A follower: only its schoolgids section, made from the board protocol's
 * version in force (its frozen text) with the follower's name and
 * channels; while the board protocol has a draft, its preview from that
 * draft (sr->leader), marked as such.
 */
static int
publish_follower(struct run *r, struct school_run *sr,
    const struct frozen **a, size_t n)
{
	if (n > 0) {
		sr->inforce = revdoc_document(a[n - 1]->rev, sr->d, &r->lib,
		    &r->cfg.national);
		as_follower(sr->inforce, sr->d);
		if (render_into(&sr->pub, sr->inforce, "", "schoolgids") == -1)
			return -1;
	}
	if (sr->leader->meta.draft) {
		as_follower(sr->leader, sr->d);
		if (render_into(&sr->preview, sr->leader, "",
		    "schoolgids") == -1)
			return -1;
	}
	return 0;
}

int
publish_school(struct run *r, struct school_run *sr)
{
	const struct frozen **a;
	size_t n = adopted_list(&sr->revs, &a);
	int rc = 0;

	if (sr->d->meta.follows != NULL) {
		rc = publish_follower(r, sr, a, n);
		free(a);
		return rc;
	}
	if (n > 0)
		rc = publish_adopted(r, sr, a, n);
	if (rc == 0 && sr->d->meta.draft)
		rc = publish_draft(sr, n > 0 ? a[n - 1] : NULL);
	free(a);
	return rc;
}
