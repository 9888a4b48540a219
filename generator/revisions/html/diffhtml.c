/* Redline backend: a redline as one self-contained HTML5 page (out/<id>/diff-A-B.html). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "revisions/html/diffhtml.h"
#include "render/page/page.h"
#include "revisions/revisions.h"
#include "base/base.h"

static const char *const badge_class[] = { "", "badge b-new",
    "badge b-removed", "badge b-changed" };

static xmlNodePtr
badge(xmlNodePtr parent, const char *cls, const char *key)
{
	return h_el_text(parent, "span", cls, tr(key));
}

static void
change_badges(xmlNodePtr parent, const struct rl_clause *c)
{
	static const char *const keys[] = { NULL, "diff.badge.new",
	    "diff.badge.removed", "diff.badge.changed" };

	if (c->moved) {
		badge(parent, "badge b-moved", "diff.badge.moved");
		if (c->change != RL_SAME)
			h_text(parent, " ");
	}
	if (c->change == RL_CHANGED && c->by_config)
		badge(parent, "badge b-config", "diff.badge.config");
	else if (c->change != RL_SAME)
		badge(parent, badge_class[c->change], keys[c->change]);
}

/* "vervallen-ID" for removed clauses, "was-ID" for pointers, else ID. */
static void
anchor(const struct rl_clause *c, int pointer, struct buf *b)
{
	buf_reset(b);
	if (pointer)
		buf_printf(b, "was-%s", c->old->id);
	else if (c->new == NULL)
		buf_printf(b, "vervallen-%s", c->old->id);
	else
		buf_puts(b, c->new->id);
}

static void
label(const struct redline *rl, const struct rl_clause *c, int old,
    struct buf *b)
{
	buf_reset(b);
	if (old && c->old != NULL)
		rl_label(rl->from, c->old, b);
	else if (!old && c->new != NULL)
		rl_label(rl->to, c->new, b);
}

/* ------------------------------------------------------------------ */
/* Marked text                                                          */

/* One span's text, with its styles and link, inside parent. */
static void
span_node(xmlNodePtr parent, const struct mspan *s)
{
	xmlNodePtr cur = parent;

	if (s->brk) {
		h_el(parent, "br", NULL);
		return;
	}
	if (s->note) {
		h_el_text(parent, "sup", "fnref", s->text);
		return;
	}
	if (s->link != NULL)
		cur = h_link(cur, s->link, NULL);
	if (s->style & STYLE_STRONG)
		cur = h_el(cur, "strong", NULL);
	if (s->style & STYLE_EM)
		cur = h_el(cur, "em", NULL);
	if (s->style & STYLE_CODE)
		cur = h_el(cur, "code", NULL);
	h_text(cur, s->text);
}

/* An <ins> or <del> that also says what it is to a screen reader. */
static xmlNodePtr
mark_open(xmlNodePtr parent, enum mark m)
{
	xmlNodePtr el = h_el(parent, m == MARK_INS ? "ins" : "del", NULL);

	h_el_text(el, "span", "visually-hidden", tr(m == MARK_INS ?
	    "diff.sr.ins" : "diff.sr.del"));
	return el;
}

static void
mark_close(xmlNodePtr el)
{
	if (el != NULL)
		h_el_text(el, "span", "visually-hidden", tr("diff.sr.end"));
}

static void
spans(xmlNodePtr parent, const struct mblock *b)
{
	xmlNodePtr m = NULL;
	enum mark open = MARK_SAME;
	size_t i;

	for (i = 0; i < b->nspans; i++) {
		const struct mspan *s = &b->spans[i];
		if (s->mark != open) {
			mark_close(m);
			m = NULL;
			open = (enum mark)s->mark;
			if (open != MARK_SAME)
				m = mark_open(parent, open);
		}
		span_node(m != NULL ? m : parent, s);
	}
	mark_close(m);
}

struct lists {
	xmlNodePtr	 list[16];
	xmlNodePtr	 item[16];
	int		 ordered[16];
	int		 depth;
};

