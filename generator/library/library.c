/* The clause library: outlines, loading the library, and lookups. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "config/config.h"
#include "base/base.h"
#include "library/library.h"

/* ------------------------------------------------------------------ */
/* Outlines                                                             */

static void
outline_add_section(struct outline *o, const char *rest, int appendix,
    int line, const char *path, int *errors)
{
	const char *colon = strchr(rest, ':');
	struct outline_section *s;
	char *id;
	size_t i;

	if (colon == NULL) {
		diag_error(path, line, "write '%s id: Title'", appendix ?
		    "appendix" : "section");
		(*errors)++;
		return;
	}
	id = xstrndup(rest, (size_t)(colon - rest));
	while (*id && isspace((unsigned char)id[strlen(id) - 1]))
		id[strlen(id) - 1] = '\0';
	if (!config_valid_id(id)) {
		diag_error(path, line, "section id '%s' must match "
		    "[a-z0-9-]+", id);
		(*errors)++;
		free(id);
		return;
	}
	for (i = 0; i < o->nsections; i++)
		if (strcmp(o->sections[i].id, id) == 0) {
			diag_error(path, line, "section '%s' is already "
			    "defined on line %d", id, o->sections[i].line);
			(*errors)++;
			free(id);
			return;
		}
	colon++;
	while (*colon == ' ' || *colon == '\t')
		colon++;
	if (*colon == '\0') {
		diag_error(path, line, "section '%s' has no title", id);
		(*errors)++;
		free(id);
		return;
	}
	o->sections = xreallocarray(o->sections, o->nsections + 1,
	    sizeof(*o->sections));
	s = &o->sections[o->nsections++];
	memset(s, 0, sizeof(*s));
	s->id = id;
	s->title = xstrdup(colon);
	s->appendix = appendix;
	s->line = line;
}

/* An indented line: a clause of the last section.  Return the errors. */
static int
outline_entry(struct outline *o, const char *id, int line)
{
	struct outline_section *s;

	if (o->nsections == 0) {
		diag_error(o->path, line, "clause '%s' before the first "
		    "section", id);
		return 1;
	}
	if (!clause_valid_id(id)) {
		diag_error(o->path, line, "'%s' is not a clause id", id);
		return 1;
	}
	s = &o->sections[o->nsections - 1];
	ARRAY_RESERVE(s->entries, s->nentries, s->cap);
	s->entries[s->nentries].id = xstrdup(id);
	s->entries[s->nentries].line = line;
	s->entries[s->nentries].clause = NULL;
	s->nentries++;
	return 0;
}

/* "level: po vo"; return the errors. */
static int
outline_levels(struct outline *o, const char *val, int line)
{
	char **w;
	size_t n = library_split_words(val, &w), i;
	int errors = 0;

	o->levels = 0;
	for (i = 0; i < n; i++) {
		if (strcmp(w[i], "po") == 0)
			o->levels |= LEVEL_PO;
		else if (strcmp(w[i], "vo") == 0)
			o->levels |= LEVEL_VO;
		else {
			diag_error(o->path, line, "level '%s' must be po or vo",
			    w[i]);
			errors++;
		}
	}
	library_free_words(w, n);
	return errors;
}

static const char *
after_key(const char *l, size_t keylen)
{
	l += keylen;
	while (*l == ' ')
		l++;
	return l;
}

/*
 * A line that is not indented: a header or a section.  Return the
 * errors; set *skip when the clauses under it are to be skipped.
 */
