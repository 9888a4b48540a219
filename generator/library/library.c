/* The clause library: clause files (front matter + CommonMark) and outlines. */
#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "config/config.h"
#include "base/base.h"
#include "library/library.h"

#define MAX_CLAUSE_FILE	(256 * 1024)

/* ------------------------------------------------------------------ */
/* Placeholders                                                         */

static const char *const fixed_names[] = {
	"school.name", "school.short", "school.place", "school.website",
	"school.protocol_url", "board.name", "board.short", "inspector.phone",
	"inspector.hours", "council", "schoolyear", "revision.version",
	"revision.status", "revision.review", "revision.effective",
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
	    (str_starts(name, "params.") && name[7] != '\0');
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
	ph->name[0] = '\0';
	p = open + 2;
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
	if (str_starts(p, "|cap")) {
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

/* Replace "[^id]" in a text node by footnote reference nodes. */
static void
split_footnotes(cmark_node *text)
{
	const char *lit = cmark_node_get_literal(text);
	const char *p, *close;
	void *line = cmark_node_get_user_data(text);
	cmark_node *ref, *rest;
	char *before, *mark;

	if ((p = strstr(lit, "[^")) == NULL ||
	    (close = strchr(p, ']')) == NULL)
		return;
	for (const char *q = p + 2; q < close; q++)
		if (!(islower((unsigned char)*q) || isdigit((unsigned char)*q) ||
		    *q == '.' || *q == '-'))
			return;
	if (close == p + 2)
		return;
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
	split_footnotes(rest);
	if (*cmark_node_get_literal(rest) == '\0')
		cmark_node_free(rest);
}

static int	valid_clause_id(const char *);

/* Placeholders in a text node: known names, lists alone in a paragraph. */
static int
check_text(struct clause *c, cmark_node *n, int line)
{
	const char *lit = cmark_node_get_literal(n);
	struct placeholder ph;
	size_t pos = 0;
	int errors = 0, r;

	while ((r = placeholder_next(lit, &pos, &ph)) != 0) {
		if (r < 0) {
			diag_error(c->path, line, "malformed placeholder: write "
			    "{{name}} with a name of [a-z0-9._-]");
			errors++;
			continue;
		}
		c->dynamic = 1;
		if (!placeholder_known(ph.name)) {
			diag_error(c->path, line, "unknown placeholder "
			    "'{{%s}}'", ph.name);
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
		if (config_valid_id(url + 1) || valid_clause_id(url + 1))
			return 0;
		diag_error(c->path, line, "reference '%s' must name a clause "
		    "or section id", url);
		return 1;
	}
	if ((r = placeholder_next(url, &pos, &ph)) != 0) {
		c->dynamic = 1;
		if (r > 0 && ph.start == 0 && url[ph.end] == '\0' &&
		    placeholder_known(ph.name) && !placeholder_is_list(ph.name))
			return 0;
		diag_error(c->path, line, "a link target may only be one known "
		    "placeholder, as in (<{{school.website}}>)");
		return 1;
	}
	if (config_valid_url(url))
		return 0;
	diag_error(c->path, line, "link target '%s' is not an http, https, "
	    "mailto or tel URL", url);
	return 1;
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
	int errors = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
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
		case CMARK_NODE_CODE:
			break;
		case CMARK_NODE_CUSTOM_INLINE:
			c->dynamic = 1;
			break;
		case CMARK_NODE_TEXT:
			errors += check_text(c, n, node_line(n));
			break;
		case CMARK_NODE_LINK:
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

/* ------------------------------------------------------------------ */
/* Front matter                                                         */

static const char *const audiences[] = { "alle", "medewerkers",
    "medewerkers-werk", "medewerkers-prive", "leerlingen", "ouders", NULL };

static int
in_set(const char *w, const char *const *set)
{
	for (; *set != NULL; set++)
		if (strcmp(w, *set) == 0)
			return (int)1;
	return 0;
}

/* Split a space-separated value into words; return the count. */
static size_t
split_words(const char *v, char ***out)
{
	char *copy = xstrdup(v), *w, *save = NULL;
	size_t n = 0;

	*out = NULL;
	for (w = strtok_r(copy, " \t", &save); w != NULL;
	    w = strtok_r(NULL, " \t", &save)) {
		*out = xreallocarray(*out, n + 1, sizeof(**out));
		(*out)[n++] = xstrdup(w);
	}
	free(copy);
	return n;
}

static void
free_words(char **w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(w[i]);
	free(w);
}

static int
valid_clause_id(const char *s)
{
	const char *p = s;
	int parts = 0;

	for (;;) {
		const char *start = p;
		while (islower((unsigned char)*p) || isdigit((unsigned char)*p) ||
		    *p == '-')
			p++;
		if (p == start || *start == '-')
			return 0;
		parts++;
		if (*p == '\0')
			return parts >= 2 && strlen(s) <= 96;
		if (*p++ != '.')
			return 0;
	}
}

static int
valid_source(const char *s)
{
	const char *hash = strchr(s, '#'), *p;

	if (hash == NULL || hash - s != 3 || strspn(s, "0123456789") != 3 ||
	    hash[1] == '\0')
		return 0;
	for (p = hash + 1; *p != '\0'; p++)
		if (!isalnum((unsigned char)*p) && !strchr(".-_", *p))
			return 0;
	return 1;
}

/* Setters of front matter keys: return 0, or -1 after reporting. */

static int
fm_id(struct clause *c, const char *val, int line)
{
	if (!valid_clause_id(val)) {
		diag_error(c->path, line, "clause id '%s' must be dotted words "
		    "of [a-z0-9-], like 'alle.foto-toestemming'", val);
		return -1;
	}
	c->id = xstrdup(val);
	c->id_line = line;
	return 0;
}

static int
fm_title(struct clause *c, const char *val, int line)
{
	(void)line;
	c->title = xstrdup(val);
	return 0;
}

static int
fm_section(struct clause *c, const char *val, int line)
{
	if (c->section != NULL && strcmp(c->section, val) != 0) {
		diag_error(c->path, line, "section '%s' does not match the "
		    "folder '%s' the clause is in", val, c->section);
		return -1;
	}
	if (!config_valid_id(val)) {
		diag_error(c->path, line, "section '%s' must match [a-z0-9-]+",
		    val);
		return -1;
	}
	free(c->section);
	c->section = xstrdup(val);
	return 0;
}

static int
fm_kind(struct clause *c, const char *val, int line)
{
	static const struct {
		const char	*name;
		enum clause_kind kind;
	} kinds[] = { { "article", CLAUSE_ARTICLE }, { "text", CLAUSE_TEXT },
	    { "item", CLAUSE_ITEM }, { "footnote", CLAUSE_FOOTNOTE } };
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(val, kinds[i].name) == 0) {
			c->kind = kinds[i].kind;
			return 0;
		}
	diag_error(c->path, line, "kind '%s' must be article, text, item or "
	    "footnote", val);
	return -1;
}

static int
fm_audience(struct clause *c, const char *val, int line)
{
	char **w;
	size_t n = split_words(val, &w), i;
	int rc = 0;

	for (i = 0; i < n && rc == 0; i++)
		if (!in_set(w[i], audiences)) {
			diag_error(c->path, line, "audience '%s' must be one of "
			    "alle, medewerkers, medewerkers-werk, "
			    "medewerkers-prive, leerlingen, ouders", w[i]);
			rc = -1;
		}
	free_words(w, n);
	if (rc == 0)
		c->audience = xstrdup(val);
	return rc;
}

static int
fm_level(struct clause *c, const char *val, int line)
{
	char **w;
	size_t n = split_words(val, &w), i;
	int rc = 0;

	c->levels = 0;
	for (i = 0; i < n && rc == 0; i++) {
		if (strcmp(w[i], "po") == 0)
			c->levels |= LEVEL_PO;
		else if (strcmp(w[i], "vo") == 0)
			c->levels |= LEVEL_VO;
		else {
			diag_error(c->path, line, "level '%s' must be po, vo "
			    "or both", w[i]);
			rc = -1;
		}
	}
	free_words(w, n);
	return rc;
}

static int
fm_sources(struct clause *c, const char *val, int line)
{
	char **w;
	size_t n = split_words(val, &w), i;
	int rc = 0;

	c->sources = xcalloc(n, sizeof(*c->sources));
	for (i = 0; i < n && rc == 0; i++) {
		if (!valid_source(w[i])) {
			diag_error(c->path, line, "source '%s' must be a seed "
			    "and an article, like '002#4.5'", w[i]);
			rc = -1;
			break;
		}
		c->sources[c->nsources].seed = xstrndup(w[i], 3);
		c->sources[c->nsources].article = xstrdup(w[i] + 4);
		c->nsources++;
	}
	free_words(w, n);
	return rc;
}

static int
fm_variant(struct clause *c, const char *val, int line)
{
	if (!valid_clause_id(val) && !config_valid_id(val)) {
		diag_error(c->path, line, "variant-of '%s' must be a clause id",
		    val);
		return -1;
	}
	c->variant_of = xstrdup(val);
	return 0;
}

static int
fm_tags(struct clause *c, const char *val, int line)
{
	char **w;
	size_t n = split_words(val, &w), i;

	for (i = 0; i < n; i++)
		if (!config_valid_id(w[i])) {
			diag_error(c->path, line, "tag '%s' must match "
			    "[a-z0-9-]+", w[i]);
			free_words(w, n);
			return -1;
		}
	c->tags = w;
	c->ntags = n;
	return 0;
}

/* The front matter keys; FM_* are their bits in a "seen" mask. */
static const struct {
	const char	*key;
	int		(*set)(struct clause *, const char *, int);
} fm_keys[] = {
	{ "id", fm_id }, { "title", fm_title }, { "section", fm_section },
	{ "kind", fm_kind }, { "audience", fm_audience },
	{ "level", fm_level }, { "sources", fm_sources },
	{ "variant-of", fm_variant }, { "tags", fm_tags },
};
enum { FM_ID = 1u << 0, FM_TITLE = 1u << 1, FM_SECTION = 1u << 2,
    FM_AUDIENCE = 1u << 4 };

/* Apply one "key: value" line to c; return 0 or -1 after reporting. */
static int
front_matter_field(struct clause *c, const char *key, const char *val,
    int line, unsigned *seen)
{
	size_t k, nkeys = sizeof(fm_keys) / sizeof(fm_keys[0]);

	for (k = 0; k < nkeys; k++)
		if (strcmp(fm_keys[k].key, key) == 0)
			break;
	if (k == nkeys) {
		diag_error(c->path, line, "unknown front matter key '%s'", key);
		return -1;
	}
	if (*seen & (1u << k)) {
		diag_error(c->path, line, "front matter key '%s' is given "
		    "twice", key);
		return -1;
	}
	*seen |= 1u << k;
	if (*val == '\0') {
		diag_error(c->path, line, "front matter key '%s' has no value",
		    key);
		return -1;
	}
	return fm_keys[k].set(c, val, line);
}

/* Copy text with CRLF turned into LF. */
static char *
normalise_newlines(const char *text, size_t len, size_t *outlen)
{
	char *out = xmalloc(len + 1);
	size_t i, j = 0;

	for (i = 0; i < len; i++) {
		if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
			continue;
		out[j++] = text[i];
	}
	out[j] = '\0';
	*outlen = j;
	return out;
}

/* Size, UTF-8, NUL: return 0, or -1 after reporting. */
static int
check_clause_bytes(const char *path, const char *text, size_t len)
{
	size_t good;

	if (len > MAX_CLAUSE_FILE) {
		diag_error(path, 0, "clause file is %zu bytes; at most %d",
		    len, MAX_CLAUSE_FILE);
		return -1;
	}
	if ((good = utf8_valid_prefix(text, len)) != len) {
		diag_error(path, line_of_offset(text, good), "invalid UTF-8 "
		    "(byte 0x%02X)", (unsigned char)text[good]);
		return -1;
	}
	if (memchr(text, '\0', len) != NULL) {
		diag_error(path, 0, "NUL byte in clause file");
		return -1;
	}
	return 0;
}

/* One front matter line (without its newline); return the errors. */
static int
front_matter_line(struct clause *c, const char *text, size_t len, int line,
    unsigned *seen)
{
	char *field = xstrndup(text, len), *colon, *val, *hash;
	int errors = 0;

	/* comments: a whole line, or " #" after the value */
	for (hash = field; (hash = strchr(hash, '#')) != NULL; hash++)
		if (hash == field || hash[-1] == ' ' || hash[-1] == '\t') {
			*hash = '\0';
			break;
		}
	val = field + strlen(field);
	while (val > field && isspace((unsigned char)val[-1]))
		*--val = '\0';
	if (*field == '\0')
		;	/* blank or comment */
	else if ((colon = strchr(field, ':')) == NULL) {
		diag_error(c->path, line, "front matter line is not 'key: "
		    "value'");
		errors++;
	} else {
		*colon = '\0';
		val = colon + 1;
		while (*val == ' ' || *val == '\t')
			val++;
		if (front_matter_field(c, field, val, line, seen) < 0)
			errors++;
	}
	free(field);
	return errors;
}

/*
 * The front matter of src (which starts "---\n"); set *body to the offset
 * of the body and c->body_line.  Return the number of errors, or -1 when
 * the front matter is not closed.
 */
static int
front_matter(struct clause *c, const char *src, size_t n, size_t *body,
    unsigned *seen)
{
	size_t off = 4, l;
	const char *s, *end;
	int line = 2, errors = 0;

	if (strncmp(src + 4, "---\n", 4) != 0 && strstr(src + 3, "\n---\n") ==
	    NULL && !str_ends(src, "\n---"))
		return -1;
	while (off < n) {
		s = src + off;
		end = strchr(s, '\n');
		l = end ? (size_t)(end - s) : strlen(s);
		off += l + (end ? 1 : 0);
		if (l == 3 && strncmp(s, "---", 3) == 0) {
			c->body_line = line + 1;
			*body = off;
			return errors;
		}
		errors += front_matter_line(c, s, l, line, seen);
		line++;
	}
	return -1;
}

/* Keys every clause has; a key given with a bad value was reported. */
static int
required_keys(struct clause *c, unsigned seen)
{
	static const struct {
		unsigned	 bit;
		const char	*key;
	} req[] = { { FM_ID, "id" }, { FM_TITLE, "title" },
	    { FM_AUDIENCE, "audience" }, { FM_SECTION, "section" } };
	size_t i;
	int errors = 0;

	for (i = 0; i < sizeof(req) / sizeof(req[0]); i++) {
		if (seen & req[i].bit)
			continue;
		if (req[i].bit == FM_SECTION && c->section != NULL)
			continue;	/* from the folder */
		diag_error(c->path, 1, "front matter needs '%s'", req[i].key);
		errors++;
	}
	return errors;
}

/* Parse and check the CommonMark body; return 0, or -1 after reporting. */
static int
parse_body(struct clause *c, const char *body)
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

struct clause *
clause_parse(const char *path, const char *section, const char *text,
    size_t len)
{
	struct clause *c = xcalloc(1, sizeof(*c));
	char *src = NULL;
	size_t n, body = 0;
	unsigned seen = 0;
	int errors;

	c->path = xstrdup(path);
	c->section = section ? xstrdup(section) : NULL;
	c->levels = LEVEL_PO | LEVEL_VO;
	c->kind = CLAUSE_ARTICLE;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if (check_clause_bytes(path, text, len) == -1)
		goto fail;
	src = normalise_newlines(text, len, &n);
	if (strncmp(src, "---\n", 4) != 0) {
		diag_error(path, 1, "a clause starts with front matter: a "
		    "'---' line, 'key: value' lines, then '---'");
		goto fail;
	}
	if ((errors = front_matter(c, src, n, &body, &seen)) == -1) {
		diag_error(path, 1, "unterminated front matter: no closing "
		    "'---' line");
		goto fail;
	}
	if (errors + required_keys(c, seen) > 0 ||
	    parse_body(c, src + body) == -1)
		goto fail;
	free(src);
	return c;
fail:
	free(src);
	clause_free(c);
	return NULL;
}

void
clause_free(struct clause *c)
{
	size_t i;

	if (c == NULL)
		return;
	free(c->id);
	free(c->title);
	free(c->section);
	free(c->audience);
	free(c->variant_of);
	free(c->path);
	for (i = 0; i < c->nsources; i++) {
		free(c->sources[i].seed);
		free(c->sources[i].article);
	}
	free(c->sources);
	free_words(c->tags, c->ntags);
	free(c->body);
	if (c->tree != NULL)
		cmark_node_free(c->tree);
	free(c);
}

/* ------------------------------------------------------------------ */
/* Outlines                                                             */

static void
outline_add_section(struct outline *o, const char *rest, int appendix,
    int line, const char *path, int *errors)
{
	const char *colon = strchr(rest, ':');
	struct outline_section *s;
	char *id;
	size_t i;

	if (colon == NULL) {
		diag_error(path, line, "write '%s id: Title'", appendix ?
		    "appendix" : "section");
		(*errors)++;
		return;
	}
	id = xstrndup(rest, (size_t)(colon - rest));
	while (*id && isspace((unsigned char)id[strlen(id) - 1]))
		id[strlen(id) - 1] = '\0';
	if (!config_valid_id(id)) {
		diag_error(path, line, "section id '%s' must match "
		    "[a-z0-9-]+", id);
		(*errors)++;
		free(id);
		return;
	}
	for (i = 0; i < o->nsections; i++)
		if (strcmp(o->sections[i].id, id) == 0) {
			diag_error(path, line, "section '%s' is already "
			    "defined on line %d", id, o->sections[i].line);
			(*errors)++;
			free(id);
			return;
		}
	colon++;
	while (*colon == ' ' || *colon == '\t')
		colon++;
	if (*colon == '\0') {
		diag_error(path, line, "section '%s' has no title", id);
		(*errors)++;
		free(id);
		return;
	}
	o->sections = xreallocarray(o->sections, o->nsections + 1,
	    sizeof(*o->sections));
	s = &o->sections[o->nsections++];
	memset(s, 0, sizeof(*s));
	s->id = id;
	s->title = xstrdup(colon);
	s->appendix = appendix;
	s->line = line;
}

/* An indented line: a clause of the last section.  Return the errors. */
static int
outline_entry(struct outline *o, const char *id, int line)
{
	struct outline_section *s;

	if (o->nsections == 0) {
		diag_error(o->path, line, "clause '%s' before the first "
		    "section", id);
		return 1;
	}
	if (!valid_clause_id(id)) {
		diag_error(o->path, line, "'%s' is not a clause id", id);
		return 1;
	}
	s = &o->sections[o->nsections - 1];
	ARRAY_RESERVE(s->entries, s->nentries, s->cap);
	s->entries[s->nentries].id = xstrdup(id);
	s->entries[s->nentries].line = line;
	s->entries[s->nentries].clause = NULL;
	s->nentries++;
	return 0;
}

/* "level: po vo"; return the errors. */
static int
outline_levels(struct outline *o, const char *val, int line)
{
	char **w;
	size_t n = split_words(val, &w), i;
	int errors = 0;

	o->levels = 0;
	for (i = 0; i < n; i++) {
		if (strcmp(w[i], "po") == 0)
			o->levels |= LEVEL_PO;
		else if (strcmp(w[i], "vo") == 0)
			o->levels |= LEVEL_VO;
		else {
			diag_error(o->path, line, "level '%s' must be po or vo",
			    w[i]);
			errors++;
		}
	}
	free_words(w, n);
	return errors;
}

static const char *
after_key(const char *l, size_t keylen)
{
	l += keylen;
	while (*l == ' ')
		l++;
	return l;
}

/*
 * A line that is not indented: a header or a section.  Return the
 * errors; set *skip when the clauses under it are to be skipped.
 */
static int
outline_header(struct outline *o, const char *l, int line, int *skip)
{
	int errors = 0, app;

	*skip = 0;
	if (str_starts(l, "section ") || str_starts(l, "appendix ")) {
		app = str_starts(l, "appendix ");
		outline_add_section(o, l + (app ? 9 : 8), app, line, o->path,
		    &errors);
		*skip = errors > 0;
	} else if (str_starts(l, "title:")) {
		if (o->nsections > 0 || o->title != NULL) {
			diag_error(o->path, line, "'title:' belongs once at the "
			    "top of the outline");
			return 1;
		}
		o->title = xstrdup(after_key(l, 6));
	} else if (str_starts(l, "description:")) {
		free(o->description);
		o->description = xstrdup(after_key(l, 12));
	} else if (str_starts(l, "level:"))
		errors = outline_levels(o, l + 6, line);
	else {
		diag_error(o->path, line, "expected 'title:', 'level:', "
		    "'description:', 'section id: Title', 'appendix id: "
		    "Title' or an indented clause id");
		*skip = 1;
		errors = 1;
	}
	return errors;
}

/* A clause appears once in an outline; return the errors. */
static int
outline_duplicates(const struct outline *o)
{
	const struct outline_entry *e, *f;
	size_t i, j, k, m;
	int errors = 0;

	for (i = 0; i < o->nsections; i++)
		for (j = 0; j < o->sections[i].nentries; j++) {
			e = &o->sections[i].entries[j];
			for (k = 0; k <= i; k++)
				for (m = 0; m < (k == i ? j :
				    o->sections[k].nentries); m++) {
					f = &o->sections[k].entries[m];
					if (strcmp(f->id, e->id) != 0)
						continue;
					diag_error(o->path, e->line, "clause "
					    "'%s' is already in the outline "
					    "(line %d)", e->id, f->line);
					errors++;
				}
		}
	return errors;
}

struct outline *
outline_parse(const char *path, const char *name, const char *text,
    size_t len)
{
	struct outline *o = xcalloc(1, sizeof(*o));
	char *src, *p, *next, *l, *e;
	size_t n;
	int line = 0, errors = 0, skip = 0, indented;

	o->name = xstrdup(name);
	o->path = xstrdup(path);
	o->levels = LEVEL_PO | LEVEL_VO;
	if ((n = utf8_valid_prefix(text, len)) != len) {
		diag_error(path, line_of_offset(text, n), "invalid UTF-8");
		outline_free(o);
		return NULL;
	}
	src = normalise_newlines(text, len, &n);
	for (p = src; p != NULL && *p != '\0'; p = next) {
		line++;
		if ((next = strchr(p, '\n')) != NULL)
			*next++ = '\0';
		if ((e = strchr(p, '#')) != NULL)
			*e = '\0';
		indented = *p == ' ' || *p == '\t';
		for (l = p; isspace((unsigned char)*l); l++)
			;
		for (e = l + strlen(l); e > l && isspace((unsigned char)e[-1]);)
			*--e = '\0';
		if (*l == '\0' || (indented && skip))
			continue;	/* blank, or under a line reported */
		if (indented)
			errors += outline_entry(o, l, line);
		else
			errors += outline_header(o, l, line, &skip);
	}
	free(src);
	if (o->title == NULL && errors == 0) {
		diag_error(path, 1, "outline needs a 'title:' line");
		errors++;
	}
	if (errors + outline_duplicates(o) > 0) {
		outline_free(o);
		return NULL;
	}
	return o;
}

void
outline_free(struct outline *o)
{
	size_t i, j;

	if (o == NULL)
		return;
	for (i = 0; i < o->nsections; i++) {
		for (j = 0; j < o->sections[i].nentries; j++)
			free(o->sections[i].entries[j].id);
		free(o->sections[i].entries);
		free(o->sections[i].id);
		free(o->sections[i].title);
	}
	free(o->sections);
	free(o->name);
	free(o->path);
	free(o->title);
	free(o->description);
	free(o);
}

/* ------------------------------------------------------------------ */
/* The library                                                          */

static int
clause_cmp(const void *a, const void *b)
{
	return strcmp((*(struct clause *const *)a)->id,
	    (*(struct clause *const *)b)->id);
}

static int
outline_cmp(const void *a, const void *b)
{
	return strcmp((*(struct outline *const *)a)->name,
	    (*(struct outline *const *)b)->name);
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char **
sorted_dir(const char *dir, size_t *n, int *err)
{
	struct dirent *de;
	char **v = NULL;
	size_t cap = 0;
	DIR *d;

	*n = 0;
	*err = 0;
	if ((d = opendir(dir)) == NULL) {
		*err = errno;
		return NULL;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		ARRAY_RESERVE(v, *n, cap);
		v[(*n)++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (*n > 1)
		qsort(v, *n, sizeof(*v), str_cmp);
	if (v == NULL)
		v = xcalloc(1, sizeof(*v));
	return v;
}

static int
isdir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static void
load_outlines(struct library *lib, const char *dir)
{
	struct buf b = { 0 };
	char **names;
	size_t n, i;
	int err;

	if ((names = sorted_dir(dir, &n, &err)) == NULL) {
		if (err != ENOENT)
			diag_error(dir, 0, "cannot read folder: %s",
			    strerror(err));
		return;
	}
	for (i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]);
		struct outline *o;
		if (!str_ends(names[i], ".outline")) {
			free(path);
			continue;
		}
		names[i][strlen(names[i]) - 8] = '\0';
		if (!config_valid_id(names[i])) {
			diag_error(path, 0, "outline name '%s' must match "
			    "[a-z0-9-]+", names[i]);
		} else if (file_read(path, &b) == -1) {
			diag_error(path, 0, "cannot read: %s", strerror(errno));
		} else if ((o = outline_parse(path, names[i], buf_str(&b),
		    b.len)) != NULL) {
			lib->outlines = xreallocarray(lib->outlines,
			    lib->noutlines + 1, sizeof(*lib->outlines));
			lib->outlines[lib->noutlines++] = o;
		}
		free(path);
	}
	free_words(names, n);
	buf_free(&b);
}

static void
load_section(struct library *lib, const char *dir, const char *section,
    size_t *cap)
{
	struct buf b = { 0 };
	char **names;
	size_t n, i;
	int err;

	if ((names = sorted_dir(dir, &n, &err)) == NULL) {
		diag_error(dir, 0, "cannot read folder: %s", strerror(err));
		return;
	}
	for (i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]);
		struct clause *c;
		if (!str_ends(names[i], ".md")) {
			if (isdir(path))
				diag_error(path, 0, "clause folders do not "
				    "nest: put clauses in %s", dir);
			free(path);
			continue;
		}
		if (file_read(path, &b) == -1)
			diag_error(path, 0, "cannot read: %s", strerror(errno));
		else if ((c = clause_parse(path, section, buf_str(&b),
		    b.len)) != NULL) {
			ARRAY_RESERVE(lib->clauses, lib->nclauses, *cap);
			lib->clauses[lib->nclauses++] = c;
		}
		free(path);
	}
	free_words(names, n);
	buf_free(&b);
}

/* Footnote references point at footnote clauses. */
static void
check_footnote_refs(const struct library *lib, const struct clause *c)
{
	cmark_iter *it = cmark_iter_new(c->tree);
	cmark_event_type ev;
	cmark_node *n;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		const struct clause *f;
		n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(n) != CMARK_NODE_CUSTOM_INLINE)
			continue;
		const char *mark = cmark_node_get_on_enter(n);
		char *id = xstrndup(mark + 2, strlen(mark) - 3);
		f = library_clause(lib, id);
		if (f == NULL)
			diag_error(c->path, node_line(n), "footnote '%s' does "
			    "not exist", id);
		else if (f->kind != CLAUSE_FOOTNOTE)
			diag_error(c->path, node_line(n), "'%s' is not a "
			    "footnote (its kind is not 'footnote')", id);
		else if (f == c)
			diag_error(c->path, node_line(n), "a footnote cannot "
			    "refer to itself");
		free(id);
	}
	cmark_iter_free(it);
}

