/* Unit tests: dependency files and stamps; build_run with 1 and N processes. */
#include "tap.h"

#include <sys/stat.h>

#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

#include "cli/cli.h"
#include "base/base.h"

static char dir[] = "/tmp/protocolgen-test-build.XXXXXX";

static void
test_deps(void)
{
	struct deps d = { 0 }, e = { 0 };

	deps_add(&d, "b");
	deps_add(&d, "a");
	deps_add(&d, "c");
	deps_add(&d, "b");
	INT_EQ((int)d.n, 3, "deps: each file once");
	OK(d.n == 3 && strcmp(d.v[0], "a") == 0 && strcmp(d.v[1], "b") == 0 &&
	    strcmp(d.v[2], "c") == 0, "deps: sorted");
	deps_add(&e, "0");
	deps_add(&e, "b");
	deps_add_all(&e, &d);
	INT_EQ((int)e.n, 4, "deps: a set added to another");
	deps_free(&d);
	deps_free(&e);
	OK(d.n == 0 && d.v == NULL, "deps: freed");
}

static time_t
mtime(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? st.st_mtime : (time_t)-1;
}

static void
test_deps_write(void)
{
	struct deps d = { 0 };
	struct timespec start, t[2];
	struct buf b = { 0 };
	char *a = xasprintf("%s/a file#1.md", dir);
	char *c = xasprintf("%s/c$.lua", dir);
	char *path;
	int fd;

	fd = open(a, O_WRONLY | O_CREAT, 0666);
	close(fd);
	fd = open(c, O_WRONLY | O_CREAT, 0666);
	close(fd);
	t[0].tv_sec = t[1].tv_sec = 1000000000;	/* 2001 */
	t[0].tv_nsec = t[1].tv_nsec = 0;
	utimensat(AT_FDCWD, a, t, 0);
	t[0].tv_sec = t[1].tv_sec = 1100000000;	/* 2004: the newest */
	utimensat(AT_FDCWD, c, t, 0);
	deps_add(&d, a);
	deps_add(&d, c);
	deps_start(&start);
	INT_EQ(deps_write(dir, "s", &d, &start), 0, "deps_write: written");
	path = xasprintf("%s/s.d", dir);
	file_read(path, &b);
	free(path);
	STR_HAS(buf_str(&b), "/s.stamp: \\\n", "deps_write: a rule for the stamp");
	STR_HAS(buf_str(&b), "a\\ file\\#1.md \\\n", "deps_write: blank and # escaped");
	STR_HAS(buf_str(&b), "c$$.lua\n", "deps_write: $ doubled");
	STR_HAS(buf_str(&b), "\n\n", "deps_write: empty rules after a blank line");
	STR_HAS(buf_str(&b), "c$$.lua:\n", "deps_write: an empty rule per file");
	path = xasprintf("%s/s.stamp", dir);
	INT_EQ(mtime(path), 1100000000, "deps_write: the stamp has the newest "
	    "file's time");
	/* a file newer than the build's start: the stamp takes the start */
	start.tv_sec = 1050000000;
	start.tv_nsec = 0;
	INT_EQ(deps_write(dir, "s", &d, &start), 0, "deps_write: again");
	INT_EQ(mtime(path), 1050000000, "deps_write: never later than the start");
	free(path);
	deps_free(&d);
	buf_free(&b);
	free(a);
	free(c);
}

/* A fake build: school i prints a warning; 7 and 13 fail (7 twice the
   same error), crash_at ends its process without a report. */
struct fake {
	int		 crash_at;
	int		 helper;	/* 1: a helper thread at work, -1: done */
	char		 done[64];
	size_t		 ndone;
	struct buf	 recs;
};

static int
fake_one(void *ctx, size_t i, struct buf *rec)
{
	struct fake *f = ctx;

	if ((int)i == f->crash_at)
		_exit(3);
	if (f->helper != 0)
		buf_printf(rec, "helper %s\n", f->helper == -1 ? "done" :
		    "cut off");
	diag_warn("school.lua", (int)i + 1, "school %zu", i);
	if (i == 7 || i == 13) {
		diag_error("board.lua", 1, "the same error for every school");
		return -1;
	}
	buf_printf(rec, "line %zu\n", i);
	return 0;
}

static void
fake_done(void *ctx, size_t i, int ok, const char *rec, size_t len)
{
	struct fake *f = ctx;

	if (f->ndone < sizeof(f->done))
		f->done[f->ndone++] = (char)(ok ? 'a' + (int)i : 'A' + (int)i);
	buf_put(&f->recs, rec, len);
}