static int
outline_header(struct outline *o, const char *l, int line, int *skip)
{
	int errors = 0, app;

	*skip = 0;
	if (str_starts(l, "section ") || str_starts(l, "appendix ")) {
		app = str_starts(l, "appendix ");
		outline_add_section(o, l + (app ? 9 : 8), app, line, o->path,
		    &errors);
		*skip = errors > 0;
	} else if (str_starts(l, "title:")) {
		if (o->nsections > 0 || o->title != NULL) {
			diag_error(o->path, line, "'title:' belongs once at the "
			    "top of the outline");
			return 1;
		}
		o->title = xstrdup(after_key(l, 6));
	} else if (str_starts(l, "description:")) {
		free(o->description);
		o->description = xstrdup(after_key(l, 12));
	} else if (str_starts(l, "level:"))
		errors = outline_levels(o, l + 6, line);
	else {
		diag_error(o->path, line, "expected 'title:', 'level:', "
		    "'description:', 'section id: Title', 'appendix id: "
		    "Title' or an indented clause id");
		*skip = 1;
		errors = 1;
	}
	return errors;
}

/* A clause appears once in an outline; return the errors. */
static int
outline_duplicates(const struct outline *o)
{
	const struct outline_entry *e, *f;
	size_t i, j, k, m;
	int errors = 0;

	for (i = 0; i < o->nsections; i++)
		for (j = 0; j < o->sections[i].nentries; j++) {
			e = &o->sections[i].entries[j];
			for (k = 0; k <= i; k++)
				for (m = 0; m < (k == i ? j :
				    o->sections[k].nentries); m++) {
					f = &o->sections[k].entries[m];
					if (strcmp(f->id, e->id) != 0)
						continue;
					diag_error(o->path, e->line, "clause "
					    "'%s' is already in the outline "
					    "(line %d)", e->id, f->line);
					errors++;
				}
		}
	return errors;
}

struct outline *
outline_parse(const char *path, const char *name, const char *text,
    size_t len)
{
	struct outline *o = xcalloc(1, sizeof(*o));
	char *src, *p, *next, *l, *e;
	size_t n;
	int line = 0, errors = 0, skip = 0, indented;

	o->name = xstrdup(name);
	o->path = xstrdup(path);
	o->levels = LEVEL_PO | LEVEL_VO;
	if (len > LIBRARY_MAX_OUTLINE) {
		/* an outline is a list of clause ids: a few KiB */
		diag_error(path, 0, "outline file is %zu bytes; at most %d",
		    len, LIBRARY_MAX_OUTLINE);
		outline_free(o);
		return NULL;
	}
	if ((n = utf8_valid_prefix(text, len)) != len) {
		diag_error(path, line_of_offset(text, n), "invalid UTF-8");
		outline_free(o);
		return NULL;
	}
	src = library_normalise_newlines(text, len, &n);
	for (p = src; p != NULL && *p != '\0'; p = next) {
		line++;
		if ((next = strchr(p, '\n')) != NULL)
			*next++ = '\0';
		if ((e = strchr(p, '#')) != NULL)
			*e = '\0';
		indented = *p == ' ' || *p == '\t';
		for (l = p; isspace((unsigned char)*l); l++)
			;
		for (e = l + strlen(l); e > l && isspace((unsigned char)e[-1]);)
			*--e = '\0';
		if (*l == '\0' || (indented && skip))
			continue;	/* blank, or under a line reported */
		if (indented)
			errors += outline_entry(o, l, line);
		else
			errors += outline_header(o, l, line, &skip);
	}
	free(src);
	if (o->title == NULL && errors == 0) {
		diag_error(path, 1, "outline needs a 'title:' line");
		errors++;
	}
	if (errors + outline_duplicates(o) > 0) {
		outline_free(o);
		return NULL;
	}
	return o;
}

void
outline_free(struct outline *o)
{
	size_t i, j;

	if (o == NULL)
		return;
	for (i = 0; i < o->nsections; i++) {
		for (j = 0; j < o->sections[i].nentries; j++)
			free(o->sections[i].entries[j].id);
		free(o->sections[i].entries);
		free(o->sections[i].id);
		free(o->sections[i].title);
	}
	free(o->sections);
	free(o->name);
	free(o->path);
	free(o->title);
	free(o->description);
	free(o);
}

