/* A tiny TAP producer for the C unit tests (the shape of cmark's api_test). */
#ifndef TAP_H
#define TAP_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tap_n, tap_failed;

static void
tap_result(int ok, const char *name, const char *file, int line)
{
	tap_n++;
	printf("%sok %d - %s\n", ok ? "" : "not ", tap_n, name);
	if (!ok) {
		tap_failed++;
		printf("#   failed at %s:%d\n", file, line);
	}
}

#define OK(cond, name) tap_result(!!(cond), (name), __FILE__, __LINE__)

#define INT_EQ(got, want, name) do {					\
	long long g_ = (long long)(got), w_ = (long long)(want);	\
	tap_result(g_ == w_, (name), __FILE__, __LINE__);		\
	if (g_ != w_)							\
		printf("#   got %lld, want %lld\n", g_, w_);		\
} while (0)

#define STR_EQ(got, want, name) do {					\
	const char *g_ = (got), *w_ = (want);				\
	int ok_ = g_ != NULL && w_ != NULL && strcmp(g_, w_) == 0;	\
	tap_result(ok_, (name), __FILE__, __LINE__);			\
	if (!ok_)							\
		printf("#   got:  '%s'\n#   want: '%s'\n",		\
		    g_ ? g_ : "(null)", w_ ? w_ : "(null)");		\
} while (0)

/* got contains want */
#define STR_HAS(got, want, name) do {					\
	const char *g_ = (got), *w_ = (want);				\
	int ok_ = g_ != NULL && strstr(g_, w_) != NULL;		\
	tap_result(ok_, (name), __FILE__, __LINE__);			\
	if (!ok_)							\
		printf("#   got:  '%s'\n#   missing: '%s'\n",		\
		    g_ ? g_ : "(null)", w_);				\
} while (0)

static int
tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
