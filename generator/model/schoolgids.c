/* Schoolgids section: the model, built from a school's document only. */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "model/model.h"
#include "base/base.h"

/*
 * A clause feeds a part with its front matter key "schoolgids:" (see
 * docs/FORMATS.md); a protocol without a phone rule marked so may still
 * have a clause tagged as forbidding phones.
 */
#define TAG_PHONE_ALT	"telefoon-verbod"

struct sg_build {
	const struct document	*d;
	struct schoolgids	*sg;
	const char		*strings;	/* nl.strings path, for messages */
	const struct doc_block	**pick;		/* scratch: nblocks + 1 */
	size_t			 max_agreements;
	size_t			 candidates;	/* agreements there were */
};

static void finding(struct schoolgids *, enum diag_level, const char *, int,
    const char *, ...) __attribute__((format(printf, 5, 6)));

static void
finding(struct schoolgids *sg, enum diag_level level, const char *file,
    int line, const char *fmt, ...)
{
	struct buf b = { 0 };
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	sg->findings = xreallocarray(sg->findings, sg->nfindings + 1,
	    sizeof(*sg->findings));
	sg->findings[sg->nfindings].level = level;
	sg->findings[sg->nfindings].file = file ? xstrdup(file) : NULL;
	sg->findings[sg->nfindings].line = line;
	sg->findings[sg->nfindings].msg = buf_detach(&b);
	sg->nfindings++;
}

static int
has_tag(const struct clause *c, const char *tag)
{
	size_t i;

	for (i = 0; i < c->ntags; i++)
		if (strcmp(c->tags[i], tag) == 0)
			return 1;
	return 0;
}

static const struct doc_block *
first_tagged(const struct document *d, const char *tag)
{
	size_t i;

	for (i = 0; i < d->nblocks; i++)
		if (has_tag(d->blocks[i].clause, tag))
			return &d->blocks[i];
	return NULL;
}

/* ------------------------------------------------------------------ */
/* cmark trees built from values: every value is a text node.           */

static cmark_node *
add_node(cmark_node *parent, cmark_node_type type)
{
	cmark_node *n = cmark_node_new(type);

	if (parent != NULL)
		cmark_node_append_child(parent, n);
	return n;
}

static void
add_text(cmark_node *parent, const char *s)
{
	cmark_node_set_literal(add_node(parent, CMARK_NODE_TEXT), s);
}

static void
add_link(cmark_node *parent, const char *url, const char *text)
{
	cmark_node *a = add_node(parent, CMARK_NODE_LINK);

	cmark_node_set_url(a, url);
	add_text(a, text);
}

/* "https://www.x.nl/" → "www.x.nl", as a reader would type it. */
static char *
display_url(const char *url)
{
	const char *p = url;
	char *s;
	size_t n;

	if (str_starts(p, "https://"))
		p += 8;
	else if (str_starts(p, "http://"))
		p += 7;
	s = xstrdup(p);
	n = strlen(s);
	if (n > 1 && s[n - 1] == '/' && strchr(s, '/') == s + n - 1)
		s[n - 1] = '\0';
	return s;
}

/* A new block holding an empty document; return the document. */
static cmark_node *
add_tree(struct sg_part *part)
{
	part->blocks = xreallocarray(part->blocks, part->nblocks + 1,
	    sizeof(*part->blocks));
	memset(&part->blocks[part->nblocks], 0, sizeof(*part->blocks));
	part->blocks[part->nblocks].tree = cmark_node_new(CMARK_NODE_DOCUMENT);
	return part->blocks[part->nblocks++].tree;
}

static struct sg_part *
add_part(struct schoolgids *sg, const char *id, const char *title_key)
{
	struct sg_part *p;

	sg->parts = xreallocarray(sg->parts, sg->nparts + 1,
	    sizeof(*sg->parts));
	p = &sg->parts[sg->nparts++];
	memset(p, 0, sizeof(*p));
	p->id = id;
	p->title = title_key ? xstrdup(tr(title_key)) : NULL;
	return p;
}

/* Append a value as text, with its first letter capitalised when cap. */
static void
add_value(cmark_node *para, const char *value, int cap)
{
	char *v = xstrdup(value);

	if (cap && islower((unsigned char)v[0]))
		v[0] = (char)toupper((unsigned char)v[0]);
	add_text(para, v);
	free(v);
}

