/* protocolgen: command line, stage order and the one table of backends. */
#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "check.h"
#include "config.h"
#include "diag.h"
#include "diffhtml.h"
#include "doc.h"
#include "dump.h"
#include "html.h"
#include "htmlpage.h"
#include "impact.h"
#include "json.h"
#include "library.h"
#include "md.h"
#include "redline.h"
#include "revision.h"
#include "pdf.h"
#include "schoolgids.h"
#include "site.h"
#include "text.h"
#include "util.h"

#define VERSION "0.1.0"

/* Every per-school output, rendered from the document model only. */
static const struct backend {
	const char	*file;
	int		(*render)(const struct document *, struct buf *);
} backends[] = {
	{ "protocol.html",	html_render },
	{ "protocol.md",	md_render },
	{ "protocol.pdf",	pdf_render },
	{ "protocol.json",	json_render },
	{ "schoolgids.html",	schoolgids_html },
	{ "schoolgids-fragment.html", schoolgids_fragment },
	{ "schoolgids.md",	schoolgids_md },
	{ "schoolgids.pdf",	pdf_schoolgids },
};
#define NBACKENDS (sizeof(backends) / sizeof(backends[0]))

struct opts {
	const char	*root;
	const char	*out;
	const char	*templates;
	const char	*explain;
	const char	*against;
	int		 collapse;
	int		 keep_going;
	int		 dump;
	int		 quiet;
};

struct run {
	struct opts	 o;
	struct config	 cfg;
	struct library	 lib;
	char		*schools_dir;
	char		*clauses_dir;
	int		 load_errors;
};

static void
usage(FILE *f)
{
	fputs(
"usage: protocolgen build [--out DIR] [--keep-going] [ID...]\n"
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
	free(strings);
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
	page_cache_free();
	pdf_teardown();
	check_cleanup();
	text_free();
}

/* The schools named in argv, or all; NULL after reporting an unknown id. */
static const struct school **
select_schools(struct run *r, int argc, char **argv, size_t *n)
{
	const struct school **v;
	int i;

	if (argc == 0) {
		*n = r->cfg.nschools;
		v = xcalloc(*n, sizeof(*v));
		if (*n > 0)
			memcpy(v, r->cfg.schools, *n * sizeof(*v));
		return v;
	}
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
 * out/index.html, from the schools written in this run.  Only a build of
 * every school writes it: a partial build would drop the others.
 */
static int
write_index(struct run *r, const struct site *site)
{
	struct buf out = { 0 };
	char *path;
	int rc = -1;

	if (site_render(site, &out) == 0) {
		path = xasprintf("%s/index.html", r->o.out);
		rc = write_output(path, &out);
		free(path);
	}
	buf_free(&out);
	return rc;
}

static int
cmd_build(struct run *r, int argc, char **argv)
{
	const struct school **schools;
	const char *files[NBACKENDS];
	struct check_result cr;
	struct document *d;
	struct site *site;
	size_t n, i;
	int failed = 0;

	if (load(r) > 0 && !r->o.keep_going)
		return 1;
	if ((schools = select_schools(r, argc, argv, &n)) == NULL)
		return 1;
	if (n > 0 && pdf_init(page_templates()) == -1) {
		free(schools);
		return 1;
	}
	tmpfiles_sweep(r->o.out);
	for (i = 0; i < NBACKENDS; i++)
		files[i] = backends[i].file;
	site = site_new(files, NBACKENDS);
	site_set_revisions(site, revision_site_list);
	for (i = 0; i < n; i++) {
		int before = diag_count(DIAG_ERROR);
		if ((d = doc_assemble(schools[i], &r->lib)) != NULL) {
			memset(&cr, 0, sizeof(cr));
			check_document(d, &r->cfg, &cr);
			schoolgids_check(d);
		}
		if (d == NULL || diag_count(DIAG_ERROR) > before ||
		    write_school(r, d) == -1) {
			failed++;
			diag_note(schools[i]->path, 0, "school '%s' was not "
			    "written", schools[i]->id);
		} else
			site_add(site, d);
		doc_free(d);
		if (failed && !r->o.keep_going)
			break;
	}
	free(schools);
	if (argc == 0 && (!failed || r->o.keep_going) &&
	    write_index(r, site) == -1)
		failed++;
	site_free(site);
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
		{ "dump", required_argument, NULL, 'd' },
		{ "explain", required_argument, NULL, 'e' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "collapse", no_argument, NULL, 'c' },
		{ "against", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct run r = { .o = { .root = ".", .out = NULL } };
	const char *cmd, *dump_id = NULL;
	int ch, rc, explain = 0;
	char *out_default = NULL;

	LIBXML_TEST_VERSION
	atomic_signals_install();
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
	while ((ch = getopt_long(argc, argv, "kqh", longopts, NULL)) != -1)
		switch (ch) {
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

	if ((r.o.collapse && strcmp(cmd, "diff") != 0) ||
	    (r.o.against && strcmp(cmd, "impact") != 0)) {
		fprintf(stderr, "protocolgen: %s is for the %s command\n",
		    r.o.collapse ? "--collapse" : "--against",
		    r.o.collapse ? "diff" : "impact");
		usage(stderr);
		free(out_default);
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
		return 2;
	}
	unload(&r);
	free(out_default);
	xmlCleanupParser();
	return rc;
}
