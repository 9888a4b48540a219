/* protocolgen: command line, stage order and the one table of backends. */
#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "cli/cli.h"
#include "check/check.h"
#include "config/config.h"
#include "base/base.h"
#include "revisions/html/diffhtml.h"
#include "model/model.h"
#include "render/html/html.h"
#include "render/page/page.h"
#include "render/json/json.h"
#include "library/library.h"
#include "render/md/md.h"
#include "revisions/revisions.h"
#include "revisions/pdf/pdf_redline.h"
#include "render/pdf/pdf.h"
#include "render/schoolgids/schoolgids.h"
#include "render/site/site.h"

#define VERSION "0.1.0"

/*
 * Every per-school output, rendered from the document model only; deps
 * names the files (templates, fonts) it reads besides the document and
 * nl.strings, for the make dependency files.
 */
static const struct backend {
	const char	*file;
	int		(*render)(const struct document *, struct buf *);
	int		(*deps)(void (*)(void *, const char *), void *);
} backends[] = {
	{ "protocol.html",	html_render,	html_deps },
	{ "protocol.md",	md_render,	NULL },
	{ "protocol.pdf",	pdf_render,	pdf_deps },
	{ "protocol.json",	json_render,	NULL },
	{ "schoolgids.html",	schoolgids_html, schoolgids_html_deps },
	{ "schoolgids-fragment.html", schoolgids_fragment, NULL },
	{ "schoolgids.md",	schoolgids_md,	NULL },
	{ "schoolgids.pdf",	pdf_schoolgids,	pdf_deps },
};
#define NBACKENDS (sizeof(backends) / sizeof(backends[0]))

struct opts {
	const char	*root;
	const char	*out;
	const char	*templates;
	const char	*explain;
	const char	*schools_from;	/* --schools-from FILE */
	const char	*against;
	int		 collapse;
	int		 keep_going;
	int		 dump;
	int		 quiet;
	int		 jobs;
	int		 deps;		/* --deps: dependency files, stamps */
	int		 index;		/* --index: also after a partial build */
	int		 verbose;	/* -v: name each school built */
};

struct run {
	struct opts	 o;
	struct config	 cfg;
	struct library	 lib;
	char		*schools_dir;
	char		*clauses_dir;
	char		*strings;	/* templates/nl.strings */
	const char	*exe;		/* this program, as make knows it */
	int		 load_errors;
	/* build */
	const struct school **schools;	/* being built */
	size_t		 nschools;
	struct site	*site;
	struct deps	 common;	/* what every school's outputs read */
	char		*depdir;	/* OUT/.deps */
	struct buf	 ids;		/* every school's id, for make */
	struct timespec	 start;
};

