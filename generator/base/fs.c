/* A hostile file system: folder listings, odd inputs, output trees, locks. */
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/base.h"

/* ------------------------------------------------------------------ */
/* Folder listings                                                      */

int
name_ignored(const char *name)
{
	size_t n = strlen(name);

	return n == 0 || name[0] == '.' || name[n - 1] == '~' ||
	    (n > 1 && name[0] == '#' && name[n - 1] == '#') ||
	    str_ends(name, ".swp");
}

static int
entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct dir_entry *)a)->name,
	    ((const struct dir_entry *)b)->name);
}

static enum entry_type
type_of(mode_t m)
{
	if (S_ISREG(m))
		return ENT_FILE;
	if (S_ISDIR(m))
		return ENT_DIR;
	if (S_ISLNK(m))
		return ENT_LINK;
	return ENT_OTHER;
}

struct dir_entry *
dir_list(const char *dir, size_t *n)
{
	struct dir_entry *v = NULL;
	struct dirent *de;
	struct stat st;
	size_t cap = 0;
	DIR *d;
	int fd;

	*n = 0;
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		return NULL;
	if ((d = fdopendir(fd)) == NULL) {
		close(fd);
		return NULL;
	}
	while ((de = readdir(d)) != NULL) {
		if (name_ignored(de->d_name) ||
		    fstatat(fd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) == -1)
			continue;	/* hidden, a leftover, or gone since */
		ARRAY_RESERVE(v, *n, cap);
		v[*n].name = xstrdup(de->d_name);
		v[*n].type = type_of(st.st_mode);
		(*n)++;
	}
	closedir(d);
	if (*n > 1)
		qsort(v, *n, sizeof(*v), entry_cmp);
	if (v == NULL)
		v = xcalloc(1, sizeof(*v));
	return v;
}

void
dir_list_free(struct dir_entry *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

/* ------------------------------------------------------------------ */
/* Inputs                                                               */

/* "a FIFO", "a folder", ...: what st is, for messages. */
static const char *
type_name(mode_t m)
{
	if (S_ISDIR(m))
		return "a folder";
	if (S_ISFIFO(m))
		return "a FIFO";
	if (S_ISCHR(m))
		return "a character device";
	if (S_ISBLK(m))
		return "a block device";
	if (S_ISSOCK(m))
		return "a socket";
	if (S_ISLNK(m))
		return "a symbolic link";
	return "not a regular file";
}

/* Where the link at path leads, for messages: ", a folder", ... */
static const char *
link_end(const char *path)
{
	struct stat st;

	if (stat(path, &st) == -1)
		return errno == ELOOP ? ", a loop of links" :
		    errno == ENOENT ? ", which does not exist" : "";
	if (S_ISDIR(st.st_mode))
		return ", a folder";
	if (!S_ISREG(st.st_mode))
		return ", not a regular file";
	return "";
}

void
input_refuse(const char *path, const char *what, int folder)
{
	const char *kind = folder ? "a real folder" : "a regular file";
	char target[PATH_MAX];
	struct stat st;
	ssize_t n;

	if (lstat(path, &st) == -1) {
		diag_error(path, 0, "cannot read: %s", strerror(errno));
		return;
	}
	if (!S_ISLNK(st.st_mode)) {
		diag_error(path, 0, "not read: it is %s; %s must be %s",
		    type_name(st.st_mode), what, kind);
		return;
	}
	if ((n = readlink(path, target, sizeof(target) - 1)) < 0)
		n = 0;
	target[n] = '\0';
	diag_error(path, 0, "not read: it is a symbolic link (to '%s'%s); %s "
	    "must be %s, and protocolgen follows no links in the project: put "
	    "the %s itself in its place", target, link_end(path), what, kind,
	    folder ? "folder" : "file");
}

int
input_read(const char *path, const char *what, struct buf *out)
{
	struct stat st;

	if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		input_refuse(path, what, 0);
		return -1;
	}
	if (file_read_nofollow(path, out) == -1) {
		diag_error(path, 0, "cannot read: %s", strerror(errno));
		return -1;
	}
	return 0;
}

const char *
nonascii_hint(const char *s)
{
	static char hint[96];
	size_t n;
	unsigned c;

	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			break;
	if (*s == '\0')
		return "";
	c = utf8_decode(s, strlen(s), &n);
	if (c == 0xFFFD)
		snprintf(hint, sizeof(hint), " (the byte \\x%02X is not "
		    "ASCII)", (unsigned char)*s);
	else
		snprintf(hint, sizeof(hint), " (U+%04X is not an ASCII "
		    "character)", c);
	return hint;
}

/* ------------------------------------------------------------------ */
/* Output trees                                                         */

#define MAX_TREES	8

static struct tree {
	char	*root;
	dev_t	 dev;
	ino_t	 ino;
	int	 fd;		/* holds the lock; -1: not locked */
} trees[MAX_TREES];
static size_t ntrees;

