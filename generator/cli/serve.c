/*
 * protocolgen serve: a local preview while editing.  It builds OUT once,
 * serves it (the published tree and the drafts' preview OUT/concept) on
 * 127.0.0.1 only, watches schools/, clauses/ and templates/ with inotify
 * (folders, since editors save by rename), and after a short quiet spell
 * rebuilds only the schools whose recorded inputs (OUT/.deps/ID.d)
 * changed.  Open pages reload through server-sent events; the reload
 * script, and the last build's errors when it failed, are added to the
 * HTML as it is served: the files on disk never change for the preview.
 *
 * Builds run as child processes of this program (`build --deps`), so a
 * build's state never outlives it and a crash cannot take the server.
 * HTTP is libmicrohttpd's (thread per connection, one header buffer cap).
 */
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "base/base.h"
#include "cli/cli.h"

#define QUIET_MS	300		/* debounce: rebuild after this calm */
#define MAX_FILE	(64u << 20)	/* larger files are not served */
#define EVENTS_URL	"/_protocolgen/events"

static struct {
	pthread_mutex_t	 lock;
	pthread_cond_t	 changed;
	unsigned long	 generation;	/* +1 after every build */
	int		 failed;	/* the last build exited non-zero */
	struct buf	 errors;	/* its messages */
	char		*out;		/* realpath of OUT */
} st = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0,
	{ 0 }, NULL };

/* ------------------------------------------------------------------ */
/* Building                                                             */

/* Run `protocolgen build --deps ... [ids]`; keep its messages. */
static int
run_build(struct run *r, char **ids, size_t nids)
{
	const char *argv[16 + 64];
	struct buf msgs = { 0 };
	char chunk[4096];
	size_t n = 0, i;
	ssize_t k;
	int fds[2], status = 0;
	pid_t pid;

	argv[n++] = r->exe;
	argv[n++] = "build";
	argv[n++] = "--deps";
	argv[n++] = "--out";
	argv[n++] = r->o.out;
	argv[n++] = "--root";
	argv[n++] = r->o.root;
	if (r->o.templates != NULL) {
		argv[n++] = "--templates";
		argv[n++] = r->o.templates;
	}
	argv[n++] = "--keep-going";
	if (nids > 0 && nids <= 64) {
		argv[n++] = "--index";
		for (i = 0; i < nids; i++)
			argv[n++] = ids[i];
	}
	argv[n] = NULL;
	if (pipe(fds) == -1 || (pid = fork()) == -1) {
		diag_error(NULL, 0, "serve: cannot start a build: %s",
		    strerror(errno));
		return -1;
	}
	if (pid == 0) {
		dup2(fds[1], 2);
		close(fds[0]);
		close(fds[1]);
		execv(r->exe, (char **)argv);
		_exit(127);
	}
	close(fds[1]);
	while ((k = read(fds[0], chunk, sizeof(chunk))) > 0 ||
	    (k == -1 && errno == EINTR))
		if (k > 0) {
			buf_put(&msgs, chunk, (size_t)k);
			fwrite(chunk, 1, (size_t)k, stderr);
		}
	close(fds[0]);
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		continue;
	pthread_mutex_lock(&st.lock);
	st.failed = !(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	buf_reset(&st.errors);
	if (st.failed && msgs.len > 0)
		buf_put(&st.errors, msgs.data, msgs.len);
	st.generation++;
	pthread_cond_broadcast(&st.changed);
	pthread_mutex_unlock(&st.lock);
	printf("%s %s\n", st.failed ? "build failed:" : "built:",
	    nids > 0 ? "changed schools" : "every school");
	fflush(stdout);
	buf_free(&msgs);
	return 0;
}

/* Does the make rule text name path as one of its inputs? */
static int
rule_names(const char *rule, const char *path)
{
	size_t n = strlen(path);
	const char *p;

	for (p = rule; (p = strstr(p, path)) != NULL; p += n)
		if ((p == rule || p[-1] == ' ') && (p[n] == ' ' ||
		    p[n] == '\n' || p[n] == '\\' || p[n] == '\0'))
			return 1;
	return 0;
}

/*
 * The schools whose recorded inputs include a changed path; -1 when an
 * existing file belongs to no school (a new one): build them all.
 */
static int
stale_schools(const char *depdir, char **changed, size_t nchanged,
    char ***ids, size_t *nids)
{
	DIR *d = opendir(depdir);
	struct dirent *e;
	size_t i, cap = 0;
	int *hit = xcalloc(nchanged + 1, sizeof(*hit)), all = 0;

	*ids = NULL;
	*nids = 0;
	while (d != NULL && (e = readdir(d)) != NULL) {
		struct buf rule = { 0 };
		char *path;
		int mine = 0;
		if (!str_ends(e->d_name, ".d") || e->d_name[0] == '_')
			continue;
		path = xasprintf("%s/%s", depdir, e->d_name);
		if (file_read(path, &rule) == 0 && rule.data != NULL)
			for (i = 0; i < nchanged; i++)
				if (rule_names(rule.data, changed[i]))
					mine = hit[i] = 1;
		if (mine) {
			ARRAY_RESERVE(*ids, *nids, cap);
			(*ids)[(*nids)++] = xstrndup(e->d_name,
			    strlen(e->d_name) - 2);
		}
		buf_free(&rule);
		free(path);
	}
	if (d == NULL)
		all = 1;
	else
		closedir(d);
	/* a new file may belong to anyone; a gone one that no school read
	   was an editor's temporary file (sed -i, vim's 4913) */
	for (i = 0; i < nchanged; i++)
		if (!hit[i] && access(changed[i], F_OK) == 0)
			all = 1;
	free(hit);
	return all ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* Watching                                                             */

struct watches {
	int	 fd;
	char	**dirs;		/* by watch descriptor */
	size_t	 n;
};

static void
watch_tree(struct watches *w, const char *dir)
{
	DIR *d;
	struct dirent *e;
	int wd;

	wd = inotify_add_watch(w->fd, dir, IN_CLOSE_WRITE | IN_MOVED_TO |
	    IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ONLYDIR);
	if (wd < 0)
		return;
	if ((size_t)wd >= w->n) {
		w->dirs = xrealloc(w->dirs, ((size_t)wd + 1) * sizeof(char *));
		memset(w->dirs + w->n, 0, ((size_t)wd + 1 - w->n) *
		    sizeof(char *));
		w->n = (size_t)wd + 1;
	}
	free(w->dirs[wd]);
	w->dirs[wd] = xstrdup(dir);
	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		char *sub;
		struct stat sb;
		if (e->d_name[0] == '.')
			continue;
		sub = xasprintf("%s/%s", dir, e->d_name);
		if (lstat(sub, &sb) == 0 && S_ISDIR(sb.st_mode))
			watch_tree(w, sub);
		free(sub);
	}
	closedir(d);
}

/* Read pending events; add the changed paths; 1 if any. */
static int
read_events(struct watches *w, char ***changed, size_t *n, size_t *cap)
{
	char evbuf[16384] __attribute__((aligned(8)));
	ssize_t len;
	char *p;
	int any = 0;

	while ((len = read(w->fd, evbuf, sizeof(evbuf))) > 0)
		for (p = evbuf; p < evbuf + len;) {
			struct inotify_event *ev = (struct inotify_event *)p;
			p += sizeof(*ev) + ev->len;
			if (ev->wd < 0 || (size_t)ev->wd >= w->n ||
			    w->dirs[ev->wd] == NULL || ev->len == 0 ||
			    ev->name[0] == '.' || str_ends(ev->name, "~"))
				continue;	/* editors' temporary files */
			char *path = xasprintf("%s/%s", w->dirs[ev->wd],
			    ev->name);
			if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE |
			    IN_MOVED_TO)))
				watch_tree(w, path);
			ARRAY_RESERVE(*changed, *n, *cap);
			(*changed)[(*n)++] = path;
			any = 1;
		}
	return any;
}