/* The value of one {{name}} of an nl.strings text; 0 when it has none. */
static int
fill_value(struct sg_build *b, cmark_node *para, const struct placeholder *ph)
{
	const struct doc_meta *m = &b->d->meta;
	struct buf v = { 0 };
	struct var *var;
	char *shown, *p, *q;

	if (strcmp(ph->name, "school.name") == 0)
		add_value(para, m->school, ph->cap);
	else if (strcmp(ph->name, "title") == 0)
		add_value(para, m->title, ph->cap);
	else if (strcmp(ph->name, "version") == 0)
		add_value(para, m->version, ph->cap);
	else if (strcmp(ph->name, "status") == 0)
		add_value(para, trx("status", m->status), ph->cap);
	else if (strcmp(ph->name, "adopted") == 0 && m->adopted != NULL) {
		date_format_nl(m->adopted, &v);
		add_value(para, buf_str(&v), 0);
	} else if (strcmp(ph->name, "protocol.link") == 0) {
		shown = display_url(b->sg->protocol_href);
		add_link(para, b->sg->protocol_href, shown);
		free(shown);
	} else if (strcmp(ph->name, "inspector.phone") == 0 &&
	    (var = config_var(b->d->school, ph->name)) != NULL) {
		/* tel: links are digits only */
		buf_puts(&v, "tel:");
		for (p = var->value; *p != '\0'; p++)
			if (isdigit((unsigned char)*p))
				buf_putc(&v, *p);
		add_link(para, buf_str(&v), var->value);
	} else if ((var = config_var(b->d->school, ph->name)) != NULL) {
		/* role words and national facts, as the clauses get them */
		q = xstrdup(var->value);
		add_value(para, q, ph->cap);
		free(q);
	} else {
		buf_free(&v);
		return 0;
	}
	buf_free(&v);
	return 1;
}

/*
 * Append the text of nl.strings key to para, its {{placeholders}}
 * replaced by values (as text; links for the protocol and the phone).
 */
static void
fill(struct sg_build *b, cmark_node *para, const char *key)
{
	const char *s = tr(key);
	struct placeholder ph;
	size_t pos = 0, done = 0;
	char *chunk;
	int r;

	while ((r = placeholder_next(s, &pos, &ph)) != 0) {
		if (ph.start > done) {
			chunk = xstrndup(s + done, ph.start - done);
			add_text(para, chunk);
			free(chunk);
		}
		done = ph.end;
		if (r < 0 || !fill_value(b, para, &ph))
			finding(b->sg, DIAG_ERROR, b->strings, 0, "string '%s' "
			    "uses {{%s}}, which has no value for school '%s'",
			    key, ph.name, b->d->meta.school_id);
	}
	if (s[done] != '\0')
		add_text(para, s + done);
}

static cmark_node *
fill_para(struct sg_build *b, cmark_node *doc, const char *key)
{
	cmark_node *p = add_node(doc, CMARK_NODE_PARAGRAPH);

	fill(b, p, key);
	return p;
}

/* ------------------------------------------------------------------ */
/* Text taken from clauses.                                             */

static int
block_line(const struct doc_block *blk)
{
	return node_line(blk->tree) ? node_line(blk->tree) :
	    blk->clause->body_line;
}

/* The clause's first paragraph with its place; NULL (and a finding) if none. */
static cmark_node *
cited(struct sg_build *b, const struct doc_block *blk)
{
	cmark_node *n = sg_first_paragraph(blk), *p;

	if (n == NULL) {
		finding(b->sg, DIAG_WARNING, blk->clause->path, block_line(blk),
		    "clause %s has no paragraph to show in the schoolgids "
		    "section", blk->clause->id);
		return NULL;
	}
	p = sg_standalone(n);
	sg_add_ref(b->d, p, blk);
	return p;
}

/*
 * A part is titled by what it holds: a clause fed into it must say so
 * (a phone part that never names a phone is the wrong part).
 */
