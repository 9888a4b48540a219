/*
 * protocolgen import schools FILE --board BOARD: a school config, as
 * `protocolgen new school` writes it, for each row of a spreadsheet (the
 * board's own, or DUO's open data of schools) with the name, place,
 * website and BRIN code filled in.  A bad row is reported at its line and
 * left out, the others are still imported; an existing config is never
 * overwritten.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/base.h"
#include "cli/cli.h"

enum col { COL_ID, COL_NAME, COL_PLACE, COL_WEBSITE, COL_BRIN,
	COL_VESTIGING, NCOLS };

/*
 * The header names of each column, as written with only their letters and
 * digits, in lower case ("BRIN-nummer" is "brinnummer"); when a file has
 * two of one column, the one earlier here is read (DUO's VESTIGINGSNAAM
 * before INSTELLINGSNAAM).  docs/FORMATS.md lists them.
 */
static const char *const aliases[NCOLS][14] = {
	[COL_ID] = { "id", "schoolid", NULL },
	[COL_NAME] = { "vestigingsnaam", "naam", "schoolnaam", "naamschool",
	    "name", "schoolname", "school", "instellingsnaam", NULL },
	[COL_PLACE] = { "plaatsnaam", "plaats", "vestigingsplaats",
	    "woonplaats", "place", "city", "town", NULL },
	[COL_WEBSITE] = { "internetadres", "website", "webadres", "webpagina",
	    "site", "url", "homepage", "web", "internetaddress", NULL },
	[COL_BRIN] = { "brin", "brinnummer", "brincode", "brinnr",
	    "instellingscode", "instellingsnummer", "institutioncode", NULL },
	[COL_VESTIGING] = { "vestigingsnummer", "vestigingsnr",
	    "vestigingscode", "vestiging", "branch", "branchnumber",
	    "branchcode", "locationnumber", NULL },
};

/* Leading words of a name the id leaves out ("Basisschool De Poolster"
   is de-poolster), while a word remains. */
static const char *const prefixes[] = { "basisschool", "obs", "cbs", "pcbs",
	"rkbs", "kbs", "ikc", NULL };

/* Latin-1 letters U+00C0..U+00FF and Latin Extended-A U+0100..U+017F
   without their accents ("" for × and ÷; æ, ð, þ, ß, ĳ and œ apart). */
static const char latin1[] =
    "aaaaaa?ceeeeiiiidnooooo.ouuuuy??aaaaaa?ceeeeiiiidnooooo.ouuuuy?y";
static const char latin_a[] =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii??jjkkkllllllllll"
    "nnnnnnnnnoooooo??rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

struct import {
	struct run	*r;
	const char	*path, *board;
	const struct csv_row *header;
	char		*dir;
	int		 vo;
	int		 col[NCOLS];	/* field index, or -1 */
	int		 errors;
	size_t		 written, skipped;
	char		**ids;		/* of the rows so far, and their lines */
	int		*lines;
	size_t		 nids, cap;
};

/* A header name with only its letters and digits, in lower case. */
static char *
header_key(const char *h)
{
	char *k = xmalloc(strlen(h) + 1), *p = k;

	for (; *h != '\0'; h++)
		if (isalnum((unsigned char)*h))
			*p++ = (char)tolower((unsigned char)*h);
	*p = '\0';
	return k;
}

static int
read_header(struct import *im, const struct csv_row *h)
{
	int rank[NCOLS], c, k;
	size_t i;
	char *key;

	for (c = 0; c < NCOLS; c++) {
		im->col[c] = -1;
		rank[c] = 99;
	}
	for (i = 0; i < h->n; i++) {
		key = header_key(h->f[i]);
		for (c = 0; c < NCOLS; c++)
			for (k = 0; aliases[c][k] != NULL; k++)
				if (strcmp(key, aliases[c][k]) == 0 &&
				    k < rank[c]) {
					rank[c] = k;
					im->col[c] = (int)i;
				}
		free(key);
	}
	if (im->col[COL_NAME] == -1) {
		diag_error(im->path, h->line, "no column with the school's "
		    "name: call one naam, vestigingsnaam or name (see "
		    "docs/FORMATS.md)");
		return -1;
	}
	return 0;
}

/* The field of column c in row, trimmed and its white space collapsed;
   NULL when absent or empty.  Caller frees. */
static char *
field(const struct import *im, const struct csv_row *row, enum col c)
{
	const char *s;
	struct buf b = { 0 };
	int space = 0;

	if (im->col[c] == -1 || (size_t)im->col[c] >= row->n)
		return NULL;
	for (s = row->f[im->col[c]]; *s != '\0'; s++)
		if (isspace((unsigned char)*s))
			space = 1;
		else {
			if (space && b.len > 0)
				buf_putc(&b, ' ');
			space = 0;
			buf_putc(&b, *s);
		}
	return b.len > 0 ? buf_detach(&b) : NULL;
}

