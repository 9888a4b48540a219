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

/* The commands: options, what they load, the pipeline of stages. */

#include "base/base.h"
#include "config/config.h"
#include "library/library.h"
#include "render/render.h"
#include "revisions/revisions.h"

struct document;
struct school;
struct site;

struct opts {
	const char	*root;
	const char	*out;
	const char	*drafts;	/* --drafts DIR; NULL: OUT/concept */
	const char	*templates;
	const char	*dump_id;	/* --dump ID, --explain ID */
	const char	*schools_from;	/* --schools-from FILE */
	const char	*against;
	const char	*board;		/* import: --board BOARD */
	int		 explain;
	int		 collapse;
	int		 keep_going;
	int		 quiet;
	int		 jobs;
	int		 deps;		/* --deps: dependency files, stamps */
	int		 index;		/* --index: also after a partial build */
	int		 verbose;	/* -v: name each school built */
	int		 port;		/* serve --port N (0: any free one) */
};

struct run {
	struct opts	 o;
	struct config	 cfg;
	struct library	 lib;
	char		*schools_dir;
	char		*clauses_dir;
	char		*strings;	/* templates/nl.strings */
	const char	*exe;		/* this program, as make knows it */
	int		 load_errors;
	/* build */
	const struct school **schools;	/* being built */
	size_t		 nschools;
	struct site	*site;
	struct deps	 common;	/* what every school's outputs read */
	char		*depdir;	/* OUT/.deps */
	char		*drafts;	/* the preview tree: --drafts or
					   OUT/concept */
	struct buf	 ids;		/* every school's id, for make */
	struct timespec	 start;
};

/* options.c: the command line into r->o; the command's name, or NULL
   after printing usage (*status: the exit status then). */
const char	*cli_options(struct run *r, int *argc, char ***argv,
		    int *status);
void		 cli_usage(FILE *);

/* run.c: what every command loads, and the schools it is given. */
char		*project_path(const char *root, const char *name);
int		 cli_load(struct run *r);
void		 cli_unload(struct run *r);
long		 school_index(const struct config *, const char *id);
const struct school **select_schools(struct run *r, int argc, char **argv,
		    size_t *n);
int		 write_output(const char *path, const struct buf *data);
/*
 * Open the output folder and the preview (--drafts) as output trees:
 * made when missing, never a symbolic link, locked against a second run
 * writing into them at once.  Return 0, or -1 after reporting.
 */
int		 output_trees(const struct run *r);
/* The preview of drafts: --drafts DIR, else OUT/concept; caller frees. */
char		*drafts_dir(const struct run *r);

/*
 * pipeline.c: the stages of one school, always in this order:
 *   assemble (config + library -> document model, schoolgids included)
 *   [STAGE_ADOPT]     the revision may be adopted (else stop)
 *   [STAGE_CHECK]     the board office's checks and the schoolgids'
 *   [STAGE_REVISIONS] read and verify the frozen revisions, once
 *   [STAGE_RENDER]    with REVISIONS, in memory: the published site (the
 *                     version in force and every older adopted one, from
 *                     their frozen texts; the archive page; the redlines
 *                     between them) and the preview (the current draft,
 *                     its redline against the version in force)
 *   [STAGE_ADOPT]     freeze the revision (only without errors)
 *   [STAGE_DIFF]      the redline between two named revisions
 * Files are written by the caller from what the school_run holds.
 */
#define STAGE_CHECK	0x01u
#define STAGE_RENDER	0x02u
#define STAGE_REVISIONS	0x04u
#define STAGE_ADOPT	0x08u
#define STAGE_DIFF	0x10u

/*
 * A file the build writes: its name in the school's folder (out/<id>/ or
 * the preview's <id>/; "versie-1.0/protocol.html" for an archived
 * version) and its bytes.
 */
struct out_file {
	char		*name;
	struct buf	 data;
};
struct out_files {
	struct out_file	*v;
	size_t		 n;
};

