/* Unit tests: schoolgids model, word counting, JSON writer, site index. */
#include "tap.h"

#include "config/config.h"
#include "base/base.h"
#include "model/model.h"
#include "render/page/page.h"
#include "render/json/json.h"
#include "library/library.h"
#include "render/schoolgids/schoolgids.h"
#include "render/site/site.h"

#define FIXTURE	"tests/fixtures/site"

static struct buf msgs;
static struct config cfg;
static struct library lib;

static void
test_words(void)
{
	INT_EQ(schoolgids_count_words(""), 0, "words: empty");
	INT_EQ(schoolgids_count_words(" \n\t "), 0, "words: blanks");
	INT_EQ(schoolgids_count_words("Hallo wereld"), 2, "words: two");
	INT_EQ(schoolgids_count_words("a \xE2\x80\x93 b"), 2,
	    "words: a dash alone is no word");
	INT_EQ(schoolgids_count_words("\xE2\x80\x94 | \xE2\x80\x93 : ."), 0,
	    "words: punctuation only");
	INT_EQ(schoolgids_count_words("Foto\xE2\x80\x99s en video\xE2\x80\x99s"),
	    3, "words: apostrophes stay inside words");
	INT_EQ(schoolgids_count_words("\xC3\xA9\xC3\xA9n \xC3\xA9\xC3\xA9n"), 2,
	    "words: accented letters");
	INT_EQ(schoolgids_count_words("a\xC2\xA0" "b"), 2,
	    "words: a no-break space separates");
	INT_EQ(schoolgids_count_words("bel: 0900 111 3 111."), 5,
	    "words: numbers count");
	INT_EQ(schoolgids_count_words("(www.x.nl)"), 1, "words: an address");
}

static const char *
escaped(const char *s)
{
	static struct buf b;

	buf_reset(&b);
	buf_puts(&b, "");
	json_escape(&b, s);
	return buf_str(&b);
}

static void
test_json(void)
{
	struct buf out = { 0 };
	struct json j = { .out = &out };

	STR_EQ(escaped("plain"), "\"plain\"", "json: plain");
	STR_EQ(escaped("a \"b\" \\ c/"), "\"a \\\"b\\\" \\\\ c/\"",
	    "json: quotes and backslashes");
	STR_EQ(escaped("1\n2\t3\r\b\f"), "\"1\\n2\\t3\\r\\b\\f\"",
	    "json: short escapes");
	STR_EQ(escaped("\x01\x1f\x7f"), "\"\\u0001\\u001f\\u007f\"",
	    "json: control characters");
	STR_EQ(escaped("x\xE2\x80\xA8y\xE2\x80\xA9"), "\"x\\u2028y\\u2029\"",
	    "json: line and paragraph separators");
	STR_EQ(escaped("caf\xC3\xA9 \xE2\x80\x93"), "\"caf\xC3\xA9 \xE2\x80\x93\"",
	    "json: UTF-8 kept as is");
	STR_EQ(escaped("bad\xFF\xC3"), "\"bad\xEF\xBF\xBD\xEF\xBF\xBD\"",
	    "json: invalid bytes become U+FFFD");
	STR_EQ(escaped("<script>&"), "\"<script>&\"", "json: markup is text");

	json_open(&j, NULL, '{');
	json_string(&j, "a", "x");
	json_open(&j, "empty", '[');
	json_close(&j, ']');
	json_open(&j, "list", '[');
	json_int(&j, NULL, -3);
	json_bool(&j, NULL, 1);
	json_string(&j, NULL, NULL);
	json_close(&j, ']');
	json_open(&j, "o", '{');
	json_close(&j, '}');
	json_close(&j, '}');
	STR_EQ(buf_str(&out), "{\n  \"a\": \"x\",\n  \"empty\": [],\n  \"list\": "
	    "[\n    -3,\n    true,\n    null\n  ],\n  \"o\": {}\n}\n",
	    "json: writer layout");
	buf_free(&out);
}

static struct document *
assemble(const char *id)
{
	const struct school *s = config_school(&cfg, id);

	return s ? doc_assemble(s, &lib) : NULL;
}

static const struct sg_part *
part(const struct schoolgids *sg, const char *id)
{
	size_t i;

	for (i = 0; i < sg->nparts; i++)
		if (strcmp(sg->parts[i].id, id) == 0)
			return &sg->parts[i];
	return NULL;
}

