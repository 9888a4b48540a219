/* Revisions of a school: its frozen files, their list, adoption and opening. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "config/config.h"
#include "model/model.h"
#include "render/site/site.h"
#include "revisions/revisions.h"

static void revision_list_free(struct revision_entry *, size_t);

/* ------------------------------------------------------------------ */
/* Frozen files of a school                                             */

int
revision_version_cmp(const char *a, const char *b)
{
	while (*a != '\0' || *b != '\0') {
		unsigned long x = strtoul(a, (char **)&a, 10);
		unsigned long y = strtoul(b, (char **)&b, 10);
		if (x != y)
			return x < y ? -1 : 1;
		a += *a == '.';
		b += *b == '.';
		if ((*a == '\0') != (*b == '\0'))
			return *a == '\0' ? -1 : 1;
	}
	return 0;
}

static char *
revisions_dir(const struct document *d)
{
	return xasprintf("%s/%s/revisions", d->school->board->dir,
	    d->meta.school_id);
}

char *
revision_path(const struct document *d, const char *version)
{
	char *dir = revisions_dir(d), *p;

	p = xasprintf("%s/%s.md", dir, version);
	free(dir);
	return p;
}

static int
frozen_cmp(const void *a, const void *b)
{
	return revision_version_cmp(((const struct frozen *)a)->rev->version,
	    ((const struct frozen *)b)->rev->version);
}

static void
frozen_free(struct frozen *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].path);
		buf_free(&v[i].text);
		revdoc_free(v[i].rev);
	}
	free(v);
}

/*
 * Read and verify every frozen revision of d's school, in version order.
 * Report each that does not verify; store their number in *errors.
 */
static struct frozen *
frozen_load(const struct document *d, size_t *n, int *errors)
{
	char *dir = revisions_dir(d), *version;
	struct frozen *v = NULL, f;
	struct dir_entry *e;
	size_t cap = 0, ne, i;

	*n = 0;
	*errors = 0;
	if ((e = dir_list(dir, &ne)) == NULL) {
		if (errno != ENOENT) {	/* none adopted yet: no folder */
			diag_error(dir, 0, "cannot read folder: %s",
			    strerror(errno));
			(*errors)++;
		}
		free(dir);
		return NULL;
	}
	for (i = 0; i < ne; i++) {
		/* anything else is reported when the configs are loaded */
		if (!str_ends(e[i].name, ".md") || e[i].type == ENT_DIR)
			continue;
		memset(&f, 0, sizeof(f));
		f.path = xasprintf("%s/%s", dir, e[i].name);
		version = xstrndup(e[i].name, strlen(e[i].name) - 3);
		if (input_read(f.path, "a frozen revision", &f.text) == -1) {
			(*errors)++;
		} else if ((f.rev = revdoc_parse(f.path, buf_str(&f.text),
		    f.text.len, 1)) == NULL) {
			(*errors)++;
		} else if (!config_valid_version(version) ||
		    strcmp(f.rev->version, version) != 0) {
			diag_error(f.path, 1, "this file holds version %s; "
			    "a frozen revision is named after its version "
			    "(%s.md)", f.rev->version, f.rev->version);
			(*errors)++;
		} else {
			free(version);
			ARRAY_RESERVE(v, *n, cap);
			v[(*n)++] = f;
			continue;
		}
		free(version);
		free(f.path);
		buf_free(&f.text);
		revdoc_free(f.rev);
	}
	dir_list_free(e, ne);
	free(dir);
	if (*n > 1)
		qsort(v, *n, sizeof(*v), frozen_cmp);
	return v;
}

static const char *const step_acts[] = { "voorstel", "advies",
    "bespreking", "instemming", "vaststelling", NULL };

int
revdoc_step_parse(const char *value, struct rev_step *s)
{
	const char *date, *act, *const *a;
	size_t n;

	/* from the right: the date and the act are single words */
	if ((date = strrchr(value, ' ')) == NULL || date == value)
		return -1;
	for (act = date - 1; act > value && act[-1] != ' '; act--)
		;
	if (act == value || act - 1 == value)
		return -1;	/* no body before the act */
	n = (size_t)(date - act);
	for (a = step_acts; *a != NULL; a++)
		if (strlen(*a) == n && strncmp(*a, act, n) == 0)
			break;
	if (*a == NULL || !date_valid(date + 1, 0))
		return -1;
	s->body = value;
	s->bodylen = (int)(act - 1 - value);
	s->act = *a;
	s->date = date + 1;
	return 0;
}

