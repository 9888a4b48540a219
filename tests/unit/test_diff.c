/* Unit tests: Myers, LIS, UTF-8 word tokens, word diffs and the golden redlines of tests/diff/. */
#include <dirent.h>

#include "tap.h"

#include "revisions/revisions.h"
#include "base/base.h"

/* Deterministic pseudo-random numbers (no libc rand: same on every host). */
static unsigned long rng = 12345;

static unsigned
rnd(unsigned n)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((rng >> 33) % n);
}

static size_t
lcs(const unsigned *a, size_t n, const unsigned *b, size_t m)
{
	size_t *d = xcalloc((n + 1) * (m + 1), sizeof(*d)), i, j, r;

	for (i = 1; i <= n; i++)
		for (j = 1; j <= m; j++) {
			size_t up = d[(i - 1) * (m + 1) + j];
			size_t left = d[i * (m + 1) + j - 1];
			d[i * (m + 1) + j] = a[i - 1] == b[j - 1] ?
			    d[(i - 1) * (m + 1) + j - 1] + 1 :
			    up > left ? up : left;
		}
	r = d[n * (m + 1) + m];
	free(d);
	return r;
}

/* The unmarked elements of a and b are the same sequence. */
static int
script_valid(const unsigned *a, size_t n, const unsigned *b, size_t m,
    const unsigned char *del, const unsigned char *ins)
{
	size_t i = 0, j = 0;

	for (;;) {
		while (i < n && del[i])
			i++;
		while (j < m && ins[j])
			j++;
		if (i == n || j == m)
			return i == n && j == m;
		if (a[i++] != b[j++])
			return 0;
	}
}

static void
test_myers(void)
{
	unsigned a[40], b[40];
	unsigned char del[40], ins[40];
	size_t n, m, d, i, bad = 0, invalid = 0;
	int t;

	d = diff_myers(NULL, 0, NULL, 0, del, ins);
	INT_EQ(d, 0, "myers: two empty sequences");
	a[0] = 1;
	a[1] = 2;
	a[2] = 3;
	b[0] = 1;
	b[1] = 3;
	b[2] = 4;
	d = diff_myers(a, 3, b, 3, del, ins);
	INT_EQ(d, 2, "myers: 123 → 134 takes two edits");
	OK(del[1] && !del[0] && !del[2] && ins[2] && !ins[0] && !ins[1],
	    "myers: deletes 2, inserts 4");
	for (t = 0; t < 20000; t++) {
		n = rnd(25);
		m = rnd(25);
		unsigned alpha = 1 + rnd(5);
		for (i = 0; i < n; i++)
			a[i] = rnd(alpha);
		for (i = 0; i < m; i++)
			b[i] = rnd(alpha);
		d = diff_myers(a, n, b, m, del, ins);
		bad += d != n + m - 2 * lcs(a, n, b, m);
		invalid += !script_valid(a, n, b, m, del, ins);
	}
	INT_EQ(bad, 0, "myers: 20000 random pairs, every script is shortest");
	INT_EQ(invalid, 0, "myers: every script turns a into b");
}

static void
test_lis(void)
{
	size_t v[30], best[30], i, j, n, len, want, bad = 0, notinc = 0;
	unsigned char in[30];
	int t;

	size_t swap[] = { 1, 0 };
	INT_EQ(diff_lis(swap, 2, in), 1, "lis: a swap keeps one");
	OK(in[1] && !in[0], "lis: keeps the one ending lowest (the other moved)");
	size_t moved[] = { 0, 1, 5, 2, 3, 4 };
	INT_EQ(diff_lis(moved, 6, in), 5, "lis: one clause moved ahead");
	OK(!in[2], "lis: the moved one is the one left out");
	INT_EQ(diff_lis(NULL, 0, in), 0, "lis: empty");
	for (t = 0; t < 5000; t++) {
		n = 1 + rnd(30);
		for (i = 0; i < n; i++)
			v[i] = i;
		for (i = n - 1; i > 0; i--) {
			j = rnd((unsigned)i + 1);
			size_t x = v[i];
			v[i] = v[j];
			v[j] = x;
		}
		len = diff_lis(v, n, in);
		for (i = 0, want = 0; i < n; i++) {
			best[i] = 1;
			for (j = 0; j < i; j++)
				if (v[j] < v[i] && best[j] + 1 > best[i])
					best[i] = best[j] + 1;
			if (best[i] > want)
				want = best[i];
		}
		bad += len != want;
		size_t last = 0, count = 0;
		int first = 1;
		for (i = 0; i < n; i++)
			if (in[i]) {
				notinc += !first && v[i] <= last;
				last = v[i];
				first = 0;
				count++;
			}
		notinc += count != len;
	}
	INT_EQ(bad, 0, "lis: 5000 permutations, longest found");
	INT_EQ(notinc, 0, "lis: the marked elements increase");
}

