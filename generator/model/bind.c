/* Placeholders: bind {{name}} in a clause's cmark tree to a school's values. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "model/model.h"
#include "base/base.h"

static void
copy_node_fields(cmark_node *to, cmark_node *from)
{
	cmark_node_set_user_data(to, cmark_node_get_user_data(from));
	switch (cmark_node_get_type(from)) {
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
	case CMARK_NODE_HTML_INLINE:
	case CMARK_NODE_HTML_BLOCK:
	case CMARK_NODE_CODE_BLOCK:
		cmark_node_set_literal(to, cmark_node_get_literal(from));
		if (cmark_node_get_type(from) == CMARK_NODE_CODE_BLOCK)
			cmark_node_set_fence_info(to,
			    cmark_node_get_fence_info(from));
		break;
	case CMARK_NODE_LINK:
	case CMARK_NODE_IMAGE:
		cmark_node_set_url(to, cmark_node_get_url(from));
		cmark_node_set_title(to, cmark_node_get_title(from));
		break;
	case CMARK_NODE_LIST:
		cmark_node_set_list_type(to, cmark_node_get_list_type(from));
		cmark_node_set_list_delim(to, cmark_node_get_list_delim(from));
		cmark_node_set_list_start(to, cmark_node_get_list_start(from));
		cmark_node_set_list_tight(to, cmark_node_get_list_tight(from));
		break;
	case CMARK_NODE_HEADING:
		cmark_node_set_heading_level(to,
		    cmark_node_get_heading_level(from));
		break;
	case CMARK_NODE_CUSTOM_INLINE:
	case CMARK_NODE_CUSTOM_BLOCK:
		cmark_node_set_on_enter(to, cmark_node_get_on_enter(from));
		cmark_node_set_on_exit(to, cmark_node_get_on_exit(from));
		break;
	default:
		break;
	}
}

/* The node types cmark's iterator enters without a matching exit. */
static int
is_leaf(cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_HTML_BLOCK:
	case CMARK_NODE_THEMATIC_BREAK:
	case CMARK_NODE_CODE_BLOCK:
	case CMARK_NODE_TEXT:
	case CMARK_NODE_SOFTBREAK:
	case CMARK_NODE_LINEBREAK:
	case CMARK_NODE_CODE:
	case CMARK_NODE_HTML_INLINE:
		return 1;
	default:
		return 0;
	}
}

cmark_node *
tree_clone(cmark_node *root)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	cmark_node *n, *c, *copy = NULL, *parent = NULL;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_EXIT) {
			if (parent != NULL)
				parent = cmark_node_parent(parent);
			continue;
		}
		c = cmark_node_new(cmark_node_get_type(n));
		copy_node_fields(c, n);
		if (parent == NULL)
			copy = c;
		else
			cmark_node_append_child(parent, c);
		if (!is_leaf(n))
			parent = c;
	}
	cmark_iter_free(it);
	return copy;
}

/* ------------------------------------------------------------------ */

static void
capitalise(struct buf *b, size_t from)
{
	if (from < b->len && islower((unsigned char)b->data[from]))
		b->data[from] = (char)toupper((unsigned char)b->data[from]);
}

/*
 * A placeholder the school has no value for: reported at the school's
 * file, where the fix goes, with the setting that gives the value and
 * the way to leave the clause out.
 */