static int
fits(struct sg_build *b, const struct doc_block *blk, cmark_node *para,
    const char *title_key, const char *const *words)
{
	if (sg_mentions(para, words))
		return 1;
	finding(b->sg, DIAG_ERROR, blk->clause->path, blk->clause->id_line,
	    "clause %s feeds the schoolgids part '%s' but never mentions "
	    "'%s': mark it for the part it is about ('schoolgids: afspraak' "
	    "for a general rule)", blk->clause->id, tr(title_key), words[0]);
	return 0;
}

/* ------------------------------------------------------------------ */
/* The parts.  Each is left out when the school has no clause for it.   */

static void
part_purpose(struct sg_build *b)
{
	cmark_node *p;

	if (sg_fed(b->d, "doel", b->pick) > 0 &&
	    (p = cited(b, b->pick[0])) != NULL)
		cmark_node_append_child(add_tree(add_part(b->sg, "sg-doel",
		    NULL)), p);
}

/*
 * A follower's own channels (the board protocol lists the board's, or
 * none): a lead from nl.strings and the list, each with its address.
 */
static void
follower_channels(struct sg_build *b)
{
	const struct document *d = b->d;
	cmark_node *doc, *list, *para;
	char *shown;
	size_t i;

	doc = add_tree(add_part(b->sg, "sg-kanalen", "sg.channels.title"));
	fill_para(b, doc, "sg.channels.follower");
	list = add_node(doc, CMARK_NODE_LIST);
	cmark_node_set_list_type(list, CMARK_BULLET_LIST);
	cmark_node_set_list_tight(list, 1);
	for (i = 0; i < d->nchannels; i++) {
		para = add_node(add_node(list, CMARK_NODE_ITEM),
		    CMARK_NODE_PARAGRAPH);
		add_text(para, d->channels[i].name);
		if (d->channels[i].url == NULL)
			continue;
		shown = display_url(d->channels[i].url);
		add_text(para, " (");
		add_link(para, d->channels[i].url, shown);
		add_text(para, ")");
		free(shown);
	}
}

/* The channels as the protocol lists them, with the list's lead. */
static void
part_channels(struct sg_build *b)
{
	cmark_node *doc, *p, *list;

	if (b->d->meta.follows != NULL) {
		if (b->d->nchannels > 0)
			follower_channels(b);
		return;
	}
	if (sg_fed(b->d, "kanalen", b->pick) == 0 ||
	    (p = cited(b, b->pick[0])) == NULL)
		return;
	doc = add_tree(add_part(b->sg, "sg-kanalen", "sg.channels.title"));
	cmark_node_append_child(doc, p);
	if ((list = sg_following_list(b->pick[0])) != NULL)
		cmark_node_append_child(doc, list);
}

/* May blk be a core agreement when none is marked?  (Not a phone rule.) */
static int
fallback_agreement(const struct doc_block *blk)
{
	const char *a = blk->clause->audience;

	return blk->kind == CLAUSE_ARTICLE && blk->clause->schoolgids == NULL &&
	    !has_tag(blk->clause, TAG_PHONE_ALT) &&
	    (strcmp(a, "alle") == 0 || strcmp(a, "leerlingen") == 0 ||
	    strcmp(a, "ouders") == 0);
}

static void
part_agreements(struct sg_build *b)
{
	const struct document *d = b->d;
	const struct doc_block **pick = b->pick;
	cmark_node *list = NULL, *p;
	size_t i, n, tagged;

	n = tagged = sg_fed(d, "afspraak", pick);
	if (tagged == 0)
		for (i = 0; i < d->nblocks; i++)
			if (fallback_agreement(&d->blocks[i]))
				pick[n++] = &d->blocks[i];
	if (tagged > SG_MAX_AGREEMENTS)
		finding(b->sg, DIAG_WARNING, pick[SG_MAX_AGREEMENTS]->clause->path,
		    0, "%zu clauses of school '%s' are marked 'schoolgids: "
		    "afspraak'; its schoolgids section shows the first %d",
		    tagged, d->meta.school_id, SG_MAX_AGREEMENTS);
	b->candidates = n;
	if (n > b->max_agreements)
		n = b->max_agreements;
	for (i = 0; i < n; i++) {
		if ((p = cited(b, pick[i])) == NULL)
			continue;
		if (list == NULL) {
			cmark_node *doc = add_tree(add_part(b->sg,
			    "sg-afspraken", "sg.agreements.title"));
			fill_para(b, doc, "sg.agreements.lead");
			list = add_node(doc, CMARK_NODE_LIST);
			cmark_node_set_list_type(list, CMARK_BULLET_LIST);
			cmark_node_set_list_tight(list, 1);
		}
		cmark_node_append_child(add_node(list, CMARK_NODE_ITEM), p);
		b->sg->nagreements++;
	}
	if (b->sg->nagreements < SG_MIN_AGREEMENTS)
		finding(b->sg, DIAG_WARNING, d->outline_path, 0, "the "
		    "schoolgids section of school '%s' has %zu core "
		    "agreement%s (want %d to %d): mark clauses 'schoolgids: "
		    "afspraak'", d->meta.school_id, b->sg->nagreements,
		    b->sg->nagreements == 1 ? "" : "s", SG_MIN_AGREEMENTS,
		    SG_MAX_AGREEMENTS);
}

