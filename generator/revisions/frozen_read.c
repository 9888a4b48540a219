/* The frozen format of a revision: parsing and verifying it (frozen.c writes it). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "config/config.h"
#include "model/model.h"
#include "revisions/revisions.h"

static void
free_strv(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* ------------------------------------------------------------------ */
/* Parsing                                                              */

/* Next line of text from *off: its start and length without "\n". */
static int
next_line(const char *text, size_t len, size_t *off, const char **s,
    size_t *n)
{
	const char *nl;

	if (*off >= len)
		return 0;
	*s = text + *off;
	nl = memchr(*s, '\n', len - *off);
	*n = nl ? (size_t)(nl - *s) : len - *off;
	*off += *n + (nl != NULL);
	return 1;
}

static void
pair_add(struct rev_pair **v, size_t *n, const char *key, size_t keylen,
    const char *value, size_t valuelen, int line)
{
	*v = xreallocarray(*v, *n + 1, sizeof(**v));
	(*v)[*n].key = xstrndup(key, keylen);
	(*v)[*n].value = xstrndup(value, valuelen);
	(*v)[*n].line = line;
	(*n)++;
}

/* Split s at the first occurrence of sep; 0 when absent. */
static int
split(const char *s, size_t n, const char *sep, size_t *left, const char **right,
    size_t *rn)
{
	size_t k = strlen(sep), i;

	for (i = 0; i + k <= n; i++)
		if (memcmp(s + i, sep, k) == 0) {
			*left = i;
			*right = s + i + k;
			*rn = n - i - k;
			return 1;
		}
	return 0;
}

/* "ID | KIND | AUDIENCE | TEMPLATE | USES | TITLE" into a clause. */
static int
parse_register(const char *s, size_t n, struct rev_clause *c)
{
	const char *f[6], *rest = s;
	size_t fl[6], i, k, rn = n;
	char *uses, *save = NULL, *w;

	for (i = 0; i < 5; i++) {
		if (!split(rest, rn, " | ", &k, &f[i + 1], &fl[i + 1]))
			return -1;
		f[i] = rest;
		fl[i] = k;
		rest = f[i + 1];
		rn = fl[i + 1];
	}
	c->id = xstrndup(f[0], fl[0]);
	c->kind = CLAUSE_TEXT;
	for (i = 0; i < 4; i++)
		if (strlen(rev_kind_names[i]) == fl[1] &&
		    memcmp(rev_kind_names[i], f[1], fl[1]) == 0)
			c->kind = (enum clause_kind)i;
	c->audience = xstrndup(f[2], fl[2]);
	c->tpl = xstrndup(f[3], fl[3]);
	c->title = xstrndup(f[5], fl[5]);
	uses = xstrndup(f[4], fl[4]);
	for (w = strtok_r(uses, " ", &save); w != NULL;
	    w = strtok_r(NULL, " ", &save)) {
		if (strcmp(w, "-") == 0)
			continue;
		c->uses = xreallocarray(c->uses, c->nuses + 1,
		    sizeof(*c->uses));
		c->uses[c->nuses++] = xstrdup(w);
	}
	free(uses);
	return 0;
}

static void
clause_clear(struct rev_clause *c)
{
	free(c->id);
	free(c->number);
	free(c->section);
	free(c->title);
	free(c->audience);
	free(c->tpl);
	free_strv(c->uses, c->nuses);
	free(c->text);
}

struct reader {
	struct revdoc	*r;
	struct rev_clause *reg;		/* register lines */
	size_t		 nreg;
	int		 errors;
};

static const char *const meta_keys[] = { "format", "hash", "school", "name",
    "board", "title", "outline", "level", "version", "status", "scope",
    "schoolyear", "author", "owner", "maintainer", "step", "effective",
    "review", "replaces", "rationale", NULL };

/* Is there a "---" line at or after offset off? */
static int
has_closing_line(const char *text, size_t len, size_t off)
{
	const char *s;
	size_t n;

	while (next_line(text, len, &off, &s, &n))
		if (n == 3 && memcmp(s, "---", 3) == 0)
			return 1;
	return 0;
}