static void
usage(FILE *f)
{
	fputs(
"usage: protocolgen build [--out DIR] [--keep-going] [--jobs N] [ID...]\n"
"       protocolgen build --deps [--index] [--schools-from FILE] ...\n"
"       protocolgen build --dump ID | --explain ID\n"
"       protocolgen check [ID...]\n"
"       protocolgen adopt ID\n"
"       protocolgen diff [--collapse] ID FROM [TO]\n"
"       protocolgen impact [--against DIR]\n"
"       protocolgen clauses\n"
"       protocolgen --help | --version\n"
"\n"
"Commands:\n"
"  build     render schools (default: all) into DIR (default out/)\n"
"  check     lint configs, clauses and documents; exit 1 on errors\n"
"  adopt     freeze the current vastgesteld revision of school ID as\n"
"            schools/<board>/ID/revisions/<version>.md\n"
"  diff      redline between revisions FROM and TO (a frozen version, or\n"
"            the current text: TO's default) → out/ID/diff-FROM-TO.html\n"
"            and .pdf\n"
"  impact    which schools' protocols and clauses change with the clause\n"
"            files edited since the last commit (or against library DIR)\n"
"  clauses   list the clause library: ids, sections, provenance, users\n"
"\n"
"Options:\n"
"  --out DIR        output folder (default: out)\n"
"  --root DIR       project folder holding schools/ and clauses/ (default: .)\n"
"  --templates DIR  templates folder (default: the project's templates/)\n"
"  -k, --keep-going build the schools that have no errors, then exit 1\n"
"  -j, --jobs N     build on N processes (0: one per processor; default 1)\n"
"  --deps           write make dependency files and stamps in DIR/.deps\n"
"  --index          rewrite DIR/index.html after a build of some schools\n"
"                   too (the others as recorded in DIR/.deps)\n"
"  --schools-from FILE  build the schools FILE names (ids, one a line)\n"
"  -v, --verbose    print 'built ID' for each school written\n"
"  --dump ID        print the document model of school ID\n"
"  --explain ID     print every value of school ID and where it was set\n"
"  -q, --quiet      do not print warnings\n"
"  --collapse       diff: fold unchanged clauses (HTML: closed <details>;\n"
"                   PDF: one line per run)\n"
"  --against DIR    impact: the old clause library (default: clauses/ of\n"
"                   the last commit, read with git)\n"
"\n"
"Exit status: 0 ok, 1 errors or failed build, 2 usage error.\n"
"See protocolgen(1).\n", f);
}

/* root/name, or just name when root is "." (messages read better). */
static char *
project_path(const char *root, const char *name)
{
	if (strcmp(root, ".") == 0)
		return xstrdup(name);
	return xasprintf("%s/%s", root, name);
}

/*
 * The project's templates/; else the nearest templates/ above the
 * binary's folder (bin/protocolgen, build/asan/protocolgen).
 */
static char *
default_templates(const char *root)
{
	char exe[PATH_MAX], *slash, *p;
	ssize_t n;
	int up;

	p = project_path(root, "templates");
	if (access(p, F_OK) == 0)
		return p;
	free(p);
	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) > 0) {
		exe[n] = '\0';
		for (up = 0; up < 4 && (slash = strrchr(exe, '/')) != NULL;
		    up++) {
			*slash = '\0';
			p = xasprintf("%s/templates/nl.strings", exe);
			if (access(p, F_OK) == 0) {
				p[strlen(p) - strlen("/nl.strings")] = '\0';
				return p;
			}
			free(p);
		}
	}
	return xstrdup("templates");
}

/* Load strings, configs and the library.  Return the number of errors. */
static int
load(struct run *r)
{
	char *tdir = r->o.templates ? xstrdup(r->o.templates) :
	    default_templates(r->o.root);
	char *strings = xasprintf("%s/nl.strings", tdir);
	int errors = 0;

	page_set_templates(tdir);
	if (text_load(strings) == -1)
		errors++;
	free(r->strings);
	r->strings = strings;
	free(tdir);
	r->schools_dir = project_path(r->o.root, "schools");
	r->clauses_dir = project_path(r->o.root, "clauses");
	errors += config_load(&r->cfg, r->schools_dir);
	errors += library_load(&r->lib, r->clauses_dir);
	r->load_errors = errors;
	return errors;
}

static void
unload(struct run *r)
{
	config_free(&r->cfg);
	library_free(&r->lib);
	free(r->schools_dir);
	free(r->clauses_dir);
	free(r->strings);
	free(r->depdir);
	buf_free(&r->ids);
	deps_free(&r->common);
	page_cache_free();
	pdf_teardown();
	check_cleanup();
	text_free();
}

static int
school_key_cmp(const void *key, const void *elem)
{
	return strcmp(key, (*(const struct school *const *)elem)->id);
}

/*
 * Index of school id in cfg.schools (sorted by id), or -1: the builds of
 * thousands of schools look up thousands of ids.
 */