/*
 * Every clause of a part with the part's title, or none; NULL when no
 * clause fits.  Then the labelled legal facts the part may add.
 */
static cmark_node *
part_of_clauses(struct sg_build *b, const struct doc_block **pick, size_t n,
    const char *id, const char *title_key, const char *const *words)
{
	cmark_node *doc = NULL, *p;
	size_t i;

	for (i = 0; i < n; i++) {
		if ((p = cited(b, pick[i])) == NULL)
			continue;
		if (words != NULL && !fits(b, pick[i], p, title_key, words)) {
			cmark_node_free(p);
			continue;
		}
		if (doc == NULL)
			doc = add_tree(add_part(b->sg, id, title_key));
		cmark_node_append_child(doc, p);
	}
	return doc;
}

static const char *const photo_words[] = { "foto", "film", "beeld",
    "opname", NULL };
static const char *const phone_words[] = { "telefoon", NULL };
static const char *const age_words[] = { "16 jaar", NULL };

/*
 * The school's photo rules; then, as facts of the law: for a secondary
 * school (its pupils turn 16) whose rules do not say it, who consents at
 * which age; and that consent can be withdrawn.
 */
static void
part_photos(struct sg_build *b)
{
	cmark_node *doc;

	doc = part_of_clauses(b, b->pick, sg_fed(b->d, "foto", b->pick),
	    "sg-fotos", "sg.photos.title", photo_words);
	if (doc == NULL)
		return;
	if (b->d->meta.level == LEVEL_VO && !sg_mentions(doc, age_words))
		fill_para(b, doc, "sg.fact.consent-age");
	fill_para(b, doc, "sg.fact.withdraw");
}

static void
part_phone(struct sg_build *b)
{
	size_t n = sg_fed(b->d, "telefoon", b->pick);

	if (n == 0 && (b->pick[0] = first_tagged(b->d, TAG_PHONE_ALT)) != NULL)
		n = 1;
	if (n == 0 || part_of_clauses(b, b->pick, n, "sg-telefoon",
	    "sg.phone.title", phone_words) == NULL)
		finding(b->sg, DIAG_WARNING, b->d->outline_path, 0, "the "
		    "protocol of school '%s' has no phone rule (a clause "
		    "marked 'schoolgids: telefoon'): its schoolgids section "
		    "has no part on phones", b->d->meta.school_id);
}

/* "7-8" → "7–8" */
static char *
groups_text(const char *groups)
{
	struct buf t = { 0 };
	const char *p;

	for (p = groups; *p != '\0'; p++) {
		if (*p == '-')
			buf_puts(&t, "\xE2\x80\x93");
		else
			buf_putc(&t, *p);
	}
	return buf_detach(&t);
}