static void
rebuild(struct run *r, const char *depdir, char **changed, size_t n)
{
	char **ids;
	size_t nids, i;

	if (stale_schools(depdir, changed, n, &ids, &nids) == -1 ||
	    nids > 64)
		run_build(r, NULL, 0);
	else if (nids > 0)
		run_build(r, ids, nids);
	for (i = 0; i < nids; i++)
		free(ids[i]);
	free(ids);
}

/* ------------------------------------------------------------------ */
/* Serving                                                              */

static const char *
content_type(const char *path)
{
	static const struct {
		const char *ext, *type;
	} types[] = {
		{ ".html", "text/html; charset=utf-8" },
		{ ".pdf", "application/pdf" },
		{ ".docx", "application/vnd.openxmlformats-officedocument."
		    "wordprocessingml.document" },
		{ ".odt", "application/vnd.oasis.opendocument.text" },
		{ ".json", "application/json" },
		{ ".md", "text/markdown; charset=utf-8" },
		{ ".css", "text/css; charset=utf-8" },
		{ ".png", "image/png" },
		{ ".txt", "text/plain; charset=utf-8" },
	};
	size_t k;

	for (k = 0; k < sizeof(types) / sizeof(types[0]); k++)
		if (str_ends(path, types[k].ext))
			return types[k].type;
	return "application/octet-stream";
}

