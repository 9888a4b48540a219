/* What every command loads, the schools it is given, and writing a file. */
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
#include "render/page/page.h"
#include "render/pdf/pdf.h"

/* root/name, or just name when root is "." (messages read better). */
char *
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
int
cli_load(struct run *r)
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

void
cli_unload(struct run *r)
{
	config_free(&r->cfg);
	library_free(&r->lib);
	free(r->schools_dir);
	free(r->clauses_dir);
	free(r->strings);
	free(r->depdir);
	free(r->drafts);
	buf_free(&r->ids);
	deps_free(&r->common);
	page_cache_free();
	pdf_teardown();
	check_cleanup();
	text_free();
	trees_close();	/* a worker's copy: the lock stays the parent's */
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
long
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
const struct school **
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
			char hint[96];
			diag_error(NULL, 0, "unknown school '%s'%s (or its "
			    "config has errors)", argv[i], config_school_hint(
			    &r->cfg, argv[i], hint, sizeof(hint)));
			free(v);
			return NULL;
		}
		(*n)++;
	}
	return v;
}

/* Write data to path unless the file already holds exactly that. */
int
write_output(const char *path, const struct buf *data)
{
	struct buf old = { 0 };
	struct stat st;
	int same;

	if (tree_path_check(path, "write") == -1)
		return -1;
	/* a link or FIFO planted in its place is replaced, never read */
	same = lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    file_read_nofollow(path, &old) == 0 && old.len == data->len &&
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

int
output_trees(const struct run *r)
{
	const unsigned f = TREE_MAKE | TREE_NOLINK | TREE_LOCK;

	if (tree_open(r->o.out, "the output folder", f) == -1)
		return -1;
	if (r->o.drafts != NULL && tree_open(r->o.drafts, "the preview folder",
	    f) == -1)
		return -1;
	return 0;
}

char *
drafts_dir(const struct run *r)
{
	return r->o.drafts != NULL ? xstrdup(r->o.drafts) :
	    xasprintf("%s/concept", r->o.out);
}

/* Render every backend of one school into memory, then write them all. */
