/* Memory, byte buffers, files and dates shared by every stage of protocolgen. */
#include <sys/stat.h>
#include <sys/types.h>

#include <ctype.h>
#include <dirent.h>
#include <limits.h>
#include <signal.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/base.h"

static void
oom(void)
{
	fputs("protocolgen: out of memory\n", stderr);
	exit(1);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		oom();
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		oom();
	return xrealloc(p, n * size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	struct buf b = { 0 };
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (b.data == NULL)
		return xstrdup("");
	return buf_detach(&b);
}

static void
buf_grow(struct buf *b, size_t extra)
{
	size_t need;

	if (extra > SIZE_MAX - b->len - 1)
		oom();
	need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < need)
		b->cap = b->cap > SIZE_MAX / 2 ? need : b->cap * 2;
	b->data = xrealloc(b->data, b->cap);
}

void
buf_put(struct buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void
buf_putc(struct buf *b, int c)
{
	char ch = (char)c;

	buf_put(b, &ch, 1);
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

const char *
buf_str(const struct buf *b)
{
	return b->data ? b->data : "";
}

char *
buf_detach(struct buf *b)
{
	char *p = b->data ? b->data : xstrdup("");

	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

unsigned
utf8_decode(const char *str, size_t len, size_t *n)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c, min;
	size_t need, i;

	*n = 1;
	if (len == 0)
		return 0xFFFD;
	c = s[0];
	if (c < 0x80)
		return c;
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1; c &= 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2; c &= 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3; c &= 0x07; min = 0x10000;
	} else
		return 0xFFFD;
	if (len < need + 1)
		return 0xFFFD;
	for (i = 1; i <= need; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0xFFFD;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0xFFFD;
	*n = need + 1;
	return c;
}

size_t
utf8_valid_prefix(const char *s, size_t len)
{
	size_t i = 0, n;
	unsigned c;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		c = utf8_decode(s + i, len - i, &n);
		if (c == 0xFFFD && !(n == 3 &&
		    memcmp(s + i, "\xEF\xBF\xBD", 3) == 0))
			return i;
		i += n;
	}
	return len;
}

/* What code point c is when text may not hold it; NULL when it may. */
static const char *
bad_char_kind(unsigned c)
{
	if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c < 0xA0))
		return "a control character";
	if (c == 0xFFFD)
		return "a replacement character";
	if (c == 0xFEFF)
		return "a byte-order mark";
	if (c == 0x061C || c == 0x200E || c == 0x200F ||
	    (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
		return "a bidirectional control character";
	if (c == 0x2028 || c == 0x2029)
		return "a line or paragraph separator";
	if (c == 0xFFFE || c == 0xFFFF)
		return "a noncharacter";
	return NULL;
}

const char *
text_bad_char(const char *s, size_t len, size_t *at, unsigned *cp)
{
	const char *kind;
	size_t i = 0, n;
	unsigned c;

	while (i < len) {
		c = utf8_decode(s + i, len - i, &n);
		if ((kind = bad_char_kind(c)) != NULL) {
			*at = i;
			*cp = c;
			return kind;
		}
		i += n;
	}
	return NULL;
}

int
line_of_offset(const char *s, size_t off)
{
	int line = 1;
	size_t i;

	for (i = 0; i < off && s[i] != '\0'; i++)
		if (s[i] == '\n')
			line++;
	return line;
}

/* Read fd, a regular file, into out and close it. */
static int
read_fd(int fd, struct buf *out)
{
	char chunk[65536];
	struct stat st;
	ssize_t n;
	int saved;

	if (fstat(fd, &st) == -1)
		goto fail;
	if (!S_ISREG(st.st_mode)) {
		errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		goto fail;
	}
	buf_reset(out);
	buf_put(out, "", 0);
	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n == -1) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		buf_put(out, chunk, (size_t)n);
	}
	close(fd);
	return 0;
fail:
	saved = errno;
	close(fd);
	errno = saved;
	return -1;
}

/* O_NONBLOCK: opening a FIFO never waits for a writer. */
int
file_read(const char *path, struct buf *out)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);

	return fd == -1 ? -1 : read_fd(fd, out);
}

int
file_read_nofollow(const char *path, struct buf *out)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_NOFOLLOW |
	    O_CLOEXEC);

	return fd == -1 ? -1 : read_fd(fd, out);
}

int
mkdir_p(const char *dir)
{
	char *p, *s;
	int rc = 0;

	s = xstrdup(dir);
	for (p = s + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char save = *p;
		*p = '\0';
		if (mkdir(s, 0777) == -1 && errno != EEXIST) {
			rc = -1;
			break;
		}
		*p = save;
		if (save == '\0')
			break;
	}
	free(s);
	return rc;
}

static int
fsync_dir(const char *path)
{
	char *dir = xstrdup(path), *slash;
	int fd, rc = 0;

	slash = strrchr(dir, '/');
	if (slash == NULL)
		strcpy(dir, ".");
	else if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		rc = fsync(fd);
		close(fd);
	}
	free(dir);
	return rc;
}

/* The temporary file being written, for the signal handler to remove. */
static char inflight[PATH_MAX];

static void
on_signal(int sig)
{
	if (inflight[0] != '\0')
		unlink(inflight);
	signal(sig, SIG_DFL);
	raise(sig);
}

