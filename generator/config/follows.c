/* follows = "ID": a school that follows its board's board-wide protocol. */
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "config/config.h"

/*
 * What a follower sets itself: who it is and how it is reached.  Every
 * other key (outline, add, remove, lessons, roles, params, revision,
 * owner, author, maintainer, title, schoolyear, level, protocol_url) is the
 * board protocol's: its text, its revisions and the page it is read on.
 */
static const char *const own_keys[] = { "follows", "name", "short", "place",
    "website", "channels", "brin", "vestiging", NULL };

static int
own_key(const char *key)
{
	size_t i;

	for (i = 0; own_keys[i] != NULL; i++)
		if (strcmp(own_keys[i], key) == 0)
			return 1;
	return 0;
}

int
config_follower_keys(const struct cval *t, const char *id)
{
	const struct cval *f = cval_get(t, "follows");
	size_t i;
	int errors = 0;

	if (f->type != CV_STRING || !config_valid_id(f->str)) {
		diag_error(f->loc.file, f->loc.line, "'follows' must be the id "
		    "of a school ([a-z0-9-]+), not %s", f->type == CV_STRING ?
		    "that text" : config_type_name(f));
		return 1;
	}
	for (i = 0; i < t->nitems; i++) {
		if (own_key(t->items[i]->key))
			continue;
		diag_error(t->items[i]->loc.file, t->items[i]->loc.line,
		    "school '%s' follows '%s' and cannot set '%s': that is the "
		    "board protocol's (a follower sets only name, short, "
		    "place, website, channels, brin and vestiging)", id, f->str,
		    t->items[i]->key);
		errors++;
	}
	return errors;
}

/* A copy of map without the keys a follower sets itself. */
static struct cval *
without_own(const struct cval *map)
{
	struct cval *c = cval_clone(map);
	size_t i, n = 0;

	for (i = 0; i < c->nitems; i++)
		if (own_key(c->items[i]->key))
			cval_free(c->items[i]);
		else
			c->items[n++] = c->items[i];
	c->nitems = n;
	return c;
}

static int
is_follower(const struct config *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->nfollowers; i++)
		if (strcmp(c->followers[i]->id, id) == 0)
			return 1;
	return 0;
}

/* The leader s may follow, or NULL after reporting. */
static const struct school *
leader_of(const struct config *c, const struct school *s, const char *id,
    const struct loc *loc)
{
	const struct school *l;

	if (strcmp(id, s->id) == 0) {
		diag_error(loc->file, loc->line, "school '%s' cannot follow "
		    "itself", s->id);
		return NULL;
	}
	if (is_follower(c, id)) {
		diag_error(loc->file, loc->line, "'%s' follows another "
		    "school's protocol itself: follow the board-wide protocol "
		    "it follows", id);
		return NULL;
	}
	if ((l = config_school(c, id)) == NULL) {
		diag_error(loc->file, loc->line, "unknown school '%s' to "
		    "follow (a board-wide protocol of board '%s', in %s/)", id,
		    s->board->id, s->board->dir);
		return NULL;
	}
	if (l->board != s->board) {
		diag_error(loc->file, loc->line, "'%s' is a school of board "
		    "'%s', not '%s': a school follows its own board's "
		    "protocol", id, l->board->id, s->board->id);
		return NULL;
	}
	if (l->rev.scope == NULL || strcmp(l->rev.scope, "board") != 0) {
		diag_error(loc->file, loc->line, "'%s' is not a board-wide "
		    "protocol (its revision's scope is '%s', not 'board')", id,
		    l->rev.scope ? l->rev.scope : "school");
		return NULL;
	}
	return l;
}

/* Read follower s (its file's tree in s->merged) over its leader's values. */
static int
read_follower(struct config *c, struct school *s)
{
	struct config_reader r = { 0 };
	struct cval *t = s->merged, *base, *own;
	const struct cval *f = cval_get(t, "follows");
	const struct school *l;

	s->merged = NULL;
	s->follows = xstrdup(f->str);
	s->follows_loc = f->loc;
	if ((l = leader_of(c, s, f->str, &f->loc)) == NULL) {
		cval_free(t);
		return -1;
	}
	s->leader = l;
	/* the leader's values but its own (the board's defaults of those) */
	own = without_own(l->merged);
	base = cval_merge(s->board->defaults, own);
	s->merged = cval_merge(base, t);
	s->merged->loc = t->loc;
	cval_free(own);
	cval_free(base);
	cval_free(t);
	config_read_school(&r, &c->national, s, s->merged);
	s->pending = r.pending;
	return r.errors > 0 ? -1 : 0;
}

void
config_followers(struct config *c)
{
	char *failed = xcalloc(c->nfollowers + 1, 1);
	size_t i;

	for (i = 0; i < c->nfollowers; i++) {
		struct school *s = c->followers[i];
		if (read_follower(c, s) == -1) {
			failed[i] = 1;	/* freed once all are read: its id
					   still names a follower */
			continue;
		}
		c->schools = xreallocarray(c->schools, c->nschools + 1,
		    sizeof(*c->schools));
		c->schools[c->nschools++] = s;
	}
	for (i = 0; i < c->nfollowers; i++)
		if (failed[i])
			config_free_school(c->followers[i]);
	free(failed);
	free(c->followers);
	c->followers = NULL;
	c->nfollowers = 0;
}