static long
school_index(const struct config *cfg, const char *id)
{
	struct school **p;

	p = bsearch(id, cfg->schools, cfg->nschools, sizeof(*cfg->schools),
	    school_key_cmp);
	return p != NULL ? (long)(p - cfg->schools) : -1;
}

/*
 * The schools a --schools-from file names (blank-separated ids; each
 * once, in config order; none is allowed); NULL after reporting.
 */
static const struct school **
schools_from(struct run *r, size_t *n)
{
	const struct school **v;
	struct buf b = { 0 };
	char *save = NULL, *w, *text;
	unsigned char *want;
	size_t i;
	long k;
	int bad = 0;

	if (file_read(r->o.schools_from, &b) == -1) {
		diag_error(r->o.schools_from, 0, "cannot read: %s",
		    strerror(errno));
		return NULL;
	}
	want = xcalloc(r->cfg.nschools + 1, 1);
	text = xstrdup(buf_str(&b));
	for (w = strtok_r(text, " \t\r\n", &save); w != NULL;
	    w = strtok_r(NULL, " \t\r\n", &save)) {
		if ((k = school_index(&r->cfg, w)) == -1) {
			diag_error(r->o.schools_from, 0, "unknown school '%s' "
			    "(or its config has errors)", w);
			bad = 1;
			continue;
		}
		want[k] = 1;
	}
	free(text);
	buf_free(&b);
	v = xcalloc(r->cfg.nschools + 1, sizeof(*v));
	*n = 0;
	for (i = 0; i < r->cfg.nschools; i++)
		if (want[i])
			v[(*n)++] = r->cfg.schools[i];
	free(want);
	if (bad) {
		free(v);
		return NULL;
	}
	return v;
}

/* The schools named in argv, or all; NULL after reporting an unknown id. */
static const struct school **
select_schools(struct run *r, int argc, char **argv, size_t *n)
{
	const struct school **v;
	int i;

	if (argc == 0 && r->o.schools_from == NULL) {
		*n = r->cfg.nschools;
		v = xcalloc(*n, sizeof(*v));
		if (*n > 0)
			memcpy(v, r->cfg.schools, *n * sizeof(*v));
		return v;
	}
	if (r->o.schools_from != NULL)
		return schools_from(r, n);
	v = xcalloc((size_t)argc, sizeof(*v));
	*n = 0;
	for (i = 0; i < argc; i++) {
		if ((v[*n] = config_school(&r->cfg, argv[i])) == NULL) {
			diag_error(NULL, 0, "unknown school '%s' (or its "
			    "config has errors)", argv[i]);
			free(v);
			return NULL;
		}
		(*n)++;
	}
	return v;
}

/* Write data to path unless the file already holds exactly that. */
static int
write_output(const char *path, const struct buf *data)
{
	struct buf old = { 0 };
	int same;

	same = file_read(path, &old) == 0 && old.len == data->len &&
	    memcmp(buf_str(&old), buf_str(data), data->len) == 0;
	buf_free(&old);
	if (same)
		return 0;
	if (file_write_atomic(path, buf_str(data), data->len, 0) == -1) {
		diag_error(path, 0, "cannot write: %s", strerror(errno));
		return -1;
	}
	return 0;
}

/* Render every backend of one school into memory, then write them all. */
static int
write_school(struct run *r, const struct document *d)
{
	struct buf out[NBACKENDS];
	size_t i, n = NBACKENDS, nrev = 0;
	struct rev_output *rev = NULL;
	char *dir, *path;
	int rc = 0;

	memset(out, 0, sizeof(out));
	for (i = 0; i < n && rc == 0; i++)
		if (backends[i].render(d, &out[i]) == -1)
			rc = -1;
	/* redlines between revisions; a hand-edited frozen one is an error */
	if (rc == 0 && revision_outputs(d, &rev, &nrev) == -1)
		rc = -1;
	dir = xasprintf("%s/%s", r->o.out, d->meta.school_id);
	if (rc == 0)
		tmpfiles_sweep(dir);
	for (i = 0; i < n + nrev && rc == 0; i++) {
		path = xasprintf("%s/%s", dir, i < n ? backends[i].file :
		    rev[i - n].name);
		if (write_output(path, i < n ? &out[i] : rev[i - n].data) == -1)
			rc = -1;
		free(path);
	}
	for (i = 0; i < n; i++)
		buf_free(&out[i]);
	revision_outputs_free(rev, nrev);
	free(dir);
	return rc;
}

