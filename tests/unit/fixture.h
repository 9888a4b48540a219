/* Temporary fixture folders for the C unit tests. */
#ifndef FIXTURE_H
#define FIXTURE_H

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

static char fx_root[256];

/* A fresh temporary folder; its path is returned and kept in fx_root. */
static const char *
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
static char *
fx_write(const char *rel, const char *text)
{
	char *path = xasprintf("%s/%s", fx_root, rel);

	if (file_write_atomic(path, text, strlen(text), 0) == -1) {
		perror(path);
		exit(2);
	}
	return path;
}

static void
fx_cleanup(void)
{
	char *cmd = xasprintf("rm -rf '%s'", fx_root);

	if (system(cmd) != 0)
		fprintf(stderr, "# could not remove %s\n", fx_root);
	free(cmd);
}

#endif