static void
no_value(const struct bind_ctx *ctx, const char *name, int line)
{
	static const struct {
		const char *prefix, *pre, *post;
	} fixes[] = {
		{ "params.", "set params = { ", " = \"...\" } in the school's "
		    "file or its board.lua" },
		{ "role.", "set roles = { ", " = \"...\" } in the school's file "
		    "or its board.lua" },
		{ "school.", "set ", " = \"...\" in the school's file" },
		{ "board.", "set ", " = \"...\" in board.lua" },
		{ "channel.", "list a channel { kind = \"", "\" }, or let the "
		    "clause test it ({{?channel.KIND}})" },
		{ "revision.", "set ", " in the school's revision" },
		{ "", "set ", "" },
	};
	const struct school *s = ctx->school;
	const char *dot = strchr(name, '.'), *key = dot != NULL ? dot + 1 :
	    name;
	struct buf fix = { 0 }, out = { 0 };
	size_t k;

	for (k = 0; !str_starts(name, fixes[k].prefix); k++)
		continue;
	buf_printf(&fix, "%s%s%s", fixes[k].pre, key, fixes[k].post);
	if (ctx->picked != NULL && ctx->picked->file != NULL &&
	    strcmp(ctx->picked->file, s->path) == 0)
		buf_printf(&out, "or take it out of add (line %d)",
		    ctx->picked->line);
	else
		buf_printf(&out, "or leave the clause out with remove = { "
		    "\"%s\" }", ctx->clause->id != NULL ? ctx->clause->id :
		    "...");
	diag_error(s->path, s->loc.line, "clause '%s' (%s:%d) uses {{%s}}, "
	    "which school '%s' has no value for: %s, %s",
	    ctx->clause->id != NULL ? ctx->clause->id : ctx->clause->path,
	    ctx->clause->path, line, name, s->id, fix.data, out.data);
	buf_free(&fix);
	buf_free(&out);
}

/*
 * Append s to out with its placeholders replaced.  Return 0, or -1 after
 * reporting a placeholder without a value.
 */
static int
expand(const char *s, int line, struct bind_ctx *ctx, struct buf *out)
{
	struct placeholder ph;
	struct var *v;
	size_t pos = 0, done = 0;
	int r, rc = 0;

	while ((r = placeholder_next(s, &pos, &ph)) != 0) {
		buf_put(out, s + done, ph.start - done);
		done = ph.end;
		if (r < 0) {
			buf_put(out, s + ph.start, ph.end - ph.start);
			continue;	/* reported when the library loaded */
		}
		if (ph.cond)
			continue;	/* taken by bind_conditions() */
		if ((v = config_var(ctx->school, ph.name)) == NULL) {
			no_value(ctx, ph.name, line);
			ctx->errors++;
			rc = -1;
			continue;
		}
		v->used = 1;
		size_t at = out->len;
		buf_puts(out, v->value);
		if (ph.cap)
			capitalise(out, at);
	}
	buf_puts(out, s + done);
	return rc;
}

char *
bind_string(const char *s, int line, struct bind_ctx *ctx)
{
	struct buf b = { 0 };

	expand(s, line, ctx, &b);
	return buf_detach(&b);
}

static cmark_node *
new_text(const char *s, void *line)
{
	cmark_node *t = cmark_node_new(CMARK_NODE_TEXT);

	cmark_node_set_literal(t, s);
	cmark_node_set_user_data(t, line);
	return t;
}

/* "https://www.x.nl/" → "www.x.nl" for display. */
static char *
display_url(const char *url)
{
	const char *p = url;
	char *d;
	size_t n;

	if (str_starts(p, "https://"))
		p += 8;
	else if (str_starts(p, "http://"))
		p += 7;
	else if (str_starts(p, "mailto:"))
		p += 7;
	else if (str_starts(p, "tel:"))
		p += 4;
	d = xstrdup(p);
	n = strlen(d);
	if (n > 1 && d[n - 1] == '/')
		d[n - 1] = '\0';
	return d;
}

static cmark_node *
list_item(cmark_node *list, void *line)
{
	cmark_node *item = cmark_node_new(CMARK_NODE_ITEM);
	cmark_node *para = cmark_node_new(CMARK_NODE_PARAGRAPH);

	cmark_node_set_user_data(item, line);
	cmark_node_set_user_data(para, line);
	cmark_node_append_child(list, item);
	cmark_node_append_child(item, para);
	return para;
}

