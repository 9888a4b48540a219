/* Unit tests: assembly and placeholder binding (outline, add/remove,
 * variants, numbering, footnotes, references, values as text). */
#include "tap.h"
#include "fixture.h"

#include "model/model.h"
#include "config/config.h"
#include "base/base.h"
#include "library/library.h"

static struct buf msgs;
static struct config cfg;
static struct library lib;

/* Load the project in fx_root; return the messages. */
static const char *
load(void)
{
	char *s = xasprintf("%s/schools", fx_root);
	char *c = xasprintf("%s/clauses", fx_root);

	buf_reset(&msgs);
	diag_reset();
	config_load(&cfg, s);
	library_load(&lib, c);
	free(s);
	free(c);
	return buf_str(&msgs);
}

static void
unload(void)
{
	config_free(&cfg);
	library_free(&lib);
}

static char *
dump_of(const char *id)
{
	const struct school *s = config_school(&cfg, id);
	struct document *d;
	struct buf b = { 0 };

	if (s == NULL || (d = doc_assemble(s, &lib)) == NULL)
		return xstrdup("(failed)");
	dump_document(d, &b);
	doc_free(d);
	return buf_detach(&b);
}

static void
test_basic(void)
{
	const struct school *s;
	struct document *d;
	char *dump;

	fx_project("basic");
	STR_EQ(load(), "", "the fixture loads cleanly");
	s = config_school(&cfg, "de-eik");
	d = s ? doc_assemble(s, &lib) : NULL;
	OK(d != NULL, "de-eik assembles");
	if (d == NULL)
		return;
	INT_EQ(d->nsections, 3, "three sections");
	STR_EQ(d->sections[2].title, "Afspraken met leerkracht en leerlingen",
	    "placeholders in section titles");
	STR_EQ(doc_block_by_id(d, "regels.melden")->number, "2.3",
	    "articles numbered per section");
	OK(doc_block_by_id(d, "regels.foto") == NULL &&
	    doc_block_by_id(d, "regels.foto-16") != NULL,
	    "an added variant replaces its sibling");
	INT_EQ(d->nnotes, 1, "a footnote referenced twice appears once");
	OK(!doc_block_by_id(d, "afspraken.pesten")->owned ? 0 : 1,
	    "blocks with placeholders are bound copies");
	OK(!doc_block_by_id(d, "afspraken.telefoon")->owned,
	    "static blocks share the library's tree");
	STR_EQ(d->meta.council, "MR", "council");
	STR_EQ(d->meta.adopted, "2025-06-16", "adoption date");
	OK(!d->meta.draft, "vastgesteld is not a draft");
	doc_free(d);

	dump = dump_of("de-eik");
	STR_HAS(dump, "text \"Obs De Eik vindt het belangrijk", "|cap filter");
	STR_HAS(dump, "link <#regels.foto-16>\n        text \"artikel 2.2\"",
	    "a reference follows the chosen variant and gets its label");
	STR_HAS(dump, "text \"Groepen 7–8: Online veiligheid (Halt)\"",
	    "lessons expand into a list with group labels");
	STR_HAS(dump, "link <https://instagram.com/deeik>\n            text "
	    "\"instagram.com/deeik\"", "channels expand with links");
	STR_HAS(dump, "text \"Er wordt niet gepest (zie het Pestprotocol De "
	    "Eik).\"", "params");
	STR_HAS(dump, "custom_inline [^1]", "footnote numbered");
	free(dump);

	dump = dump_of("de-linde");
	STR_HAS(dump, "document de-linde \"Protocol sociale media\" version 0.9 "
	    "concept (draft)", "a concept is a draft");
	OK(strstr(dump, "afspraken.delen") == NULL, "remove drops a clause");
	STR_HAS(dump, "text \"Klasbord\"", "channels from the board");
	STR_HAS(dump, "text \"Groepen 5–6: Diploma Veilig Internet\"",
	    "a lesson without 'when'");
	free(dump);
	unload();
	fx_cleanup();
}

/* Replace the text of a school file in the fixture copy. */
static void
school_file(const char *id, const char *text)
{
	char *rel = xasprintf("schools/vb/%s.lua", id);

	free(fx_write(rel, text));
	free(rel);
}

