/* Unit tests of the PDF backend: hyphenation, shaping, line breaking, the
   catalogue edit. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/pdf/text/text.h"
#include "render/pdf/pdf.h"
#include "tap.h"
#include "base/base.h"

static void
test_hyphen(void)
{
	unsigned short at[16];
	size_t n, i;
	int ok = 1;
	const char *w = "verantwoordelijkheid";

	INT_EQ(hyph_load("/usr/share/hyphen/hyph_nl_NL.dic"), 0,
	    "hyph_nl_NL.dic loads");
	n = hyph_points(w, strlen(w), at, 16);
	OK(n >= 4, "verantwoordelijkheid has hyphenation points");
	for (i = 0; i < n; i++)
		ok = ok && at[i] >= 2 && (size_t)at[i] + 3 <= strlen(w) &&
		    (i == 0 || at[i] > at[i - 1]);
	OK(ok, "points leave two letters before and three after");
	w = "beïnvloeden";		/* ï is two bytes in UTF-8 */
	n = hyph_points(w, strlen(w), at, 16);
	OK(n >= 1, "beïnvloeden (UTF-8 ï) has points");
	for (i = 0, ok = 1; i < n; i++)
		ok = ok && ((unsigned char)w[at[i]] & 0xC0) != 0x80;
	OK(ok, "points fall on character boundaries");
	INT_EQ(hyph_points("łódźka", strlen("łódźka"), at, 16), 0,
	    "letters outside ISO-8859-1: no points");
	INT_EQ(hyph_points("kat", 3, at, 16), 0, "short words: no points");
}

static void
test_shape(void)
{
	const struct shaped *s;
	char *conf = realpath("templates/fonts.conf", NULL);

	INT_EQ(conf != NULL ? pdf_font_init(conf) : -1, 0,
	    "Carlito loads through templates/fonts.conf");
	free(conf);
	s = pdf_shape_str(FACE_REGULAR, "organisatie");
	/* Carlito has a "ti" ligature */
	OK(s->nglyphs >= 10 && s->nglyphs <= 11 && s->width > 3 &&
	    s->width < 7, "organisatie: its glyphs, a plausible width per pt");
	OK(s->nbrk > 0, "organisatie may be hyphenated");
	OK(pdf_shape_str(FACE_REGULAR, "organisatie") == s,
	    "shaped words are cached");
	INT_EQ(pdf_shape_str(FACE_REGULAR, "Quadraam")->nbrk, 0,
	    "a capitalised name is never hyphenated");
	INT_EQ(pdf_shape_str(FACE_REGULAR, "www.voorbeeldschool.nl")->nbrk, 0,
	    "a domain is never hyphenated");
	INT_EQ(pdf_shape_str(FACE_REGULAR, "2019-2020")->nbrk, 0,
	    "numbers are never hyphenated");
	s = pdf_shape_str(FACE_REGULAR, "(verantwoordelijkheid),");
	OK(s->nbrk > 0 && s->brk[0] > 1, "punctuation around a word is fine");
	s = pdf_shape_str(FACE_BOLD, "sociale-mediabeleid");
	int i, ok = 1;
	for (i = 0; i < s->nbrk; i++)
		ok = ok && s->text[s->brk[i] - 1] != '-';
	OK(s->nbrk > 0 && ok, "compounds: parts hyphenate, never at their '-'");
}

static const char *words =
    "Medewerkers hebben een bijzondere verantwoordelijkheid bij het "
    "gebruik van sociale media: privemeningen van medewerkers kunnen "
    "eenvoudig verward worden met de officiele standpunten van de "
    "onderwijsinstelling. Indien een medewerker deelneemt aan een discussie "
    "die op enigerlei wijze te maken heeft met de organisatie, dient de "
    "medewerker te vermelden dat hij medewerker is en welke functie hij "
    "bekleedt. Zulke onoverzichtelijkheidsbevorderingsmaatregelen bestaan.";

/* Atoms of a plain text, as the layout makes them. */
static size_t
atoms(const char *text, struct pdf_atom *a, size_t max)
{
	struct pdf_style st = pdf_style(FACE_REGULAR, 10.5, 0);
	size_t n = 0, len;

	while (*text != '\0' && n < max) {
		if (*text == ' ') {
			text++;
			continue;
		}
		len = strcspn(text, " ");
		memset(&a[n], 0, sizeof(a[n]));
		a[n].w = pdf_shape(FACE_REGULAR, text, len);
		a[n].style = st;
		a[n].glue = n > 0;
		n++;
		text += len;
	}
	return n;
}

