/*
 * Unit tests: approval steps through frozen revisions (any body, every act,
 * any date), the redline's steps and the site's adoption date; the
 * rationale for the council, written and read back.
 */
#include "tap.h"

#include "fixture.h"

#include "base/base.h"
#include "config/config.h"
#include "library/library.h"
#include "model/model.h"
#include "render/page/page.h"
#include "render/site/site.h"
#include "revisions/revisions.h"

static struct buf msgs;

/* Bodies a board may well write: words, diacritics, punctuation. */
#define B_VOORSTEL	"MR (oudergeleding), afd. VO"
#define B_ADVIES	"Medezeggenschapsraad \xC3\x89\xC3\xA9n"	/* Één */
#define B_BESPREKING	"Werkgroep instemming 2025-01-01"	/* act, date */
#define B_INSTEMMING	"MR"
#define B_VASTSTELLING	"College van Bestuur"

static void
test_step_parse(void)
{
	static const struct {
		const char *line, *body, *act, *date;
	} good[] = {
		{ "MR instemming 2020-06-15", "MR", "instemming",
		    "2020-06-15" },
		{ "College van Bestuur vaststelling 2019-11-26",
		    "College van Bestuur", "vaststelling", "2019-11-26" },
		{ "Werkgroep advies 2025-01-01 bespreking 2025-02-03",
		    "Werkgroep advies 2025-01-01", "bespreking", "2025-02-03" },
		{ "x voorstel 2025-02-03", "x", "voorstel", "2025-02-03" },
		{ " MR  advies 2025-02-03", " MR ", "advies", "2025-02-03" },
	};
	static const char *const bad[] = { "MR 2020-06-15",
	    "instemming 2020-06-15", " instemming 2020-06-15",
	    "MR goedkeuring 2020-06-15", "MR instemming juni", "MR instemming",
	    "MR instemming 2020-06-15 ", "", "MR instemming 2020-13-01" };
	struct rev_step s;
	size_t i;
	char name[160];

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		snprintf(name, sizeof(name), "step line '%s' reads", good[i].line);
		OK(revdoc_step_parse(good[i].line, &s) == 0 &&
		    (size_t)s.bodylen == strlen(good[i].body) &&
		    memcmp(s.body, good[i].body, strlen(good[i].body)) == 0 &&
		    strcmp(s.act, good[i].act) == 0 &&
		    strcmp(s.date, good[i].date) == 0, name);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(name, sizeof(name), "step line '%s' is refused",
		    bad[i]);
		INT_EQ(revdoc_step_parse(bad[i], &s), -1, name);
	}
}

/* The school file of de-linde with version v and these five steps. */
static void
write_school(const char *version, const char *status, const char *const b[5],
    const char *const date[5])
{
	static const char *const acts[5] = { "voorstel", "advies",
	    "bespreking", "instemming", "vaststelling" };
	struct buf t = { 0 };
	size_t i;

	buf_printf(&t, "school {\n  name = \"basisschool De Linde\", "
	    "short = \"De Linde\",\n  website = \"https://www.delinde.nl/\",\n"
	    "  channels = { { kind = \"website\", "
	    "url = \"https://www.delinde.nl/\" } },\n"
	    "  revision = { version = \"%s\", status = \"%s\",\n"
	    "    approvals = {\n", version, status);
	for (i = 0; i < 5; i++)
		if (b[i] != NULL)
			buf_printf(&t, "      { body = \"%s\", act = \"%s\", "
			    "date = \"%s\" },\n", b[i], acts[i], date[i]);
	buf_puts(&t, "    } } }\n");
	free(fx_write("schools/noord/de-linde.lua", buf_str(&t)));
	buf_free(&t);
}

static struct document *
assemble(struct config *cfg, struct library *lib)
{
	char *schools = xasprintf("%s/schools", fx_root);
	const struct school *s;
	struct document *d = NULL;

	if (config_load(cfg, schools) == 0 &&
	    (s = config_school(cfg, "de-linde")) != NULL)
		d = doc_assemble(s, lib);
	free(schools);
	return d;
}

/* The redline's cause for act, or NULL. */
static const struct rl_cause *
step_cause(const struct redline *rl, const char *act)
{
	char what[96];
	size_t i;

	snprintf(what, sizeof(what), "%s: %s", tr("diff.step"),
	    trx("act", act));
	for (i = 0; i < rl->ncauses; i++)
		if (strcmp(rl->causes[i].what, what) == 0)
			return &rl->causes[i];
	return NULL;
}

