/*
 * make bench: milliseconds per school for each stage and output, in one
 * process that loads the project, fonts and templates once (as a build
 * worker does).  Prints figures; never judges them.
 *   bench_build ROOT TEMPLATES [MAX]      every stage, MAX schools spread
 *                                        over the project (default all)
 *   bench_build ROOT TEMPLATES --pdf ID [ROUNDS]
 *                                        protocol.pdf of school ID, ROUNDS
 *                                        times after one warm-up
 *   bench_build ROOT TEMPLATES --adopt MAX
 *                                        adopt (freeze) the current
 *                                        revision of up to MAX schools spread
 *                                        over the project, for the redline
 * The stage "diff" is what a build adds for a school with a frozen revision
 * (revision_outputs(): verify it, render the redlines as HTML and PDF); it
 * is timed for the schools of the sample that have one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check/check.h"
#include "config/config.h"
#include "base/base.h"
#include "model/model.h"
#include "render/html/html.h"
#include "render/page/page.h"
#include "render/json/json.h"
#include "library/library.h"
#include "render/md/md.h"
#include "render/office/docx.h"
#include "render/office/odt.h"
#include "render/pdf/pdf.h"
#include "revisions/revisions.h"
#include "render/schoolgids/schoolgids.h"
#include "revisions/html/diffhtml.h"
#include "revisions/docx/docx_redline.h"
#include "revisions/pdf/pdf_redline.h"

#include "bench.h"

static const struct stage {
	const char	*name;
	int		(*render)(const struct document *, struct buf *);
} stages[] = {
	{ "html", html_render },
	{ "md", md_render },
	{ "pdf", pdf_render },
	{ "json", json_render },
	{ "schoolgids.html", schoolgids_html },
	{ "schoolgids-fragment.html", schoolgids_fragment },
	{ "schoolgids.md", schoolgids_md },
	{ "schoolgids.pdf", pdf_schoolgids },
	{ "protocol.docx", docx_protocol },
	{ "schoolgids.docx", docx_schoolgids },
	{ "protocol.odt", odt_render },
	{ "schoolgids.odt", odt_schoolgids },
};
#define NSTAGES (sizeof(stages) / sizeof(stages[0]))

static double
median(double *v, size_t n)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static double
mean(const double *v, size_t n)
{
	double s = 0;
	size_t i;

	for (i = 0; i < n; i++)
		s += v[i];
	return n ? s / (double)n : 0;
}

static void
line(const char *name, double *v, size_t n)
{
	printf("%-26s %8.3f %8.3f\n", name, mean(v, n), median(v, n));
}

/*
 * The revision stage's redlines (the build's cli/publish.c does the same):
 * each revision against the one before, as HTML, PDF and Word; the time of
 * the PDFs and of the Word files added to *pdf and *docx.  Return 0, or -1.
 */
static int
redlines(const struct document *d, const struct revset *s, struct buf *out,
    double *pdf, double *docx)
{
	struct revdoc *cur = NULL;
	struct redline *rl;
	double t0, t1;
	size_t i;
	int rc = 0;

	for (i = 1; rc == 0 && i < s->nentries; i++) {
		if (s->entries[i].draft && cur == NULL)
			cur = revdoc_draft(d);
		rl = redline_build(s->frozen[i - 1].rev,
		    s->entries[i].draft ? cur : s->frozen[i].rev);
		if (diffhtml_render(rl, 0, out) == -1)
			rc = -1;
		t0 = now_ms();
		if (rc == 0 && pdf_redline(rl, 0, out) == -1)
			rc = -1;
		t1 = now_ms();
		*pdf += t1 - t0;
		if (rc == 0 && docx_redline(rl, d->meta.redline_author,
		    out) == -1)
			rc = -1;
		*docx += now_ms() - t1;
		redline_free(rl);
	}
	revdoc_free(cur);
	return rc;
}