static struct sg_table *
lessons_table(const struct document *d)
{
	struct sg_table *t = xcalloc(1, sizeof(*t));
	int by = 0, when = 0;
	size_t i, c;

	for (i = 0; i < d->nlessons; i++) {
		by |= d->lessons[i].by != NULL;
		when |= d->lessons[i].when != NULL;
	}
	t->caption = xstrdup(tr("sg.lessons.caption"));
	t->ncols = 2 + (size_t)by + (size_t)when;
	t->nrows = d->nlessons;
	t->head = xcalloc(t->ncols, sizeof(*t->head));
	t->cells = xcalloc(t->ncols * t->nrows, sizeof(*t->cells));
	c = 0;
	t->head[c++] = xstrdup(tr("sg.lessons.programme"));
	if (by)
		t->head[c++] = xstrdup(tr("sg.lessons.by"));
	t->head[c++] = xstrdup(trx(d->meta.level == LEVEL_VO ?
	    "lesson.year" : "lesson.group", "one"));
	if (when)
		t->head[c++] = xstrdup(tr("sg.lessons.when"));
	for (i = 0; i < d->nlessons; i++) {
		const struct lesson *l = &d->lessons[i];
		char **row = &t->cells[i * t->ncols];
		c = 0;
		row[c++] = xstrdup(l->name);
		if (by)
			row[c++] = xstrdup(l->by ? l->by : "");
		row[c++] = groups_text(l->groups);
		if (when)
			row[c++] = xstrdup(l->when ? l->when : "");
	}
	return t;
}

/*
 * The clauses on lessons; one that prints the school's lesson list
 * ({{lessons}}) has it shown as a table after its lead.
 */
static void
part_lessons(struct sg_build *b)
{
	const struct doc_block **pick = b->pick;
	size_t i, n = sg_fed(b->d, "lessen", pick);
	struct sg_part *part = NULL;
	cmark_node *doc, *p;

	for (i = 0; i < n; i++) {
		if ((p = cited(b, pick[i])) == NULL)
			continue;
		if (part == NULL)
			part = add_part(b->sg, "sg-lessen", "sg.lessons.title");
		cmark_node_append_child(doc = add_tree(part), p);
		if (strstr(pick[i]->clause->body, "{{lessons}}") != NULL &&
		    b->d->nlessons > 0) {
			part->blocks = xreallocarray(part->blocks,
			    part->nblocks + 1, sizeof(*part->blocks));
			part->blocks[part->nblocks].tree = NULL;
			part->blocks[part->nblocks].table =
			    lessons_table(b->d);
			part->nblocks++;
		} else if ((p = sg_following_list(pick[i])) != NULL)
			cmark_node_append_child(doc, p);
	}
}

/* Whom to tell, as the protocol says; then the inspectorate, as a fact. */
static void
part_report(struct sg_build *b)
{
	cmark_node *doc;

	doc = part_of_clauses(b, b->pick, sg_fed(b->d, "melden", b->pick),
	    "sg-melden", "sg.report.title", NULL);
	if (doc == NULL)
		doc = add_tree(add_part(b->sg, "sg-melden", "sg.report.title"));
	fill_para(b, doc, "sg.fact.inspector");
}

static void
part_protocol(struct sg_build *b)
{
	fill_para(b, add_tree(add_part(b->sg, "sg-protocol",
	    "sg.protocol.title")), b->sg->protocol_href != NULL ?
	    "sg.protocol.text" : "sg.protocol.text.none");
}

/* Where the full protocol is read: its address, else the school's site. */
static void
protocol_href(struct sg_build *b)
{
	const struct doc_meta *m = &b->d->meta;

	if (m->protocol_url != NULL) {
		b->sg->protocol_href = xstrdup(m->protocol_url);
		return;
	}
	/*
	 * Without any address the section cannot link the protocol from
	 * wherever it is pasted: it says where to ask for it instead.
	 */
	b->sg->protocol_href = m->website ? xstrdup(m->website) : NULL;
	finding(b->sg, DIAG_WARNING, b->d->school->path, b->d->school->loc.line,
	    "school '%s' sets no protocol_url: its schoolgids section %s",
	    m->school_id, m->website ? "points to the school's website" :
	    "says the protocol can be asked for at the school");
}

static char *
string_of(struct sg_build *b, const char *key)
{
	cmark_node *p = cmark_node_new(CMARK_NODE_PARAGRAPH), *n;
	struct buf t = { 0 };

	fill(b, p, key);
	for (n = cmark_node_first_child(p); n != NULL; n = cmark_node_next(n))
		buf_puts(&t, cmark_node_get_literal(n) ?
		    cmark_node_get_literal(n) : "");
	cmark_node_free(p);
	return buf_detach(&t);
}