/* The front matter; return the offset of the body, or 0 after reporting. */
static size_t
parse_front(struct reader *rd, const char *text, size_t len)
{
	struct revdoc *r = rd->r;
	const char *s, *v;
	size_t off = 0, n, k, vn, i;
	int line = 1, known;

	if (!next_line(text, len, &off, &s, &n) || n != 3 ||
	    memcmp(s, "---", 3) != 0) {
		diag_error(r->path, 1, "not a frozen revision: it does not "
		    "start with a '---' line");
		return 0;
	}
	if (!has_closing_line(text, len, off)) {
		diag_error(r->path, 1, "the front matter has no closing '---'");
		return 0;
	}
	while (next_line(text, len, &off, &s, &n)) {
		line++;
		if (n == 3 && memcmp(s, "---", 3) == 0)
			return off;
		if (!split(s, n, ": ", &k, &v, &vn)) {
			diag_error(r->path, line, "expected 'key: value'");
			rd->errors++;
			continue;
		}
		if (k == 6 && memcmp(s, "clause", 6) == 0) {
			rd->reg = xreallocarray(rd->reg, rd->nreg + 1,
			    sizeof(*rd->reg));
			memset(&rd->reg[rd->nreg], 0, sizeof(*rd->reg));
			rd->reg[rd->nreg].line = line;
			if (parse_register(v, vn, &rd->reg[rd->nreg]) == -1) {
				diag_error(r->path, line, "a clause line has "
				    "six fields: ID | KIND | AUDIENCE | "
				    "TEMPLATE | USES | TITLE");
				rd->errors++;
				clause_clear(&rd->reg[rd->nreg]);
				continue;
			}
			rd->nreg++;
			continue;
		}
		if (k == 16 && memcmp(s, "clause_rationale", 16) == 0) {
			const char *val;
			size_t nk, nv;
			char *key;
			if (!split(v, vn, " = ", &nk, &val, &nv) || nk == 0 ||
			    nv == 0) {
				diag_error(r->path, line, "expected "
				    "'clause_rationale: ID = TEXT'");
				rd->errors++;
				continue;
			}
			key = xstrndup(v, nk);
			if (r->nwhys > 0 &&
			    strcmp(r->whys[r->nwhys - 1].key, key) >= 0) {
				diag_error(r->path, line, "'clause_rationale' "
				    "lines are sorted by clause id, each once");
				rd->errors++;
				free(key);
				continue;
			}
			free(key);
			pair_add(&r->whys, &r->nwhys, v, nk, val, nv, line);
			continue;
		}
		if ((k == 5 && memcmp(s, "value", 5) == 0) ||
		    (k == 7 && memcmp(s, "channel", 7) == 0) ||
		    (k == 6 && memcmp(s, "lesson", 6) == 0)) {
			const char *val;
			size_t nk, nv;
			char *key;
			if (!split(v, vn, " = ", &nk, &val, &nv)) {
				diag_error(r->path, line, "expected '%.*s: "
				    "NAME = VALUE'", (int)k, s);
				rd->errors++;
				continue;
			}
			key = k == 5 ? xstrndup(v, nk) :
			    xasprintf("%.*s:%.*s", (int)k, s, (int)nk, v);
			pair_add(&r->values, &r->nvalues, key, strlen(key),
			    val, nv, line);
			free(key);
			continue;
		}
		for (known = 0, i = 0; meta_keys[i] != NULL; i++)
			known |= strlen(meta_keys[i]) == k &&
			    memcmp(meta_keys[i], s, k) == 0;
		if (!known) {
			diag_error(r->path, line, "unknown key '%.*s'",
			    (int)k, s);
			rd->errors++;
			continue;
		}
		pair_add(&r->meta, &r->nmeta, s, k, v, vn, line);
		if (k == 4 && memcmp(s, "step", 4) == 0) {
			struct rev_step st;
			if (revdoc_step_parse(r->meta[r->nmeta - 1].value,
			    &st) != 0) {
				diag_error(r->path, line, "expected 'step: BODY "
				    "ACT DATE' (ACT one of voorstel, advies, "
				    "bespreking, instemming, vaststelling; DATE "
				    "as YYYY-MM-DD)");
				rd->errors++;
			}
		}
	}
	diag_error(r->path, line, "the front matter has no closing '---'");
	return 0;
}

