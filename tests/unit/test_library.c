/* Unit tests: clause files, placeholders syntax, outlines, the library. */
#include "tap.h"
#include "fixture.h"

#include "base/base.h"
#include "config/config.h"
#include "library/library.h"

static struct buf msgs;

static struct clause *
parse(const char *text)
{
	buf_reset(&msgs);
	diag_reset();
	return clause_parse("c.md", "alle", text, strlen(text));
}

static const char *
err(const char *text)
{
	clause_free(parse(text));
	return buf_str(&msgs);
}

#define FM "---\nid: alle.x\ntitle: X\naudience: alle\n---\n"

static void
test_front_matter(void)
{
	struct clause *c;

	c = parse("---\nid: alle.foto  # a comment\ntitle: Foto's\n"
	    "audience: alle ouders\nlevel: po\nsources: 000#A.5 002#4.5\n"
	    "kind: item\nvariant-of: alle.foto\ntags: a b\n---\nTekst.\n");
	OK(c != NULL, "a full front matter parses");
	if (c != NULL) {
		STR_EQ(c->id, "alle.foto", "id, comment stripped");
		STR_EQ(c->title, "Foto's", "title");
		STR_EQ(c->section, "alle", "section from the folder");
		INT_EQ(c->kind, CLAUSE_ITEM, "kind");
		INT_EQ(c->levels, LEVEL_PO, "level");
		INT_EQ(c->nsources, 2, "two sources");
		STR_EQ(c->sources[1].seed, "002", "source seed");
		STR_EQ(c->sources[1].article, "4.5", "source article");
		INT_EQ(c->ntags, 2, "tags");
		INT_EQ(c->body_line, 11, "body starts after the front matter");
		INT_EQ(node_line(cmark_node_first_child(c->tree)), 11,
		    "node lines count the front matter");
	}
	clause_free(c);

	STR_EQ(err("id: x\n"), "c.md:1: error: a clause starts with front "
	    "matter: a '---' line, 'key: value' lines, then '---'\n",
	    "missing front matter");
	STR_EQ(err("---\nid: alle.x\ntitle: X\n"), "c.md:1: error: "
	    "unterminated front matter: no closing '---' line\n",
	    "unterminated front matter");
	STR_EQ(err("---\nid: alle.x\ntitle: X\naudience: alle\ncolour: red\n"
	    "---\nT\n"), "c.md:5: error: unknown front matter key 'colour'\n",
	    "unknown key");
	STR_EQ(err("---\nid: alle.x\nid: alle.y\ntitle: X\naudience: alle\n"
	    "---\nT\n"), "c.md:3: error: front matter key 'id' is given "
	    "twice\n", "duplicate key");
	STR_EQ(err("---\nid: x\ntitle: X\naudience: alle\n---\nT\n"),
	    "c.md:2: error: clause id 'x' must be dotted words of [a-z0-9-], "
	    "like 'alle.foto-toestemming'\n", "id needs a dot");
	STR_EQ(err("---\nid: alle.x\naudience: alle\n---\nT\n"),
	    "c.md:1: error: front matter needs 'title'\n", "title required");
	STR_EQ(err("---\nid: alle.x\ntitle: X\naudience: iedereen\n---\nT\n"),
	    "c.md:4: error: audience 'iedereen' must be one of alle, "
	    "medewerkers, medewerkers-werk, medewerkers-prive, leerlingen, "
	    "ouders\n", "audience values");
	STR_EQ(err("---\nid: alle.x\ntitle: X\naudience: alle\nsources: 0#1\n"
	    "---\nT\n"), "c.md:5: error: source '0#1' must be a seed and an "
	    "article, like '002#4.5'\n", "source syntax");
	STR_EQ(err("---\nid: alle.x\ntitle: X\naudience: alle\nsection: b\n"
	    "---\nT\n"), "c.md:5: error: section 'b' does not match the folder "
	    "'alle' the clause is in\n", "section matches folder");
	STR_EQ(err(FM "\xC3\x28\n"), "c.md:6: error: invalid UTF-8 (byte "
	    "0xC3)\n", "invalid UTF-8, with its line");
	STR_EQ(err(FM "\n   \n"), "c.md:6: error: the clause has no text\n",
	    "empty body");
	c = parse("\xEF\xBB\xBF---\r\nid: alle.x\r\ntitle: X\r\naudience: alle"
	    "\r\n---\r\nTekst\r\n");
	OK(c != NULL && strcmp(c->body, "Tekst\n") == 0,
	    "byte-order mark and CRLF are accepted");
	clause_free(c);
}