/*
 * The make rule of a school (OUT/.deps/ID.d): its outputs depend on its
 * config, its board's, the national defaults, its outline, the clause
 * files it uses, its frozen revisions, and what every school reads
 * (templates, strings, fonts, hyphenation, this program).  Then its stamp
 * is dated.
 */
static int
write_school_deps(struct run *r, const struct document *d)
{
	const struct school *s = d->school;
	struct revision_entry *rv;
	struct deps dp = { 0 };
	size_t i, nrv;
	int rc;

	deps_add_all(&dp, &r->common);
	deps_add(&dp, r->cfg.national.path);
	deps_add(&dp, s->board->path);
	deps_add(&dp, s->path);
	if (d->outline_path != NULL)
		deps_add(&dp, d->outline_path);
	for (i = 0; i < d->nblocks; i++)
		deps_add(&dp, d->blocks[i].clause->path);
	for (i = 0; i < d->nnotes; i++)
		deps_add(&dp, d->notes[i].clause->path);
	/* its frozen revisions, and the redline's page when it has one
	   (tools/render.mk adds a revision adopted since) */
	rc = revision_list(d, &rv, &nrv) > 0 ? -1 : 0;
	for (i = 0; i < nrv; i++)
		if (rv[i].file != NULL)
			deps_add(&dp, rv[i].file);
	if (rc == 0 && nrv > 0 && rv[0].file != NULL &&
	    page_files("diff.html", deps_add, &dp) == -1)
		rc = -1;
	revision_list_free(rv, nrv);
	if (rc == 0)
		rc = deps_write(r->depdir, s->id, &dp, &r->start);
	deps_free(&dp);
	return rc;
}

/* build_run(): assemble, check, render and write school i. */
static int
build_one(void *ctx, size_t i, struct buf *rec)
{
	struct run *r = ctx;
	const struct school *s = r->schools[i];
	struct check_result cr;
	struct document *d;
	int before = diag_count(DIAG_ERROR), rc = -1;

	if ((d = doc_assemble(s, &r->lib)) != NULL) {
		memset(&cr, 0, sizeof(cr));
		check_document(d, &r->cfg, &cr);
		schoolgids_check(d);
	}
	if (d != NULL && diag_count(DIAG_ERROR) == before &&
	    write_school(r, d) == 0 &&
	    (!r->o.deps || write_school_deps(r, d) == 0)) {
		/* the index's line, made here where the document is */
		site_add(r->site, d);
		site_record(r->site, s->id, rec);
		site_remove(r->site, s->id);
		rc = 0;
	} else
		diag_note(s->path, 0, "school '%s' was not written", s->id);
	doc_free(d);
	return rc;
}

/* build_run(), in school order in this process: the index's lines. */
static void
build_done(void *ctx, size_t i, int ok, const char *rec, size_t len)
{
	struct run *r = ctx;

	if (ok) {
		site_add_records(r->site, rec, len);
		if (r->o.verbose)
			printf("built %s\n", r->schools[i]->id);
	} else
		site_remove(r->site, r->schools[i]->id);
}

static void unload(struct run *);

/* build_run(), in a worker before it ends: free its copy of everything. */
static void
build_cleanup(void *ctx)
{
	struct run *r = ctx;

	site_free(r->site);
	r->site = NULL;
	free(r->schools);
	r->schools = NULL;
	unload(r);
	xmlCleanupParser();
}