/* The tokens of md as "type:text" words separated by '|'. */
static const char *
show_tokens(const char *md)
{
	static struct buf b;
	static const char types[] = "BWSPRN";
	struct symtab *s = symtab_new();
	struct tokens t = { 0 };
	size_t i;

	buf_reset(&b);
	buf_puts(&b, "");
	tokens_make(md, s, NULL, NULL, &t);
	for (i = 0; i < t.n; i++) {
		if (t.v[i].type == TOK_BLOCK || t.v[i].type == TOK_SPACE)
			continue;
		buf_printf(&b, "%s%c:%s", b.len ? "|" : "", types[t.v[i].type],
		    t.text.data + t.v[i].off);
	}
	tokens_free(&t);
	symtab_free(s);
	return buf_str(&b);
}

static void
test_tokens(void)
{
	STR_EQ(show_tokens("Eén privé-account, één café."),
	    "W:Eén|W:privé-account|P:,|W:één|W:café|P:.",
	    "tokens: diacritics stay inside words; hyphen joins");
	STR_EQ(show_tokens("’s Avonds zo’n foto’s van 16\xC2\xA0jaar"),
	    "P:’|W:s|W:Avonds|W:zo’n|W:foto’s|W:van|W:16|W:jaar",
	    "tokens: apostrophes inside words; a non-breaking space separates");
	STR_EQ(show_tokens("ouders—en leerlingen “nu”!"),
	    "W:ouders|P:—|W:en|W:leerlingen|P:“|W:nu|P:”|P:!",
	    "tokens: dashes and curly quotes are punctuation");
	STR_EQ(show_tokens("bel 0900 111 3 111 of 08.00 of 1,5 uur"),
	    "W:bel|W:0900|W:111|W:3|W:111|W:of|W:08.00|W:of|W:1,5|W:uur",
	    "tokens: numbers keep their dots and decimal commas");
	STR_EQ(show_tokens("na*dr*uk, `code` en [link](https://x.nl)"),
	    "W:na|W:dr|W:uk|P:,|W:code|W:en|W:link",
	    "tokens: emphasis splits nothing but its own edge");
	STR_EQ(show_tokens("zie [^2] en ook[^12]"),
	    "W:zie|N:2|W:en|W:ook|N:12", "tokens: footnote references");
	STR_EQ(show_tokens("😀ok"), "P:😀|W:ok",
	    "tokens: an emoji is one symbol of its own");
}

/* Old and new text through the word diff; three readings. */
static void
readings(const char *old, const char *new, struct buf *accepted,
    struct buf *rejected, struct buf *both, struct mtext *m)
{
	struct symtab *s = symtab_new();
	struct tokens a = { 0 }, b = { 0 };

	tokens_make(old, s, NULL, NULL, &a);
	tokens_make(new, s, NULL, NULL, &b);
	words_diff(&a, &b, m);
	mtext_read(m, MARK_DEL, accepted);
	mtext_read(m, MARK_INS, rejected);
	mtext_read(m, -1, both);
	tokens_free(&a);
	tokens_free(&b);
	symtab_free(s);
}