static void
resolve_outline(const struct library *lib, struct outline *o)
{
	const struct clause *c;
	size_t i, j, k, m;

	for (i = 0; i < o->nsections; i++)
		for (j = 0; j < o->sections[i].nentries; j++) {
			struct outline_entry *e = &o->sections[i].entries[j];
			if ((c = library_clause(lib, e->id)) == NULL) {
				diag_error(o->path, e->line, "unknown clause "
				    "'%s'", e->id);
				continue;
			}
			if (c->kind == CLAUSE_FOOTNOTE) {
				diag_error(o->path, e->line, "'%s' is a "
				    "footnote: footnotes are placed where "
				    "they are referenced", e->id);
				continue;
			}
			if ((c->levels & o->levels) != o->levels)
				diag_error(o->path, e->line, "clause '%s' is "
				    "not written for every level this outline "
				    "serves", e->id);
			e->clause = c;
		}
	/* at most one clause of a variant group */
	for (i = 0; i < o->nsections; i++)
		for (j = 0; j < o->sections[i].nentries; j++) {
			const struct clause *a = o->sections[i].entries[j].clause;
			if (a == NULL || a->variant_of == NULL)
				continue;
			for (k = i; k < o->nsections; k++)
				for (m = k == i ? j + 1 : 0;
				    m < o->sections[k].nentries; m++) {
					const struct clause *b =
					    o->sections[k].entries[m].clause;
					if (b != NULL && b->variant_of != NULL &&
					    strcmp(a->variant_of,
					    b->variant_of) == 0)
						diag_error(o->path,
						    o->sections[k].entries[m].
						    line, "'%s' and '%s' are "
						    "variants of '%s': choose "
						    "one", a->id, b->id,
						    a->variant_of);
				}
		}
}

