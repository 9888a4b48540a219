/* The OpenDocument writer's text helpers (render/office/odt.c). */
#include <string.h>

#include <libxml/xmlwriter.h>

#include "base/base.h"
#include "render/office/odt.h"
#include "tap.h"

/* s written as the text of a text:p, the XML declaration dropped. */
static void
para(const char *s, struct buf *out)
{
	xmlBufferPtr b;
	xmlTextWriterPtr w = odt_writer(&b);
	struct buf all = { 0 };
	const char *p;

	odt_start(w, "text:p");
	odt_text(w, s);
	odt_end(w);
	odt_finish(w, b, &all);
	buf_reset(out);
	p = strchr(buf_str(&all), '\n');
	buf_puts(out, p != NULL ? p + 1 : buf_str(&all));
	while (out->len > 0 && out->data[out->len - 1] == '\n')
		out->data[--out->len] = '\0';
	buf_free(&all);
}

int
main(void)
{
	struct buf b = { 0 };

	para("artikel 4.5", &b);
	STR_EQ(buf_str(&b), "<text:p>artikel 4.5</text:p>", "plain text");
	para("a <b> & \"c\"", &b);
	STR_EQ(buf_str(&b), "<text:p>a &lt;b&gt; &amp; &quot;c&quot;</text:p>",
	    "markup characters are escaped");
	para("een  twee   drie", &b);
	STR_EQ(buf_str(&b), "<text:p>een <text:s text:c=\"1\"/>twee "
	    "<text:s text:c=\"2\"/>drie</text:p>",
	    "runs of spaces: one space and text:s for the rest");
	para("een\ttwee", &b);
	STR_EQ(buf_str(&b), "<text:p>een<text:tab/>twee</text:p>",
	    "a tab is text:tab");
	para("een\ntwee", &b);
	STR_EQ(buf_str(&b), "<text:p>een twee</text:p>",
	    "a newline is a space");
	para("a\x01" "b\x1f" "c", &b);
	STR_EQ(buf_str(&b), "<text:p>abc</text:p>",
	    "control characters are dropped (XML 1.0 has none)");
	para("caf\xC3\xA9 \xE2\x80\x93 \xE2\x80\x98zij\xE2\x80\x99", &b);
	STR_EQ(buf_str(&b), "<text:p>caf\xC3\xA9 \xE2\x80\x93 "
	    "\xE2\x80\x98zij\xE2\x80\x99</text:p>", "UTF-8 as it is");
	buf_free(&b);
	return tap_done();
}
