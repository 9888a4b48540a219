/* Checks a board office wants before publishing (DOMAIN.md), on one document. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark.h>

#include "check/check.h"
#include "config/config.h"
#include "base/base.h"
#include "model/model.h"

static void
unit_add(struct units *u, const char *file, int line, const char *text,
    int paragraph)
{
	struct buf b = { 0 };
	const char *p;
	int space = 0;

	for (p = text; *p != '\0'; p++) {
		if (isspace((unsigned char)*p)) {
			space = 1;
			continue;
		}
		if (space && b.len > 0)
			buf_putc(&b, ' ');
		space = 0;
		buf_putc(&b, *p);
	}
	ARRAY_RESERVE(u->v, u->n, u->cap);
	u->v[u->n].file = file;
	u->v[u->n].line = line;
	u->v[u->n].text = buf_detach(&b);
	u->v[u->n].paragraph = paragraph;
	u->n++;
}

/* Collect the text of every paragraph of a clause tree. */
static void
collect_tree(struct units *u, const char *file, cmark_node *root)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	cmark_node *n;
	struct buf b = { 0 };
	int line = 0, depth = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_PARAGRAPH:
			if (ev == CMARK_EVENT_ENTER) {
				buf_reset(&b);
				line = node_line(n);
				depth = 1;
			} else {
				unit_add(u, file, line, buf_str(&b), 1);
				depth = 0;
			}
			break;
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			if (depth)
				buf_puts(&b, cmark_node_get_literal(n));
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			if (depth)
				buf_putc(&b, ' ');
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	buf_free(&b);
}

static void
collect(const struct document *d, struct units *u)
{
	const struct school *s = d->school;
	size_t i;

	unit_add(u, s->path, s->loc.line, d->meta.title, 0);
	for (i = 0; i < d->nsections; i++)
		unit_add(u, d->outline_path, d->sections[i].line,
		    d->sections[i].title, 0);
	for (i = 0; i < d->nblocks; i++)
		collect_tree(u, d->blocks[i].clause->path, d->blocks[i].tree);
	for (i = 0; i < d->nnotes; i++)
		collect_tree(u, d->notes[i].clause->path, d->notes[i].tree);
}

static void
units_free(struct units *u)
{
	size_t i;

	for (i = 0; i < u->n; i++)
		free(u->v[i].text);
	free(u->v);
}

/* ------------------------------------------------------------------ */
/* 3. Duplicates                                                        */

/* Lower-case letters and digits only: "Er wordt niet gepest." → "erwordtnietgepest". */
static char *
fingerprint(const char *s)
{
	struct buf b = { 0 };

	for (; *s != '\0'; s++)
		if (check_wordch((unsigned char)*s))
			buf_putc(&b, tolower((unsigned char)*s));
	return buf_detach(&b);
}

static size_t
word_count(const char *s)
{
	size_t n = 0;
	int in = 0;

	for (; *s != '\0'; s++) {
		if (isspace((unsigned char)*s))
			in = 0;
		else if (!in) {
			in = 1;
			n++;
		}
	}
	return n;
}

static void
check_duplicates(const struct document *d, const struct units *u,
    struct check_result *r)
{
	char **fp = xcalloc(u->n, sizeof(*fp));
	size_t i, j;

	for (i = 0; i < u->n; i++)
		if (u->v[i].paragraph && word_count(u->v[i].text) >= 6)
			fp[i] = fingerprint(u->v[i].text);
	for (i = 0; i < u->n; i++) {
		if (fp[i] == NULL)
			continue;
		for (j = 0; j < i; j++)
			if (fp[j] != NULL && strcmp(fp[i], fp[j]) == 0) {
				diag_error(u->v[i].file, u->v[i].line, "this "
				    "paragraph repeats %s:%d in the protocol "
				    "of school '%s'", u->v[j].file,
				    u->v[j].line, d->meta.school_id);
				r->errors++;
				break;
			}
	}
	for (i = 0; i < d->nsections; i++)
		for (j = 0; j < i; j++)
			if (strcasecmp(d->sections[i].title,
			    d->sections[j].title) == 0) {
				diag_error(d->outline_path,
				    d->sections[i].line, "section '%s' appears "
				    "twice in the protocol of school '%s'",
				    d->sections[i].title, d->meta.school_id);
				r->errors++;
			}
	for (i = 0; i < u->n; i++)
		free(fp[i]);
	free(fp);
}

/* ------------------------------------------------------------------ */
/* 4. References in the text                                            */

