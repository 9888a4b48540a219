/* The board's own look on a page: its accent colour and its logo. */
#include <string.h>

#include "render/page/page.h"
#include "model/model.h"
#include "base/base.h"

void
page_accent(struct page *p, const struct doc_meta *m)
{
	xmlNodePtr n;
	struct buf b = { 0 };

	if (m->look == NULL || m->look->colour == NULL)
		return;
	for (n = xmlDocGetRootElement(page_doc(p))->children; n != NULL;
	    n = n->next)
		if (n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name,
		    BAD_CAST "head") == 0)
			break;
	if (n == NULL)
		return;
	/* after the template's styles, so it wins on screen and in print */
	buf_printf(&b, ":root { --accent: %s; }", m->look->colour);
	h_el_text(n, "style", NULL, buf_str(&b));
	buf_free(&b);
}

static void
base64(const unsigned char *p, size_t n, struct buf *out)
{
	static const char dig[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned long v;
	size_t i;

	for (i = 0; i + 2 < n; i += 3) {
		v = (unsigned long)p[i] << 16 | p[i + 1] << 8 | p[i + 2];
		buf_putc(out, dig[v >> 18]);
		buf_putc(out, dig[(v >> 12) & 63]);
		buf_putc(out, dig[(v >> 6) & 63]);
		buf_putc(out, dig[v & 63]);
	}
	if (n - i == 1) {
		v = (unsigned long)p[i] << 16;
		buf_putc(out, dig[v >> 18]);
		buf_putc(out, dig[(v >> 12) & 63]);
		buf_puts(out, "==");
	} else if (n - i == 2) {
		v = (unsigned long)p[i] << 16 | p[i + 1] << 8;
		buf_putc(out, dig[v >> 18]);
		buf_putc(out, dig[(v >> 12) & 63]);
		buf_putc(out, dig[(v >> 6) & 63]);
		buf_putc(out, '=');
	}
}

xmlNodePtr
h_logo(xmlNodePtr parent, const struct doc_meta *m)
{
	const struct look *lk = m->look;
	struct buf b = { 0 };
	xmlNodePtr img;
	char num[16];

	if (lk == NULL || lk->png == NULL)
		return NULL;
	img = h_el(parent, "img", "doc-logo");
	buf_puts(&b, "data:image/png;base64,");
	base64(lk->png, lk->png_len, &b);
	h_attr(img, "src", buf_str(&b));
	buf_reset(&b);
	doc_logo_alt(m, &b);
	h_attr(img, "alt", buf_str(&b));
	snprintf(num, sizeof(num), "%u", lk->width);
	h_attr(img, "width", num);
	snprintf(num, sizeof(num), "%u", lk->height);
	h_attr(img, "height", num);
	buf_free(&b);
	return img;
}
