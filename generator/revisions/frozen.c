/* The frozen format of a revision: hashing and rendering (frozen_read.c parses it). */
#include <sys/types.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "base/base.h"
#include "config/config.h"
#include "model/model.h"
#include "render/md/md.h"
#include "revisions/revisions.h"

#define FORMAT_LINE	"format: protocolgen-revision 1\n"
#define HASH_KEY	"hash: sha256:"

const char *const rev_kind_names[] = { "article", "text", "item",
    "footnote" };

/* ------------------------------------------------------------------ */
/* Hashes                                                               */

/* Lower-case hex SHA-256 of data into out (65 bytes). */
static void
sha256_hex(const void *data, size_t len, char out[65])
{
	GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);

	g_checksum_update(c, data, (gssize)len);
	snprintf(out, 65, "%s", g_checksum_get_string(c));
	g_checksum_free(c);
}

/*
 * The span of the "hash:" line in text's front matter: store its offset
 * and length (newline included).  Return 0 when there is none.
 */
static int
find_hash_line(const char *text, size_t len, size_t *at, size_t *n)
{
	size_t off = 0, e;

	while (off < len) {
		const char *nl = memchr(text + off, '\n', len - off);
		e = nl ? (size_t)(nl - text) + 1 : len;
		if (off > 0 && e - off >= 4 && memcmp(text + off, "---\n", 4) == 0)
			return 0;
		if (e - off > strlen(HASH_KEY) &&
		    memcmp(text + off, HASH_KEY, strlen(HASH_KEY)) == 0) {
			*at = off;
			*n = e - off;
			return 1;
		}
		off = e;
	}
	return 0;
}

/* The hash of a frozen text: SHA-256 of every byte but the hash line. */
void
rev_content_hash(const char *text, size_t len, char out[65])
{
	GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
	size_t at, n;

	if (find_hash_line(text, len, &at, &n)) {
		g_checksum_update(c, (const guchar *)text, (gssize)at);
		g_checksum_update(c, (const guchar *)text + at + n,
		    (gssize)(len - at - n));
	} else
		g_checksum_update(c, (const guchar *)text, (gssize)len);
	snprintf(out, 65, "%s", g_checksum_get_string(c));
	g_checksum_free(c);
}

/* ------------------------------------------------------------------ */
/* Rendering                                                            */

static int
strp_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The placeholder names a clause file's text uses, sorted, unique. */
static char **
clause_uses(const struct clause *c, size_t *n)
{
	struct placeholder ph;
	char **v = NULL;
	size_t pos = 0, cap = 0, i, k = 0;
	int r;

	*n = 0;
	while ((r = placeholder_next(c->body, &pos, &ph)) != 0) {
		if (r < 0)
			continue;
		ARRAY_RESERVE(v, *n, cap);
		v[(*n)++] = xstrdup(ph.name);
	}
	if (*n > 1)
		qsort(v, *n, sizeof(*v), strp_cmp);
	for (i = 0; i < *n; i++) {
		if (k > 0 && strcmp(v[k - 1], v[i]) == 0)
			free(v[i]);
		else
			v[k++] = v[i];
	}
	*n = k;
	return v;
}