struct school_run {
	unsigned	 stages;
	const char	*from, *to;	/* STAGE_DIFF: versions (to NULL: the
					   current text) */
	struct document	*d;
	struct document	*leader;	/* a follower's: the board-wide
					   protocol's current document */
	struct revset	 revs;			/* STAGE_REVISIONS (a
						   follower's: its leader's) */
	/* STAGE_RENDER (with REVISIONS): publish.c */
	struct document	*inforce;	/* the latest adopted version, from
					   its frozen text; NULL: none yet */
	struct out_files pub;		/* out/<id>/: the version in force,
					   versie-X/, versies.html, redlines */
	struct out_files preview;	/* DRAFTS/<id>/: the current draft
					   and its redline; empty when none */
	struct buf	 diff_html, diff_pdf;	/* STAGE_DIFF */
	struct buf	 diff_docx;		/* STAGE_DIFF, without
						   --collapse; else empty */
	char		*diff_base;		/* "diff-A-B", with --collapse
						   "diff-A-B-collapsed" */
	int		 diff_draft;		/* a side is the current text,
						   not adopted: for the preview */
};

/*
 * Run the stages sr->stages asks for on school s.  Return 0, or -1 when a
 * stage reported errors (what it holds up to then stays in sr); 1 when the
 * revision was already adopted with this text or adoption was refused
 * (STAGE_ADOPT).  Free with pipeline_free() in every case.
 */
int		 pipeline_school(struct run *r, const struct school *s,
		    struct school_run *sr);
void		 pipeline_free(struct school_run *sr);

/*
 * publish.c: the files of sr's published folder and preview (sr->pub,
 * sr->preview, sr->inforce), from sr->d and sr->revs.  Return 0, or -1
 * after reporting.
 */
int		 publish_school(struct run *r, struct school_run *sr);
void		 out_files_free(struct out_files *);

/* build.c's commands (cmd_build.c) and the others (commands.c). */
int		 cmd_build(struct run *r, int argc, char **argv);
int		 cmd_check(struct run *r, int argc, char **argv);
int		 cmd_adopt(struct run *r, int argc, char **argv);
int		 cmd_diff(struct run *r, int argc, char **argv);
int		 cmd_impact(struct run *r, int argc, char **argv);
int		 cmd_clauses(struct run *r, int argc, char **argv);
int		 cmd_dump(struct run *r, int argc, char **argv);
/* new.c: start a board or a school from the standard outline. */
int		 cmd_new(struct run *r, int argc, char **argv);
/* serve.c: the local preview server. */
int		 cmd_serve(struct run *r, int argc, char **argv);
/* Is id a name out/ uses for itself (index, assets, ...)? */
int		 cli_id_reserved(const char *id);
/*
 * Create path holding text, never over an existing file (O_EXCL).
 * Return 0; 1 when it exists (unreported); -1 after reporting.
 */
int		 cli_create_file(const char *path, const char *text);
/* The type of board (its folder dir), loading the configs; 0 after
   reporting that there is none. */
enum level	 cli_board_level(struct run *r, const char *board,
		    const char *dir);

/* school_text.c: a new school's config; NULL values are pending. */
struct school_seed {
	const char	*id, *board;
	const char	*name, *place, *website, *brin, *vestiging;
	const char	*source;	/* import: the file, and its line */
	int		 line;
	int		 vo;
};
void		 cli_school_text(struct buf *, const struct school_seed *);

/* import.c: school configs from a spreadsheet (csv.c reads it). */
int		 cmd_import(struct run *r, int argc, char **argv);

/* csv.c: a spreadsheet saved as CSV, its text converted to UTF-8. */
struct csv_row {
	char		**f;		/* its fields */
	size_t		 n;
	int		 line;		/* where the row starts */
};
struct csv {
	struct csv_row	*rows;		/* the header line first */
	size_t		 nrows;
	char		 sep;		/* ';', ',' or '\t' */
};
/* Read path into c; return 0, or -1 after reporting (c is empty). */
int		 csv_read(const char *path, struct csv *c);
void		 csv_free(struct csv *c);

#endif
