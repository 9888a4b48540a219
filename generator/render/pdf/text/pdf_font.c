/* PDF backend: the private font set and a process-wide cache of shaped words. */
#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>
#include <pango/pangofc-fontmap.h>

#include "base/base.h"
#include "render/pdf/text/text.h"

#define SHAPE_SIZE	100.0	/* points: shape large, scale down */
#define MAXBRK		16
/*
 * The cache of shaped words is bounded: once it holds CACHE_MIN words, a
 * new document first drops the words no document used in the last
 * CACHE_KEEP.  Clause text shared by a board's schools stays; names,
 * addresses and dates of schools long done go (8,000 schools would
 * otherwise keep a million words).
 */
#define CACHE_MIN	32768
#define CACHE_KEEP	32

static const struct {
	PangoWeight	 weight;
	PangoStyle	 style;
} faces[NFACES] = {
	{ PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
	{ PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
	{ PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC },
	{ PANGO_WEIGHT_BOLD, PANGO_STYLE_ITALIC },
};

static struct {
	PangoFontMap	*map;
	PangoContext	*ctx;
	PangoFont	*font[NFACES];
	double		 ascent[NFACES], descent[NFACES];
	GSList		*features;	/* for every shaping call */
	struct shaped	**bucket;
	size_t		 nbucket, count;
	unsigned long	 doc;		/* documents started */
	size_t		 sweep_at;	/* count that triggers a sweep */
} F;

/* A private fontconfig: only what conf names, never the machine's fonts. */
static FcConfig *
load_config(const char *conf)
{
	FcConfig *cfg = FcConfigCreate();

	if (cfg == NULL || !FcConfigParseAndLoad(cfg, (const FcChar8 *)conf,
	    FcTrue) || !FcConfigBuildFonts(cfg)) {
		diag_error(conf, 0, "cannot load the font configuration");
		if (cfg != NULL)
			FcConfigDestroy(cfg);
		return NULL;
	}
	return cfg;
}

static void
set_options(PangoContext *ctx)
{
	cairo_font_options_t *fo = cairo_font_options_create();

	/* outlines scale linearly: shape once, use at every size */
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(ctx, fo);
	pango_cairo_context_set_resolution(ctx, 72);	/* sizes are points */
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(ctx, FALSE);
	pango_context_set_language(ctx, pango_language_from_string("nl-nl"));
}

/* Load one face; it must really be Carlito. */
static int
load_face(const char *conf, int i)
{
	PangoFontDescription *d = pango_font_description_new(), *got;
	PangoFontMetrics *m;
	int ok;

	pango_font_description_set_family(d, "Carlito");
	pango_font_description_set_weight(d, faces[i].weight);
	pango_font_description_set_style(d, faces[i].style);
	pango_font_description_set_size(d, (int)(SHAPE_SIZE * PANGO_SCALE));
	F.font[i] = pango_font_map_load_font(F.map, F.ctx, d);
	pango_font_description_free(d);
	if (F.font[i] == NULL) {
		diag_error(conf, 0, "no font found (install "
		    "fonts-crosextra-carlito)");
		return -1;
	}
	got = pango_font_describe(F.font[i]);
	ok = strcmp(pango_font_description_get_family(got), "Carlito") == 0 &&
	    pango_font_description_get_weight(got) == faces[i].weight &&
	    pango_font_description_get_style(got) == faces[i].style;
	if (!ok)
		diag_error(conf, 0, "font '%s' found instead of Carlito "
		    "(install fonts-crosextra-carlito)",
		    pango_font_description_get_family(got));
	pango_font_description_free(got);
	m = pango_font_get_metrics(F.font[i], NULL);
	F.ascent[i] = pango_font_metrics_get_ascent(m) / (double)PANGO_SCALE /
	    SHAPE_SIZE;
	F.descent[i] = pango_font_metrics_get_descent(m) /
	    (double)PANGO_SCALE / SHAPE_SIZE;
	pango_font_metrics_unref(m);
	return ok ? 0 : -1;
}

int
pdf_font_init(const char *conf)
{
	FcConfig *cfg;
	int i;

	if (F.map != NULL)
		return 0;
	if ((cfg = load_config(conf)) == NULL)
		return -1;
	/*
	 * A new font map makes pango load fontconfig's default
	 * configuration in a thread of its own, though this font map never
	 * uses it: on a machine without font caches that thread reads every
	 * font of the system, and it may still be running when build
	 * --jobs forks its workers.  Our configuration as the default makes
	 * that load as small as ours.
	 */
	if (setenv("FONTCONFIG_FILE", conf, 1) == -1) {
		diag_error(conf, 0, "cannot set FONTCONFIG_FILE");
		FcConfigDestroy(cfg);
		return -1;
	}
	F.map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(F.map), cfg);
	FcConfigDestroy(cfg);		/* the font map holds a reference */
	F.ctx = pango_font_map_create_context(F.map);
	set_options(F.ctx);
	for (i = 0; i < NFACES; i++)
		if (load_face(conf, i) == -1) {
			pdf_font_free();
			return -1;
		}
	/* no ligatures, as in the word processors boards use; every letter
	   stays its own glyph, so every hyphenation point is usable */
	F.features = g_slist_prepend(NULL,
	    pango_attr_font_features_new("liga 0, clig 0"));
	F.nbucket = 4096;
	F.bucket = xcalloc(F.nbucket, sizeof(*F.bucket));
	F.sweep_at = CACHE_MIN;
	return 0;
}

/* An entry is three blocks: itself, its glyphs (with the text), breaks. */
static void
shaped_free(struct shaped *s)
{
	free(s->adv);
	free(s->brkw);
	free(s);
}

void
pdf_font_next_document(void)
{
	struct shaped **pp, *s;
	size_t i;

	F.doc++;
	if (F.bucket == NULL || F.count < F.sweep_at)
		return;
	for (i = 0; i < F.nbucket; i++)
		for (pp = &F.bucket[i]; (s = *pp) != NULL; ) {
			if (s->used + CACHE_KEEP < F.doc) {
				*pp = s->next;
				shaped_free(s);
				F.count--;
			} else
				pp = &s->next;
		}
	/* what every recent document uses stays: sweep again only when
	   the cache has doubled, so sweeping costs O(1) per word */
	F.sweep_at = F.count * 2 > CACHE_MIN ? F.count * 2 : CACHE_MIN;
}

void
pdf_font_free(void)
{
	struct shaped *s, *next;
	size_t i;
	int k;

	for (i = 0; i < F.nbucket; i++)
		for (s = F.bucket[i]; s != NULL; s = next) {
			next = s->next;
			shaped_free(s);
		}
	free(F.bucket);
	if (F.features != NULL)
		pango_attribute_destroy(F.features->data);
	g_slist_free(F.features);
	for (k = 0; k < NFACES; k++)
		if (F.font[k] != NULL)
			g_object_unref(F.font[k]);
	if (F.ctx != NULL)
		g_object_unref(F.ctx);
	if (F.map != NULL) {
		/* pango 1.50 keeps its reference to the configuration when
		   the map is finalized: hand it back first */
		pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(F.map), NULL);
		g_object_unref(F.map);
	}
	memset(&F, 0, sizeof(F));
}