static void
test_break(double width)
{
	struct pdf_store st = { 0 };
	struct pdf_atom a[128];
	size_t n = atoms(words, a, 128), first, lines, i, k;
	int fits = 1, justified = 1, hyphens = 0;
	char name[96];

	first = para_break(&st, a, n, width, 1, 1, &lines);
	OK(lines >= 3, "a paragraph takes several lines");
	for (i = first; i < first + lines; i++) {
		const struct pdf_line *l = &st.line[i];
		for (k = l->f0; k < l->f0 + l->nf; k++) {
			const struct pdf_frag *f = &st.frag[k];
			double end = f->x + f->width + (f->hyphen ?
			    para_hyphen_width(&f->style) : 0);
			fits = fits && end <= width + 0.01;
			hyphens += f->hyphen;
		}
		if (i + 1 < first + lines && l->nf > 1) {
			const struct pdf_frag *f = &st.frag[l->f0 + l->nf - 1];
			double end = f->x + f->width + (f->hyphen ?
			    para_hyphen_width(&f->style) : 0);
			justified = justified && fabs(end - width) < 0.05;
		}
	}
	snprintf(name, sizeof(name), "width %.0f: no line runs past the "
	    "margin", width);
	OK(fits, name);
	snprintf(name, sizeof(name), "width %.0f: every line but the last is "
	    "justified to the margin", width);
	OK(justified, name);
	snprintf(name, sizeof(name), "width %.0f: some lines end hyphenated",
	    width);
	OK(hyphens > 0 || width > 400, name);
	store_free(&st);
}

static void
test_overlong(void)
{
	struct pdf_store st = { 0 };
	struct pdf_atom a[4];
	size_t n = atoms("https://www.voorbeeldschool.nl/een/heel/lang/pad",
	    a, 4), lines, i, k;
	int fits = 1;

	a[0].nohyph = 1;
	para_break(&st, a, n, 60, 1, 1, &lines);
	OK(lines > 1, "a word wider than the line is split");
	for (i = 0; i < lines; i++)
		for (k = st.line[i].f0; k < st.line[i].f0 + st.line[i].nf; k++)
			fits = fits && st.frag[k].x + st.frag[k].width <= 60.01 &&
			    !st.frag[k].hyphen;
	OK(fits, "its pieces fit, without hyphens");
	store_free(&st);
}

/*
 * "beeld- en geluidsopnamen": for every width at which the line could end
 * after "beeld-", it must not (pdftotext would join "beeld-" and "en").
 */
static void
test_own_hyphen(void)
{
	struct pdf_store st = { 0 };
	struct pdf_atom a[16];
	size_t n, lines, i, first;
	double width;
	int never = 1, tried = 0;

	for (width = 60; width <= 200; width += 2) {
		n = atoms("Er mogen geen beeld- en geluidsopnamen gemaakt "
		    "worden", a, 16);
		first = para_break(&st, a, n, width, 1, 1, &lines);
		for (i = first; i + 1 < first + lines; i++) {
			const struct pdf_line *l = &st.line[i];
			const struct pdf_frag *f = &st.frag[l->f0 + l->nf - 1];
			tried++;
			if (!f->hyphen && f->g1 == f->w->nglyphs &&
			    f->w->len > 1 && f->w->text[f->w->len - 1] == '-')
				never = 0;
		}
		store_free(&st);
		memset(&st, 0, sizeof(st));
	}
	OK(tried > 0, "the sentence was broken into lines");
	OK(never, "no line ends in a word's own hyphen");
}

/*
 * A redline's marker ("[ingevoegd:") is tied to the word after it: at no
 * width that holds both does a line end between them.
 */