void
atomic_signals_install(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/* Set or clear the in-flight path with signals blocked. */
static void
set_inflight(const char *tmp)
{
	sigset_t all, old;

	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	if (tmp != NULL && strlen(tmp) < sizeof(inflight))
		memcpy(inflight, tmp, strlen(tmp) + 1);
	else
		inflight[0] = '\0';
	sigprocmask(SIG_SETMASK, &old, NULL);
}

#define TMP_FLAGS (O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC)

int
file_write_atomic(const char *path, const void *data, size_t len, int durable)
{
	const char *slash = strrchr(path, '/');
	const char *p = data;
	char *tmp, *dir = NULL;
	ssize_t n;
	int fd, saved;

	/* the folder is made only when the first open says it is missing:
	   a build of thousands of files would otherwise mkdir for each */
	if (slash != NULL) {
		dir = xstrndup(path, (size_t)(slash - path));
		tmp = xasprintf("%.*s/.%s.tmp.%ld", (int)(slash - path), path,
		    slash + 1, (long)getpid());
	} else
		tmp = xasprintf(".%s.tmp.%ld", path, (long)getpid());

	/* a new file of its own: never one planted under its name (a link
	   would be written through) */
	set_inflight(tmp);
	unlink(tmp);
	fd = open(tmp, TMP_FLAGS, 0666);
	if (fd == -1 && errno == ENOENT && dir != NULL && *dir != '\0' &&
	    mkdir_p(dir) == 0)
		fd = open(tmp, TMP_FLAGS, 0666);
	free(dir);
	if (fd == -1)
		goto fail;
	while (len > 0) {
		n = write(fd, p, len);
		if (n == -1) {
			if (errno == EINTR)
				continue;
			goto fail_fd;
		}
		p += n;
		len -= (size_t)n;
	}
	if (durable && fsync(fd) == -1)
		goto fail_fd;
	if (close(fd) == -1)
		goto fail;
	if (rename(tmp, path) == -1)
		goto fail;
	set_inflight(NULL);
	if (durable)
		fsync_dir(path);
	free(tmp);
	return 0;
fail_fd:
	saved = errno;
	close(fd);
	errno = saved;
fail:
	saved = errno;
	unlink(tmp);
	set_inflight(NULL);
	free(tmp);
	errno = saved;
	return -1;
}

void
tmpfiles_sweep(const char *dir)
{
	struct dirent *de;
	DIR *d;
	int fd;

	/* never through a link: a swept folder is a real one */
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1)
		return;
	if ((d = fdopendir(fd)) == NULL) {
		close(fd);
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] != '.' || strstr(de->d_name, ".tmp.") == NULL)
			continue;
		unlinkat(fd, de->d_name, 0);
	}
	closedir(d);
}

static int
all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

int
date_valid(const char *s, int month_ok)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30,
	    31, 30, 31 };
	size_t len = strlen(s);
	int y, m, d, leap;

	if (len != 10 && !(month_ok && len == 7))
		return 0;
	if (!all_digits(s, 4) || s[4] != '-' || !all_digits(s + 5, 2))
		return 0;
	y = atoi(s);
	m = (s[5] - '0') * 10 + (s[6] - '0');
	if (y < 1900 || y > 2999 || m < 1 || m > 12)
		return 0;
	if (len == 7)
		return 1;
	if (s[7] != '-' || !all_digits(s + 8, 2))
		return 0;
	d = (s[8] - '0') * 10 + (s[9] - '0');
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (d < 1 || d > mdays[m - 1] || (m == 2 && d == 29 && !leap))
		return 0;
	return 1;
}

void
date_format_nl(const char *iso, struct buf *out)
{
	static const char *const months[] = { "januari", "februari",
	    "maart", "april", "mei", "juni", "juli", "augustus",
	    "september", "oktober", "november", "december" };
	int m;

	if (!date_valid(iso, 1)) {
		buf_puts(out, iso);
		return;
	}
	m = (iso[5] - '0') * 10 + (iso[6] - '0');
	if (strlen(iso) == 10)
		buf_printf(out, "%d ", atoi(iso + 8));
	buf_printf(out, "%s %.4s", months[m - 1], iso);
}

time_t
source_date_epoch(int *set)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	*set = 0;
	if (s == NULL || *s == '\0')
		return 0;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < 0)
		return 0;
	*set = 1;
	return (time_t)v;
}

const char *
date_today(void)
{
	static char today[11];
	struct tm tm;
	time_t t;
	int set;

	t = source_date_epoch(&set);
	if (!set)
		t = time(NULL);
	gmtime_r(&t, &tm);
	strftime(today, sizeof(today), "%Y-%m-%d", &tm);
	return today;
}

int
str_starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

int
str_ends(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && strcmp(s + a - b, suffix) == 0;
}

/*
 * Candidates are found by their first byte in either case (strpbrk is
 * vectorised); only those are compared.  The checks call this for every
 * word of every document, so it must not call strncasecmp per byte.
 */
const char *
str_casestr(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	char first[3];

	if (n == 0)
		return hay;
	first[0] = (char)tolower((unsigned char)needle[0]);
	first[1] = (char)toupper((unsigned char)needle[0]);
	first[2] = '\0';
	for (; (hay = strpbrk(hay, first)) != NULL; hay++)
		if (strncasecmp(hay + 1, needle + 1, n - 1) == 0)
			return hay;
	return NULL;
}