int
library_load(struct library *lib, const char *root)
{
	char **names;
	size_t n, i, cap = 0;
	int err, before = diag_count(DIAG_ERROR);

	memset(lib, 0, sizeof(*lib));
	lib->root = xstrdup(root);
	if ((names = sorted_dir(root, &n, &err)) == NULL) {
		diag_error(root, 0, "cannot read the clause library: %s",
		    strerror(err));
		return 1;
	}
	for (i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", root, names[i]);
		if (strcmp(names[i], "outlines") == 0)
			load_outlines(lib, path);
		else if (isdir(path)) {
			if (!config_valid_id(names[i]))
				diag_error(path, 0, "section folder '%s' must "
				    "match [a-z0-9-]+", names[i]);
			else
				load_section(lib, path, names[i], &cap);
		}
		free(path);
	}
	free_words(names, n);
	if (lib->nclauses > 1)
		qsort(lib->clauses, lib->nclauses, sizeof(*lib->clauses),
		    clause_cmp);
	for (i = 1; i < lib->nclauses; i++)
		if (strcmp(lib->clauses[i - 1]->id, lib->clauses[i]->id) == 0)
			diag_error(lib->clauses[i]->path,
			    lib->clauses[i]->id_line, "duplicate clause id "
			    "'%s' (also in %s:%d)", lib->clauses[i]->id,
			    lib->clauses[i - 1]->path,
			    lib->clauses[i - 1]->id_line);
	for (i = 0; i < lib->nclauses; i++)
		check_footnote_refs(lib, lib->clauses[i]);
	if (lib->noutlines > 1)
		qsort(lib->outlines, lib->noutlines, sizeof(*lib->outlines),
		    outline_cmp);
	for (i = 0; i < lib->noutlines; i++)
		resolve_outline(lib, lib->outlines[i]);
	return diag_count(DIAG_ERROR) - before;
}

const struct clause *
library_clause(const struct library *lib, const char *id)
{
	size_t lo = 0, hi = lib->nclauses, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(id, lib->clauses[mid]->id);
		if (c == 0)
			return lib->clauses[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const struct outline *
library_outline(const struct library *lib, const char *name)
{
	size_t i;

	for (i = 0; i < lib->noutlines; i++)
		if (strcmp(lib->outlines[i]->name, name) == 0)
			return lib->outlines[i];
	return NULL;
}

void
library_free(struct library *lib)
{
	size_t i;

	for (i = 0; i < lib->nclauses; i++)
		clause_free(lib->clauses[i]);
	free(lib->clauses);
	for (i = 0; i < lib->noutlines; i++)
		outline_free(lib->outlines[i]);
	free(lib->outlines);
	free(lib->root);
	memset(lib, 0, sizeof(*lib));
}
