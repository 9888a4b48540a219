/* The one order of the stages of a school, for build, check, adopt and diff. */
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "check/check.h"
#include "cli/cli.h"
#include "model/model.h"
#include "render/page/page.h"
#include "render/pdf/pdf.h"
#include "render/render.h"
#include "revisions/html/diffhtml.h"
#include "revisions/pdf/pdf_redline.h"
#include "revisions/docx/docx_redline.h"
#include "revisions/revisions.h"

/* `protocolgen diff`: the redline between two named revisions. */
static int
diff_stage(struct run *r, struct school_run *sr)
{
	struct revdoc *from = NULL, *to = NULL;
	struct redline *rl;
	int rc = -1;

	if ((from = revision_open(sr->d, sr->from)) != NULL &&
	    (to = revision_open(sr->d, sr->to)) != NULL) {
		rl = redline_build(from, to);
		rl->look = &sr->d->meta;
		/* the folded copy has its own name: neither overwrites the
		   other (nor the one build writes) */
		sr->diff_base = xasprintf("diff-%s-%s%s", from->version,
		    to->version, r->o.collapse ? "-collapsed" : "");
		/* a draft's redline is for the preview, never out/<id>/ */
		sr->diff_draft = sr->d->meta.draft && (from->draft || to->draft);
		if (diffhtml_render(rl, r->o.collapse, &sr->diff_html) == 0 &&
		    pdf_init(page_templates()) == 0 &&
		    pdf_redline(rl, r->o.collapse, &sr->diff_pdf) == 0 &&
		    /* Word's tracked changes are the whole text or none:
		       a folded copy has no .docx */
		    (r->o.collapse || docx_redline(rl,
		    sr->d->meta.redline_author, &sr->diff_docx) == 0))
			rc = 0;
		redline_free(rl);
	}
	revdoc_free(from);
	revdoc_free(to);
	return rc;
}

/* Adoption, before the checks: the revision's status and steps allow it. */
static int
adopt_gate(struct school_run *sr)
{
	return revision_adopt_check(sr->d) == 0 ? 0 : -1;
}

int
pipeline_school(struct run *r, const struct school *s, struct school_run *sr)
{
	unsigned st = sr->stages;
	struct check_result cr = { 0 };
	int before = diag_count(DIAG_ERROR);

	if (s->leader != NULL && (st & (STAGE_ADOPT | STAGE_DIFF))) {
		/* a follower has no protocol, so no revisions of its own */
		diag_error(s->follows_loc.file, s->follows_loc.line, "school "
		    "'%s' follows the protocol of '%s' and has no revisions of "
		    "its own: %s the board's protocol instead (protocolgen %s "
		    "%s)", s->id, s->follows, (st & STAGE_ADOPT) ? "adopt" :
		    "compare", (st & STAGE_ADOPT) ? "adopt" : "diff",
		    s->follows);
		return -1;
	}
	if ((st & STAGE_CHECK) && s->leader != NULL)
		diag_note(s->follows_loc.file, s->follows_loc.line, "school "
		    "'%s' follows the protocol of '%s': it is checked with "
		    "that text, and publishes only its schoolgids section",
		    s->id, s->follows);
	if ((sr->d = doc_assemble(s, &r->lib)) == NULL)
		return -1;
	if ((st & STAGE_ADOPT) && adopt_gate(sr) == -1)
		return -1;
	if (st & STAGE_CHECK) {
		check_document(sr->d, &r->cfg, &cr);
		schoolgids_check(sr->d);
		if (diag_count(DIAG_ERROR) != before) {
			if (st & STAGE_ADOPT)
				diag_note(s->path, 0, "version %s of '%s' was "
				    "not adopted", sr->d->meta.version, s->id);
			if (st & (STAGE_RENDER | STAGE_ADOPT))
				return -1;
		}
	}
	if ((st & STAGE_REVISIONS) && s->leader != NULL) {
		/* a follower has no revisions: its leader's are in force */
		if ((sr->leader = doc_assemble(s->leader, &r->lib)) == NULL ||
		    revset_load(sr->leader, &sr->revs) > 0)
			return (st & STAGE_RENDER) ? -1 : 0;
		if ((st & STAGE_RENDER) && publish_school(r, sr) == -1)
			return -1;
	} else if (st & STAGE_REVISIONS) {
		/* a hand-edited frozen one is an error; so are a vastgesteld
		   text never adopted and an adopted text that changed */
		if ((revset_load(sr->d, &sr->revs) > 0 ||
		    revset_check(sr->d, &sr->revs) > 0) && (st & STAGE_RENDER))
			return -1;
		/* what is published comes from frozen texts only */
		if ((st & STAGE_RENDER) && publish_school(r, sr) == -1)
			return -1;
	}
	if ((st & STAGE_ADOPT) && revision_adopt(sr->d) != 0)
		return -1;
	if ((st & STAGE_DIFF) && diff_stage(r, sr) == -1)
		return -1;
	return diag_count(DIAG_ERROR) != before && (st & STAGE_CHECK) ? -1 : 0;
}

void
pipeline_free(struct school_run *sr)
{
	out_files_free(&sr->pub);
	out_files_free(&sr->preview);
	revdoc_document_free(sr->inforce);
	revset_free(&sr->revs);
	buf_free(&sr->diff_html);
	buf_free(&sr->diff_pdf);
	buf_free(&sr->diff_docx);
	free(sr->diff_base);
	doc_free(sr->d);
	doc_free(sr->leader);
	memset(sr, 0, sizeof(*sr));
}