/* ------------------------------------------------------------------ */
/* The library                                                          */

static int
clause_cmp(const void *a, const void *b)
{
	return strcmp((*(struct clause *const *)a)->id,
	    (*(struct clause *const *)b)->id);
}

static int
outline_cmp(const void *a, const void *b)
{
	return strcmp((*(struct outline *const *)a)->name,
	    (*(struct outline *const *)b)->name);
}

/*
 * A file where the library does not read it: an error when the library or
 * a config would read it elsewhere (it would vanish from the protocols), a
 * warning for anything else.  holds: what the folder holds instead.
 */
static void
stray_file(const char *path, const char *name, const char *holds)
{
	if (str_ends(name, ".md"))
		diag_error(path, 0, "a clause file outside a section folder is "
		    "not read: move it into clauses/<section>/");
	else if (str_ends(name, ".outline"))
		diag_error(path, 0, "an outline outside clauses/outlines/ is "
		    "not read: move it there");
	else if (str_ends(name, ".lua"))
		diag_error(path, 0, "a config in the clause library is not "
		    "read: school configs belong in schools/<board>/");
	else
		diag_warn(path, 0, "not read: %s", holds);
}

/*
 * The entries of folder dir (outlines/ or a section), after reporting an
 * unreadable or empty one; NULL when there is nothing to read.
 */
static struct dir_entry *
library_dir(const char *dir, const char *what, const char *ext, size_t *n)
{
	struct dir_entry *v;

	if ((v = dir_list(dir, n)) == NULL) {
		diag_error(dir, 0, "cannot read folder: %s", strerror(errno));
		return NULL;
	}
	if (*n == 0) {
		diag_warn(dir, 0, "an empty %s: add files <name>%s, or remove "
		    "it", what, ext);
		dir_list_free(v, *n);
		return NULL;
	}
	return v;
}

static void
load_outline(struct library *lib, const char *path, char *name)
{
	struct buf b = { 0 };
	struct outline *o;

	name[strlen(name) - 8] = '\0';
	if (!config_valid_id(name))
		diag_error(path, 0, "outline name '%s' must match "
		    "[a-z0-9-]+%s", name, nonascii_hint(name));
	else if (input_read(path, "an outline", &b) == 0 &&
	    (o = outline_parse(path, name, buf_str(&b), b.len)) != NULL) {
		lib->outlines = xreallocarray(lib->outlines,
		    lib->noutlines + 1, sizeof(*lib->outlines));
		lib->outlines[lib->noutlines++] = o;
	}
	buf_free(&b);
}

static void
load_outlines(struct library *lib, const char *dir)
{
	struct dir_entry *v;
	size_t n, i;

	if ((v = library_dir(dir, "outlines folder", ".outline", &n)) == NULL)
		return;
	for (i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, v[i].name);
		if (str_ends(v[i].name, ".outline"))
			load_outline(lib, path, v[i].name);
		else if (v[i].type == ENT_DIR)
			diag_error(path, 0, "outline folders do not nest: put "
			    "outlines in %s", dir);
		else
			stray_file(path, v[i].name, "the outlines folder holds "
			    "only outlines (<name>.outline)");
		free(path);
	}
	dir_list_free(v, n);
}

static void
load_section(struct library *lib, const char *dir, const char *section,
    size_t *cap)
{
	struct buf b = { 0 };
	struct dir_entry *v;
	size_t n, i;

	if ((v = library_dir(dir, "section folder", ".md", &n)) == NULL)
		return;
	for (i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, v[i].name);
		struct clause *c;
		if (str_ends(v[i].name, ".md")) {
			if (input_read(path, "a clause file", &b) == 0 &&
			    (c = clause_parse(path, section, buf_str(&b),
			    b.len)) != NULL) {
				ARRAY_RESERVE(lib->clauses, lib->nclauses,
				    *cap);
				lib->clauses[lib->nclauses++] = c;
			}
		} else if (v[i].type == ENT_DIR)
			diag_error(path, 0, "clause folders do not nest: put "
			    "clauses in %s", dir);
		else if (str_ends(v[i].name, ".outline") ||
		    str_ends(v[i].name, ".lua"))
			stray_file(path, v[i].name, "");
		else
			diag_warn(path, 0, "not read: a section folder holds "
			    "only clause files (<name>.md); rename it if it is "
			    "one");
		free(path);
	}
	dir_list_free(v, n);
	buf_free(&b);
}

