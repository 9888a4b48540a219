/* Reading the national defaults, boards and schools into checked records. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "base/base.h"

static int
one_of(const char *s, const char *const *set)
{
	for (; *set != NULL; set++)
		if (strcmp(s, *set) == 0)
			return 1;
	return 0;
}

static const char *const statuses[] = { "concept", "ter-instemming",
    "vastgesteld", "vervallen", NULL };
static const char *const scopes[] = { "school", "board", NULL };
static const char *const acts[] = { "voorstel", "advies", "bespreking",
    "instemming", "vaststelling", NULL };
static const char *const levels[] = { "po", "vo", NULL };
static const char *const product_types[] = { "website", "social", "app",
    NULL };

static int v_status(const char *s) { return one_of(s, statuses); }
static int v_scope(const char *s) { return one_of(s, scopes); }
static int v_act(const char *s) { return one_of(s, acts); }
static int v_level(const char *s) { return one_of(s, levels); }
static int v_ptype(const char *s) { return one_of(s, product_types); }
/* A body's name is one line: a frozen revision keeps each step on one. */
static int v_oneline(const char *s) { return strchr(s, '\n') == NULL; }

/* ------------------------------------------------------------------ */
/* National defaults                                                    */

static void
read_inspector(struct config_reader *r, struct national *n,
    const struct cval *t)
{
	static const char *const keys[] = { "phone", "hours", "source",
	    "checked", NULL };
	const struct cval *v;

	if ((v = cval_get(t, "inspector")) == NULL) {
		diag_error(t->loc.file, t->loc.line, "defaults needs "
		    "'inspector'");
		r->errors++;
		return;
	}
	if (!config_want_map(r, v, "inspector", "defaults"))
		return;
	config_check_keys(r, v, keys, "inspector");
	n->inspector_phone = config_get_text(r, v, "phone", "inspector", 1,
	    config_valid_phone, "a phone number");
	n->inspector_hours = config_get_text(r, v, "hours", "inspector", 0,
	    NULL, NULL);
	n->inspector_loc = v->loc;
	free(config_get_text(r, v, "checked", "inspector", 0, config_valid_date,
	    "an ISO date (YYYY-MM-DD)"));
	free(config_get_text(r, v, "source", "inspector", 0, config_valid_url,
	    "an http(s) URL"));
}

/* The catalogue of channel products. */
static void
read_products(struct config_reader *r, struct national *n, const struct cval *v)
{
	static const char *const keys[] = { "id", "name", "type", "source",
	    "checked", NULL };
	size_t i;
	char ctx[64];

	if (!config_want_list(r, v, "products", "defaults"))
		return;
	n->products = xcalloc(v->nitems, sizeof(*n->products));
	for (i = 0; i < v->nitems; i++) {
		const struct cval *e = v->items[i];
		struct product *p = &n->products[n->nproducts];
		snprintf(ctx, sizeof(ctx), "products[%zu]", i + 1);
		if (!config_want_map(r, e, ctx, "defaults"))
			continue;
		config_check_keys(r, e, keys, ctx);
		p->id = config_get_text(r, e, "id", ctx, 1, config_valid_id,
		    "an id ([a-z0-9-])");
		p->name = config_get_text(r, e, "name", ctx, 1, NULL, NULL);
		p->type = config_get_text(r, e, "type", ctx, 1, v_ptype,
		    "website, social or app");
		p->source = config_get_text(r, e, "source", ctx, 0,
		    config_valid_url, "an http(s) URL");
		p->checked = config_get_text(r, e, "checked", ctx, 0,
		    config_valid_date, "an ISO date (YYYY-MM-DD)");
		p->loc = e->loc;
		n->nproducts++;
	}
}

