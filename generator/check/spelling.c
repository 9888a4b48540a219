/*
 * Spelling: every word of the clause library (titles and bodies) is Dutch
 * as the OpenTaal dictionary (Debian hunspell-nl) knows it, or on the
 * project's own list of names and terms (clauses/woorden.txt).  The
 * seeds' OCR damage ("vitlatingen", "ziin") is caught if it ever returns.
 */
#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <hunspell.h>

#include "check/check.h"
#include "library/library.h"
#include "base/base.h"

#define MAX_WORD	128

static const char *const dict_dirs[] = { "/usr/share/hunspell",
    "/usr/share/myspell/dicts", NULL };

static int
file_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

struct speller {
	Hunhandle	*h;
	char		**own;		/* the project's words, sorted */
	size_t		 nown, capown;
	int		 errors;
};

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* On the project's list: hunspell's own compound rules may refuse a word
   Hunspell_add was given, so the list is looked up first. */
static int
own_word(const struct speller *sp, const char *w)
{
	return sp->nown > 0 && bsearch(&w, sp->own, sp->nown,
	    sizeof(*sp->own), str_cmp) != NULL;
}

/* hunspell-nl's files; 0, or -1 after reporting that they are missing */
static int
speller_open(struct speller *sp)
{
	const char *dir = getenv("PROTOCOLGEN_DICT_DIR");
	char *aff, *dic;
	size_t i;

	for (i = 0; dir != NULL || dict_dirs[i] != NULL; i++) {
		if (dir == NULL)
			dir = dict_dirs[i];
		aff = xasprintf("%s/nl.aff", dir);
		dic = xasprintf("%s/nl.dic", dir);
		if (file_exists(aff) && file_exists(dic))
			sp->h = Hunspell_create(aff, dic);
		free(aff);
		free(dic);
		if (sp->h != NULL)
			return 0;
		if (getenv("PROTOCOLGEN_DICT_DIR") != NULL)
			break;
		dir = NULL;
	}
	diag_error(NULL, 0, "the Dutch dictionary (nl.aff, nl.dic) is not "
	    "installed: install Debian's hunspell-nl (tools/deps.sh build)");
	return -1;
}

/*
 * The project's word list: one word a line, '#' starts a comment.  Words
 * are added to the dictionary as they stand (names keep their capitals).
 */