static void
test_round_trip(void)
{
	static const char *const acts[5] = { "voorstel", "advies",
	    "bespreking", "instemming", "vaststelling" };
	static const char *const b1[5] = { B_VOORSTEL, B_ADVIES, B_BESPREKING,
	    B_INSTEMMING, B_VASTSTELLING };
	static const char *const d1[5] = { "2025-05-01", "2025-05-12",
	    "2025-05-20", "2025-06-10", "2025-06-24" };
	static const char *const b2[5] = { B_VOORSTEL, NULL, B_BESPREKING,
	    B_ADVIES, B_VASTSTELLING };
	static const char *const d2[5] = { "2025-08-01", NULL, "2025-05-20",
	    "2025-09-10", "2025-09-24" };
	struct config cfg = { 0 };
	struct library lib = { 0 };
	struct buf text = { 0 }, page = { 0 };
	struct revdoc *r, *from = NULL, *to = NULL;
	struct document *d;
	struct rev_step s;
	struct revset rs;
	struct site_revision *sv = NULL;
	struct redline *rl;
	const struct rl_cause *c;
	struct site *site;
	char *path, name[160];
	size_t i, nsv = 0;

	fx_project("revisions");
	path = xasprintf("%s/clauses", fx_root);
	if (library_load(&lib, path) != 0) {
		OK(0, "the revisions fixture's library loads");
		printf("# %s", buf_str(&msgs));
		free(path);
		return;
	}
	free(path);

	/* 1.0: written, read back, every step whole */
	write_school("1.0", "vastgesteld", b1, d1);
	if ((d = assemble(&cfg, &lib)) == NULL) {
		OK(0, "de-linde 1.0 assembles");
		printf("# %s", buf_str(&msgs));
		library_free(&lib);
		return;
	}
	revision_render(d, &text);
	STR_HAS(buf_str(&text), "\nstep: College van Bestuur vaststelling "
	    "2025-06-24\n", "frozen: the step line keeps the whole body");
	r = revdoc_parse("1.0.md", buf_str(&text), text.len, 1);
	OK(r != NULL, "frozen: reads back (hash verified)");
	for (i = 0; r != NULL && i < 5; i++) {
		snprintf(name, sizeof(name), "frozen: the %s by '%s' reads "
		    "back whole", acts[i], b1[i]);
		OK(revdoc_step(r, acts[i], 0, &s) &&
		    (size_t)s.bodylen == strlen(b1[i]) &&
		    memcmp(s.body, b1[i], s.bodylen) == 0 &&
		    strcmp(s.act, acts[i]) == 0 && strcmp(s.date, d1[i]) == 0,
		    name);
	}
	OK(r != NULL && !revdoc_step(r, "instemming", 1, &s),
	    "frozen: one consent step, not two");
	revdoc_free(r);
	path = xasprintf("schools/noord/de-linde/revisions/1.0.md");
	free(fx_write(path, buf_str(&text)));
	free(path);
	doc_free(d);
	config_free(&cfg);

	/* 1.1: other bodies and dates; the redline and the site list */
	write_school("1.1", "vastgesteld", b2, d2);
	if ((d = assemble(&cfg, &lib)) == NULL) {
		OK(0, "de-linde 1.1 assembles");
		printf("# %s", buf_str(&msgs));
		library_free(&lib);
		buf_free(&text);
		return;
	}
	from = revision_open(d, "1.0");
	to = revision_open(d, NULL);
	OK(from != NULL && to != NULL, "redline: both revisions open");
	if (from != NULL && to != NULL) {
		rl = redline_build(from, to);
		c = step_cause(rl, "vaststelling");
		OK(c != NULL, "redline: the adoption by a body of three words "
		    "is reported");
		if (c != NULL) {
			STR_EQ(c->was, B_VASTSTELLING ", 24 juni 2025",
			    "redline: the adoption was ...");
			STR_EQ(c->now, B_VASTSTELLING ", 24 september 2025",
			    "redline: ... and becomes");
		}
		c = step_cause(rl, "instemming");
		OK(c != NULL && c->was != NULL && c->now != NULL &&
		    strcmp(c->was, "MR, 10 juni 2025") == 0 &&
		    strcmp(c->now, B_ADVIES ", 10 september 2025") == 0,
		    "redline: the consent, now by a body with diacritics");
		c = step_cause(rl, "advies");
		OK(c != NULL && c->was != NULL && c->now == NULL &&
		    strcmp(c->was, B_ADVIES ", 12 mei 2025") == 0,
		    "redline: the advice dropped");
		c = step_cause(rl, "voorstel");
		OK(c != NULL && c->was != NULL &&
		    strcmp(c->was, B_VOORSTEL ", 1 mei 2025") == 0,
		    "redline: the proposal by a body with punctuation");
		OK(step_cause(rl, "bespreking") == NULL, "redline: an unchanged "
		    "step (its body holds an act and a date) is no change");
		redline_free(rl);
	}
	revdoc_free(from);
	revdoc_free(to);

	INT_EQ(revset_load(d, &rs), 0, "site: the frozen 1.0 verifies");
	nsv = revset_site_list(d, &rs, &sv);
	INT_EQ(nsv, 1, "site: the adopted 1.0 only, never the current "
	    "draft 1.1");
	if (nsv == 1) {
		STR_EQ(sv[0].version, "1.0", "site: 1.0 listed");
		STR_EQ(sv[0].date, "2025-06-24", "site: 1.0's adoption date, "
		    "adopted by the College van Bestuur");
	}
	site = site_new(NULL, 0);
	site_add(site, d, sv, nsv);
	OK(site_render(site, &page) == 0, "site: renders");
	STR_HAS(buf_str(&page), "<time datetime=\"2025-06-24\">",
	    "site: the earlier version's adoption date is shown");
	site_free(site);
	revset_free(&rs);
	doc_free(d);
	config_free(&cfg);
	library_free(&lib);
	buf_free(&text);
	buf_free(&page);
}

