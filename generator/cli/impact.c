/* Library impact: which schools' protocols, and which clauses, change with edited clause files. */
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/config.h"
#include "base/base.h"
#include "model/model.h"
#include "cli/cli.h"
#include "library/library.h"
#include "revisions/revisions.h"

/* Run "in | out" as two child processes; return 0 when both succeed. */
static int
run_pipe(char *const in[], char *const out[])
{
	pid_t a, b;
	int fd[2], st, ok = 1;

	if (pipe(fd) == -1)
		return -1;
	if ((a = fork()) == 0) {
		dup2(fd[1], STDOUT_FILENO);
		close(fd[0]);
		close(fd[1]);
		execvp(in[0], in);
		fprintf(stderr, "protocolgen: cannot run %s: %s\n", in[0],
		    strerror(errno));
		_exit(127);
	}
	if (a != -1 && (b = fork()) == 0) {
		dup2(fd[0], STDIN_FILENO);
		close(fd[0]);
		close(fd[1]);
		execvp(out[0], out);
		fprintf(stderr, "protocolgen: cannot run %s: %s\n", out[0],
		    strerror(errno));
		_exit(127);
	}
	close(fd[0]);
	close(fd[1]);
	if (a == -1)
		return -1;
	ok &= waitpid(a, &st, 0) == a && WIFEXITED(st) &&
	    WEXITSTATUS(st) == 0;
	if (b == -1)
		return -1;
	ok &= waitpid(b, &st, 0) == b && WIFEXITED(st) &&
	    WEXITSTATUS(st) == 0;
	return ok ? 0 : -1;
}

int
impact_old_library(const char *root, const char *clauses_dir,
    const char *against, struct library *old, char **tmp)
{
	char tdir[] = "/tmp/protocolgen-impact-XXXXXX", *dest, *tree;
	int errors;

	*tmp = NULL;
	if (against != NULL)
		return library_load(old, against);
	if (mkdtemp(tdir) == NULL) {
		diag_error(NULL, 0, "cannot make a temporary folder: %s",
		    strerror(errno));
		return 1;
	}
	*tmp = xstrdup(tdir);
	dest = xasprintf("%s/clauses", tdir);
	tree = xasprintf("HEAD:./%s", str_starts(clauses_dir, root) &&
	    strcmp(root, ".") != 0 ? clauses_dir + strlen(root) + 1 :
	    clauses_dir);
	{
		char *git[] = { "git", "-C", (char *)root, "archive",
		    "--format=tar", tree, NULL };
		char *tar[] = { "tar", "-x", "-f", "-", "-C", dest, NULL };
		if (mkdir_p(dest) == -1 || run_pipe(git, tar) == -1) {
			diag_error(clauses_dir, 0, "cannot read this folder as "
			    "of the last commit (git archive %s); compare two "
			    "folders with --against DIR", tree);
			free(dest);
			free(tree);
			return 1;
		}
	}
	errors = library_load(old, dest);
	if (errors > 0)
		diag_note(clauses_dir, 0, "the errors above are in the last "
		    "commit's version of this folder");
	free(dest);
	free(tree);
	return errors;
}

void
impact_cleanup(char *tmp)
{
	pid_t p;
	int st;

	if (tmp == NULL)
		return;
	if ((p = fork()) == 0) {
		execlp("rm", "rm", "-rf", "--", tmp, (char *)NULL);
		_exit(127);
	}
	if (p > 0)
		waitpid(p, &st, 0);
	free(tmp);
}

static const char *
change_word(const struct rl_clause *c)
{
	if (c->change == RL_NEW)
		return "new";
	if (c->change == RL_REMOVED)
		return "removed";
	if (c->change == RL_CHANGED)
		return c->moved ? "changed, moved" : "changed";
	return "moved";
}

static void
clause_line(FILE *out, const struct redline *rl, const struct rl_clause *c)
{
	const struct rev_clause *rc = c->new ? c->new : c->old;
	struct buf b = { 0 };

	rl_label(c->new ? rl->to : rl->from, rc, &b);
	fprintf(out, "  %-15s %-14s %s (%s)\n", change_word(c), buf_str(&b),
	    rc->id, rc->title);
	buf_free(&b);
}