/* Collapse white space: HTML shows any run as one space. */
static char *
squeeze(const char *s)
{
	struct buf b = { 0 };
	int sp = 0;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\n') {
			sp = 1;
			continue;
		}
		if (sp && b.len > 0)
			buf_putc(&b, ' ');
		sp = 0;
		buf_putc(&b, *s);
	}
	buf_puts(&b, "");
	return buf_detach(&b);
}

/* No deleted and inserted word touch without a space between. */
static int
glued(const struct mtext *m)
{
	size_t i, j;

	for (i = 0; i < m->nblocks; i++)
		for (j = 1; j < m->blocks[i].nspans; j++) {
			const struct mspan *x = &m->blocks[i].spans[j - 1];
			const struct mspan *y = &m->blocks[i].spans[j];
			size_t n = strlen(x->text), k = n;
			if (x->mark == MARK_SAME || y->mark == MARK_SAME ||
			    x->mark == y->mark || n == 0)
				continue;
			while (k > 0 && ((unsigned char)x->text[k - 1] & 0xC0) ==
			    0x80)
				k--;
			if (words_is_wordch(x->text + k - 1, n - k + 1) &&
			    words_is_wordch(y->text, strlen(y->text)))
				return 1;
		}
	return 0;
}

static void
test_word_diff(void)
{
	static const char *const words[] = { "de", "het", "een", "school",
	    "leerlingen", "ouders", "één", "privé", "café", "geïnformeerd",
	    "zo’n", "foto’s", "e-mail", ",", ".", ";", "!", "—", "16", "jaar",
	    "ook", "niet", "wél" };
	struct buf acc = { 0 }, rej = { 0 }, both = { 0 }, o = { 0 },
	    n = { 0 };
	struct mtext m;
	size_t bad_acc = 0, bad_rej = 0, bad_glue = 0, i;
	char *x, *y;
	int t;

	readings("Wij informeren de ouders.", "Wij informeren alle ouders.",
	    &acc, &rej, &both, &m);
	STR_EQ(buf_str(&both), "Wij informeren de alle ouders.",
	    "word diff: a replaced word keeps a space on both sides");
	STR_EQ(buf_str(&rej), "Wij informeren de ouders.",
	    "word diff: read without insertions: exactly the old text");
	OK(!glued(&m), "word diff: deletion and insertion do not touch");
	mtext_free(&m);
	for (t = 0; t < 3000; t++) {
		buf_reset(&o);
		buf_reset(&n);
		buf_puts(&o, "Start");
		buf_puts(&n, "Start");
		for (i = 0; i < 12; i++) {
			const char *w = words[rnd(sizeof(words) /
			    sizeof(words[0]))];
			buf_printf(&o, "%s%s", w[0] == ',' || w[0] == '.' ||
			    w[0] == ';' || w[0] == '!' ? "" : " ", w);
			if (rnd(3) == 0)
				w = words[rnd(sizeof(words) / sizeof(words[0]))];
			if (rnd(6) != 0)
				buf_printf(&n, "%s%s", w[0] == ',' ||
				    w[0] == '.' || w[0] == ';' ||
				    w[0] == '!' ? "" : " ", w);
		}
		buf_reset(&acc);
		buf_reset(&rej);
		buf_reset(&both);
		readings(buf_str(&o), buf_str(&n), &acc, &rej, &both, &m);
		x = squeeze(buf_str(&acc));
		y = squeeze(buf_str(&n));
		bad_acc += strcmp(x, y) != 0;
		free(x);
		free(y);
		x = squeeze(buf_str(&rej));
		y = squeeze(buf_str(&o));
		bad_rej += strcmp(x, y) != 0;
		free(x);
		free(y);
		bad_glue += glued(&m);
		mtext_free(&m);
	}
	INT_EQ(bad_acc, 0, "word diff: without deletions it reads as the new "
	    "text (3000 random Dutch pairs)");
	INT_EQ(bad_rej, 0, "word diff: without insertions it reads as the old "
	    "text");
	INT_EQ(bad_glue, 0, "word diff: never glues a deleted and an inserted "
	    "word");
	buf_free(&acc);
	buf_free(&rej);
	buf_free(&both);
	buf_free(&o);
	buf_free(&n);
}

