/* Fixed Dutch strings of the outputs, read once from templates/nl.strings. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"

struct entry {
	char	*key;
	char	*value;
};

static struct entry *table;
static size_t ntable;
static char *table_path;

static int
entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->key,
	    ((const struct entry *)b)->key);
}

void
text_free(void)
{
	size_t i;

	for (i = 0; i < ntable; i++) {
		free(table[i].key);
		free(table[i].value);
	}
	free(table);
	free(table_path);
	table = NULL;
	table_path = NULL;
	ntable = 0;
}

int
text_load(const char *path)
{
	struct buf b = { 0 };
	char *p, *next, *eq;
	size_t cap = 0, i;
	int line = 0, errors = 0;

	text_free();
	if (file_read(path, &b) == -1) {
		diag_error(path, 0, "cannot read: %s", strerror(errno));
		return -1;
	}
	if (utf8_valid_prefix(buf_str(&b), b.len) != b.len) {
		diag_error(path, 0, "invalid UTF-8");
		buf_free(&b);
		return -1;
	}
	table_path = xstrdup(path);
	for (p = b.data; p != NULL && *p != '\0'; p = next) {
		line++;
		if ((next = strchr(p, '\n')) != NULL)
			*next++ = '\0';
		while (isspace((unsigned char)*p))
			p++;
		if (*p == '\0' || *p == '#')
			continue;
		if ((eq = strstr(p, " = ")) == NULL) {
			diag_error(path, line, "expected 'key = value'");
			errors++;
			continue;
		}
		*eq = '\0';
		ARRAY_RESERVE(table, ntable, cap);
		table[ntable].key = xstrdup(p);
		table[ntable].value = xstrdup(eq + 3);
		ntable++;
	}
	buf_free(&b);
	if (ntable > 1)
		qsort(table, ntable, sizeof(*table), entry_cmp);
	for (i = 1; i < ntable; i++)
		if (strcmp(table[i - 1].key, table[i].key) == 0) {
			diag_error(path, 0, "key '%s' is defined twice",
			    table[i].key);
			errors++;
		}
	return errors ? -1 : 0;
}

const char *
text_path(void)
{
	return table_path ? table_path : "templates/nl.strings";
}

const char *
tr_maybe(const char *key)
{
	struct entry k = { .key = (char *)key }, *e;

	if (ntable == 0)
		return NULL;
	e = bsearch(&k, table, ntable, sizeof(*table), entry_cmp);
	return e ? e->value : NULL;
}

const char *
tr(const char *key)
{
	const char *v = tr_maybe(key);

	if (v == NULL) {
		diag_error(table_path ? table_path : "templates/nl.strings", 0,
		    "missing string '%s'", key);
		exit(1);
	}
	return v;
}

const char *
trx(const char *prefix, const char *suffix)
{
	char key[128];

	snprintf(key, sizeof(key), "%s.%s", prefix, suffix);
	return tr(key);
}
