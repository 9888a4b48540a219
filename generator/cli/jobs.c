/* Building many schools: worker processes and make dependency files. */
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "base/base.h"

/* ------------------------------------------------------------------ */
/* Dependency sets and files                                            */

void
deps_add(void *arg, const char *path)
{
	struct deps *d = arg;
	size_t lo = 0, hi = d->n, mid;
	int c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if ((c = strcmp(d->v[mid], path)) == 0)
			return;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	ARRAY_RESERVE(d->v, d->n, d->cap);
	memmove(&d->v[lo + 1], &d->v[lo], (d->n - lo) * sizeof(*d->v));
	d->v[lo] = xstrdup(path);
	d->n++;
}

void
deps_add_all(struct deps *d, const struct deps *from)
{
	size_t i;

	for (i = 0; i < from->n; i++)
		deps_add(d, from->v[i]);
}

void
deps_free(struct deps *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		free(d->v[i]);
	free(d->v);
	memset(d, 0, sizeof(*d));
}

/* A file name as make reads it in a rule: escape blanks, # and $. */
static void
put_make_name(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '$')
			buf_putc(b, '$');
		else if (*s == ' ' || *s == '\t' || *s == '#' || *s == ':' ||
		    *s == '\\')
			buf_putc(b, '\\');
		buf_putc(b, *s);
	}
}

void
deps_start(struct timespec *ts)
{
	struct timespec res;

	/* file times come from the coarse clock; one tick back, so a file
	   changed in the tick the build started counts as newer */
	if (clock_gettime(CLOCK_REALTIME_COARSE, ts) == -1 ||
	    clock_getres(CLOCK_REALTIME_COARSE, &res) == -1) {
		clock_gettime(CLOCK_REALTIME, ts);
		res.tv_sec = 0;
		res.tv_nsec = 10 * 1000 * 1000;
	}
	ts->tv_sec -= res.tv_sec;
	ts->tv_nsec -= res.tv_nsec;
	while (ts->tv_nsec < 0) {
		ts->tv_nsec += 1000000000L;
		ts->tv_sec--;
	}
}

static int
ts_before(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec &&
	    a->tv_nsec < b->tv_nsec);
}