/* The tree whose root path is a prefix of path, or NULL. */
static const struct tree *
tree_of(const char *path)
{
	size_t i, n;

	for (i = 0; i < ntrees; i++) {
		n = strlen(trees[i].root);
		if (strncmp(path, trees[i].root, n) == 0 && path[n] == '/')
			return &trees[i];
	}
	return NULL;
}

/* Lock root (open as fd) unless this process holds a lock on it. */
static int
tree_lock(struct tree *t, const char *what)
{
	size_t i;

	for (i = 0; i < ntrees; i++)
		if (trees[i].fd != -1 && trees[i].dev == t->dev &&
		    trees[i].ino == t->ino)
			return 0;
	if ((t->fd = open(t->root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1) {
		diag_error(t->root, 0, "cannot open %s: %s", what,
		    strerror(errno));
		return -1;
	}
	if (flock(t->fd, LOCK_EX | LOCK_NB) == 0)
		return 0;
	if (errno == EWOULDBLOCK) {
		diag_error(t->root, 0, "%s is in use by another protocolgen "
		    "run: wait for it to finish, then run this again", what);
		close(t->fd);
		t->fd = -1;
		return -1;
	}
	diag_warn(t->root, 0, "cannot lock %s (%s): do not run two "
	    "protocolgen runs on it at once", what, strerror(errno));
	close(t->fd);
	t->fd = -1;
	return 0;
}

int
tree_open(const char *root, const char *what, unsigned flags)
{
	struct tree t = { .fd = -1 };
	char target[PATH_MAX];
	struct stat st;
	size_t n = strlen(root), i;
	ssize_t len;

	while (n > 1 && root[n - 1] == '/')
		n--;
	for (i = 0; i < ntrees; i++)
		if (strlen(trees[i].root) == n &&
		    strncmp(trees[i].root, root, n) == 0)
			return 0;	/* opened already */
	if (ntrees == MAX_TREES) {
		diag_error(root, 0, "too many output folders");
		return -1;
	}
	t.root = xstrndup(root, n);
	if (lstat(t.root, &st) == -1 && errno == ENOENT &&
	    (flags & TREE_MAKE) && mkdir_p(t.root) == -1) {
		diag_error(t.root, 0, "cannot make %s: %s", what,
		    strerror(errno));
		goto fail;
	}
	if (lstat(t.root, &st) == -1) {
		if (errno == ENOENT && !(flags & TREE_MAKE)) {
			trees[ntrees++] = t;	/* made when written */
			return 0;
		}
		diag_error(t.root, 0, "cannot open %s: %s", what,
		    strerror(errno));
		goto fail;
	}
	if (S_ISLNK(st.st_mode) && (flags & TREE_NOLINK)) {
		if ((len = readlink(t.root, target, sizeof(target) - 1)) < 0)
			len = 0;
		target[len] = '\0';
		diag_error(t.root, 0, "%s is a symbolic link (to '%s'): "
		    "protocolgen writes only into a real folder; remove the "
		    "link, or name the folder it leads to", what, target);
		goto fail;
	}
	if (stat(t.root, &st) == -1 || !S_ISDIR(st.st_mode)) {
		diag_error(t.root, 0, "%s is not a folder", what);
		goto fail;
	}
	t.dev = st.st_dev;
	t.ino = st.st_ino;
	if ((flags & TREE_LOCK) && tree_lock(&t, what) == -1)
		goto fail;
	trees[ntrees++] = t;
	return 0;
fail:
	free(t.root);
	return -1;
}

void
trees_close(void)
{
	size_t i;

	for (i = 0; i < ntrees; i++) {
		if (trees[i].fd != -1)
			close(trees[i].fd);
		free(trees[i].root);
	}
	ntrees = 0;
}

int
tree_path_check(const char *path, const char *doing)
{
	const struct tree *t = tree_of(path);
	char target[PATH_MAX], *p;
	struct stat st;
	size_t i;
	ssize_t n;

	if (t == NULL)
		return 0;
	p = xstrdup(path);
	for (i = strlen(t->root) + 1; p[i] != '\0'; i++) {
		if (p[i] != '/')
			continue;
		p[i] = '\0';
		if (lstat(p, &st) == -1) {
			free(p);	/* missing: made as a real folder */
			return 0;
		}
		if (S_ISLNK(st.st_mode)) {
			if ((n = readlink(p, target, sizeof(target) - 1)) < 0)
				n = 0;
			target[n] = '\0';
			diag_error(path, 0, "cannot %s: %s is a symbolic link "
			    "(to '%s'), and protocolgen never writes through a "
			    "link: remove it, then run this again", doing, p,
			    target);
			free(p);
			return -1;
		}
		if (!S_ISDIR(st.st_mode)) {
			diag_error(path, 0, "cannot %s: %s is %s, not a "
			    "folder: remove it, then run this again", doing, p,
			    type_name(st.st_mode));
			free(p);
			return -1;
		}
		p[i] = '/';
	}
	free(p);
	return 0;
}
