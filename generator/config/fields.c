/* Validators of config values, and readers of typed, checked fields. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "base/base.h"

/* ------------------------------------------------------------------ */
/* Validators                                                           */

int
config_valid_id(const char *s)
{
	const char *p;

	if (*s == '\0' || *s == '-' || strlen(s) > 64)
		return 0;
	for (p = s; *p != '\0'; p++)
		if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) ||
		    *p == '-'))
			return 0;
	return 1;
}

int
config_valid_phone(const char *s)
{
	const char *p;
	int digits = 0;

	for (p = s; *p != '\0'; p++) {
		if (isdigit((unsigned char)*p))
			digits++;
		else if (*p == '+' && p != s)
			return 0;
		else if (!strchr("+ -()", *p))
			return 0;
	}
	return digits >= 10 && digits <= 15;
}

static int
valid_host(const char *h, size_t n)
{
	size_t i;
	int dot = 0;

	if (n == 0 || h[0] == '.' || h[0] == '-' || h[n - 1] == '.')
		return 0;
	for (i = 0; i < n; i++) {
		if (h[i] == '.') {
			if (h[i + 1] == '.')
				return 0;
			dot = 1;
		} else if (!isalnum((unsigned char)h[i]) && h[i] != '-')
			return 0;
	}
	return dot;
}

int
config_valid_url(const char *s)
{
	const char *p, *host;
	size_t n;

	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p <= 0x20 || *p == 0x7F || *p == '"' ||
		    *p == '<' || *p == '>' || *p == '\\' || *p == '`')
			return 0;
	if (str_starts(s, "tel:")) {
		p = s + 4;
		if (*p == '+')
			p++;
		n = strspn(p, "0123456789");
		return n >= 3 && p[n] == '\0';
	}
	if (str_starts(s, "mailto:")) {
		p = strchr(s + 7, '@');
		if (p == NULL || p == s + 7)
			return 0;
		return valid_host(p + 1, strcspn(p + 1, "?"));
	}
	if (str_starts(s, "https://"))
		host = s + 8;
	else if (str_starts(s, "http://"))
		host = s + 7;
	else
		return 0;
	n = strcspn(host, ":/?#");
	if (!valid_host(host, n))
		return 0;
	if (host[n] == ':') {
		size_t d = strspn(host + n + 1, "0123456789");
		if (d == 0 || d > 5 || atoi(host + n + 1) > 65535 ||
		    strchr("/?#", host[n + 1 + d]) == NULL)
			return 0;
	}
	return 1;
}

int
config_valid_brin(const char *s)
{
	return strlen(s) == 4 && isdigit((unsigned char)s[0]) &&
	    isdigit((unsigned char)s[1]) && isupper((unsigned char)s[2]) &&
	    isupper((unsigned char)s[3]);
}

int
config_valid_vestiging(const char *s)
{
	return strlen(s) == 2 && strspn(s, "0123456789") == 2;
}

int
config_valid_version(const char *s)
{
	const char *p = s;
	int parts = 0;

	for (;;) {
		size_t n = strspn(p, "0123456789");
		if (n == 0 || n > 4)
			return 0;
		parts++;
		p += n;
		if (*p == '\0')
			return parts <= 4;
		if (*p++ != '.')
			return 0;
	}
}

const char *
config_level_name(enum level l)
{
	return l == LEVEL_VO ? "vo" : "po";
}

int
config_valid_schoolyear(const char *s)
{
	if (strlen(s) != 9 || s[4] != '-' || strspn(s, "0123456789") != 4 ||
	    strspn(s + 5, "0123456789") != 4)
		return 0;
	return atoi(s + 5) == atoi(s) + 1;
}

int
config_valid_key(const char *s)
{
	const char *p;

	if (*s == '\0')
		return 0;
	for (p = s; *p != '\0'; p++)
		if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) ||
		    *p == '-' || *p == '_'))
			return 0;
	return 1;
}

/* ------------------------------------------------------------------ */
/* Reading validated fields                                             */

/*
 * Dutch words a board office may write for an English key: suggested when
 * the key is allowed here and no spelling is near.
 */
static const char *const synonyms[][2] = {
	{ "toelichting", "rationale" },
	{ "motivering", "rationale" },
	{ "toelichting_per_clausule", "clause_rationale" },
	{ "toelichting_per_artikel", "clause_rationale" },
};