static void
speller_words(struct speller *sp, const char *path)
{
	struct buf b = { 0 };
	char *line, *save = NULL, *hash;
	struct stat st;
	size_t n;

	if (lstat(path, &st) == -1 && errno == ENOENT)
		return;
	if (input_read(path, "the word list", &b) == -1) {
		sp->errors++;
		buf_free(&b);
		return;
	}
	for (line = strtok_r(b.data, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if ((hash = strchr(line, '#')) != NULL)
			*hash = '\0';
		while (*line == ' ' || *line == '\t')
			line++;
		n = strlen(line);
		while (n > 0 && isspace((unsigned char)line[n - 1]))
			line[--n] = '\0';
		if (n == 0)
			continue;
		Hunspell_add(sp->h, line);	/* for its suggestions */
		ARRAY_RESERVE(sp->own, sp->nown, sp->capown);
		sp->own[sp->nown++] = xstrdup(line);
	}
	buf_free(&b);
	if (sp->nown > 1)
		qsort(sp->own, sp->nown, sizeof(*sp->own), str_cmp);
}

/* ’ (U+2019) as the dictionary writes it: ' */
static void
plain_apostrophes(char *w)
{
	char *r = w, *o = w;

	while (*r != '\0') {
		if ((unsigned char)r[0] == 0xE2 && (unsigned char)r[1] == 0x80 &&
		    (unsigned char)r[2] == 0x99) {
			*o++ = '\'';
			r += 3;
		} else
			*o++ = *r++;
	}
	*o = '\0';
}

static int
all_caps(const char *w)
{
	int upper = 0;

	for (; *w != '\0'; w++) {
		if (islower((unsigned char)*w) || (unsigned char)*w >= 0x80)
			return 0;
		upper += isupper((unsigned char)*w) != 0;
	}
	return upper > 0;
}

/* A word, or a compound whose parts between hyphens are each words. */
static int
known(const struct speller *sp, char *w)
{
	char *dash, *part;
	int ok = 1;

	if (strlen(w) < 2 || all_caps(w) || own_word(sp, w) ||
	    Hunspell_spell(sp->h, w))
		return 1;
	if (strchr(w, '-') == NULL)
		return 0;
	for (part = w; ok && part != NULL; part = dash) {
		if ((dash = strchr(part, '-')) != NULL)
			*dash++ = '\0';
		ok = *part == '\0' || known(sp, part);
	}
	return ok;
}

/* a capital after the first letter: a suggestion no writer means */
static int
odd_caps(const char *w)
{
	for (w++; *w != '\0'; w++)
		if (isupper((unsigned char)*w))
			return 1;
	return 0;
}

static void
report(struct speller *sp, const char *file, int line, const char *word)
{
	struct buf b = { 0 };
	char **sugg = NULL;
	int n, i, shown;

	n = Hunspell_suggest(sp->h, &sugg, word);
	for (i = 0, shown = 0; i < n && shown < 3; i++) {
		if (odd_caps(sugg[i]))	/* "rIchtlijnen" */
			continue;
		if (shown > 0)
			buf_puts(&b, ", ");
		buf_printf(&b, "'%s'", sugg[i]);
		shown++;
	}
	if (sugg != NULL)
		Hunspell_free_list(sp->h, &sugg, n);
	diag_error(file, line, "'%s' is not in the Dutch dictionary%s%s%s: "
	    "correct it, or add it to clauses/woorden.txt if it is a name or "
	    "a term that is right", word, b.len ? " (did you mean " : "",
	    buf_str(&b), b.len ? "?)" : "");
	sp->errors++;
	buf_free(&b);
}

/*
 * One spelling per word in the library, the Woordenlijst's (Taalunie):
 * a form the dictionary may accept but the library does not use.  Returns
 * the form to write (prefix rules keep the rest of the compound), or 0.
 */
static int
library_form(const char *w, char *out, size_t size)
{
	static const struct {
		const char *not, *write;
		int prefix;	/* the rule holds for compounds starting so */
	} forms[] = {
		{ "platforms", "platformen", 0 },
		{ "email", "e-mail", 1 },
		{ "prive", "privé", 1 },
		{ "sociale-media", "socialemedia", 1 },
		{ "socialmedia", "socialemedia", 1 },
		{ "website's", "websites", 0 },
	};
	size_t k, n;

	for (k = 0; k < sizeof(forms) / sizeof(forms[0]); k++) {
		n = strlen(forms[k].not);
		if (strncasecmp(w, forms[k].not, n) != 0 ||
		    (!forms[k].prefix && w[n] != '\0'))
			continue;
		/* a compound is one word: "prive-account" → "privéaccount";
		   a hyphen stays before a capital ("privé-Facebookpagina") */
		if (w[n] == '-' && islower((unsigned char)w[n + 1]))
			n++;
		snprintf(out, size, "%s%s", forms[k].write, w + n);
		return 1;
	}
	return 0;
}

static int
wordch(const unsigned char *p)
{
	if (p[0] == 0xE2 && p[1] == 0x80)	/* punctuation: ’ – — “ ” … */
		return 0;
	if (p[0] == 0xC2)			/* « » · nbsp */
		return 0;
	return isalpha(p[0]) || p[0] >= 0x80;
}

/* ’ or ' or - between two letters stays inside the word */
static int
joiner(const unsigned char *p, size_t *len)
{
	if (p[0] == '-' || p[0] == '\'') {
		*len = 1;
		return 1;
	}
	if (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x99) {
		*len = 3;
		return 1;
	}
	return 0;
}

/*
 * Skip what is not prose: {{placeholders}}, link targets ](...), autolinks
 * <...>, footnote marks [^x], code `...`, and a bracketed stand-in such as
 * "[dafum]" (the placeholder check reports it; a link's text is prose).  Return the bytes to skip at p.
 */
static size_t
skip_markup(const char *p)
{
	const char *e = NULL;

	if (p[0] == '{' && p[1] == '{')
		e = strstr(p, "}}"), e = e ? e + 2 : NULL;
	else if (p[0] == ']' && p[1] == '(')
		e = strchr(p, ')'), e = e ? e + 1 : NULL;
	else if (p[0] == '[' && p[1] == '^')
		e = strchr(p, ']'), e = e ? e + 1 : NULL;
	else if (p[0] == '[' && (e = strchr(p, ']')) != NULL &&
	    memchr(p, '\n', (size_t)(e - p)) == NULL && e[1] != '(' &&
	    e[1] != '[')
		e++;	/* "[naam]": the placeholder check's, not a word */
	else if (p[0] == '[')
		e = NULL;
	else if (p[0] == '<' && (isalpha((unsigned char)p[1]) || p[1] == '/'))
		e = strchr(p, '>'), e = e ? e + 1 : NULL;
	else if (p[0] == '`')
		e = strchr(p + 1, '`'), e = e ? e + 1 : NULL;
	return e != NULL ? (size_t)(e - p) : 0;
}

/*
 * Check one line of text.  A token with a digit, '@', '/', '.' inside or
 * '_' (addresses, file names, ids) is not a word to spell.
 */
static void
check_line(struct speller *sp, const char *file, int lineno, const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *start;
	char word[MAX_WORD];
	size_t skip, jl, n;
	int odd;

	while (*p != '\0') {
		if ((skip = skip_markup((const char *)p)) > 0) {
			p += skip;
			continue;
		}
		if (!wordch(p) && !isdigit(*p)) {
			p++;
			continue;
		}
		start = p;
		odd = 0;
		for (;;) {
			if (wordch(p))
				p++;
			else if (isdigit(*p) || *p == '@' || *p == '_' ||
			    ((*p == '.' || *p == '/') && wordch(p + 1)))
				odd = 1, p++;
			else if (joiner(p, &jl) && p > start &&
			    wordch(p - 1) && wordch(p + jl))
				p += jl;	/* foto's, e-mail, zo’n */
			else
				break;
		}
		n = (size_t)(p - start);
		if (odd || n >= sizeof(word))
			continue;
		memcpy(word, start, n);
		word[n] = '\0';
		plain_apostrophes(word);
		{
			char copy[MAX_WORD], form[MAX_WORD + 16];
			if (library_form(word, form, sizeof(form))) {
				diag_error(file, lineno, "'%s': the library "
				    "writes '%s' (one spelling per word, as "
				    "the Woordenlijst has it)", word, form);
				sp->errors++;
				continue;
			}
			memcpy(copy, word, n + 1);
			if (!known(sp, copy))
				report(sp, file, lineno, word);
		}
	}
}

/* The clause's title (its front-matter line) and every line of its body. */
static void
check_clause(struct speller *sp, const struct clause *c)
{
	struct buf b = { 0 };
	char *line, *next;
	int lineno = 1;

	if (file_read(c->path, &b) == -1 || b.data == NULL) {
		buf_free(&b);
		return;
	}
	for (line = b.data; line != NULL; line = next, lineno++) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (lineno >= c->body_line)
			check_line(sp, c->path, lineno, line);
		else if (strncmp(line, "title:", 6) == 0)
			check_line(sp, c->path, lineno, line + 6);
	}
	buf_free(&b);
}

int
check_spelling(const struct library *lib, const char *wordlist)
{
	struct speller sp = { 0 };
	size_t i;

	if (speller_open(&sp) == -1)
		return 1;
	speller_words(&sp, wordlist);
	for (i = 0; i < lib->nclauses; i++)
		check_clause(&sp, lib->clauses[i]);
	Hunspell_destroy(sp.h);
	for (i = 0; i < sp.nown; i++)
		free(sp.own[i]);
	free(sp.own);
	return sp.errors;
}
