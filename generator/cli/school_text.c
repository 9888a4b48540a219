/*
 * The config file of a new school, as `protocolgen new school` and
 * `protocolgen import schools` write it: short, commented in Dutch, with
 * the values known filled in and every other one { pending = "..." }.
 */
#include <stdio.h>

#include "base/base.h"
#include "cli/cli.h"

/* s as a Lua string literal. */
static void
lua_string(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; *s != '\0'; s++)
		if (*s == '"' || *s == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, *s);
		} else if ((unsigned char)*s < 0x20 || *s == 0x7F)
			buf_printf(b, "\\%03d", (unsigned char)*s);
		else
			buf_putc(b, *s);
	buf_putc(b, '"');
}

void
cli_school_text(struct buf *b, const struct school_seed *s)
{
	buf_printf(b,
"-- School '%s' van bestuur '%s': haar protocol sociale media.\n", s->id,
	    s->board);
	if (s->source != NULL)
		buf_printf(b,
"-- Gemaakt met `protocolgen import schools` uit %s (regel %d);\n"
"-- uitleg: docs/FORMATS.md.\n", s->source, s->line);
	else
		buf_puts(b,
"-- Gemaakt met `protocolgen new school`; uitleg: docs/FORMATS.md.\n");
	buf_puts(b,
"-- Waarden met { pending = \"...\" } zijn nog niet bekend: het concept drukt\n"
"-- \"[nog in te vullen: ...]\" af en `protocolgen check` meldt ze.  Vul ze in\n"
"-- voordat het protocol naar de MR gaat.\n"
"school {\n");
	if (s->name != NULL) {
		buf_puts(b, "  name = ");
		lua_string(b, s->name);
		buf_puts(b, ",\n");
	} else
		buf_printf(b,
"  -- De naam zoals het protocol haar noemt, bijvoorbeeld \"%s\".\n"
"  name = { pending = \"naam van de school\" },\n", s->vo ? "Het Baken" :
		    "Basisschool De Linde");
	if (s->place != NULL) {
		buf_puts(b, "  place = ");
		lua_string(b, s->place);
		buf_puts(b, ",\n");
	}
	if (s->brin != NULL) {
		buf_puts(b, "  -- De BRIN-code van DUO");
		buf_puts(b, s->vestiging != NULL ? " en het vestigingsnummer.\n" :
		    ".\n");
		buf_puts(b, "  brin = ");
		lua_string(b, s->brin);
		if (s->vestiging != NULL) {
			buf_puts(b, ", vestiging = ");
			lua_string(b, s->vestiging);
		}
		buf_puts(b, ",\n");
	}
	buf_puts(b, "  -- De website, waar ouders het protocol vinden:\n");
	if (s->website != NULL) {
		buf_puts(b, "  website = ");
		lua_string(b, s->website);
		buf_puts(b, ",\n");
	} else
		buf_puts(b, "  -- website = \"https://www.voorbeeld.nl/\",\n");
	buf_puts(b,
"  -- protocol_url = \"https://www.voorbeeld.nl/protocol-sociale-media\",\n"
"\n"
"  -- De kanalen van de school (soorten: products in schools/defaults.lua).\n"
"  channels = {\n"
"    { kind = \"website\", url = ");
	if (s->website != NULL)
		lua_string(b, s->website);
	else
		buf_puts(b, "{ pending = \"adres van de website\" }");
	buf_printf(b, " },\n"
"  },\n"
"\n"
"  -- De lessen over sociale media (programmes in schools/defaults.lua, of\n"
"  -- een eigen: name = \"...\"), met de %s waarin ze worden gegeven.\n"
"  lessons = {\n"
"    { name = { pending = \"naam van het lesprogramma\" },\n"
"      groups = { pending = \"%s\" } },\n"
"  },\n"
"\n"
"  -- Deze versie is een concept.  Na instemming van de MR en vaststelling:\n"
"  -- status = \"vastgesteld\" met de twee stappen en hun datum, dan\n"
"  -- `protocolgen adopt %s` (docs/REVISIONS.md).\n"
"  revision = { version = \"0.1\", status = \"concept\" },\n"
"}\n",
	    s->vo ? "leerjaren (bijvoorbeeld 1-2)" : "groepen (bijvoorbeeld 5-8)",
	    s->vo ? "leerjaren" : "groepen", s->id);
}
