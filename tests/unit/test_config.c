/* Unit tests: the config sandbox, validation and merging. */
#include "tap.h"
#include "fixture.h"

#include "config/config.h"
#include "base/base.h"

static struct buf msgs;

/* Run text as a file calling entry; return the messages it produced. */
static const char *
run(const char *name, const char *entry, const char *text, int *rc)
{
	struct cval *v = NULL;
	char *path = fx_write(name, text);

	buf_reset(&msgs);
	diag_reset();
	*rc = config_run(path, entry, &v);
	cval_free(v);
	free(path);
	return buf_str(&msgs);
}

#define rel fx_rel

static void
test_sandbox(void)
{
	int rc;

	STR_EQ(rel(run("a.lua", "school", "local f = io.open('/etc/passwd')\n",
	    &rc)), "T/a.lua:1: error: 'io' is not offered in a config: a config "
	    "reads and writes no files\n", "io is absent");
	INT_EQ(rc, -1, "io: failure");
	STR_EQ(rel(run("a.lua", "school", "\nos.execute('true')\n", &rc)),
	    "T/a.lua:2: error: 'os' is not offered in a config: a config does "
	    "not reach the system (dates are text)\n",
	    "os is absent");
	STR_HAS(run("a.lua", "school", "require('x')\n", &rc),
	    "require is not offered in a config", "no require");
	STR_HAS(run("a.lua", "school", "dofile('/etc/passwd')\n", &rc),
	    "dofile is not offered", "no dofile");
	STR_HAS(run("a.lua", "school", "load('x=1')()\n", &rc),
	    "load is not offered", "no load");
	STR_HAS(run("a.lua", "school", "loadfile('x')\n", &rc),
	    "loadfile is not offered", "no loadfile");
	STR_HAS(run("a.lua", "school", "local d = debug.getinfo(1)\n", &rc),
	    "'debug' is not offered", "no debug library");
	STR_HAS(run("a.lua", "school", "string.dump(print)\n", &rc),
	    "string.dump is not offered", "no string.dump");
	STR_HAS(run("a.lua", "school", "getmetatable('').__index = {}\n", &rc),
	    "getmetatable is not offered", "no getmetatable");
	STR_HAS(run("a.lua", "school", "('x'):gsub('.', '')\n", &rc),
	    "string.gsub is not offered", "no pattern functions");
	STR_HAS(run("a.lua", "school", "package.loadlib('x', 'y')\n", &rc),
	    "'package' is not offered", "no package");
	STR_HAS(run("a.lua", "school", "collectgarbage()\n", &rc),
	    "collectgarbage is not offered", "no collectgarbage");
	STR_HAS(run("a.lua", "school", "pcall(error)\n", &rc),
	    "pcall is not offered", "no pcall: limits cannot be caught");
	STR_HAS(run("a.lua", "school", "math.random()\n", &rc),
	    "math.random is not offered",
	    "no random numbers: outputs stay deterministic");
}

/* The name a file gives school { name = ... }, or its messages. */
static char *
run_name(const char *text)
{
	struct cval *v = NULL;
	const struct cval *n;
	char *path = fx_write("d.lua", text), *got;

	buf_reset(&msgs);
	diag_reset();
	if (config_run(path, "school", &v) == 0 &&
	    (n = cval_get(v, "name")) != NULL && n->type == CV_STRING)
		got = xstrdup(n->str);
	else
		got = xstrdup(rel(buf_str(&msgs)));
	cval_free(v);
	free(path);
	return got;
}

