/* Unit tests: the checks on assembled documents of the checks fixture. */
#include "tap.h"
#include "fixture.h"

#include "check/check.h"
#include "config/config.h"
#include "base/base.h"
#include "model/model.h"
#include "library/library.h"

static struct buf msgs;
static struct config cfg;
static struct library lib;

/* Check one school; return its messages and store the counts. */
static const char *
check(const char *id, struct check_result *r)
{
	const struct school *s = config_school(&cfg, id);
	struct document *d;

	memset(r, 0, sizeof(*r));
	buf_reset(&msgs);
	diag_reset();
	if (s == NULL || (d = doc_assemble(s, &lib)) == NULL)
		return "(no document)";
	check_document(d, &cfg, r);
	doc_free(d);
	return fx_rel(buf_str(&msgs));
}

int
main(void)
{
	struct check_result r;
	char *p;

	diag_capture(&msgs);
	setenv("SOURCE_DATE_EPOCH", "1763683200", 1);	/* 2025-11-21 */
	if (text_load("templates/nl.strings") == -1)
		return 2;
	fx_project("checks");
	p = xasprintf("%s/schools", fx_root);
	config_load(&cfg, p);
	free(p);
	p = xasprintf("%s/clauses", fx_root);
	library_load(&lib, p);
	free(p);

	STR_EQ(check("schoon", &r), "", "a clean school has no findings");
	INT_EQ(r.errors + r.warnings, 0, "... and counts none");
	check("placeholder", &r);
	INT_EQ(r.errors, 2, "placeholder: two errors counted");
	STR_HAS(check("andere-naam", &r), "'de Groeiling' is the name of board "
	    "'groeiling'", "another board's name");
	STR_EQ(check("de-bron", &r), "", "a board's own name is fine");
	check("dubbel", &r);
	INT_EQ(r.errors, 2, "a repeated paragraph and a repeated section");
	check("termen", &r);
	INT_EQ(r.errors, 3, "three outdated terms that now mean something "
	    "else are errors (Hyves, Bureau Halt, wet op de privacy)");
	INT_EQ(r.warnings, 2, "two that are only old names are warnings "
	    "(Media Masters, Twitter)");
	STR_HAS(check("telefoon", &r), "malformed phone number '0900 - 1113 "
	    "1111'", "a phone number with 12 digits");
	OK(strstr(buf_str(&msgs), "030 123") == NULL, "a 10-digit number passes");
	check("leeftijd", &r);
	INT_EQ(r.errors, 1, "'ouder dan 16' is an error; 'jonger dan 16' not");
	check("volgorde", &r);
	INT_EQ(r.errors, 4, "approval chronology errors");
	check("rollen-vo", &r);
	INT_EQ(r.warnings, 2, "primary wording in a secondary school");
	check("tegenstrijdig", &r);
	INT_EQ(r.warnings, 2, "contradiction and impossible group");

	config_free(&cfg);
	library_free(&lib);
	check_cleanup();
	fx_cleanup();
	text_free();
	buf_free(&msgs);
	return tap_done();
}
