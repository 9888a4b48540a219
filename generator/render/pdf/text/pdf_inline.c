/* PDF text layer: styles, text into atoms, plain strings as lines. */
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "render/pdf/text/text.h"

static char	*names;		/* words of this school's names */

struct pdf_style
pdf_style(int face, double size, unsigned rgb)
{
	struct pdf_style st = { .face = face, .size = size, .rgb = rgb,
	    .link = -1 };

	return st;
}

void
pdf_inl_names(char *words)
{
	free(names);
	names = words;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* Is the word (without surrounding punctuation) part of a name? */
static int
name_word(const char *w, size_t len)
{
	const char *p;
	size_t n;

	while (len > 0 && strchr(",.;:!?)'\"", w[len - 1]) != NULL)
		len--;
	while (len > 0 && strchr("('\"", w[0]) != NULL) {
		w++;
		len--;
	}
	for (p = names; p != NULL && *p != '\0'; p += n + 1) {
		n = strcspn(p, " ");
		if (n == len && memcmp(p, w, n) == 0)
			return 1;
		if (p[n] == '\0')
			break;
	}
	return 0;
}

/*
 * Is w the second word of a short reference in parentheses, such as
 * "(artikel 5.3)" or "(bijlage 2)", whose first word is prev?  Such a
 * reference is one unit: never hyphenated, never broken between its words.
 */
static int
short_ref(const struct pdf_atom *prev, const char *w, size_t len)
{
	const char *p = prev->w->text;
	size_t n = prev->w->len;

	while (len > 0 && strchr(",.;:!?", w[len - 1]) != NULL)
		len--;
	if (len < 2 || len > 12 || w[len - 1] != ')' || w[0] < '0' ||
	    w[0] > '9' || memchr(w, '(', len) != NULL)
		return 0;
	return n >= 2 && n <= 12 && p[0] == '(' && memchr(p, ')', n) == NULL;
}

void
pdf_inl_word(struct inl *in, const char *w, size_t len,
    const struct pdf_style *st, int nohyph)
{
	struct pdf_atom *a;
	char *clean = NULL;
	const char *shy;

	/* soft hyphens in the source would survive into extracted text */
	if ((shy = memmem(w, len, "\xC2\xAD", 2)) != NULL) {
		size_t i, k = 0;
		clean = xmalloc(len);
		for (i = 0; i < len; i++) {
			if (i + 1 < len && memcmp(w + i, "\xC2\xAD", 2) == 0) {
				i++;
				continue;
			}
			clean[k++] = w[i];
		}
		w = clean;
		len = k;
	}
	if (len > 0) {
		ARRAY_RESERVE(in->a, in->n, in->cap);
		a = &in->a[in->n++];
		a->w = pdf_shape(st->face, w, len);
		a->style = *st;
		a->glue = in->glue && in->n > 1;
		a->hard = in->hard && in->n > 1;
		a->nohyph = nohyph || st->link >= 0 || name_word(w, len);
		a->tie = in->tie && in->n > 1;
		in->glue = in->hard = in->tie = 0;
		if (a->glue && short_ref(&a[-1], w, len)) {
			a->tie = 1;
			a->nohyph = a[-1].nohyph = 1;
		}
	}
	free(clean);
}

/* Text split at spaces into atoms. */
void
pdf_inl_text(struct inl *in, const char *s, const struct pdf_style *st,
    int nohyph)
{
	size_t n;

	while (*s != '\0') {
		if (is_space(*s)) {
			in->glue = 1;
			s++;
			continue;
		}
		for (n = 0; s[n] != '\0' && !is_space(s[n]); n++)
			;
		pdf_inl_word(in, s, n, st, nohyph);
		s += n;
	}
}

size_t
para_plain(struct pdf_store *s, const char *text, const struct pdf_style *st,
    double width, size_t *n)
{
	struct inl in = { 0 };
	size_t first;

	pdf_inl_text(&in, text, st, 1);
	first = para_break(s, in.a, in.n, width, 0, 0, n);
	free(in.a);
	return first;
}

int
para_line_notes(const struct pdf_store *s, size_t line, int *out, int max)
{
	const struct pdf_line *l = &s->line[line];
	size_t i;
	int n = 0;

	for (i = l->f0; i < l->f0 + l->nf && n < max; i++)
		if (s->frag[i].style.note > 0)
			out[n++] = s->frag[i].style.note;
	return n;
}