int
deps_write(const char *dir, const char *name, const struct deps *d,
    const struct timespec *start)
{
	struct buf b = { 0 }, old = { 0 };
	struct timespec newest = { 0, 0 }, t[2];
	struct stat st;
	char *stamp = xasprintf("%s/%s.stamp", dir, name);
	char *path = xasprintf("%s/%s.d", dir, name);
	size_t i;
	int fd, rc = -1;

	put_make_name(&b, stamp);
	buf_puts(&b, ":");
	for (i = 0; i < d->n; i++) {
		buf_puts(&b, " \\\n ");
		put_make_name(&b, d->v[i]);
		if (stat(d->v[i], &st) == 0 && ts_before(&newest, &st.st_mtim))
			newest = st.st_mtim;
	}
	buf_puts(&b, "\n");
	for (i = 0; i < d->n; i++) {
		buf_puts(&b, "\n");
		put_make_name(&b, d->v[i]);
		buf_puts(&b, ":\n");
	}
	/* the rule first (unchanged bytes are not rewritten), then the stamp */
	if (tree_path_check(path, "write") == -1)
		goto out;
	if (!(file_read_nofollow(path, &old) == 0 && old.len == b.len &&
	    memcmp(buf_str(&old), buf_str(&b), b.len) == 0) &&
	    file_write_atomic(path, buf_str(&b), b.len, 0) == -1) {
		diag_error(path, 0, "cannot write: %s", strerror(errno));
		goto out;
	}
	/* a link or FIFO in the stamp's place goes: never written through */
	if (lstat(stamp, &st) == 0 && !S_ISREG(st.st_mode))
		unlink(stamp);
	if ((fd = open(stamp, O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC, 0666)) == -1) {
		diag_error(stamp, 0, "cannot write: %s", strerror(errno));
		goto out;
	}
	t[0] = t[1] = ts_before(start, &newest) ? *start : newest;
	if (futimens(fd, t) == -1) {
		diag_error(stamp, 0, "cannot set its time: %s",
		    strerror(errno));
		close(fd);
		goto out;
	}
	close(fd);
	rc = 0;
out:
	buf_free(&b);
	buf_free(&old);
	free(stamp);
	free(path);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Worker processes                                                     */

/* What a worker sends back after each school; then diag and rec bytes. */
struct report {
	uint64_t	 index;
	int64_t		 rc;
	uint64_t	 diaglen;
	uint64_t	 reclen;
};

struct result {
	int		 state;		/* 0 waiting, 1 done */
	int		 ok;
	char		*diag;
	size_t		 diaglen;
	char		*rec;
	size_t		 reclen;
};

struct worker {
	pid_t		 pid;
	int		 cmd;		/* parent → worker: school numbers */
	int		 res;		/* worker → parent: reports */
	size_t		 busy;		/* school in hand, or SIZE_MAX */
};

struct sched {
	const struct build_job *job;
	struct worker	*w;
	size_t		 nw;
	struct result	*r;
	size_t		 next;		/* next school to hand out */
	size_t		 printed;	/* schools reported, in order */
	size_t		 failed;
	int		 stop;
	unsigned long	*seen;		/* hashes of lines printed */
	size_t		 nseen, seencap;
};

static int
write_full(int fd, const void *p, size_t n)
{
	const char *c = p;
	ssize_t k;

	while (n > 0) {
		if ((k = write(fd, c, n)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		c += k;
		n -= (size_t)k;
	}
	return 0;
}

/* Read exactly n bytes; return 0, or -1 at end of file or on error. */
static int
read_full(int fd, void *p, size_t n)
{
	char *c = p;
	ssize_t k;

	while (n > 0) {
		if ((k = read(fd, c, n)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (k == 0)
			return -1;
		c += k;
		n -= (size_t)k;
	}
	return 0;
}

/* A worker: build the schools it is given until its pipe closes. */
static void __attribute__((noreturn))
worker_main(const struct build_job *job, int cmd, int res, pid_t parent)
{
	struct buf cap = { 0 }, rec = { 0 };
	struct report rp;
	uint64_t i;

	/* end with the parent, removing a half-written file (SIGTERM) */
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	if (getppid() != parent)
		_exit(1);
	while (read_full(cmd, &i, sizeof(i)) == 0) {
		buf_reset(&cap);
		buf_reset(&rec);
		buf_puts(&cap, "");
		buf_puts(&rec, "");
		diag_capture(&cap);
		rp.rc = job->one(job->ctx, (size_t)i, &rec);
		diag_capture(NULL);
		rp.index = i;
		rp.diaglen = cap.len;
		rp.reclen = rec.len;
		if (write_full(res, &rp, sizeof(rp)) == -1 ||
		    write_full(res, cap.data, cap.len) == -1 ||
		    write_full(res, rec.data, rec.len) == -1)
			break;
	}
	buf_free(&cap);
	buf_free(&rec);
	close(cmd);
	close(res);
	if (job->cleanup != NULL)
		job->cleanup(job->ctx);
	/* no exit handlers, no stdio flushed: they belong to the parent */
	_exit(0);
}

/* Threads of this process, from /proc; 0 when that cannot be read. */
static int
thread_count(void)
{
	char line[256];
	FILE *f = fopen("/proc/self/status", "re");
	int n = 0;

	if (f == NULL)
		return 0;
	while (fgets(line, sizeof(line), f) != NULL)
		if (sscanf(line, "Threads: %d", &n) == 1)
			break;
	fclose(f);
	return n;
}

/*
 * Wait, a few seconds at most, until this process is its only thread:
 * a library's helper thread (pango loads fontconfig's configuration in
 * one) must not be cut off mid-work by fork(), which copies only the
 * thread that calls it and would leave the worker with that thread's
 * locks held and its memory half-built.
 */
static void
threads_settle(void)
{
	struct timespec ts = { 0, 1000000 };	/* 1 ms */
	int i;

	for (i = 0; i < 5000 && thread_count() > 1; i++)
		nanosleep(&ts, NULL);
}

/* Start worker k.  Return 0, or -1 after reporting. */
static int
spawn(struct sched *s, size_t k)
{
	struct worker *w = &s->w[k];
	int cp[2], rp[2];
	pid_t parent = getpid();
	size_t j;

	if (pipe2(cp, O_CLOEXEC) == -1)
		goto fail;
	if (pipe2(rp, O_CLOEXEC) == -1) {
		close(cp[0]);
		close(cp[1]);
		goto fail;
	}
	fflush(NULL);
	threads_settle();
	if ((w->pid = fork()) == -1) {
		close(cp[0]);
		close(cp[1]);
		close(rp[0]);
		close(rp[1]);
		goto fail;
	}
	if (w->pid == 0) {
		for (j = 0; j < s->nw; j++)
			if (j != k && s->w[j].pid > 0) {
				if (s->w[j].cmd != -1)
					close(s->w[j].cmd);
				close(s->w[j].res);
			}
		close(cp[1]);
		close(rp[0]);
		worker_main(s->job, cp[0], rp[1], parent);
	}
	close(cp[0]);
	close(rp[1]);
	w->cmd = cp[1];
	w->res = rp[0];
	w->busy = SIZE_MAX;
	return 0;
fail:
	diag_error(NULL, 0, "cannot start a build process: %s",
	    strerror(errno));
	w->pid = -1;
	return -1;
}

/* Give worker w the next school, or let it end when none is left. */
static void
hand_out(struct sched *s, struct worker *w)
{
	uint64_t i;

	if (s->next < s->job->n && !s->stop) {
		i = s->next;
		if (write_full(w->cmd, &i, sizeof(i)) == 0) {
			w->busy = s->next++;
			return;
		}
	}
	close(w->cmd);
	w->cmd = -1;
	w->busy = SIZE_MAX;
}

static int
line_seen(struct sched *s, const char *p, size_t n)
{
	unsigned long h = 14695981039346656037UL, *old;
	size_t i, oldcap;

	while (n-- > 0)
		h = (h ^ (unsigned char)*p++) * 1099511628211UL;
	if (h == 0)
		h = 1;
	for (i = s->seencap ? h & (s->seencap - 1) : 0; s->seencap &&
	    s->seen[i] != 0; i = (i + 1) & (s->seencap - 1))
		if (s->seen[i] == h)
			return 1;
	if ((s->nseen + 1) * 2 > s->seencap) {
		old = s->seen;
		oldcap = s->seencap;
		s->seencap = oldcap ? oldcap * 2 : 256;
		s->seen = xcalloc(s->seencap, sizeof(*s->seen));
		for (i = 0; i < oldcap; i++)
			if (old[i] != 0) {
				size_t j = old[i] & (s->seencap - 1);
				while (s->seen[j] != 0)
					j = (j + 1) & (s->seencap - 1);
				s->seen[j] = old[i];
			}
		free(old);
	}
	for (i = h & (s->seencap - 1); s->seen[i] != 0;
	    i = (i + 1) & (s->seencap - 1))
		;
	s->seen[i] = h;
	s->nseen++;
	return 0;
}

/* Print the messages of finished schools, in school order. */
static void
report_in_order(struct sched *s)
{
	struct result *r;
	struct buf out = { 0 };
	const char *p, *end, *nl;

	while (s->printed < s->job->n && s->r[s->printed].state == 1) {
		r = &s->r[s->printed];
		buf_reset(&out);
		for (p = r->diag, end = p + r->diaglen; p < end; p = nl + 1) {
			if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
				nl = end - 1;
			if (!line_seen(s, p, (size_t)(nl - p + 1)))
				buf_put(&out, p, (size_t)(nl - p + 1));
		}
		if (out.len > 0) {
			fwrite(out.data, 1, out.len, stderr);
			fflush(stderr);
		}
		if (s->job->done != NULL)
			s->job->done(s->job->ctx, s->printed, r->ok,
			    r->rec ? r->rec : "", r->reclen);
		free(r->diag);
		free(r->rec);
		r->diag = r->rec = NULL;
		s->printed++;
	}
	buf_free(&out);
}

static void
finish(struct sched *s, size_t i, int ok, char *diag, size_t diaglen,
    char *rec, size_t reclen)
{
	struct result *r = &s->r[i];

	r->state = 1;
	r->ok = ok;
	r->diag = diag;
	r->diaglen = diaglen;
	r->rec = rec;
	r->reclen = reclen;
	if (!ok) {
		s->failed++;
		if (!s->job->keep_going)
			s->stop = 1;
	}
}

/* A worker ended without reporting its school: that school failed. */
static void
worker_lost(struct sched *s, size_t k)
{
	struct worker *w = &s->w[k];
	struct buf msg = { 0 };
	size_t i = w->busy, len;
	int status = 0;

	if (w->cmd != -1)
		close(w->cmd);
	close(w->res);
	waitpid(w->pid, &status, 0);
	w->pid = -1;
	w->cmd = w->res = -1;
	w->busy = SIZE_MAX;
	if (i == SIZE_MAX)
		return;
	if (WIFSIGNALED(status))
		buf_printf(&msg, "protocolgen: error: the process building "
		    "school '%s' ended by signal %d\n", s->job->name(s->job->ctx,
		    i), WTERMSIG(status));
	else
		buf_printf(&msg, "protocolgen: error: the process building "
		    "school '%s' ended (status %d)\n", s->job->name(s->job->ctx,
		    i), WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	len = msg.len;
	finish(s, i, 0, buf_detach(&msg), len, NULL, 0);
}

/* Read one report from worker k. */
static void
collect(struct sched *s, size_t k)
{
	struct worker *w = &s->w[k];
	struct report rp;
	char *diag, *rec;

	if (read_full(w->res, &rp, sizeof(rp)) == -1 ||
	    rp.index != w->busy || rp.diaglen > (1u << 30) ||
	    rp.reclen > (1u << 30)) {
		worker_lost(s, k);
		return;
	}
	diag = xmalloc(rp.diaglen + 1);
	rec = xmalloc(rp.reclen + 1);
	if (read_full(w->res, diag, rp.diaglen) == -1 ||
	    read_full(w->res, rec, rp.reclen) == -1) {
		free(diag);
		free(rec);
		worker_lost(s, k);
		return;
	}
	diag[rp.diaglen] = rec[rp.reclen] = '\0';
	finish(s, w->busy, rp.rc == 0, diag, rp.diaglen, rec, rp.reclen);
	w->busy = SIZE_MAX;
	hand_out(s, w);
}

static size_t
run_parallel(const struct build_job *job, size_t nw)
{
	struct sched s;
	struct pollfd *pf;
	size_t k, np, *map;
	int status;

	memset(&s, 0, sizeof(s));
	s.job = job;
	s.nw = nw;
	s.w = xcalloc(nw, sizeof(*s.w));
	s.r = xcalloc(job->n, sizeof(*s.r));
	pf = xcalloc(nw, sizeof(*pf));
	map = xcalloc(nw, sizeof(*map));
	for (k = 0; k < nw; k++) {
		s.w[k].pid = -1;
		s.w[k].cmd = s.w[k].res = -1;
		s.w[k].busy = SIZE_MAX;
	}
	for (k = 0; k < nw; k++)
		if (spawn(&s, k) == 0)
			hand_out(&s, &s.w[k]);
	for (;;) {
		np = 0;
		for (k = 0; k < nw; k++)
			if (s.w[k].pid > 0 && s.w[k].busy != SIZE_MAX) {
				pf[np].fd = s.w[k].res;
				pf[np].events = POLLIN;
				pf[np].revents = 0;
				map[np++] = k;
			}
		if (np == 0)
			break;		/* all done, or no process left */
		if (poll(pf, np, -1) == -1) {
			if (errno == EINTR)
				continue;
			diag_error(NULL, 0, "poll: %s", strerror(errno));
			break;
		}
		for (k = 0; k < np; k++)
			if (pf[k].revents != 0)
				collect(&s, map[k]);
		report_in_order(&s);
		/* a worker lost on the way is replaced */
		for (k = 0; k < nw; k++)
			if (s.w[k].pid == -1 && s.next < job->n && !s.stop &&
			    spawn(&s, k) == 0)
				hand_out(&s, &s.w[k]);
	}
	/* schools no process could take */
	for (; s.next < job->n && !s.stop; s.next++) {
		struct buf msg = { 0 };
		size_t len;

		buf_printf(&msg, "protocolgen: error: school '%s' was not "
		    "built: no build process\n", job->name(job->ctx, s.next));
		len = msg.len;
		finish(&s, s.next, 0, buf_detach(&msg), len, NULL, 0);
	}
	for (k = 0; k < nw; k++)
		if (s.w[k].pid > 0) {
			if (s.w[k].cmd != -1)
				close(s.w[k].cmd);
			close(s.w[k].res);
			waitpid(s.w[k].pid, &status, 0);
		}
	report_in_order(&s);
	for (k = 0; k < job->n; k++) {
		free(s.r[k].diag);
		free(s.r[k].rec);
	}
	free(s.r);
	free(s.w);
	free(s.seen);
	free(pf);
	free(map);
	return s.failed;
}

size_t
build_run(const struct build_job *job)
{
	struct buf rec = { 0 };
	size_t i, failed = 0;
	int ok;

	if (job->jobs > 1 && job->n > 1)
		return run_parallel(job, (size_t)job->jobs < job->n ?
		    (size_t)job->jobs : job->n);
	for (i = 0; i < job->n; i++) {
		buf_reset(&rec);
		ok = job->one(job->ctx, i, &rec) == 0;
		if (job->done != NULL)
			job->done(job->ctx, i, ok, buf_str(&rec), rec.len);
		if (!ok) {
			failed++;
			if (!job->keep_going)
				break;
		}
	}
	buf_free(&rec);
	return failed;
}

int
build_cpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? (int)n : 1;
}