static const char *
build_name(void *ctx, size_t i)
{
	struct run *r = ctx;

	return r->schools[i]->id;
}

/* What every school's outputs depend on.  Return 0, or -1 on errors. */
static int
common_deps(struct run *r)
{
	size_t i;
	int rc = 0;

	deps_add(&r->common, r->strings);
	deps_add(&r->common, r->exe);
	for (i = 0; i < NBACKENDS; i++)
		if (backends[i].deps != NULL &&
		    backends[i].deps(deps_add, &r->common) == -1)
			rc = -1;
	return rc;
}

/*
 * out/index.html, from the schools written in this run (and, for a
 * partial build with --index, those recorded earlier).  With --deps, the
 * index's lines and its make rule (OUT/.deps/_index.d) are kept too.
 */
static int
write_index(struct run *r)
{
	struct buf out = { 0 }, recs = { 0 };
	struct deps dp = { 0 };
	char *path;
	int rc = -1;

	if (site_render(r->site, &out) == 0) {
		path = xasprintf("%s/index.html", r->o.out);
		rc = write_output(path, &out);
		free(path);
	}
	if (rc == 0 && r->o.deps) {
		site_records(r->site, &recs);
		path = xasprintf("%s/site.rec", r->depdir);
		rc = write_output(path, &recs);
		free(path);
		/* the schools the index was made for: make compares its own
		   list of school files with this one */
		path = xasprintf("%s/schools", r->depdir);
		if (rc == 0)
			rc = write_output(path, &r->ids);
		free(path);
		deps_add(&dp, r->strings);
		deps_add(&dp, r->exe);
		if (rc == 0 && (site_deps(deps_add, &dp) == -1 ||
		    deps_write(r->depdir, "_index", &dp, &r->start) == -1))
			rc = -1;
	}
	if (rc == -1 && r->o.deps) {
		/* so the next make tries the index again */
		path = xasprintf("%s/_index.stamp", r->depdir);
		unlink(path);
		free(path);
	}
	deps_free(&dp);
	buf_free(&recs);
	buf_free(&out);
	return rc;
}

/*
 * A partial build that rewrites the index: the other schools come from
 * the lines recorded by earlier builds.  A school with no line (or a
 * malformed one) is built too; lines of schools that are gone (or whose
 * config now has errors) are dropped.
 */
static void
index_others(struct run *r)
{
	struct buf b = { 0 };
	unsigned char *have;
	size_t i, j;
	char *path = xasprintf("%s/site.rec", r->depdir);

	if (file_read(path, &b) == 0)
		site_add_records(r->site, buf_str(&b), b.len);
	free(path);
	buf_free(&b);
	have = xcalloc(r->cfg.nschools + 1, 1);
	for (i = site_count(r->site); i-- > 0; ) {
		long k = school_index(&r->cfg, site_id(r->site, i));
		if (k == -1) {
			/* gone: so are its dependency file and stamp */
			char *f = xasprintf("%s/%s.d", r->depdir,
			    site_id(r->site, i));
			unlink(f);
			free(f);
			f = xasprintf("%s/%s.stamp", r->depdir,
			    site_id(r->site, i));
			unlink(f);
			free(f);
			site_remove(r->site, site_id(r->site, i));
			continue;
		}
		have[k] = 1;
	}
	for (i = 0; i < r->nschools; i++)
		have[school_index(&r->cfg, r->schools[i]->id)] = 2;
	/* schools to build: those asked for, and those without a line */
	r->schools = xreallocarray(r->schools, r->cfg.nschools + 1,
	    sizeof(*r->schools));
	r->nschools = 0;
	for (j = 0; j < r->cfg.nschools; j++)
		if (have[j] != 1)
			r->schools[r->nschools++] = r->cfg.schools[j];
	free(have);
}