static void
test_tie(void)
{
	struct pdf_store st = { 0 };
	struct pdf_atom a[16];
	size_t n, lines, i, first;
	double width, pair;
	int never = 1, tried = 0;

	atoms("[ingevoegd: respectvol]", a, 2);
	pair = (a[0].w->width + a[1].w->width) * 10.5 +
	    pdf_shape_str(FACE_REGULAR, " ")->width * 10.5;
	for (width = pair + 1; width <= 200; width += 3) {
		n = atoms("Iedereen gaat [ingevoegd: respectvol] met elkaar om",
		    a, 16);
		a[3].tie = 1;
		first = para_break(&st, a, n, width, 1, 1, &lines);
		for (i = first + 1; i < first + lines; i++) {
			const struct pdf_frag *f = &st.frag[st.line[i].f0];
			tried++;
			if (f->g0 == 0 && f->w == a[3].w)
				never = 0;
		}
		store_free(&st);
		memset(&st, 0, sizeof(st));
	}
	OK(tried > 0, "tie: the sentence was broken into lines");
	OK(never, "tie: no line starts with a word tied to the one before");
}

/* A badge's box has room inside: its frag is wider by twice the pad. */
static void
test_pad(void)
{
	struct pdf_store st = { 0 };
	struct pdf_atom a[4];
	size_t n = atoms("GEWIJZIGD staat hier", a, 4), lines, first;
	double natural = a[0].w->width * a[0].style.size;

	a[0].style.pad = 3;
	a[0].style.deco = DECO_BOX;
	first = para_break(&st, a, n, 400, 0, 0, &lines);
	INT_EQ((int)lines, 1, "pad: one line");
	OK(fabs(st.frag[st.line[first].f0].width - natural - 6) < 0.001,
	    "pad: the boxed word is wider by its room on both sides");
	OK(st.frag[st.line[first].f0 + 1].x > natural + 6,
	    "pad: the next word starts after the box");
	store_free(&st);
}

/*
 * Marked words still hyphenate, and both parts of a broken word keep the
 * mark, so that drawing decorates the part before the hyphen (and the
 * hyphen) and the part after it.
 */
static void
test_marked_hyphen(void)
{
	struct pdf_store st = { 0 };
	struct pdf_atom a[128];
	size_t n = atoms(words, a, 128), lines, i, first, k;
	int broken = 0, kept = 1;

	for (i = 0; i < n; i++)
		a[i].style.deco = DECO_INS;
	first = para_break(&st, a, n, 150, 1, 1, &lines);
	for (i = first; i + 1 < first + lines; i++) {
		const struct pdf_line *l = &st.line[i];
		const struct pdf_frag *f = &st.frag[l->f0 + l->nf - 1];
		const struct pdf_frag *g = &st.frag[st.line[i + 1].f0];
		if (!f->hyphen)
			continue;
		broken++;
		kept = kept && f->style.deco == DECO_INS &&
		    g->style.deco == DECO_INS && g->w == f->w &&
		    g->g0 == f->g1;
	}
	for (k = 0; k < st.nfrag; k++)
		kept = kept && st.frag[k].style.deco == DECO_INS;
	OK(broken > 0, "marked: words are hyphenated at narrow widths");
	OK(kept, "marked: both parts of a broken word carry the mark");
	store_free(&st);
}

/* A minimal PDF with an exact classic xref table. */
static void
mini_pdf(struct buf *b, const char *catalog_extra)
{
	size_t off[4];

	buf_reset(b);
	buf_puts(b, "%PDF-1.5\n");
	off[1] = b->len;
	buf_puts(b, "1 0 obj\n<< /Type /Pages /Kids [2 0 R] /Count 1 >>\n"
	    "endobj\n");
	off[2] = b->len;
	buf_puts(b, "2 0 obj\n<< /Type /Page /Parent 1 0 R /MediaBox [0 0 10 "
	    "10] >>\nendobj\n");
	off[3] = b->len;
	buf_printf(b, "3 0 obj\n<< /Type /Catalog%s\n   /Pages 1 0 R\n>>\n"
	    "endobj\n", catalog_extra);
	size_t x = b->len;
	buf_printf(b, "xref\n0 4\n0000000000 65535 f \n%010zu 00000 n \n"
	    "%010zu 00000 n \n%010zu 00000 n \ntrailer\n<< /Size 4\n   /Root "
	    "3 0 R\n>>\nstartxref\n%zu\n%%%%EOF\n", off[1], off[2], off[3], x);
}