/* Print what changes for one school; return whether anything does. */
static int
school_report(FILE *out, const char *id, const struct redline *rl)
{
	static const char *const sec_words[] = { "", "new", "removed",
	    "renamed" };
	size_t i, j, n = 0;

	for (i = 0; i < rl->nclauses; i++)
		n += rl_listed(&rl->clauses[i]);
	for (i = 0; i < rl->nnotes; i++)
		n += rl_listed(&rl->notes[i]);
	for (i = 0; i < rl->nsections; i++)
		n += rl->sections[i].change != RL_SAME;
	if (n == 0)
		return 0;
	fprintf(out, "%s: %zu change%s\n", id, n, n == 1 ? "" : "s");
	for (i = 0; i < rl->nsections; i++) {
		const struct rl_section *s = &rl->sections[i];
		const struct rev_section *rs = s->new ? s->new : s->old;
		if (s->change != RL_SAME)
			fprintf(out, "  %-15s %-14s %s (%s)\n",
			    sec_words[s->change], rs->number, rs->id,
			    rs->title);
		for (j = 0; j < s->nentries; j++)
			if (s->entries[j].kind == RL_ENTRY_CLAUSE &&
			    rl_listed(s->entries[j].c))
				clause_line(out, rl, s->entries[j].c);
	}
	for (i = 0; i < rl->nnotes; i++)
		if (rl_listed(&rl->notes[i]))
			clause_line(out, rl, &rl->notes[i]);
	return 1;
}

/*
 * For the council: does the text in force change (a new version and new
 * consent are needed), or only a draft; and who consents to the changed
 * clauses.  Return 1 when the text in force changes.
 */
static int
council_report(FILE *out, const struct document *d, const struct redline *rl)
{
	const char *status = d->meta.status, *version = d->meta.version;
	const struct revdoc *force = NULL;
	struct revset set;
	struct buf b = { 0 };
	size_t i, j;
	int adopted = 0, changes = 0;

	revset_load(d, &set);
	for (i = set.nfrozen; i > 0 && force == NULL; i--) {
		const char *st = revdoc_meta(set.frozen[i - 1].rev, "status");
		if (st != NULL && strcmp(st, "vastgesteld") == 0)
			force = set.frozen[i - 1].rev;
	}
	for (i = 0; i < set.nfrozen; i++)
		adopted |= strcmp(set.frozen[i].rev->version, version) == 0;
	if (strcmp(status, "vastgesteld") == 0) {
		fprintf(out, "  in force: version %s%s changes: a new version "
		    "and new consent are needed\n", version, adopted ? "" :
		    " (vastgesteld, not yet adopted)");
		changes = 1;
	} else if (strcmp(status, "vervallen") == 0) {
		fprintf(out, "  in force: none; version %s is vervallen\n",
		    version);
	} else {
		if (force != NULL)
			fprintf(out, "  in force: version %s, unchanged; only "
			    "the draft %s (%s) changes", force->version,
			    version, status);
		else
			fprintf(out, "  in force: none adopted; only the draft "
			    "%s (%s) changes", version, status);
		if (strcmp(status, "ter-instemming") == 0)
			fputs(", which is before the council: it must see the "
			    "new text", out);
		fputc('\n', out);
	}
	for (i = 0; i < rl->nbodies; i++) {
		const struct rl_body *bd = &rl->bodies[i];
		fprintf(out, "%s %s (", i == 0 ? "  consent:" : ";",
		    rl_body_text(rl, bd->consent, "short"));
		for (j = 0; j < bd->nclauses; j++) {
			const struct rl_clause *c = bd->clauses[j];
			buf_reset(&b);
			rl_label(c->new ? rl->to : rl->from, c->new ? c->new :
			    c->old, &b);
			fprintf(out, "%s%s", j ? ", " : "", buf_str(&b));
		}
		fputc(')', out);
	}
	if (rl->nbodies > 0)
		fputc('\n', out);
	buf_free(&b);
	revset_free(&set);
	return changes;
}

int
impact_report(const struct config *cfg, const struct library *old,
    const struct library *now, FILE *out)
{
	struct document *a, *b;
	struct revdoc *ra, *rb;
	struct redline *rl;
	size_t i, changed = 0, in_force = 0;
	int rc = 0;

	for (i = 0; i < cfg->nschools; i++) {
		const struct school *s = cfg->schools[i];
		if ((b = doc_assemble(s, now)) == NULL) {
			rc = 1;
			continue;
		}
		if ((a = doc_assemble(s, old)) == NULL) {
			fprintf(out, "%s: new with this library (the old one "
			    "cannot assemble it)\n", s->id);
			changed++;
			doc_free(b);
			continue;
		}
		ra = revdoc_draft(a);
		rb = revdoc_draft(b);
		rl = redline_build(ra, rb);
		if (school_report(out, s->id, rl)) {
			changed++;
			in_force += council_report(out, b, rl);
		}
		redline_free(rl);
		revdoc_free(ra);
		revdoc_free(rb);
		doc_free(a);
		doc_free(b);
	}
	fprintf(out, "%zu of %zu school%s change%s\n", changed, cfg->nschools,
	    cfg->nschools == 1 ? "" : "s", changed == 1 ? "s" : "");
	if (in_force > 0)
		fprintf(out, "%zu of them change%s the text in force: a new "
		    "version and new consent are needed\n", in_force,
		    in_force == 1 ? "s" : "");
	return rc;
}