/* The catalogue of lesson programmes. */
static void
read_programmes(struct config_reader *r, struct national *n,
    const struct cval *v)
{
	static const char *const keys[] = { "id", "name", "by", "groups",
	    "level", "source", "checked", NULL };
	size_t i;
	char ctx[64];

	if (!config_want_list(r, v, "programmes", "defaults"))
		return;
	n->programmes = xcalloc(v->nitems, sizeof(*n->programmes));
	for (i = 0; i < v->nitems; i++) {
		const struct cval *e = v->items[i];
		struct programme *p = &n->programmes[n->nprogrammes];
		snprintf(ctx, sizeof(ctx), "programmes[%zu]", i + 1);
		if (!config_want_map(r, e, ctx, "defaults"))
			continue;
		config_check_keys(r, e, keys, ctx);
		p->id = config_get_text(r, e, "id", ctx, 1, config_valid_id,
		    "an id ([a-z0-9-])");
		p->name = config_get_text(r, e, "name", ctx, 1, NULL, NULL);
		p->by = config_get_text(r, e, "by", ctx, 0, NULL, NULL);
		p->groups = config_get_text(r, e, "groups", ctx, 0, NULL, NULL);
		p->level = config_get_text(r, e, "level", ctx, 0, NULL, NULL);
		p->source = config_get_text(r, e, "source", ctx, 0,
		    config_valid_url, "an http(s) URL");
		p->checked = config_get_text(r, e, "checked", ctx, 0,
		    config_valid_date, "an ISO date (YYYY-MM-DD)");
		p->loc = e->loc;
		n->nprogrammes++;
	}
}

/* Role words per level: roles = { po = { ... }, vo = { ... } }. */
static void
read_roles(struct config_reader *r, struct national *n, const struct cval *v)
{
	size_t i, j;

	if (!config_want_map(r, v, "roles", "defaults"))
		return;
	config_check_keys(r, v, levels, "roles");
	for (i = 0; i < v->nitems; i++) {
		const struct cval *lv = v->items[i];
		if (!config_want_map(r, lv, lv->key, "roles"))
			continue;
		for (j = 0; j < lv->nitems; j++) {
			const struct cval *e = lv->items[j];
			if (e->type == CV_STRING && config_valid_key(e->key))
				continue;
			diag_error(e->loc.file, e->loc.line, "role '%s' must be "
			    "text with a key of [a-z0-9_-]", e->key);
			r->errors++;
		}
	}
	n->roles = cval_clone(v);
}

void
config_read_national(struct config_reader *r, struct national *n,
    const struct cval *t)
{
	static const char *const keys[] = { "inspector", "products",
	    "programmes", "roles", NULL };
	const struct cval *v;

	config_check_keys(r, t, keys, "defaults");
	read_inspector(r, n, t);
	if ((v = cval_get(t, "products")) != NULL)
		read_products(r, n, v);
	if ((v = cval_get(t, "programmes")) != NULL)
		read_programmes(r, n, v);
	if ((v = cval_get(t, "roles")) != NULL)
		read_roles(r, n, v);
}

static const struct product *
find_product(const struct national *n, const char *id)
{
	size_t i;

	for (i = 0; i < n->nproducts; i++)
		if (strcmp(n->products[i].id, id) == 0)
			return &n->products[i];
	return NULL;
}

static const struct programme *
find_programme(const struct national *n, const char *id)
{
	size_t i;

	for (i = 0; i < n->nprogrammes; i++)
		if (strcmp(n->programmes[i].id, id) == 0)
			return &n->programmes[i];
	return NULL;
}

/* ------------------------------------------------------------------ */
/* Boards and schools                                                   */

/* Keys a school file may set; a board may set them too, as defaults. */
const char *const config_school_keys[] = { "name", "short", "place", "level",
    "outline", "add", "remove", "channels", "lessons", "roles", "params",
    "revision", "owner", "author", "maintainer", "website", "protocol_url",
    "title", "schoolyear", "follows", "brin", "vestiging", "colour", "logo",
    "logo_alt", NULL };
static const char *const board_keys[] = { "name", "short", "aliases", "type",
    "outline", "add", "remove", "channels", "lessons", "roles", "params",
    "revision", "owner", "author", "maintainer", "title", "schoolyear",
    "colour", "logo", "logo_alt", "redline_author", NULL };
static const char *const board_own[] = { "name", "short", "aliases", "type",
    "redline_author", NULL };