/* The letters of code point u without accents, in lower case, or NULL. */
static const char *
fold(unsigned u, char one[2])
{
	one[1] = '\0';
	if (u < 0x80 && isalnum((int)u)) {
		one[0] = (char)tolower((int)u);
		return one;
	}
	switch (u) {
	case 0xC6: case 0xE6: return "ae";
	case 0xDE: case 0xFE: return "th";
	case 0xDF: return "ss";
	case 0x132: case 0x133: return "ij";
	case 0x152: case 0x153: return "oe";
	}
	if (u >= 0xC0 && u <= 0xFF)
		one[0] = latin1[u - 0xC0];
	else if (u >= 0x100 && u <= 0x17F)
		one[0] = latin_a[u - 0x100];
	else
		return NULL;
	return one[0] == '.' || one[0] == '?' ? NULL : one;
}

/* The school id made from a name: see docs/FORMATS.md.  Caller frees. */
static char *
id_from_name(const char *name)
{
	struct buf b = { 0 };
	const char *p = name, *l;
	size_t n, k, len = strlen(name);
	unsigned u;
	char one[2], *id;
	int gap = 0;

	while (p < name + len) {
		u = utf8_decode(p, len - (size_t)(p - name), &n);
		p += n;
		if (u == '\'' || u == 0x2018 || u == 0x2019)
			continue;	/* 't Kompas, Sint-Jan's: no gap */
		if ((l = fold(u, one)) == NULL) {
			gap = 1;
			continue;
		}
		if (gap && b.len > 0)
			buf_putc(&b, '-');
		gap = 0;
		buf_puts(&b, l);
	}
	id = buf_detach(&b);
	if (id == NULL)
		return xstrdup("");
	for (k = 0; prefixes[k] != NULL; k++) {
		n = strlen(prefixes[k]);
		if (strncmp(id, prefixes[k], n) == 0 && id[n] == '-') {
			memmove(id, id + n + 1, strlen(id + n + 1) + 1);
			k = (size_t)-1;	/* again: "IKC Basisschool ..." */
		}
	}
	if (strlen(id) > 64) {
		id[64] = '\0';
		while (strlen(id) > 0 && id[strlen(id) - 1] == '-')
			id[strlen(id) - 1] = '\0';
	}
	return id;
}

/* A website as the config wants it: "www.x.nl" is https://www.x.nl/. */
static char *
website(const char *w)
{
	if (strstr(w, "://") == NULL && strchr(w, ':') == NULL)
		return xasprintf("https://%s%s", w, strchr(w, '/') ? "" : "/");
	return xstrdup(w);
}

/* Report a bad row at its line: -1. */
#define row_error(im, row, ...) \
	(diag_error((im)->path, (row)->line, __VA_ARGS__), (im)->errors++, -1)

/* BRIN and vestigingsnummer, checked; DUO's "12AB00" split in two. */
static int
brin_fields(struct import *im, const struct csv_row *row, char **brin,
    char **vest)
{
	char *p;

	if (*vest != NULL && strlen(*vest) == 6 && *brin == NULL)
		*brin = xstrndup(*vest, 4);	/* DUO's VESTIGINGSCODE alone */
	for (p = *brin; p != NULL && *p != '\0'; p++)
		*p = (char)toupper((unsigned char)*p);
	if (*vest != NULL && strlen(*vest) == 6 && *brin != NULL &&
	    strncasecmp(*vest, *brin, 4) == 0)
		memmove(*vest, *vest + 4, 3);
	if (*brin != NULL && *vest == NULL && strlen(*brin) == 6 &&
	    config_valid_vestiging(*brin + 4)) {
		*vest = xstrdup(*brin + 4);
		(*brin)[4] = '\0';
	}
	if (*vest != NULL && strlen(*vest) == 1 &&
	    isdigit((unsigned char)**vest)) {
		p = xasprintf("0%s", *vest);	/* a spreadsheet's number */
		free(*vest);
		*vest = p;
	}
	if (*brin != NULL && !config_valid_brin(*brin))
		return row_error(im, row, "BRIN code '%s' is not 2 digits and 2 "
		    "letters (for example 12AB)", *brin);
	if (*vest != NULL && !config_valid_vestiging(*vest))
		return row_error(im, row, "vestigingsnummer '%s' is not 2 digits "
		    "(for example 00)", *vest);
	if (*vest != NULL && *brin == NULL)
		return row_error(im, row, "vestigingsnummer '%s' without a BRIN "
		    "code", *vest);
	return 0;
}

/* Is id free: not of an earlier row, nor of a school of another board? */
static int
free_id(struct import *im, const struct csv_row *row, const char *id)
{
	const struct school *s;
	size_t i;

	for (i = 0; i < im->nids; i++)
		if (strcmp(im->ids[i], id) == 0) {
			diag_error(im->path, row->line, "duplicate school id "
			    "'%s' (line %d has it too): give one of the rows an "
			    "'id' column", id, im->lines[i]);
			im->errors++;
			return 0;
		}
	ARRAY_RESERVE(im->ids, im->nids, im->cap);
	im->lines = xreallocarray(im->lines, im->cap, sizeof(*im->lines));
	im->lines[im->nids] = row->line;
	im->ids[im->nids++] = xstrdup(id);
	if ((s = config_school(&im->r->cfg, id)) != NULL &&
	    strcmp(s->board->id, im->board) != 0) {
		diag_error(im->path, row->line, "school id '%s' is taken by %s "
		    "(ids are unique over all boards): give this row an 'id' "
		    "column", id, s->path);
		im->errors++;
		return 0;
	}
	return 1;
}