/* Does every entry in use of the last xref table point at its object? */
static int
update_exact(const struct buf *b)
{
	const char *s = buf_str(b), *sx, *p;
	char head[32], *e;
	long first, n, i, off;

	if ((sx = strstr(s, "startxref\n")) == NULL)
		return 0;
	while ((p = strstr(sx + 1, "startxref\n")) != NULL)
		sx = p;
	off = atol(sx + 10);
	if (strncmp(s + off, "xref\n", 5) != 0)
		return 0;
	for (p = s + off + 5; *p >= '0' && *p <= '9';) {
		first = strtol(p, &e, 10);
		n = strtol(e, &e, 10);
		p = e + 1;
		for (i = 0; i < n; i++, p += 20) {
			if (p[17] == 'f')
				continue;
			snprintf(head, sizeof(head), "%ld 0 obj", first + i);
			if (strncmp(s + atol(p), head, strlen(head)) != 0)
				return 0;
		}
	}
	return strncmp(p, "trailer\n", 8) == 0;
}

static void
test_catalog(void)
{
	struct buf b = { 0 }, copy = { 0 }, orig = { 0 };
	struct dev_info in = { .title = "Protocol – De Bron", .author = "A & B",
	    .creator = "protocolgen", .date = "2025-11-21T00:00:00Z" };
	struct pdf_alt alt = { 0 };

	mini_pdf(&b, "");
	buf_put(&orig, b.data, b.len);
	INT_EQ(pdf_finish(&b, "nl-NL", &in, &alt), 0, "the file is finished");
	OK(memcmp(b.data, orig.data, strstr(orig.data, "3 0 obj") - orig.data)
	    == 0, "cairo's objects that do not change are copied as they are");
	OK(strstr(strstr(buf_str(&b), "/Type /Catalog") + 1, "/Type /Catalog")
	    == NULL, "one catalogue: nothing superseded stays");
	STR_HAS(buf_str(&b), "3 0 obj\n<< /Lang (nl-NL) /MarkInfo "
	    "<< /Marked true >> /Metadata 4 0 R /ViewerPreferences "
	    "<< /DisplayDocTitle true >> /Type /Catalog",
	    "the catalogue has /Lang, /MarkInfo, /Metadata, DisplayDocTitle");
	STR_HAS(buf_str(&b), "<pdfuaid:part>1</pdfuaid:part>", "XMP: PDF/UA-1");
	STR_HAS(buf_str(&b), "<rdf:li xml:lang=\"x-default\">Protocol – De "
	    "Bron</rdf:li>", "XMP: dc:title");
	STR_HAS(buf_str(&b), "<rdf:li>A &amp; B</rdf:li>", "XMP: escaped");
	STR_HAS(buf_str(&b), "xref\n0 5\n", "one xref table, the XMP added");
	STR_HAS(buf_str(&b), "trailer\n<< /Size 5\n   /Root 3 0 R\n>>",
	    "trailer: /Size and /Root");
	OK(update_exact(&b), "every offset is exact");
	buf_reset(&copy);
	buf_put(&copy, b.data, b.len);
	INT_EQ(pdf_finish(&b, "nl-NL", &in, &alt), -1,
	    "a finished file is refused");
	OK(b.len == copy.len, "and left untouched");
	mini_pdf(&b, " /MarkInfo << /Marked true >>");
	INT_EQ(pdf_finish(&b, "nl-NL", &in, &alt), 0, "a marked catalogue");
	OK(strstr(buf_str(&b), "/Marked true >> /Metadata") == NULL,
	    "gets no second /MarkInfo");
	mini_pdf(&b, " /Lang (de)");
	INT_EQ(pdf_finish(&b, "nl-NL", &in, &alt), -1,
	    "a catalogue that has /Lang is refused");
	buf_reset(&copy);
	buf_puts(&copy, "%PDF-1.5\nno xref at all\n%%EOF\n");
	INT_EQ(pdf_finish(&copy, "nl-NL", &in, &alt), -1,
	    "a file without a classic xref table is refused");
	STR_EQ(buf_str(&copy), "%PDF-1.5\nno xref at all\n%%EOF\n",
	    "and left untouched");
	buf_free(&b);
	buf_free(&copy);
	buf_free(&orig);
}

/* A PDF of the objects obj[0..n) (numbered from 1), catalogue last. */
static void
objs_pdf(struct buf *b, const char *const *obj, size_t n)
{
	size_t off[16], i, x;

	buf_reset(b);
	buf_puts(b, "%PDF-1.5\n");
	for (i = 0; i < n; i++) {
		off[i] = b->len;
		buf_printf(b, "%zu 0 obj\n%s\nendobj\n", i + 1, obj[i]);
	}
	x = b->len;
	buf_printf(b, "xref\n0 %zu\n0000000000 65535 f \n", n + 1);
	for (i = 0; i < n; i++)
		buf_printf(b, "%010zu 00000 n \n", off[i]);
	buf_printf(b, "trailer\n<< /Size %zu\n   /Root %zu 0 R\n>>\n"
	    "startxref\n%zu\n%%%%EOF\n", n + 1, n, x);
}

