/* Temporary fixture folders for the C unit tests. */
#ifndef FIXTURE_H
#define FIXTURE_H

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/base.h"

static char fx_root[256];

/* A fresh temporary folder; its path is returned and kept in fx_root. */
static __attribute__((unused)) const char *
fx_dir(void)
{
	snprintf(fx_root, sizeof(fx_root), "/tmp/protocolgen-test-XXXXXX");
	if (mkdtemp(fx_root) == NULL) {
		perror("mkdtemp");
		exit(2);
	}
	return fx_root;
}

/* Write text to root/rel (folders made as needed); return the path. */
static __attribute__((unused)) char *
fx_write(const char *rel, const char *text)
{
	char *path = xasprintf("%s/%s", fx_root, rel);

	if (file_write_atomic(path, text, strlen(text), 0) == -1) {
		perror(path);
		exit(2);
	}
	return path;
}

static __attribute__((unused)) void
fx_cleanup(void)
{
	char *cmd = xasprintf("rm -rf '%s'", fx_root);

	if (system(cmd) != 0)
		fprintf(stderr, "# could not remove %s\n", fx_root);
	free(cmd);
}



/* Copy the fixture project tests/fixtures/NAME into a fresh fx_root. */
static __attribute__((unused)) const char *
fx_project(const char *name)
{
	char *cmd;

	fx_dir();
	cmd = xasprintf("cp -r tests/fixtures/%s/. '%s'", name, fx_root);
	if (system(cmd) != 0) {
		fprintf(stderr, "cannot copy fixture %s\n", name);
		exit(2);
	}
	free(cmd);
	return fx_root;
}
/* Text with the fixture folder replaced by "T" (stable messages). */
static __attribute__((unused)) const char *
fx_rel(const char *m)
{
	static struct buf b;
	size_t n = strlen(fx_root);
	const char *p;

	buf_reset(&b);
	buf_puts(&b, "");
	while (n > 0 && (p = strstr(m, fx_root)) != NULL) {
		buf_put(&b, m, (size_t)(p - m));
		buf_puts(&b, "T");
		m = p + n;
	}
	buf_puts(&b, m);
	return buf_str(&b);
}

#endif