static void
import_row(struct import *im, const struct csv_row *row)
{
	struct school_seed seed = { .board = im->board, .vo = im->vo,
	    .source = im->path, .line = row->line };
	struct buf text = { 0 };
	char *v[NCOLS], *site = NULL, *path = NULL;
	int c;

	for (c = 0; c < NCOLS; c++)
		v[c] = field(im, row, (enum col)c);
	if (v[COL_NAME] == NULL) {
		(void)row_error(im, row, "no school name (column '%s')",
		    im->header->f[im->col[COL_NAME]]);
		goto out;
	}
	if (v[COL_WEBSITE] != NULL) {
		site = website(v[COL_WEBSITE]);
		if (!str_starts(site, "http") || !config_valid_url(site)) {
			(void)row_error(im, row, "website '%s' is not a web address "
			    "(https://www.school.nl/)", v[COL_WEBSITE]);
			goto out;
		}
	}
	if (brin_fields(im, row, &v[COL_BRIN], &v[COL_VESTIGING]) == -1)
		goto out;
	if (v[COL_ID] == NULL)
		v[COL_ID] = id_from_name(v[COL_NAME]);
	if (!config_valid_id(v[COL_ID]) || cli_id_reserved(v[COL_ID])) {
		(void)row_error(im, row, "'%s' is not a school id of its own (lower-case "
		    "letters, digits and '-'): give the row an 'id' column",
		    v[COL_ID]);
		goto out;
	}
	if (!free_id(im, row, v[COL_ID]))
		goto out;
	seed.id = v[COL_ID];
	seed.name = v[COL_NAME];
	seed.place = v[COL_PLACE];
	seed.website = site;
	seed.brin = v[COL_BRIN];
	seed.vestiging = v[COL_VESTIGING];
	cli_school_text(&text, &seed);
	path = xasprintf("%s/%s.lua", im->dir, seed.id);
	switch (cli_create_file(path, buf_str(&text))) {
	case 0:
		printf("wrote %s\n", path);
		im->written++;
		break;
	case 1:
		diag_note(im->path, row->line, "%s exists already: skipped "
		    "(import never overwrites a config)", path);
		im->skipped++;
		break;
	default:
		im->errors++;
	}
out:
	buf_free(&text);
	free(path);
	free(site);
	for (c = 0; c < NCOLS; c++)
		free(v[c]);
}

int
cmd_import(struct run *r, int argc, char **argv)
{
	struct import im = { .r = r, .board = r->o.board };
	struct csv csv;
	enum level level;
	char *schools;
	size_t i, j;

	if (strcmp(argv[0], "schools") != 0 || argc != 2 || im.board == NULL) {
		fprintf(stderr, "protocolgen: usage: protocolgen import schools "
		    "FILE --board BOARD\n");
		return 2;
	}
	im.path = argv[1];
	schools = project_path(r->o.root, "schools");
	im.dir = xasprintf("%s/%s", schools, im.board);
	free(schools);
	if (!config_valid_id(im.board) ||
	    (level = cli_board_level(r, im.board, im.dir)) == 0) {
		free(im.dir);
		return 1;
	}
	im.vo = level == LEVEL_VO;
	if (csv_read(im.path, &csv) == -1) {
		free(im.dir);
		return 1;
	}
	if (csv.nrows == 0) {
		diag_error(im.path, 0, "empty: a header line and a row per "
		    "school expected");
		im.errors++;
	} else if (read_header(&im, im.header = &csv.rows[0]) == -1)
		im.errors++;
	else {
		for (i = 1; i < csv.nrows; i++) {
			for (j = 0; j < csv.rows[i].n; j++)
				if (strspn(csv.rows[i].f[j], " \t\r\n") !=
				    strlen(csv.rows[i].f[j]))
					break;
			if (j < csv.rows[i].n)	/* else an empty row */
				import_row(&im, &csv.rows[i]);
		}
		printf("%zu school%s written, %zu skipped, %d row%s with "
		    "errors\n", im.written, im.written == 1 ? "" : "s",
		    im.skipped, im.errors, im.errors == 1 ? "" : "s");
	}
	if (im.written > 0)
		printf("next: fill in the values marked pending, then "
		    "`protocolgen check`\n");
	for (i = 0; i < im.nids; i++)
		free(im.ids[i]);
	free(im.ids);
	free(im.lines);
	free(im.dir);
	csv_free(&csv);
	return im.errors > 0 ? 1 : 0;
}