/* Every stage for up to max schools spread evenly over the project. */
static int
stages_bench(const struct config *cfg, const struct library *lib, size_t max)
{
	double *assemble, *check, *t[NSTAGES], *all, *diff, t0, t1;
	double *dpdf, *ddocx;
	struct check_result cr;
	struct buf out = { 0 };
	struct document *d;
	struct revset rv;
	size_t n = cfg->nschools < max ? cfg->nschools : max, i, k, m = 0;
	size_t ndiff = 0;

	assemble = xcalloc(n + 1, sizeof(double));
	check = xcalloc(n + 1, sizeof(double));
	all = xcalloc(n + 1, sizeof(double));
	diff = xcalloc(n + 1, sizeof(double));
	dpdf = xcalloc(n + 1, sizeof(double));
	ddocx = xcalloc(n + 1, sizeof(double));
	for (k = 0; k < NSTAGES; k++)
		t[k] = xcalloc(n + 1, sizeof(double));
	for (i = 0; i < n; i++) {
		const struct school *s = cfg->schools[i * cfg->nschools / n];
		t0 = now_ms();
		if ((d = doc_assemble(s, lib)) == NULL)
			continue;
		t1 = now_ms();
		assemble[m] = t1 - t0;
		memset(&cr, 0, sizeof(cr));
		check_document(d, cfg, &cr);
		schoolgids_check(d);
		check[m] = now_ms() - t1;
		all[m] = assemble[m] + check[m];
		for (k = 0; k < NSTAGES; k++) {
			t0 = now_ms();
			if (stages[k].render(d, &out) == -1)
				return 1;
			t[k][m] = now_ms() - t0;
			all[m] += t[k][m];
			buf_reset(&out);
		}
		t0 = now_ms();
		dpdf[ndiff] = ddocx[ndiff] = 0;
		if (revset_load(d, &rv) == 0 && redlines(d, &rv, &out,
		    &dpdf[ndiff], &ddocx[ndiff]) == 0 && rv.nentries > 1) {
			diff[ndiff] = now_ms() - t0;
			all[m] += diff[ndiff++];
		}
		revset_free(&rv);
		buf_reset(&out);
		doc_free(d);
		m++;
	}
	printf("schools %zu\n", m);
	printf("%-26s %8s %8s\n", "stage", "mean ms", "median");
	line("assemble", assemble, m);
	line("check", check, m);
	for (k = 0; k < NSTAGES; k++)
		line(stages[k].name, t[k], m);
	line("diff", diff, ndiff);
	line("diff.pdf", dpdf, ndiff);
	line("diff.docx", ddocx, ndiff);
	printf("diff-schools %zu\n", ndiff);
	line("all", all, m);
	free(diff);
	free(dpdf);
	free(ddocx);
	free(assemble);
	free(check);
	free(all);
	for (k = 0; k < NSTAGES; k++)
		free(t[k]);
	buf_free(&out);
	return 0;
}

/* Freeze the current revision of up to max schools spread over the project. */
static int
adopt(const struct config *cfg, const struct library *lib, size_t max)
{
	struct check_result cr;
	struct document *d;
	size_t n = cfg->nschools < max ? cfg->nschools : max, i, done = 0;

	for (i = 0; i < n; i++) {
		const struct school *s = cfg->schools[i * cfg->nschools / n];
		if ((d = doc_assemble(s, lib)) == NULL)
			continue;
		memset(&cr, 0, sizeof(cr));
		check_document(d, cfg, &cr);
		/* drafts cannot be adopted: those are skipped */
		if (cr.errors == 0 && !d->meta.draft &&
		    revision_adopt_check(d) == 0 && revision_adopt(d) == 0)
			done++;
		doc_free(d);
	}
	printf("adopted %zu\n", done);
	return 0;
}

/* One school's protocol.pdf, rounds times after a warm-up. */
static int
pdf_bench(const struct config *cfg, const struct library *lib,
    const char *id, size_t rounds)
{
	const struct school *s = config_school(cfg, id);
	struct buf out = { 0 };
	struct document *d;
	double *v, t0;
	size_t i;

	if (s == NULL || (d = doc_assemble(s, lib)) == NULL) {
		fprintf(stderr, "bench_build: no school '%s'\n", id);
		return 1;
	}
	v = xcalloc(rounds + 1, sizeof(*v));
	pdf_render(d, &out);
	for (i = 0; i < rounds; i++) {
		t0 = now_ms();
		if (pdf_render(d, &out) == -1)
			return 1;
		v[i] = now_ms() - t0;
	}
	printf("pdf %s median %.3f ms, %zu bytes\n", id, median(v, rounds),
	    out.len);
	free(v);
	buf_free(&out);
	doc_free(d);
	return 0;
}

int
main(int argc, char *argv[])
{
	struct config cfg;
	struct library lib;
	char *path;
	int rc;

	if (argc < 3) {
		fprintf(stderr, "usage: bench_build ROOT TEMPLATES [MAX] | "
		    "--pdf ID [ROUNDS] | --adopt MAX\n");
		return 2;
	}
	diag_quiet_warnings(1);
	page_set_templates(argv[2]);
	path = xasprintf("%s/nl.strings", argv[2]);
	if (text_load(path) == -1)
		return 1;
	free(path);
	memset(&cfg, 0, sizeof(cfg));
	memset(&lib, 0, sizeof(lib));
	path = xasprintf("%s/schools", argv[1]);
	config_load(&cfg, path);
	free(path);
	path = xasprintf("%s/clauses", argv[1]);
	library_load(&lib, path);
	free(path);
	if (pdf_init(argv[2]) == -1)
		return 1;
	if (argc > 4 && strcmp(argv[3], "--adopt") == 0)
		rc = adopt(&cfg, &lib, (size_t)atoi(argv[4]));
	else if (argc > 4 && strcmp(argv[3], "--pdf") == 0)
		rc = pdf_bench(&cfg, &lib, argv[4], argc > 5 ?
		    (size_t)atoi(argv[5]) : 20);
	else
		rc = stages_bench(&cfg, &lib, argc > 3 ?
		    (size_t)atoi(argv[3]) : (size_t)-1);
	pdf_teardown();
	page_cache_free();
	check_cleanup();
	config_free(&cfg);
	library_free(&lib);
	text_free();
	return rc;
}