void
pdf_font_files(void (*fn)(void *, const char *), void *arg)
{
	FcPattern *pat;
	FcChar8 *file;
	int i;

	for (i = 0; i < NFACES; i++) {
		if (F.font[i] == NULL)
			continue;
		pat = pango_fc_font_get_pattern(PANGO_FC_FONT(F.font[i]));
		if (pat != NULL && FcPatternGetString(pat, FC_FILE, 0,
		    &file) == FcResultMatch)
			fn(arg, (const char *)file);
	}
}

cairo_font_face_t *
pdf_font_face(int face)
{
	cairo_scaled_font_t *sf;

	sf = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(F.font[face]));
	return cairo_scaled_font_get_font_face(sf);
}

void
pdf_font_metrics(int face, double *ascent, double *descent)
{
	*ascent = F.ascent[face];
	*descent = F.descent[face];
}

size_t
pdf_font_cached(void)
{
	return F.count;
}

static size_t
hash(int face, const char *s, size_t len)
{
	size_t h = 1469598103934665603ULL ^ (size_t)face, i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static void
rehash(void)
{
	size_t n = F.nbucket * 2, i, h;
	struct shaped **b = xcalloc(n, sizeof(*b)), *s, *next;

	for (i = 0; i < F.nbucket; i++)
		for (s = F.bucket[i]; s != NULL; s = next) {
			next = s->next;
			h = hash(s->face, s->text, s->len) & (n - 1);
			s->next = b[h];
			b[h] = s;
		}
	free(F.bucket);
	F.bucket = b;
	F.nbucket = n;
}

/*
 * Copy pango's glyphs, per 1 pt; unknown glyphs become .notdef.  One
 * block holds the advances, offsets, glyph ids, clusters and the text.
 */
static void
take_glyphs(struct shaped *s, PangoGlyphString *gs, const char *text)
{
	const double k = 1.0 / PANGO_SCALE / SHAPE_SIZE;
	int i, n = gs->num_glyphs;
	size_t m = (size_t)n + 1;
	char *text_copy;

	s->nglyphs = n;
	s->adv = xcalloc(1, m * (3 * sizeof(double) + sizeof(*s->glyph) +
	    sizeof(*s->cluster)) + s->len + 1);
	s->xoff = s->adv + m;
	s->yoff = s->xoff + m;
	s->glyph = (unsigned *)(void *)(s->yoff + m);
	s->cluster = (int *)(void *)(s->glyph + m);
	text_copy = (char *)(s->cluster + m);
	memcpy(text_copy, text, s->len);
	s->text = text_copy;
	for (i = 0; i < n; i++) {
		PangoGlyphInfo *g = &gs->glyphs[i];
		s->glyph[i] = (g->glyph & PANGO_GLYPH_UNKNOWN_FLAG) ||
		    g->glyph == PANGO_GLYPH_EMPTY ? 0 : g->glyph;
		s->adv[i] = g->geometry.width * k;
		s->xoff[i] = g->geometry.x_offset * k;
		s->yoff[i] = g->geometry.y_offset * k;
		s->cluster[i] = gs->log_clusters[i];
		s->width += s->adv[i];
	}
}

static int
is_letter(unsigned cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF &&
	    cp != 0xF7);
}

