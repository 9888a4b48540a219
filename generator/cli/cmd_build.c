/* protocolgen build: every school through the pipeline, its files, the index. */
#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <malloc.h>

#include <libxml/parser.h>

#include "base/base.h"
#include "check/check.h"
#include "cli/cli.h"
#include "config/config.h"
#include "library/library.h"
#include "model/model.h"
#include "render/page/page.h"
#include "render/pdf/pdf.h"
#include "render/render.h"
#include "render/site/site.h"
#include "revisions/revisions.h"

/*
 * out/<id>/.manifest (and the preview's <id>/.manifest): what the last
 * build wrote for a school, so the next one removes exactly the files it
 * no longer makes (a redline of a revision gone, a school gone, a draft
 * adopted) and nothing else: "config PATH", then one "file NAME" line per
 * file.  NAME is a file of the folder or of one folder in it (an archived
 * version: "versie-1.0/protocol.html").
 */
#define MANIFEST	".manifest"

/* A name a manifest may list: "x" or "dir/x", no part empty or hidden. */
static int
manifest_name_ok(const char *n)
{
	const char *slash = strchr(n, '/');

	if (n[0] == '.' || n[0] == '\0')
		return 0;
	if (slash == NULL)
		return 1;
	return slash[1] != '.' && slash[1] != '\0' &&
	    strchr(slash + 1, '/') == NULL;
}

/* The names a manifest lists (each followed by a NUL) into *names. */
static void
manifest_read(const char *dir, struct buf *names, char **config)
{
	struct buf b = { 0 };
	char *path = xasprintf("%s/%s", dir, MANIFEST), *line, *save = NULL;

	if (config != NULL)
		*config = NULL;
	if (file_read_nofollow(path, &b) == 0)
		for (line = strtok_r(b.data, "\n", &save); line != NULL;
		    line = strtok_r(NULL, "\n", &save)) {
			if (strncmp(line, "file ", 5) == 0 &&
			    manifest_name_ok(line + 5))
				buf_put(names, line + 5, strlen(line + 5) + 1);
			else if (strncmp(line, "config ", 7) == 0 &&
			    config != NULL && *config == NULL)
				*config = xstrdup(line + 7);
		}
	buf_free(&b);
	free(path);
}

/* Remove dir/name for each name of old (NUL-separated) not in keep. */
static void
remove_unlisted(const char *dir, const struct buf *old, const char *const *keep,
    size_t nkeep)
{
	const char *n;
	size_t i;
	char *path;

	for (n = old->data; old->len > 0 && n < old->data + old->len;
	    n += strlen(n) + 1) {
		for (i = 0; i < nkeep && strcmp(keep[i], n) != 0; i++)
			continue;
		if (i < nkeep)
			continue;
		path = xasprintf("%s/%s", dir, n);
		if (tree_path_check(path, "remove") == -1) {
			free(path);
			continue;
		}
		if (unlink(path) == -1 && errno != ENOENT)
			diag_warn(path, 0, "cannot remove a file the build no "
			    "longer makes: %s", strerror(errno));
		if (strchr(n, '/') != NULL) {
			/* an archived version's folder, once empty */
			*strrchr(path, '/') = '\0';
			rmdir(path);
		}
		free(path);
	}
}

/* Remove leftover temporary files of dir and of the folders f writes into. */
static void
sweep(const char *dir, const struct out_files *f)
{
	const char *slash;
	char *sub;
	size_t i, n;

	tmpfiles_sweep(dir);
	for (i = 0; i < f->n; i++) {
		if ((slash = strchr(f->v[i].name, '/')) == NULL)
			continue;
		n = (size_t)(slash - f->v[i].name);
		/* a version's files come together: its folder once */
		if (i > 0 && strncmp(f->v[i - 1].name, f->v[i].name, n + 1) == 0)
			continue;
		sub = xasprintf("%s/%.*s", dir, (int)n, f->v[i].name);
		tmpfiles_sweep(sub);
		free(sub);
	}
}

/*
 * Write the files f of a school into dir, then its manifest; remove what
 * the last build wrote there and this one does not.  A folder with nothing
 * to hold (nothing adopted yet; no draft) is not made, and goes when
 * emptied.
 */
