/* Benchmark (printed, never asserted): a redline of two 10-page revisions, in process. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "revisions/html/diffhtml.h"
#include "revisions/docx/docx_redline.h"
#include "revisions/pdf/pdf_redline.h"
#include "render/pdf/pdf.h"
#include "render/page/page.h"
#include "revisions/revisions.h"
#include "base/base.h"

#include "bench.h"

#define SECTIONS	8
#define PER_SECTION	10
#define WORDS		58	/* per clause: 80 clauses ≈ 4,600 words ≈ 10 pages */
#define RUNS		41

static const char *const dict[] = { "de", "het", "een", "school", "leerling",
    "leerlingen", "ouders", "medewerkers", "sociale", "media", "gebruiken",
    "foto’s", "toestemming", "privé", "geïnformeerd", "één", "respectvol",
    "online", "les", "telefoon", "afspraken", "directie", "melding",
    "vertrouwensinspecteur", "klachten", "website", "berichten", "niet",
    "altijd", "zorgvuldig", "met", "voor", "over", "in", "op", "van" };

static unsigned long seed = 20260301;

static unsigned
rnd(unsigned n)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((seed >> 33) % n);
}

/* The words of clause k; variant 1 edits some of them. */
static void
clause_text(struct buf *b, unsigned k, int variant)
{
	unsigned long keep = seed;
	unsigned i;

	seed = 1000 + k;
	for (i = 0; i < WORDS; i++) {
		const char *w = dict[rnd(sizeof(dict) / sizeof(dict[0]))];
		if (variant && k % 9 == 4 && i % 13 == 5)
			w = "aangepast";
		if (variant && k % 9 == 4 && i == 20)
			continue;
		buf_printf(b, "%s%s%s", i ? " " : "", w,
		    i % 11 == 10 ? "," : "");
	}
	buf_puts(b, ".");
	seed = keep;
}

/* A frozen revision: version 1.0, or 1.1 with edits, additions, moves. */
static void
revision(struct buf *b, int variant)
{
	unsigned s, c, k, n;
	int order[SECTIONS * PER_SECTION + 8], no = 0;

	for (k = 0; k < SECTIONS * PER_SECTION; k++) {
		if (variant && k % 27 == 13)
			continue;			/* removed */
		order[no++] = (int)k;
		if (variant && k % 31 == 7)
			order[no++] = 1000 + (int)k;	/* added */
	}
	if (variant) {					/* moved */
		int t = order[3];
		memmove(&order[3], &order[4], 40 * sizeof(*order));
		order[43] = t;
		t = order[60];
		order[60] = order[61];
		order[61] = t;
	}
	buf_printf(b, "---\nformat: protocolgen-revision 1\nschool: bench\n"
	    "name: basisschool Bench\nboard: Stichting Bench\ntitle: Protocol "
	    "sociale media\nversion: %s\nstatus: %s\nscope: school\n",
	    variant ? "1.1" : "1.0", variant ? "concept" : "vastgesteld");
	for (k = 0; k < (unsigned)no; k++)
		buf_printf(b, "clause: c.k%d | article | %s | t%d | - | Artikel "
		    "%d\n", order[k], order[k] % 5 ? "alle" : "medewerkers",
		    order[k] + (variant && order[k] % 9 == 4), order[k]);
	buf_puts(b, "---\n\n# Protocol sociale media\n\nbasisschool Bench\n\n");
	for (s = 0, k = 0; s < SECTIONS; s++) {
		buf_printf(b, "<!-- section s%u -->\n## %u Hoofdstuk %u\n\n", s,
		    s + 1, s + 1);
		n = (unsigned)no * (s + 1) / SECTIONS;
		for (c = 1; k < n; k++, c++) {
			buf_printf(b, "<!-- clause c.k%d %u.%u -->\n**%u.%u** ",
			    order[k], s + 1, c, s + 1, c);
			clause_text(b, (unsigned)order[k], variant);
			buf_puts(b, "\n\n");
		}
	}
}

int
main(void)
{
	struct buf a = { 0 }, b = { 0 }, html = { 0 }, pdf = { 0 }, docx = { 0 };
	double parse[RUNS], comp[RUNS], out[RUNS], total[RUNS], t0, t1, t2, t3;
	double tpdf[RUNS], tdocx[RUNS], t4;
	struct revdoc *ra, *rb;
	struct redline *rl = NULL;
	size_t words = 0, i;
	int r;

	if (text_load("templates/nl.strings") == -1)
		return 1;
	page_set_templates("templates");
	if (pdf_init(page_templates()) == -1)
		return 1;
	revision(&a, 0);
	revision(&b, 1);
	for (i = 0; i < a.len; i++)
		words += a.data[i] == ' ';
	for (r = 0; r < RUNS; r++) {
		buf_reset(&html);
		t0 = now_ms();
		ra = revdoc_parse("old", a.data, a.len, 0);
		rb = revdoc_parse("new", b.data, b.len, 0);
		t1 = now_ms();
		rl = redline_build(ra, rb);
		t2 = now_ms();
		diffhtml_render(rl, 0, &html);
		t3 = now_ms();
		/* beside the page, not in its budget: the PDF and the .docx */
		buf_reset(&pdf);
		buf_reset(&docx);
		t4 = now_ms();
		pdf_redline(rl, 0, &pdf);
		tpdf[r] = now_ms() - t4;
		t4 = now_ms();
		docx_redline(rl, NULL, &docx);
		tdocx[r] = now_ms() - t4;
		parse[r] = t1 - t0;
		comp[r] = t2 - t1;
		out[r] = t3 - t2;
		total[r] = t3 - t0;
		if (r == RUNS - 1)
			printf("bench diff: %zu words, %zu → %zu clauses; new %zu, "
			    "removed %zu, changed %zu, moved %zu; %zu bytes of "
			    "HTML\n", words, ra->nclauses, rb->nclauses,
			    rl->count.added, rl->count.removed,
			    rl->count.changed, rl->count.moved, html.len);
		redline_free(rl);
		revdoc_free(ra);
		revdoc_free(rb);
	}
	qsort(parse, RUNS, sizeof(double), cmp_double);
	qsort(comp, RUNS, sizeof(double), cmp_double);
	qsort(out, RUNS, sizeof(double), cmp_double);
	qsort(total, RUNS, sizeof(double), cmp_double);
	qsort(tpdf, RUNS, sizeof(double), cmp_double);
	qsort(tdocx, RUNS, sizeof(double), cmp_double);
	printf("bench diff: median of %d runs: %.2f ms in all (read both "
	    "%.2f, compare %.2f, HTML %.2f); budget 5 ms\n", RUNS,
	    total[RUNS / 2], parse[RUNS / 2], comp[RUNS / 2], out[RUNS / 2]);
	printf("bench diff: the same redline as a PDF %.2f ms (%zu bytes), "
	    "as a .docx with tracked changes %.2f ms (%zu bytes)\n",
	    tpdf[RUNS / 2], pdf.len, tdocx[RUNS / 2], docx.len);
	buf_free(&a);
	buf_free(&b);
	buf_free(&html);
	buf_free(&pdf);
	buf_free(&docx);
	page_cache_free();
	text_free();
	return 0;
}