void
config_read_board(struct config_reader *r, struct board *b,
    const struct cval *t)
{
	const struct cval *v;
	char *type;
	size_t i;

	config_check_keys(r, t, board_keys, "board");
	b->loc = t->loc;
	b->name = config_get_text(r, t, "name", "board", 1, NULL, NULL);
	b->short_name = config_get_text(r, t, "short", "board", 0, NULL, NULL);
	if (b->short_name == NULL && b->name != NULL)
		b->short_name = xstrdup(b->name);
	/* who the Word redline's tracked changes are by: the board office */
	b->redline_author = config_get_text(r, t, "redline_author", "board", 0,
	    NULL, NULL);
	type = config_get_text(r, t, "type", "board", 1, v_level, "po or vo");
	b->level = type != NULL && strcmp(type, "vo") == 0 ? LEVEL_VO :
	    LEVEL_PO;
	free(type);
	config_read_board_look(r, b, t);
	if ((v = cval_get(t, "aliases")) != NULL &&
	    config_want_list(r, v, "aliases", "board")) {
		b->aliases = xcalloc(v->nitems, sizeof(*b->aliases));
		for (i = 0; i < v->nitems; i++) {
			if (v->items[i]->type != CV_STRING) {
				diag_error(v->items[i]->loc.file,
				    v->items[i]->loc.line, "aliases must be "
				    "text");
				r->errors++;
				continue;
			}
			b->aliases[b->naliases++] = xstrdup(v->items[i]->str);
		}
	}
	/* everything else is a default for the board's schools */
	b->defaults = cval_new(CV_MAP, t->loc.file, t->loc.line);
	b->defaults->items = xcalloc(t->nitems, sizeof(*b->defaults->items));
	for (i = 0; i < t->nitems; i++)
		if (!one_of(t->items[i]->key, board_own))
			b->defaults->items[b->defaults->nitems++] =
			    cval_clone(t->items[i]);
}

void
config_channel_clear(struct channel *c)
{
	free(c->kind);
	free(c->name);
	free(c->url);
	free(c->type);
	memset(c, 0, sizeof(*c));
}

void
config_lesson_clear(struct lesson *l)
{
	free(l->programme);
	free(l->name);
	free(l->by);
	free(l->groups);
	free(l->when);
	memset(l, 0, sizeof(*l));
}

void
config_placement_clear(struct placement *p)
{
	free(p->id);
	free(p->after);
	free(p->before);
	memset(p, 0, sizeof(*p));
}

static void
read_placements(struct config_reader *r, const struct cval *v, const char *key,
    struct placement **out, size_t *nout, int allow_position)
{
	static const char *const keys[] = { "id", "after", "before", NULL };
	size_t i;
	char ctx[64];

	if (!config_want_list(r, v, key, "school"))
		return;
	*out = xcalloc(v->nitems, sizeof(**out));
	for (i = 0; i < v->nitems; i++) {
		const struct cval *e = v->items[i];
		struct placement *p = &(*out)[*nout];
		snprintf(ctx, sizeof(ctx), "%s[%zu]", key, i + 1);
		p->loc = e->loc;
		if (e->type == CV_STRING) {
			p->id = xstrdup(e->str);
		} else if (allow_position && e->type == CV_MAP) {
			config_check_keys(r, e, keys, ctx);
			p->id = config_get_text(r, e, "id", ctx, 1, NULL, NULL);
			p->after = config_get_text(r, e, "after", ctx, 0, NULL,
			    NULL);
			p->before = config_get_text(r, e, "before", ctx, 0,
			    NULL, NULL);
			if (p->after && p->before) {
				diag_error(e->loc.file, e->loc.line, "%s has "
				    "both 'after' and 'before'", ctx);
				r->errors++;
			}
			if (p->id == NULL) {
				config_placement_clear(p);
				continue;
			}
		} else {
			diag_error(e->loc.file, e->loc.line, "%s must be a "
			    "clause id%s", ctx, allow_position ?
			    " or { id = ..., after = ... }" : "");
			r->errors++;
			continue;
		}
		(*nout)++;
	}
}

static void
read_channels(struct config_reader *r, const struct national *n,
    struct school *s, const struct cval *v)
{
	static const char *const keys[] = { "kind", "name", "url", NULL };
	const struct product *p;
	size_t i;
	char ctx[64];