static enum MHD_Result
answer(struct MHD_Connection *c, unsigned code, const char *type,
    const void *data, size_t len)
{
	struct MHD_Response *resp;
	enum MHD_Result ret;

	resp = MHD_create_response_from_buffer(len, (void *)data,
	    MHD_RESPMEM_MUST_COPY);
	if (resp == NULL)
		return MHD_NO;
	MHD_add_response_header(resp, "Content-Type", type);
	MHD_add_response_header(resp, "Cache-Control", "no-store");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	ret = MHD_queue_response(c, code, resp);
	MHD_destroy_response(resp);
	return ret;
}

static enum MHD_Result
refuse(struct MHD_Connection *c, unsigned code, const char *why)
{
	return answer(c, code, "text/plain; charset=utf-8", why, strlen(why));
}

/* HTML text, escaped, into b. */
static void
escape_into(struct buf *b, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		switch (s[i]) {
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '&': buf_puts(b, "&amp;"); break;
		default: buf_putc(b, s[i]);
		}
}

/* The page as served: the reload script, and the errors if any. */
static void
inject(struct buf *page, const struct buf *file)
{
	const char *end = NULL, *p;
	struct buf add = { 0 };

	for (p = file->data; p != NULL && (p = strstr(p, "</body>")) != NULL;
	    p++)
		end = p;
	pthread_mutex_lock(&st.lock);
	if (st.failed) {
		buf_puts(&add, "<pre id=\"protocolgen-errors\" style=\""
		    "position:fixed;left:0;right:0;top:0;margin:0;padding:1em;"
		    "background:#fff0f0;color:#6b0000;border-bottom:2px solid "
		    "#b00020;white-space:pre-wrap;z-index:9999;max-height:50vh;"
		    "overflow:auto\">De laatste build is mislukt:\n");
		escape_into(&add, st.errors.data != NULL ? st.errors.data : "",
		    st.errors.len);
		buf_puts(&add, "</pre>");
	}
	buf_printf(&add, "<script>(function(){var g=%lu;var e=new EventSource("
	    "'" EVENTS_URL "?since='+g);e.onmessage=function(){"
	    "location.reload();};})();</script>", st.generation);
	pthread_mutex_unlock(&st.lock);
	if (end == NULL)
		end = file->data + file->len;
	buf_put(page, file->data, (size_t)(end - file->data));
	buf_put(page, add.data, add.len);
	buf_put(page, end, file->len - (size_t)(end - file->data));
	buf_free(&add);
}

/* Server-sent events: one "reload" when a build finishes, then close. */
static ssize_t
events_read(void *cls, uint64_t pos, char *out, size_t max)
{
	unsigned long *since = cls;
	struct timespec until;
	static const char ping[] = ": ping\n\n", msg[] = "data: reload\n\n";
	int sent;

	(void)pos;
	if (*since == (unsigned long)-1)
		return MHD_CONTENT_READER_END_OF_STREAM;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += 15;
	pthread_mutex_lock(&st.lock);
	while (st.generation == *since &&
	    pthread_cond_timedwait(&st.changed, &st.lock, &until) == 0)
		continue;
	sent = st.generation != *since;
	pthread_mutex_unlock(&st.lock);
	if (!sent) {
		memcpy(out, ping, sizeof(ping) - 1 < max ? sizeof(ping) - 1 :
		    max);
		return (ssize_t)(sizeof(ping) - 1 < max ? sizeof(ping) - 1 :
		    max);
	}
	*since = (unsigned long)-1;
	if (max < sizeof(msg) - 1)
		return 0;
	memcpy(out, msg, sizeof(msg) - 1);
	return (ssize_t)(sizeof(msg) - 1);
}

static enum MHD_Result
events(struct MHD_Connection *c)
{
	const char *since = MHD_lookup_connection_value(c,
	    MHD_GET_ARGUMENT_KIND, "since");
	unsigned long *gen = xcalloc(1, sizeof(*gen));
	struct MHD_Response *resp;
	enum MHD_Result ret;

	pthread_mutex_lock(&st.lock);
	*gen = since != NULL ? strtoul(since, NULL, 10) : st.generation;
	pthread_mutex_unlock(&st.lock);
	resp = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 256,
	    events_read, gen, free);
	if (resp == NULL) {
		free(gen);
		return MHD_NO;
	}
	MHD_add_response_header(resp, "Content-Type", "text/event-stream");
	MHD_add_response_header(resp, "Cache-Control", "no-store");
	ret = MHD_queue_response(c, MHD_HTTP_OK, resp);
	MHD_destroy_response(resp);
	return ret;
}

/* A URL path that stays inside OUT: no "..", no NUL, no backslash. */
static int
safe_url(const char *url)
{
	const char *p;

	if (url[0] != '/' || strchr(url, '\\') != NULL || strlen(url) > 1024)
		return 0;
	for (p = url; (p = strstr(p, "..")) != NULL; p += 2)
		if ((p == url || p[-1] == '/') && (p[2] == '/' || p[2] == '\0'))
			return 0;
	return 1;
}