static void
test_links(void)
{
	static const char *const obj[] = {
		"<< /Type /Pages /Kids [2 0 R] /Count 1 >>",
		"<< /Type /Page % 1\n   /Parent 1 0 R /Annots [3 0 R 4 0 R 5 0 R] >>",
		"<< /Type /Annot /Subtype /Link /Dest <666e2d31> /BS << /W 0 >>>>",
		"<< /Type /Annot /Subtype /Link /A << /S /URI /URI "
		    "(https://a.nl/livestream) >> >>",
		"<< /Type /Annot /Subtype /Link /Dest (nergens) >>",
		"<< /Type /Catalog /Pages 1 0 R >>",
	};
	struct pdf_alt_link v[] = {
		{ "fn-1", "1" }, { "https://a.nl/livestream", "de stream " },
	};
	struct pdf_alt alt = { v, 2, 2, NULL };
	struct dev_info in = { .title = "T", .creator = "protocolgen",
	    .date = "2025-11-21T00:00:00Z" };
	struct buf b = { 0 };

	if (text_load("templates/nl.strings") == -1)
		return;
	objs_pdf(&b, obj, sizeof(obj) / sizeof(obj[0]));
	INT_EQ(pdf_finish(&b, "nl-NL", &in, &alt), 0, "links: finished");
	/* "voetnoot 1", "de stream", "nergens" in UTF-16BE */
	STR_HAS(buf_str(&b), "3 0 obj\n<< /Contents <FEFF0076006F00650074006E"
	    "006F006F007400200031> /Type /Annot",
	    "a footnote reference says 'voetnoot 1' (hex /Dest read)");
	STR_HAS(buf_str(&b), "4 0 obj\n<< /Contents <FEFF0064006500200073007400"
	    "7200650061006D>", "a URI link: the text drawn over it, trimmed");
	STR_HAS(buf_str(&b), "5 0 obj\n<< /Contents <FEFF006E00650072006700650"
	    "06E0073>", "a link with no text drawn: its target");
	STR_HAS(buf_str(&b), "2 0 obj\n<< /Tabs /S /Type /Page % 1\n",
	    "its page gets /Tabs /S");
	OK(update_exact(&b), "and every offset is exact");
	buf_free(&b);
}

static void
test_artifacts(void)
{
	struct buf out = { 0 };
	const char *in = "1 0 0 -1 0 841.89 cm\nq\n0.5 g BT\n(head)Tj\nET\n"
	    "/P << /MCID 0 >> BDC\nBT\n(text)Tj\nET\nEMC\n0 0 1 1 re f\nQ\n";

	INT_EQ(pdf_artifacts(in, strlen(in), &out), 0, "content is wrapped");
	STR_EQ(buf_str(&out), "/Artifact BMC\n1 0 0 -1 0 841.89 cm\nEMC\nq\n"
	    "/Artifact BMC\n0.5 g BT\n(head)Tj\nET\nEMC\n"
	    "/P << /MCID 0 >> BDC\nBT\n(text)Tj\nET\nEMC\n"
	    "/Artifact BMC\n0 0 1 1 re f\nEMC\nQ\n",
	    "what no tag holds is an artifact, q and Q outside it");
	buf_reset(&out);
	in = "BT\n/P << /MCID 0 >> BDC\n(x)Tj\nEMC\nET\n";
	INT_EQ(pdf_artifacts(in, strlen(in), &out), -1,
	    "marked content inside a text object is refused");
	buf_reset(&out);
	in = "/P << /MCID 0 >> BDC\nBT\n(x)Tj\n/Span << /ActualText <feff00a0> >> "
	    "BDC\n( )Tj\nEMC\nET\nEMC\n";
	INT_EQ(pdf_artifacts(in, strlen(in), &out), 0,
	    "a span nested in tagged text (cairo's no-break space) is kept");
	buf_reset(&out);
	in = "BT\n(x)Tj\n/Span << /ActualText <feff00a0> >> BDC\n( )Tj\nEMC\n"
	    "(y)Tj\nET\n";
	INT_EQ(pdf_artifacts(in, strlen(in), &out), 0,
	    "such a span in untagged text is kept");
	STR_EQ(buf_str(&out), "/Artifact BMC\nBT\n(x)Tj\n/Span << /ActualText "
	    "<feff00a0> >> BDC\n( )Tj\nEMC\n(y)Tj\nET\nEMC\n",
	    "inside the artifact, which stays open");
	buf_reset(&out);
	in = "Q /P << /MCID 0 >> BDC\n(x)Tj\nEMC\n";
	INT_EQ(pdf_artifacts(in, strlen(in), &out), -1,
	    "marked content not on a line of its own is refused");
	buf_reset(&out);
	in = "/P << /MCID 0 >> BDC\n(x)Tj\n";
	INT_EQ(pdf_artifacts(in, strlen(in), &out), -1,
	    "unbalanced marked content is refused");
	buf_free(&out);
}

