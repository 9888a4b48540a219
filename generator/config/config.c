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

/* The names a school id may not take: out/ and its pages use them. */
static const char *const reserved_ids[][2] = {
	{ "concept", "out/concept/ holds the preview of drafts" },
	{ "index", "out/index.html is the site's index" },
	{ "assets", "out/assets/ is kept for the site's own files" },
	{ "versies", "versies.html is each school's archive page" },
};

/* Is id a valid school id?  Report why not. */
static int
school_id_ok(const char *file, const char *id)
{
	size_t i;

	if (!config_valid_id(id)) {
		diag_error(file, 0, "school id '%s' (the file name) must "
		    "match [a-z0-9-]+%s", id, nonascii_hint(id));
		return 0;
	}
	for (i = 0; i < sizeof(reserved_ids) / sizeof(reserved_ids[0]); i++)
		if (strcmp(reserved_ids[i][0], id) == 0) {
			diag_error(file, 0, "school id '%s' (the file name) is "
			    "reserved: %s; rename the file", id,
			    reserved_ids[i][1]);
			return 0;
		}
	return 1;
}

static void
load_school(struct config *c, struct board *b, const char *file,
    const char *id)
{
	struct config_reader r = { 0 };
	struct cval *t = NULL;
	struct school *s;
	size_t i;

	if (!school_id_ok(file, id))
		return;
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

/*
 * A file where no config is read: an error when it would be read
 * elsewhere (a config, a frozen revision, an outline: it would vanish), a
 * warning for anything else.  holds: what the folder holds instead.
 */
/*
 * A file or folder that is no config nor revision: a warning after loading
 * (report_unread), unless a board's or school's logo is it or is in it (a
 * logo may be read only later: its school's config can come after it).
 */
struct unread {
	char	*path;
	char	*msg;
};

static void
defer_unread(struct config *c, const char *path, char *msg)
{
	c->unread = xreallocarray(c->unread, c->nunread + 1,
	    sizeof(*c->unread));
	c->unread[c->nunread].path = xstrdup(path);
	c->unread[c->nunread++].msg = msg;
}

static int
is_logo(const struct look *lk, const char *path)
{
	size_t n = strlen(path);

	return lk->logo != NULL && strncmp(lk->logo, path, n) == 0 &&
	    (lk->logo[n] == '\0' || lk->logo[n] == '/');
}

static void
report_unread(struct config *c)
{
	size_t i, j;
	int read;

	for (i = 0; i < c->nunread; i++) {
		read = 0;
		for (j = 0; !read && j < c->nboards; j++)
			read = is_logo(&c->boards[j]->look, c->unread[i].path);
		for (j = 0; !read && j < c->nschools; j++)
			read = is_logo(&c->schools[j]->look, c->unread[i].path);
		if (!read)
			diag_warn(c->unread[i].path, 0, "%s", c->unread[i].msg);
		free(c->unread[i].path);
		free(c->unread[i].msg);
	}
	free(c->unread);
	c->unread = NULL;
	c->nunread = 0;
}

static void
stray_file(struct config *c, const char *path, const char *name,
    const char *holds)
{
	if (str_ends(name, ".lua"))
		diag_error(path, 0, "a config here is not read: a school's "
		    "config is schools/<board>/<id>.lua");
	else if (str_ends(name, ".md"))
		diag_error(path, 0, "a frozen revision here is not read: it "
		    "belongs in schools/<board>/<id>/revisions/ (protocolgen "
		    "adopt writes it there)");
	else if (str_ends(name, ".outline"))
		diag_error(path, 0, "an outline here is not read: it belongs "
		    "in clauses/outlines/");
	else
		defer_unread(c, path, xasprintf("not read: %s", holds));
}

/* The entries of dir; NULL after reporting an unreadable or empty one. */
static struct dir_entry *
list_dir(const char *dir, const char *what, size_t *n)
{
	struct dir_entry *v;

	if ((v = dir_list(dir, n)) == NULL) {
		diag_error(dir, 0, "cannot read folder: %s", strerror(errno));
		return NULL;
	}
	if (*n == 0 && what != NULL) {
		diag_warn(dir, 0, "an empty %s: remove it", what);
		dir_list_free(v, *n);
		return NULL;
	}
	return v;
}

/*
 * A school's revisions folder: frozen revisions (read by revisions/ when
 * the school is built) and nothing else.
 */
static void
scan_revisions(struct config *c, const char *dir)
{
	struct dir_entry *v;
	size_t n, i;

	if ((v = list_dir(dir, "revisions folder", &n)) == NULL)
		return;
	for (i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, v[i].name);
		if (v[i].type == ENT_DIR && !str_ends(v[i].name, ".md"))
			diag_error(path, 0, "revisions folders do not nest: a "
			    "frozen revision is %s/<version>.md", dir);
		else if (!str_ends(v[i].name, ".md"))
			defer_unread(c, path, xstrdup("not read: a revisions "
			    "folder holds only frozen revisions (<version>.md)"));
		free(path);
	}
	dir_list_free(v, n);
}