/* Is s (n bytes) the marker "<!-- word ... -->"?  Store what follows word. */
static int
marker(const char *s, size_t n, const char *word, const char **arg,
    size_t *an)
{
	size_t w = strlen(word);

	if (n < 9 + w || memcmp(s, "<!-- ", 5) != 0 ||
	    memcmp(s + 5, word, w) != 0 || memcmp(s + n - 4, " -->", 4) != 0)
		return 0;
	if (s[5 + w] != ' ' && 5 + w != n - 4)
		return 0;
	*arg = s + 5 + w;
	*an = n - 4 - 5 - w;
	while (*an > 0 && **arg == ' ')
		(*arg)++, (*an)--;
	return 1;
}

/* "## 2 Title" or "## Bijlage 1 Title" into a section. */
static void
parse_heading(const char *s, size_t n, struct rev_section *sec)
{
	size_t a = 0, b, c;

	s += 3;
	n -= 3;
	while (a < n && s[a] != ' ')
		a++;
	b = a;
	if (a < n) {
		c = a + 1;
		while (c < n && isdigit((unsigned char)s[c]))
			c++;
		if (!isdigit((unsigned char)s[0]) && c > a + 1 &&
		    (c == n || s[c] == ' '))
			b = c;	/* "Bijlage 1" */
	}
	free(sec->number);
	free(sec->title);
	sec->number = xstrndup(s, b);
	sec->title = b < n ? xstrndup(s + b + 1, n - b - 1) : xstrdup("");
}

/* Remove the article number, bullet or footnote label and the indent. */
static char *
clause_body(struct rev_clause *c, const char *text)
{
	struct buf b = { 0 };
	const char *p = text, *indent = "";
	size_t n = strlen(text), k;

	if (c->kind == CLAUSE_ARTICLE && p[0] == '*' && p[1] == '*' &&
	    (k = strcspn(p + 2, "*")) < n && p[k + 2] == '*' &&
	    p[k + 3] == '*' && p[k + 4] == ' ') {
		free(c->number);
		c->number = xstrndup(p + 2, k);
		p += k + 5;
	} else if (c->kind == CLAUSE_ITEM && str_starts(p, "- ")) {
		p += 2;
		indent = "  ";
	} else if (c->kind == CLAUSE_FOOTNOTE && str_starts(p, "[^") &&
	    (k = strcspn(p, "]")) < n && p[k + 1] == ':') {
		free(c->number);
		c->number = xstrndup(p + 2, k - 2);
		p += k + 2;
		p += *p == ' ';
		indent = "    ";
	}
	while (*p != '\0') {
		size_t len = strcspn(p, "\n");
		buf_put(&b, p, len);
		p += len;
		if (*p == '\n') {
			buf_putc(&b, '\n');
			p++;
			if (str_starts(p, indent))
				p += strlen(indent);
		}
	}
	while (b.len > 0 && b.data[b.len - 1] == '\n')
		b.data[--b.len] = '\0';
	return buf_detach(&b);
}

/* Take the register entry of id, or NULL. */
static struct rev_clause *
take_register(struct reader *rd, const char *id)
{
	size_t i;

	for (i = 0; i < rd->nreg; i++)
		if (rd->reg[i].id != NULL && strcmp(rd->reg[i].id, id) == 0)
			return &rd->reg[i];
	return NULL;
}

/* Start a clause of the body; return it (NULL after reporting). */
static struct rev_clause *
open_clause(struct reader *rd, const char *arg, size_t an, int line,
    int footnote, const char *section)
{
	struct revdoc *r = rd->r;
	struct rev_clause *c, *reg;
	size_t idlen = 0;
	char *id;

	while (idlen < an && arg[idlen] != ' ')
		idlen++;
	id = xstrndup(arg, idlen);
	if ((reg = take_register(rd, id)) == NULL) {
		diag_error(r->path, line, "clause '%s' has no 'clause:' line "
		    "in the front matter", id);
		rd->errors++;
		free(id);
		return NULL;
	}
	if (!footnote && *section == '\0') {
		/* the redline places every clause in a section */
		diag_error(r->path, line, "clause '%s' comes before the first "
		    "'<!-- section ID -->' marker", id);
		rd->errors++;
		clause_clear(reg);	/* reported: not "not in the text" */
		memset(reg, 0, sizeof(*reg));
		free(id);
		return NULL;
	}
	free(id);
	if (footnote) {
		r->notes = xreallocarray(r->notes, r->nnotes + 1,
		    sizeof(*r->notes));
		c = &r->notes[r->nnotes++];
	} else {
		r->clauses = xreallocarray(r->clauses, r->nclauses + 1,
		    sizeof(*r->clauses));
		c = &r->clauses[r->nclauses++];
	}
	*c = *reg;
	memset(reg, 0, sizeof(*reg));
	c->line = line;
	c->number = xstrndup(arg + idlen + (idlen < an), an - idlen -
	    (idlen < an));
	c->section = xstrdup(footnote ? "" : section);
	return c;
}