static void
free_strv(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Append s with line breaks turned into spaces (one line per entry). */
static void
put_text(struct buf *out, const char *s)
{
	for (; *s != '\0'; s++)
		buf_putc(out, *s == '\n' || *s == '\r' ? ' ' : *s);
}

/* "key: value" or "key: name = value", one line. */
static void
put_line(struct buf *out, const char *key, const char *name, const char *value)
{
	buf_printf(out, "%s: ", key);
	if (name != NULL)
		buf_printf(out, "%s = ", name);
	put_text(out, value);
	buf_putc(out, '\n');
}

/* One register line: "clause: ID | KIND | AUDIENCE | TEMPLATE | USES | TITLE". */
static void
register_line(struct buf *out, const struct clause *c, char **uses,
    size_t nuses)
{
	char tpl[65];
	size_t i;

	sha256_hex(c->body, strlen(c->body), tpl);
	tpl[16] = '\0';
	buf_printf(out, "clause: %s | %s | %s | %s | ", c->id,
	    rev_kind_names[c->kind], c->audience, tpl);
	for (i = 0; i < nuses; i++)
		buf_printf(out, "%s%s", i ? " " : "", uses[i]);
	if (nuses == 0)
		buf_putc(out, '-');
	buf_puts(out, " | ");
	put_text(out, c->title);
	buf_putc(out, '\n');
}

/* Add the names of c's placeholders to the set names (sorted later). */
static void
collect_names(struct buf *reg, char ***names, size_t *nnames, size_t *cap,
    const struct clause *c)
{
	size_t n, i;
	char **uses = clause_uses(c, &n);

	register_line(reg, c, uses, n);
	for (i = 0; i < n; i++) {
		ARRAY_RESERVE(*names, *nnames, *cap);
		(*names)[(*nnames)++] = uses[i];
	}
	free(uses);
}

/* "Groep 6: Diploma Veilig Internet (Halt), ieder jaar" */
void
rev_lesson_value(const struct lesson *l, int level, struct buf *b)
{
	lesson_groups_label(l, level, b);
	buf_printf(b, ": %s", l->name);
	if (l->by != NULL)
		buf_printf(b, " (%s)", l->by);
	if (l->when != NULL)
		buf_printf(b, ", %s", l->when);
}

/* The "value:", "channel:" and "lesson:" lines for the names used. */
static void
value_lines(const struct document *d, char **names, size_t n,
    struct buf *out)
{
	struct buf b = { 0 };
	struct var *v;
	size_t i, j;

	for (i = 0; i < n; i++) {
		if (i > 0 && strcmp(names[i - 1], names[i]) == 0)
			continue;
		if (strcmp(names[i], "channels") == 0) {
			for (j = 0; j < d->nchannels; j++) {
				const struct channel *c = &d->channels[j];
				buf_reset(&b);
				buf_puts(&b, c->name);
				if (c->url != NULL)
					buf_printf(&b, " <%s>", c->url);
				put_line(out, "channel", c->kind, buf_str(&b));
			}
		} else if (strcmp(names[i], "lessons") == 0) {
			for (j = 0; j < d->nlessons; j++) {
				const struct lesson *l = &d->lessons[j];
				buf_reset(&b);
				rev_lesson_value(l, d->meta.level, &b);
				put_line(out, "lesson", l->programme ?
				    l->programme : l->name, buf_str(&b));
			}
		} else if (d->school != NULL &&
		    (v = config_var(d->school, names[i])) != NULL)
			put_line(out, "value", names[i], v->value);
	}
	buf_free(&b);
}

/*
 * The revision's rationale for the council, when it has one: "rationale:"
 * and one "clause_rationale: ID = TEXT" per clause, each on one line (the
 * config collapsed their white space).  Nothing at all without them, so
 * older frozen files render as they were.
 */
static void
rationale_lines(const struct document *d, struct buf *out)
{
	const struct revision *rev;
	size_t i;

	if (d->school == NULL)
		return;
	rev = &d->school->rev;
	if (rev->rationale != NULL)
		put_line(out, "rationale", NULL, rev->rationale);
	for (i = 0; i < rev->nnotes; i++)
		put_line(out, "clause_rationale", rev->notes[i].clause,
		    rev->notes[i].text);
}

int
revision_render(const struct document *d, struct buf *out)
{
	struct buf reg = { 0 }, tail = { 0 }, text = { 0 };
	char **names = NULL, hash[65];
	size_t nnames = 0, cap = 0, i, at;

	for (i = 0; i < d->nblocks; i++)
		collect_names(&reg, &names, &nnames, &cap, d->blocks[i].clause);
	for (i = 0; i < d->nnotes; i++)
		collect_names(&reg, &names, &nnames, &cap, d->notes[i].clause);
	if (nnames > 1)
		qsort(names, nnames, sizeof(*names), strp_cmp);
	rationale_lines(d, &tail);
	value_lines(d, names, nnames, &tail);
	buf_put(&tail, buf_str(&reg), reg.len);
	md_render_frozen(d, FORMAT_LINE, buf_str(&tail), &text);
	rev_content_hash(buf_str(&text), text.len, hash);
	/* the hash line goes right after the format line */
	at = 4 + strlen(FORMAT_LINE);
	buf_put(out, text.data, at);
	buf_printf(out, "%s%s\n", HASH_KEY, hash);
	buf_put(out, text.data + at, text.len - at);
	free_strv(names, nnames);
	buf_free(&reg);
	buf_free(&tail);
	buf_free(&text);
	return 0;
}

