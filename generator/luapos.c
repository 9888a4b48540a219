/* Source positions of fields in Lua table constructors (Lua keeps none). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "luapos.h"
#include "util.h"

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

static void
lex_next(struct lexer *lx)
{
	const char *s = lx->s;
	size_t start;
	int lvl;

	for (;;) {
		while (lx->pos < lx->len && isspace((unsigned char)s[lx->pos])) {
			if (s[lx->pos] == '\n')
				lx->line++;
			lx->pos++;
		}
		if (lx->pos + 1 < lx->len && s[lx->pos] == '-' &&
		    s[lx->pos + 1] == '-') {
			size_t n;
			lx->pos += 2;
			if ((n = long_open(s + lx->pos, lx->len - lx->pos,
			    &lvl)) > 0) {
				lx->pos += n;
				skip_long(lx, lvl);
			} else
				while (lx->pos < lx->len && s[lx->pos] != '\n')
					lx->pos++;
			continue;
		}
		break;
	}
	lx->tline = lx->line;
	lx->text = NULL;
	lx->tlen = 0;
	if (lx->pos >= lx->len) {
		lx->tok = T_EOF;
		return;
	}
	start = lx->pos;
	char c = s[lx->pos];
	if (isalpha((unsigned char)c) || c == '_') {
		while (lx->pos < lx->len && (isalnum((unsigned char)s[lx->pos]) ||
		    s[lx->pos] == '_'))
			lx->pos++;
		lx->tok = T_NAME;
		lx->text = s + start;
		lx->tlen = lx->pos - start;
		return;
	}
	if (c == '"' || c == '\'') {
		lx->pos++;
		while (lx->pos < lx->len && s[lx->pos] != c &&
		    s[lx->pos] != '\n') {
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
		return;
	}
	if (c == '[') {
		size_t n = long_open(s + lx->pos, lx->len - lx->pos, &lvl);
		if (n > 0) {
			lx->pos += n;
			skip_long(lx, lvl);
			lx->tok = T_STRING;
			return;
		}
	}
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
		/* operators that start with =, <, >, ~ are T_OTHER */
		if ((c == '<' || c == '>' || c == '~') && lx->pos < lx->len &&
		    s[lx->pos] == '=')
			lx->pos++;
		lx->tok = T_OTHER;
		break;
	}
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

/*
 * Parse one constructor body; the opening brace has been consumed.
 * prefix is NULL for constructors whose fields are not recorded.
 * Stops after the matching closing brace (or at end of input).
 */
static void
scan_table(struct luapos *lp, struct lexer *lx, const char *prefix, int depth)
{
	unsigned pos = 0;

	lex_next(lx);
	while (lx->tok != T_EOF && lx->tok != T_RBRACE) {
		char *path = NULL;
		int line = lx->tline;

		if (lx->tok == T_SEP) {
			lex_next(lx);
			continue;
		}
		/* key = value ? */
		if (lx->tok == T_NAME) {
			struct lexer save = *lx;
			const char *name = lx->text;
			size_t nlen = lx->tlen;
			lex_next(lx);
			if (lx->tok == T_ASSIGN) {
				if (prefix != NULL)
					path = xasprintf("%s%s%.*s", prefix,
					    *prefix ? "." : "", (int)nlen, name);
				lex_next(lx);
			} else
				*lx = save;
		} else if (lx->tok == T_LBRACKET) {
			struct lexer save = *lx;
			lex_next(lx);
			if (lx->tok == T_STRING && lx->text != NULL) {
				const char *name = lx->text;
				size_t nlen = lx->tlen;
				lex_next(lx);
				if (lx->tok == T_RBRACKET) {
					lex_next(lx);
					if (lx->tok == T_ASSIGN) {
						if (prefix != NULL)
							path = xasprintf(
							    "%s%s%.*s", prefix,
							    *prefix ? "." : "",
							    (int)nlen, name);
						lex_next(lx);
					} else
						*lx = save;
				} else
					*lx = save;
			} else
				*lx = save;
			if (path == NULL && lx->tok == T_LBRACKET &&
			    lx->pos == save.pos) {
				/* [expr] = value with a computed key */
				int nest = 0;
				do {
					if (lx->tok == T_LBRACKET)
						nest++;
					else if (lx->tok == T_RBRACKET)
						nest--;
					lex_next(lx);
				} while (nest > 0 && lx->tok != T_EOF);
				if (lx->tok == T_ASSIGN)
					lex_next(lx);
				line = -1;
			}
		}
		if (path == NULL && line != -1 && prefix != NULL)
			path = xasprintf("%s[%u]", prefix, ++pos);
		if (path != NULL)
			record(lp, path, line);

		/* value: skip an expression up to ',' ';' or '}' */
		int nest = 0;
		while (lx->tok != T_EOF) {
			if (nest == 0 && (lx->tok == T_SEP ||
			    lx->tok == T_RBRACE))
				break;
			if (lx->tok == T_LBRACE) {
				/* a constructor that is the whole value */
				if (depth < 200)
					scan_table(lp, lx, nest == 0 ? path :
					    NULL, depth + 1);
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