static void
test_body(void)
{
	struct clause *c;

	STR_EQ(err(FM "Tekst <script>alert(1)</script>\n"), "c.md:6: error: "
	    "raw HTML is not allowed in a clause\n", "inline HTML refused");
	STR_EQ(err(FM "<div>\nx\n</div>\n"), "c.md:6: error: raw HTML is not "
	    "allowed in a clause\n", "HTML block refused");
	STR_EQ(err(FM "Tekst\n\n## Kop\n"), "c.md:8: error: headings are not "
	    "allowed in a clause: sections and their titles come from the "
	    "outline\n", "heading refused, with its line");
	STR_EQ(err(FM "![x](https://x.nl/a.png)\n"), "c.md:6: error: images "
	    "are not allowed in a clause\n", "images refused");
	STR_EQ(err(FM "[x](javascript:alert(1))\n"), "c.md:6: error: link "
	    "target 'javascript:alert(1)' is not an http, https, mailto or tel "
	    "URL\n", "javascript: links refused");
	STR_EQ(err(FM "Bel [ons](tel:0900%20111)\n"), "c.md:6: error: link "
	    "target 'tel:0900%20111' is not an http, https, mailto or tel "
	    "URL\n", "tel: links are digits only");
	STR_EQ(err(FM "Regel een\nregel {{scool.name}}\n"), "c.md:7: error: "
	    "unknown placeholder '{{scool.name}}'\n", "unknown placeholder, "
	    "on its own line");
	STR_EQ(err(FM "Tekst {{ school.name\n"), "c.md:6: error: malformed "
	    "placeholder: write {{name}} with a name of [a-z0-9._-]\n",
	    "unterminated placeholder");
	STR_EQ(err(FM "Wij gebruiken {{channels}}.\n"), "c.md:6: error: "
	    "{{channels}} is a list and must stand alone in its paragraph\n",
	    "list placeholder inside a sentence");
	STR_EQ(err(FM "```\ncode\n```\n"), "c.md:6: error: code_block is not "
	    "allowed in a clause\n", "code blocks refused");

	c = parse(FM "Zie [](#sancties) en [^voetnoot.a].\n");
	OK(c != NULL && c->dynamic, "references make a clause dynamic");
	clause_free(c);
	c = parse(FM "Gewone tekst met [haken] en *nadruk*.\n");
	OK(c != NULL && !c->dynamic, "plain text is shared, not copied");
	if (c != NULL) {
		cmark_node *p = cmark_node_first_child(c->tree);
		STR_EQ(cmark_node_get_literal(cmark_node_first_child(p)),
		    "Gewone tekst met [haken] en ", "adjacent text merged");
	}
	clause_free(c);
	c = parse(FM "Tekst[^voetnoot.a] en meer.\n");
	OK(c != NULL, "footnote reference parses");
	if (c != NULL) {
		cmark_node *p = cmark_node_first_child(c->tree);
		cmark_node *ref = cmark_node_next(cmark_node_first_child(p));
		OK(ref && cmark_node_get_type(ref) == CMARK_NODE_CUSTOM_INLINE,
		    "footnote reference becomes a node");
		STR_EQ(ref ? cmark_node_get_on_enter(ref) : NULL,
		    "[^voetnoot.a]", "footnote node keeps the id");
	}
	clause_free(c);
}

