/*
 * protocolgen new: start a board or a school from the neutral standard
 * outline (po-standaard, vo-standaard).  The file is short and commented
 * in Dutch, for board-office staff; every value nobody knows yet is
 * marked { pending = "..." }, so the new school passes `check` as a
 * concept at once and its draft says what is missing.  An existing file
 * is never overwritten.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/base.h"
#include "cli/cli.h"
#include "config/config.h"

/* Names out/ uses for itself: a board or school may not take them. */
static const char *const reserved[] = { "index", "assets", "concept",
	"versies", NULL };

int
cli_id_reserved(const char *id)
{
	size_t k;

	for (k = 0; reserved[k] != NULL; k++)
		if (strcmp(id, reserved[k]) == 0)
			return 1;
	return 0;
}

static int
good_id(const char *what, const char *id)
{
	if (!config_valid_id(id)) {
		diag_error(NULL, 0, "'%s' is not a %s id: use lower-case "
		    "letters, digits and '-' (for example 'de-linde')", id,
		    what);
		return 0;
	}
	if (cli_id_reserved(id)) {
		diag_error(NULL, 0, "'%s' is a name the outputs use "
		    "(out/%s): choose another %s id", id, id, what);
		return 0;
	}
	return 1;
}

int
cli_create_file(const char *path, const char *text)
{
	size_t n = strlen(text);
	int fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0644)) == -1) {
		if (errno == EEXIST)
			return 1;
		diag_error(path, 0, "cannot create: %s", strerror(errno));
		return -1;
	}
	if (write(fd, text, n) != (ssize_t)n || fsync(fd) == -1) {
		diag_error(path, 0, "cannot write: %s", strerror(errno));
		close(fd);
		unlink(path);
		return -1;
	}
	if (close(fd) == -1) {
		diag_error(path, 0, "cannot write: %s", strerror(errno));
		unlink(path);
		return -1;
	}
	return 0;
}

/* cli_create_file(), an existing file reported as an error. */
static int
create_new(const char *path, const char *text)
{
	int rc;

	if ((rc = cli_create_file(path, text)) == 1)
		diag_error(path, 0, "already exists: protocolgen new never "
		    "overwrites a file; edit it, or remove it first");
	return rc == 0 ? 0 : -1;
}

static int
new_board(struct run *r, const char *id, const char *type)
{
	char *schools = project_path(r->o.root, "schools");
	char *dir = xasprintf("%s/%s", schools, id);
	char *path = xasprintf("%s/board.lua", dir);
	char *text = NULL;
	int rc = 1;

	if (strcmp(type, "po") != 0 && strcmp(type, "vo") != 0) {
		diag_error(NULL, 0, "school type '%s': write po (primary) or "
		    "vo (secondary)", type);
		goto out;
	}
	if (mkdir(dir, 0755) == -1 && errno != EEXIST) {
		diag_error(dir, 0, "cannot create: %s", strerror(errno));
		goto out;
	}
	text = xasprintf(
"-- Schoolbestuur '%s': wat voor al zijn scholen geldt.  Een school kan elke\n"
"-- waarde in haar eigen bestand anders zetten.\n"
"-- Gemaakt met `protocolgen new board`; uitleg: docs/FORMATS.md.\n"
"board {\n"
"  -- De naam van het bestuur zoals het protocol hem noemt, bijvoorbeeld\n"
"  -- \"Stichting Openbaar Onderwijs Voorbeeld\".  Tot die is ingevuld, drukt\n"
"  -- het concept \"[nog in te vullen: ...]\" af.\n"
"  name = { pending = \"naam van het schoolbestuur\" },\n"
"  -- po: basisscholen; vo: voortgezet onderwijs.\n"
"  type = \"%s\",\n"
"  -- Het protocol waarmee een school begint: de neutrale standaard.\n"
"  -- `protocolgen clauses` toont de artikelen en de andere indelingen.\n"
"  outline = \"%s-standaard\",\n"
"}\n", id, type, type);
	if (create_new(path, text) == 0) {
		printf("wrote %s\nnext: protocolgen new school %s/ID\n", path,
		    id);
		rc = 0;
	}
out:
	free(text);
	free(path);
	free(dir);
	free(schools);
	return rc;
}

enum level
cli_board_level(struct run *r, const char *board, const char *dir)
{
	size_t i;

	(void)cli_load(r);
	for (i = 0; i < r->cfg.nboards; i++)
		if (strcmp(r->cfg.boards[i]->id, board) == 0)
			return r->cfg.boards[i]->level;
	diag_error(NULL, 0, "no board '%s' (%s/board.lua): start it with "
	    "`protocolgen new board %s po` (or vo), or fix the errors above",
	    board, dir, board);
	return 0;
}

static int
new_school(struct run *r, const char *spec)
{
	const char *slash = strchr(spec, '/');
	struct school_seed seed = { 0 };
	struct buf b = { 0 };
	char *board, *schools, *dir, *path, *text;
	enum level level;
	int rc = 1;

	if (slash == NULL) {
		diag_error(NULL, 0, "'%s': write the school as BOARD/ID, for "
		    "example noord/de-linde", spec);
		return 1;
	}
	board = xstrndup(spec, (size_t)(slash - spec));
	if (!good_id("board", board) || !good_id("school", slash + 1)) {
		free(board);
		return 1;
	}
	schools = project_path(r->o.root, "schools");
	dir = xasprintf("%s/%s", schools, board);
	path = xasprintf("%s/%s.lua", dir, slash + 1);
	text = NULL;
	if ((level = cli_board_level(r, board, dir)) == 0)
		goto out;
	seed.id = slash + 1;
	seed.board = board;
	seed.vo = level == LEVEL_VO;
	cli_school_text(&b, &seed);
	text = buf_detach(&b);
	if (create_new(path, text) == 0) {
		printf("wrote %s\nnext: fill in the values marked pending, then "
		    "`protocolgen check %s`\n", path, slash + 1);
		rc = 0;
	}
out:
	free(text);
	free(path);
	free(dir);
	free(schools);
	free(board);
	return rc;
}

int
cmd_new(struct run *r, int argc, char **argv)
{
	if (strcmp(argv[0], "board") == 0 && argc >= 2)
		return good_id("board", argv[1]) ? new_board(r, argv[1],
		    argc == 3 ? argv[2] : "po") : 1;
	if (strcmp(argv[0], "school") == 0 && argc == 2)
		return new_school(r, argv[1]);
	fprintf(stderr, "protocolgen: usage: protocolgen new board BOARD "
	    "[po|vo] | new school BOARD/ID\n");
	return 2;
}