static void
test_determinism(void)
{
	char *s;
	int rc;

	/* 60 string keys: the stock pairs() goes in hash order, which Lua
	   5.4 seeds per state; these come sorted by their bytes */
	s = run_name("local t = {}\nfor i = 1, 60 do t['k' .. i] = i end\n"
	    "local ks = {}\nfor k in pairs(t) do ks[#ks + 1] = k end\n"
	    "local want = {}\nfor i = 1, 60 do want[i] = 'k' .. i end\n"
	    "table.sort(want)\n"
	    "school { name = table.concat(ks, ',') == table.concat(want, ',')"
	    " and 'sorted' or table.concat(ks, ',') }\n");
	STR_EQ(s, "sorted", "pairs: string keys in byte order");
	free(s);
	s = run_name("local t = { b = 1, [10] = 1, a = 1, [2] = 1, [true] = 1,"
	    " [false] = 1, [1.5] = 1 }\nlocal ks = {}\n"
	    "for k, v in pairs(t) do ks[#ks + 1] = tostring(k) .. '=' .. v end\n"
	    "school { name = table.concat(ks, ' ') }\n");
	STR_EQ(s, "1.5=1 2=1 10=1 a=1 b=1 false=1 true=1",
	    "pairs: numbers, then strings, then false, true; with values");
	free(s);
	s = run_name("local t = { [{}] = 1 }\nfor k in pairs(t) do end\n"
	    "school { name = 'x' }\n");
	STR_EQ(s, "T/d.lua:2: error: pairs over a table with a table as a key: "
	    "such keys have no fixed order; use text or numbers as keys\n",
	    "pairs: a table as a key is an error at its line");
	free(s);
	/* found by the config fuzzer: the iterator called by hand with a
	   number as its table crashed in lua_rawget */
	s = run_name("local f = pairs({ 'a', 'b' })\nlocal k, v = f(5)\n"
	    "local k2, v2 = f()\nschool { name = k .. v .. k2 .. v2 }\n");
	STR_EQ(s, "1a2b", "pairs: its iterator keeps its own table");
	free(s);
	s = run_name("school { name = 'x' .. tostring(12) .. tostring(nil) .. "
	    "tostring(true) }\n");
	STR_EQ(s, "x12niltrue", "tostring of a number, nil, boolean");
	free(s);
	s = run_name("school { name = tostring({}) }\n");
	STR_EQ(s, "T/d.lua:1: error: tostring of a table is its address in "
	    "memory, which differs from run to run\n", "tostring of a table");
	free(s);
	s = run_name("school { name = string.format('%5.1f|%s|%d%%|%q', "
	    "2.25, 'a', 7, 'b') }\n");
	STR_EQ(s, "  2.2|a|7%|\"b\"", "string.format still formats");
	free(s);
	s = run_name("\nschool { name = string.format('%s', print) }\n");
	STR_HAS(s, "T/d.lua:2: error: string.format of a function writes its "
	    "address", "string.format of a function: refused");
	free(s);
	s = run_name("school { name = ('%p'):format('x') }\n");
	STR_HAS(s, "string.format of a string writes its address",
	    "string.format with p: refused");
	free(s);
	STR_HAS(run("a.lua", "school", "next({})\n", &rc),
	    "next is not offered in a config: its order changes from run to "
	    "run", "no next");
	STR_HAS(run("a.lua", "school", "rawset(_G, 'school', 1)\n", &rc),
	    "rawset is not offered", "no rawset");
	STR_EQ(rel(run("a.lua", "school", "\nschool = function() end\n", &rc)),
	    "T/a.lua:2: error: 'school' is the function a config calls "
	    "(school { ... }): it cannot be assigned; give the variable another "
	    "name\n", "the entry function cannot be replaced");
	s = run_name("x = 'global'\nschool { name = x .. type(_G.school) }\n");
	STR_EQ(s, "globalfunction", "other globals are assigned as before");
	free(s);
}

static void
test_limits(void)
{
	int rc;

	STR_EQ(rel(run("a.lua", "school", "while true do end\n", &rc)),
	    "T/a.lua:1: error: instruction limit exceeded (20 million "
	    "instructions): does the file loop forever?\n", "endless loop");
	STR_HAS(run("a.lua", "school",
	    "local s = string.rep('x', 1 << 20)\nlocal t = {}\n"
	    "for i = 1, 64 do t[i] = s .. i end\n", &rc),
	    "memory limit exceeded (32 MiB)", "memory cap");
	run("a.lua", "school", "local function f() return 1 + f() end\n"
	    "f()\n", &rc);
	OK(strstr(buf_str(&msgs), "stack overflow") != NULL ||
	    strstr(buf_str(&msgs), "memory limit exceeded") != NULL,
	    "deep recursion stops at a limit");
	STR_HAS(run("a.lua", "school", "\x1bLua\x54\x00\x19\x93\r\n", &rc),
	    "precompiled Lua is not allowed: a config is text", "no bytecode");
	STR_EQ(rel(run("a.lua", "school", "x = 1\n\xff\n", &rc)),
	    "T/a.lua:2: error: invalid UTF-8 (byte 0xFF)\n", "invalid UTF-8");
	STR_EQ(rel(run("a.lua", "school", "x = 1\n", &rc)),
	    "T/a.lua:1: error: the file does not call school { ... }\n",
	    "the entry call is required");
	STR_EQ(rel(run("a.lua", "school", "board { name = 'x' }\n", &rc)),
	    "T/a.lua:1: error: this file must call school { ... }, not "
	    "board { ... }\n", "the right entry call");
	STR_EQ(rel(run("a.lua", "school", "school {}\nschool {}\n", &rc)),
	    "T/a.lua:2: error: school { ... } is called more than once\n",
	    "one call");
	STR_EQ(rel(run("a.lua", "school", "school { name = 'a',\n  x = tostring }\n",
	    &rc)), "T/a.lua:2: error: 'x' is a function; a config holds only "
	    "text, numbers, booleans and tables\n", "functions are not values");
	STR_EQ(rel(run("a.lua", "school", "school { 'a', b = 1 }\n", &rc)),
	    "T/a.lua:1: error: 'the table' mixes list entries and named keys\n",
	    "mixed tables");
	run("a.lua", "school", "\xEF\xBB\xBFschool { name = 'a' }\r\n", &rc);
	INT_EQ(rc, 0, "a byte-order mark and CRLF are accepted");
	STR_HAS(run("a.lua", "school", "school { name = 'a\\0b' }\n", &rc),
	    "invalid UTF-8 or a control character", "NUL in a string");
}