/* Files of clauses/ itself: read by `check`, or kept beside the library. */
static const char *const library_files[][2] = {
	{ "woorden.txt", "the word list" },
	{ "CORRECTIONS.tsv", "the list of corrections" },
};

/* What name is when it is one of library_files, else NULL. */
static const char *
library_file(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(library_files) / sizeof(library_files[0]); i++)
		if (strcmp(library_files[i][0], name) == 0)
			return library_files[i][1];
	return NULL;
}

/* An entry of clauses/: a section folder, outlines/, or a file. */
static void
load_entry(struct library *lib, const char *path, const struct dir_entry *e,
    size_t *cap)
{
	const char *name = e->name, *what;

	if ((what = library_file(name)) != NULL) {
		if (e->type != ENT_FILE)
			input_refuse(path, what, 0);
	} else if (strcmp(name, "outlines") == 0) {
		if (e->type == ENT_DIR)
			load_outlines(lib, path);
		else
			input_refuse(path, "the outlines folder", 1);
	} else if (e->type == ENT_DIR) {
		if (!config_valid_id(name))
			diag_error(path, 0, "section folder '%s' must match "
			    "[a-z0-9-]+%s", name, nonascii_hint(name));
		else
			load_section(lib, path, name, cap);
	} else if (e->type == ENT_LINK && strchr(name, '.') == NULL)
		input_refuse(path, "a section folder", 1);
	else
		stray_file(path, name, "clauses/ holds section folders, "
		    "outlines/, woorden.txt and CORRECTIONS.tsv");
}

/* Footnote references point at footnote clauses. */
static void
check_footnote_refs(const struct library *lib, const struct clause *c)
{
	cmark_iter *it = cmark_iter_new(c->tree);
	cmark_event_type ev;
	cmark_node *n;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		const struct clause *f;
		n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(n) != CMARK_NODE_CUSTOM_INLINE)
			continue;
		const char *mark = cmark_node_get_on_enter(n);
		char *id = xstrndup(mark + 2, strlen(mark) - 3);
		f = library_clause(lib, id);
		if (f == NULL)
			diag_error(c->path, node_line(n), "footnote '%s' does "
			    "not exist", id);
		else if (f->kind != CLAUSE_FOOTNOTE)
			diag_error(c->path, node_line(n), "'%s' is not a "
			    "footnote (its kind is not 'footnote')", id);
		else if (f == c)
			diag_error(c->path, node_line(n), "a footnote cannot "
			    "refer to itself");
		free(id);
	}
	cmark_iter_free(it);
}

