/* The commands but build: check, adopt, diff, impact, clauses, --dump. */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/base.h"
#include "check/check.h"
#include "cli/cli.h"
#include "config/config.h"
#include "library/library.h"
#include "model/model.h"
#include "revisions/revisions.h"

static int
check_all(struct run *r, int argc, char **argv)
{
	const struct school **schools;
	size_t n, i;

	cli_load(r);
	if ((schools = select_schools(r, argc, argv, &n)) == NULL)
		return 1;
	/* the library's Dutch, once: its clauses serve every school */
	{
		char *words = xasprintf("%s/woorden.txt", r->clauses_dir);
		check_spelling(&r->lib, words);
		free(words);
	}
	for (i = 0; i < n; i++) {
		/* the checks, and frozen revisions must verify */
		struct school_run sr = { .stages = STAGE_CHECK |
		    STAGE_REVISIONS };
		pipeline_school(r, schools[i], &sr);
		pipeline_free(&sr);
	}
	free(schools);
	return diag_count(DIAG_ERROR) > 0 ? 1 : 0;
}

/* Lint: every message once, sorted by file and line (a list to work down). */
int
cmd_check(struct run *r, int argc, char **argv)
{
	int rc;

	diag_hold(1);
	rc = check_all(r, argc, argv);
	diag_flush();
	diag_hold(0);
	return rc;
}

/* The one school of a command, after loading; NULL after reporting. */
static const struct school *
one_school(struct run *r, const char *id)
{
	const struct school *s;

	if (cli_load(r) > 0) {
		diag_note(NULL, 0, "fix the errors above first");
		return NULL;
	}
	if ((s = config_school(&r->cfg, id)) == NULL) {
		char hint[96];
		diag_error(NULL, 0, "unknown school '%s'%s", id,
		    config_school_hint(&r->cfg, id, hint, sizeof(hint)));
	}
	return s;
}

/*
 * Freeze each school named (loaded once): every one that passes is
 * adopted, a refusal does not stop the others; exit 1 if any was refused.
 */
int
cmd_adopt(struct run *r, int argc, char **argv)
{
	const struct school *s;
	int i, rc = 0;

	if ((s = one_school(r, argv[0])) == NULL)
		return 1;
	/* one adopt at a time: two would both find a version unadopted */
	if (tree_open(r->schools_dir, "the schools folder", TREE_LOCK) == -1)
		return 1;
	for (i = 0; i < argc; i++) {
		struct school_run sr = { .stages = STAGE_ADOPT | STAGE_CHECK };
		if (i > 0 && (s = config_school(&r->cfg, argv[i])) == NULL) {
			char hint[96];
			diag_error(NULL, 0, "unknown school '%s'%s", argv[i],
			    config_school_hint(&r->cfg, argv[i], hint,
			    sizeof(hint)));
			rc = 1;
			continue;
		}
		if (pipeline_school(r, s, &sr) != 0)
			rc = 1;
		pipeline_free(&sr);
	}
	return rc;
}

/*
 * The redline from..to as out/<id>/diff-A-B.html, .pdf and .docx (the
 * preview's <id>/ when a side is the current draft; no .docx with
 * --collapse): all rendered before any is written; print their paths.
 */
int
cmd_diff(struct run *r, int argc, char **argv)
{
	struct school_run sr = { .stages = STAGE_DIFF, .from = argv[1],
	    .to = argc > 2 ? argv[2] : NULL };
	const struct school *s;
	char *hpath = NULL, *ppath = NULL, *wpath = NULL, *dir = NULL;
	int rc = 1;

	if ((s = one_school(r, argv[0])) == NULL || output_trees(r) == -1)
		return 1;
	if (pipeline_school(r, s, &sr) == 0) {
		dir = sr.diff_draft ? drafts_dir(r) : xstrdup(r->o.out);
		hpath = xasprintf("%s/%s/%s.html", dir, s->id, sr.diff_base);
		ppath = xasprintf("%s/%s/%s.pdf", dir, s->id, sr.diff_base);
		wpath = xasprintf("%s/%s/%s.docx", dir, s->id, sr.diff_base);
		if (write_output(hpath, &sr.diff_html) == 0 &&
		    write_output(ppath, &sr.diff_pdf) == 0 &&
		    (r->o.collapse || write_output(wpath, &sr.diff_docx) == 0)) {
			printf("%s\n%s\n", hpath, ppath);
			if (!r->o.collapse)
				printf("%s\n", wpath);
			rc = 0;
		}
	}
	free(dir);
	free(hpath);
	free(ppath);
	free(wpath);
	pipeline_free(&sr);
	return rc;
}

