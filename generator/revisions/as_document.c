/* A frozen revision as a document model, for the backends (the site's versions). */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "base/base.h"
#include "config/config.h"
#include "library/library.h"
#include "model/model.h"
#include "revisions/revisions.h"

/*
 * The document and what it holds that doc_free() does not free: the
 * clauses the blocks point to (made from the register, tags borrowed from
 * the library) and the step bodies.  The document is the first member, so
 * a pointer to it is a pointer to the whole.
 */
struct frozen_document {
	struct document	 doc;
	struct clause	*clauses;	/* nclauses: blocks, then notes */
	size_t		 nclauses;
	char		**bodies;	/* of the steps, NUL-terminated */
	size_t		 nbodies;
	struct channel	*channels;	/* from "channel:" lines */
	size_t		 nchannels;
	struct lesson	*lessons;	/* from "lesson:" lines */
	size_t		 nlessons;
};

/*
 * Replace "[^N]" in the text nodes of root by footnote reference nodes,
 * as the library and assembly make them.  cmark splits "[" into a text
 * node of its own: adjacent text nodes are joined first.
 */
static void
note_refs(cmark_node *root)
{
	cmark_iter *it;
	cmark_node *n, *ref, *rest, **todo = NULL;
	size_t ntodo = 0, cap = 0, i;
	const char *lit, *p, *close;
	char *mark;

	cmark_consolidate_text_nodes(root);
	it = cmark_iter_new(root);
	while (cmark_iter_next(it) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (cmark_node_get_type(n) == CMARK_NODE_TEXT &&
		    strstr(cmark_node_get_literal(n), "[^") != NULL) {
			ARRAY_RESERVE(todo, ntodo, cap);
			todo[ntodo++] = n;
		}
	}
	cmark_iter_free(it);
	for (i = 0; i < ntodo; i++)
		for (n = todo[i]; n != NULL; n = rest) {
			lit = cmark_node_get_literal(n);
			rest = NULL;
			if ((p = strstr(lit, "[^")) == NULL ||
			    (close = strchr(p, ']')) == NULL ||
			    close == p + 2 || strspn(p + 2, "0123456789") !=
			    (size_t)(close - p - 2))
				break;
			mark = xstrndup(p, (size_t)(close + 1 - p));
			ref = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
			cmark_node_set_on_enter(ref, mark);
			cmark_node_set_on_exit(ref, "");
			free(mark);
			rest = cmark_node_new(CMARK_NODE_TEXT);
			cmark_node_set_literal(rest, close + 1);
			mark = xstrndup(lit, (size_t)(p - lit));
			cmark_node_set_literal(n, mark);
			free(mark);
			cmark_node_insert_after(n, ref);
			cmark_node_insert_after(ref, rest);
			if (*cmark_node_get_literal(n) == '\0')
				cmark_node_free(n);
			if (*cmark_node_get_literal(rest) == '\0') {
				cmark_node_free(rest);
				rest = NULL;
			}
		}
	free(todo);
}

static cmark_node *
parse_text(const char *md)
{
	/* no CMARK_OPT_SMART: the frozen text already has its typography */
	cmark_node *root = cmark_parse_document(md, strlen(md),
	    CMARK_OPT_DEFAULT);

	note_refs(root);
	return root;
}

/* A clause from the register line c, with the library's tags. */
static void
clause_from(struct clause *out, const struct rev_clause *c,
    const struct library *lib, const char *path)
{
	const struct clause *lc = lib ? library_clause(lib, c->id) : NULL;

	memset(out, 0, sizeof(*out));
	out->id = c->id;
	out->title = c->title;
	out->audience = c->audience;
	out->section = c->section;
	out->kind = c->kind;
	out->path = lc ? lc->path : (char *)path;
	out->body_line = lc ? lc->body_line : c->line;
	out->id_line = lc ? lc->id_line : c->line;
	/* the frozen text, and for the schoolgids the library's marks */
	out->body = lc ? lc->body : c->text;
	if (lc != NULL) {
		out->tags = lc->tags;
		out->ntags = lc->ntags;
		out->levels = lc->levels;
		out->schoolgids = lc->schoolgids;
	}
}