/* The <li> for a list item block at depth d (1-based). */
static xmlNodePtr
list_item(xmlNodePtr body, struct lists *ls, const struct mblock *b)
{
	int d = b->depth < 1 ? 1 : b->depth > 16 ? 16 : b->depth;

	while (ls->depth > d ||
	    (ls->depth == d && ls->ordered[d - 1] != b->ordered))
		ls->depth--;
	while (ls->depth < d) {
		xmlNodePtr in = ls->depth > 0 ? ls->item[ls->depth - 1] : body;
		ls->list[ls->depth] = h_el(in, b->ordered ? "ol" : "ul", NULL);
		ls->ordered[ls->depth] = b->ordered;
		ls->depth++;
	}
	ls->item[d - 1] = h_el(ls->list[d - 1], "li", NULL);
	return ls->item[d - 1];
}

static void
blocks(xmlNodePtr body, const struct mtext *t)
{
	struct lists ls = { .depth = 0 };
	xmlNodePtr to;
	size_t i;

	for (i = 0; i < t->nblocks; i++) {
		const struct mblock *b = &t->blocks[i];
		if (b->nspans == 0)
			continue;
		switch (b->kind) {
		case BLOCK_ITEM:
			to = list_item(body, &ls, b);
			break;
		case BLOCK_MORE:
			to = h_el(ls.depth > 0 ? ls.item[ls.depth - 1] : body,
			    "p", NULL);
			break;
		case BLOCK_QUOTE:
			ls.depth = 0;
			to = h_el(h_el(body, "blockquote", NULL), "p", NULL);
			break;
		default:
			ls.depth = 0;
			to = h_el(body, "p", NULL);
			break;
		}
		spans(to, b);
	}
}

/* ------------------------------------------------------------------ */
/* Clauses                                                              */

static void
cause_note(xmlNodePtr parent, const struct redline *rl,
    const struct rl_clause *c)
{
	struct buf b = { 0 };
	xmlNodePtr p;
	size_t i;

	if (c->ncauses == 0)
		return;
	p = h_el(parent, "p", "cause-note");
	h_text(p, tr(c->by_config ? "diff.cause.only" : "diff.cause.also"));
	h_text(p, " ");
	for (i = 0; i < c->ncauses; i++) {
		if (i > 0)
			h_text(p, "; ");
		buf_reset(&b);
		buf_printf(&b, "#oorzaak-%zu", c->causes[i] + 1);
		h_link(p, buf_str(&b), rl->causes[c->causes[i]].what);
	}
	buf_free(&b);
}

static void
clause_entry(xmlNodePtr parent, const struct redline *rl,
    const struct rl_clause *c)
{
	static const char *const cls[] = { "clause", "clause is-new",
	    "clause is-removed", "clause is-changed" };
	const struct rev_clause *rc = c->new ? c->new : c->old;
	struct buf b = { 0 };
	xmlNodePtr div, head, body;

	div = h_el(parent, "div", c->moved && c->change == RL_SAME ?
	    "clause is-moved" : cls[c->change]);
	anchor(c, 0, &b);
	h_attr(div, "id", buf_str(&b));
	if (*rc->number != '\0' || c->change != RL_SAME || c->moved) {
		head = h_el(div, "p", "clause-head");
		if (*rc->number != '\0' && rc->kind != CLAUSE_FOOTNOTE)
			h_el_text(head, "span", "art-num", rc->number);
		else if (rc->kind == CLAUSE_FOOTNOTE) {
			label(rl, c, c->new == NULL, &b);
			h_el_text(head, "span", "art-num", buf_str(&b));
		}
		change_badges(head, c);
		if (c->moved) {
			h_text(head, " ");
			xmlNodePtr w = h_el(head, "span", "was");
			h_text(w, tr("diff.moved.from"));
			h_text(w, " ");
			anchor(c, 1, &b);
			char *href = xasprintf("#%s", buf_str(&b));
			label(rl, c, 1, &b);
			h_link(w, href, buf_str(&b));
			free(href);
		}
	}
	body = h_el(div, rc->kind == CLAUSE_ITEM ? "ul" : "div",
	    "clause-body");
	blocks(rc->kind == CLAUSE_ITEM ? h_el(body, "li", NULL) : body,
	    &c->text);
	dh_clause_why(div, c);
	cause_note(div, rl, c);
	buf_free(&b);
}