/* The body: sections, clauses and footnotes after their markers. */
static void
parse_body(struct reader *rd, const char *text, size_t len, size_t off,
    int line)
{
	struct revdoc *r = rd->r;
	struct rev_clause *cur = NULL;
	struct rev_section *sec = NULL;
	struct buf body = { 0 };
	const char *s, *arg;
	size_t n, an, i;
	int heading = 0;

	while (next_line(text, len, &off, &s, &n)) {
		line++;
		int is_sec = marker(s, n, "section", &arg, &an);
		int is_clause = marker(s, n, "clause", &arg, &an);
		int is_note = marker(s, n, "footnote", &arg, &an);
		int is_notes = marker(s, n, "footnotes", &arg, &an);
		if (is_sec || is_clause || is_note || is_notes) {
			if (cur != NULL) {
				cur->text = clause_body(cur, buf_str(&body));
				buf_reset(&body);
			}
			cur = NULL;
		}
		if (is_sec) {
			for (i = 0; i < r->nsections; i++)
				if (strlen(r->sections[i].id) == an &&
				    memcmp(r->sections[i].id, arg, an) == 0) {
					diag_error(r->path, line, "section "
					    "'%.*s' appears twice (first on "
					    "line %d)", (int)an, arg,
					    r->sections[i].line);
					rd->errors++;
				}
			r->sections = xreallocarray(r->sections,
			    r->nsections + 1, sizeof(*r->sections));
			sec = &r->sections[r->nsections++];
			memset(sec, 0, sizeof(*sec));
			sec->id = xstrndup(arg, an);
			sec->line = line;
			heading = 1;
		} else if (is_notes) {
			sec = NULL;
			heading = 0;
		} else if (is_clause || is_note) {
			cur = open_clause(rd, arg, an, line, is_note,
			    sec ? sec->id : "");
			heading = 0;
		} else if (cur != NULL) {
			buf_put(&body, s, n);
			buf_putc(&body, '\n');
		} else if (heading && n > 3 && memcmp(s, "## ", 3) == 0) {
			parse_heading(s, n, sec);
			heading = 0;
		}
	}
	if (cur != NULL)
		cur->text = clause_body(cur, buf_str(&body));
	buf_free(&body);
	for (i = 0; i < r->nsections; i++)
		if (r->sections[i].number == NULL) {
			diag_error(r->path, r->sections[i].line, "section '%s' "
			    "has no '## NUMBER TITLE' heading",
			    r->sections[i].id);
			rd->errors++;
			r->sections[i].number = xstrdup("");
			r->sections[i].title = xstrdup("");
		}
	for (i = 0; i < rd->nreg; i++)
		if (rd->reg[i].id != NULL) {
			diag_error(r->path, rd->reg[i].line, "clause '%s' is "
			    "not in the text", rd->reg[i].id);
			rd->errors++;
		}
}