/* The section with at most max_agreements core agreements. */
static struct schoolgids *
build(const struct document *d, size_t max_agreements, size_t *candidates)
{
	struct schoolgids *sg = xcalloc(1, sizeof(*sg));
	struct sg_build b = { .d = d, .sg = sg,
	    .max_agreements = max_agreements };
	struct buf t = { 0 };

	b.strings = xstrdup(text_path());
	b.pick = xcalloc(d->nblocks + 1, sizeof(*b.pick));
	sg->meta = &d->meta;
	sg->title = xstrdup(tr("sg.title"));
	if (d->meta.draft) {
		sg->mark = xstrdup(trx("mark", d->meta.status));
		sg->mark_note = xstrdup(trx("mark.note", d->meta.status));
	}
	protocol_href(&b);
	part_purpose(&b);
	part_channels(&b);
	part_agreements(&b);
	part_photos(&b);
	part_phone(&b);
	part_lessons(&b);
	part_report(&b);
	part_protocol(&b);
	sg->version_line = string_of(&b, strcmp(d->meta.status,
	    "vastgesteld") == 0 && d->meta.adopted != NULL ? "sg.version" :
	    "sg.version.draft");
	schoolgids_text(sg, &t);
	sg->words = schoolgids_count_words(buf_str(&t));
	buf_free(&t);
	free((char *)b.strings);
	free(b.pick);
	*candidates = b.candidates;
	return sg;
}

/*
 * Up to SG_MAX_AGREEMENTS agreements, fewer (never below SG_MIN_AGREEMENTS)
 * while the section is longer than SG_MAX_WORDS.
 */
struct schoolgids *
schoolgids_build(const struct document *d)
{
	struct schoolgids *sg;
	size_t max = SG_MAX_AGREEMENTS, candidates;

	for (;;) {
		sg = build(d, max, &candidates);
		if (sg->words <= SG_MAX_WORDS ||
		    sg->nagreements <= SG_MIN_AGREEMENTS)
			break;
		max = sg->nagreements - 1;
		schoolgids_free(sg);
	}
	if (max < SG_MAX_AGREEMENTS && max < candidates)
		finding(sg, DIAG_WARNING, d->school->path, d->school->loc.line,
		    "the schoolgids section of school '%s' shows %zu of its "
		    "%zu core agreements to stay within %d words",
		    d->meta.school_id, sg->nagreements, candidates,
		    SG_MAX_WORDS);
	/*
	 * Too long is an error: a schoolgids has no room for it.  Too short
	 * is a warning: the section says only what the protocol says, and a
	 * short protocol gives a short section.
	 */
	if (sg->words > SG_MAX_WORDS)
		finding(sg, DIAG_ERROR, d->school->path, d->school->loc.line,
		    "the schoolgids section of school '%s' has %zu words "
		    "(at most %d): mark fewer clauses 'schoolgids: ...'",
		    d->meta.school_id, sg->words, SG_MAX_WORDS);
	else if (sg->words < SG_MIN_WORDS)
		finding(sg, DIAG_WARNING, d->school->path, d->school->loc.line,
		    "the schoolgids section of school '%s' has %zu words "
		    "(want at least %d): mark more of its clauses "
		    "'schoolgids: ...'", d->meta.school_id, sg->words,
		    SG_MIN_WORDS);
	return sg;
}

static void
table_free(struct sg_table *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->ncols; i++)
		free(t->head[i]);
	for (i = 0; i < t->ncols * t->nrows; i++)
		free(t->cells[i]);
	free(t->head);
	free(t->cells);
	free(t->caption);
	free(t);
}

void
schoolgids_free(struct schoolgids *sg)
{
	size_t i, j;

	if (sg == NULL)
		return;
	for (i = 0; i < sg->nparts; i++) {
		for (j = 0; j < sg->parts[i].nblocks; j++) {
			if (sg->parts[i].blocks[j].tree != NULL)
				cmark_node_free(sg->parts[i].blocks[j].tree);
			table_free(sg->parts[i].blocks[j].table);
		}
		free(sg->parts[i].blocks);
		free(sg->parts[i].title);
	}
	for (i = 0; i < sg->nfindings; i++) {
		free(sg->findings[i].file);
		free(sg->findings[i].msg);
	}
	free(sg->findings);
	free(sg->parts);
	free(sg->title);
	free(sg->mark);
	free(sg->mark_note);
	free(sg->version_line);
	free(sg->protocol_href);
	free(sg);
}