/*
 * The rationale for the council through a frozen revision: white space
 * (line breaks, tabs, runs) collapsed once in the config, then written on
 * one line and read back exactly; diacritics, ':' and ' = ' in the text.
 */
static void
test_rationale_round_trip(void)
{
	static const char *const why_all = "Versie 1.1: korter, en "
	    "\xC3\xA9\xC3\xA9n artikel = \xE2\x80\x98pesten\xE2\x80\x99 apart.";
	static const char *const why_fotos = "Ook geluidsopnamen; zie de AVG "
	    "(art. 6).";
	struct config cfg = { 0 };
	struct library lib = { 0 };
	struct buf text = { 0 }, again = { 0 };
	struct document *d;
	struct revdoc *r;
	char *path;

	fx_cleanup();	/* the last test's project */
	fx_project("revisions");
	path = xasprintf("%s/clauses", fx_root);
	if (library_load(&lib, path) != 0) {
		OK(0, "the revisions fixture's library loads");
		free(path);
		return;
	}
	free(path);
	free(fx_write("schools/noord/de-linde.lua", "school {\n"
	    "  name = \"basisschool De Linde\", short = \"De Linde\",\n"
	    "  website = \"https://www.delinde.nl/\",\n"
	    "  channels = { { kind = \"website\", "
	    "url = \"https://www.delinde.nl/\" } },\n"
	    "  revision = { version = \"1.1\", status = \"concept\", "
	    "replaces = \"1.0\",\n"
	    "    rationale = [[  Versie 1.1:\tkorter,\n   en \xC3\xA9\xC3\xA9n "
	    "artikel =\n\xE2\x80\x98pesten\xE2\x80\x99  apart.\n]],\n"
	    "    clause_rationale = {\n"
	    "      [\"medewerkers.prive\"] = \"Staat in de gedragscode.\",\n"
	    "      [\"afspraken.fotos\"] = [[Ook geluidsopnamen;\n zie de AVG "
	    "(art. 6).]],\n"
	    "    } } }\n"));
	if ((d = assemble(&cfg, &lib)) == NULL) {
		OK(0, "de-linde with a rationale assembles");
		printf("# %s", buf_str(&msgs));
		library_free(&lib);
		return;
	}
	STR_EQ(d->school->rev.rationale, why_all,
	    "config: the rationale's white space collapsed");
	revision_render(d, &text);
	STR_HAS(buf_str(&text), "\nreplaces: 1.0\n", "(the fixture's replaces)");
	path = xasprintf("\nrationale: %s\nclause_rationale: afspraken.fotos = "
	    "%s\nclause_rationale: medewerkers.prive = Staat in de "
	    "gedragscode.\nchannel: ", why_all, why_fotos);
	STR_HAS(buf_str(&text), path, "frozen: one line each, clauses sorted, "
	    "before the values");
	free(path);
	r = revdoc_parse("1.1.md", buf_str(&text), text.len, 1);
	OK(r != NULL, "frozen: reads back (hash verified)");
	if (r != NULL) {
		STR_EQ(r->rationale, why_all, "frozen: the rationale reads back "
		    "exactly");
		INT_EQ(r->nwhys, 2, "frozen: two clause rationales");
		STR_EQ(revdoc_why(r, "afspraken.fotos"), why_fotos,
		    "frozen: a clause's rationale reads back exactly, ' = ' and "
		    "all");
		STR_EQ(revdoc_why(r, "medewerkers.prive"), "Staat in de "
		    "gedragscode.", "frozen: and the other");
		OK(revdoc_why(r, "afspraken.respect") == NULL,
		    "frozen: no rationale for the rest");
	}
	revdoc_free(r);
	revision_render(d, &again);
	OK(again.len == text.len && memcmp(again.data, text.data, text.len) ==
	    0, "frozen: rendering again gives the same bytes");
	doc_free(d);
	config_free(&cfg);

	/* without one: no such lines at all (older frozen files verify) */
	write_school("1.1", "concept", (const char *const[5]){ NULL },
	    (const char *const[5]){ NULL });
	if ((d = assemble(&cfg, &lib)) != NULL) {
		buf_reset(&text);
		revision_render(d, &text);
		OK(strstr(buf_str(&text), "rationale") == NULL,
		    "frozen: no rationale, no rationale lines");
		doc_free(d);
	}
	config_free(&cfg);
	library_free(&lib);
	buf_free(&text);
	buf_free(&again);
}