	if (!config_want_list(r, v, "channels", "school"))
		return;
	s->channels = xcalloc(v->nitems, sizeof(*s->channels));
	for (i = 0; i < v->nitems; i++) {
		const struct cval *e = v->items[i];
		struct channel *c = &s->channels[s->nchannels];
		snprintf(ctx, sizeof(ctx), "channels[%zu]", i + 1);
		if (!config_want_map(r, e, ctx, "school"))
			continue;
		config_check_keys(r, e, keys, ctx);
		c->loc = e->loc;
		c->kind = config_get_text(r, e, "kind", ctx, 1, config_valid_id,
		    "a channel kind ([a-z0-9-])");
		c->name = config_get_text(r, e, "name", ctx, 0, NULL, NULL);
		c->url = config_get_text(r, e, "url", ctx, 0, config_valid_url,
		    "a URL (http, https, mailto or tel)");
		if (c->kind == NULL) {
			config_channel_clear(c);
			continue;
		}
		if ((p = find_product(n, c->kind)) == NULL) {
			const struct cval *k = cval_get(e, "kind");
			struct nearest near;
			char hint[96];
			size_t j;
			nearest_init(&near, c->kind);
			for (j = 0; j < n->nproducts; j++)
				nearest_try(&near, n->products[j].id);
			diag_error(k->loc.file, k->loc.line, "unknown channel "
			    "kind '%s' in %s%s (see products in %s)", c->kind,
			    ctx, nearest_hint(&near, hint, sizeof(hint)),
			    n->path);
			r->errors++;
			config_channel_clear(c);
			continue;
		}
		if (c->name == NULL)
			c->name = xstrdup(p->name);
		c->type = xstrdup(p->type);
		if (strcmp(p->type, "website") == 0 && c->url == NULL &&
		    cval_get(e, "url") == NULL) {
			diag_error(e->loc.file, e->loc.line, "%s: a website "
			    "needs a 'url'", ctx);
			r->errors++;
		}
		s->nchannels++;
	}
}

static void
read_lessons(struct config_reader *r, const struct national *n,
    struct school *s, const struct cval *v)
{
	static const char *const keys[] = { "programme", "name", "by",
	    "groups", "when", NULL };
	const struct programme *p;
	size_t i;
	char ctx[64];

	if (!config_want_list(r, v, "lessons", "school"))
		return;
	s->lessons = xcalloc(v->nitems, sizeof(*s->lessons));
	for (i = 0; i < v->nitems; i++) {
		const struct cval *e = v->items[i];
		struct lesson *l = &s->lessons[s->nlessons];
		snprintf(ctx, sizeof(ctx), "lessons[%zu]", i + 1);
		if (!config_want_map(r, e, ctx, "school"))
			continue;
		config_check_keys(r, e, keys, ctx);
		l->loc = e->loc;
		l->programme = config_get_text(r, e, "programme", ctx, 0,
		    config_valid_id, "a programme id ([a-z0-9-])");
		l->name = config_get_text(r, e, "name", ctx, 0, NULL, NULL);
		l->by = config_get_text(r, e, "by", ctx, 0, NULL, NULL);
		l->groups = config_get_text(r, e, "groups", ctx, 1, NULL, NULL);
		l->when = config_get_text(r, e, "when", ctx, 0, NULL, NULL);
		if (l->programme != NULL) {
			if ((p = find_programme(n, l->programme)) == NULL) {
				const struct cval *k = cval_get(e, "programme");
				struct nearest near;
				char hint[96];
				size_t j;
				nearest_init(&near, l->programme);
				for (j = 0; j < n->nprogrammes; j++)
					nearest_try(&near, n->programmes[j].id);
				diag_error(k->loc.file, k->loc.line, "unknown "
				    "programme '%s' in %s%s (see programmes in "
				    "%s)", l->programme, ctx, nearest_hint(&near,
				    hint, sizeof(hint)), n->path);
				r->errors++;
				config_lesson_clear(l);
				continue;
			}
			if (l->name == NULL)
				l->name = xstrdup(p->name);
			if (l->by == NULL && p->by != NULL)
				l->by = xstrdup(p->by);
		} else if (l->name == NULL) {
			if (cval_get(e, "programme") == NULL) {
				diag_error(e->loc.file, e->loc.line, "%s needs "
				    "'programme' (from the catalogue) or "
				    "'name'", ctx);
				r->errors++;
			}
			config_lesson_clear(l);
			continue;
		}
		s->nlessons++;
	}
}

