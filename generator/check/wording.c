/*
 * Wording checks: placeholders, others' names, the board for the school,
 * old terms, consent age, roles.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check/check.h"
#include "config/config.h"
#include "base/base.h"
#include "model/model.h"

/* ------------------------------------------------------------------ */
/* Matching                                                             */

/* A letter or digit, counting every non-ASCII byte as a letter. */
int
check_wordch(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/*
 * Find needle in hay, case-insensitively, as whole words (no letter or
 * digit on either side).  Return the match or NULL.
 */
static const char *
find_word(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	const char *p;

	if (n == 0)
		return NULL;
	for (p = hay; (p = str_casestr(p, needle)) != NULL; p++) {
		int left = p == hay || !check_wordch((unsigned char)p[-1]) ||
		    !check_wordch((unsigned char)needle[0]);
		int right = !check_wordch((unsigned char)p[n]) ||
		    !check_wordch((unsigned char)needle[n - 1]);
		if (left && right)
			return p;
	}
	return NULL;
}

/* ------------------------------------------------------------------ */
/* 1. Unfilled placeholders                                             */

static int
looks_like_placeholder(const char *s, size_t n)
{
	size_t i, letters = 0;

	if (n < 3 || n > 40)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (isalpha(c) || c >= 0x80)
			letters++;
		else if (c != ' ' && c != '-' && c != '/' && c != '.' &&
		    c != '_')
			return 0;
	}
	return letters >= 3;
}

void
check_placeholders(const struct document *d, const struct units *u,
    struct check_result *r)
{
	size_t i;

	for (i = 0; i < u->n; i++) {
		const char *t = u->v[i].text, *p = t, *close;
		while ((p = strchr(p, '[')) != NULL) {
			if ((close = strchr(p, ']')) == NULL)
				break;
			if (looks_like_placeholder(p + 1,
			    (size_t)(close - p - 1))) {
				char *ph = xstrndup(p, (size_t)(close - p + 1));
				diag_error(u->v[i].file, check_term_line(
				    u->v[i].file, u->v[i].line, ph), "unfilled "
				    "placeholder '%s' in the protocol of school "
				    "'%s': write the value, or a placeholder "
				    "from docs/FORMATS.md", ph,
				    d->meta.school_id);
				free(ph);
				r->errors++;
			}
			p = close;
		}
		if (strstr(t, "(G)MR") != NULL) {
			diag_error(u->v[i].file, check_term_line(u->v[i].file,
			    u->v[i].line, "(G)MR"), "'(G)MR' leaves "
			    "the reader to choose: write {{council}} "
			    "(school '%s')", d->meta.school_id);
			r->errors++;
		}
		if (strstr(t, "{{") != NULL) {
			diag_error(u->v[i].file, u->v[i].line, "unfilled "
			    "placeholder in the protocol of school '%s'",
			    d->meta.school_id);
			r->errors++;
		}
	}
}

/* ------------------------------------------------------------------ */
/* 2. Another organisation's name                                       */

/*
 * Every school and board name of the config, indexed by its longest word:
 * a document's text is scanned once, word by word, and only names whose
 * key word occurs are compared.  Linear in the text, not in the schools.
 */
struct name {
	char		*lower;		/* the name, ASCII lower case */
	size_t		 len;
	const char	*shown;		/* as written */
	const void	*owner;		/* the board or school it names */
	char		*whose;		/* "board 'x'" / "school 'y'" */
	size_t		 key_off, key_len;
	size_t		 next;		/* chain in the bucket; 0 ends */
};

struct names {
	unsigned long	 generation;	/* of the config indexed */
	struct name	*v;		/* v[0] unused */
	size_t		 n, cap;
	size_t		*buckets;	/* index into v, 0 = empty */
	size_t		 nbuckets;
};

static struct names index_cache;

static unsigned long
hash_bytes(const char *s, size_t n)
{
	unsigned long h = 14695981039346656037UL;

	while (n-- > 0)
		h = (h ^ (unsigned char)*s++) * 1099511628211UL;
	return h;
}