static void
test_placeholder_syntax(void)
{
	struct placeholder ph;
	size_t pos = 0;

	INT_EQ(placeholder_next("a {{ school.name|cap }} b", &pos, &ph), 1,
	    "spaces and a filter");
	STR_EQ(ph.name, "school.name", "name");
	INT_EQ(ph.cap, 1, "cap filter");
	INT_EQ(ph.start, 2, "span start");
	INT_EQ(ph.end, 23, "span end");
	INT_EQ(placeholder_next("a {{ school.name|cap }} b", &pos, &ph), 0,
	    "no more");
	pos = 0;
	INT_EQ(placeholder_next("{{School}}", &pos, &ph), -1,
	    "capitals are malformed");
	pos = 0;
	INT_EQ(placeholder_next("{{a.}}", &pos, &ph), -1, "trailing dot");
	OK(placeholder_known("role.leraar"), "role.* known");
	OK(placeholder_known("params.x"), "params.* known");
	OK(!placeholder_known("params."), "params. needs a name");
	OK(placeholder_is_list("lessons"), "lessons is a list");
}

static void
test_conditions(void)
{
	struct placeholder ph, c[4];
	size_t pos = 0, n, at;

	INT_EQ(placeholder_next("{{?revision.status=ter-instemming}} x", &pos,
	    &ph), 1, "condition: parsed");
	OK(ph.cond == '?' && strcmp(ph.name, "revision.status") == 0 &&
	    strcmp(ph.value, "ter-instemming") == 0, "condition: name, value");
	pos = 0;
	INT_EQ(placeholder_next("{{!schoolyear}}", &pos, &ph), 1,
	    "condition: negated");
	OK(ph.cond == '!' && ph.value[0] == '\0', "condition: no value");
	pos = 0;
	INT_EQ(placeholder_next("{{?schoolyear|cap}}", &pos, &ph), -1,
	    "condition: no filter");
	pos = 0;
	INT_EQ(placeholder_next("{{?schoolyear=}}", &pos, &ph), -1,
	    "condition: an empty value is malformed");
	pos = 0;
	INT_EQ(placeholder_next("{{school.name=x}}", &pos, &ph), -1,
	    "a plain placeholder takes no value");
	at = placeholder_conds("{{?a.b}} {{!c=d}}  Tekst {{?e}}", c, 4, &n);
	INT_EQ(n, 2, "conditions opening a text: two");
	INT_EQ(at, 19, "conditions: the text starts after them");
	at = placeholder_conds("Tekst {{?e}}", c, 4, &n);
	OK(n == 0 && at == 0, "conditions: none when the text opens");
	ph.cond = '?';
	ph.value[0] = '\0';
	OK(placeholder_cond_met(&ph, "x") && !placeholder_cond_met(&ph, NULL),
	    "?name: met when it has a value");
	ph.cond = '!';
	OK(!placeholder_cond_met(&ph, "x") && placeholder_cond_met(&ph, NULL),
	    "!name: met when it has none");
	snprintf(ph.value, sizeof(ph.value), "concept");
	OK(placeholder_cond_met(&ph, "vastgesteld") &&
	    placeholder_cond_met(&ph, NULL) &&
	    !placeholder_cond_met(&ph, "concept"), "!name=value");
	ph.cond = '?';
	OK(!placeholder_cond_met(&ph, "vastgesteld") &&
	    !placeholder_cond_met(&ph, NULL) &&
	    placeholder_cond_met(&ph, "concept"), "?name=value");
}

static const char *
outline_err(const char *text)
{
	struct outline *o;

	buf_reset(&msgs);
	diag_reset();
	o = outline_parse("o.outline", "o", text, strlen(text));
	outline_free(o);
	return buf_str(&msgs);
}