/* Nodes of type t in a tree. */
static int
count_nodes(cmark_node *root, cmark_node_type t)
{
	cmark_iter *it = cmark_iter_new(root);
	int n = 0;

	while (cmark_iter_next(it) != CMARK_EVENT_DONE)
		if (cmark_iter_get_event_type(it) == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(cmark_iter_get_node(it)) == t)
			n++;
	cmark_iter_free(it);
	return n;
}

static void
test_model(void)
{
	struct document *d;
	struct schoolgids *sg;
	const struct sg_part *p;
	struct buf t = { 0 };
	char *md;

	if ((d = assemble("de-vlinder")) == NULL) {
		OK(0, "model: fixture de-vlinder assembles");
		return;
	}
	sg = schoolgids_build(d);
	INT_EQ(sg->nparts, 8, "model: eight parts, each from a clause");
	STR_EQ(sg->parts[0].id, "sg-doel", "model: the purpose opens");
	OK(sg->parts[0].title == NULL, "model: the opening has no heading");
	STR_EQ(sg->parts[sg->nparts - 1].id, "sg-protocol",
	    "model: the protocol's address closes");
	INT_EQ(sg->nagreements, 8, "model: at most 8 agreements of 9 tagged");
	INT_EQ(sg->nfindings, 1, "model: one finding");
	OK(sg->nfindings == 1 && sg->findings[0].level == DIAG_WARNING &&
	    strstr(sg->findings[0].msg, "9 clauses") != NULL,
	    "model: warns that 9 are tagged");
	OK(sg->mark == NULL, "model: adopted, no mark");
	STR_EQ(sg->protocol_href,
	    "https://www.devlinder.example/protocol-sociale-media",
	    "model: protocol_url is the address");
	OK(sg->words >= SG_MIN_WORDS && sg->words <= SG_MAX_WORDS,
	    "model: within the word bounds");
	schoolgids_text(sg, &t);
	INT_EQ(schoolgids_count_words(buf_str(&t)), sg->words,
	    "model: words counted over its text");
	OK(strstr(buf_str(&t), "jonger dan 16") == NULL,
	    "model: no consent age in a primary school's section");
	OK(strstr(buf_str(&t), "wat op school niet mag") == NULL &&
	    strstr(buf_str(&t), "Geen reactie") == NULL,
	    "model: no stock rules");
	STR_HAS(buf_str(&t), "Volgens de AVG kan een gegeven toestemming altijd "
	    "weer worden ingetrokken.", "model: withdrawal as a fact of the AVG");
	STR_HAS(buf_str(&t), "wil dat leerlingen, ouders en medewerkers sociale "
	    "media veilig en respectvol gebruiken. (hoofdstuk\xC2\xA0" "1)",
	    "model: the purpose is the clause marked doel, with its chapter");
	STR_EQ(sg->version_line, "Protocol sociale media: versie 2.1, "
	    "vastgesteld op 24 juni 2025.", "model: version line");

	p = part(sg, "sg-afspraken");
	OK(p != NULL && p->nblocks == 1, "model: agreements part");
	if (p != NULL) {
		cmark_node *tree = p->blocks[0].tree;
		INT_EQ(count_nodes(tree, CMARK_NODE_ITEM), 8,
		    "model: eight list items");
		INT_EQ(count_nodes(tree, CMARK_NODE_LINK), 0,
		    "model: references into the protocol become text");
		INT_EQ(count_nodes(tree, CMARK_NODE_CUSTOM_INLINE), 0,
		    "model: footnote references are dropped");
		md = cmark_render_commonmark(tree, CMARK_OPT_DEFAULT, 0);
		STR_HAS(md, "meldt dat bij de schoolleiding. Zie ook artikel "
		    "2.1. (artikel\xC2\xA0" "1.5)", "model: first paragraph, numbered");
		OK(strstr(md, "tweede stuk") == NULL,
		    "model: only the first paragraph");
		OK(strstr(md, "Pesten,") == NULL,
		    "model: the ninth is left out");
		free(md);
	}
	p = part(sg, "sg-melden");
	OK(p != NULL, "model: report part");
	if (p != NULL) {
		md = cmark_render_commonmark(p->blocks[0].tree, 0, 0);
		STR_HAS(md, "De Inspectie van het Onderwijs heeft "
		    "vertrouwensinspecteurs", "model: the inspectorate, as a fact");
		STR_HAS(md, "[0900 111 3 111](tel:09001113111)",
		    "model: its number as a tel: link");
		free(md);
	}
	p = part(sg, "sg-kanalen");
	OK(p != NULL && count_nodes(p->blocks[0].tree, CMARK_NODE_ITEM) == 3,
	    "model: the channels as the protocol lists them");
	p = part(sg, "sg-lessen");
	OK(p != NULL && p->nblocks == 2 && p->blocks[1].table != NULL &&
	    p->blocks[1].table->nrows == 2 && p->blocks[1].table->ncols == 4,
	    "model: lessons: the clause's lead, then a 2x4 table");
	if (p != NULL && p->nblocks == 2 && p->blocks[1].table != NULL)
		STR_EQ(p->blocks[1].table->cells[2], "5\xE2\x80\x93" "6",
		    "model: groups with an en dash");
	schoolgids_free(sg);
	doc_free(d);
	buf_free(&t);
}