/*
 * Does the text after "artikel 4" cite a law ("artikel 4 AVG", "artikel
 * 4, lid 1, AVG", "artikel 10 van de WMS")?  Then the number is not one of
 * the protocol's own articles.  A law is named by an abbreviation of two
 * or more capitals, or after "van de" / "van het".
 */
static int
cites_law(const char *s)
{
	static const char *const parts[] = { "lid ", "onder ", "punt ",
	    "sub ", NULL };
	const char *q;
	size_t k, n;

	for (;;) {		/* ", lid 1", " onder e" ... */
		q = s + (*s == ',');
		if (*q++ != ' ')
			return 0;
		for (k = 0; parts[k] != NULL; k++)
			if (str_starts(q, parts[k]))
				break;
		if (parts[k] == NULL)
			break;
		q += strlen(parts[k]);
		if ((n = strspn(q, "0123456789abcdefghijklmnopqrstuvwxyz")) == 0)
			return 0;
		s = q + n;
	}
	if (str_starts(q, "van de ") || str_starts(q, "van het "))
		return 1;
	for (n = 0; isupper((unsigned char)q[n]); n++)
		continue;
	return n >= 2 && !isalnum((unsigned char)q[n]);
}

/* "artikel 6.2", "hoofdstuk 6", "bijlage 2" written out must exist. */
static void
check_text_refs(const struct document *d, const struct units *u,
    struct check_result *r)
{
	static const char *const words[] = { "artikel ", "hoofdstuk ",
	    "bijlage ", NULL };
	char num[24], label[64];
	size_t i, k, n;

	for (i = 0; i < u->n; i++) {
		if (!u->v[i].paragraph)
			continue;
		for (k = 0; words[k] != NULL; k++) {
			const char *p = u->v[i].text;
			while ((p = str_casestr(p, words[k])) != NULL) {
				p += strlen(words[k]);
				n = strspn(p, "0123456789.");
				while (n > 0 && p[n - 1] == '.')
					n--;
				if (n == 0 || n >= sizeof(num) ||
				    !isdigit((unsigned char)p[0]))
					continue;
				memcpy(num, p, n);
				num[n] = '\0';
				if (doc_number_exists(d, k, num) ||
				    (k == 0 && cites_law(p + n)))
					continue;
				snprintf(label, sizeof(label), "%s%s",
				    words[k], num);
				diag_error(u->v[i].file, u->v[i].line, "'%s' "
				    "points nowhere in the protocol of school "
				    "'%s'", label, d->meta.school_id);
				r->errors++;
			}
		}
	}
}

/* ------------------------------------------------------------------ */
/* 5. Approvals                                                         */

static int
act_rank(const char *act)
{
	if (strcmp(act, "voorstel") == 0)
		return 0;
	if (strcmp(act, "advies") == 0 || strcmp(act, "bespreking") == 0)
		return 1;
	if (strcmp(act, "instemming") == 0)
		return 2;
	return 3;	/* vaststelling */
}

/*
 * Must act a be dated no later than act b?  The proposal comes first and
 * the adoption last; advice, discussion and consent fall between them in
 * any order (Quadraam's protocol was discussed after the GMR consented).
 */
static int
comes_before(const char *a, const char *b)
{
	int ra = act_rank(a), rb = act_rank(b);

	return ra != rb && (ra == 0 || rb == 3);
}

static int
is_council(const char *body)
{
	return strcmp(body, "MR") == 0 || strcmp(body, "GMR") == 0;
}

/* Steps of an earlier kind dated after step a. */
static void
step_order(const struct revision *rev, const struct approval *a,
    struct check_result *r)
{
	const struct approval *b;
	size_t j;

	for (j = 0; j < rev->napprovals; j++) {
		b = &rev->approvals[j];
		if (!comes_before(b->act, a->act) || strcmp(b->date,
		    a->date) <= 0)
			continue;
		diag_error(a->loc.file, a->loc.line, "%s by %s (%s) comes "
		    "before the %s by %s (%s)", a->act, a->body, a->date,
		    b->act, b->body, b->date);
		r->errors++;
	}
}

