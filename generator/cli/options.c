/* The command line: usage and options. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "cli/cli.h"

#define VERSION "0.1.0"

void
cli_usage(FILE *f)
{
	fputs(
"usage: protocolgen build [--out DIR] [--drafts DIR] [--keep-going] [--jobs N]\n"
"                         [ID...]\n"
"       protocolgen build --deps [--index] [--schools-from FILE] ...\n"
"       protocolgen build --dump ID | --explain ID\n"
"       protocolgen check [ID...]\n"
"       protocolgen adopt ID...\n"
"       protocolgen diff [--collapse] ID FROM [TO]\n"
"       protocolgen impact [--against DIR]\n"
"       protocolgen clauses\n"
"       protocolgen new board BOARD [po|vo] | new school BOARD/ID\n"
"       protocolgen serve [--port N]\n"
"       protocolgen import schools FILE.csv --board BOARD\n"
"       protocolgen --help | --version\n"
"\n"
"Commands:\n"
"  build     render schools (default: all) into DIR (default out/): per\n"
"            school its version in force and every adopted version;\n"
"            drafts only into the preview (DIR/concept/)\n"
"  check     lint configs, clauses and documents; exit 1 on errors\n"
"  adopt     freeze the current vastgesteld revision of each school ID as\n"
"            schools/<board>/ID/revisions/<version>.md\n"
"  diff      redline between revisions FROM and TO (a frozen version, or\n"
"            the current text: TO's default) → out/ID/diff-FROM-TO.html\n"
"            and .pdf (a draft's: into the preview, out/concept/ID/)\n"
"  impact    which schools' protocols and clauses change with the clause\n"
"            files edited since the last commit (or against library DIR)\n"
"  clauses   list the clause library: ids, sections, provenance, users\n"
"  new       start a board (schools/BOARD/board.lua) or a school\n"
"            (schools/BOARD/ID.lua) from the standard outline; never\n"
"            overwrites\n"
"  serve     build, serve DIR on 127.0.0.1 (default port 8000), rebuild\n"
"            what an edit makes stale and reload open pages\n"
"  import    a school config (schools/BOARD/ID.lua) per row of a CSV file\n"
"            (the board's spreadsheet, DUO's open data): name, place,\n"
"            website, BRIN; never overwrites\n"
"\n"
"Options:\n"
"  --out DIR        output folder (default: out)\n"
"  --drafts DIR     build, diff: the preview of drafts (default:\n"
"                   OUT/concept)\n"
"  --root DIR       project folder holding schools/ and clauses/ (default: .)\n"
"  --templates DIR  templates folder (default: the project's templates/)\n"
"  -k, --keep-going build the schools that have no errors, then exit 1\n"
"  -j, --jobs N     build on N processes (0: one per processor; default 1)\n"
"  --deps           write make dependency files and stamps in DIR/.deps\n"
"  --index          rewrite DIR/index.html after a build of some schools\n"
"                   too (the others as recorded in DIR/.deps)\n"
"  --schools-from FILE  build the schools FILE names (ids, one a line)\n"
"  -v, --verbose    print 'built ID' for each school written\n"
"  --dump ID        print the document model of school ID\n"
"  --explain ID     print every value of school ID and where it was set\n"
"  -q, --quiet      do not print warnings\n"
"  --collapse       diff: fold unchanged clauses (HTML: closed <details>;\n"
"                   PDF: one line per run) into diff-FROM-TO-collapsed.*\n"
"  --port N         serve: the port (0: any free one; default 8000)\n"
"  --against DIR    impact: the old clause library (default: clauses/ of\n"
"                   the last commit, read with git)\n"
"  --board BOARD    import: the board the schools are of\n"
"\n"
"Exit status: 0 ok, 1 errors or failed build, 2 usage error.\n"
"See protocolgen(1).\n", f);
}

const char *
cli_options(struct run *r, int *argcp, char ***argvp, int *status)
{
	static const struct option longopts[] = {
		{ "out", required_argument, NULL, 'o' },
		{ "drafts", required_argument, NULL, 'P' },
		{ "root", required_argument, NULL, 'r' },
		{ "templates", required_argument, NULL, 't' },
		{ "keep-going", no_argument, NULL, 'k' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "deps", no_argument, NULL, 'D' },
		{ "index", no_argument, NULL, 'I' },
		{ "schools-from", required_argument, NULL, 'F' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "dump", required_argument, NULL, 'd' },
		{ "explain", required_argument, NULL, 'e' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "collapse", no_argument, NULL, 'c' },
		{ "against", required_argument, NULL, 'a' },
		{ "port", required_argument, NULL, 'p' },
		{ "board", required_argument, NULL, 'b' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int argc = *argcp, ch;
	char **argv = *argvp, *end;
	const char *cmd;

	*status = 0;
	/* "+": options end at the command; each command reads its own */
	while ((ch = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1)
		switch (ch) {
		case 'h':
			cli_usage(stdout);
			return NULL;
		case 'V':
			printf("protocolgen %s\n", VERSION);
			return NULL;
		default:
			goto usage;
		}
	if (optind >= argc) {
		fprintf(stderr, "protocolgen: no command given (build, check, "
		    "adopt, diff, impact, clauses, new, import or serve)\n");
		goto usage;
	}
	cmd = argv[optind];
	argc -= optind;
	argv += optind;
	optind = 0;	/* glibc: 0 restarts the scan (and its permutation) */
	while ((ch = getopt_long(argc, argv, "kqhvj:", longopts, NULL)) != -1)
		switch (ch) {
		case 'v':
			r->o.verbose = 1;
			break;
		case 'j':
			r->o.jobs = (int)strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || r->o.jobs < 0 ||
			    r->o.jobs > 1024) {
				fprintf(stderr, "protocolgen: --jobs wants a "
				    "number from 0 to 1024\n");
				*status = 2;
				return NULL;
			}
			break;
		case 'D':
			r->o.deps = 1;
			break;
		case 'I':
			r->o.index = 1;
			break;
		case 'F':
			r->o.schools_from = optarg;
			break;
		case 'o':
			r->o.out = optarg;
			break;
		case 'P':
			r->o.drafts = optarg;
			break;
		case 'r':
			r->o.root = optarg;
			break;
		case 't':
			r->o.templates = optarg;
			break;
		case 'k':
			r->o.keep_going = 1;
			break;
		case 'd':
			r->o.dump_id = optarg;
			break;
		case 'e':
			r->o.dump_id = optarg;
			r->o.explain = 1;
			break;
		case 'q':
			diag_quiet_warnings(1);
			break;
		case 'c':
			r->o.collapse = 1;
			break;
		case 'a':
			r->o.against = optarg;
			break;
		case 'p':
			r->o.port = (int)strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || r->o.port < 0 ||
			    r->o.port > 65535 || strcmp(cmd, "serve") != 0) {
				fprintf(stderr, "protocolgen: --port N (0 to "
				    "65535) is for serve\n");
				goto usage;
			}
			break;
		case 'b':
			r->o.board = optarg;
			break;
		case 'h':
			cli_usage(stdout);
			return NULL;
		default:
			goto usage;
		}
	*argcp = argc - optind;
	*argvp = argv + optind;
	if (r->o.drafts && strcmp(cmd, "build") != 0 &&
	    strcmp(cmd, "diff") != 0) {
		fprintf(stderr, "protocolgen: --drafts is for build and "
		    "diff\n");
		goto usage;
	}
	if ((r->o.jobs != 1 || r->o.deps || r->o.index || r->o.schools_from ||
	    r->o.verbose) &&
	    (strcmp(cmd, "build") != 0 || r->o.dump_id != NULL)) {
		fprintf(stderr, "protocolgen: --jobs, --deps, --index, "
		    "--schools-from and --verbose are for building\n");
		goto usage;
	}
	if (r->o.board && strcmp(cmd, "import") != 0) {
		fprintf(stderr, "protocolgen: --board is for import\n");
		goto usage;
	}
	if ((r->o.collapse && strcmp(cmd, "diff") != 0) ||
	    (r->o.against && strcmp(cmd, "impact") != 0)) {
		fprintf(stderr, "protocolgen: %s is for the %s command\n",
		    r->o.collapse ? "--collapse" : "--against",
		    r->o.collapse ? "diff" : "impact");
		goto usage;
	}
	return cmd;
usage:
	fputs("Try 'protocolgen --help' for more information.\n", stderr);
	*status = 2;
	return NULL;
}
