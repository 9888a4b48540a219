/* Helpers shared by the benchmarks (tests/bench/bench_*.c). */
#ifndef BENCH_H
#define BENCH_H

#include <stdlib.h>
#include <time.h>

/* A monotonic clock in milliseconds. */
static inline double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* qsort comparison for doubles (medians, percentiles). */
static inline int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

#endif