/* The council consents, the board adopts; and the council fits the scope. */
static void
step_body(const struct revision *rev, const struct approval *a,
    struct check_result *r)
{
	if (strcmp(a->act, "instemming") == 0 && !is_council(a->body)) {
		diag_error(a->loc.file, a->loc.line, "consent (instemming) is "
		    "given by the MR or GMR, not by '%s'", a->body);
		r->errors++;
	}
	if (strcmp(a->act, "vaststelling") == 0 && is_council(a->body)) {
		diag_error(a->loc.file, a->loc.line, "the %s consents; the "
		    "board or director adopts (vaststelling)", a->body);
		r->errors++;
	}
	if (strcmp(rev->scope, "board") == 0 && strcmp(a->body, "MR") == 0) {
		diag_error(a->loc.file, a->loc.line, "this protocol is "
		    "board-wide (scope = \"board\"): its council is the GMR, "
		    "not the MR");
		r->errors++;
	}
	if (strcmp(rev->scope, "school") == 0 && strcmp(a->body, "GMR") == 0) {
		diag_error(a->loc.file, a->loc.line, "this protocol is for one "
		    "school: its council is the MR, not the GMR (or set scope "
		    "= \"board\")");
		r->errors++;
	}
}

static const struct approval *
find_step(const struct revision *rev, const char *act)
{
	size_t i;

	for (i = 0; i < rev->napprovals; i++)
		if (strcmp(rev->approvals[i].act, act) == 0)
			return &rev->approvals[i];
	return NULL;
}

/* An adopted protocol records its consent and its adoption. */
static void
adopted_steps(const struct revision *rev, struct check_result *r)
{
	if (rev->status == NULL || strcmp(rev->status, "vastgesteld") != 0)
		return;
	if (find_step(rev, "instemming") == NULL) {
		diag_error(rev->loc.file, rev->loc.line, "status 'vastgesteld' "
		    "needs a consent step (act = \"instemming\") with its date");
		r->errors++;
	}
	if (find_step(rev, "vaststelling") == NULL) {
		diag_error(rev->loc.file, rev->loc.line, "status 'vastgesteld' "
		    "needs an adoption step (act = \"vaststelling\") with its "
		    "date");
		r->errors++;
	}
}

/* Effective on or after the last step; review after that. */
static void
revision_dates(const struct revision *rev, const struct approval *last,
    struct check_result *r)
{
	const char *from;

	if (rev->effective != NULL && last != NULL &&
	    strcmp(rev->effective, last->date) < 0) {
		diag_error(rev->loc.file, rev->loc.line, "effective date %s is "
		    "before the %s of %s", rev->effective, last->act,
		    last->date);
		r->errors++;
	}
	from = rev->effective ? rev->effective : last ? last->date : NULL;
	if (rev->review != NULL && from != NULL &&
	    strncmp(rev->review, from, strlen(rev->review)) <= 0) {
		diag_error(rev->loc.file, rev->loc.line, "review date %s is not "
		    "after %s", rev->review, from);
		r->errors++;
	}
}

static void
check_approvals(const struct document *d, struct check_result *r)
{
	const struct revision *rev = &d->school->rev;
	const struct approval *a, *last = NULL;
	size_t i;

	for (i = 0; i < rev->napprovals; i++) {
		a = &rev->approvals[i];
		step_order(rev, a, r);
		step_body(rev, a, r);
		if (last == NULL || strcmp(a->date, last->date) >= 0)
			last = a;
	}
	adopted_steps(rev, r);
	revision_dates(rev, last, r);
}

/* ------------------------------------------------------------------ */
/* 6. Dates that have passed                                            */

static void
check_dates(const struct document *d, const char *today,
    struct check_result *r)
{
	const struct school *s = d->school;
	char year[16];
	int y = atoi(today), m = atoi(today + 5);

	if (s->rev.review != NULL && strcmp(s->rev.status, "vervallen") != 0 &&
	    strncmp(s->rev.review, today, strlen(s->rev.review)) < 0) {
		diag_warn(s->rev.loc.file, s->rev.loc.line, "review date %s "
		    "has passed (today is %s)", s->rev.review, today);
		r->warnings++;
	}
	if (s->schoolyear != NULL) {
		snprintf(year, sizeof(year), "%d-%d", m >= 8 ? y : y - 1,
		    m >= 8 ? y + 1 : y);
		if (strcmp(year, s->schoolyear) != 0) {
			diag_warn(s->path, s->loc.line, "school year %s is not "
			    "the current one (%s)", s->schoolyear, year);
			r->warnings++;
		}
	}
}

/*
 * A consent or adoption is recorded once it has taken place: the protocol
 * states it as done.  Until then the step stays out of the config and the
 * protocol says it is pending.
 */
static void
check_future_steps(const struct document *d, const char *today,
    struct check_result *r)
{
	const struct revision *rev = &d->school->rev;
	const struct approval *a;
	size_t i;