static int
cmd_build(struct run *r, int argc, char **argv)
{
	const char *files[NBACKENDS];
	struct build_job job;
	int all = argc == 0 && r->o.schools_from == NULL;
	int index = all || r->o.index;
	size_t i, failed = 0;

	if (argc > 0 && r->o.schools_from != NULL) {
		diag_error(NULL, 0, "give school ids or --schools-from, not "
		    "both");
		return 2;
	}
	deps_start(&r->start);
	if (load(r) > 0 && !r->o.keep_going)
		return 1;
	if ((r->schools = select_schools(r, argc, argv, &r->nschools)) ==
	    NULL)
		return 1;
	r->depdir = xasprintf("%s/.deps", r->o.out);
	for (i = 0; i < NBACKENDS; i++)
		files[i] = backends[i].file;
	r->site = site_new(files, NBACKENDS);
	site_set_revisions(r->site, revision_site_list);
	if (!all && r->o.index)
		index_others(r);
	/* fonts, templates and their file lists are loaded before any
	   worker starts, so the workers share them */
	if (r->nschools > 0 && (pdf_init(page_templates()) == -1 ||
	    (r->o.deps && common_deps(r) == -1))) {
		failed = 1;
		goto out;
	}
	tmpfiles_sweep(r->o.out);
	if (r->o.deps)
		tmpfiles_sweep(r->depdir);
	memset(&job, 0, sizeof(job));
	job.n = r->nschools;
	job.jobs = r->o.jobs > 0 ? r->o.jobs : build_cpus();
	job.keep_going = r->o.keep_going;
	job.ctx = r;
	job.one = build_one;
	job.done = build_done;
	job.name = build_name;
	job.cleanup = build_cleanup;
	failed = build_run(&job);
	for (i = 0; i < r->cfg.nschools; i++)
		buf_printf(&r->ids, "%s%s", i ? " " : "",
		    r->cfg.schools[i]->id);
	buf_putc(&r->ids, '\n');
	/* the index needs only its lines: give the memory of configs,
	   library and fonts back first (8,000 schools' index is a big page) */
	free(r->schools);
	r->schools = NULL;
	check_cleanup();
	config_free(&r->cfg);
	library_free(&r->lib);
	pdf_teardown();
	malloc_trim(0);
	if (index && (!failed || r->o.keep_going) && write_index(r) == -1)
		failed++;
out:
	site_free(r->site);
	r->site = NULL;
	free(r->schools);
	r->schools = NULL;
	return failed || r->load_errors ? 1 : 0;
}

static int
cmd_check(struct run *r, int argc, char **argv)
{
	const struct school **schools;
	struct check_result cr = { 0 };
	struct document *d;
	size_t n, i;

	load(r);
	if ((schools = select_schools(r, argc, argv, &n)) == NULL)
		return 1;
	for (i = 0; i < n; i++) {
		if ((d = doc_assemble(schools[i], &r->lib)) == NULL)
			continue;
		check_document(d, &r->cfg, &cr);
		schoolgids_check(d);
		/* frozen revisions must verify */
		struct revision_entry *rv;
		size_t nrv;
		revision_list(d, &rv, &nrv);
		revision_list_free(rv, nrv);
		doc_free(d);
	}
	free(schools);
	return diag_count(DIAG_ERROR) > 0 ? 1 : 0;
}

/* Assemble the one school of argv[0]; NULL after reporting. */
static struct document *
one_school(struct run *r, const char *id)
{
	const struct school *s;

	if (load(r) > 0) {
		diag_note(NULL, 0, "fix the errors above first");
		return NULL;
	}
	if ((s = config_school(&r->cfg, id)) == NULL) {
		diag_error(NULL, 0, "unknown school '%s'", id);
		return NULL;
	}
	return doc_assemble(s, &r->lib);
}