static void
channel_items(cmark_node *list, const struct school *s, void *line)
{
	size_t i;

	for (i = 0; i < s->nchannels; i++) {
		const struct channel *c = &s->channels[i];
		cmark_node *para = list_item(list, line);
		cmark_node_append_child(para, new_text(c->name, line));
		if (c->url == NULL)
			continue;
		if (config_is_pending(c->url)) {	/* text, not a link */
			cmark_node_append_child(para, new_text(" (", line));
			cmark_node_append_child(para, new_text(c->url, line));
			cmark_node_append_child(para, new_text(")", line));
			continue;
		}
		char *shown = display_url(c->url);
		cmark_node *link = cmark_node_new(CMARK_NODE_LINK);
		cmark_node_set_url(link, c->url);
		cmark_node_set_user_data(link, line);
		cmark_node_append_child(link, new_text(shown, line));
		cmark_node_append_child(para, new_text(" (", line));
		cmark_node_append_child(para, link);
		cmark_node_append_child(para, new_text(")", line));
		free(shown);
	}
}

/* "Groep 6", "Groepen 7–8", "Leerjaar 1", ... */
void
lesson_groups_label(const struct lesson *l, enum level level, struct buf *b)
{
	int plural = strpbrk(l->groups, "-,&") != NULL ||
	    strstr(l->groups, " en ") != NULL;
	const char *p;

	buf_puts(b, trx(level == LEVEL_VO ? "lesson.year" : "lesson.group",
	    plural ? "plural" : "one"));
	buf_putc(b, ' ');
	for (p = l->groups; *p != '\0'; p++) {
		if (*p == '-')
			buf_puts(b, "\xE2\x80\x93");	/* en dash */
		else
			buf_putc(b, *p);
	}
}

static void
lesson_items(cmark_node *list, const struct school *s, void *line)
{
	struct buf b = { 0 };
	size_t i;

	for (i = 0; i < s->nlessons; i++) {
		const struct lesson *l = &s->lessons[i];
		buf_reset(&b);
		lesson_groups_label(l, s->level, &b);
		buf_printf(&b, ": %s", l->name);
		if (l->by != NULL)
			buf_printf(&b, " (%s)", l->by);
		if (l->when != NULL)
			buf_printf(&b, ", %s", l->when);
		cmark_node_append_child(list_item(list, line),
		    new_text(buf_str(&b), line));
	}
	buf_free(&b);
}

/* Replace the paragraph holding only {{channels}} or {{lessons}}. */
static void
expand_list(cmark_node *text, const char *name, struct bind_ctx *ctx)
{
	cmark_node *para = cmark_node_parent(text), *list;
	void *line = cmark_node_get_user_data(para);
	size_t n = strcmp(name, "channels") == 0 ? ctx->school->nchannels :
	    ctx->school->nlessons;

	if (n == 0) {
		diag_error(ctx->clause->path, node_line(text), "{{%s}}: school "
		    "'%s' has no %s (%s)", name, ctx->school->id, name,
		    ctx->school->path);
		ctx->errors++;
		return;
	}
	list = cmark_node_new(CMARK_NODE_LIST);
	cmark_node_set_list_type(list, CMARK_BULLET_LIST);
	cmark_node_set_list_tight(list, 1);
	cmark_node_set_user_data(list, line);
	if (strcmp(name, "channels") == 0)
		channel_items(list, ctx->school, line);
	else
		lesson_items(list, ctx->school, line);
	cmark_node_replace(para, list);
	cmark_node_free(para);
}

static void
bind_footnote(cmark_node *n, struct bind_ctx *ctx)
{
	const char *mark = cmark_node_get_on_enter(n);
	char *id, num[32];
	int k;

	if (!str_starts(mark, "[^") || ctx->footnote == NULL)
		return;
	id = xstrndup(mark + 2, strlen(mark) - 3);
	if (ctx->clause->kind == CLAUSE_FOOTNOTE) {
		diag_error(ctx->clause->path, node_line(n), "a footnote cannot "
		    "contain a footnote reference");
		ctx->errors++;
	} else if ((k = ctx->footnote(ctx->arg, id)) > 0) {
		snprintf(num, sizeof(num), "[^%d]", k);
		cmark_node_set_on_enter(n, num);
	}
	free(id);
}