int
revdoc_step(const struct revdoc *r, const char *act, int nth,
    struct rev_step *s)
{
	struct rev_step st;
	size_t i;
	int seen = 0, found = 0;

	for (i = 0; i < r->nmeta; i++) {
		if (strcmp(r->meta[i].key, "step") != 0 ||
		    revdoc_step_parse(r->meta[i].value, &st) != 0 ||
		    strcmp(st.act, act) != 0)
			continue;
		if (nth >= 0 && seen++ != nth)
			continue;
		*s = st;
		found = 1;
		if (nth >= 0)
			break;
	}
	return found;
}

/* The date of the last step with act in r, or NULL; caller frees. */
static char *
step_date(const struct revdoc *r, const char *act)
{
	struct rev_step s;

	return revdoc_step(r, act, -1, &s) ? xstrdup(s.date) : NULL;
}

static void
entry_fill(struct revision_entry *e, const struct revdoc *r,
    const char *file, const char *prev)
{
	memset(e, 0, sizeof(*e));
	e->version = xstrdup(r->version);
	e->status = xstrdup(revdoc_meta(r, "status") ?
	    revdoc_meta(r, "status") : "");
	e->consented = step_date(r, "instemming");
	e->adopted = step_date(r, "vaststelling");
	e->file = file ? xstrdup(file) : NULL;
	e->diff = prev ? xasprintf("diff-%s-%s.html", prev, r->version) :
	    NULL;
	e->draft = file == NULL;
}

/*
 * The revisions of d as entries, plus the frozen files and the current
 * text (rendered into *draft) for callers that render the diffs.
 */
static int
list(const struct document *d, struct revision_entry **v, size_t *n,
    struct frozen **fv, size_t *nf, struct buf *draft)
{
	struct frozen *f;
	struct revdoc *cur;
	size_t i;
	int errors;

	f = frozen_load(d, nf, &errors);
	if (*nf > 0)	/* most schools have none: skip the work */
		revision_render(d, draft);
	*v = xcalloc(*nf + 1, sizeof(**v));
	*n = 0;
	for (i = 0; i < *nf; i++)
		entry_fill(&(*v)[(*n)++], f[i].rev, f[i].path,
		    i > 0 ? f[i - 1].rev->version : NULL);
	if (*nf > 0 && (f[*nf - 1].text.len != draft->len ||
	    memcmp(buf_str(&f[*nf - 1].text), buf_str(draft),
	    draft->len) != 0)) {
		cur = revdoc_draft(d);
		entry_fill(&(*v)[(*n)++], cur, NULL, f[*nf - 1].rev->version);
		revdoc_free(cur);
	}
	*fv = f;
	return errors;
}

int
revset_load(const struct document *d, struct revset *s)
{
	memset(s, 0, sizeof(*s));
	s->errors = list(d, &s->entries, &s->nentries, &s->frozen,
	    &s->nfrozen, &s->draft);
	return s->errors;
}

void
revset_free(struct revset *s)
{
	revision_list_free(s->entries, s->nentries);
	frozen_free(s->frozen, s->nfrozen);
	buf_free(&s->draft);
	memset(s, 0, sizeof(*s));
}

/* Does the config give the rationale r was frozen with? */
static int
same_rationale(const struct revision *rev, const struct revdoc *r)
{
	size_t i;

	if ((rev->rationale == NULL) != (r->rationale == NULL) ||
	    (rev->rationale != NULL && strcmp(rev->rationale,
	    r->rationale) != 0) || rev->nnotes != r->nwhys)
		return 0;
	for (i = 0; i < rev->nnotes; i++)
		if (strcmp(rev->notes[i].clause, r->whys[i].key) != 0 ||
		    strcmp(rev->notes[i].text, r->whys[i].value) != 0)
			return 0;
	return 1;
}

