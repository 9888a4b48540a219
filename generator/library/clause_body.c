/* Clause bodies: placeholders, footnote marks, checks of the cmark tree. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "config/config.h"
#include "base/base.h"
#include "library/library.h"

/* ------------------------------------------------------------------ */
/* Placeholders                                                         */

static const char *const fixed_names[] = {
	"school.name", "school.short", "school.place", "school.website",
	"school.protocol_url", "board.name", "board.short", "inspector.phone",
	"inspector.hours", "council", "schoolyear", "revision.version",
	"revision.status", "revision.scope", "revision.review",
	"revision.effective",
	"revision.consent.date", "revision.consent.body",
	"revision.adoption.date", "revision.adoption.body",
	"channels", "lessons", NULL,
};

int
placeholder_is_list(const char *name)
{
	return strcmp(name, "channels") == 0 || strcmp(name, "lessons") == 0;
}

int
placeholder_known(const char *name)
{
	const char *const *p;

	for (p = fixed_names; *p != NULL; p++)
		if (strcmp(*p, name) == 0)
			return 1;
	return (str_starts(name, "role.") && name[5] != '\0') ||
	    (str_starts(name, "params.") && name[7] != '\0') ||
	    (str_starts(name, "channel.") && name[8] != '\0');
}

int
placeholder_next(const char *s, size_t *pos, struct placeholder *ph)
{
	const char *open, *p, *name;
	size_t n;

	if ((open = strstr(s + *pos, "{{")) == NULL)
		return 0;
	ph->start = (size_t)(open - s);
	ph->cap = 0;
	ph->cond = 0;
	ph->name[0] = '\0';
	ph->value[0] = '\0';
	p = open + 2;
	if (*p == '?' || *p == '!')
		ph->cond = *p++;
	while (*p == ' ')
		p++;
	name = p;
	if (!islower((unsigned char)*p))
		goto bad;
	while (islower((unsigned char)*p) || isdigit((unsigned char)*p) ||
	    *p == '.' || *p == '_' || *p == '-')
		p++;
	n = (size_t)(p - name);
	if (n >= sizeof(ph->name) || name[n - 1] == '.')
		goto bad;
	memcpy(ph->name, name, n);
	ph->name[n] = '\0';
	if (ph->cond && *p == '=') {
		const char *val = ++p;
		while (islower((unsigned char)*p) || isdigit((unsigned char)*p) ||
		    *p == '.' || *p == '_' || *p == '-')
			p++;
		n = (size_t)(p - val);
		if (n == 0 || n >= sizeof(ph->value))
			goto bad;
		memcpy(ph->value, val, n);
		ph->value[n] = '\0';
	} else if (!ph->cond && str_starts(p, "|cap")) {
		ph->cap = 1;
		p += 4;
	}
	while (*p == ' ')
		p++;
	if (p[0] != '}' || p[1] != '}')
		goto bad;
	ph->end = (size_t)(p + 2 - s);
	*pos = ph->end;
	return 1;
bad:
	ph->end = ph->start + 2;
	*pos = ph->end;
	return -1;
}

int
placeholder_cond_met(const struct placeholder *ph, const char *value)
{
	int has = value != NULL && (ph->value[0] == '\0' ||
	    strcmp(value, ph->value) == 0);

	return ph->cond == '?' ? has : !has;
}

size_t
placeholder_conds(const char *lit, struct placeholder *out, size_t max,
    size_t *n)
{
	struct placeholder ph;
	size_t at = 0, pos, text = 0;

	*n = 0;
	for (;;) {
		while (lit[at] == ' ')
			at++;
		if (lit[at] != '{' || lit[at + 1] != '{' ||
		    (lit[at + 2] != '?' && lit[at + 2] != '!'))
			break;
		pos = at;
		if (placeholder_next(lit, &pos, &ph) != 1 || ph.start != at)
			break;
		if (*n < max)
			out[*n] = ph;
		(*n)++;
		at = ph.end;
		text = at;
		while (lit[text] == ' ')
			text++;
	}
	return text;
}

/* ------------------------------------------------------------------ */
/* Nodes                                                                */

int
node_line(cmark_node *n)
{
	for (; n != NULL; n = cmark_node_parent(n)) {
		intptr_t l = (intptr_t)cmark_node_get_user_data(n);
		if (l > 0)
			return (int)l;
	}
	return 0;
}