static void
pointer_entry(xmlNodePtr parent, const struct redline *rl,
    const struct rl_clause *c)
{
	struct buf b = { 0 };
	xmlNodePtr p;
	char *href;

	p = h_el(parent, "p", "pointer");
	anchor(c, 1, &b);
	h_attr(p, "id", buf_str(&b));
	badge(p, "badge b-moved", "diff.badge.moved");
	h_text(p, " ");
	label(rl, c, 1, &b);
	h_text(p, tr("diff.pointer.here"));
	h_text(p, " ");
	h_text(p, buf_str(&b));
	h_text(p, " (");
	h_text(p, c->new->title);
	h_text(p, "); ");
	h_text(p, tr("diff.pointer.now"));
	h_text(p, " ");
	href = xasprintf("#%s", c->new->id);
	label(rl, c, 0, &b);
	h_link(p, href, buf_str(&b));
	h_text(p, ".");
	free(href);
	buf_free(&b);
}

static int
unchanged(const struct rl_entry *e)
{
	return e->kind == RL_ENTRY_CLAUSE && e->c->change == RL_SAME &&
	    !e->c->moved;
}

/* A closed <details> for the n unchanged entries e. */
static xmlNodePtr
fold(xmlNodePtr parent, const struct rl_entry *e, size_t n)
{
	struct buf b = { 0 };
	xmlNodePtr d = h_el(parent, "details", "unchanged");
	const struct rev_clause *first = e[0].c->new, *last = e[n - 1].c->new;

	buf_printf(&b, "%zu %s", n, tr(n == 1 ? "diff.unchanged.one" :
	    "diff.unchanged.many"));
	if (*first->number != '\0' && *last->number != '\0') {
		buf_printf(&b, " (%s", first->number);
		if (n > 1)
			buf_printf(&b, "\xE2\x80\x93%s", last->number);
		buf_putc(&b, ')');
	}
	h_el_text(d, "summary", NULL, buf_str(&b));
	buf_free(&b);
	return d;
}

static void
entries(xmlNodePtr parent, const struct redline *rl, const struct rl_entry *e,
    size_t n, int collapse)
{
	size_t i, j;
	xmlNodePtr to;

	for (i = 0; i < n; i = j) {
		j = i + 1;
		to = parent;
		if (collapse && unchanged(&e[i])) {
			while (j < n && unchanged(&e[j]))
				j++;
			to = fold(parent, &e[i], j - i);
		}
		for (size_t k = i; k < j; k++) {
			if (e[k].kind == RL_ENTRY_POINTER)
				pointer_entry(to, rl, e[k].c);
			else
				clause_entry(to, rl, e[k].c);
		}
	}
}

static void
section_block(xmlNodePtr parent, const struct redline *rl,
    const struct rl_section *s, size_t idx, int collapse)
{
	static const char *const keys[] = { NULL, "diff.badge.new",
	    "diff.badge.removed", "diff.badge.changed" };
	const struct rev_section *rs = s->new ? s->new : s->old;
	xmlNodePtr sec, h;
	char id[48];
	size_t i;

	sec = h_el(parent, "section", "diff-section");
	/* the section's own id: references in the text keep working */
	if (s->new != NULL)
		h_attr(sec, "id", s->new->id);
	snprintf(id, sizeof(id), "hoofdstuk-%zu", idx + 1);
	h_attr(sec, "aria-labelledby", id);
	h = h_el(sec, "h3", NULL);
	h_attr(h, "id", id);
	h_el_text(h, "span", "num", rs->number);
	h_text(h, " ");
	for (i = 0; i < s->title.nblocks; i++)
		spans(h, &s->title.blocks[i]);
	if (s->change != RL_SAME) {
		h_text(h, " ");
		badge(h, badge_class[s->change], keys[s->change]);
	}
	entries(sec, rl, s->entries, s->nentries, collapse);
}

static void
notes_block(xmlNodePtr parent, const struct redline *rl, int collapse)
{
	struct rl_entry *e;
	xmlNodePtr sec;
	size_t i;

	if (rl->nnotes == 0)
		return;
	sec = h_el(parent, "section", "diff-section footnotes");
	h_attr(sec, "aria-labelledby", "voetnoten");
	h_attr(h_el_text(sec, "h3", NULL, tr("notes.heading")), "id",
	    "voetnoten");
	e = xcalloc(rl->nnotes, sizeof(*e));
	for (i = 0; i < rl->nnotes; i++) {
		e[i].kind = RL_ENTRY_CLAUSE;
		e[i].c = &rl->notes[i];
	}
	entries(sec, rl, e, rl->nnotes, collapse);
	free(e);
}