const struct revdoc *
revset_before(const struct revset *s, const char *version)
{
	size_t i;

	for (i = s->nfrozen; i > 0; i--)
		if (revision_version_cmp(s->frozen[i - 1].rev->version,
		    version) < 0)
			return s->frozen[i - 1].rev;
	return NULL;
}

int
revset_check(const struct document *d, const struct revset *s)
{
	const struct loc *loc = &d->school->rev.loc;
	const char *id = d->meta.school_id;
	size_t i;

	if (s->errors > 0)
		return s->errors;
	if (revision_rationale_check(d, revset_before(s, d->meta.version)) > 0)
		return 1;
	for (i = 0; i < s->nfrozen; i++)
		if (strcmp(s->frozen[i].rev->version, d->meta.version) == 0)
			break;
	if (i < s->nfrozen) {
		if (s->frozen[i].text.len == s->draft.len &&
		    memcmp(s->frozen[i].text.data, s->draft.data,
		    s->draft.len) == 0)
			return 0;
		diag_error(loc->file, loc->line, "the text of '%s' differs "
		    "from its adopted version %s (%s), and an adopted text "
		    "never changes: undo the change, or make it a new "
		    "revision (raise revision.version, status \"concept\")",
		    id, d->meta.version, s->frozen[i].path);
		if (!same_rationale(&d->school->rev, s->frozen[i].rev))
			diag_note(loc->file, loc->line, "its rationale "
			    "(revision.rationale, clause_rationale) is not the "
			    "one adopted: it was adopted with the revision");
		return 1;
	}
	if (strcmp(d->meta.status, "vastgesteld") == 0) {
		char *path = revision_path(d, d->meta.version);
		diag_error(loc->file, loc->line, "version %s of '%s' is "
		    "'vastgesteld' but was never adopted (no %s): run "
		    "`protocolgen adopt %s` to freeze it, or give it the "
		    "status it has (\"concept\", \"ter-instemming\")",
		    d->meta.version, id, path, id);
		free(path);
		return 1;
	}
	return 0;
}

size_t
revset_site_list(const struct document *d, const struct revset *s,
    struct site_revision **out)
{
	const struct revision_entry *v = s->entries;
	struct site_revision *r;
	size_t n = s->nentries, i;

	/* the public index lists adopted revisions only: never the draft */
	while (n > 0 && v[n - 1].draft)
		n--;
	r = xcalloc(n + 1, sizeof(*r));
	for (i = 0; i < n; i++) {	/* newest first */
		const struct revision_entry *e = &v[n - 1 - i];
		r[i].version = xstrdup(e->version);
		r[i].status = xstrdup(e->status);
		r[i].date = e->adopted ? xstrdup(e->adopted) : NULL;
		/* the newest is the version in force, the others archived */
		r[i].text = i == 0 ? xasprintf("%s/protocol.html",
		    d->meta.school_id) : xasprintf("%s/versie-%s/protocol.html",
		    d->meta.school_id, e->version);
		if (e->diff != NULL) {
			r[i].href = xasprintf("%s/%s", d->meta.school_id,
			    e->diff);
			r[i].pdf = xasprintf("%s/%.*s.pdf", d->meta.school_id,
			    (int)(strlen(e->diff) - 5), e->diff);
			r[i].label = xasprintf("%s %s", tr("diff.site.label"),
			    v[n - 2 - i].version);
		}
	}
	*out = r;
	return n;
}

static void
revision_list_free(struct revision_entry *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].version);
		free(v[i].status);
		free(v[i].consented);
		free(v[i].adopted);
		free(v[i].file);
		free(v[i].diff);
	}
	free(v);
}

/* ------------------------------------------------------------------ */
/* Adoption and opening                                                 */

static int
has_act(const struct revision *rev, const char *act)
{
	size_t i;

	for (i = 0; i < rev->napprovals; i++)
		if (strcmp(rev->approvals[i].act, act) == 0)
			return 1;
	return 0;
}