static const char *rev =
"  lessons = { { programme = 'dvi', groups = '6' } },\n"
"  revision = { version = '1.0', status = 'concept' },\n";

static const char *
assemble_msgs(const char *school_lua)
{
	const struct school *s;
	struct document *d;

	fx_project("basic");
	school_file("x", school_lua);
	load();
	buf_reset(&msgs);
	diag_reset();
	if ((s = config_school(&cfg, "x")) != NULL) {
		d = doc_assemble(s, &lib);
		doc_free(d);
	}
	unload();
	{
		const char *m = fx_rel(buf_str(&msgs));
		fx_cleanup();
		return m;
	}
}

static void
test_errors(void)
{
	char *t;

	t = xasprintf("school {\n  name = 'X',\n  remove = { 'regels.nee' },\n"
	    "%s}\n", rev);
	STR_EQ(assemble_msgs(t), "T/schools/vb/x.lua:3: error: unknown clause "
	    "'regels.nee' is not in outline 'basis'\n", "remove: unknown id");
	free(t);
	t = xasprintf("school {\n  name = 'X',\n  add = { 'regels.melden' },\n"
	    "%s}\n", rev);
	STR_EQ(assemble_msgs(t), "T/schools/vb/x.lua:3: error: clause "
	    "'regels.melden' is already in the protocol\n", "add: twice");
	free(t);
	t = xasprintf("school {\n  name = 'X',\n  outline = 'geen',\n%s}\n", rev);
	STR_EQ(assemble_msgs(t), "T/schools/vb/x.lua:3: error: unknown outline "
	    "'geen' (the library has: basis)\n", "unknown outline");
	free(t);
	t = xasprintf("school {\n  name = 'X',\n  add = { { id = 'regels.foto-16',"
	    " after = 'x.y' } },\n%s}\n", rev);
	STR_EQ(assemble_msgs(t), "T/schools/vb/x.lua:3: error: cannot place "
	    "'regels.foto-16' after 'x.y': that clause is not in the "
	    "protocol\n", "add after a missing clause");
	free(t);
	/* no params: the placeholder has no value */
	t = xasprintf("school {\n  name = 'X',\n%s}\n", rev);
	STR_EQ(assemble_msgs(t), "T/schools/vb/x.lua:1: error: clause "
	    "'afspraken.pesten' (T/clauses/afspraken/pesten.md:9) uses "
	    "{{params.pestprotocol}}, which school 'x' has no value for: set "
	    "params = { pestprotocol = \"...\" } in the school's file or its "
	    "board.lua, or leave the clause out with remove = { "
	    "\"afspraken.pesten\" }\n", "a placeholder without a value is "
	    "reported at the school's file, with the fix");
	free(t);
	t = xasprintf("school {\n  name = 'X', channels = {},\n  params = { "
	    "pestprotocol = 'P' },\n%s}\n", rev);
	STR_EQ(assemble_msgs(t), "T/clauses/intro/middelen.md:10: error: "
	    "{{channels}}: school 'x' has no channels (T/schools/vb/x.lua)\n",
	    "an empty list placeholder");
	free(t);
}

static void
test_values_are_text(void)
{
	char *dump;

	fx_project("basic");
	school_file("x", "school {\n  name = '<b>X</b> & *Y* {{board.name}}',\n"
	    "  lessons = { { programme = 'dvi', groups = '6' } },\n"
	    "  params = { pestprotocol = '[evil](javascript:alert(1))' },\n"
	    "  revision = { version = '1.0', status = 'concept' },\n}\n");
	load();
	dump = dump_of("x");
	STR_HAS(dump, "text \"<b>X</b> & *Y* {{board.name}} vindt het "
	    "belangrijk", "markup and braces in a value stay literal text");
	STR_HAS(dump, "text \"Er wordt niet gepest (zie het "
	    "[evil](javascript:alert(1))).\"", "a value never becomes a link");
	free(dump);
	unload();
	fx_cleanup();
}

int
main(void)
{
	diag_capture(&msgs);
	if (text_load("templates/nl.strings") == -1)
		return 2;
	test_basic();
	test_errors();
	test_values_are_text();
	text_free();
	buf_free(&msgs);
	return tap_done();
}