/* Join adjacent text nodes (cmark splits text at brackets and quotes). */
static void
merge_text(cmark_node *root)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	cmark_node *n, *next;
	struct buf b = { 0 };

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(n) != CMARK_NODE_TEXT)
			continue;
		next = cmark_node_next(n);
		if (next == NULL || cmark_node_get_type(next) != CMARK_NODE_TEXT)
			continue;
		buf_reset(&b);
		buf_puts(&b, cmark_node_get_literal(n));
		while (next != NULL &&
		    cmark_node_get_type(next) == CMARK_NODE_TEXT) {
			cmark_node *after = cmark_node_next(next);
			buf_puts(&b, cmark_node_get_literal(next));
			cmark_node_free(next);
			next = after;
		}
		cmark_node_set_literal(n, buf_str(&b));
	}
	cmark_iter_free(it);
	buf_free(&b);
}

/*
 * Store each node's file line in its user data.  cmark gives block
 * lines; an inline gets its block's line plus the line breaks before it.
 */
static void
set_lines(cmark_node *root, int offset)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	cmark_node *n;
	int line = offset;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		int start = cmark_node_get_start_line(n);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_HEADING:
		case CMARK_NODE_ITEM:
		case CMARK_NODE_LIST:
		case CMARK_NODE_BLOCK_QUOTE:
		case CMARK_NODE_CODE_BLOCK:
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_THEMATIC_BREAK:
			if (start > 0)
				line = offset + start - 1;
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			cmark_node_set_user_data(n, (void *)(intptr_t)line);
			line++;
			continue;
		default:
			break;
		}
		cmark_node_set_user_data(n, (void *)(intptr_t)line);
	}
	cmark_iter_free(it);
}

/*
 * Replace the first "[^id]" in a text node by a footnote reference node;
 * return the text node after it (to split further), or NULL when there
 * is no mark.
 */
static cmark_node *
split_footnote(cmark_node *text)
{
	const char *lit = cmark_node_get_literal(text);
	const char *p, *close;
	void *line = cmark_node_get_user_data(text);
	cmark_node *ref, *rest;
	char *before, *mark;

	if ((p = strstr(lit, "[^")) == NULL ||
	    (close = strchr(p, ']')) == NULL)
		return NULL;
	for (const char *q = p + 2; q < close; q++)
		if (!(islower((unsigned char)*q) || isdigit((unsigned char)*q) ||
		    *q == '.' || *q == '-'))
			return NULL;
	if (close == p + 2)
		return NULL;
	before = xstrndup(lit, (size_t)(p - lit));
	mark = xstrndup(p, (size_t)(close + 1 - p));
	rest = cmark_node_new(CMARK_NODE_TEXT);
	cmark_node_set_literal(rest, close + 1);
	cmark_node_set_user_data(rest, line);
	ref = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
	cmark_node_set_on_enter(ref, mark);
	cmark_node_set_on_exit(ref, "");
	cmark_node_set_user_data(ref, line);
	cmark_node_set_literal(text, before);
	cmark_node_insert_after(text, ref);
	cmark_node_insert_after(ref, rest);
	free(before);
	free(mark);
	return rest;
}

/*
 * Every "[^id]" of a text node, in a loop (a line may hold thousands);
 * the text between marks that comes out empty is dropped.
 */
static void
split_footnotes(cmark_node *text)
{
	cmark_node *cur = text, *next;

	while (cur != NULL) {
		next = split_footnote(cur);
		if (cur != text && *cmark_node_get_literal(cur) == '\0')
			cmark_node_free(cur);
		cur = next;
	}
}

/*
 * Where the conditions opening text node n end: they may only open a
 * paragraph directly in the clause.  0 when n is not where they can be.
 */
static size_t
cond_prefix(cmark_node *n)
{
	cmark_node *para = cmark_node_parent(n);
	size_t k;

	if (cmark_node_previous(n) != NULL ||
	    cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH ||
	    cmark_node_get_type(cmark_node_parent(para)) !=
	    CMARK_NODE_DOCUMENT)
		return 0;
	return placeholder_conds(cmark_node_get_literal(n), NULL, 0, &k);
}