int
revision_adopt_check(const struct document *d)
{
	const struct revision *rev = &d->school->rev;
	const char *id = d->meta.school_id;
	int refused = 0;

	if (strcmp(rev->status, "vastgesteld") != 0) {
		diag_error(rev->loc.file, rev->loc.line, "cannot adopt version "
		    "%s of '%s': its status is '%s', not 'vastgesteld'",
		    rev->version, id, rev->status);
		return 1;
	}
	if (!has_act(rev, "instemming")) {
		diag_error(rev->loc.file, rev->loc.line, "cannot adopt version "
		    "%s of '%s': the consent step (act = \"instemming\") is "
		    "missing", rev->version, id);
		refused = 1;
	}
	if (!has_act(rev, "vaststelling")) {
		diag_error(rev->loc.file, rev->loc.line, "cannot adopt version "
		    "%s of '%s': the adoption step (act = \"vaststelling\") is "
		    "missing", rev->version, id);
		refused = 1;
	}
	return refused;
}

/* Write a frozen revision, never through a link.  0, or -1 after reporting. */
static int
write_frozen(const char *path, const struct buf *text)
{
	if (tree_path_check(path, "write") == -1)
		return -1;
	if (file_write_atomic(path, text->data, text->len, 1) == -1) {
		diag_error(path, 0, "cannot write: %s", strerror(errno));
		return -1;
	}
	return 0;
}

int
revision_adopt(const struct document *d)
{
	const struct revision *rev = &d->school->rev;
	struct buf text = { 0 }, old = { 0 };
	char *path = revision_path(d, rev->version);
	struct revdoc *r;
	int rc = 1;

	{	/* the rationale names clauses of this or the last revision */
		struct revset set;
		int bad = revset_load(d, &set) > 0 ||
		    revision_rationale_check(d, revset_before(&set,
		    rev->version)) > 0;
		revset_free(&set);
		if (bad) {
			free(path);
			return 1;
		}
	}
	revision_render(d, &text);
	if (file_read_nofollow(path, &old) == 0) {
		if (old.len == text.len && memcmp(old.data, text.data,
		    text.len) == 0) {
			printf("%s: version %s is already adopted with this "
			    "text (%s)\n", d->meta.school_id, rev->version,
			    path);
			rc = 0;
		} else if ((r = revdoc_parse(path, buf_str(&old), old.len,
		    1)) != NULL) {
			diag_error(rev->loc.file, rev->loc.line, "version %s of "
			    "'%s' is already adopted with different text (%s): "
			    "raise revision.version to adopt a new revision",
			    rev->version, d->meta.school_id, path);
			revdoc_free(r);
		}
	} else if (errno != ENOENT) {
		diag_error(path, 0, "cannot read: %s", strerror(errno));
	} else if (write_frozen(path, &text) == 0) {
		printf("%s: adopted version %s as %s\n", d->meta.school_id,
		    rev->version, path);
		rc = 0;
	}
	buf_free(&text);
	buf_free(&old);
	free(path);
	return rc;
}

struct revdoc *
revision_open(const struct document *d, const char *version)
{
	struct buf text = { 0 }, names = { 0 };
	struct frozen *f;
	struct revdoc *r;
	size_t nf, i;
	int errors;
	char *path;

	if (version == NULL)
		return revdoc_draft(d);
	if (!config_valid_version(version)) {
		diag_error(NULL, 0, "'%s' is not a version number (1.0, "
		    "2.1.3)", version);
		return NULL;
	}
	path = revision_path(d, version);
	if (file_read(path, &text) == 0) {
		r = revdoc_parse(path, buf_str(&text), text.len, 1);
		buf_free(&text);
		free(path);
		return r;
	}
	free(path);
	if (strcmp(version, d->meta.version) == 0)
		return revdoc_draft(d);
	f = frozen_load(d, &nf, &errors);
	for (i = 0; i < nf; i++)
		buf_printf(&names, "%s%s", i ? ", " : "", f[i].rev->version);
	diag_error(NULL, 0, "school '%s' has no revision %s (adopted: %s; the "
	    "current text is version %s)", d->meta.school_id, version,
	    nf ? buf_str(&names) : "none", d->meta.version);
	frozen_free(f, nf);
	buf_free(&names);
	return NULL;
}