static int
write_folder(const char *dir, const struct out_files *f, const char *config)
{
	const char **names = xcalloc(f->n + 1, sizeof(*names));
	struct buf old = { 0 }, man = { 0 };
	char *path;
	size_t i;
	int rc = 0;

	/* its manifest's path: the folders on the way are real ones */
	path = xasprintf("%s/%s", dir, MANIFEST);
	rc = tree_path_check(path, "write");
	free(path);
	if (rc == -1) {
		free(names);
		return -1;
	}
	sweep(dir, f);
	for (i = 0; i < f->n && rc == 0; i++) {
		names[i] = f->v[i].name;
		path = xasprintf("%s/%s", dir, names[i]);
		if (write_output(path, &f->v[i].data) == -1)
			rc = -1;
		free(path);
	}
	if (rc == 0) {
		manifest_read(dir, &old, NULL);
		remove_unlisted(dir, &old, names, f->n);
		path = xasprintf("%s/%s", dir, MANIFEST);
		if (f->n == 0) {
			unlink(path);
			rmdir(dir);	/* only when empty */
		} else {
			buf_printf(&man, "config %s\n", config);
			for (i = 0; i < f->n; i++)
				buf_printf(&man, "file %s\n", names[i]);
			rc = write_output(path, &man);
		}
		free(path);
	}
	buf_free(&old);
	buf_free(&man);
	free(names);
	return rc;
}

/*
 * Write every file the pipeline rendered for a school (none on errors):
 * the published folder out/<id>/ (none for a school with nothing adopted)
 * and the preview's <id>/ (none without a draft).
 */
static int
write_school(struct run *r, const struct school_run *sr)
{
	char *abs = realpath(sr->d->school->path, NULL), *dir;
	const char *config = abs ? abs : sr->d->school->path;
	int rc;

	dir = xasprintf("%s/%s", r->o.out, sr->d->meta.school_id);
	rc = write_folder(dir, &sr->pub, config);
	free(dir);
	dir = xasprintf("%s/%s", r->drafts, sr->d->meta.school_id);
	if (rc == 0)
		rc = write_folder(dir, &sr->preview, config);
	free(dir);
	free(abs);
	return rc;
}

/* Is id one of the words of r->ids (every configured school)? */
static int
configured(const struct run *r, const char *id)
{
	const char *p = buf_str(&r->ids);
	size_t n = strlen(id);

	while ((p = strstr(p, id)) != NULL) {
		if ((p == buf_str(&r->ids) || p[-1] == ' ') &&
		    (p[n] == ' ' || p[n] == '\n' || p[n] == '\0'))
			return 1;
		p += n;
	}
	return 0;
}

/*
 * A build that rewrites the index: the folders of out/ that a build made
 * for a school whose config file is gone lose the files that build wrote
 * (as its manifest lists them), and go when nothing else is left in them.
 * A school whose config has errors keeps its files: only a deleted config
 * file removes a school (and never one configured now).
 */
static void
remove_gone_schools(struct run *r, const char *out)
{
	struct dir_entry *e;
	struct buf old = { 0 };
	char *dir, *config, *path;
	size_t n, i;
	int bad;

	path = xasprintf("%s/%s", out, MANIFEST);
	bad = tree_path_check(path, "remove") == -1;	/* a linked preview */
	free(path);
	if (bad || (e = dir_list(out, &n)) == NULL)
		return;
	for (i = 0; i < n; i++) {
		/* a link is no folder of ours: never followed */
		if (e[i].type != ENT_DIR || configured(r, e[i].name))
			continue;
		dir = xasprintf("%s/%s", out, e[i].name);
		buf_reset(&old);
		manifest_read(dir, &old, &config);
		if (config != NULL && access(config, F_OK) == -1 &&
		    errno == ENOENT) {
			remove_unlisted(dir, &old, NULL, 0);
			path = xasprintf("%s/%s", dir, MANIFEST);
			unlink(path);
			free(path);
			rmdir(dir);	/* only when empty */
		}
		free(config);
		free(dir);
	}
	dir_list_free(e, n);
	buf_free(&old);
}

/*
 * The make rule of a school (OUT/.deps/ID.d): its outputs depend on its
 * config, its board's, the national defaults, its outline, the clause
 * files it uses, its frozen revisions, and what every school reads
 * (templates, strings, fonts, hyphenation, this program).  Then its stamp
 * is dated.
 */