static const char *defaults_lua =
"defaults {\n"
"  inspector = { phone = '0900 111 3 111' },\n"
"  roles = { po = { leraar = 'leerkracht' }, vo = { leraar = 'docent' } },\n"
"  products = { { id = 'website', name = 'Website', type = 'website' },\n"
"               { id = 'klasbord', name = 'Klasbord', type = 'app' } },\n"
"  programmes = { { id = 'dvi', name = 'Diploma Veilig Internet' } },\n"
"}\n";

static const char *board_lua =
"board {\n"
"  name = 'Stichting Voorbeeld', type = 'po', outline = 'basis',\n"
"  owner = 'Bestuur',\n"
"  roles = { leraar = 'juf of meester' },\n"
"  channels = { { kind = 'klasbord' } },\n"
"}\n";

/* Load a tree with one school file; return the messages. */
static const char *
load_school(const char *school_lua, struct config *c)
{
	char *root;

	fx_cleanup();
	fx_dir();
	free(fx_write("schools/defaults.lua", defaults_lua));
	free(fx_write("schools/vb/board.lua", board_lua));
	free(fx_write("schools/vb/een.lua", school_lua));
	root = xasprintf("%s/schools", fx_root);
	buf_reset(&msgs);
	diag_reset();
	config_load(c, root);
	free(root);
	return rel(buf_str(&msgs));
}

static const char *good_revision =
"  revision = { version = '1.0', status = 'concept' },\n";