static int
cmd_adopt(struct run *r, const char *id)
{
	struct check_result cr = { 0 };
	struct document *d;
	int rc = 1;

	if ((d = one_school(r, id)) == NULL)
		return 1;
	if (revision_adopt_check(d) == 0) {
		check_document(d, &r->cfg, &cr);
		if (cr.errors > 0)
			diag_note(d->school->path, 0, "version %s of '%s' was "
			    "not adopted", d->meta.version, id);
		else
			rc = revision_adopt(d);
	}
	doc_free(d);
	return rc;
}

/*
 * The redline from..to as out/<id>/diff-A-B.html and .pdf: both rendered
 * before either is written; print their paths.  Return 0 or 1.
 */
static int
write_redline(struct run *r, const struct document *d,
    const struct revdoc *from, const struct revdoc *to)
{
	struct redline *rl = redline_build(from, to);
	struct buf html = { 0 }, pdf = { 0 };
	char *base, *hpath, *ppath;
	int rc = 1;

	base = xasprintf("%s/%s/diff-%s-%s", r->o.out, d->meta.school_id,
	    from->version, to->version);
	hpath = xasprintf("%s.html", base);
	ppath = xasprintf("%s.pdf", base);
	if (diffhtml_render(rl, r->o.collapse, &html) == 0 &&
	    pdf_init(page_templates()) == 0 &&
	    pdf_redline(rl, r->o.collapse, &pdf) == 0 &&
	    write_output(hpath, &html) == 0 && write_output(ppath, &pdf) == 0) {
		printf("%s\n%s\n", hpath, ppath);
		rc = 0;
	}
	free(base);
	free(hpath);
	free(ppath);
	buf_free(&html);
	buf_free(&pdf);
	redline_free(rl);
	return rc;
}

static int
cmd_diff(struct run *r, int argc, char **argv)
{
	struct revdoc *from = NULL, *to = NULL;
	struct document *d;
	int rc = 1;

	if ((d = one_school(r, argv[0])) == NULL)
		return 1;
	if ((from = revision_open(d, argv[1])) != NULL &&
	    (to = revision_open(d, argc > 2 ? argv[2] : NULL)) != NULL)
		rc = write_redline(r, d, from, to);
	revdoc_free(from);
	revdoc_free(to);
	doc_free(d);
	return rc;
}