static int
write_school_deps(struct run *r, const struct school_run *sr)
{
	const struct document *d = sr->d;
	const struct school *s = d->school;
	const struct revision_entry *rv = sr->revs.entries;
	struct deps dp = { 0 };
	size_t i, nrv = sr->revs.nentries;
	int rc = 0;

	deps_add_all(&dp, &r->common);
	deps_add(&dp, r->cfg.national.path);
	deps_add(&dp, s->board->path);
	deps_add(&dp, s->path);
	if (s->look.logo != NULL)	/* the board's or its own */
		deps_add(&dp, s->look.logo);
	/*
	 * A follower's text is its leader's (whose revisions are in
	 * sr->revs): its config, and its stamp, so that whatever makes the
	 * leader stale (a revision adopted since) makes the follower stale
	 * too (tools/render.mk).
	 */
	if (s->leader != NULL) {
		char *stamp = xasprintf("%s/%s.stamp", r->depdir,
		    s->leader->id);
		deps_add(&dp, s->leader->path);
		deps_add(&dp, stamp);
		free(stamp);
	}
	if (d->outline_path != NULL)
		deps_add(&dp, d->outline_path);
	for (i = 0; i < d->nblocks; i++)
		deps_add(&dp, d->blocks[i].clause->path);
	for (i = 0; i < d->nnotes; i++)
		deps_add(&dp, d->notes[i].clause->path);
	/* its frozen revisions, and the redline's page when it has one
	   (tools/render.mk adds a revision adopted since) */
	for (i = 0; i < nrv; i++)
		if (rv[i].file != NULL)
			deps_add(&dp, rv[i].file);
	if (nrv > 0 && rv[0].file != NULL &&
	    page_files("diff.html", deps_add, &dp) == -1)
		rc = -1;
	/* and the archive page's */
	if (sr->inforce != NULL &&
	    page_files("archive.html", deps_add, &dp) == -1)
		rc = -1;
	if (rc == 0)
		rc = deps_write(r->depdir, s->id, &dp, &r->start);
	deps_free(&dp);
	return rc;
}

/* build_run(): school i through the pipeline, then its files. */
static int
build_one(void *ctx, size_t i, struct buf *rec)
{
	struct run *r = ctx;
	const struct school *s = r->schools[i];
	struct school_run sr = { .stages = STAGE_CHECK | STAGE_RENDER |
	    STAGE_REVISIONS };
	struct site_revision *srev;
	size_t nsrev;
	int rc = -1;

	if (pipeline_school(r, s, &sr) == 0 && write_school(r, &sr) == 0 &&
	    (!r->o.deps || write_school_deps(r, &sr) == 0)) {
		/* the index's line, made here where the document is */
		/* the version in force; never the draft */
		if (sr.inforce != NULL && sr.leader != NULL)
			/* a follower: its leader's history is the leader's */
			site_add(r->site, sr.inforce, NULL, 0);
		else if (sr.inforce != NULL) {
			nsrev = revset_site_list(sr.d, &sr.revs, &srev);
			site_add(r->site, sr.inforce, srev, nsrev);
		} else
			site_add_pending(r->site, sr.d);
		site_record(r->site, s->id, rec);
		site_remove(r->site, s->id);
		rc = 0;
	} else
		diag_note(s->path, 0, "school '%s' was not written", s->id);
	pipeline_free(&sr);
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

/* build_run(), in a worker before it ends: free its copy of everything. */
static void
build_cleanup(void *ctx)
{
	struct run *r = ctx;

	site_free(r->site);
	r->site = NULL;
	free(r->schools);
	r->schools = NULL;
	cli_unload(r);
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
	deps_add(&r->common, r->strings);
	deps_add(&r->common, r->exe);
	return render_deps(deps_add, &r->common);
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
	char *path, *guide;
	int rc = -1;

	if (site_render(r->site, &out) == 0) {
		path = xasprintf("%s/index.html", r->o.out);
		rc = write_output(path, &out);
		free(path);
	}
	/* the Dutch user guide beside the index, when the project has one */
	guide = project_path(r->o.root, "docs/handleiding.md");
	if (rc == 0 && access(guide, F_OK) == 0) {
		buf_reset(&out);
		path = xasprintf("%s/handleiding.html", r->o.out);
		rc = guide_render(guide, &out) == 0 ? write_output(path, &out) :
		    -1;
		free(path);
		deps_add(&dp, guide);
	}
	free(guide);
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

	if (file_read_nofollow(path, &b) == 0)
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

int
cmd_build(struct run *r, int argc, char **argv)
{
	const char *files[RENDER_NBACKENDS];
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
	if (cli_load(r) > 0 && !r->o.keep_going)
		return 1;
	if ((r->schools = select_schools(r, argc, argv, &r->nschools)) ==
	    NULL)
		return 1;
	r->depdir = xasprintf("%s/.deps", r->o.out);
	r->drafts = drafts_dir(r);
	/* a school id is never a name out/ uses itself (config.c) */
	if (output_trees(r) == -1) {
		free(r->schools);
		r->schools = NULL;
		return 1;
	}
	for (i = 0; i < RENDER_NBACKENDS; i++)
		files[i] = render_backends[i].file;
	r->site = site_new(files, RENDER_NBACKENDS);
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
	tmpfiles_sweep(r->drafts);
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
	if (index) {
		remove_gone_schools(r, r->o.out);
		remove_gone_schools(r, r->drafts);
	}
out:
	site_free(r->site);
	r->site = NULL;
	free(r->schools);
	r->schools = NULL;
	return failed || r->load_errors ? 1 : 0;
}