static enum MHD_Result
handle(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **con)
{
	struct buf file = { 0 }, page = { 0 };
	char *path, *real;
	struct stat sb;
	size_t n;
	enum MHD_Result ret;

	(void)cls; (void)version; (void)upload; (void)upload_size; (void)con;
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
		return refuse(c, MHD_HTTP_METHOD_NOT_ALLOWED,
		    "only GET and HEAD\n");
	if (strcmp(url, EVENTS_URL) == 0)
		return events(c);
	if (!safe_url(url) || memchr(url, '\0', strlen(url) + 1) !=
	    url + strlen(url))
		return refuse(c, MHD_HTTP_FORBIDDEN, "forbidden\n");
	n = strlen(url);
	path = xasprintf("%s%s%s", st.out, url, n > 0 && url[n - 1] == '/' ?
	    "index.html" : "");
	real = realpath(path, NULL);
	free(path);
	/* inside OUT after every link is resolved, a regular file */
	if (real == NULL || !str_starts(real, st.out) ||
	    (real[strlen(st.out)] != '/' && real[strlen(st.out)] != '\0') ||
	    stat(real, &sb) == -1 || !S_ISREG(sb.st_mode) ||
	    (size_t)sb.st_size > MAX_FILE || file_read(real, &file) == -1) {
		free(real);
		buf_free(&file);
		return refuse(c, MHD_HTTP_NOT_FOUND, "not found\n");
	}
	if (str_ends(real, ".html")) {
		inject(&page, &file);
		ret = answer(c, MHD_HTTP_OK, content_type(real), page.data,
		    page.len);
	} else
		ret = answer(c, MHD_HTTP_OK, content_type(real), file.data,
		    file.len);
	free(real);
	buf_free(&file);
	buf_free(&page);
	return ret;
}

/* ------------------------------------------------------------------ */

int
cmd_serve(struct run *r, int argc, char **argv)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	struct watches w = { .fd = -1 };
	struct MHD_Daemon *d;
	const union MHD_DaemonInfo *info;
	char **changed = NULL, *depdir, *dir;
	size_t nchanged = 0, cap = 0, i;
	static const char *const watched[] = { "schools", "clauses", NULL };

	(void)argc; (void)argv;
	if (r->o.port < 0 || r->o.port > 65535) {
		fprintf(stderr, "protocolgen: --port wants 0 to 65535\n");
		return 2;
	}
	mkdir(r->o.out, 0755);
	if ((st.out = realpath(r->o.out, NULL)) == NULL) {
		diag_error(r->o.out, 0, "cannot use as output folder: %s",
		    strerror(errno));
		return 1;
	}
	depdir = xasprintf("%s/.deps", r->o.out);
	if ((w.fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) == -1) {
		diag_error(NULL, 0, "serve: inotify: %s", strerror(errno));
		return 1;
	}
	for (i = 0; watched[i] != NULL; i++) {
		dir = project_path(r->o.root, watched[i]);
		watch_tree(&w, dir);
		free(dir);
	}
	dir = r->o.templates != NULL ? xstrdup(r->o.templates) :
	    project_path(r->o.root, "templates");
	watch_tree(&w, dir);
	free(dir);
	run_build(r, NULL, 0);
	sa.sin_port = htons((uint16_t)r->o.port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);	/* this machine only */
	d = MHD_start_daemon(MHD_USE_THREAD_PER_CONNECTION |
	    MHD_USE_INTERNAL_POLLING_THREAD, 0, NULL, NULL, handle, NULL,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)16384,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
	    MHD_OPTION_END);
	if (d == NULL) {
		diag_error(NULL, 0, "serve: cannot listen on 127.0.0.1:%d "
		    "(in use? try --port N)", r->o.port);
		return 1;
	}
	info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	printf("serving http://127.0.0.1:%u/ (the preview of drafts: "
	    "/concept/); Ctrl-C stops\n", info != NULL ? info->port : 0);
	fflush(stdout);
	for (;;) {
		struct pollfd pfd = { .fd = w.fd, .events = POLLIN };
		int k = poll(&pfd, 1, nchanged > 0 ? QUIET_MS : -1);
		if (k > 0 && read_events(&w, &changed, &nchanged, &cap))
			continue;	/* not quiet yet */
		if (k == -1 && errno != EINTR)
			break;
		if (k == 0 && nchanged > 0) {
			rebuild(r, depdir, changed, nchanged);
			for (i = 0; i < nchanged; i++)
				free(changed[i]);
			nchanged = 0;
		}
	}
	MHD_stop_daemon(d);
	return 1;
}
