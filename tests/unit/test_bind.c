/* Unit tests: placeholder binding (bind.c) on hand-built schools. */
#include "tap.h"

#include "model/model.h"
#include "config/config.h"
#include "base/base.h"
#include "library/library.h"

static struct buf msgs;

static struct var vars[] = {	/* sorted by name, as config_var expects */
	{ .name = "board.name", .value = "de Groeiling" },
	{ .name = "school.name", .value = "obs De <Eik> & *co*" },
	{ .name = "school.website", .value = "https://www.eik.nl/" },
};

static struct board board = { .id = "b", .name = "de Groeiling" };
static struct lesson lessons[] = {
	{ .name = "MediaMasters", .groups = "5-8", .when = "in november" },
	{ .name = "Diploma Veilig Internet", .groups = "6", .by = "Kennisnet" },
};
static struct school school = {
	.id = "eik", .path = "schools/b/eik.lua", .board = &board,
	.level = LEVEL_PO, .vars = vars, .nvars = 3,
	.lessons = lessons, .nlessons = 2,
};

static struct clause *
clause(const char *body)
{
	struct buf b = { 0 };
	struct clause *c;

	buf_printf(&b, "---\nid: a.b\ntitle: T\naudience: alle\n---\n%s", body);
	c = clause_parse("c.md", "a", b.data, b.len);
	buf_free(&b);
	return c;
}

static const struct loc *picked;	/* where the clause was chosen */

/* Bind body for the school; return the CommonMark of the result. */
static char *
bound(const char *body, int *errors)
{
	struct clause *c = clause(body);
	struct bind_ctx ctx = { .school = &school, .picked = picked };
	cmark_node *t;
	char *md;

	if (c == NULL)
		return xstrdup("(parse error)");
	ctx.clause = c;
	t = tree_clone(c->tree);
	bind_tree(t, &ctx);
	md = cmark_render_commonmark(t, CMARK_OPT_DEFAULT, 0);
	*errors = ctx.errors;
	cmark_node_free(t);
	clause_free(c);
	return md;
}

int
main(void)
{
	struct bind_ctx ctx = { .school = &school };
	struct clause *c;
	struct buf b = { 0 };
	char *s;
	int errors;

	diag_capture(&msgs);
	if (text_load("templates/nl.strings") == -1)
		return 2;

	s = bound("{{school.name|cap}} en {{board.name}}.\n", &errors);
	STR_EQ(s, "Obs De \\<Eik\\> & \\*co\\* en de Groeiling.\n",
	    "values are text: Markdown escapes their markup characters");
	INT_EQ(errors, 0, "no errors");
	free(s);

	s = bound("[site](<{{school.website}}>)\n", &errors);
	STR_EQ(s, "[site](https://www.eik.nl/)\n", "a link target placeholder");
	free(s);

	s = bound("Programma's:\n\n{{lessons}}\n", &errors);
	STR_EQ(s, "Programma’s:\n\n  - Groepen 5–8: MediaMasters, in "
	    "november\n  - Groep 6: Diploma Veilig Internet (Kennisnet)\n",
	    "a list placeholder becomes a real list");
	free(s);

	buf_reset(&msgs);
	s = bound("Regel\nen {{school.place}} hier.\n", &errors);
	INT_EQ(errors, 1, "a missing value is an error");
	STR_EQ(buf_str(&msgs), "schools/b/eik.lua: error: clause 'a.b' (c.md:7) "
	    "uses {{school.place}}, which school 'eik' has no value for: set "
	    "place = \"...\" in the school's file, or leave the clause out "
	    "with remove = { \"a.b\" }\n",
	    "... at the school's file, naming clause, line and both fixes");
	free(s);

	/* chosen by the school's add: the fix is in that line */
	{
		static const struct loc add = { "schools/b/eik.lua", 12 };
		picked = &add;
		buf_reset(&msgs);
		s = bound("Zie {{params.pestprotocol}}.\n", &errors);
		STR_EQ(buf_str(&msgs), "schools/b/eik.lua: error: clause 'a.b' "
		    "(c.md:6) uses {{params.pestprotocol}}, which school 'eik' "
		    "has no value for: set params = { pestprotocol = \"...\" } "
		    "in the school's file or its board.lua, or take it out of "
		    "add (line 12)\n", "an added clause: the add line is named");
		free(s);
		picked = NULL;
	}

	c = clause("x\n");
	ctx.clause = c;
	s = bind_string("Afspraken van {{board.name|cap}}", 3, &ctx);
	STR_EQ(s, "Afspraken van De Groeiling", "bind_string with |cap");
	free(s);
	clause_free(c);

	buf_reset(&b);
	lesson_groups_label(&lessons[0], LEVEL_VO, &b);
	STR_EQ(buf_str(&b), "Leerjaren 5–8", "secondary schools have years");

	c = clause("*a* [b](https://x.nl \"t\") `c`\n\n1. een\n2. twee\n");
	{
		cmark_node *copy = tree_clone(c->tree);
		char *m1 = cmark_render_commonmark(c->tree, 0, 0);
		char *m2 = cmark_render_commonmark(copy, 0, 0);
		STR_EQ(m2, m1, "tree_clone copies every node and attribute");
		INT_EQ(node_line(cmark_node_last_child(copy)), 8,
		    "tree_clone keeps source lines");
		free(m1);
		free(m2);
		cmark_node_free(copy);
	}
	clause_free(c);
	buf_free(&b);
	buf_free(&msgs);
	text_free();
	return tap_done();
}
