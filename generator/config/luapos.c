/* Source positions of fields in Lua table constructors (Lua keeps none). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "base/base.h"

enum tok {
	T_EOF, T_NAME, T_STRING, T_OTHER, T_LBRACE, T_RBRACE, T_LPAREN,
	T_RPAREN, T_LBRACKET, T_RBRACKET, T_ASSIGN, T_SEP,
};

struct lexer {
	const char	*s;
	size_t		 len;
	size_t		 pos;
	int		 line;
	/* current token */
	enum tok	 tok;
	const char	*text;	/* names and string contents (raw) */
	size_t		 tlen;
	int		 tline;
};

/* Length of a long bracket opener "[==[" at p, or 0; level in *lvl. */
static size_t
long_open(const char *p, size_t left, int *lvl)
{
	size_t i = 1;

	if (left < 2 || p[0] != '[')
		return 0;
	*lvl = 0;
	while (i < left && p[i] == '=') {
		(*lvl)++;
		i++;
	}
	return i < left && p[i] == '[' ? i + 1 : 0;
}

static void
skip_long(struct lexer *lx, int lvl)
{
	while (lx->pos < lx->len) {
		char c = lx->s[lx->pos];
		if (c == '\n')
			lx->line++;
		if (c == ']') {
			size_t i = lx->pos + 1;
			int n = 0;
			while (i < lx->len && lx->s[i] == '=') {
				n++;
				i++;
			}
			if (n == lvl && i < lx->len && lx->s[i] == ']') {
				lx->pos = i + 1;
				return;
			}
		}
		lx->pos++;
	}
}

/* Skip white space and comments. */
static void
skip_blank(struct lexer *lx)
{
	const char *s = lx->s;
	size_t n;
	int lvl;

	for (;;) {
		while (lx->pos < lx->len && isspace((unsigned char)s[lx->pos])) {
			if (s[lx->pos] == '\n')
				lx->line++;
			lx->pos++;
		}
		if (lx->pos + 1 >= lx->len || s[lx->pos] != '-' ||
		    s[lx->pos + 1] != '-')
			return;
		lx->pos += 2;
		if ((n = long_open(s + lx->pos, lx->len - lx->pos, &lvl)) > 0) {
			lx->pos += n;
			skip_long(lx, lvl);
		} else
			while (lx->pos < lx->len && s[lx->pos] != '\n')
				lx->pos++;
	}
}

/* A short string quoted by q (current: the opening quote). */
static void
lex_string(struct lexer *lx, char q)
{
	const char *s = lx->s;
	size_t start = lx->pos;

	lx->pos++;
	while (lx->pos < lx->len && s[lx->pos] != q && s[lx->pos] != '\n') {
		if (s[lx->pos] == '\\' && lx->pos + 1 < lx->len) {
			if (s[lx->pos + 1] == '\n')
				lx->line++;
			lx->pos++;
		}
		lx->pos++;
	}
	lx->tok = T_STRING;
	lx->text = s + start + 1;
	lx->tlen = lx->pos - start - 1;
	if (lx->pos < lx->len)
		lx->pos++;
}

/* One character of punctuation (or two for ==, <=, >=, ~=). */
static void
lex_punct(struct lexer *lx, char c)
{
	const char *s = lx->s;

	lx->pos++;
	switch (c) {
	case '{': lx->tok = T_LBRACE; break;
	case '}': lx->tok = T_RBRACE; break;
	case '(': lx->tok = T_LPAREN; break;
	case ')': lx->tok = T_RPAREN; break;
	case '[': lx->tok = T_LBRACKET; break;
	case ']': lx->tok = T_RBRACKET; break;
	case ',':
	case ';': lx->tok = T_SEP; break;
	case '=':
		if (lx->pos < lx->len && s[lx->pos] == '=') {
			lx->pos++;
			lx->tok = T_OTHER;
		} else
			lx->tok = T_ASSIGN;
		break;
	default:
		if ((c == '<' || c == '>' || c == '~') && lx->pos < lx->len &&
		    s[lx->pos] == '=')
			lx->pos++;
		lx->tok = T_OTHER;
		break;
	}
}