int
cmd_impact(struct run *r, int argc, char **argv)
{
	struct library old = { 0 };
	char *tmp = NULL;
	int rc;

	if (cli_load(r) > 0)
		return 1;
	if (impact_old_library(r->o.root, r->clauses_dir, r->o.against, &old,
	    &tmp) > 0)
		rc = 1;
	else
		rc = impact_report(&r->cfg, &old, &r->lib, stdout);
	library_free(&old);
	impact_cleanup(tmp);
	return rc;
}

static void
print_clause(const struct clause *c, const struct library *lib,
    char **users, size_t nusers)
{
	static const char *const kinds[] = { "article", "text", "item",
	    "footnote" };
	size_t i;

	printf("%s\n", c->id);
	printf("  title:    %s\n", c->title);
	printf("  section:  %s\n", c->section);
	printf("  kind:     %s\n", kinds[c->kind]);
	printf("  audience: %s\n", c->audience);
	printf("  level:    %s%s%s\n", c->levels & LEVEL_PO ? "po" : "",
	    c->levels == (LEVEL_PO | LEVEL_VO) ? " " : "",
	    c->levels & LEVEL_VO ? "vo" : "");
	if (c->variant_of != NULL) {
		printf("  variants:");
		for (i = 0; i < lib->nclauses; i++)
			if (lib->clauses[i] != c &&
			    lib->clauses[i]->variant_of != NULL &&
			    strcmp(lib->clauses[i]->variant_of,
			    c->variant_of) == 0)
				printf(" %s", lib->clauses[i]->id);
		printf(" (group %s)\n", c->variant_of);
	}
	printf("  sources: ");
	for (i = 0; i < c->nsources; i++)
		printf(" %s#%s", c->sources[i].seed, c->sources[i].article);
	printf("%s\n", c->nsources ? "" : " (none)");
	printf("  schools: ");
	for (i = 0; i < nusers; i++)
		printf(" %s", users[i]);
	printf("%s\n", nusers ? "" : " (none)");
}

int
cmd_clauses(struct run *r, int argc, char **argv)
{
	struct buf *users;
	size_t *nusers, i, j;
	struct document *d;

	cli_load(r);
	users = xcalloc(r->lib.nclauses + 1, sizeof(*users));
	nusers = xcalloc(r->lib.nclauses + 1, sizeof(*nusers));
	for (i = 0; i < r->cfg.nschools; i++) {
		const struct school *s = r->cfg.schools[i];
		if ((d = doc_assemble(s, &r->lib)) == NULL)
			continue;
		for (j = 0; j < r->lib.nclauses; j++) {
			const struct clause *c = r->lib.clauses[j];
			int uses = doc_block_by_id(d, c->id) != NULL;
			for (size_t k = 0; !uses && k < d->nnotes; k++)
				uses = d->notes[k].clause == c;
			if (uses) {
				buf_printf(&users[j], "%s%s", nusers[j] ? "\n" :
				    "", s->id);
				nusers[j]++;
			}
		}
		doc_free(d);
	}
	for (j = 0; j < r->lib.nclauses; j++) {
		char **names = xcalloc(nusers[j] + 1, sizeof(*names));
		char *all = xstrdup(buf_str(&users[j])), *save = NULL, *w;
		size_t k = 0;
		for (w = strtok_r(all, "\n", &save); w != NULL;
		    w = strtok_r(NULL, "\n", &save))
			names[k++] = w;
		print_clause(r->lib.clauses[j], &r->lib, names, k);
		free(all);
		free(names);
		buf_free(&users[j]);
	}
	free(users);
	free(nusers);
	return diag_count(DIAG_ERROR) > 0 ? 1 : 0;
}

int
cmd_dump(struct run *r, int argc, char **argv)
{
	const char *id = r->o.dump_id;
	int explain = r->o.explain;
	const struct school *s;
	struct document *d;
	struct buf out = { 0 };

	if (cli_load(r) > 0 && config_school(&r->cfg, id) == NULL)
		return 1;
	if ((s = config_school(&r->cfg, id)) == NULL) {
		char hint[96];
		diag_error(NULL, 0, "unknown school '%s'%s", id,
		    config_school_hint(&r->cfg, id, hint, sizeof(hint)));
		return 1;
	}
	if (explain) {
		if ((d = doc_assemble(s, &r->lib)) == NULL)
			return 1;
		explain_school(s, &out);
	} else {
		if ((d = doc_assemble(s, &r->lib)) == NULL)
			return 1;
		dump_document(d, &out);
	}
	fwrite(buf_str(&out), 1, out.len, stdout);
	buf_free(&out);
	doc_free(d);
	return 0;
}