static void
read_revision(struct config_reader *r, struct revision *rev,
    const struct cval *v)
{
	static const char *const keys[] = { "version", "status", "scope",
	    "approvals", "effective", "review", "replaces", "rationale",
	    "clause_rationale", NULL };
	static const char *const akeys[] = { "body", "act", "date", NULL };
	const struct cval *a;
	char *scope;
	size_t i;
	char ctx[64];

	rev->loc = v->loc;
	if (!config_want_map(r, v, "revision", "school"))
		return;
	config_check_keys(r, v, keys, "revision");
	rev->version = config_get_text(r, v, "version", "revision", 1,
	    config_valid_version, "a version number (1.0, 2.1.3)");
	rev->status = config_get_text(r, v, "status", "revision", 1, v_status,
	    "concept, ter-instemming, vastgesteld or vervallen");
	scope = config_get_text(r, v, "scope", "revision", 0, v_scope,
	    "school or board");
	rev->scope = scope ? scope : xstrdup("school");
	rev->effective = config_get_text(r, v, "effective", "revision", 0,
	    config_valid_date, "an ISO date (YYYY-MM-DD)");
	rev->review = config_get_text(r, v, "review", "revision", 0,
	    config_valid_month_or_date, "an ISO date (YYYY-MM-DD or YYYY-MM)");
	rev->replaces = config_get_text(r, v, "replaces", "revision", 0,
	    config_valid_version, "a version number");
	config_read_rationale(r, rev, v);
	if ((a = cval_get(v, "approvals")) == NULL ||
	    !config_want_list(r, a, "approvals", "revision"))
		return;
	rev->approvals = xcalloc(a->nitems, sizeof(*rev->approvals));
	for (i = 0; i < a->nitems; i++) {
		const struct cval *e = a->items[i];
		struct approval *ap = &rev->approvals[rev->napprovals];
		snprintf(ctx, sizeof(ctx), "approvals[%zu]", i + 1);
		if (!config_want_map(r, e, ctx, "revision"))
			continue;
		config_check_keys(r, e, akeys, ctx);
		ap->loc = e->loc;
		ap->body = config_get_text(r, e, "body", ctx, 1, v_oneline,
		    "a name on one line");
		ap->act = config_get_text(r, e, "act", ctx, 1, v_act, "one of "
		    "voorstel, advies, bespreking, instemming, vaststelling");
		ap->date = config_get_text(r, e, "date", ctx, 1,
		    config_valid_date, "an ISO date (YYYY-MM-DD)");
		if (ap->body && ap->act && ap->date)
			rev->napprovals++;
		else {
			free(ap->body);
			free(ap->act);
			free(ap->date);
			memset(ap, 0, sizeof(*ap));
		}
	}
}

static void
add_var(struct school *s, size_t *cap, const char *name, const char *value,
    struct loc loc)
{
	struct var *v;

	if (value == NULL)
		return;
	ARRAY_RESERVE(s->vars, s->nvars, *cap);
	v = &s->vars[s->nvars++];
	v->name = xstrdup(name);
	v->value = xstrdup(value);
	v->loc = loc;
	v->used = 0;
}

static int
var_cmp(const void *a, const void *b)
{
	return strcmp(((const struct var *)a)->name,
	    ((const struct var *)b)->name);
}

static struct loc
loc_of(const struct cval *map, const char *key)
{
	const struct cval *v = cval_get(map, key);

	return v != NULL ? v->loc : map->loc;
}

/* The approval step of act (the last one given), or NULL. */
static const struct approval *
find_act(const struct revision *rev, const char *act)
{
	size_t i;

	for (i = rev->napprovals; i > 0; i--)
		if (strcmp(rev->approvals[i - 1].act, act) == 0)
			return &rev->approvals[i - 1];
	return NULL;
}

static void
add_date_var(struct school *s, size_t *cap, const char *name,
    const char *iso, struct loc loc)
{
	struct buf b = { 0 };

	if (iso == NULL)
		return;
	date_format_nl(iso, &b);
	add_var(s, cap, name, buf_str(&b), loc);
	buf_free(&b);
}