/* The content stream of a one-page PDF (the one with marked content). */
static void
page_content(const struct buf *pdf, struct buf *out)
{
	const char *s = buf_str(pdf), *p, *e;

	for (p = s; (p = strstr(p, "stream\n")) != NULL; p = e) {
		p += 7;
		if ((e = strstr(p, "\nendstream")) == NULL)
			return;
		buf_reset(out);
		if (pdf_inflate(p, (size_t)(e - p), out) == 0 &&
		    strstr(buf_str(out), " BDC\n") != NULL)
			return;
	}
	buf_reset(out);
}

/* A paragraph's words, the second and third a link to target (or none). */
static void
link_para(struct render *r, const char *target)
{
	struct inl in = { 0 };
	struct pdf_style st = pdf_style(FACE_REGULAR, BODY_SIZE, INK);
	size_t first, n;

	pdf_tag(r, "P");
	pdf_inl_text(&in, "Lees", &st, 0);
	st.link = target != NULL ? pdf_link(r, 0, target) : -1;
	pdf_inl_text(&in, " de site", &st, 0);
	st.link = -1;
	pdf_inl_text(&in, " en verder.", &st, 0);
	first = para_break(&r->store, in.a, in.n, TEXT_W, 1, 1, &n);
	pdf_lines(r, first, n, 0, BODY_SIZE, BODY_LEAD, 0, 0);
	pdf_end(r, "P");
	free(in.a);
}

/*
 * Drawing: cairo 1.16 marks the content of childless structure elements
 * only, so a paragraph's own text beside a link goes into Spans; one
 * without a link stays a leaf.  Nothing but the running lines is left
 * outside marked content.
 */
static void
test_spans(void)
{
	struct pdf_style st = pdf_style(FACE_REGULAR, 8.5, MUTED);
	struct dev_info in = { .title = "T", .creator = "protocolgen",
	    .date = "2025-11-21T00:00:00Z" };
	struct buf pdf = { 0 }, c = { 0 };
	struct render *r;
	const char *s, *p;
	size_t n;
	int spans = 0;

	if (pdf_init("templates") == -1 ||
	    (r = pdf_layout_begin(NULL)) == NULL) {
		OK(0, "spans: the PDF backend starts");
		return;
	}
	r->head_left = pdf_plain(r, "Kop", &st, TEXT_W, &n);
	r->head_right = pdf_plain(r, "rechts", &st, TEXT_W, &n);
	r->foot_left = pdf_plain(r, "Voet", &st, TEXT_W, &n);
	r->head_mark = -1;
	link_para(r, "https://a.nl/");
	link_para(r, NULL);
	INT_EQ(pdf_layout_end(r, &in, &pdf, "test"), 0, "spans: drawn");
	for (p = buf_str(&pdf); (p = strstr(p, "/S /Span")) != NULL; p++)
		spans++;
	INT_EQ(spans, 2, "spans: the linked paragraph's own text in two Spans, "
	    "the other none");
	page_content(&pdf, &c);
	s = buf_str(&c);
	STR_HAS(s, "EMC\n/Span << /MCID 0 >> BDC\n", "spans: the text before "
	    "the link is marked content");
	STR_HAS(s, "EMC\n/Link << /MCID 1 >> BDC\n", "spans: then the link");
	STR_HAS(s, "EMC\n/Span << /MCID 2 >> BDC\n", "spans: then the text "
	    "after it");
	STR_HAS(s, "EMC\n/P << /MCID 3 >> BDC\n", "spans: a paragraph "
	    "without a link is marked as a whole");
	p = strstr(s, "/Span << /MCID 0");
	OK(p != NULL && strstr(p, "/Artifact") == NULL,
	    "spans: no artifact after the running lines");
	buf_free(&pdf);
	buf_free(&c);
}

