#ifndef CLI_CLI_H
#define CLI_CLI_H
/* Building many schools: worker processes and make dependency files. */

#include <stddef.h>
#include <time.h>

struct buf;

/* A set of file names, kept sorted and unique. */
struct deps {
	char		**v;
	size_t		 n, cap;
};

/* Add path (a callback for the backends' dependency lists). */
void	 deps_add(void *deps, const char *path);
void	 deps_add_all(struct deps *, const struct deps *);
void	 deps_free(struct deps *);

/*
 * Write dir/name.d, a make rule "dir/name.stamp: every file of d" with an
 * empty rule for each file (a deleted file then makes the stamp out of
 * date instead of stopping make), then create dir/name.stamp and date it
 * by its newest dependency, but never later than the start of this
 * build minus one clock tick: a file changed while the build ran stays
 * newer than the stamp.  Return 0, or -1 after reporting.
 */
int	 deps_write(const char *dir, const char *name, const struct deps *d,
	    const struct timespec *start);
/* The start time deps_write() needs, in the clock file times use. */
void	 deps_start(struct timespec *);

/*
 * The per-school work of a build, run by build_run() on jobs processes.
 * one(ctx, i, rec) builds school i, writes its files, appends the line
 * the index shows of it to rec, and returns 0; or reports and returns -1.
 * done(ctx, i, ok, rec, len) runs in the calling process, in school order,
 * after school i; name(ctx, i) names the school in messages.  A worker
 * process calls cleanup(ctx) (may be NULL) before it ends, without exit
 * handlers: it frees what it inherited, so a leak checker sees only leaks.
 */
struct build_job {
	size_t		 n;
	int		 jobs;		/* processes; 1 builds in this one */
	int		 keep_going;	/* else stop dispatching at a failure */
	void		*ctx;
	int		(*one)(void *ctx, size_t i, struct buf *rec);
	void		(*done)(void *ctx, size_t i, int ok, const char *rec,
			    size_t len);
	const char	*(*name)(void *ctx, size_t i);
	void		(*cleanup)(void *ctx);
};

/*
 * Run job->one for schools 0..n-1.  With jobs > 1, worker processes are
 * forked (everything loaded so far is shared copy-on-write); each
 * school's messages are collected and printed whole, in school order,
 * each distinct line once, so the output is the same for every jobs.
 * Without keep_going no school is started after one failed (those
 * running finish).  Return the number of schools that failed.
 */
size_t	 build_run(const struct build_job *);
/* The number of processors online (at least 1). */
int	 build_cpus(void);

/* Library impact: which schools' protocols, and which clauses, change with edited clause files. */

#include <stdio.h>

struct config;
struct library;

/*
 * Load the old library into *old: the folder against when set, else the
 * clauses/ folder of the project's last commit (extracted with git into a
 * temporary folder, stored in *tmp for impact_cleanup).  Return the number
 * of errors reported.
 */
int	impact_old_library(const char *root, const char *clauses_dir,
	    const char *against, struct library *old, char **tmp);
/*
 * Assemble every school with both libraries and print, per school whose
 * text changes, the clauses that are new, removed, changed or moved.
 * Return 0, or 1 when a school could not be assembled with the new library.
 */
int	impact_report(const struct config *, const struct library *old,
	    const struct library *now, FILE *out);
/* Remove the temporary folder (NULL: nothing to do) and free its name. */
void	impact_cleanup(char *tmp);

#endif