/* A frozen clause_rationale line must be ID = TEXT, sorted. */
static void
test_bad_rationale(void)
{
	const char *bad = "---\nformat: protocolgen-revision 1\n"
	    "version: 1.0\nclause_rationale: afspraken.fotos\n---\n\n";
	const char *order = "---\nformat: protocolgen-revision 1\n"
	    "version: 1.0\nclause_rationale: b.b = x\n"
	    "clause_rationale: a.a = y\n---\n\n";
	struct revdoc *r;

	buf_reset(&msgs);
	r = revdoc_parse("x.md", bad, strlen(bad), 0);
	OK(r == NULL, "a clause_rationale without ' = TEXT' is refused");
	STR_HAS(buf_str(&msgs), "x.md:4: error: expected 'clause_rationale: ID "
	    "= TEXT'", "the message names the line and the form");
	revdoc_free(r);
	buf_reset(&msgs);
	r = revdoc_parse("x.md", order, strlen(order), 0);
	OK(r == NULL, "clause_rationale lines out of order are refused");
	STR_HAS(buf_str(&msgs), "x.md:5: error: 'clause_rationale' lines are "
	    "sorted by clause id, each once", "the message says why");
	revdoc_free(r);
}

/* A malformed step line in a frozen file is reported with its line. */
static void
test_bad_step(void)
{
	const char *text = "---\nformat: protocolgen-revision 1\n"
	    "version: 1.0\nstep: MR goedgekeurd 2020-06-15\n---\n\n";
	struct revdoc *r;

	buf_reset(&msgs);
	r = revdoc_parse("x.md", text, strlen(text), 0);
	OK(r == NULL, "a step with an unknown act is refused");
	STR_HAS(buf_str(&msgs), "x.md:4: error: expected 'step: BODY ACT DATE'",
	    "the message names the line and the form");
	revdoc_free(r);
}

int
main(void)
{
	diag_capture(&msgs);
	page_set_templates("templates");
	if (text_load("templates/nl.strings") != 0) {
		OK(0, "strings load");
		return tap_done();
	}
	test_step_parse();
	test_round_trip();
	test_rationale_round_trip();
	test_bad_rationale();
	test_bad_step();
	fx_cleanup();
	page_cache_free();
	text_free();
	buf_free(&msgs);
	return tap_done();
}