/* Placeholders in a text node: known names, lists alone in a paragraph. */
static int
check_text(struct clause *c, cmark_node *n, int line)
{
	const char *lit = cmark_node_get_literal(n);
	struct placeholder ph;
	size_t pos = 0, prefix = cond_prefix(n);
	int errors = 0, r;

	while ((r = placeholder_next(lit, &pos, &ph)) != 0) {
		if (r < 0) {
			diag_error(c->path, line, "malformed placeholder: write "
			    "{{name}} with a name of [a-z0-9._-]");
			errors++;
			continue;
		}
		c->dynamic = 1;
		if (ph.cond && ph.end > prefix) {
			diag_error(c->path, line, "a condition ({{%c%s%s%s}}) "
			    "must open a paragraph of the clause, before its "
			    "text", ph.cond, ph.name, ph.value[0] ? "=" : "",
			    ph.value);
			errors++;
		} else if (ph.cond && lit[prefix] == '\0' &&
		    cmark_node_next(n) == NULL) {
			diag_error(c->path, line, "the paragraph that "
			    "{{%c%s%s%s}} opens has no text", ph.cond, ph.name,
			    ph.value[0] ? "=" : "", ph.value);
			errors++;
		}
		if (!placeholder_known(ph.name)) {
			diag_error(c->path, line, "unknown placeholder "
			    "'{{%s}}'", ph.name);
			errors++;
		} else if (ph.cond && placeholder_is_list(ph.name)) {
			diag_error(c->path, line, "{{%s}} is a list: a "
			    "condition tests a value", ph.name);
			errors++;
		} else if (placeholder_is_list(ph.name) &&
		    (cmark_node_previous(n) != NULL ||
		    cmark_node_next(n) != NULL || ph.start != 0 || ph.cap ||
		    lit[ph.end] != '\0' ||
		    cmark_node_get_type(cmark_node_parent(n)) !=
		    CMARK_NODE_PARAGRAPH)) {
			diag_error(c->path, line, "{{%s}} is a list and must "
			    "stand alone in its paragraph", ph.name);
			errors++;
		}
	}
	return errors;
}

/* A link goes to a safe URL, one placeholder, or a clause or section. */
static int
check_link(struct clause *c, cmark_node *n, int line)
{
	const char *url = cmark_node_get_url(n);
	struct placeholder ph;
	size_t pos = 0;
	int r;

	if (url[0] == '#') {
		c->dynamic = 1;
		if (config_valid_id(url + 1) || clause_valid_id(url + 1))
			return 0;
		diag_error(c->path, line, "reference '%s' must name a clause "
		    "or section id", url);
		return 1;
	}
	if ((r = placeholder_next(url, &pos, &ph)) != 0) {
		c->dynamic = 1;
		if (r > 0 && !ph.cond && ph.start == 0 &&
		    url[ph.end] == '\0' &&
		    placeholder_known(ph.name) && !placeholder_is_list(ph.name))
			return 0;
		diag_error(c->path, line, "a link target may only be one known "
		    "placeholder, as in (<{{school.website}}>)");
		return 1;
	}
	if (config_valid_url(url))
		return 0;
	if (strpbrk(url, "\t\n") != NULL) {
		diag_error(c->path, line, "link target holds a tab or line "
		    "break (an entity such as &#x0A;?): it is not an http, "
		    "https, mailto or tel URL");
		return 1;
	}
	diag_error(c->path, line, "link target '%s' is not an http, https, "
	    "mailto or tel URL", url);
	return 1;
}

/*
 * Text that entities put there (&#0; gives U+FFFD, &#x202E; a bidi
 * override): the file's own characters were checked as it was read.
 */
static int
check_decoded(struct clause *c, const char *s, int line)
{
	const char *what;
	size_t at;
	unsigned cp;

	if (s == NULL || (what = text_bad_char(s, strlen(s), &at, &cp)) ==
	    NULL)
		return 0;
	diag_error(c->path, line, "an entity (&#...;) here stands for %s "
	    "(U+%04X): delete it, or type the character meant",
	    what, cp);
	return 1;
}

/*
 * Block quotes and lists, and emphasis, nest at most CLAUSE_MAX_NESTING
 * deep: the renderers indent and tag per level (the PDF's list state is
 * a fixed array), and a protocol needs two or three levels.
 */
static int
nesting(cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_BLOCK_QUOTE:
	case CMARK_NODE_LIST:
	case CMARK_NODE_EMPH:
	case CMARK_NODE_STRONG:
	case CMARK_NODE_LINK:
		return 1;
	default:
		return 0;
	}
}