static void
resolve_outline(const struct library *lib, struct outline *o)
{
	const struct clause *c;
	size_t i, j, k, m;

	for (i = 0; i < o->nsections; i++)
		for (j = 0; j < o->sections[i].nentries; j++) {
			struct outline_entry *e = &o->sections[i].entries[j];
			if ((c = library_clause(lib, e->id)) == NULL) {
				char hint[160];
				diag_error(o->path, e->line, "unknown clause "
				    "'%s'%s", e->id, library_clause_hint(lib,
				    e->id, hint, sizeof(hint)));
				continue;
			}
			if (c->kind == CLAUSE_FOOTNOTE) {
				diag_error(o->path, e->line, "'%s' is a "
				    "footnote: footnotes are placed where "
				    "they are referenced", e->id);
				continue;
			}
			if ((c->levels & o->levels) != o->levels)
				diag_error(o->path, e->line, "clause '%s' is "
				    "not written for every level this outline "
				    "serves", e->id);
			e->clause = c;
		}
	/* at most one clause of a variant group */
	for (i = 0; i < o->nsections; i++)
		for (j = 0; j < o->sections[i].nentries; j++) {
			const struct clause *a = o->sections[i].entries[j].clause;
			if (a == NULL || a->variant_of == NULL)
				continue;
			for (k = i; k < o->nsections; k++)
				for (m = k == i ? j + 1 : 0;
				    m < o->sections[k].nentries; m++) {
					const struct clause *b =
					    o->sections[k].entries[m].clause;
					if (b != NULL && b->variant_of != NULL &&
					    strcmp(a->variant_of,
					    b->variant_of) == 0)
						diag_error(o->path,
						    o->sections[k].entries[m].
						    line, "'%s' and '%s' are "
						    "variants of '%s': choose "
						    "one", a->id, b->id,
						    a->variant_of);
				}
		}
}

int
library_load(struct library *lib, const char *root)
{
	struct dir_entry *v;
	size_t n, i, cap = 0;
	int before = diag_count(DIAG_ERROR);

	memset(lib, 0, sizeof(*lib));
	lib->root = xstrdup(root);
	if ((v = dir_list(root, &n)) == NULL) {
		diag_error(root, 0, "cannot read the clause library: %s",
		    strerror(errno));
		return 1;
	}
	for (i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", root, v[i].name);
		load_entry(lib, path, &v[i], &cap);
		free(path);
	}
	dir_list_free(v, n);
	if (lib->nclauses > 1)
		qsort(lib->clauses, lib->nclauses, sizeof(*lib->clauses),
		    clause_cmp);
	for (i = 1; i < lib->nclauses; i++)
		if (strcmp(lib->clauses[i - 1]->id, lib->clauses[i]->id) == 0)
			diag_error(lib->clauses[i]->path,
			    lib->clauses[i]->id_line, "duplicate clause id "
			    "'%s' (also in %s:%d)", lib->clauses[i]->id,
			    lib->clauses[i - 1]->path,
			    lib->clauses[i - 1]->id_line);
	for (i = 0; i < lib->nclauses; i++)
		check_footnote_refs(lib, lib->clauses[i]);
	if (lib->noutlines > 1)
		qsort(lib->outlines, lib->noutlines, sizeof(*lib->outlines),
		    outline_cmp);
	for (i = 0; i < lib->noutlines; i++)
		resolve_outline(lib, lib->outlines[i]);
	return diag_count(DIAG_ERROR) - before;
}

const struct clause *
library_clause(const struct library *lib, const char *id)
{
	size_t lo = 0, hi = lib->nclauses, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(id, lib->clauses[mid]->id);
		if (c == 0)
			return lib->clauses[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const struct outline *
library_outline(const struct library *lib, const char *name)
{
	size_t i;

	for (i = 0; i < lib->noutlines; i++)
		if (strcmp(lib->outlines[i]->name, name) == 0)
			return lib->outlines[i];
	return NULL;
}

void
library_free(struct library *lib)
{
	size_t i;

	for (i = 0; i < lib->nclauses; i++)
		clause_free(lib->clauses[i]);
	free(lib->clauses);
	for (i = 0; i < lib->noutlines; i++)
		outline_free(lib->outlines[i]);
	free(lib->outlines);
	free(lib->root);
	memset(lib, 0, sizeof(*lib));
}

const char *
library_clause_hint(const struct library *lib, const char *id, char *buf,
    size_t size)
{
	struct nearest near;
	size_t i;

	nearest_init(&near, id);
	for (i = 0; i < lib->nclauses; i++)
		nearest_try(&near, lib->clauses[i]->id);
	return nearest_hint(&near, buf, size);
}
