/* JSON: a small streaming writer, and the protocol.json backend. */
#include <stdio.h>
#include <string.h>

#include "model/model.h"
#include "render/json/json.h"
#include "base/base.h"

void
json_escape(struct buf *out, const char *s)
{
	size_t len = strlen(s), i = 0, n;
	unsigned cp;

	buf_putc(out, '"');
	while (i < len) {
		cp = utf8_decode(s + i, len - i, &n);
		switch (cp) {
		case '"':
			buf_puts(out, "\\\"");
			break;
		case '\\':
			buf_puts(out, "\\\\");
			break;
		case '\b':
			buf_puts(out, "\\b");
			break;
		case '\f':
			buf_puts(out, "\\f");
			break;
		case '\n':
			buf_puts(out, "\\n");
			break;
		case '\r':
			buf_puts(out, "\\r");
			break;
		case '\t':
			buf_puts(out, "\\t");
			break;
		default:
			if (cp < 0x20 || cp == 0x7F || cp == 0x2028 ||
			    cp == 0x2029)
				buf_printf(out, "\\u%04x", cp);
			else if (cp == 0xFFFD && n == 1)
				buf_puts(out, "\xEF\xBF\xBD");	/* bad byte */
			else
				buf_put(out, s + i, n);
			break;
		}
		i += n;
	}
	buf_putc(out, '"');
}

/* Separator, indentation and key of the next member. */
static void
member(struct json *j, const char *key)
{
	int i;

	if (j->depth > 0) {
		buf_puts(j->out, j->members[j->depth] > 0 ? ",\n" : "\n");
		j->members[j->depth]++;
		for (i = 0; i < j->depth; i++)
			buf_puts(j->out, "  ");
	}
	if (key != NULL) {
		json_escape(j->out, key);
		buf_puts(j->out, ": ");
	}
}

void
json_open(struct json *j, const char *key, char bracket)
{
	member(j, key);
	buf_putc(j->out, bracket);
	if (j->depth + 1 < JSON_MAX_DEPTH)
		j->depth++;
	j->members[j->depth] = 0;
}

void
json_close(struct json *j, char bracket)
{
	int i, had = j->members[j->depth];

	if (j->depth > 0)
		j->depth--;
	if (had > 0) {
		buf_putc(j->out, '\n');
		for (i = 0; i < j->depth; i++)
			buf_puts(j->out, "  ");
	}
	buf_putc(j->out, bracket);
	if (j->depth == 0)
		buf_putc(j->out, '\n');
}

void
json_string(struct json *j, const char *key, const char *value)
{
	member(j, key);
	if (value == NULL)
		buf_puts(j->out, "null");
	else
		json_escape(j->out, value);
}

void
json_int(struct json *j, const char *key, long long value)
{
	member(j, key);
	buf_printf(j->out, "%lld", value);
}

void
json_bool(struct json *j, const char *key, int value)
{
	member(j, key);
	buf_puts(j->out, value ? "true" : "false");
}

/* ------------------------------------------------------------------ */

static const char *
kind_name(enum clause_kind k)
{
	static const char *const names[] = { "article", "text", "item",
	    "footnote" };

	return names[k];
}

static void
json_revision(struct json *j, const struct doc_meta *m)
{
	size_t i;

	json_open(j, "revision", '{');
	json_string(j, "version", m->version);
	json_string(j, "status", m->status);
	json_bool(j, "draft", m->draft);
	json_string(j, "scope", m->scope);
	json_string(j, "council", m->council);
	json_string(j, "consented", m->consented);
	json_string(j, "adopted", m->adopted);
	json_string(j, "effective", m->effective);
	json_string(j, "review", m->review);
	json_string(j, "replaces", m->replaces);
	json_open(j, "approvals", '[');
	for (i = 0; i < m->nsteps; i++) {
		json_open(j, NULL, '{');
		json_string(j, "body", m->steps[i].body);
		json_string(j, "act", m->steps[i].act);
		json_string(j, "date", m->steps[i].date);
		json_close(j, '}');
	}
	json_close(j, ']');
	json_string(j, "owner", m->owner);
	json_string(j, "author", m->author);
	json_string(j, "maintainer", m->maintainer);
	json_close(j, '}');
}