static int
cmd_impact(struct run *r)
{
	struct library old = { 0 };
	char *tmp = NULL;
	int rc;

	if (load(r) > 0)
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

static int
cmd_clauses(struct run *r)
{
	struct buf *users;
	size_t *nusers, i, j;
	struct document *d;

	load(r);
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

static int
cmd_dump(struct run *r, const char *id, int explain)
{
	const struct school *s;
	struct document *d;
	struct buf out = { 0 };

	if (load(r) > 0 && config_school(&r->cfg, id) == NULL)
		return 1;
	if ((s = config_school(&r->cfg, id)) == NULL) {
		diag_error(NULL, 0, "unknown school '%s'", id);
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

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "out", required_argument, NULL, 'o' },
		{ "root", required_argument, NULL, 'r' },
		{ "templates", required_argument, NULL, 't' },
		{ "keep-going", no_argument, NULL, 'k' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "deps", no_argument, NULL, 'D' },
		{ "index", no_argument, NULL, 'I' },
		{ "schools-from", required_argument, NULL, 'F' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "dump", required_argument, NULL, 'd' },
		{ "explain", required_argument, NULL, 'e' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "collapse", no_argument, NULL, 'c' },
		{ "against", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct run r = { .o = { .root = ".", .out = NULL, .jobs = 1 } };
	const char *cmd, *dump_id = NULL;
	int ch, rc, explain = 0;
	char *out_default = NULL, *end, *exe = NULL;

	LIBXML_TEST_VERSION
	atomic_signals_install();
	/* the program as a dependency: as it was run (bin/protocolgen) */
	if (strchr(argv[0], '/') != NULL)
		r.exe = argv[0];
	else
		r.exe = exe = realpath("/proc/self/exe", NULL);
	if (r.exe == NULL)
		r.exe = argv[0];
	/* "+": options end at the command; each command reads its own */
	while ((ch = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1)
		switch (ch) {
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("protocolgen %s\n", VERSION);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	if (optind >= argc) {
		usage(stderr);
		return 2;
	}
	cmd = argv[optind];
	argc -= optind;
	argv += optind;
	optind = 0;	/* glibc: 0 restarts the scan (and its permutation) */
	while ((ch = getopt_long(argc, argv, "kqhvj:", longopts, NULL)) != -1)
		switch (ch) {
		case 'v':
			r.o.verbose = 1;
			break;
		case 'j':
			r.o.jobs = (int)strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || r.o.jobs < 0 ||
			    r.o.jobs > 1024) {
				fprintf(stderr, "protocolgen: --jobs wants a "
				    "number from 0 to 1024\n");
				return 2;
			}
			break;
		case 'D':
			r.o.deps = 1;
			break;
		case 'I':
			r.o.index = 1;
			break;
		case 'F':
			r.o.schools_from = optarg;
			break;
		case 'o':
			r.o.out = optarg;
			break;
		case 'r':
			r.o.root = optarg;
			break;
		case 't':
			r.o.templates = optarg;
			break;
		case 'k':
			r.o.keep_going = 1;
			break;
		case 'd':
			dump_id = optarg;
			break;
		case 'e':
			dump_id = optarg;
			explain = 1;
			break;
		case 'q':
			diag_quiet_warnings(1);
			break;
		case 'c':
			r.o.collapse = 1;
			break;
		case 'a':
			r.o.against = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	argc -= optind;
	argv += optind;
	if (r.o.out == NULL)
		r.o.out = out_default = project_path(r.o.root, "out");

	if ((r.o.jobs != 1 || r.o.deps || r.o.index || r.o.schools_from ||
	    r.o.verbose) &&
	    (strcmp(cmd, "build") != 0 || dump_id != NULL)) {
		fprintf(stderr, "protocolgen: --jobs, --deps, --index, "
		    "--schools-from and --verbose are for building\n");
		usage(stderr);
		free(out_default);
		free(exe);
		return 2;
	}
	if ((r.o.collapse && strcmp(cmd, "diff") != 0) ||
	    (r.o.against && strcmp(cmd, "impact") != 0)) {
		fprintf(stderr, "protocolgen: %s is for the %s command\n",
		    r.o.collapse ? "--collapse" : "--against",
		    r.o.collapse ? "diff" : "impact");
		usage(stderr);
		free(out_default);
		free(exe);
		return 2;
	}
	if (strcmp(cmd, "build") == 0) {
		rc = dump_id ? cmd_dump(&r, dump_id, explain) :
		    cmd_build(&r, argc, argv);
	} else if (strcmp(cmd, "check") == 0 && dump_id == NULL) {
		rc = cmd_check(&r, argc, argv);
	} else if (strcmp(cmd, "clauses") == 0 && argc == 0 &&
	    dump_id == NULL) {
		rc = cmd_clauses(&r);
	} else if (strcmp(cmd, "adopt") == 0 && argc == 1 && dump_id == NULL) {
		rc = cmd_adopt(&r, argv[0]);
	} else if (strcmp(cmd, "diff") == 0 && (argc == 2 || argc == 3) &&
	    dump_id == NULL) {
		rc = cmd_diff(&r, argc, argv);
	} else if (strcmp(cmd, "impact") == 0 && argc == 0 &&
	    dump_id == NULL) {
		rc = cmd_impact(&r);
	} else {
		fprintf(stderr, "protocolgen: unknown command or arguments: "
		    "%s\n", cmd);
		usage(stderr);
		free(out_default);
		free(exe);
		return 2;
	}
	unload(&r);
	free(out_default);
	free(exe);
	xmlCleanupParser();
	return rc;
}