struct revdoc *
revdoc_parse(const char *path, const char *text, size_t len, int verify)
{
	struct reader rd = { 0 };
	struct revdoc *r;
	const char *fmt, *hash;
	char want[65];
	size_t body, i;

	r = xcalloc(1, sizeof(*r));
	r->path = xstrdup(path);
	rd.r = r;
	if (len > REVDOC_MAX_FILE) {
		diag_error(path, 0, "frozen revision is %zu bytes; at most %d",
		    len, REVDOC_MAX_FILE);
		rd.errors++;
		goto out;
	}
	if ((body = parse_front(&rd, text, len)) == 0) {
		rd.errors++;
		goto out;
	}
	fmt = revdoc_meta(r, "format");
	if (fmt == NULL || strcmp(fmt, "protocolgen-revision 1") != 0) {
		diag_error(path, 2, "not a frozen revision: expected 'format: "
		    "protocolgen-revision 1'");
		rd.errors++;
		goto out;
	}
	if (verify && (hash = revdoc_meta(r, "hash")) == NULL) {
		diag_error(path, 1, "this frozen revision has no 'hash:' line: "
		    "frozen revisions are written by 'protocolgen adopt'");
		rd.errors++;
		goto out;
	}
	if (verify) {
		rev_content_hash(text, len, want);
		if (!str_starts(hash, "sha256:") ||
		    strcmp(hash + 7, want) != 0) {
			diag_error(path, 3, "this adopted revision was changed "
			    "after adoption: its content hash does not match "
			    "(an adopted revision is never altered; restore it "
			    "from version control)");
			rd.errors++;
			goto out;
		}
	}
	if (revdoc_meta(r, "version") == NULL) {
		diag_error(path, 1, "the front matter has no 'version'");
		rd.errors++;
		goto out;
	}
	if (!config_valid_version(revdoc_meta(r, "version"))) {
		/* it names files: versie-<X>/, diff-<A>-<B>.html */
		for (i = 0; strcmp(r->meta[i].key, "version") != 0; i++)
			;
		diag_error(path, r->meta[i].line, "'%s' is not a version "
		    "number (1.0, 2.1.3)", r->meta[i].value);
		rd.errors++;
		goto out;
	}
	r->version = xstrdup(revdoc_meta(r, "version"));
	r->rationale = revdoc_meta(r, "rationale");
	parse_body(&rd, text, len, body, line_of_offset(text, body) - 1);
out:
	for (i = 0; i < rd.nreg; i++)
		clause_clear(&rd.reg[i]);
	free(rd.reg);
	if (rd.errors > 0) {
		revdoc_free(r);
		return NULL;
	}
	return r;
}

struct revdoc *
revdoc_draft(const struct document *d)
{
	struct buf b = { 0 };
	struct revdoc *r;
	char *label;

	revision_render(d, &b);
	label = xasprintf("%s (%s)", d->meta.school_id, d->meta.version);
	r = revdoc_parse(label, buf_str(&b), b.len, 0);
	free(label);
	buf_free(&b);
	if (r == NULL) {
		/* our own rendering always parses */
		diag_error(NULL, 0, "internal error: the frozen text of '%s' "
		    "does not read back", d->meta.school_id);
		exit(1);
	}
	r->draft = 1;
	return r;
}

void
revdoc_free(struct revdoc *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nmeta; i++) {
		free(r->meta[i].key);
		free(r->meta[i].value);
	}
	free(r->meta);
	for (i = 0; i < r->nvalues; i++) {
		free(r->values[i].key);
		free(r->values[i].value);
	}
	free(r->values);
	for (i = 0; i < r->nwhys; i++) {
		free(r->whys[i].key);
		free(r->whys[i].value);
	}
	free(r->whys);
	for (i = 0; i < r->nsections; i++) {
		free(r->sections[i].id);
		free(r->sections[i].number);
		free(r->sections[i].title);
	}
	free(r->sections);
	for (i = 0; i < r->nclauses; i++)
		clause_clear(&r->clauses[i]);
	free(r->clauses);
	for (i = 0; i < r->nnotes; i++)
		clause_clear(&r->notes[i]);
	free(r->notes);
	free(r->path);
	free(r->version);
	free(r);
}

const char *
revdoc_meta(const struct revdoc *r, const char *key)
{
	size_t i;

	for (i = 0; i < r->nmeta; i++)
		if (strcmp(r->meta[i].key, key) == 0)
			return r->meta[i].value;
	return NULL;
}

const char *
revdoc_value(const struct revdoc *r, const char *key)
{
	size_t i;

	for (i = 0; i < r->nvalues; i++)
		if (strcmp(r->values[i].key, key) == 0)
			return r->values[i].value;
	return NULL;
}

const char *
revdoc_why(const struct revdoc *r, const char *id)
{
	size_t lo = 0, hi = r->nwhys, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = strcmp(r->whys[mid].key, id)) == 0)
			return r->whys[mid].value;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}