static void
test_fallbacks(void)
{
	struct document *d;
	struct schoolgids *sg;
	const struct sg_part *p;
	char *md;

	if ((d = assemble("rivierencollege")) == NULL) {
		OK(0, "fallback: fixture rivierencollege assembles");
		return;
	}
	sg = schoolgids_build(d);
	INT_EQ(sg->nagreements, 6, "fallback: the six articles for everyone");
	p = part(sg, "sg-afspraken");
	md = p ? cmark_render_commonmark(p->blocks[0].tree, 0, 0) : NULL;
	OK(md != NULL && strstr(md, "privéaccount") == NULL,
	    "fallback: no staff clauses");
	OK(md != NULL && strstr(md, "Mobiele telefoons") == NULL,
	    "fallback: the phone rule is not an agreement too");
	free(md);
	p = part(sg, "sg-telefoon");
	OK(p != NULL, "fallback: phone rule from telefoon-verbod");
	OK(sg->mark != NULL && strcmp(sg->mark, "TER INSTEMMING") == 0,
	    "fallback: draft mark");
	STR_EQ(sg->version_line, "Protocol sociale media: versie 1.0 (ter "
	    "instemming).", "fallback: draft version line");
	p = part(sg, "sg-lessen");
	OK(p != NULL && p->nblocks == 2 &&
	    strcmp(p->blocks[1].table->head[2], "Leerjaar") == 0,
	    "fallback: the clause printing {{lessons}}; secondary schools "
	    "have a Leerjaar column");
	schoolgids_free(sg);
	doc_free(d);
}

/* Two revisions of d, newest first, as the revisions stage lists them. */
static size_t
two_revisions(const struct document *d, struct site_revision **out)
{
	struct site_revision *r = xcalloc(2, sizeof(*r));

	r[0].version = xstrdup("2.0");
	r[0].status = xstrdup("vastgesteld");
	r[0].date = xstrdup("2024-06-01");
	r[0].href = xasprintf("%s/diff-2.0-2.1.html", d->meta.school_id);
	r[0].label = xstrdup("Wijzigingen 2.0 \xE2\x86\x92 2.1");
	r[0].pdf = xasprintf("%s/diff-2.0-2.1.pdf", d->meta.school_id);
	r[1].version = xstrdup("1.0");
	r[1].status = xstrdup("vervallen");
	*out = r;
	return 2;
}

