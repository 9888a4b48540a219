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
	const char	*usage;		/* its arguments, for a usage error */
} commands[] = {
	{ "build",	0, -1, 1, build_or_dump, "[ID...]" },
	{ "check",	0, -1, 0, cmd_check, "[ID...]" },
	{ "clauses",	0, 0, 0, cmd_clauses, "(no arguments)" },
	{ "adopt",	1, -1, 0, cmd_adopt, "ID..." },
	{ "diff",	2, 3, 0, cmd_diff, "[--collapse] ID FROM [TO]" },
	{ "impact",	0, 0, 0, cmd_impact, "[--against DIR]" },
	{ "serve",	0, 0, 0, cmd_serve, "[--port N]" },
	{ "new",	2, 3, 0, cmd_new, "board BOARD [po|vo] | new school "
	    "BOARD/ID" },
	{ "import",	2, 2, 0, cmd_import, "schools FILE --board BOARD" },
};
#define NCOMMANDS	(sizeof(commands) / sizeof(commands[0]))

/*
 * The command called name that takes these arguments, or NULL after one
 * line on what is wrong and where to read more (GNU habit: the whole
 * usage only with --help).
 */
static const struct command *
find_command(const char *name, int argc, int dump)
{
	const struct command *c = NULL;
	struct nearest near;
	char hint[96];
	size_t i;

	nearest_init(&near, name);
	for (i = 0; i < NCOMMANDS; i++) {
		if (strcmp(commands[i].name, name) == 0)
			c = &commands[i];
		nearest_try(&near, commands[i].name);
	}
	if (c == NULL)
		fprintf(stderr, "protocolgen: unknown command '%s'%s; see "
		    "'protocolgen --help'\n", name, nearest_hint(&near, hint,
		    sizeof(hint)));
	else if (dump && !c->dump)
		fprintf(stderr, "protocolgen: --dump and --explain go with "
		    "build, not %s; see 'protocolgen --help'\n", name);
	else if (argc < c->min || (c->max != -1 && argc > c->max))
		fprintf(stderr, "protocolgen: %s: %s; usage: protocolgen %s "
		    "%s\n", name, argc < c->min ? "too few arguments" :
		    "too many arguments", name, c->usage);
	else
		return c;
	return NULL;
}

int
main(int argc, char *argv[])
{
	struct run r = { .o = { .root = ".", .out = NULL, .jobs = 1,
	    .port = 8000 } };
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
	if ((c = find_command(name, argc, r.o.dump_id != NULL)) == NULL)
		rc = 2;
	else {
		rc = c->run(&r, argc, argv);
		cli_unload(&r);
	}
	free(out_default);
	free(exe);
	xmlCleanupParser();
	return rc;
}