static char *
ascii_lower(const char *s)
{
	char *l = xstrdup(s), *p;

	for (p = l; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	return l;
}

static void
names_add(struct names *x, const char *name, const void *owner,
    const char *whose)
{
	struct name *e;
	size_t i, start, best = 0, bestlen = 0;

	if (name == NULL || strlen(name) < 3)
		return;
	ARRAY_RESERVE(x->v, x->n, x->cap);
	e = &x->v[x->n];
	memset(e, 0, sizeof(*e));
	e->lower = ascii_lower(name);
	e->len = strlen(name);
	e->shown = name;
	e->owner = owner;
	e->whose = xstrdup(whose);
	for (i = 0; i < e->len; ) {
		while (i < e->len && !check_wordch((unsigned char)e->lower[i]))
			i++;
		start = i;
		while (i < e->len && check_wordch((unsigned char)e->lower[i]))
			i++;
		if (i - start > bestlen) {
			best = start;
			bestlen = i - start;
		}
	}
	if (bestlen == 0) {
		free(e->lower);
		free(e->whose);
		return;
	}
	e->key_off = best;
	e->key_len = bestlen;
	x->n++;
}

static void
names_free(struct names *x)
{
	size_t i;

	for (i = 1; i < x->n; i++) {
		free(x->v[i].lower);
		free(x->v[i].whose);
	}
	free(x->v);
	free(x->buckets);
	memset(x, 0, sizeof(*x));
}

static const struct names *
names_of(const struct config *c)
{
	struct names *x = &index_cache;
	char whose[160];
	size_t i, j;

	if (x->generation == c->generation && x->v != NULL)
		return x;
	names_free(x);
	x->generation = c->generation;
	x->n = 1;	/* 0 is the end of a chain */
	ARRAY_RESERVE(x->v, 0, x->cap);
	for (i = 0; i < c->nboards; i++) {
		const struct board *b = c->boards[i];
		snprintf(whose, sizeof(whose), "board '%s'", b->id);
		names_add(x, b->name, b, whose);
		if (b->short_name && b->name &&
		    strcmp(b->short_name, b->name) != 0)
			names_add(x, b->short_name, b, whose);
		for (j = 0; j < b->naliases; j++)
			names_add(x, b->aliases[j], b, whose);
	}
	for (i = 0; i < c->nschools; i++) {
		const struct school *s = c->schools[i];
		snprintf(whose, sizeof(whose), "school '%s'", s->id);
		names_add(x, s->name, s, whose);
		if (strcmp(s->short_name, s->name) != 0)
			names_add(x, s->short_name, s, whose);
	}
	x->nbuckets = 64;
	while (x->nbuckets < x->n * 2)
		x->nbuckets *= 2;
	x->buckets = xcalloc(x->nbuckets, sizeof(*x->buckets));
	for (i = x->n - 1; i >= 1; i--) {
		struct name *e = &x->v[i];
		size_t b = hash_bytes(e->lower + e->key_off, e->key_len) &
		    (x->nbuckets - 1);
		e->next = x->buckets[b];
		x->buckets[b] = i;
	}
	return x;
}

void
check_cleanup(void)
{
	names_free(&index_cache);
}

static int
is_own(const struct school *s, const struct name *e)
{
	const struct board *b = s->board;
	size_t i;

	if (e->owner == s || e->owner == b)
		return 1;
	/* a name inside one's own ("De Bron" in "De Bronnen") is not another's */
	if (str_casestr(s->name, e->shown) || str_casestr(s->short_name,
	    e->shown) || str_casestr(b->name, e->shown) ||
	    str_casestr(b->short_name, e->shown))
		return 1;
	for (i = 0; i < b->naliases; i++)
		if (str_casestr(b->aliases[i], e->shown))
			return 1;
	return 0;
}

/* Does name e occur in lower at word position w? */
static int
name_at(const struct name *e, const char *lower, size_t tlen, size_t w)
{
	size_t start;

	if (w < e->key_off)
		return 0;
	start = w - e->key_off;
	if (start + e->len > tlen ||
	    memcmp(lower + start, e->lower, e->len) != 0)
		return 0;
	if (start > 0 && check_wordch((unsigned char)e->lower[0]) &&
	    check_wordch((unsigned char)lower[start - 1]))
		return 0;
	if (check_wordch((unsigned char)e->lower[e->len - 1]) &&
	    check_wordch((unsigned char)lower[start + e->len]))
		return 0;
	return 1;
}

void
check_other_names(const struct document *d, const struct units *u,
    const struct config *c, struct check_result *r)
{
	const struct names *x = names_of(c);
	const void **seen = NULL;
	size_t i, nseen, cap = 0;

	for (i = 0; i < u->n; i++) {
		char *lower = ascii_lower(u->v[i].text);
		size_t tlen = strlen(lower), w = 0, end;

		nseen = 0;
		while (w < tlen) {
			while (w < tlen && !check_wordch((unsigned char)lower[w]))
				w++;
			end = w;
			while (end < tlen && check_wordch((unsigned char)lower[end]))
				end++;
			if (end == w)
				break;
			size_t b = hash_bytes(lower + w, end - w) &
			    (x->nbuckets - 1), k, j;
			for (k = x->buckets[b]; k != 0; k = x->v[k].next) {
				const struct name *e = &x->v[k];
				if (e->key_len != end - w || memcmp(e->lower +
				    e->key_off, lower + w, end - w) != 0 ||
				    !name_at(e, lower, tlen, w) ||
				    is_own(d->school, e))
					continue;
				for (j = 0; j < nseen; j++)
					if (seen[j] == e->owner)
						break;
				if (j < nseen)
					continue;	/* once per owner */
				ARRAY_RESERVE(seen, nseen, cap);
				seen[nseen++] = e->owner;
				diag_error(u->v[i].file, check_term_line(
				    u->v[i].file, u->v[i].line, e->shown), "'%s' is "
				    "the name of %s, not of school '%s' or its "
				    "board", e->shown, e->whose,
				    d->meta.school_id);
				r->errors++;
			}
			w = end;
		}
		free(lower);
	}
	free(seen);
}

/* ------------------------------------------------------------------ */
/* 2b. The school's own board named where the school is meant           */

/*
 * Words before a name that make it a school: pupils, parents and
 * classes belong to a school, not to the board that runs it ("leerlingen
 * van de Groeiling" in a protocol of basisschool De Bron).
 */
static const char *const school_context[] = {
	"leerlingen van", "leerling van", "ouders van", "ouder van",
	"ouders/verzorgers van", "ouder/verzorger van", "kinderen van",
	"leerlingen op", "kinderen op", "bij ons op", "schoolgids van",
	"directeur van", "directie van", "de mr van", "medezeggenschapsraad van",
	"het team van", "de klassen van", "naar school op", "basisschool",
	"onze school", NULL
};

/* Does the text before at (start of hay) end with a school context? */
static const char *
school_word_before(const char *hay, const char *at)
{
	size_t k, n, have;
	const char *end = at;

	while (end > hay && end[-1] == ' ')
		end--;
	/* "van de Groeiling" for the short name "Groeiling" */
	if (end - hay >= 3 && strncasecmp(end - 3, " de", 3) == 0)
		for (end -= 3; end > hay && end[-1] == ' ';)
			end--;
	have = (size_t)(end - hay);
	for (k = 0; school_context[k] != NULL; k++) {
		n = strlen(school_context[k]);
		if (have >= n && strncasecmp(end - n, school_context[k], n) == 0 &&
		    (have == n || !check_wordch((unsigned char)end[-n - 1])))
			return school_context[k];
	}
	return NULL;
}

void
check_board_for_school(const struct document *d, const struct units *u,
    struct check_result *r)
{
	const struct school *s = d->school;
	const struct board *b = s->board;
	const char *names[2];
	size_t i, k;

	/* a board-wide protocol speaks of the board's pupils; a school
	   named like its board cannot be told apart */
	if (b == NULL || (d->meta.scope != NULL &&
	    strcmp(d->meta.scope, "board") == 0))
		return;
	names[0] = b->name;
	names[1] = b->short_name;
	for (i = 0; i < u->n; i++) {
		const char *t = u->v[i].text, *p, *ctx = NULL;
		for (k = 0; k < 2 && ctx == NULL; k++) {
			if (names[k] == NULL || *names[k] == '\0' ||
			    str_casestr(s->name, names[k]) != NULL ||
			    (s->short_name != NULL &&
			    str_casestr(s->short_name, names[k]) != NULL))
				continue;
			for (p = t; (p = find_word(p, names[k])) != NULL; p++)
				if ((ctx = school_word_before(t, p)) != NULL)
					break;
		}
		if (ctx == NULL)
			continue;
		diag_error(u->v[i].file, check_term_line(u->v[i].file,
		    u->v[i].line, ctx), "'%s %s' names the board where the "
		    "school is meant (its pupils, parents and classes are the "
		    "school's): write {{school.name}} (school '%s')", ctx,
		    names[k - 1], d->meta.school_id);
		r->errors++;
	}
}

/* ------------------------------------------------------------------ */
/* 7. Outdated terms                                                    */

/*
 * The line of file, from line on, where term starts (the unit's text is
 * collapsed, its line that of the paragraph's first); line when the term
 * is split over lines or the file is not a clause's.
 */
int
check_term_line(const char *file, int line, const char *term)
{
	struct buf b = { 0 };
	char *l, *next;
	int n = 1, at = line;

	if (file == NULL || file_read(file, &b) == -1 || b.data == NULL) {
		buf_free(&b);
		return line;
	}
	for (l = b.data; l != NULL; l = next, n++) {
		if ((next = strchr(l, '\n')) != NULL)
			*next++ = '\0';
		if (n >= line && find_word(l, term) != NULL) {
			at = n;
			break;
		}
	}
	buf_free(&b);
	return at;
}

void
check_terms(const struct document *d, const struct units *u,
    struct check_result *r)
{
	/* error: the old term says something else today (a closed platform,
	   a repealed law, another organisation); warning: only its name */
	static const struct {
		const char *term, *advice;
		int error;
	} terms[] = {
		{ "Hyves", "Hyves closed in 2013; name the platforms pupils "
		    "use today", 1 },
		{ "Bureau Halt", "the organisation is now called 'Halt'; write "
		    "'Halt'", 1 },
		{ "Media Masters", "the game is called 'MediaMasters'", 0 },
		{ "wet op de privacy", "there is no such law; write 'de AVG "
		    "(Algemene Verordening Gegevensbescherming)'", 1 },
		{ "Wet bescherming persoonsgegevens", "the Wbp was replaced "
		    "by the AVG in 2018; write 'de AVG (Algemene Verordening "
		    "Gegevensbescherming)'", 1 },
		{ "online identifier", "AVG art. 4(1) says 'online "
		    "identificator'", 0 },
	};
	size_t i, k;

	for (i = 0; i < u->n; i++) {
		const char *t = u->v[i].text;
		for (k = 0; k < sizeof(terms) / sizeof(terms[0]); k++) {
			if (find_word(t, terms[k].term) == NULL)
				continue;
			diag(terms[k].error ? DIAG_ERROR : DIAG_WARNING,
			    u->v[i].file, check_term_line(u->v[i].file,
			    u->v[i].line, terms[k].term), "outdated term "
			    "'%s': %s (school '%s')", terms[k].term,
			    terms[k].advice, d->meta.school_id);
			if (terms[k].error)
				r->errors++;
			else
				r->warnings++;
		}
		const char *tw = find_word(t, "Twitter");
		if (tw != NULL && find_word(t, "X") == NULL) {
			diag_warn(u->v[i].file, check_term_line(u->v[i].file,
			    u->v[i].line, "Twitter"), "outdated term "
			    "'Twitter': the platform is now called X; write "
			    "'X (voorheen Twitter)' (school '%s')",
			    d->meta.school_id);
			r->warnings++;
		}
	}
}

/* ------------------------------------------------------------------ */
/* 10. Consent age                                                      */

void
check_consent_age(const struct document *d, const struct units *u,
    struct check_result *r)
{
	static const char *const bad_before[] = { "ouder dan ", "boven de ",
	    "vanaf ", "onder de ", "jonger dan " , NULL };
	size_t i, k;

	for (i = 0; i < u->n; i++) {
		const char *t = u->v[i].text, *p;
		for (p = t; (p = strstr(p, "16")) != NULL; p += 2) {
			int ok = 0, suspicious = 0;
			if ((p > t && isdigit((unsigned char)p[-1])) ||
			    isdigit((unsigned char)p[2]))
				continue;
			if (str_starts(p + 2, " jaar of ouder"))
				ok = 1;
			for (k = 0; bad_before[k] != NULL; k++) {
				size_t n = strlen(bad_before[k]);
				if ((size_t)(p - t) >= n &&
				    strncasecmp(p - n, bad_before[k], n) == 0) {
					if (k == 4)
						ok = 1;	/* jonger dan 16 */
					else
						suspicious = 1;
				}
			}
			if (str_starts(p + 2, " jaar en ouder") ||
			    str_starts(p + 2, "+") ||
			    str_starts(p + 2, " jaar of jonger"))
				suspicious = 1;
			if (ok || !suspicious)
				continue;
			diag_error(u->v[i].file, check_term_line(u->v[i].file,
			    u->v[i].line, "16"), "consent age: "
			    "write '16 jaar of ouder' or 'jonger dan 16' "
			    "(school '%s')", d->meta.school_id);
			r->errors++;
		}
	}
}

/* ------------------------------------------------------------------ */
/* 11. Role words                                                       */

void
check_roles(const struct document *d, const struct units *u,
    struct check_result *r)
{
	static const char *const po_wrong[] = { "teamleider", "docent",
	    "docenten", "mentor", "leerjaar", NULL };
	static const char *const vo_wrong[] = { "leerkracht", "leerkrachten",
	    "juf", "meester", NULL };
	const char *const *w = d->meta.level == LEVEL_VO ? vo_wrong : po_wrong;
	size_t i;

	for (; *w != NULL; w++)
		for (i = 0; i < u->n; i++)
			if (find_word(u->v[i].text, *w) != NULL) {
				diag_warn(u->v[i].file, check_term_line(
				    u->v[i].file, u->v[i].line, *w), "'%s' "
				    "is not a role in %s schools (school "
				    "'%s')", *w, d->meta.level == LEVEL_VO ?
				    "secondary" : "primary", d->meta.school_id);
				r->warnings++;
			}
	if (d->meta.level == LEVEL_VO)
		for (i = 0; i < u->n; i++)
			if (str_casestr(u->v[i].text, "groep ") != NULL &&
			    isdigit((unsigned char)
			    str_casestr(u->v[i].text, "groep ")[6])) {
				diag_warn(u->v[i].file, u->v[i].line, "'groep' "
				    "is primary school wording; secondary "
				    "schools have 'leerjaar' (school '%s')",
				    d->meta.school_id);
				r->warnings++;
			}
}