/* schools/<board>/<id>/: the school's revisions/, and nothing else. */
static void
scan_school_dir(struct config *c, const char *dir, const char *id,
    int has_config)
{
	struct dir_entry *v;
	size_t n, i;

	if ((v = list_dir(dir, "school folder", &n)) == NULL)
		return;
	if (!has_config) {
		defer_unread(c, dir, xasprintf("a folder of no school (there "
		    "is no %s.lua beside it): its revisions are not read; "
		    "restore the school's config, or move the folder out of "
		    "schools/", id));
		dir_list_free(v, n);
		return;
	}
	for (i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, v[i].name);
		if (strcmp(v[i].name, "revisions") == 0) {
			if (v[i].type == ENT_DIR)
				scan_revisions(c, path);
			else
				input_refuse(path, "a revisions folder", 1);
		} else if (v[i].type == ENT_DIR || v[i].type == ENT_LINK)
			diag_error(path, 0, "not read: a school's folder holds "
			    "only revisions/ (its frozen revisions)");
		else
			stray_file(c, path, v[i].name, "a school's folder holds "
			    "only revisions/");
		free(path);
	}
	dir_list_free(v, n);
}

/* Does v[0..n) hold name + ".lua"? */
static int
has_config(const struct dir_entry *v, size_t n, const char *name)
{
	char *file = xasprintf("%s.lua", name);
	size_t i;

	for (i = 0; i < n && strcmp(v[i].name, file) != 0; i++)
		;
	free(file);
	return i < n;
}

/* The entries of a board's folder but board.lua: schools, their folders. */
static void
load_board_entries(struct config *c, struct board *b)
{
	struct dir_entry *v;
	size_t n, i;
	char *path;

	if ((v = list_dir(b->dir, NULL, &n)) == NULL)
		return;
	for (i = 0; i < n; i++) {
		const char *name = v[i].name;
		if (strcmp(name, "board.lua") == 0)
			continue;
		path = xasprintf("%s/%s", b->dir, name);
		if (str_ends(name, ".lua") && v[i].type != ENT_DIR) {
			char *id = xstrndup(name, strlen(name) - 4);
			load_school(c, b, intern(c, path), id);
			free(id);
		} else if (v[i].type == ENT_DIR)
			scan_school_dir(c, path, name, has_config(v, n,
			    name));
		else if (v[i].type == ENT_LINK && strchr(name, '.') == NULL)
			input_refuse(path, "a school's folder", 1);
		else
			stray_file(c, path, name, "a board folder holds "
			    "board.lua, school configs (<id>.lua) and their "
			    "folders (<id>/revisions/)");
		free(path);
	}
	dir_list_free(v, n);
}

static void
load_board(struct config *c, const char *root, const char *id)
{
	struct config_reader r = { 0 };
	struct board *b;
	struct cval *t;
	struct stat st;
	char *dir, *path;

	dir = xasprintf("%s/%s", root, id);
	path = xasprintf("%s/board.lua", dir);
	if (!config_valid_id(id)) {
		diag_error(dir, 0, "board id '%s' (the folder name) must "
		    "match [a-z0-9-]+%s", id, nonascii_hint(id));
		goto out;
	}
	if (lstat(path, &st) == -1 && errno == ENOENT) {
		diag_error(dir, 0, "board folder without board.lua: add the "
		    "board's config (board { name = ..., type = ... }), or "
		    "move the folder out of %s", root);
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
	if (r.errors == 0)
		load_board_entries(c, b);
out:
	free(dir);
	free(path);
}

/* An entry of schools/ but defaults.lua: a board folder, or reported. */
static void
load_top_entry(struct config *c, const char *root, const struct dir_entry *e)
{
	char *p = xasprintf("%s/%s", root, e->name);

	if (e->type == ENT_DIR)
		load_board(c, root, e->name);
	else if (str_ends(e->name, ".lua"))
		diag_error(p, 0, "a school file belongs in its board's "
		    "folder (%s/<board>/)", root);
	else if (e->type == ENT_LINK && strchr(e->name, '.') == NULL)
		input_refuse(p, "a board folder", 1);
	else
		stray_file(c, p, e->name, "schools/ holds defaults.lua and board "
		    "folders");
	free(p);
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
	struct dir_entry *v;
	struct cval *t;
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
	if ((v = list_dir(root, NULL, &n)) == NULL)
		return diag_count(DIAG_ERROR) - before;
	for (i = 0; i < n; i++)
		if (strcmp(v[i].name, "defaults.lua") != 0)
			load_top_entry(c, root, &v[i]);
	dir_list_free(v, n);
	config_followers(c);
	report_unread(c);
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
		free(b->redline_author);
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