/* Node types a clause may not contain; report one. */
static int
refuse_node(struct clause *c, cmark_node *n, int line)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_HTML_BLOCK:
	case CMARK_NODE_HTML_INLINE:
		diag_error(c->path, line, "raw HTML is not allowed in a "
		    "clause");
		break;
	case CMARK_NODE_HEADING:
		diag_error(c->path, line, "headings are not allowed in a "
		    "clause: sections and their titles come from the outline");
		break;
	case CMARK_NODE_IMAGE:
		diag_error(c->path, line, "images are not allowed in a clause");
		break;
	default:
		diag_error(c->path, line, "%s is not allowed in a clause",
		    cmark_node_get_type_string(n));
		break;
	}
	return 1;
}

/*
 * Check a clause's tree: only the block and inline types a protocol
 * needs, safe link targets, well-formed placeholders.  Also note whether
 * the tree needs binding per school.  Return the number of errors.
 */
static int
validate_tree(struct clause *c)
{
	cmark_iter *it = cmark_iter_new(c->tree);
	cmark_event_type ev;
	cmark_node *n;
	int errors = 0, depth = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (nesting(n))
			depth += ev == CMARK_EVENT_ENTER ? 1 : -1;
		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (depth > CLAUSE_MAX_NESTING) {
			diag_error(c->path, node_line(n), "block quotes, lists "
			    "and emphasis nest more than %d deep here: a "
			    "protocol needs two or three levels",
			    CLAUSE_MAX_NESTING);
			errors++;
			break;
		}
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_DOCUMENT:
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_LIST:
		case CMARK_NODE_ITEM:
		case CMARK_NODE_BLOCK_QUOTE:
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
		case CMARK_NODE_EMPH:
		case CMARK_NODE_STRONG:
			break;
		case CMARK_NODE_CODE:
			errors += check_decoded(c, cmark_node_get_literal(n),
			    node_line(n));
			break;
		case CMARK_NODE_CUSTOM_INLINE:
			c->dynamic = 1;
			break;
		case CMARK_NODE_TEXT:
			errors += check_decoded(c, cmark_node_get_literal(n),
			    node_line(n));
			errors += check_text(c, n, node_line(n));
			break;
		case CMARK_NODE_LINK:
			errors += check_decoded(c, cmark_node_get_title(n),
			    node_line(n));
			errors += check_decoded(c, cmark_node_get_url(n),
			    node_line(n));
			errors += check_link(c, n, node_line(n));
			break;
		default:
			errors += refuse_node(c, n, node_line(n));
			break;
		}
	}
	cmark_iter_free(it);
	return errors;
}

/* Turn footnote marks into nodes (a pass of its own: it edits the tree). */
static void
find_footnotes(cmark_node *root)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	cmark_node *n, **texts = NULL;
	size_t ntexts = 0, cap = 0, i;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(n) == CMARK_NODE_TEXT &&
		    strstr(cmark_node_get_literal(n), "[^") != NULL) {
			ARRAY_RESERVE(texts, ntexts, cap);
			texts[ntexts++] = n;
		}
	}
	cmark_iter_free(it);
	for (i = 0; i < ntexts; i++)
		split_footnotes(texts[i]);
	free(texts);
}

/* Parse and check the CommonMark body; return 0, or -1 after reporting. */
int
clause_parse_body(struct clause *c, const char *body)
{
	cmark_node *first;

	c->body = xstrdup(body);
	if (strspn(c->body, " \t\n") == strlen(c->body)) {
		diag_error(c->path, c->body_line, "the clause has no text");
		return -1;
	}
	c->tree = cmark_parse_document(c->body, strlen(c->body),
	    CMARK_OPT_DEFAULT | CMARK_OPT_SMART);
	merge_text(c->tree);
	set_lines(c->tree, c->body_line);
	find_footnotes(c->tree);
	if (validate_tree(c) > 0)
		return -1;
	first = cmark_node_first_child(c->tree);
	if ((c->kind == CLAUSE_ITEM || c->kind == CLAUSE_FOOTNOTE) &&
	    cmark_node_get_type(first) != CMARK_NODE_PARAGRAPH) {
		diag_error(c->path, c->body_line, "a%s clause must start with "
		    "a paragraph", c->kind == CLAUSE_ITEM ? "n item" :
		    " footnote");
		return -1;
	}
	return 0;
}
