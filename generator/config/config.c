/* Loading the tree of school configs (defaults, boards, schools); freeing it. */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/config.h"
#include "base/base.h"

/* ------------------------------------------------------------------ */
/* Loading the tree of configs                                          */


static const char *
intern(struct config *c, const char *path)
{
	ARRAY_RESERVE(c->files, c->nfiles, c->filescap);
	c->files[c->nfiles] = xstrdup(path);
	return c->files[c->nfiles++];
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted names of entries in dir; NULL on error. */
static char **
list_dir(const char *dir, size_t *n)
{
	struct dirent *de;
	char **v = NULL;
	size_t cap = 0;
	DIR *d;

	*n = 0;
	if ((d = opendir(dir)) == NULL)
		return NULL;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		ARRAY_RESERVE(v, *n, cap);
		v[(*n)++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (*n > 0)
		qsort(v, *n, sizeof(*v), name_cmp);
	else
		v = xcalloc(1, sizeof(*v));
	return v;
}

static void
free_names(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static int
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static void
load_school(struct config *c, struct board *b, const char *file,
    const char *id)
{
	struct config_reader r = { 0 };
	struct cval *t = NULL;
	struct school *s;
	size_t i;

	if (!config_valid_id(id)) {
		diag_error(file, 0, "school id '%s' (the file name) must "
		    "match [a-z0-9-]+", id);
		return;
	}
	for (i = 0; i < c->nschools; i++)
		if (strcmp(c->schools[i]->id, id) == 0) {
			diag_error(file, 0, "school id '%s' is already used "
			    "by %s", id, c->schools[i]->path);
			return;
		}
	if (config_run(file, "school", &t) == -1)
		return;
	config_check_keys(&r, t, config_school_keys, "school");
	s = xcalloc(1, sizeof(*s));
	s->id = xstrdup(id);
	s->path = xstrdup(file);
	s->board = b;
	if (cval_get(t, "follows") != NULL) {
		/* read once every protocol it may follow is loaded */
		if (r.errors > 0 || config_follower_keys(t, id) > 0) {
			cval_free(t);
			config_free_school(s);
			return;
		}
		s->merged = t;
		c->followers = xreallocarray(c->followers,
		    c->nfollowers + 1, sizeof(*c->followers));
		c->followers[c->nfollowers++] = s;
		return;
	}
	s->merged = cval_merge(b->defaults, t);
	s->merged->loc = t->loc;
	config_read_school(&r, &c->national, s, s->merged);
	s->pending = r.pending;
	cval_free(t);
	if (r.errors > 0) {
		/* keep nothing half-read */
		config_free_school(s);
		return;
	}
	c->schools = xreallocarray(c->schools, c->nschools + 1,
	    sizeof(*c->schools));
	c->schools[c->nschools++] = s;
}

static void
load_board(struct config *c, const char *root, const char *id)
{
	struct config_reader r = { 0 };
	struct board *b;
	struct cval *t;
	char *dir, *path;
	char **names;
	size_t n, i;

	dir = xasprintf("%s/%s", root, id);
	path = xasprintf("%s/board.lua", dir);
	if (!config_valid_id(id)) {
		diag_error(dir, 0, "board id '%s' (the folder name) must "
		    "match [a-z0-9-]+", id);
		goto out;
	}
	if (access(path, F_OK) == -1) {
		diag_error(dir, 0, "board folder without board.lua");
		goto out;
	}
	if (config_run(intern(c, path), "board", &t) == -1)
		goto out;
	b = xcalloc(1, sizeof(*b));
	b->id = xstrdup(id);
	b->dir = xstrdup(dir);
	b->path = xstrdup(path);
	b->tree = t;
	config_read_board(&r, b, t);
	b->pending = r.pending;
	c->boards = xreallocarray(c->boards, c->nboards + 1,
	    sizeof(*c->boards));
	c->boards[c->nboards++] = b;
	if (r.errors > 0)
		goto out;
	if ((names = list_dir(dir, &n)) == NULL) {
		diag_error(dir, 0, "cannot read folder: %s", strerror(errno));
		goto out;
	}
	for (i = 0; i < n; i++) {
		char *file;
		if (!str_ends(names[i], ".lua") ||
		    strcmp(names[i], "board.lua") == 0)
			continue;
		file = xasprintf("%s/%s", dir, names[i]);
		names[i][strlen(names[i]) - 4] = '\0';
		load_school(c, b, intern(c, file), names[i]);
		free(file);
	}
	free_names(names, n);
out:
	free(dir);
	free(path);
}

static int
school_cmp(const void *a, const void *b)
{
	return strcmp((*(struct school *const *)a)->id,
	    (*(struct school *const *)b)->id);
}

int
config_load(struct config *c, const char *root)
{
	struct config_reader r = { 0 };
	struct cval *t;
	char **names;
	size_t n, i;
	int before = diag_count(DIAG_ERROR);

	static unsigned long generations;

	memset(c, 0, sizeof(*c));
	c->generation = ++generations;
	c->root = xstrdup(root);
	c->national.path = xasprintf("%s/defaults.lua", root);
	if (config_run(intern(c, c->national.path), "defaults", &t) == -1)
		return diag_count(DIAG_ERROR) - before;
	c->national.tree = t;
	config_read_national(&r, &c->national, t);
	if (r.errors > 0)
		return diag_count(DIAG_ERROR) - before;
	if ((names = list_dir(root, &n)) == NULL) {
		diag_error(root, 0, "cannot read folder: %s", strerror(errno));
		return diag_count(DIAG_ERROR) - before;
	}
	for (i = 0; i < n; i++) {
		char *p = xasprintf("%s/%s", root, names[i]);
		if (is_dir(p))
			load_board(c, root, names[i]);
		else if (strcmp(names[i], "defaults.lua") != 0 &&
		    str_ends(names[i], ".lua"))
			diag_error(p, 0, "a school file belongs in its board's "
			    "folder (%s/<board>/)", root);
		free(p);
	}
	free_names(names, n);
	config_followers(c);
	if (c->nschools > 1)
		qsort(c->schools, c->nschools, sizeof(*c->schools),
		    school_cmp);
	return diag_count(DIAG_ERROR) - before;
}

const struct school *
config_school(const struct config *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->nschools; i++)
		if (strcmp(c->schools[i]->id, id) == 0)
			return c->schools[i];
	return NULL;
}

const char *
config_school_hint(const struct config *c, const char *id, char *buf,
    size_t size)
{
	struct nearest near;
	size_t i;

	nearest_init(&near, id);
	for (i = 0; i < c->nschools; i++)
		nearest_try(&near, c->schools[i]->id);
	return nearest_hint(&near, buf, size);
}

/* ------------------------------------------------------------------ */
/* Freeing                                                              */

void
config_free_school(struct school *s)
{
	size_t i;

	for (i = 0; i < s->nadd; i++)
		config_placement_clear(&s->add[i]);
	free(s->add);
	for (i = 0; i < s->nremove; i++)
		config_placement_clear(&s->remove[i]);
	free(s->remove);
	for (i = 0; i < s->nchannels; i++)
		config_channel_clear(&s->channels[i]);
	free(s->channels);
	for (i = 0; i < s->nlessons; i++)
		config_lesson_clear(&s->lessons[i]);
	free(s->lessons);
	for (i = 0; i < s->rev.napprovals; i++) {
		free(s->rev.approvals[i].body);
		free(s->rev.approvals[i].act);
		free(s->rev.approvals[i].date);
	}
	free(s->rev.approvals);
	free(s->rev.version);
	free(s->rev.status);
	free(s->rev.scope);
	free(s->rev.effective);
	free(s->rev.review);
	free(s->rev.replaces);
	config_rationale_clear(&s->rev);
	config_look_clear(&s->look);
	for (i = 0; i < s->nvars; i++) {
		free(s->vars[i].name);
		free(s->vars[i].value);
	}
	free(s->vars);
	free(s->id);
	free(s->path);
	free(s->name);
	free(s->short_name);
	free(s->place);
	free(s->brin);
	free(s->vestiging);
	free(s->outline);
	free(s->owner);
	free(s->author);
	free(s->maintainer);
	free(s->website);
	free(s->protocol_url);
	free(s->title);
	free(s->schoolyear);
	free(s->follows);
	free(s->pending.what);
	cval_free(s->merged);
	free(s);
}

void
config_free(struct config *c)
{
	struct national *n = &c->national;
	size_t i, j;

	for (i = 0; i < c->nschools; i++)
		config_free_school(c->schools[i]);
	free(c->schools);
	free(c->followers);
	for (i = 0; i < c->nboards; i++) {
		struct board *b = c->boards[i];
		for (j = 0; j < b->naliases; j++)
			free(b->aliases[j]);
		free(b->aliases);
		free(b->id);
		free(b->dir);
		free(b->path);
		free(b->name);
		free(b->short_name);
		free(b->pending.what);
		config_look_clear(&b->look);
		cval_free(b->defaults);
		cval_free(b->tree);
		free(b);
	}
	free(c->boards);
	for (i = 0; i < n->nproducts; i++) {
		free(n->products[i].id);
		free(n->products[i].name);
		free(n->products[i].type);
		free(n->products[i].source);
		free(n->products[i].checked);
	}
	free(n->products);
	for (i = 0; i < n->nprogrammes; i++) {
		struct programme *p = &n->programmes[i];
		free(p->id);
		free(p->name);
		free(p->by);
		free(p->groups);
		free(p->level);
		free(p->source);
		free(p->checked);
	}
	free(n->programmes);
	free(n->inspector_phone);
	free(n->inspector_hours);
	free(n->path);
	cval_free(n->roles);
	cval_free(n->tree);
	for (i = 0; i < c->nfiles; i++)
		free(c->files[i]);
	free(c->files);
	free(c->root);
	memset(c, 0, sizeof(*c));
}