static void
lex_next(struct lexer *lx)
{
	const char *s = lx->s;
	size_t start, n;
	int lvl;
	char c;

	skip_blank(lx);
	lx->tline = lx->line;
	lx->text = NULL;
	lx->tlen = 0;
	if (lx->pos >= lx->len) {
		lx->tok = T_EOF;
		return;
	}
	start = lx->pos;
	c = s[lx->pos];
	if (isalpha((unsigned char)c) || c == '_') {
		while (lx->pos < lx->len && (isalnum((unsigned char)s[lx->pos]) ||
		    s[lx->pos] == '_'))
			lx->pos++;
		lx->tok = T_NAME;
		lx->text = s + start;
		lx->tlen = lx->pos - start;
	} else if (c == '"' || c == '\'')
		lex_string(lx, c);
	else if (c == '[' && (n = long_open(s + lx->pos, lx->len - lx->pos,
	    &lvl)) > 0) {
		lx->pos += n;
		skip_long(lx, lvl);
		lx->tok = T_STRING;
	} else
		lex_punct(lx, c);
}

static void
record(struct luapos *lp, const char *path, int line)
{
	ARRAY_RESERVE(lp->v, lp->n, lp->cap);
	lp->v[lp->n].path = xstrdup(path);
	lp->v[lp->n].line = line;
	lp->v[lp->n].seq = lp->n;
	lp->n++;
}

/* Skip a constructor body without recursion; the brace is consumed. */
static void
skip_table(struct lexer *lx)
{
	size_t nest = 1;

	while (nest > 0) {
		lex_next(lx);
		if (lx->tok == T_EOF)
			return;
		if (lx->tok == T_LBRACE)
			nest++;
		else if (lx->tok == T_RBRACE)
			nest--;
	}
}

enum key { KEY_NONE, KEY_NAMED, KEY_COMPUTED };

/* Skip a bracketed expression "[ ... ]" (the opening bracket is current). */
static void
skip_brackets(struct lexer *lx)
{
	int nest = 0;

	do {
		if (lx->tok == T_LBRACKET)
			nest++;
		else if (lx->tok == T_RBRACKET)
			nest--;
		lex_next(lx);
	} while (nest > 0 && lx->tok != T_EOF);
}

/*
 * If a constructor entry starts with "name =" or "[\"name\"] =", consume
 * them, set *name and return KEY_NAMED; "[expr] =" gives KEY_COMPUTED;
 * otherwise nothing is consumed (a positional entry).
 */
static enum key
entry_key(struct lexer *lx, const char **name, size_t *nlen)
{
	struct lexer save = *lx;

	if (lx->tok == T_NAME) {
		*name = lx->text;
		*nlen = lx->tlen;
		lex_next(lx);
		if (lx->tok == T_ASSIGN) {
			lex_next(lx);
			return KEY_NAMED;
		}
		*lx = save;
		return KEY_NONE;
	}
	if (lx->tok != T_LBRACKET)
		return KEY_NONE;
	lex_next(lx);
	if (lx->tok == T_STRING && lx->text != NULL) {
		*name = lx->text;
		*nlen = lx->tlen;
		lex_next(lx);
		if (lx->tok == T_RBRACKET) {
			lex_next(lx);
			if (lx->tok == T_ASSIGN) {
				lex_next(lx);
				return KEY_NAMED;
			}
		}
	}
	*lx = save;
	skip_brackets(lx);
	if (lx->tok == T_ASSIGN)
		lex_next(lx);
	return KEY_COMPUTED;
}

static void scan_table(struct luapos *, struct lexer *, const char *, int);

/*
 * Skip an entry's value up to ',' ';' or '}'.  A constructor that is the
 * whole value is scanned with path as its prefix.
 */
