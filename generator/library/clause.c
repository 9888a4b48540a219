/* Clause files: front matter, then the body (clause_body.c). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "config/config.h"
#include "base/base.h"
#include "library/library.h"

#define MAX_CLAUSE_FILE	(256 * 1024)

/* ------------------------------------------------------------------ */
/* Front matter                                                         */

static const char *const audiences[] = { "alle", "medewerkers",
    "medewerkers-werk", "medewerkers-prive", "leerlingen", "ouders", NULL };

/* The parts of the schoolgids section a clause can feed (docs/FORMATS.md). */
const char *const clause_schoolgids_parts[] = { "doel", "kanalen",
    "afspraak", "foto", "telefoon", "lessen", "melden", NULL };

static int
in_set(const char *w, const char *const *set)
{
	for (; *set != NULL; set++)
		if (strcmp(w, *set) == 0)
			return (int)1;
	return 0;
}

/* Split a space-separated value into words; return the count. */
size_t
library_split_words(const char *v, char ***out)
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

void
library_free_words(char **w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(w[i]);
	free(w);
}

int
clause_valid_id(const char *s)
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
	if (!clause_valid_id(val)) {
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
	size_t n = library_split_words(val, &w), i;
	int rc = 0;

	for (i = 0; i < n && rc == 0; i++)
		if (!in_set(w[i], audiences)) {
			diag_error(c->path, line, "audience '%s' must be one of "
			    "alle, medewerkers, medewerkers-werk, "
			    "medewerkers-prive, leerlingen, ouders", w[i]);
			rc = -1;
		}
	library_free_words(w, n);
	if (rc == 0)
		c->audience = xstrdup(val);
	return rc;
}

static int
fm_level(struct clause *c, const char *val, int line)
{
	char **w;
	size_t n = library_split_words(val, &w), i;
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
	library_free_words(w, n);
	return rc;
}

static int
fm_sources(struct clause *c, const char *val, int line)
{
	char **w;
	size_t n = library_split_words(val, &w), i;
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
	library_free_words(w, n);
	return rc;
}

static int
fm_variant(struct clause *c, const char *val, int line)
{
	if (!clause_valid_id(val) && !config_valid_id(val)) {
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
	size_t n = library_split_words(val, &w), i;

	for (i = 0; i < n; i++) {
		if (!config_valid_id(w[i])) {
			diag_error(c->path, line, "tag '%s' must match "
			    "[a-z0-9-]+", w[i]);
			library_free_words(w, n);
			return -1;
		}
		if (str_starts(w[i], "schoolgids")) {
			diag_error(c->path, line, "tag '%s' is no longer read: "
			    "say which schoolgids part the clause feeds with "
			    "'schoolgids: %s'", w[i],
			    strcmp(w[i], "schoolgids-telefoon") == 0 ?
			    "telefoon" : strcmp(w[i], "schoolgids-foto") == 0 ?
			    "foto" : "afspraak");
			library_free_words(w, n);
			return -1;
		}
	}
	c->tags = w;
	c->ntags = n;
	return 0;
}

static int
fm_schoolgids(struct clause *c, const char *val, int line)
{
	if (!in_set(val, clause_schoolgids_parts)) {
		diag_error(c->path, line, "schoolgids '%s' must be one of doel, "
		    "kanalen, afspraak, foto, telefoon, lessen, melden", val);
		return -1;
	}
	c->schoolgids = xstrdup(val);
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
	{ "schoolgids", fm_schoolgids },
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
char *
library_normalise_newlines(const char *text, size_t len, size_t *outlen)
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

/* Size, UTF-8, NUL, lone CR: return 0, or -1 after reporting. */
static int
check_clause_bytes(const char *path, const char *text, size_t len)
{
	const char *p;
	size_t good;

	if (len > MAX_CLAUSE_FILE) {
		diag_error(path, 0, "clause file is %zu bytes; at most %d: "
		    "split it into several clauses", len, MAX_CLAUSE_FILE);
		return -1;
	}
	if ((good = utf8_valid_prefix(text, len)) != len) {
		diag_error(path, line_of_offset(text, good), "invalid UTF-8 "
		    "(byte 0x%02X)", (unsigned char)text[good]);
		return -1;
	}
	if ((p = memchr(text, '\0', len)) != NULL) {
		diag_error(path, line_of_offset(text, (size_t)(p - text)),
		    "NUL byte in clause file: delete it (a clause is "
		    "UTF-8 text)");
		return -1;
	}
	/* CR alone (old Mac line ends, a stray paste) would split lines
	 * for cmark but not for our front matter and line numbers */
	for (p = text; (p = memchr(p, '\r', len - (size_t)(p - text))) != NULL;
	    p++)
		if ((size_t)(p + 1 - text) == len || p[1] != '\n') {
			diag_error(path, line_of_offset(text,
			    (size_t)(p - text)), "a carriage return (CR) not "
			    "followed by a line feed: save the file with LF "
			    "(or CRLF) line endings");
			return -1;
		}
	return 0;
}

/*
 * Characters that cannot be seen or that change how text reads (a BOM
 * inside the file, bidirectional controls, controls, U+FFFD): return 0,
 * or -1 after reporting.  text has LF line endings.
 */
static int
check_clause_chars(const char *path, const char *text, size_t len)
{
	const char *what;
	size_t at;
	unsigned cp;

	if ((what = text_bad_char(text, len, &at, &cp)) == NULL)
		return 0;
	diag_error(path, line_of_offset(text, at), "%s (U+%04X) in the "
	    "file: delete it%s", what, cp, cp == 0xFFFD ? " and type the "
	    "character that was lost" : " (most editors do not show it)");
	return -1;
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
	src = library_normalise_newlines(text, len, &n);
	if (check_clause_chars(path, src, n) == -1)
		goto fail;
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
	    clause_parse_body(c, src + body) == -1)
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
	free(c->schoolgids);
	free(c->path);
	for (i = 0; i < c->nsources; i++) {
		free(c->sources[i].seed);
		free(c->sources[i].article);
	}
	free(c->sources);
	library_free_words(c->tags, c->ntags);
	free(c->body);
	if (c->tree != NULL)
		cmark_node_free(c->tree);
	free(c);
}