static size_t
section_index(const struct revdoc *r, const char *id)
{
	size_t i;

	for (i = 0; i < r->nsections; i++)
		if (strcmp(r->sections[i].id, id) == 0)
			return i;
	return 0;
}

static void
fill_body(struct frozen_document *fd, const struct revdoc *r,
    const struct library *lib)
{
	struct document *d = &fd->doc;
	size_t i, k;

	fd->nclauses = r->nclauses + r->nnotes;
	fd->clauses = xcalloc(fd->nclauses + 1, sizeof(*fd->clauses));
	d->sections = xcalloc(r->nsections + 1, sizeof(*d->sections));
	d->nsections = r->nsections;
	for (i = 0; i < r->nsections; i++) {
		struct doc_section *s = &d->sections[i];
		s->id = xstrdup(r->sections[i].id);
		s->title = xstrdup(r->sections[i].title);
		snprintf(s->number, sizeof(s->number), "%s",
		    r->sections[i].number);
		s->appendix = !isdigit((unsigned char)s->number[0]);
		s->line = r->sections[i].line;
		s->first = SIZE_MAX;
	}
	d->blocks = xcalloc(r->nclauses + 1, sizeof(*d->blocks));
	d->nblocks = r->nclauses;
	for (i = 0; i < r->nclauses; i++) {
		struct doc_block *b = &d->blocks[i];
		const struct rev_clause *c = &r->clauses[i];
		clause_from(&fd->clauses[i], c, lib, r->path);
		b->clause = &fd->clauses[i];
		b->kind = c->kind;
		b->tree = parse_text(c->text);
		b->owned = 1;
		if (c->kind == CLAUSE_ARTICLE)
			snprintf(b->number, sizeof(b->number), "%s", c->number);
		b->section = k = section_index(r, c->section);
		if (d->nsections > 0 && d->sections[k].first == SIZE_MAX)
			d->sections[k].first = i;
		if (d->nsections > 0)
			d->sections[k].count++;
	}
	for (i = 0; i < d->nsections; i++)
		if (d->sections[i].first == SIZE_MAX)
			d->sections[i].first = 0;
	d->notes = xcalloc(r->nnotes + 1, sizeof(*d->notes));
	d->nnotes = r->nnotes;
	for (i = 0; i < r->nnotes; i++) {
		clause_from(&fd->clauses[r->nclauses + i], &r->notes[i], lib,
		    r->path);
		d->notes[i].clause = &fd->clauses[r->nclauses + i];
		d->notes[i].tree = parse_text(r->notes[i].text);
		d->notes[i].number = atoi(r->notes[i].number);
	}
}

static void
fill_steps(struct frozen_document *fd, const struct revdoc *r)
{
	struct doc_meta *m = &fd->doc.meta;
	struct doc_step *steps;
	struct rev_step st;
	size_t i, n = 0;

	steps = xcalloc(r->nmeta + 1, sizeof(*steps));
	fd->bodies = xcalloc(r->nmeta + 1, sizeof(*fd->bodies));
	for (i = 0; i < r->nmeta; i++) {
		if (strcmp(r->meta[i].key, "step") != 0 ||
		    revdoc_step_parse(r->meta[i].value, &st) != 0)
			continue;
		fd->bodies[n] = xstrndup(st.body, (size_t)st.bodylen);
		steps[n].body = fd->bodies[n];
		steps[n].act = st.act;
		steps[n].date = st.date;
		if (strcmp(st.act, "vaststelling") == 0)
			m->adopted = st.date;
		else if (strcmp(st.act, "instemming") == 0)
			m->consented = st.date;
		n++;
	}
	fd->nbodies = n;
	m->steps = steps;
	m->nsteps = n;
}