static void
test_site(void)
{
	static const char *const files[] = { "protocol.json", "x.txt",
	    "schoolgids.html", "protocol.html" };
	struct document *a = assemble("de-vlinder"), *b = assemble("het-anker");
	struct site *s;
	struct buf out = { 0 };
	const char *h, *p1, *p2, *p3;

	if (a == NULL || b == NULL) {
		OK(0, "site: fixtures assemble");
		doc_free(a);
		doc_free(b);
		return;
	}
	s = site_new(files, 4);
	struct site_revision *rv;
	size_t nrv = two_revisions(b, &rv);

	site_add(s, a, NULL, 0);
	site_add(s, b, rv, nrv);
	INT_EQ(site_render(s, &out), 0, "site: renders");
	h = buf_str(&out);
	p1 = strstr(h, "href=\"de-vlinder/protocol.html\"");
	p2 = strstr(h, "href=\"de-vlinder/schoolgids.html\"");
	p3 = strstr(h, "href=\"de-vlinder/protocol.json\"");
	OK(p1 && p2 && p3 && p1 < p2 && p2 < p3, "site: links in site.files "
	    "order");
	OK(strstr(h, "x.txt") == NULL, "site: unlabelled outputs unlinked");
	OK(strstr(h, "protocol.pdf") == NULL, "site: no link to an output "
	    "the build does not write");
	STR_HAS(h, "het-anker/diff-2.0-2.1.html", "site: history link");
	STR_HAS(h, "(<a href=\"het-anker/diff-2.0-2.1.pdf\">PDF<span "
	    "class=\"visually-hidden\">: Wijzigingen 2.0 \xE2\x86\x92 2.1"
	    "</span></a>, <a href=\"het-anker/diff-2.0-2.1.docx\">Word<span "
	    "class=\"visually-hidden\">: Wijzigingen 2.0 \xE2\x86\x92 2.1"
	    "</span></a>)", "site: the redline's PDF and Word file, named "
	    "for a screen reader");
	STR_HAS(h, "Vastgestelde versies", "site: history heading");
	OK(strstr(h, "de-vlinder/diff-") == NULL, "site: no history without "
	    "the hook");
	STR_HAS(h, "obs \"Het Anker\" &lt;b&gt;&amp;amp;&lt;/b&gt;",
	    "site: names escaped");
	OK(strstr(h, "<b>") == NULL, "site: no markup from values");
	site_free(s);
	buf_free(&out);
	doc_free(a);
	doc_free(b);
}

/* A school with nothing adopted: listed, its draft neither shown nor linked. */
static void
test_pending(void)
{
	static const char *const files[] = { "protocol.html", "protocol.pdf" };
	struct document *a = assemble("de-vlinder"), *b = assemble("het-anker");
	struct site *s, *t;
	struct buf out = { 0 }, recs = { 0 }, again = { 0 };
	const char *h, *li, *end;
	char *item = NULL;

	if (a == NULL || b == NULL) {
		OK(0, "pending: fixtures assemble");
		doc_free(a);
		doc_free(b);
		return;
	}
	s = site_new(files, 2);
	site_add(s, a, NULL, 0);
	site_add_pending(s, b);		/* het-anker: 0.3, concept */
	INT_EQ(site_render(s, &out), 0, "pending: renders");
	h = buf_str(&out);
	if ((li = strstr(h, "id=\"het-anker\"")) != NULL &&
	    (end = strstr(li, "</li>")) != NULL)
		item = xstrndup(li, (size_t)(end - li));
	OK(item != NULL, "pending: the school is listed");
	STR_HAS(item ? item : "", "in voorbereiding",
	    "pending: as 'in voorbereiding'");
	OK(item != NULL && strstr(item, "0.3") == NULL &&
	    strstr(item, "concept") == NULL && strstr(item, "Versie") == NULL,
	    "pending: no version or status of its draft");
	OK(strstr(h, "het-anker/") == NULL, "pending: no link into its "
	    "folder (no draft is linked)");
	OK(strstr(h, "de-vlinder/protocol.html") != NULL &&
	    strstr(h, "de-vlinder/versies.html") != NULL, "pending: an "
	    "adopted school links its protocol and its archive page");
	site_records(s, &recs);
	t = site_new(files, 2);
	INT_EQ(site_add_records(t, buf_str(&recs), recs.len), 0,
	    "pending: its record reads back");
	site_records(t, &again);
	STR_EQ(buf_str(&again), buf_str(&recs), "pending: the same record "
	    "again");
	free(item);
	site_free(s);
	site_free(t);
	buf_free(&out);
	buf_free(&recs);
	buf_free(&again);
	doc_free(a);
	doc_free(b);
}