static const char *
synonym(const char *k, const char *const *allowed)
{
	const char *const *a;
	size_t i;

	for (i = 0; i < sizeof(synonyms) / sizeof(synonyms[0]); i++)
		if (strcmp(synonyms[i][0], k) == 0)
			for (a = allowed; *a != NULL; a++)
				if (strcmp(*a, synonyms[i][1]) == 0)
					return *a;
	return NULL;
}

/* Report keys of map not in allowed; suggest a near one. */
void
config_check_keys(struct config_reader *r, const struct cval *map,
    const char *const *allowed, const char *ctx)
{
	const char *const *a;
	size_t i;

	if (map == NULL || map->type != CV_MAP)
		return;
	for (i = 0; i < map->nitems; i++) {
		const char *k = map->items[i]->key, *near = NULL;
		for (a = allowed; *a != NULL; a++) {
			if (strcmp(*a, k) == 0)
				break;
			if (near == NULL && str_edit_distance(*a, k) <= 2)
				near = *a;
		}
		if (*a != NULL)
			continue;
		if (near == NULL)
			near = synonym(k, allowed);
		if (near != NULL)
			diag_error(map->items[i]->loc.file,
			    map->items[i]->loc.line, "unknown key '%s' in %s "
			    "(did you mean '%s'?)", k, ctx, near);
		else
			diag_error(map->items[i]->loc.file,
			    map->items[i]->loc.line, "unknown key '%s' in %s",
			    k, ctx);
		r->errors++;
	}
}

const char *
config_type_name(const struct cval *v)
{
	switch (v->type) {
	case CV_STRING:	return "text";
	case CV_NUMBER:	return "a number";
	case CV_BOOL:	return "a boolean";
	case CV_LIST:	return "a list";
	default:	return "a table";
	}
}

/*
 * Return a copy of the text at map[key], or NULL when absent or wrong.
 * what names the check for messages ("an ISO date (YYYY-MM-DD)").
 */
static char	*pending_text(struct config_reader *, const struct cval *,
		    const char *, const char *);

/*
 * When what lists the choices ("concept, ter-instemming, vastgesteld or
 * vervallen", "one of a, b"), the one nearest to value as a hint.
 */
static const char *
choices_hint(const char *what, const char *value, char *buf, size_t size)
{
	struct nearest near;
	char *list, *p, *tok;
	const char *hint = "";

	if (str_starts(what, "one of "))
		what += 7;
	list = xstrdup(what);
	nearest_init(&near, value);
	for (p = list; (tok = strsep(&p, ",")) != NULL;) {
		char *or = strstr(tok, " or ");
		if (or != NULL) {
			*or = '\0';
			nearest_try(&near, tok + strspn(tok, " "));
			tok = or + 4;
		}
		tok += strspn(tok, " ");
		if (*tok == '\0' || tok[strspn(tok,
		    "abcdefghijklmnopqrstuvwxyz-")] != '\0') {
			near.best = NULL;	/* not a list of words */
			break;
		}
		nearest_try(&near, tok);
	}
	if (near.best != NULL)
		hint = nearest_hint(&near, buf, size);
	free(list);
	return hint;
}

char *
config_get_text(struct config_reader *r, const struct cval *map,
    const char *key, const char *ctx, int required, config_validator ok,
    const char *what)
{
	const struct cval *v = cval_get(map, key);

	if (v == NULL) {
		if (required) {
			diag_error(map->loc.file, map->loc.line, "%s needs "
			    "'%s'", ctx, key);
			r->errors++;
		}
		return NULL;
	}
	if (v->type == CV_MAP)
		return pending_text(r, v, key, ctx);
	if (v->type != CV_STRING) {
		diag_error(v->loc.file, v->loc.line, "'%s' in %s must be text, "
		    "not %s", key, ctx, config_type_name(v));
		r->errors++;
		return NULL;
	}
	if (*v->str == '\0' && required) {
		diag_error(v->loc.file, v->loc.line, "'%s' in %s is empty",
		    key, ctx);
		r->errors++;
		return NULL;
	}
	if (ok != NULL && !ok(v->str)) {
		char hint[96];
		diag_error(v->loc.file, v->loc.line, "'%s' in %s is not %s: "
		    "'%s'%s", key, ctx, what, v->str,
		    *nonascii_hint(v->str) != '\0' ? nonascii_hint(v->str) :
		    choices_hint(what, v->str, hint, sizeof(hint)));
		r->errors++;
		return NULL;
	}
	if (config_looks_standin(v->str)) {
		diag_error(v->loc.file, v->loc.line, "'%s' in %s looks like a "
		    "stand-in, not a real value: '%s'; give the real value, or "
		    "mark it as still to be filled: %s = { pending = \"what is "
		    "missing\" }", key, ctx, v->str, key);
		r->errors++;
		return NULL;
	}
	return xstrdup(v->str);
}

