/*
 * The board's (or a school's) own look: an accent colour checked against
 * WCAG AA and a PNG logo read from the config's folder and validated.
 */
#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "config/config.h"
#include "base/base.h"

static int
v_colour(const char *s)
{
	size_t i;

	if (s[0] != '#' || strlen(s) != 7)
		return 0;
	for (i = 1; i < 7; i++)
		if (!isxdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

/* WCAG 2.x relative luminance of an sRGB colour 0xrrggbb. */
static double
luminance(unsigned rgb)
{
	double c[3];
	int i;

	for (i = 0; i < 3; i++) {
		c[i] = ((rgb >> (16 - 8 * i)) & 0xff) / 255.0;
		c[i] = c[i] <= 0.04045 ? c[i] / 12.92 :
		    pow((c[i] + 0.055) / 1.055, 2.4);
	}
	return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

double
config_contrast(unsigned a, unsigned b)
{
	double la = luminance(a), lb = luminance(b);

	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* The same hue darkened until it reaches 4.5:1 against white. */
static unsigned
darkened(unsigned rgb)
{
	unsigned r = rgb >> 16, g = (rgb >> 8) & 0xff, b = rgb & 0xff, out;
	int k;

	for (k = 99; k >= 0; k--) {
		out = (r * k / 100) << 16 | (g * k / 100) << 8 | b * k / 100;
		if (config_contrast(out, 0xffffff) >= CONFIG_MIN_CONTRAST)
			return out;
	}
	return 0;
}

static void
read_colour(struct config_reader *r, struct look *lk, const struct cval *v)
{
	unsigned rgb;
	double ratio;
	size_t i;

	if (v->type != CV_STRING || !v_colour(v->str)) {
		diag_error(v->loc.file, v->loc.line, "'colour' must be a colour "
		    "as #rrggbb (six hexadecimal digits, e.g. \"#0b5394\"), "
		    "not %s%s%s", v->type == CV_STRING ? "'" : "",
		    v->type == CV_STRING ? v->str : config_type_name(v),
		    v->type == CV_STRING ? "'" : "");
		r->errors++;
		return;
	}
	rgb = (unsigned)strtoul(v->str + 1, NULL, 16);
	ratio = config_contrast(rgb, 0xffffff);
	if (ratio < CONFIG_MIN_CONTRAST) {
		diag_error(v->loc.file, v->loc.line, "colour '%s' has a "
		    "contrast of %.2f:1 against white, below the %.1f:1 that "
		    "WCAG AA asks for text (it colours headings and links): "
		    "choose a darker colour, e.g. \"#%06x\"", v->str,
		    floor(ratio * 100) / 100, CONFIG_MIN_CONTRAST,
		    darkened(rgb));
		r->errors++;
		return;
	}
	lk->colour = xstrdup(v->str);
	for (i = 1; lk->colour[i] != '\0'; i++)
		lk->colour[i] = (char)tolower((unsigned char)lk->colour[i]);
	lk->rgb = rgb;
}

static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	    (unsigned long)p[2] << 8 | p[3];
}

/*
 * Is p[0, n) a well-formed PNG: signature, IHDR first (a size and a
 * bit depth and colour type PNG allows), every chunk within the file with
 * its CRC, an IDAT, IEND last?  NULL when it is, else what is wrong.
 */
static const char *
png_problem(const unsigned char *p, size_t n, unsigned *w, unsigned *h)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n',
	    0x1a, '\n' };
	size_t at = 8, len;
	int idat = 0, depth, type;

	if (n < 8 || memcmp(p, sig, 8) != 0)
		return "it is not a PNG file (no PNG signature)";
	if (n < 33 || be32(p + 8) != 13 || memcmp(p + 12, "IHDR", 4) != 0)
		return "its PNG header (IHDR) is missing";
	*w = (unsigned)be32(p + 16);
	*h = (unsigned)be32(p + 20);
	depth = p[24];
	type = p[25];
	if (!((type == 0 && (depth == 1 || depth == 2 || depth == 4 ||
	    depth == 8 || depth == 16)) || (type == 3 && depth <= 8 &&
	    (depth & (depth - 1)) == 0 && depth > 0) || ((type == 2 ||
	    type == 4 || type == 6) && (depth == 8 || depth == 16))) ||
	    p[26] != 0 || p[27] != 0 || p[28] > 1)
		return "its PNG header (IHDR) is not valid";
	for (;;) {
		if (n - at < 12)
			return "the PNG file is cut short";
		len = be32(p + at);
		if (len > n - at - 12)
			return "the PNG file is cut short";
		if (crc32(0, p + at + 4, (uInt)len + 4) != be32(p + at + 8 +
		    len))
			return "the PNG file is damaged (a chunk's CRC does not "
			    "match)";
		if (memcmp(p + at + 4, "IDAT", 4) == 0)
			idat = 1;
		if (memcmp(p + at + 4, "IEND", 4) == 0)
			break;
		at += 12 + len;
	}
	if (at + 12 != n)
		return "the PNG file has data after its end (IEND)";
	if (!idat)
		return "the PNG file has no image data (IDAT)";
	return NULL;
}

/* Is the name a safe relative path: no '/' first, no '..' part? */
static int
relative_inside(const char *s)
{
	const char *p;
	size_t n;

	if (*s == '\0' || *s == '/' || strchr(s, '\\') != NULL)
		return 0;
	for (p = s; *p != '\0'; p += n + (p[n] == '/')) {
		n = strcspn(p, "/");
		if (n == 2 && p[0] == '.' && p[1] == '.')
			return 0;
	}
	return 1;
}

static int
ends_with_ci(const char *s, const char *end)
{
	size_t n = strlen(s), m = strlen(end);

	return n >= m && strcasecmp(s + n - m, end) == 0;
}

#define LOGO_LIMITS	"at most 512 KiB and 2000 by 2000 pixels"
#define LOGO_HELP	"a logo is a PNG file beside the config, " LOGO_LIMITS

static void
read_logo(struct config_reader *r, struct look *lk, const struct cval *v,
    const char *school_path)
{
	const char *file = v->loc.file, *slash, *why;
	char *path = NULL, *dir = NULL, *real = NULL, *realdir = NULL;
	struct stat st;
	struct buf b = { 0 };
	unsigned w = 0, h = 0;

	if (v->type != CV_STRING || *v->str == '\0') {
		diag_error(v->loc.file, v->loc.line, "'logo' must be the name "
		    "of a PNG file beside the config (\"logo.png\"), not %s",
		    v->type == CV_STRING ? "empty text" : config_type_name(v));
		goto bad;
	}
	if (!relative_inside(v->str)) {
		diag_error(v->loc.file, v->loc.line, "logo '%s' must be a path "
		    "relative to the config's folder, without '..' or a '/' "
		    "first: put the file beside the config", v->str);
		goto bad;
	}
	if (ends_with_ci(v->str, ".svg") || ends_with_ci(v->str, ".svgz")) {
		diag_error(v->loc.file, v->loc.line, "logo '%s' is an SVG "
		    "file: SVG can hold scripts and links to other files, so "
		    "only PNG is accepted; export the logo as PNG (" LOGO_LIMITS ")",
		    v->str);
		goto bad;
	}
	slash = strrchr(file, '/');
	dir = slash != NULL ? xstrndup(file, (size_t)(slash - file)) :
	    xstrdup(".");
	path = xasprintf("%s/%s", dir, v->str);
	if ((real = realpath(path, NULL)) == NULL) {
		diag_error(v->loc.file, v->loc.line, "logo '%s': cannot read "
		    "%s: %s", v->str, path, strerror(errno));
		goto bad;
	}
	if ((realdir = realpath(dir, NULL)) == NULL ||
	    strncmp(real, realdir, strlen(realdir)) != 0 ||
	    real[strlen(realdir)] != '/') {
		diag_error(v->loc.file, v->loc.line, "logo '%s' leads out of "
		    "the config's folder (a symbolic link to %s): put the file "
		    "itself beside the config", v->str, real);
		goto bad;
	}
	if (stat(real, &st) == -1 || !S_ISREG(st.st_mode)) {
		diag_error(v->loc.file, v->loc.line, "logo '%s' is not a file",
		    v->str);
		goto bad;
	}
	if (st.st_size > CONFIG_MAX_LOGO) {
		diag_error(v->loc.file, v->loc.line, "logo '%s' is %lld KiB, "
		    "more than the %d KiB allowed: %s", v->str,
		    (long long)(st.st_size + 1023) / 1024, CONFIG_MAX_LOGO /
		    1024, LOGO_HELP);
		goto bad;
	}
	if (file_read(real, &b) == -1) {
		diag_error(v->loc.file, v->loc.line, "logo '%s': cannot read "
		    "%s: %s", v->str, path, strerror(errno));
		goto bad;
	}
	if (b.len > 0 && (b.data[0] == '<' || (b.len > 3 &&
	    memcmp(b.data, "\xef\xbb\xbf<", 4) == 0))) {
		diag_error(v->loc.file, v->loc.line, "logo '%s' is not a PNG "
		    "file but markup (SVG?): only PNG is accepted; %s", v->str,
		    LOGO_HELP);
		goto bad;
	}
	if ((why = png_problem((const unsigned char *)b.data, b.len, &w,
	    &h)) != NULL) {
		diag_error(v->loc.file, v->loc.line, "logo '%s': %s; %s",
		    v->str, why, LOGO_HELP);
		goto bad;
	}
	if (w == 0 || h == 0 || w > CONFIG_MAX_LOGO_PX ||
	    h > CONFIG_MAX_LOGO_PX) {
		diag_error(v->loc.file, v->loc.line, "logo '%s' is %u by %u "
		    "pixels: at most %d by %d are allowed; scale it down",
		    v->str, w, h, CONFIG_MAX_LOGO_PX, CONFIG_MAX_LOGO_PX);
		goto bad;
	}
	lk->logo = path;
	lk->png = (unsigned char *)b.data;
	lk->png_len = b.len;
	lk->width = w;
	lk->height = h;
	lk->logo_loc = v->loc;
	lk->logo_own = school_path != NULL && strcmp(file, school_path) == 0;
	free(dir);
	free(real);
	free(realdir);
	return;
bad:
	r->errors++;
	buf_free(&b);
	free(path);
	free(dir);
	free(real);
	free(realdir);
}

static void
read_alt(struct config_reader *r, struct look *lk, const struct cval *m,
    const char *ctx)
{
	const struct cval *v;

	lk->logo_alt = config_get_text(r, m, "logo_alt", ctx, 0, NULL, NULL);
	if (lk->logo_alt != NULL && cval_get(m, "logo") == NULL) {
		v = cval_get(m, "logo_alt");
		diag_warn(v->loc.file, v->loc.line, "'logo_alt' without a "
		    "'logo': it is not used");
	}
}

void
config_read_board_look(struct config_reader *r, struct board *b,
    const struct cval *t)
{
	const struct cval *v;

	if ((v = cval_get(t, "colour")) != NULL)
		read_colour(r, &b->look, v);
	if ((v = cval_get(t, "logo")) != NULL)
		read_logo(r, &b->look, v, NULL);
	read_alt(r, &b->look, t, "board");
}

/* Was v written in the board's file (and so read there once)? */
static int
from_board(const struct school *s, const struct cval *v)
{
	return v->loc.file != NULL && strcmp(v->loc.file, s->board->path) == 0;
}

void
config_read_look(struct config_reader *r, struct school *s,
    const struct cval *m)
{
	const struct look *bl = &s->board->look;
	struct look *lk = &s->look;
	const struct cval *v;

	if ((v = cval_get(m, "colour")) != NULL && from_board(s, v)) {
		lk->colour = bl->colour ? xstrdup(bl->colour) : NULL;
		lk->rgb = bl->rgb;
	} else if (v != NULL)
		read_colour(r, lk, v);
	if ((v = cval_get(m, "logo")) != NULL && from_board(s, v)) {
		if (bl->logo != NULL) {
			lk->logo = xstrdup(bl->logo);
			lk->png = xmalloc(bl->png_len);
			memcpy(lk->png, bl->png, bl->png_len);
			lk->png_len = bl->png_len;
			lk->width = bl->width;
			lk->height = bl->height;
			lk->logo_loc = bl->logo_loc;
		}
	} else if (v != NULL)
		read_logo(r, lk, v, s->path);
	if ((v = cval_get(m, "logo_alt")) != NULL && from_board(s, v))
		lk->logo_alt = bl->logo_alt ? xstrdup(bl->logo_alt) : NULL;
	else
		read_alt(r, lk, m, "school");
}

void
config_look_clear(struct look *lk)
{
	free(lk->colour);
	free(lk->logo);
	free(lk->png);
	free(lk->logo_alt);
	memset(lk, 0, sizeof(*lk));
}