/* Records: what a worker hands the parent, what site.rec keeps. */
static void
test_records(void)
{
	static const char *const files[] = { "protocol.html", "protocol.pdf" };
	struct document *a = assemble("de-vlinder"), *b = assemble("het-anker");
	struct site *s, *t;
	struct buf recs = { 0 }, again = { 0 }, h1 = { 0 }, h2 = { 0 },
	    one = { 0 };

	if (a == NULL || b == NULL) {
		OK(0, "records: fixtures assemble");
		doc_free(a);
		doc_free(b);
		return;
	}
	struct site_revision *ra, *rb;
	size_t na = two_revisions(a, &ra), nb = two_revisions(b, &rb);

	s = site_new(files, 2);
	site_add(s, a, ra, na);
	site_add(s, b, rb, nb);
	site_records(s, &recs);
	INT_EQ((int)site_count(s), 2, "records: two schools");
	OK(strchr(buf_str(&recs), '\n') != NULL &&
	    strchr(strchr(buf_str(&recs), '\n') + 1, '\n') != NULL,
	    "records: a line per school");
	t = site_new(files, 2);
	INT_EQ(site_add_records(t, buf_str(&recs), recs.len), 0,
	    "records: read back");
	site_records(t, &again);
	STR_EQ(buf_str(&again), buf_str(&recs), "records: the same lines again");
	site_render(s, &h1);
	site_render(t, &h2);
	STR_EQ(buf_str(&h2), buf_str(&h1), "records: the same index as the "
	    "documents give");
	/* a school already listed is replaced, not doubled */
	site_record(s, "het-anker", &one);
	INT_EQ(site_add_records(t, buf_str(&one), one.len), 0,
	    "records: one line");
	INT_EQ((int)site_count(t), 2, "records: a newer line replaces");
	site_remove(t, "de-vlinder");
	INT_EQ((int)site_count(t), 1, "records: removed");
	STR_EQ(site_id(t, 0), "het-anker", "records: the other stays");
	site_remove(t, "no-such-school");
	INT_EQ((int)site_count(t), 1, "records: removing an unknown id");
	/* escapes, NULL fields, malformed lines */
	buf_reset(&one);
	buf_puts(&one, "x\tna\\tme\\nwith \\\\ b\tbrd\tBoard\tT\t1.0\t"
	    "concept\t\\-\t\\-\t\\-\t2\tlead\tDe Leider\t0\n"
	    "too\tfew\n\n"
	    "z\tn\tb\tB\tT\t1.1\tconcept\t\\-\t\\-\t\\-\t1\t\\-\t\\-\t0\n"
	    "y\tn\tb\tB\tT\t1.0\tconcept\t\\-\t\\-\t\\-\t0\t\\-\t\\-\t1\t"
	    "1.0\tvastgesteld\t\\-\t\\-\t\\-\t\\-\t\\-\n");
	INT_EQ(site_add_records(t, buf_str(&one), one.len), -1,
	    "records: a malformed line is reported");
	INT_EQ((int)site_count(t), 3, "records: ... and skipped (an older "
	    "build's draft line too), the others read");
	buf_reset(&again);
	site_record(t, "z", &again);
	STR_EQ(buf_str(&again), "", "records: a line of a draft shown as "
	    "published (an older build's) is not read");
	buf_reset(&again);
	site_record(t, "x", &again);
	STR_EQ(buf_str(&again), "x\tna\\tme\\nwith \\\\ b\tbrd\tBoard\tT\t"
	    "1.0\tconcept\t\\-\t\\-\t\\-\t2\tlead\tDe Leider\t0\n",
	    "records: tab, newline, backslash, NULL and a follower's leader "
	    "survive");
	buf_reset(&h2);
	site_render(t, &h2);
	STR_HAS(buf_str(&h2), "na\tme\nwith \\ b", "records: the name as given");
	STR_HAS(buf_str(&h2), "<dd>volgt het protocol van De Leider</dd>",
	    "records: a follower (in voorbereiding) names its leader, unlinked");
	site_free(s);
	site_free(t);
	buf_free(&recs);
	buf_free(&again);
	buf_free(&h1);
	buf_free(&h2);
	buf_free(&one);
	doc_free(a);
	doc_free(b);
}

int
main(void)
{
	diag_capture(&msgs);
	page_set_templates("templates");
	if (text_load("templates/nl.strings") != 0 ||
	    config_load(&cfg, FIXTURE "/schools") != 0 ||
	    library_load(&lib, FIXTURE "/clauses") != 0) {
		printf("# %s", buf_str(&msgs));
		OK(0, "fixture project loads");
		return tap_done();
	}
	test_words();
	test_json();
	test_model();
	test_fallbacks();
	test_site();
	test_records();
	test_pending();
	config_free(&cfg);
	library_free(&lib);
	page_cache_free();
	text_free();
	buf_free(&msgs);
	return tap_done();
}