/*
 * Words and shapes of a value nobody filled in: a bracketed name as the
 * seeds have ("[naam onderwijsinstelling]"), XXX, TODO, "nog in te vullen".
 */
int
config_looks_standin(const char *s)
{
	static const char *const words[] = { "xxx", "todo", "tbd", "n.t.b.",
	    "nog in te vullen", "nog invullen", "in te vullen", "invullen",
	    "naam onderwijsinstelling", "naam van de school", "[naam",
	    "<naam", "...", "\xE2\x80\xA6", NULL };
	size_t i, n = strlen(s);

	if (n >= 2 && ((s[0] == '[' && s[n - 1] == ']') ||
	    (s[0] == '<' && s[n - 1] == '>')))
		return 1;
	for (i = 0; words[i] != NULL; i++)
		if (strcasestr(s, words[i]) != NULL)
			return 1;
	return 0;
}

/*
 * key = { pending = "what is missing" }: the text the documents print in
 * its place, and the first such value remembered for the status check.
 */
static char *
pending_text(struct config_reader *r, const struct cval *v, const char *key,
    const char *ctx)
{
	const struct cval *w = cval_get(v, "pending");

	if (v->nitems != 1 || w == NULL || w->type != CV_STRING ||
	    *w->str == '\0') {
		diag_error(v->loc.file, v->loc.line, "'%s' in %s must be text, "
		    "or { pending = \"what is missing\" } for a value still to "
		    "be filled, not %s", key, ctx, config_type_name(v));
		r->errors++;
		return NULL;
	}
	if (r->pending.what == NULL) {
		r->pending.what = xasprintf("'%s' in %s (%s)", key, ctx,
		    w->str);
		r->pending.loc = w->loc;
	}
	return xasprintf("%s%s]", PENDING_MARK, w->str);
}

int
config_is_pending(const char *s)
{
	return s != NULL && str_starts(s, PENDING_MARK);
}

int
config_valid_date(const char *s)
{
	return date_valid(s, 0);
}

int
config_valid_month_or_date(const char *s)
{
	return date_valid(s, 1);
}

/* Check v is a list (an empty table counts); report otherwise. */
int
config_want_list(struct config_reader *r, const struct cval *v, const char *key,
    const char *ctx)
{
	if (v->type == CV_LIST || (v->type == CV_MAP && v->nitems == 0))
		return 1;
	diag_error(v->loc.file, v->loc.line, "'%s' in %s must be a list "
	    "{ ... , ... }, not %s", key, ctx, config_type_name(v));
	r->errors++;
	return 0;
}

int
config_want_map(struct config_reader *r, const struct cval *v, const char *key,
    const char *ctx)
{
	if (v->type == CV_MAP)
		return 1;
	if (v->type == CV_LIST && v->nitems == 0)
		return 1;
	diag_error(v->loc.file, v->loc.line, "'%s' in %s must be a table "
	    "with named keys, not %s", key, ctx, config_type_name(v));
	r->errors++;
	return 0;
}

void
config_read_brin(struct config_reader *r, struct school *s,
    const struct cval *m)
{
	const struct cval *v;

	s->brin = config_get_text(r, m, "brin", "school", 0, config_valid_brin,
	    "a BRIN code: 2 digits and 2 capitals (12AB)");
	s->vestiging = config_get_text(r, m, "vestiging", "school", 0,
	    config_valid_vestiging, "a vestigingsnummer: 2 digits (00)");
	if ((v = cval_get(m, "vestiging")) != NULL &&
	    cval_get(m, "brin") == NULL) {
		diag_error(v->loc.file, v->loc.line, "'vestiging' in school "
		    "needs 'brin': the vestigingsnummer is of a BRIN code");
		r->errors++;
	}
}