/* Front matter first; what it does not hold (identity) from cur. */
static void
fill_meta(struct frozen_document *fd, const struct revdoc *r,
    const struct document *cur)
{
	struct doc_meta *m = &fd->doc.meta;
	const struct doc_meta *c = &cur->meta;
	const char *v;

	*m = *c;
	m->steps = NULL;
	m->nsteps = 0;
	m->adopted = m->consented = NULL;
#define META(field, key) m->field = revdoc_meta(r, key)
	META(school, "name");
	META(board, "board");
	META(title, "title");
	META(outline, "outline");
	META(version, "version");
	META(status, "status");
	META(scope, "scope");
	META(schoolyear, "schoolyear");
	META(author, "author");
	META(owner, "owner");
	META(maintainer, "maintainer");
	META(effective, "effective");
	META(review, "review");
	META(replaces, "replaces");
#undef META
	if (m->school == NULL)
		m->school = c->school;
	if (m->board == NULL)
		m->board = c->board;
	if (m->title == NULL)
		m->title = c->title;
	if (m->status == NULL)
		m->status = "vastgesteld";
	if (m->scope == NULL)
		m->scope = c->scope;
	if ((v = revdoc_value(r, "school.short")) != NULL)
		m->school_short = v;
	if ((v = revdoc_meta(r, "level")) != NULL) {
		m->level = strcmp(v, "vo") == 0 ? LEVEL_VO : LEVEL_PO;
		m->level_name = config_level_name(m->level);
	}
	m->council = strcmp(m->scope, "board") == 0 ? "GMR" : "MR";
	fill_steps(fd, r);
	m->draft = strcmp(m->status, "vastgesteld") != 0;
	doc_meta_generated(m);
}

/*
 * The channels the frozen text printed ("channel: KIND = NAME <URL>"), in
 * order; each one's type from the school's channel of that kind now, else
 * from the national catalogue (nat, may be NULL), else "social".  None
 * printed: the current ones (the text did not depend on them).
 */
static void
fill_channels(struct frozen_document *fd, const struct revdoc *r,
    const struct document *cur, const struct national *nat)
{
	struct channel *c;
	const char *v, *lt;
	size_t i, j, n;

	for (i = 0, n = 0; i < r->nvalues; i++)
		n += str_starts(r->values[i].key, "channel:");
	if (n == 0) {
		fd->doc.channels = cur->channels;
		fd->doc.nchannels = cur->nchannels;
		return;
	}
	fd->channels = xcalloc(n, sizeof(*fd->channels));
	for (i = 0; i < r->nvalues; i++) {
		if (!str_starts(r->values[i].key, "channel:"))
			continue;
		c = &fd->channels[fd->nchannels++];
		v = r->values[i].value;
		c->kind = xstrdup(r->values[i].key + 8);
		if ((lt = strstr(v, " <")) != NULL && str_ends(v, ">")) {
			c->name = xstrndup(v, (size_t)(lt - v));
			c->url = xstrndup(lt + 2, strlen(lt + 2) - 1);
		} else
			c->name = xstrdup(v);
		for (j = 0; j < cur->nchannels && c->type == NULL; j++)
			if (strcmp(cur->channels[j].kind, c->kind) == 0)
				c->type = cur->channels[j].type;
		for (j = 0; nat != NULL && j < nat->nproducts &&
		    c->type == NULL; j++)
			if (strcmp(nat->products[j].id, c->kind) == 0)
				c->type = nat->products[j].type;
		if (c->type == NULL)
			c->type = "social";
	}
	fd->doc.channels = fd->channels;
	fd->doc.nchannels = fd->nchannels;
}

/*
 * Read a "lesson:" line's value back into l, given the name and by of a
 * candidate (the school's lesson of that key now, or the national
 * programme): the groups from the label, "when" from what follows
 * "NAME (BY)".  Return 0 when the candidate prints as the line's start.
 */
static int
lesson_from_line(struct lesson *l, const char *v, const char *name,
    const char *by, int level)
{
	struct lesson try = { .name = (char *)name, .by = (char *)by };
	struct buf groups = { 0 }, b = { 0 };
	const char *colon = strstr(v, ": "), *sp = strchr(v, ' '), *p;
	size_t n;
	int rc = -1;

	if (colon == NULL || sp == NULL || sp > colon)
		return -1;
	for (p = sp + 1; p < colon; p++)
		if (strncmp(p, "\xE2\x80\x93", 3) == 0) {	/* en dash */
			buf_putc(&groups, '-');
			p += 2;
		} else
			buf_putc(&groups, *p);
	try.groups = (char *)buf_str(&groups);
	if (name == NULL) {
		/* no candidate: the rest is the name, in the text's words */
		l->name = xstrdup(colon + 2);
		rc = 0;
		goto done;
	}
	rev_lesson_value(&try, level, &b);
	n = b.len;
	if (strcmp(v, buf_str(&b)) == 0 ||
	    (strncmp(v, buf_str(&b), n) == 0 && strncmp(v + n, ", ", 2) == 0 &&
	    v[n + 2] != '\0')) {
		l->name = xstrdup(name);
		l->by = by != NULL ? xstrdup(by) : NULL;
		l->when = v[n] != '\0' ? xstrdup(v + n + 2) : NULL;
		rc = 0;
	}
done:
	if (rc == 0)
		l->groups = xstrdup(buf_str(&groups));
	buf_free(&groups);
	buf_free(&b);
	return rc;
}