	for (i = 0; i < rev->napprovals; i++) {
		a = &rev->approvals[i];
		if ((strcmp(a->act, "instemming") != 0 &&
		    strcmp(a->act, "vaststelling") != 0) ||
		    strcmp(a->date, today) <= 0)
			continue;
		diag_error(a->loc.file, a->loc.line, "the %s (%s) by %s is "
		    "dated %s, after today (%s): the protocol would state it "
		    "as done; leave the step out until it has taken place (the "
		    "text then says it is pending), or correct its date",
		    a->act[0] == 'i' ? "consent" : "adoption", a->act, a->body,
		    a->date, today);
		r->errors++;
	}
}

/*
 * A value still to be filled ({ pending = ... }) prints as a visible gap:
 * a draft may carry one, a vastgesteld text may not.  And a board named
 * after its own school ("Schoolbestuur van obs Klimop") is a stand-in.
 */
static void
check_pending(const struct document *d, struct check_result *r)
{
	const struct school *s = d->school;
	const struct pending *p[2] = { &s->board->pending, &s->pending };
	const char *name = s->board->name, *at;
	size_t i;

	for (i = 0; i < 2; i++) {
		if (p[i]->what == NULL)
			continue;
		if (strcmp(s->rev.status, "vastgesteld") == 0) {
			diag_error(p[i]->loc.file, p[i]->loc.line, "%s is still "
			    "to be filled, and a vastgesteld protocol cannot "
			    "print a gap: give the value, or keep version %s a "
			    "draft (\"concept\")", p[i]->what, s->rev.version);
			r->errors++;
		} else {
			diag_warn(p[i]->loc.file, p[i]->loc.line, "%s is "
			    "still to be filled: the draft prints '[nog in te "
			    "vullen: ...]' in its place", p[i]->what);
			r->warnings++;
		}
	}
	if (s->board->pending.what == NULL &&
	    (at = strcasestr(name, "bestuur van ")) != NULL &&
	    strcasecmp(at + strlen("bestuur van "), s->name) == 0) {
		const struct cval *v = cval_get(s->board->tree, "name");
		struct loc at_name = v != NULL ? v->loc : s->board->loc;
		diag_error(at_name.file, at_name.line, "the board's "
		    "name '%s' is made of its school's name, a stand-in: give "
		    "the board's real name, or mark it as still to be filled: "
		    "name = { pending = \"naam van het schoolbestuur\" }", name);
		r->errors++;
	}
}

/* ------------------------------------------------------------------ */
/* 8. Links                                                             */

static void
check_links_tree(const struct document *d, const char *file, cmark_node *root,
    struct check_result *r)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	cmark_node *n;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(n) != CMARK_NODE_LINK)
			continue;
		const char *url = cmark_node_get_url(n);
		if (url[0] == '#' || config_valid_url(url))
			continue;
		diag_error(file, node_line(n), "malformed link '%s' in the "
		    "protocol of school '%s'%s", url, d->meta.school_id,
		    str_starts(url, "tel:") ? " (a tel: link has digits "
		    "only)" : "");
		r->errors++;
	}
	cmark_iter_free(it);
}

/*
 * Digits a Dutch phone number may have: 10, or 8 to 11 for the service
 * numbers 0800 and 090x; +31 and 9 more.  Return 1 if n fits.
 */
static int
phone_digits_ok(const char *digits, size_t n)
{
	if (digits[0] == '3' && digits[1] == '1')
		return n == 11;
	if (strncmp(digits, "0800", 4) == 0 || strncmp(digits, "090", 3) == 0)
		return n >= 8 && n <= 11;
	return n == 10;
}

/* Phone numbers written in the text: "0900 111 3 111", "+31 10 ...". */
static void
check_phones(const struct document *d, const struct units *u,
    struct check_result *r)
{
	char digits[32];
	size_t i, n, len;
	const char *p, *q;

	for (i = 0; i < u->n; i++)
		for (p = u->v[i].text; *p != '\0'; p++) {
			if (!((*p == '0' && isdigit((unsigned char)p[1])) ||
			    (*p == '+' && isdigit((unsigned char)p[1]))) ||
			    (p > u->v[i].text &&
			    (isalnum((unsigned char)p[-1]) || p[-1] == '.')))
				continue;
			n = 0;
			len = 0;
			for (q = p; *q != '\0'; q++) {
				if (isdigit((unsigned char)*q)) {
					if (n < sizeof(digits) - 1)
						digits[n++] = *q;
					len = (size_t)(q - p) + 1;
				} else if (*q == ' ' || *q == '-' || *q == '+' ||
				    str_starts(q, "\xE2\x80\x93")) {
					if (*q == '\xE2')
						q += 2;
				} else
					break;
			}
			digits[n] = '\0';
			if (n >= 6 && !phone_digits_ok(digits, n)) {
				diag_error(u->v[i].file, u->v[i].line,
				    "malformed phone number '%.*s' (school "
				    "'%s')", (int)len, p, d->meta.school_id);
				r->errors++;
			}
			p += len > 0 ? len - 1 : 0;
		}
}