static void
test_outlines(void)
{
	struct outline *o;
	const char *t = "# x\ntitle: Protocol\nlevel: po\n\nsection a: Een\n"
	    "  a.een\n  a.twee\nappendix b: Bijlage B\n  b.een\n";

	o = outline_parse("o.outline", "o", t, strlen(t));
	OK(o != NULL, "outline parses");
	if (o != NULL) {
		INT_EQ(o->nsections, 2, "two sections");
		INT_EQ(o->sections[1].appendix, 1, "appendix");
		STR_EQ(o->sections[0].title, "Een", "title");
		INT_EQ(o->sections[0].entries[1].line, 7, "entry line");
	}
	outline_free(o);
	STR_EQ(outline_err("title: P\n  a.een\n"), "o.outline:2: error: clause "
	    "'a.een' before the first section\n", "clause before section");
	STR_EQ(outline_err("title: P\nsection a: A\n  a.een\nsection b: B\n"
	    "  a.een\n"), "o.outline:5: error: clause 'a.een' is already in "
	    "the outline (line 3)\n", "a clause appears once");
	STR_EQ(outline_err("title: P\nsection a: A\nsection a: B\n"),
	    "o.outline:3: error: section 'a' is already defined on line 2\n",
	    "duplicate section");
	STR_EQ(outline_err("title: P\nchapter a: A\n"), "o.outline:2: error: "
	    "expected 'title:', 'level:', 'description:', 'section id: "
	    "Title', 'appendix id: Title' or an indented clause id\n",
	    "unknown line");
}

static void
test_library_load(void)
{
	struct library lib;
	char *root;

	fx_dir();
	free(fx_write("clauses/a/een.md", "---\nid: a.een\ntitle: Een\n"
	    "audience: alle\n---\nEen[^n.noot].\n"));
	free(fx_write("clauses/a/dubbel.md", "---\nid: a.een\ntitle: Een\n"
	    "audience: alle\n---\nNog een.\n"));
	free(fx_write("clauses/n/noot.md", "---\nid: n.noot\ntitle: Noot\n"
	    "audience: alle\nkind: footnote\n---\nNoot.\n"));
	free(fx_write("clauses/a/v1.md", "---\nid: a.v1\ntitle: V1\n"
	    "audience: alle\nvariant-of: a.v\n---\nV1.\n"));
	free(fx_write("clauses/a/v2.md", "---\nid: a.v2\ntitle: V2\n"
	    "audience: alle\nvariant-of: a.v\n---\nV2.\n"));
	free(fx_write("clauses/outlines/o.outline", "title: P\nsection a: A\n"
	    "  a.een\n  a.ontbreekt\n  n.noot\n  a.v1\n  a.v2\n"));
	root = xasprintf("%s/clauses", fx_root);
	buf_reset(&msgs);
	diag_reset();
	OK(library_load(&lib, root) > 0, "errors are counted");
	free(root);
	STR_HAS(buf_str(&msgs), "clauses/a/een.md:2: error: duplicate clause "
	    "id 'a.een' (also in ", "duplicate ids across files, with lines");
	STR_HAS(buf_str(&msgs), "clauses/a/dubbel.md:2)\n", "... both lines");
	STR_HAS(buf_str(&msgs), "clauses/outlines/o.outline:4: error: unknown "
	    "clause 'a.ontbreekt'", "outline naming a missing clause");
	STR_HAS(buf_str(&msgs), "o.outline:5: error: 'n.noot' is a footnote: "
	    "footnotes are placed where they are referenced",
	    "footnotes are not placed by outlines");
	STR_HAS(buf_str(&msgs), "o.outline:7: error: 'a.v1' and 'a.v2' are "
	    "variants of 'a.v': choose one", "conflicting variants");
	OK(library_clause(&lib, "n.noot") != NULL, "lookup by id");
	library_free(&lib);
	fx_cleanup();
}

int
main(void)
{
	diag_capture(&msgs);
	test_front_matter();
	test_body();
	test_placeholder_syntax();
	test_conditions();
	test_outlines();
	test_library_load();
	buf_free(&msgs);
	return tap_done();
}