/*
 * The lessons the frozen text printed ("lesson: KEY = Groep 6: NAME"), in
 * order, each read back from its line: its name and organisation those of
 * the school's lesson of that key now or of the national programme KEY
 * when they print the same, else the line's words as its name.  None
 * printed: none.  The current lessons would put in this version's
 * schoolgids and protocol.json lessons its text never listed.
 */
static void
fill_lessons(struct frozen_document *fd, const struct revdoc *r,
    const struct document *cur, const struct national *nat)
{
	const char *lv = revdoc_meta(r, "level"), *v, *key;
	int level = lv != NULL && strcmp(lv, "vo") == 0 ? LEVEL_VO : LEVEL_PO;
	struct lesson *l;
	size_t i, j, n;
	int done;

	for (i = 0, n = 0; i < r->nvalues; i++)
		n += str_starts(r->values[i].key, "lesson:");
	fd->lessons = n > 0 ? xcalloc(n, sizeof(*fd->lessons)) : NULL;
	for (i = 0; i < r->nvalues; i++) {
		if (!str_starts(r->values[i].key, "lesson:"))
			continue;
		key = r->values[i].key + 7;
		v = r->values[i].value;
		l = &fd->lessons[fd->nlessons++];
		done = 0;
		for (j = 0; !done && j < cur->nlessons; j++) {
			const struct lesson *c = &cur->lessons[j];
			if (strcmp(c->programme ? c->programme : c->name,
			    key) == 0 && lesson_from_line(l, v, c->name, c->by,
			    level) == 0) {
				l->programme = c->programme ?
				    xstrdup(c->programme) : NULL;
				done = 1;
			}
		}
		for (j = 0; !done && nat != NULL && j < nat->nprogrammes; j++) {
			const struct programme *pr = &nat->programmes[j];
			if (strcmp(pr->id, key) == 0 && lesson_from_line(l, v,
			    pr->name, pr->by, level) == 0) {
				l->programme = xstrdup(pr->id);
				done = 1;
			}
		}
		if (!done && lesson_from_line(l, v, NULL, NULL, level) == -1) {
			l->name = xstrdup(v);	/* not "LABEL: ...": as is */
			l->groups = xstrdup("");
		}
	}
	fd->doc.lessons = fd->lessons;
	fd->doc.nlessons = fd->nlessons;
}

struct document *
revdoc_document(const struct revdoc *r, const struct document *cur,
    const struct library *lib, const struct national *nat)
{
	struct frozen_document *fd = xcalloc(1, sizeof(*fd));
	struct document *d = &fd->doc;

	d->school = cur->school;
	d->outline_path = cur->outline_path;
	fill_channels(fd, r, cur, nat);
	fill_lessons(fd, r, cur, nat);
	fill_body(fd, r, lib);
	fill_meta(fd, r, cur);
	d->schoolgids = schoolgids_build(d);
	return d;
}

void
revdoc_document_free(struct document *d)
{
	struct frozen_document *fd = (struct frozen_document *)d;
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < fd->nbodies; i++)
		free(fd->bodies[i]);
	free(fd->bodies);
	free(fd->clauses);
	for (i = 0; i < fd->nchannels; i++) {
		free(fd->channels[i].kind);
		free(fd->channels[i].name);
		free(fd->channels[i].url);
	}
	free(fd->channels);
	for (i = 0; i < fd->nlessons; i++) {
		free(fd->lessons[i].programme);
		free(fd->lessons[i].name);
		free(fd->lessons[i].by);
		free(fd->lessons[i].groups);
		free(fd->lessons[i].when);
	}
	free(fd->lessons);
	doc_free(d);	/* frees fd: the document is its first member */
}