static void
check_links(const struct document *d, struct check_result *r)
{
	size_t i;

	for (i = 0; i < d->nblocks; i++)
		check_links_tree(d, d->blocks[i].clause->path,
		    d->blocks[i].tree, r);
	for (i = 0; i < d->nnotes; i++)
		check_links_tree(d, d->notes[i].clause->path, d->notes[i].tree,
		    r);
}

/* ------------------------------------------------------------------ */
/* 9. Contradictions                                                    */

static const struct doc_block *
tagged(const struct document *d, const char *tag)
{
	size_t i, j;

	for (i = 0; i < d->nblocks; i++)
		for (j = 0; j < d->blocks[i].clause->ntags; j++)
			if (strcmp(d->blocks[i].clause->tags[j], tag) == 0)
				return &d->blocks[i];
	return NULL;
}

/* Highest group (po) or year (vo) named in a lesson's groups. */
static int
max_group(const char *g)
{
	int best = 0;

	for (; *g != '\0'; g++)
		if (isdigit((unsigned char)*g)) {
			int v = atoi(g);
			if (v > best)
				best = v;
			while (isdigit((unsigned char)g[1]))
				g++;
		}
	return best;
}

static void
check_contradictions(const struct document *d, struct check_result *r)
{
	static const struct {
		const char *a, *b, *why;
	} pairs[] = {
		{ "telefoon-verbod", "sociale-media-in-les", "phones are "
		    "forbidden in class, yet pupils are encouraged to use "
		    "social media in lessons" },
		{ "geen-fotos", "fotos-met-toestemming", "one article forbids "
		    "photos of pupils, another allows them with consent" },
		{ "geen-fotos", "fotos-toestemming-ouders", "one article "
		    "forbids recognisable photos of pupils, another asks "
		    "parents' consent to publish recordings: say whether that "
		    "consent covers their children" },
	};
	const struct doc_block *a, *b;
	const struct school *s = d->school;
	size_t k;

	for (k = 0; k < sizeof(pairs) / sizeof(pairs[0]); k++) {
		if ((a = tagged(d, pairs[k].a)) == NULL ||
		    (b = tagged(d, pairs[k].b)) == NULL)
			continue;
		diag_warn(b->clause->path, node_line(b->tree) ?
		    node_line(b->tree) : b->clause->body_line, "%s "
		    "contradicts %s: %s (school '%s')", b->clause->id,
		    a->clause->id, pairs[k].why, d->meta.school_id);
		r->warnings++;
	}
	for (k = 0; k < s->nlessons; k++) {
		int top = max_group(s->lessons[k].groups);
		int limit = s->level == LEVEL_VO ? 6 : 8;
		if (top > limit) {
			diag_warn(s->lessons[k].loc.file,
			    s->lessons[k].loc.line, "%s '%s' has no %s %d",
			    s->level == LEVEL_VO ? "secondary school" :
			    "primary school", s->id, s->level == LEVEL_VO ?
			    "leerjaar" : "groep", top);
			r->warnings++;
		}
	}
}

/* ------------------------------------------------------------------ */

static void
check_unused(const struct document *d, struct check_result *r)
{
	const struct school *s = d->school;
	size_t i;

	for (i = 0; i < s->nvars; i++)
		if (str_starts(s->vars[i].name, "params.") &&
		    !s->vars[i].used) {
			diag_warn(s->vars[i].loc.file, s->vars[i].loc.line,
			    "parameter '%s' is not used by any clause of "
			    "school '%s' (a typo?)", s->vars[i].name + 7,
			    s->id);
			r->warnings++;
		}
}

void
check_document(const struct document *d, const struct config *c,
    struct check_result *r)
{
	struct units u = { 0 };

	collect(d, &u);
	check_placeholders(d, &u, r);
	check_other_names(d, &u, c, r);
	check_board_for_school(d, &u, r);
	check_duplicates(d, &u, r);
	check_text_refs(d, &u, r);
	check_see_also(d, r);
	check_approvals(d, r);
	check_dates(d, date_today(), r);
	check_future_steps(d, date_today(), r);
	check_pending(d, r);
	check_terms(d, &u, r);
	check_links(d, r);
	check_phones(d, &u, r);
	check_contradictions(d, r);
	check_consent_age(d, &u, r);
	check_roles(d, &u, r);
	check_unused(d, r);
	units_free(&u);
}