/* ------------------------------------------------------------------ */
/* Summary, causes, legend                                              */

static xmlNodePtr
table(xmlNodePtr parent, const char *id, const char *caption,
    const char *const *cols, size_t ncols)
{
	xmlNodePtr wrap, t, row, cap;
	size_t i;

	wrap = h_el(parent, "div", "table-wrap");
	h_attr(wrap, "role", "region");
	h_attr(wrap, "aria-labelledby", id);
	h_attr(wrap, "tabindex", "0");
	t = h_el(wrap, "table", "diff-table");
	cap = h_el_text(t, "caption", NULL, caption);
	h_attr(cap, "id", id);
	row = h_el(h_el(t, "thead", NULL), "tr", NULL);
	for (i = 0; i < ncols; i++)
		h_attr(h_el_text(row, "th", NULL, tr(cols[i])), "scope", "col");
	return h_el(t, "tbody", NULL);
}

/* A cell's column name, which a phone shows before it (diff.css cards). */
static xmlNodePtr
labelled(xmlNodePtr cell, const char *col)
{
	h_attr(cell, "data-label", tr(col));
	return cell;
}

static void
consent_cell(xmlNodePtr row, const struct redline *rl,
    const struct rl_clause *c)
{
	const char *scope = revdoc_meta(c->new ? rl->to : rl->from, "scope");
	int board = scope != NULL && strcmp(scope, "board") == 0;

	labelled(h_el_text(row, "td", NULL, tr(c->consent == CONSENT_STAFF ?
	    (board ? "diff.consent.staff.gmr" : "diff.consent.staff.mr") :
	    (board ? "diff.consent.whole.gmr" : "diff.consent.whole.mr"))),
	    "diff.col.consent");
}

static void
summary_row(xmlNodePtr tbody, const struct redline *rl,
    const struct rl_clause *c)
{
	struct buf b = { 0 };
	xmlNodePtr row, td;
	char *href;

	/* the clause id is for tools, not for the council: out of sight */
	row = h_el(tbody, "tr", NULL);
	h_attr(row, "data-clause", (c->new ? c->new : c->old)->id);
	label(rl, c, 0, &b);
	labelled(h_el_text(row, "td", NULL, c->new ? buf_str(&b) :
	    "\xE2\x80\x94"), "diff.col.now");
	label(rl, c, 1, &b);
	labelled(h_el_text(row, "td", NULL, c->old ? buf_str(&b) :
	    "\xE2\x80\x94"), "diff.col.was");
	td = labelled(h_el(row, "td", NULL), "diff.col.change");
	change_badges(td, c);
	anchor(c, 0, &b);
	href = xasprintf("#%s", buf_str(&b));
	td = h_el(row, "th", NULL);
	h_attr(td, "scope", "row");
	h_link(td, href, (c->new ? c->new : c->old)->title);
	dh_row_why(td, c);
	free(href);
	consent_cell(row, rl, c);
	buf_free(&b);
}


static void
count_item(xmlNodePtr ul, const char *cls, const char *key, size_t n)
{
	xmlNodePtr li;
	char num[32];

	if (n == 0)
		return;
	li = h_el(ul, "li", NULL);
	badge(li, cls, key);
	snprintf(num, sizeof(num), " %zu", n);
	h_text(li, num);
}