/*
 * Hyphenation is for ordinary lower-case words: anything with digits,
 * capitals (names, abbreviations), or URL and address characters inside
 * is left whole.  Leading and trailing punctuation is allowed, and a
 * compound with a hyphen is hyphenated part by part.
 */
static size_t
find_points(const char *t, size_t len, unsigned short *at, size_t max)
{
	size_t i = 0, k, start = 0, n = 0, j, got;
	unsigned cp;
	int inword = 0;

	while (i <= len && n < max) {
		cp = i < len ? utf8_decode(t + i, len - i, &k) : 0;
		if (i < len && is_letter(cp)) {
			if (!inword)
				start = i;
			inword = 1;
		} else {
			if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 &&
			    cp <= 0xDE) || (cp >= '0' && cp <= '9') ||
			    cp == '@' || cp == '/' || cp == ':' ||
			    cp == '_' || cp == '=' || cp == '&')
				return 0;
			if (cp == '.' && i + 1 < len && t[i + 1] != '.' &&
			    t[i + 1] != ')' && t[i + 1] != '"')
				return 0;	/* a domain or "o.a." */
			if (inword) {
				got = hyph_points(t + start, i - start,
				    at + n, max - n);
				for (j = n; j < n + got; j++)
					at[j] = (unsigned short)(at[j] +
					    start);
				n += got;
			}
			inword = 0;
		}
		if (i == len)
			break;
		i += k;
	}
	return n;
}

/* Keep the points that fall on a cluster boundary; measure the prefix. */
static void
take_breaks(struct shaped *s)
{
	unsigned short at[MAXBRK];
	size_t n = find_points(s->text, s->len, at, MAXBRK), i;
	int g;
	double w;

	if (n == 0)
		return;
	/* one block: widths, first glyphs, offsets */
	s->brkw = xcalloc(n, sizeof(*s->brkw) + sizeof(*s->brkg) +
	    sizeof(*s->brk));
	s->brkg = (int *)(void *)(s->brkw + n);
	s->brk = (unsigned short *)(void *)(s->brkg + n);
	for (i = 0; i < n; i++) {
		for (g = 0, w = 0; g < s->nglyphs && s->cluster[g] <
		    (int)at[i]; g++)
			w += s->adv[g];
		if (g >= s->nglyphs || s->cluster[g] != (int)at[i])
			continue;	/* inside a ligature */
		s->brk[s->nbrk] = at[i];
		s->brkg[s->nbrk] = g;
		s->brkw[s->nbrk] = w;
		s->nbrk++;
	}
}

static struct shaped *
shape_new(int face, const char *text, size_t len)
{
	struct shaped *s = xcalloc(1, sizeof(*s));
	PangoGlyphString *gs = pango_glyph_string_new();
	PangoAnalysis an;

	memset(&an, 0, sizeof(an));
	an.font = F.font[face];
	an.level = 0;
	an.gravity = PANGO_GRAVITY_SOUTH;
	an.script = PANGO_SCRIPT_LATIN;
	an.language = pango_language_from_string("nl-nl");
	an.extra_attrs = F.features;
	s->len = len;
	s->face = face;
	pango_shape_with_flags(text, (int)len, text, (int)len, &an, gs,
	    PANGO_SHAPE_NONE);
	take_glyphs(s, gs, text);
	pango_glyph_string_free(gs);
	take_breaks(s);
	return s;
}

const struct shaped *
pdf_shape(int face, const char *text, size_t len)
{
	size_t h = hash(face, text, len);
	struct shaped *s;

	for (s = F.bucket[h & (F.nbucket - 1)]; s != NULL; s = s->next)
		if (s->face == face && s->len == len &&
		    memcmp(s->text, text, len) == 0) {
			s->used = F.doc;
			return s;
		}
	if (F.count + 1 > F.nbucket)
		rehash();
	s = shape_new(face, text, len);
	s->used = F.doc;
	h &= F.nbucket - 1;
	s->next = F.bucket[h];
	F.bucket[h] = s;
	F.count++;
	return s;
}

const struct shaped *
pdf_shape_str(int face, const char *text)
{
	return pdf_shape(face, text, strlen(text));
}