static void
json_structure(struct json *j, const struct document *d)
{
	size_t i;

	json_open(j, "sections", '[');
	for (i = 0; i < d->nsections; i++) {
		const struct doc_section *s = &d->sections[i];
		json_open(j, NULL, '{');
		json_string(j, "id", s->id);
		json_string(j, "number", s->number);
		json_string(j, "title", s->title);
		json_bool(j, "appendix", s->appendix);
		json_close(j, '}');
	}
	json_close(j, ']');
	json_open(j, "clauses", '[');
	for (i = 0; i < d->nblocks; i++) {
		const struct doc_block *b = &d->blocks[i];
		json_open(j, NULL, '{');
		json_string(j, "id", b->clause->id);
		json_string(j, "number", b->number[0] ? b->number : NULL);
		json_string(j, "kind", kind_name(b->kind));
		json_string(j, "section", d->sections[b->section].id);
		json_string(j, "title", b->clause->title);
		json_string(j, "audience", b->clause->audience);
		json_close(j, '}');
	}
	json_close(j, ']');
	json_open(j, "footnotes", '[');
	for (i = 0; i < d->nnotes; i++) {
		json_open(j, NULL, '{');
		json_string(j, "id", d->notes[i].clause->id);
		json_int(j, "number", d->notes[i].number);
		json_close(j, '}');
	}
	json_close(j, ']');
}

static void
json_lists(struct json *j, const struct document *d)
{
	size_t i;

	json_open(j, "channels", '[');
	for (i = 0; i < d->nchannels; i++) {
		json_open(j, NULL, '{');
		json_string(j, "kind", d->channels[i].kind);
		json_string(j, "name", d->channels[i].name);
		json_string(j, "type", d->channels[i].type);
		json_string(j, "url", d->channels[i].url);
		json_close(j, '}');
	}
	json_close(j, ']');
	json_open(j, "lessons", '[');
	for (i = 0; i < d->nlessons; i++) {
		json_open(j, NULL, '{');
		json_string(j, "programme", d->lessons[i].programme);
		json_string(j, "name", d->lessons[i].name);
		json_string(j, "by", d->lessons[i].by);
		json_string(j, "groups", d->lessons[i].groups);
		json_string(j, "when", d->lessons[i].when);
		json_close(j, '}');
	}
	json_close(j, ']');
}

int
json_render(const struct document *d, struct buf *out)
{
	const struct doc_meta *m = &d->meta;
	struct json j = { .out = out };

	json_open(&j, NULL, '{');
	json_string(&j, "format", "protocolgen-protocol");
	json_int(&j, "format_version", 1);
	json_open(&j, "school", '{');
	json_string(&j, "id", m->school_id);
	json_string(&j, "name", m->school);
	json_string(&j, "short", m->school_short);
	json_string(&j, "level", m->level_name);
	json_string(&j, "brin", m->brin);
	json_string(&j, "vestiging", m->vestiging);
	json_string(&j, "website", m->website);
	json_string(&j, "protocol_url", m->protocol_url);
	json_open(&j, "board", '{');
	json_string(&j, "id", m->board_id);
	json_string(&j, "name", m->board);
	json_close(&j, '}');
	json_close(&j, '}');
	json_string(&j, "title", m->title);
	json_string(&j, "outline", m->outline);
	json_string(&j, "schoolyear", m->schoolyear);
	json_string(&j, "generated", m->generated);
	json_revision(&j, m);
	json_structure(&j, d);
	json_lists(&j, d);
	json_close(&j, '}');
	return 0;
}