static void
summary(xmlNodePtr main, const struct redline *rl)
{
	static const char *const cols[] = { "diff.col.now", "diff.col.was",
	    "diff.col.change", "diff.col.title", "diff.col.consent" };
	const struct rl_counts *k = &rl->count;
	xmlNodePtr sec, ul, tbody = NULL;
	size_t i, j;

	sec = h_el(main, "section", "diff-summary");
	h_attr(sec, "aria-labelledby", "samenvatting");
	h_attr(h_el_text(sec, "h2", NULL, tr("diff.summary")), "id",
	    "samenvatting");
	dh_rationale(sec, rl);
	if (k->added + k->removed + k->changed + k->moved + k->by_config == 0) {
		h_el_text(sec, "p", NULL, tr("diff.nochange"));
		return;
	}
	ul = h_el(sec, "ul", "counts");
	h_attr(ul, "aria-label", tr("diff.counts"));
	count_item(ul, "badge b-new", "diff.badge.new", k->added);
	count_item(ul, "badge b-removed", "diff.badge.removed", k->removed);
	count_item(ul, "badge b-changed", "diff.badge.changed", k->changed);
	count_item(ul, "badge b-moved", "diff.badge.moved", k->moved);
	count_item(ul, "badge b-config", "diff.badge.config", k->by_config);
	for (i = 0; i < rl->nsections; i++)
		for (j = 0; j < rl->sections[i].nentries; j++) {
			const struct rl_entry *e = &rl->sections[i].entries[j];
			if (e->kind != RL_ENTRY_CLAUSE || !rl_listed(e->c))
				continue;
			if (tbody == NULL)
				tbody = table(sec, "tabel-onderdelen",
				    tr("diff.table.clauses"), cols, 5);
			summary_row(tbody, rl, e->c);
		}
	for (i = 0; i < rl->nnotes; i++) {
		if (!rl_listed(&rl->notes[i]))
			continue;
		if (tbody == NULL)
			tbody = table(sec, "tabel-onderdelen",
			    tr("diff.table.clauses"), cols, 5);
		summary_row(tbody, rl, &rl->notes[i]);
	}
}

static void
effect_cell(xmlNodePtr row, const struct redline *rl,
    const struct rl_cause *u)
{
	struct buf b = { 0 };
	xmlNodePtr td = labelled(h_el(row, "td", NULL), "diff.col.effect");
	size_t i;
	char *href;

	if (u->nclauses == 0)
		h_text(td, "\xE2\x80\x94");
	for (i = 0; i < u->nclauses; i++) {
		const struct rl_clause *c = u->clauses[i] < rl->nclauses ?
		    &rl->clauses[u->clauses[i]] :
		    &rl->notes[u->clauses[i] - rl->nclauses];
		if (i > 0)
			h_text(td, ", ");
		href = xasprintf("#%s", c->new->id);
		label(rl, c, 0, &b);
		h_link(td, href, buf_str(&b));
		free(href);
	}
	buf_free(&b);
}

static void
causes(xmlNodePtr main, const struct redline *rl)
{
	static const char *const cols[] = { "diff.col.what", "diff.col.before",
	    "diff.col.after", "diff.col.effect" };
	xmlNodePtr sec, tbody, row, th;
	char id[32];
	size_t i;

	sec = h_el(main, "section", "diff-causes");
	h_attr(sec, "aria-labelledby", "was-wordt");
	h_attr(h_el_text(sec, "h2", NULL, tr("diff.causes")), "id",
	    "was-wordt");
	if (rl->ncauses == 0) {
		h_el_text(sec, "p", NULL, tr("diff.nocauses"));
		return;
	}
	tbody = table(sec, "tabel-was-wordt", tr("diff.table.causes"), cols,
	    4);
	for (i = 0; i < rl->ncauses; i++) {
		const struct rl_cause *u = &rl->causes[i];
		row = h_el(tbody, "tr", NULL);
		snprintf(id, sizeof(id), "oorzaak-%zu", i + 1);
		h_attr(row, "id", id);
		th = h_el_text(row, "th", NULL, u->what);
		h_attr(th, "scope", "row");
		labelled(h_el_text(row, "td", NULL, u->was ? u->was :
		    "\xE2\x80\x94"), "diff.col.before");
		labelled(h_el_text(row, "td", NULL, u->now ? u->now :
		    "\xE2\x80\x94"), "diff.col.after");
		effect_cell(row, rl, u);
	}
}

static void
legend_item(xmlNodePtr dl, const char *desc)
{
	h_el_text(dl, "dd", NULL, tr(desc));
}

