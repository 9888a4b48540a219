/* protocolgen: the command table; the commands and their pipeline are in cli/. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "base/base.h"
#include "cli/cli.h"

static int
build_or_dump(struct run *r, int argc, char **argv)
{
	return r->o.dump_id ? cmd_dump(r, argc, argv) :
	    cmd_build(r, argc, argv);
}

/* Each command, the number of arguments it takes, and its function. */
static const struct command {
	const char	*name;
	int		 min, max;	/* -1: any number */
	int		 dump;		/* takes --dump and --explain */
	int		(*run)(struct run *, int, char **);
} commands[] = {
	{ "build",	0, -1, 1, build_or_dump },
	{ "check",	0, -1, 0, cmd_check },
	{ "clauses",	0, 0, 0, cmd_clauses },
	{ "adopt",	1, -1, 0, cmd_adopt },
	{ "diff",	2, 3, 0, cmd_diff },
	{ "impact",	0, 0, 0, cmd_impact },
};

static const struct command *
find_command(const char *name, int argc, int dump)
{
	size_t i;

	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, name) == 0 &&
		    argc >= commands[i].min &&
		    (commands[i].max == -1 || argc <= commands[i].max) &&
		    (commands[i].dump || !dump))
			return &commands[i];
	return NULL;
}

int
main(int argc, char *argv[])
{
	struct run r = { .o = { .root = ".", .out = NULL, .jobs = 1 } };
	const struct command *c;
	const char *name;
	char *out_default = NULL, *exe = NULL;
	int rc;

	LIBXML_TEST_VERSION
	atomic_signals_install();
	/* the program as a dependency: as it was run (bin/protocolgen) */
	if (strchr(argv[0], '/') != NULL)
		r.exe = argv[0];
	else
		r.exe = exe = realpath("/proc/self/exe", NULL);
	if (r.exe == NULL)
		r.exe = argv[0];
	if ((name = cli_options(&r, &argc, &argv, &rc)) == NULL) {
		free(exe);
		return rc;
	}
	if (r.o.out == NULL)
		r.o.out = out_default = project_path(r.o.root, "out");
	if ((c = find_command(name, argc, r.o.dump_id != NULL)) == NULL) {
		fprintf(stderr, "protocolgen: unknown command or arguments: "
		    "%s\n", name);
		cli_usage(stderr);
		rc = 2;
	} else {
		rc = c->run(&r, argc, argv);
		cli_unload(&r);
	}
	free(out_default);
	free(exe);
	xmlCleanupParser();
	return rc;
}