#define MAX_CONDS 16

/*
 * Paragraphs of the clause that open with conditions ({{?name}} ...):
 * drop those whose conditions are not all met, strip the conditions from
 * the others.  Report a clause left without text.
 */
static void
bind_conditions(cmark_node *root, struct bind_ctx *ctx)
{
	struct placeholder conds[MAX_CONDS];
	cmark_node *para, *next, *text, *brk;
	struct var *v;
	size_t n, i, at;
	char *rest;
	int keep;

	for (para = cmark_node_first_child(root); para != NULL; para = next) {
		next = cmark_node_next(para);
		if (cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH ||
		    (text = cmark_node_first_child(para)) == NULL ||
		    cmark_node_get_type(text) != CMARK_NODE_TEXT)
			continue;
		at = placeholder_conds(cmark_node_get_literal(text), conds,
		    MAX_CONDS, &n);
		if (n == 0)
			continue;
		for (keep = 1, i = 0; i < n && i < MAX_CONDS; i++) {
			if ((v = config_var(ctx->school, conds[i].name)) !=
			    NULL)
				v->used = 1;
			keep &= placeholder_cond_met(&conds[i],
			    v != NULL ? v->value : NULL);
		}
		if (!keep) {
			cmark_node_free(para);	/* unlinks it */
			continue;
		}
		rest = xstrdup(cmark_node_get_literal(text) + at);
		if (*rest != '\0')
			cmark_node_set_literal(text, rest);
		else {	/* "{{?name}}" on a line of its own */
			brk = cmark_node_next(text);
			cmark_node_free(text);
			if (brk != NULL && (cmark_node_get_type(brk) ==
			    CMARK_NODE_SOFTBREAK || cmark_node_get_type(brk) ==
			    CMARK_NODE_LINEBREAK))
				cmark_node_free(brk);
		}
		free(rest);
	}
	if ((para = cmark_node_first_child(root)) == NULL ||
	    ((ctx->clause->kind == CLAUSE_ITEM ||
	    ctx->clause->kind == CLAUSE_FOOTNOTE) &&
	    cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH)) {
		diag_error(ctx->clause->path, ctx->clause->body_line, "for "
		    "school '%s' (%s) the conditions leave %s", ctx->school->id,
		    ctx->school->path, para == NULL ? "no text in this clause" :
		    "this clause without its opening paragraph");
		ctx->errors++;
	}
}

void
bind_tree(cmark_node *root, struct bind_ctx *ctx)
{
	cmark_iter *it;
	cmark_event_type ev;
	cmark_node *n, **lists = NULL;
	struct buf b = { 0 };
	struct placeholder ph;
	size_t nlists = 0, cap = 0, i, pos;

	bind_conditions(root, ctx);
	it = cmark_iter_new(root);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT: {
			const char *lit = cmark_node_get_literal(n);
			if (strstr(lit, "{{") == NULL)
				break;
			pos = 0;
			if (placeholder_next(lit, &pos, &ph) == 1 &&
			    placeholder_is_list(ph.name)) {
				ARRAY_RESERVE(lists, nlists, cap);
				lists[nlists++] = n;
				break;
			}
			buf_reset(&b);
			expand(lit, node_line(n), ctx, &b);
			cmark_node_set_literal(n, buf_str(&b));
			break;
		}
		case CMARK_NODE_LINK: {
			const char *url = cmark_node_get_url(n);
			if (strstr(url, "{{") == NULL)
				break;
			buf_reset(&b);
			expand(url, node_line(n), ctx, &b);
			cmark_node_set_url(n, buf_str(&b));
			break;
		}
		case CMARK_NODE_CUSTOM_INLINE:
			bind_footnote(n, ctx);
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	/* lists replace their paragraphs: after the walk */
	for (i = 0; i < nlists; i++) {
		pos = 0;
		placeholder_next(cmark_node_get_literal(lists[i]), &pos, &ph);
		expand_list(lists[i], ph.name, ctx);
	}
	free(lists);
	buf_free(&b);
}