static void
legend(xmlNodePtr main, int collapse)
{
	xmlNodePtr sec, dl, dt, m;

	sec = h_el(main, "section", "diff-legend");
	h_attr(sec, "aria-labelledby", "leeswijzer");
	h_attr(h_el_text(sec, "h2", NULL, tr("diff.legend")), "id",
	    "leeswijzer");
	dl = h_el(sec, "dl", NULL);
	dt = h_el(dl, "dt", NULL);
	m = mark_open(dt, MARK_INS);
	h_text(m, tr("diff.legend.example"));
	mark_close(m);
	legend_item(dl, "diff.legend.ins");
	dt = h_el(dl, "dt", NULL);
	m = mark_open(dt, MARK_DEL);
	h_text(m, tr("diff.legend.example"));
	mark_close(m);
	legend_item(dl, "diff.legend.del");
	badge(h_el(dl, "dt", NULL), "badge b-new", "diff.badge.new");
	legend_item(dl, "diff.legend.new");
	badge(h_el(dl, "dt", NULL), "badge b-removed", "diff.badge.removed");
	legend_item(dl, "diff.legend.removed");
	badge(h_el(dl, "dt", NULL), "badge b-changed", "diff.badge.changed");
	legend_item(dl, "diff.legend.changed");
	badge(h_el(dl, "dt", NULL), "badge b-moved", "diff.badge.moved");
	legend_item(dl, "diff.legend.moved");
	badge(h_el(dl, "dt", NULL), "badge b-config", "diff.badge.config");
	legend_item(dl, "diff.legend.config");
	h_el_text(sec, "p", NULL, tr("diff.legend.numbers"));
	if (collapse)
		h_el_text(sec, "p", NULL, tr("diff.legend.collapsed"));
}

/* ------------------------------------------------------------------ */

static void
header(xmlNodePtr slot, const struct redline *rl)
{
	const char *board = revdoc_meta(rl->to, "board");
	const char *school = revdoc_meta(rl->to, "name");
	struct buf b = { 0 };

	if (rl->look != NULL)
		h_logo(slot, rl->look);
	if (board != NULL && school != NULL && strcmp(board, school) != 0)
		h_el_text(slot, "p", "kicker", board);
	buf_printf(&b, "%s: %s", revdoc_meta(rl->to, "title") ?
	    revdoc_meta(rl->to, "title") : "", tr("diff.heading"));
	h_el_text(slot, "h1", NULL, buf_str(&b));
	buf_reset(&b);
	buf_printf(&b, "%s \xC2\xB7 %s ", school ? school : "",
	    tr("diff.from"));
	rl_version(rl->from, &b);
	buf_printf(&b, " %s ", tr("diff.to"));
	rl_version(rl->to, &b);
	if (rl->to->draft)
		buf_printf(&b, ", %s", tr("diff.current"));
	h_el_text(slot, "p", "subtitle", buf_str(&b));
	buf_free(&b);
}

int
diffhtml_render(const struct redline *rl, int collapse, struct buf *out)
{
	struct page *p;
	xmlNodePtr slot, sec;
	struct buf b = { 0 };
	size_t i;

	if ((p = page_new("diff.html")) == NULL)
		return -1;
	if (rl->look != NULL)
		page_accent(p, rl->look);
	if ((slot = page_slot(p, "title")) != NULL) {
		buf_printf(&b, "%s %s \xE2\x86\x92 %s \xE2\x80\x93 %s",
		    tr("diff.title"), rl->from->version, rl->to->version,
		    revdoc_meta(rl->to, "name") ? revdoc_meta(rl->to, "name") :
		    "");
		h_text(slot, buf_str(&b));
	}
	if ((slot = page_slot(p, "header")) != NULL)
		header(slot, rl);
	if ((slot = page_slot(p, "main")) != NULL) {
		summary(slot, rl);
		causes(slot, rl);
		legend(slot, collapse);
		sec = h_el(slot, "section", "diff-text");
		h_attr(sec, "aria-labelledby", "tekst");
		h_attr(h_el_text(sec, "h2", NULL, tr("diff.text")), "id",
		    "tekst");
		for (i = 0; i < rl->nsections; i++)
			section_block(sec, rl, &rl->sections[i], i, collapse);
		notes_block(sec, rl, collapse);
		dh_decision(slot, rl);
	}
	if ((slot = page_slot(p, "footer")) != NULL) {
		buf_reset(&b);
		buf_printf(&b, "%s ", tr("diff.footer"));
		rl_version(rl->from, &b);
		buf_printf(&b, " %s ", tr("diff.to"));
		rl_version(rl->to, &b);
		h_el_text(slot, "p", NULL, buf_str(&b));
	}
	page_serialize(p, out);
	page_free(p);
	buf_free(&b);
	return 0;
}