static void
test_validation(void)
{
	struct config c;
	const struct school *s;
	char *text;

	text = xasprintf("school {\n  name = 'De Een',\n%s}\n", good_revision);
	STR_EQ(load_school(text, &c), "", "a minimal school loads");
	free(text);
	s = config_school(&c, "een");
	OK(s != NULL, "school found by id");
	if (s != NULL) {
		STR_EQ(s->outline, "basis", "outline from the board");
		STR_EQ(s->owner, "Bestuur", "owner from the board");
		INT_EQ(s->nchannels, 1, "channels from the board");
		STR_EQ(s->channels[0].name, "Klasbord", "channel name from catalogue");
		STR_EQ(config_var(s, "role.leraar")->value, "juf of meester",
		    "board role overrides the national one");
		STR_EQ(config_var(s, "council")->value, "MR", "council of a school");
		STR_EQ(config_var(s, "inspector.phone")->value, "0900 111 3 111",
		    "inspector from the national defaults");
		STR_EQ(config_var(s, "board.name")->value, "Stichting Voorbeeld",
		    "board name");
		INT_EQ(s->level, LEVEL_PO, "level from the board type");
		STR_EQ(config_var(s, "revision.scope")->value, "school",
		    "revision.scope of a school");
		OK(config_var(s, "channel.klasbord") != NULL &&
		    strcmp(config_var(s, "channel.klasbord")->value,
		    "Klasbord") == 0, "channel.<kind>: the channel's name");
		OK(config_var(s, "channel.facebook") == NULL,
		    "channel.<kind>: none for a channel the school lacks");
	}
	config_free(&c);

	text = xasprintf("school {\n  name = 'De Een',\n  chanels = {},\n%s}\n",
	    good_revision);
	STR_EQ(load_school(text, &c), "T/schools/vb/een.lua:3: error: unknown "
	    "key 'chanels' in school (did you mean 'channels'?)\n",
	    "unknown key, with a suggestion and its line");
	OK(config_school(&c, "een") == NULL, "a school with errors is left out");
	config_free(&c);
	free(text);

	STR_EQ(load_school("school {\n  name = 'De Een',\n  revision = {\n"
	    "    version = '1.0', status = 'vastgesteld',\n    approvals = {\n"
	    "      { body = 'MR', act = 'instemming', date = '2020-02-30' },\n"
	    "    },\n  },\n}\n", &c), "T/schools/vb/een.lua:6: error: 'date' in "
	    "approvals[1] is not an ISO date (YYYY-MM-DD): '2020-02-30'\n",
	    "a date that does not exist");
	config_free(&c);

	STR_EQ(load_school("school {\n  name = 'De Een',\n  revision = {\n"
	    "    version = '1.0', status = 'klaar' },\n}\n", &c),
	    "T/schools/vb/een.lua:4: error: 'status' in revision is not "
	    "concept, ter-instemming, vastgesteld or vervallen: 'klaar'\n",
	    "status values");
	config_free(&c);

	text = xasprintf("school {\n  name = 'De Een',\n%s  channels = {\n"
	    "    { kind = 'website', url = 'javascript:alert(1)' },\n  },\n}\n",
	    good_revision);
	STR_EQ(load_school(text, &c), "T/schools/vb/een.lua:5: error: 'url' in "
	    "channels[1] is not a URL (http, https, mailto or tel): "
	    "'javascript:alert(1)'\n", "dangerous URL schemes are refused");
	config_free(&c);
	free(text);

	text = xasprintf("school {\n  name = 'De Een',\n%s  channels = {\n"
	    "    { kind = 'fb' },\n  },\n}\n", good_revision);
	STR_HAS(load_school(text, &c), "een.lua:5: error: unknown channel kind "
	    "'fb' in channels[1]", "channel kinds come from the catalogue");
	config_free(&c);
	free(text);

	text = xasprintf("school {\n  name = 'De Een',\n%s  website = "
	    "'https://x.nl/a b',\n}\n", good_revision);
	STR_HAS(load_school(text, &c), "een.lua:4: error: 'website' in school "
	    "is not a URL", "URLs with spaces are refused");
	config_free(&c);
	free(text);

	text = xasprintf("school {\n  name = 'De Een',\n%s  roles = { rector = "
	    "'rector' },\n}\n", good_revision);
	STR_HAS(load_school(text, &c), "een.lua:4: error: unknown role "
	    "'rector'", "roles come from the national defaults");
	config_free(&c);
	free(text);

	STR_EQ(load_school("school {\n  name = 'De Een',\n}\n", &c),
	    "T/schools/vb/een.lua:1: error: school needs 'revision' (version "
	    "and status at least)\n", "revision is required");
	config_free(&c);

	text = xasprintf("school {\n  name = 'De Een',\n  level = 'vo',\n%s}\n",
	    good_revision);
	STR_EQ(load_school(text, &c), "", "level override");
	s = config_school(&c, "een");
	OK(s && s->level == LEVEL_VO && strcmp(config_var(s,
	    "role.leraar")->value, "juf of meester") == 0,
	    "a vo school keeps the board's role override");
	config_free(&c);
	free(text);
}

static void
test_validators(void)
{
	OK(config_valid_phone("0900 111 3 111"), "inspector number");
	OK(config_valid_phone("+31 10 123 45 67"), "international number");
	OK(!config_valid_phone("0900-111"), "too short");
	OK(!config_valid_phone("06 1234 567a"), "letters");
	OK(config_valid_url("https://www.school.nl/protocol"), "https URL");
	OK(config_valid_url("tel:09001113111"), "tel URL");
	OK(!config_valid_url("tel:0900 111"), "tel with a space");
	OK(!config_valid_url("tel:0900%20111"), "tel with an escape");
	OK(config_valid_url("mailto:mr@school.nl"), "mailto URL");
	OK(!config_valid_url("ftp://x.nl"), "ftp scheme");
	OK(!config_valid_url("https://localhost"), "host without a dot");
	OK(!config_valid_url("https://x.nl:99999/"), "port too long");
	OK(config_valid_id("de-bron"), "id");
	OK(!config_valid_id("../x"), "id with a path");
	OK(!config_valid_id("De-Bron"), "id with capitals");
	OK(config_valid_version("1.0"), "version");
	OK(!config_valid_version("1.0-rc"), "version with letters");
	OK(date_valid("2024-02-29", 0), "leap day");
	OK(!date_valid("2023-02-29", 0), "no leap day");
	OK(date_valid("2020-11", 1), "month");
	OK(!date_valid("2020-11", 0), "month not allowed");
}

int
main(void)
{
	fx_dir();
	diag_capture(&msgs);
	test_sandbox();
	test_determinism();
	test_limits();
	test_validation();
	test_validators();
	fx_cleanup();
	buf_free(&msgs);
	return tap_done();
}