/* Build the {{name}} values of a school from its merged config. */
static void
build_vars(struct school *s, const struct national *n, const struct cval *m)
{
	const struct cval *roles, *v;
	const struct approval *a;
	size_t cap = 0, i;
	char *name;

	add_var(s, &cap, "school.name", s->name, loc_of(m, "name"));
	add_var(s, &cap, "school.short", s->short_name, loc_of(m, "short"));
	add_var(s, &cap, "school.place", s->place, loc_of(m, "place"));
	add_var(s, &cap, "school.website", s->website, loc_of(m, "website"));
	add_var(s, &cap, "school.brin", s->brin, loc_of(m, "brin"));
	add_var(s, &cap, "school.protocol_url", s->protocol_url,
	    loc_of(m, "protocol_url"));
	add_var(s, &cap, "board.name", s->board->name, s->board->loc);
	add_var(s, &cap, "board.short", s->board->short_name, s->board->loc);
	add_var(s, &cap, "inspector.phone", n->inspector_phone,
	    n->inspector_loc);
	add_var(s, &cap, "inspector.hours", n->inspector_hours,
	    n->inspector_loc);
	add_var(s, &cap, "schoolyear", s->schoolyear, loc_of(m, "schoolyear"));
	add_var(s, &cap, "council", strcmp(s->rev.scope, "board") == 0 ?
	    "GMR" : "MR", s->rev.loc);
	add_var(s, &cap, "revision.version", s->rev.version, s->rev.loc);
	add_var(s, &cap, "revision.status", s->rev.status, s->rev.loc);
	add_var(s, &cap, "revision.scope", s->rev.scope, s->rev.loc);
	add_date_var(s, &cap, "revision.review", s->rev.review, s->rev.loc);
	add_date_var(s, &cap, "revision.effective", s->rev.effective,
	    s->rev.loc);
	if ((a = find_act(&s->rev, "instemming")) != NULL) {
		add_date_var(s, &cap, "revision.consent.date", a->date, a->loc);
		add_var(s, &cap, "revision.consent.body", a->body, a->loc);
	}
	if ((a = find_act(&s->rev, "vaststelling")) != NULL) {
		add_date_var(s, &cap, "revision.adoption.date", a->date,
		    a->loc);
		add_var(s, &cap, "revision.adoption.body", a->body, a->loc);
	}
	/* roles: national (per level), then board and school */
	roles = cval_get(n->roles, config_level_name(s->level));
	for (i = 0; roles != NULL && i < roles->nitems; i++)
		if (cval_get(cval_get(m, "roles"), roles->items[i]->key) ==
		    NULL) {
			name = xasprintf("role.%s", roles->items[i]->key);
			add_var(s, &cap, name, roles->items[i]->str,
			    roles->items[i]->loc);
			free(name);
		}
	if ((v = cval_get(m, "roles")) != NULL)
		for (i = 0; i < v->nitems; i++) {
			name = xasprintf("role.%s", v->items[i]->key);
			add_var(s, &cap, name, v->items[i]->str,
			    v->items[i]->loc);
			free(name);
		}
	if ((v = cval_get(m, "params")) != NULL)
		for (i = 0; i < v->nitems; i++) {
			name = xasprintf("params.%s", v->items[i]->key);
			add_var(s, &cap, name, v->items[i]->str,
			    v->items[i]->loc);
			free(name);
		}
	/* channel.<kind>: the channel's name, for each channel the school
	 * lists, so a clause can name a platform only where it is used */
	for (i = 0; i < s->nchannels; i++) {
		size_t j;
		name = xasprintf("channel.%s", s->channels[i].kind);
		for (j = 0; j < s->nvars; j++)
			if (strcmp(s->vars[j].name, name) == 0)
				break;
		if (j == s->nvars)
			add_var(s, &cap, name, s->channels[i].name,
			    s->channels[i].loc);
		free(name);
	}
	if (s->nvars > 1)
		qsort(s->vars, s->nvars, sizeof(*s->vars), var_cmp);
}

struct var *
config_var(const struct school *s, const char *name)
{
	struct var key = { .name = (char *)name };

	if (s->nvars == 0)
		return NULL;
	return bsearch(&key, s->vars, s->nvars, sizeof(*s->vars), var_cmp);
}

