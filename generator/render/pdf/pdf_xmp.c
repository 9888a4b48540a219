/* PDF backend: the XMP metadata of a finished PDF (PDF/UA-1 5, 7.1). */
#include <stddef.h>

#include "render/pdf/pdf.h"
#include "base/base.h"

/* XML text: & < > escaped. */
static void
xml_text(struct buf *b, const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		if (*s == '&')
			buf_puts(b, "&amp;");
		else if (*s == '<')
			buf_puts(b, "&lt;");
		else if (*s == '>')
			buf_puts(b, "&gt;");
		else
			buf_putc(b, *s);
}

void
pdf_xmp(struct buf *out, const char *lang, const struct dev_info *in)
{
	struct buf x = { 0 };

	buf_puts(&x, "<?xpacket begin=\"\xEF\xBB\xBF\" "
	    "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	    "<rdf:Description rdf:about=\"\"\n"
	    "  xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	    "  xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
	    "  xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
	    "  xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
	    "<dc:format>application/pdf</dc:format>\n"
	    "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
	xml_text(&x, in->title);
	buf_puts(&x, "</rdf:li></rdf:Alt></dc:title>\n");
	if (in->author != NULL && *in->author != '\0') {
		buf_puts(&x, "<dc:creator><rdf:Seq><rdf:li>");
		xml_text(&x, in->author);
		buf_puts(&x, "</rdf:li></rdf:Seq></dc:creator>\n");
	}
	if (in->subject != NULL && *in->subject != '\0') {
		buf_puts(&x, "<dc:description><rdf:Alt><rdf:li "
		    "xml:lang=\"x-default\">");
		xml_text(&x, in->subject);
		buf_puts(&x, "</rdf:li></rdf:Alt></dc:description>\n");
	}
	buf_puts(&x, "<dc:language><rdf:Bag><rdf:li>");
	xml_text(&x, lang);
	buf_puts(&x, "</rdf:li></rdf:Bag></dc:language>\n");
	if (in->keywords != NULL && *in->keywords != '\0') {
		buf_puts(&x, "<pdf:Keywords>");
		xml_text(&x, in->keywords);
		buf_puts(&x, "</pdf:Keywords>\n");
	}
	buf_puts(&x, "<xmp:CreatorTool>");
	xml_text(&x, in->creator);
	buf_puts(&x, "</xmp:CreatorTool>\n<xmp:CreateDate>");
	xml_text(&x, in->date);
	buf_puts(&x, "</xmp:CreateDate>\n<xmp:ModifyDate>");
	xml_text(&x, in->date);
	buf_puts(&x, "</xmp:ModifyDate>\n"
	    "<pdfuaid:part>1</pdfuaid:part>\n"
	    "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
	    "<?xpacket end=\"r\"?>\n");
	buf_put(out, x.data, x.len);
	buf_free(&x);
}