static struct revdoc *
read_rev(const char *path)
{
	struct buf b = { 0 };
	struct revdoc *r = NULL;

	if (file_read(path, &b) == 0)
		r = revdoc_parse(path, buf_str(&b), b.len, 0);
	buf_free(&b);
	return r;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Cases the word-diff fuzzer found (tests/fuzz/corpus/words/regress-*). */
static void
test_fuzz_regressions(void)
{
	static const struct {
		const char *old, *new, *accepted, *rejected, *name;
	} cases[] = {
		{ ":e", ":a", ":a", ":e", "a replaced word after punctuation: "
		    "the separating space is in neither text" },
		{ "-\n!", "", "", "\n!", "a deleted block leaves no "
		    "separator behind" },
		{ "-1", "i\n\n1", "i\n1", "-1", "a paragraph split where "
		    "the old text had no space: the old reading joins" },
		{ "*r*n", "o\n\nn", "o\nn", "rn", "a split inside a word: "
		    "the old reading keeps the word whole" },
	};
	struct buf acc = { 0 }, rej = { 0 }, both = { 0 };
	struct mtext m = { 0 };
	size_t i;
	char name[160];

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		buf_reset(&acc);
		buf_reset(&rej);
		buf_reset(&both);
		readings(cases[i].old, cases[i].new, &acc, &rej, &both, &m);
		snprintf(name, sizeof(name), "%s (accepted)", cases[i].name);
		STR_EQ(buf_str(&acc), cases[i].accepted, name);
		snprintf(name, sizeof(name), "%s (rejected)", cases[i].name);
		STR_EQ(buf_str(&rej), cases[i].rejected, name);
		OK(!glued(&m), cases[i].name);
		mtext_free(&m);
	}
	buf_reset(&both);
	readings(":e", ":a", &acc, &rej, &both, &m);
	STR_EQ(buf_str(&both), ":e a", "the redline itself shows the space");
	mtext_free(&m);
	buf_free(&acc);
	buf_free(&rej);
	buf_free(&both);
}

static void
test_golden(void)
{
	char *names[64], *p;
	struct buf want = { 0 }, got = { 0 };
	struct dirent *e;
	size_t n = 0, i;
	DIR *d = opendir("tests/diff");

	OK(d != NULL, "golden: tests/diff is there");
	while (d != NULL && (e = readdir(d)) != NULL && n < 64)
		if (e->d_name[0] != '.' && strchr(e->d_name, '.') == NULL)
			names[n++] = xstrdup(e->d_name);
	if (d != NULL)
		closedir(d);
	qsort(names, n, sizeof(*names), name_cmp);
	OK(n >= 9, "golden: at least nine cases");
	for (i = 0; i < n; i++) {
		struct revdoc *a, *b;
		p = xasprintf("tests/diff/%s/old.md", names[i]);
		a = read_rev(p);
		free(p);
		p = xasprintf("tests/diff/%s/new.md", names[i]);
		b = read_rev(p);
		free(p);
		p = xasprintf("tests/diff/%s/expected", names[i]);
		buf_reset(&want);
		buf_reset(&got);
		file_read(p, &want);
		free(p);
		if (a != NULL && b != NULL) {
			struct redline *rl = redline_build(a, b);
			redline_dump(rl, &got);
			redline_free(rl);
		}
		p = xasprintf("golden: %s", names[i]);
		STR_EQ(buf_str(&got), buf_str(&want), p);
		free(p);
		revdoc_free(a);
		revdoc_free(b);
		free(names[i]);
	}
	buf_free(&want);
	buf_free(&got);
}

int
main(void)
{
	if (text_load("templates/nl.strings") == -1)
		return 2;
	test_myers();
	test_lis();
	test_tokens();
	test_word_diff();
	test_fuzz_regressions();
	test_golden();
	text_free();
	return tap_done();
}