/* Roles a school may set: those the national defaults define. */
static void
check_roles(struct config_reader *r, const struct national *n,
    const struct cval *v)
{
	size_t i, j;
	int found;

	if (!config_want_map(r, v, "roles", "school"))
		return;
	for (i = 0; i < v->nitems; i++) {
		const struct cval *e = v->items[i];
		struct nearest near;
		char hint[96];
		size_t m;
		found = 0;
		nearest_init(&near, e->key);
		for (j = 0; n->roles != NULL && j < n->roles->nitems; j++) {
			const struct cval *lv = n->roles->items[j];
			if (cval_get(lv, e->key) != NULL)
				found = 1;
			for (m = 0; lv->type == CV_MAP && m < lv->nitems; m++)
				nearest_try(&near, lv->items[m]->key);
		}
		if (!found) {
			diag_error(e->loc.file, e->loc.line, "unknown role "
			    "'%s'%s (roles are defined in %s)", e->key,
			    nearest_hint(&near, hint, sizeof(hint)), n->path);
			r->errors++;
		} else if (e->type != CV_STRING || *e->str == '\0') {
			diag_error(e->loc.file, e->loc.line, "role '%s' must "
			    "be non-empty text", e->key);
			r->errors++;
		}
	}
}

static void
check_params(struct config_reader *r, const struct cval *v)
{
	size_t i;

	if (!config_want_map(r, v, "params", "school"))
		return;
	for (i = 0; i < v->nitems; i++) {
		const struct cval *e = v->items[i];
		if (!config_valid_key(e->key)) {
			diag_error(e->loc.file, e->loc.line, "parameter name "
			    "'%s' must match [a-z0-9_-]+", e->key);
			r->errors++;
		} else if (e->type != CV_STRING) {
			diag_error(e->loc.file, e->loc.line, "parameter '%s' "
			    "must be text, not %s", e->key,
			    config_type_name(e));
			r->errors++;
		}
	}
}

void
config_read_school(struct config_reader *r, const struct national *n,
    struct school *s, const struct cval *m)
{
	const struct cval *v;
	char *level;

	s->loc = m->loc;
	s->name = config_get_text(r, m, "name", "school", 1, NULL, NULL);
	s->short_name = config_get_text(r, m, "short", "school", 0, NULL, NULL);
	if (s->short_name == NULL && s->name != NULL)
		s->short_name = xstrdup(s->name);
	s->place = config_get_text(r, m, "place", "school", 0, NULL, NULL);
	config_read_brin(r, s, m);
	level = config_get_text(r, m, "level", "school", 0, v_level,
	    "po or vo");
	s->level = level == NULL ? s->board->level :
	    strcmp(level, "vo") == 0 ? LEVEL_VO : LEVEL_PO;
	free(level);
	s->outline = config_get_text(r, m, "outline", "school", 1,
	    config_valid_id, "an outline name ([a-z0-9-])");
	s->outline_loc = loc_of(m, "outline");
	if ((v = cval_get(m, "add")) != NULL)
		read_placements(r, v, "add", &s->add, &s->nadd, 1);
	if ((v = cval_get(m, "remove")) != NULL)
		read_placements(r, v, "remove", &s->remove, &s->nremove, 0);
	if ((v = cval_get(m, "channels")) != NULL)
		read_channels(r, n, s, v);
	if ((v = cval_get(m, "lessons")) != NULL)
		read_lessons(r, n, s, v);
	if ((v = cval_get(m, "roles")) != NULL)
		check_roles(r, n, v);
	if ((v = cval_get(m, "params")) != NULL)
		check_params(r, v);
	if ((v = cval_get(m, "revision")) == NULL) {
		diag_error(m->loc.file, m->loc.line, "school needs "
		    "'revision' (version and status at least)");
		r->errors++;
		s->rev.scope = xstrdup("school");
		s->rev.loc = m->loc;
	} else
		read_revision(r, &s->rev, v);
	s->owner = config_get_text(r, m, "owner", "school", 0, NULL, NULL);
	s->author = config_get_text(r, m, "author", "school", 0, NULL, NULL);
	s->maintainer = config_get_text(r, m, "maintainer", "school", 0, NULL,
	    NULL);
	s->website = config_get_text(r, m, "website", "school", 0,
	    config_valid_url, "a URL (http or https)");
	s->protocol_url = config_get_text(r, m, "protocol_url", "school", 0,
	    config_valid_url, "a URL (http or https)");
	s->title = config_get_text(r, m, "title", "school", 0, NULL, NULL);
	s->schoolyear = config_get_text(r, m, "schoolyear", "school", 0,
	    config_valid_schoolyear, "a school year (2025-2026)");
	config_read_look(r, s, m);
	build_vars(s, n, m);
}