static void
skip_value(struct luapos *lp, struct lexer *lx, const char *path, int depth)
{
	int nest = 0;

	while (lx->tok != T_EOF) {
		if (nest == 0 && (lx->tok == T_SEP || lx->tok == T_RBRACE))
			break;
		if (lx->tok == T_LBRACE) {
			if (depth < 200)
				scan_table(lp, lx, nest == 0 ? path : NULL,
				    depth + 1);
			else
				skip_table(lx);
			lex_next(lx);
			continue;
		}
		if (lx->tok == T_LPAREN || lx->tok == T_LBRACKET)
			nest++;
		else if (lx->tok == T_RPAREN || lx->tok == T_RBRACKET)
			nest--;
		lex_next(lx);
	}
}

/*
 * Parse one constructor body; the opening brace has been consumed.
 * prefix is NULL for constructors whose fields are not recorded.
 * Stops after the matching closing brace (or at end of input).
 */
static void
scan_table(struct luapos *lp, struct lexer *lx, const char *prefix, int depth)
{
	const char *name = NULL;
	unsigned pos = 0;
	size_t nlen = 0;
	char *path;
	int line;

	lex_next(lx);
	while (lx->tok != T_EOF && lx->tok != T_RBRACE) {
		if (lx->tok == T_SEP) {
			lex_next(lx);
			continue;
		}
		line = lx->tline;
		path = NULL;
		switch (entry_key(lx, &name, &nlen)) {
		case KEY_NAMED:
			if (prefix != NULL)
				path = xasprintf("%s%s%.*s", prefix,
				    *prefix ? "." : "", (int)nlen, name);
			break;
		case KEY_NONE:
			if (prefix != NULL)
				path = xasprintf("%s[%u]", prefix, ++pos);
			break;
		case KEY_COMPUTED:
			break;
		}
		if (path != NULL)
			record(lp, path, line);
		skip_value(lp, lx, path, depth);
		free(path);
	}
}

static int
entry_cmp(const void *a, const void *b)
{
	const struct luapos_entry *x = a, *y = b;
	int c = strcmp(x->path, y->path);

	if (c != 0)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
luapos_scan(struct luapos *lp, const char *src, size_t len, const char *entry)
{
	struct lexer lx = { .s = src, .len = len, .line = 1 };
	size_t elen = strlen(entry);

	lp->call_line = 0;
	lex_next(&lx);
	while (lx.tok != T_EOF) {
		if (lx.tok == T_NAME && lx.tlen == elen &&
		    memcmp(lx.text, entry, elen) == 0) {
			int line = lx.tline;
			lex_next(&lx);
			if (lx.tok == T_LPAREN)
				lex_next(&lx);
			if (lx.tok == T_LBRACE) {
				if (lp->call_line == 0) {
					lp->call_line = line;
					scan_table(lp, &lx, "", 0);
				} else
					scan_table(lp, &lx, NULL, 0);
			}
			continue;
		}
		if (lx.tok == T_LBRACE)
			skip_table(&lx);
		lex_next(&lx);
	}
	if (lp->n > 1)
		qsort(lp->v, lp->n, sizeof(lp->v[0]), entry_cmp);
}

/* Line of the last record of exactly path, or 0. */
static int
find_exact(const struct luapos *lp, const char *path)
{
	size_t lo = 0, hi = lp->n, mid;

	/* first index whose path is greater than path */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(lp->v[mid].path, path) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0 && strcmp(lp->v[lo - 1].path, path) == 0)
		return lp->v[lo - 1].line;
	return 0;
}

int
luapos_line(const struct luapos *lp, const char *path)
{
	char *p = xstrdup(path), *cut;
	size_t i;
	int line = lp->call_line;

	for (;;) {
		/* later records win: a key given twice reports the last one */
		if ((i = (size_t)find_exact(lp, p)) > 0) {
			line = (int)i;
			goto out;
		}
		cut = strrchr(p, '.');
		char *br = strrchr(p, '[');
		if (br != NULL && (cut == NULL || br > cut))
			cut = br;
		if (cut == NULL)
			break;
		*cut = '\0';
	}
out:
	free(p);
	return line > 0 ? line : 1;
}

void
luapos_free(struct luapos *lp)
{
	size_t i;

	for (i = 0; i < lp->n; i++)
		free(lp->v[i].path);
	free(lp->v);
	lp->v = NULL;
	lp->n = lp->cap = 0;
}