/* A paragraph of n lines as layout emits it: no widows, no orphans. */
static void
para_units(struct render *r, size_t n, double lead, int keep_last)
{
	size_t k;

	for (k = 0; k < n; k++) {
		ARRAY_RESERVE(r->u, r->nu, r->capu);
		struct unit *u = &r->u[r->nu++];
		memset(u, 0, sizeof(*u));
		u->kind = U_LINE;
		u->h = lead;
		u->keep = (n >= 2 && (k == 0 || k + 2 == n)) ||
		    (keep_last && k + 1 == n);
	}
}

/* A table of rows after its header row, each row naming the header. */
static void
table_units(struct render *r, size_t rows, double h)
{
	struct unit *u;
	size_t k, head = 0;

	for (k = 0; k <= rows; k++) {
		ARRAY_RESERVE(r->u, r->nu, r->capu);
		u = &r->u[r->nu++];
		memset(u, 0, sizeof(*u));
		u->kind = U_ROW;
		u->h = h;
		u->keep = k == 0;
		u->head = head;
		if (k == 0)
			head = r->nu;
	}
}

/* A long table: where it goes on, its header row has room on top. */
static void
test_paginate_rows(struct render *r)
{
	double body = BODY_BOTTOM - BODY_TOP;
	size_t i, first = 0;

	r->nu = 0;
	table_units(r, 60, body / 40);
	pdf_paginate(r);
	OK(r->npages == 2 && r->repeat[0] == 0 && r->repeat[1] == 1,
	    "rows: the second page repeats the header row (unit 0)");
	for (i = 0; i < r->nu && first == 0; i++)
		if (r->u[i].page == 1)
			first = i;
	OK(first > 1 && fabs(r->u[first].y - BODY_TOP - body / 40) < 0.01,
	    "rows: the first row on it starts below the repeated header");
	OK(r->u[r->nu - 1].y + body / 40 <= BODY_BOTTOM + 0.01,
	    "rows: the last row still fits above the bottom margin");
}

/* Pagination: widows, orphans and headings at the foot of a page. */
static void
test_paginate(void)
{
	struct render r;
	size_t i, per_page[16] = { 0 };
	int ok = 1;
	double body = BODY_BOTTOM - BODY_TOP;

	memset(&r, 0, sizeof(r));
	r.store.line = xcalloc(1, sizeof(*r.store.line));	/* no notes */
	r.store.nline = 1;
	/* a page holds 50 lines of 14 pt: a paragraph of 49 after one line
	   must not leave its first line alone, nor its last */
	para_units(&r, 1, body / 50, 0);
	para_units(&r, 50, body / 50, 0);
	pdf_paginate(&r);
	INT_EQ(r.npages, 2, "51 lines take two pages");
	for (i = 0; i < r.nu; i++)
		if (r.u[i].page < 16)
			per_page[r.u[i].page]++;
	OK(per_page[1] >= 2, "no widow: at least two lines on the last page");
	OK(per_page[0] == 49 && r.u[1].page == 0,
	    "the paragraph starts on the first page, with its lines kept");
	/* a heading at the foot of a page goes with its text */
	r.nu = 0;
	para_units(&r, 49, body / 50, 0);
	para_units(&r, 1, body / 50, 1);	/* a heading */
	para_units(&r, 3, body / 50, 0);
	pdf_paginate(&r);
	OK(r.u[49].page == 1 && r.u[50].page == 1,
	    "a heading never ends a page");
	for (i = 50; i < 53; i++)
		ok = ok && r.u[i].page == 1;
	OK(ok, "a three-line paragraph stays whole");
	test_paginate_rows(&r);
	free(r.u);
	free(r.repeat);
	free(r.store.line);
}

int
main(void)
{
	test_hyphen();
	test_shape();
	test_break(453.5);
	test_break(200);
	test_break(120);
	test_overlong();
	test_own_hyphen();
	test_tie();
	test_pad();
	test_marked_hyphen();
	test_catalog();
	test_artifacts();
	test_links();
	test_paginate();
	test_spans();
	pdf_teardown();
	return tap_done();
}