static const char *
fake_name(void *ctx, size_t i)
{
	static char name[32];

	snprintf(name, sizeof(name), "s%zu", i);
	return name;
}

/* Run the fake build of n schools; its stderr into *err. */
static size_t
run(struct fake *f, size_t n, int jobs, int keep_going, struct buf *err)
{
	struct build_job job = { 0 };
	char *path = xasprintf("%s/stderr", dir);
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0666), saved;
	size_t failed;

	memset(f->done, 0, sizeof(f->done));
	f->ndone = 0;
	buf_reset(&f->recs);
	job.n = n;
	job.jobs = jobs;
	job.keep_going = keep_going;
	job.ctx = f;
	job.one = fake_one;
	job.done = fake_done;
	job.name = fake_name;
	fflush(stdout);
	saved = dup(2);
	dup2(fd, 2);
	diag_capture(NULL);
	diag_reset();
	failed = build_run(&job);
	dup2(saved, 2);
	close(saved);
	close(fd);
	buf_reset(err);
	file_read(path, err);
	free(path);
	return failed;
}

static void
test_run(void)
{
	struct fake f = { .crash_at = -1 };
	struct buf e1 = { 0 }, e3 = { 0 }, r1 = { 0 };
	char d1[64];
	size_t failed;

	INT_EQ(run(&f, 20, 1, 1, &e1), 2, "run, 1 process: two schools fail");
	STR_EQ(f.done, "abcdefgHijklmNopqrst", "run, 1 process: done in order");
	memcpy(d1, f.done, sizeof(d1));
	buf_put(&r1, buf_str(&f.recs), f.recs.len);
	STR_HAS(buf_str(&e1), "school.lua:20: warning: school 19\n",
	    "run, 1 process: messages");
	INT_EQ(run(&f, 20, 3, 1, &e3), 2, "run, 3 processes: two schools fail");
	STR_EQ(f.done, d1, "run, 3 processes: done in school order");
	STR_EQ(buf_str(&f.recs), buf_str(&r1), "run, 3 processes: the same lines");
	STR_EQ(buf_str(&e3), buf_str(&e1), "run, 3 processes: the same "
	    "messages, in the same order, each once");

	INT_EQ(run(&f, 20, 1, 0, &e1), 1, "run, no keep-going: one failure");
	STR_EQ(f.done, "abcdefgH", "run, no keep-going: stops at it");
	/* a school already handed to a worker before the failure was read
	   runs to its end: under load school 13 may be one, so its failure
	   counts too; what must hold is that it stops */
	failed = run(&f, 20, 3, 0, &e3);
	OK(failed == 1 || failed == 2, "run, no keep-going, 3 processes: "
	    "the failure, and at most the other already running");
	OK(strncmp(f.done, "abcdefgH", 8) == 0 && f.ndone < 20,
	    "run, no keep-going, 3 processes: no school started after it");

	f.crash_at = 4;
	INT_EQ(run(&f, 20, 2, 1, &e3), 3, "run: a process that dies fails "
	    "its school");
	STR_EQ(f.done, "abcdEfgHijklmNopqrst", "run: ... and the others are "
	    "built");
	STR_HAS(buf_str(&e3), "protocolgen: error: the process building school "
	    "'s4' ended (status 3)\n", "run: ... saying so");
	buf_free(&e1);
	buf_free(&e3);
	buf_free(&r1);
	buf_free(&f.recs);
}

/* A library's thread, still at work when the build starts. */
static void *
helper(void *arg)
{
	struct timespec ts = { 0, 200 * 1000000 };	/* 200 ms */

	nanosleep(&ts, NULL);
	*(volatile int *)arg = -1;
	return NULL;
}

static void
test_threads(void)
{
	struct fake f = { .crash_at = -1, .helper = 1 };
	struct buf e = { 0 };
	pthread_t t;

	if (pthread_create(&t, NULL, helper, &f.helper) != 0) {
		OK(0, "threads: a helper thread");
		return;
	}
	pthread_detach(t);
	run(&f, 4, 2, 1, &e);
	OK(f.helper == -1, "threads: the helper thread finished first");
	STR_EQ(buf_str(&f.recs), "helper done\nline 0\nhelper done\nline 1\n"
	    "helper done\nline 2\nhelper done\nline 3\n",
	    "threads: workers start only when the process is one thread");
	buf_free(&e);
	buf_free(&f.recs);
}

int
main(void)
{
	char *cmd;

	if (mkdtemp(dir) == NULL) {
		OK(0, "a temporary folder");
		return tap_done();
	}
	test_deps();
	test_deps_write();
	test_run();
	test_threads();
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		OK(0, "temporary folder removed");
	free(cmd);
	return tap_done();
}
