/*
 * make bench: PDF milliseconds per protocol inside one process that renders
 * every school of a project, fonts and hyphenation loaded once.  Prints
 * figures; never judges them.
 *   pdfbench ROOT [ROUNDS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "diag.h"
#include "doc.h"
#include "library.h"
#include "pdf.h"
#include "pdf_font.h"
#include "text.h"
#include "util.h"

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
median(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Pages of a PDF: count "/Type /Page" objects that are not /Pages. */
static int
pages(const struct buf *b)
{
	const char *p = buf_str(b), *end = p + b->len;
	int n = 0;

	while ((p = memmem(p, (size_t)(end - p), "/Type /Page", 11)) != NULL) {
		p += 11;
		if (p < end && *p != 's')
			n++;
	}
	return n;
}

int
main(int argc, char *argv[])
{
	struct config cfg;
	struct library lib;
	struct document **docs;
	struct buf out = { 0 };
	double t, *ms, first, total_pages = 0;
	size_t n, i, k, rounds, samples = 0;
	char *path;

	if (argc < 2) {
		fprintf(stderr, "usage: pdfbench ROOT [ROUNDS]\n");
		return 2;
	}
	rounds = argc > 2 ? (size_t)atoi(argv[2]) : 20;
	diag_quiet_warnings(1);
	if (text_load("templates/nl.strings") == -1)
		return 1;
	path = xasprintf("%s/schools", argv[1]);
	memset(&cfg, 0, sizeof(cfg));
	memset(&lib, 0, sizeof(lib));
	config_load(&cfg, path);
	free(path);
	path = xasprintf("%s/clauses", argv[1]);
	library_load(&lib, path);
	free(path);
	n = cfg.nschools;
	docs = xcalloc(n + 1, sizeof(*docs));
	for (i = 0; i < n; i++)
		if ((docs[i] = doc_assemble(cfg.schools[i], &lib)) == NULL)
			return 1;
	t = now_ms();
	if (pdf_init("templates") == -1)
		return 1;
	printf("pdf: fonts, fontconfig and hyphenation loaded in %.1f ms\n",
	    now_ms() - t);
	ms = xcalloc(n * rounds + 1, sizeof(*ms));
	t = now_ms();
	pdf_render(docs[0], &out);
	first = now_ms() - t;
	for (k = 0; k < rounds; k++)
		for (i = 0; i < n; i++) {
			t = now_ms();
			if (pdf_render(docs[i], &out) == -1)
				return 1;
			ms[samples++] = now_ms() - t;
			if (k == 0)
				total_pages += pages(&out);
		}
	printf("pdf: first protocol (no shaped words cached yet) %.1f ms\n",
	    first);
	printf("pdf: %zu protocols x %zu rounds, %.1f pages each: median "
	    "%.2f ms per protocol (%.2f ms per page); %zu words cached\n", n,
	    rounds, total_pages / (double)n, median(ms, samples),
	    median(ms, samples) / (total_pages / (double)n), pdf_font_cached());
	for (i = 0; i < n; i++)
		doc_free(docs[i]);
	free(docs);
	free(ms);
	buf_free(&out);
	pdf_teardown();
	config_free(&cfg);
	library_free(&lib);
	text_free();
	return 0;
}
