/*
 * The kept fuzz corpus as a regression test: a harness built without
 * libFuzzer runs every file of tests/fuzz/corpus/NAME (CORPUS, set by the
 * Makefile) through LLVMFuzzerTestOneInput, one TAP line per file.  A
 * harness checks its own promises and aborts when one fails, so an input
 * that once crashed or broke a promise fails make check (and make asan,
 * which builds this under AddressSanitizer) until it is fixed.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef CORPUS
#error "CORPUS must name the corpus folder"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static unsigned char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *p = NULL;
	size_t cap = 0, n;

	*len = 0;
	if (f == NULL)
		return NULL;
	for (;;) {
		if (*len + 4096 > cap) {
			unsigned char *q;

			cap = cap ? cap * 2 : 8192;
			if ((q = realloc(p, cap)) == NULL) {
				free(p);
				fclose(f);
				return NULL;
			}
			p = q;
		}
		if ((n = fread(p + *len, 1, cap - *len, f)) == 0)
			break;
		*len += n;
	}
	if (ferror(f)) {
		free(p);
		p = NULL;
	}
	fclose(f);
	return p;
}

int
main(void)
{
	DIR *d;
	struct dirent *e;
	char **names = NULL, path[4096];
	size_t n = 0, i, len;
	int failed = 0;

	if ((d = opendir(CORPUS)) == NULL) {
		printf("1..0 # SKIP %s: cannot open\n", CORPUS);
		return 1;
	}
	while ((e = readdir(d)) != NULL) {
		char **q;

		if (e->d_name[0] == '.')
			continue;
		if ((q = realloc(names, (n + 1) * sizeof *names)) == NULL ||
		    (q[n] = strdup(e->d_name)) == NULL)
			abort();
		names = q;
		n++;
	}
	closedir(d);
	qsort(names, n, sizeof *names, by_name);
	printf("1..%zu\n", n);
	for (i = 0; i < n; i++) {
		unsigned char *data;

		snprintf(path, sizeof path, "%s/%s", CORPUS, names[i]);
		/* the name first: if the harness aborts, the log says where */
		printf("# %s\n", path);
		fflush(stdout);
		if ((data = slurp(path, &len)) == NULL) {
			printf("not ok %zu - %s: cannot read\n", i + 1, path);
			failed = 1;
		} else {
			LLVMFuzzerTestOneInput(data, len);
			printf("ok %zu - %s\n", i + 1, names[i]);
		}
		free(data);
		free(names[i]);
	}
	free(names);
	return failed;
}
