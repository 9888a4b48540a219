/* The config sandbox: a Lua file run with limits, its table as a value tree. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "config/config.h"
#include "base/base.h"

/* ------------------------------------------------------------------ */
/* The sandbox                                                          */

struct sandbox {
	size_t		 used;
	size_t		 limit;
	size_t		 allocated;	/* in all, for CONFIG_MAX_ALLOCATED */
	int		 mem_hit;
	int		 alloc_hit;
	unsigned long	 count;
	int		 last_line;
	const char	*entry;		/* the function this file must call */
	int		 called;
	int		 call_line;
};

static void *
sb_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
	struct sandbox *sb = ud;
	size_t old = ptr != NULL ? osize : 0;
	void *p;

	if (nsize == 0) {
		sb->used -= old;
		free(ptr);
		return NULL;
	}
	if (nsize > old && sb->used + (nsize - old) > sb->limit) {
		sb->mem_hit = 1;
		return NULL;
	}
	/* a loop of big string.rep calls stays under the memory cap (each
	 * result is garbage at once) and costs few instructions: cap the
	 * bytes allocated in all too */
	if (nsize > old && sb->allocated + (nsize - old) >
	    CONFIG_MAX_ALLOCATED) {
		sb->alloc_hit = 1;
		return NULL;
	}
	if ((p = realloc(ptr, nsize)) == NULL)
		return NULL;
	if (nsize > old)
		sb->allocated += nsize - old;
	sb->used = sb->used - old + nsize;
	return p;
}

#define HOOK_STEP 1000

static void
sb_hook(lua_State *L, lua_Debug *ar)
{
	struct sandbox *sb;

	lua_getallocf(L, (void **)&sb);
	if (ar->event == LUA_HOOKLINE) {
		sb->last_line = ar->currentline;
		return;
	}
	sb->count += HOOK_STEP;
	if (sb->count > CONFIG_MAX_INSTRUCTIONS)
		luaL_error(L, "instruction limit exceeded (%d million "
		    "instructions): does the file loop forever?",
		    CONFIG_MAX_INSTRUCTIONS / 1000000);
}

/* school { ... } / board { ... } / defaults { ... } */
static int
sb_entry(lua_State *L)
{
	const char *name = lua_tostring(L, lua_upvalueindex(1));
	struct sandbox *sb;
	lua_Debug ar;

	lua_getallocf(L, (void **)&sb);
	if (strcmp(name, sb->entry) != 0)
		return luaL_error(L, "this file must call %s { ... }, "
		    "not %s { ... }", sb->entry, name);
	if (sb->called)
		return luaL_error(L, "%s { ... } is called more than once",
		    name);
	if (lua_gettop(L) != 1 || !lua_istable(L, 1))
		return luaL_error(L, "%s expects one table: %s { ... }",
		    name, name);
	sb->called = 1;
	if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "l", &ar))
		sb->call_line = ar.currentline;
	lua_pushvalue(L, 1);
	lua_setfield(L, LUA_REGISTRYINDEX, "protocolgen.result");
	return 0;
}

/*
 * What a config does not get, and why: a call (or, for a library, a use)
 * stops the file with that reason at the caller's line, instead of Lua's
 * "attempt to call a nil value".
 */
struct refusal {
	const char	*lib;		/* NULL: a global */
	const char	*name;
	const char	*why;
};

static const char why_pattern[] = "Lua patterns backtrack in C, out of "
    "reach of the instruction limit; compare whole texts with ==";
static const char why_meta[] = "a config holds plain tables (no "
    "metatables, so no __gc or __close)";
static const char why_load[] = "a config is one file and loads no code";
static const char why_catch[] = "an error stops the file, so a limit "
    "cannot be caught";
static const char why_print[] = "put values in the table the file passes "
    "on; 'protocolgen build --explain' shows them";
static const char why_binary[] = "a config holds text, not binary data";
static const char why_random[] = "a protocol comes out the same each time";
static const char why_next[] = "its order changes from run to run; pairs "
    "goes through a table in a fixed order";
static const char why_rawset[] = "assign the field: t.key = value";

static const struct refusal refusals[] = {
	{ NULL, "dofile", why_load }, { NULL, "loadfile", why_load },
	{ NULL, "load", why_load }, { NULL, "require", why_load },
	{ NULL, "collectgarbage", "the sandbox manages memory" },
	{ NULL, "print", why_print }, { NULL, "warn", why_print },
	{ NULL, "pcall", why_catch }, { NULL, "xpcall", why_catch },
	{ NULL, "setmetatable", why_meta }, { NULL, "getmetatable", why_meta },
	{ "string", "find", why_pattern }, { "string", "match", why_pattern },
	{ "string", "gmatch", why_pattern }, { "string", "gsub", why_pattern },
	{ "string", "dump", why_binary }, { "string", "pack", why_binary },
	{ "string", "unpack", why_binary }, { "string", "packsize", why_binary },
	{ "math", "random", why_random }, { "math", "randomseed", why_random },
	{ NULL, "next", why_next }, { NULL, "rawset", why_rawset },
	{ NULL, NULL, NULL }
};

/* The functions a config calls: kept out of _G itself (sb_global_index
   finds them) so an assignment to one reaches sb_global_newindex. */
static const char *const entries[] = { "school", "board", "defaults",
    NULL };

/* Libraries Lua has that a config does not get (read through _G). */
static const struct refusal absent_libs[] = {
	{ NULL, "io", "a config reads and writes no files" },
	{ NULL, "os", "a config does not reach the system (dates are text)" },
	{ NULL, "coroutine", "a coroutine would run outside the instruction "
	    "limit's hook" },
	{ NULL, "debug", "it reaches past the sandbox" },
	{ NULL, "package", why_load },
	{ NULL, NULL, NULL }
};

/* A refused function: upvalue 1 is its message. */
static int
sb_refused(lua_State *L)
{
	return luaL_error(L, "%s", lua_tostring(L, lua_upvalueindex(1)));
}

/* _G's __index: an entry function; a refused library by name is an
   error; the rest nil. */
static int
sb_global_index(lua_State *L)
{
	const char *k = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) :
	    NULL;
	const struct refusal *r;
	const char *const *e;

	for (e = entries; k != NULL && *e != NULL; e++)
		if (strcmp(k, *e) == 0) {
			lua_getfield(L, LUA_REGISTRYINDEX, "protocolgen.entries");
			lua_getfield(L, -1, k);
			return 1;
		}
	for (r = absent_libs; k != NULL && r->name != NULL; r++)
		if (strcmp(k, r->name) == 0)
			return luaL_error(L, "'%s' is not offered in a config: "
			    "%s", r->name, r->why);
	return 0;
}

/* _G's __newindex: the entry functions cannot be replaced. */
static int
sb_global_newindex(lua_State *L)
{
	const char *k = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) :
	    NULL;
	const char *const *e;

	for (e = entries; k != NULL && *e != NULL; e++)
		if (strcmp(k, *e) == 0)
			return luaL_error(L, "'%s' is the function a config "
			    "calls (%s { ... }): it cannot be assigned; give "
			    "the variable another name", k, k);
	lua_rawset(L, 1);
	return 0;
}

/* ------------------------------------------------------------------ */
/* The same output every run                                            */

/*
 * Lua 5.4 seeds its string hash per state, so next() and the stock pairs()
 * go through a table in an order that changes between runs.  pairs() here
 * goes through the keys sorted: numbers ascending, then strings by their
 * bytes, then false before true.  Keys of other types (a table, a function)
 * have no fixed order and are an error.
 */
static int
key_rank(lua_State *L, int i)
{
	switch (lua_type(L, i)) {
	case LUA_TNUMBER:	return 0;
	case LUA_TSTRING:	return 1;
	case LUA_TBOOLEAN:	return 2;
	default:		return -1;
	}
}

static int
key_less(lua_State *L, int a, int b)
{
	int ra = key_rank(L, a), rb = key_rank(L, b);
	size_t na, nb;
	const char *sa, *sb;
	int c;

	if (ra != rb)
		return ra < rb;
	if (ra == 0)
		return lua_compare(L, a, b, LUA_OPLT);
	if (ra == 2)
		return !lua_toboolean(L, a) && lua_toboolean(L, b);
	sa = lua_tolstring(L, a, &na);
	sb = lua_tolstring(L, b, &nb);
	c = memcmp(sa, sb, na < nb ? na : nb);
	return c < 0 || (c == 0 && na < nb);
}

/*
 * The iterator: upvalue 1 the sorted keys, 2 the position, 3 the table.
 * Its arguments are ignored: a config can call it by hand with anything
 * (the config fuzzer did, with a number, and lua_rawget crashed on it).
 */
static int
sb_pairs_next(lua_State *L)
{
	lua_Integer i = lua_tointeger(L, lua_upvalueindex(2)) + 1;

	if (lua_rawgeti(L, lua_upvalueindex(1), i) == LUA_TNIL)
		return 0;
	lua_pushinteger(L, i);
	lua_replace(L, lua_upvalueindex(2));
	lua_pushvalue(L, -1);
	lua_rawget(L, lua_upvalueindex(3));
	return 2;
}

/* Insertion sort of keys[1..n] (stack index k) would be quadratic: merge
   sort through a scratch table (stack index t). */
static void
sort_keys(lua_State *L, int k, int t, lua_Integer n)
{
	lua_Integer w, lo, mid, hi, i, j, o;

	for (w = 1; w < n; w *= 2) {
		for (lo = 1; lo <= n; lo += 2 * w) {
			mid = lo + w - 1 < n ? lo + w - 1 : n;
			hi = lo + 2 * w - 1 < n ? lo + 2 * w - 1 : n;
			for (i = lo, j = mid + 1, o = lo; o <= hi; o++) {
				int take_j = i > mid;
				if (!take_j && j <= hi) {
					lua_rawgeti(L, k, j);
					lua_rawgeti(L, k, i);
					take_j = key_less(L, -2, -1);
					lua_pop(L, 2);
				}
				lua_rawgeti(L, k, take_j ? j++ : i++);
				lua_rawseti(L, t, o);
			}
		}
		for (i = 1; i <= n; i++) {
			lua_rawgeti(L, t, i);
			lua_rawseti(L, k, i);
		}
	}
}

static int
sb_pairs(lua_State *L)
{
	lua_Integer n = 0;

	luaL_checktype(L, 1, LUA_TTABLE);
	lua_settop(L, 1);
	lua_newtable(L);	/* 2: the keys */
	lua_pushnil(L);
	while (lua_next(L, 1) != 0) {
		lua_pop(L, 1);
		if (key_rank(L, -1) < 0)
			return luaL_error(L, "pairs over a table with a %s as "
			    "a key: such keys have no fixed order; use text or "
			    "numbers as keys", luaL_typename(L, -1));
		lua_pushvalue(L, -1);
		lua_rawseti(L, 2, ++n);
	}
	lua_newtable(L);	/* 3: scratch */
	sort_keys(L, 2, 3, n);
	lua_pop(L, 1);
	lua_pushinteger(L, 0);
	lua_pushvalue(L, 1);
	lua_pushcclosure(L, sb_pairs_next, 3);
	lua_pushvalue(L, 1);
	lua_pushnil(L);
	return 3;
}

/* tostring() of a table or function is its address: different each run. */
static int
sb_tostring(lua_State *L)
{
	luaL_checkany(L, 1);
	switch (lua_type(L, 1)) {
	case LUA_TNIL: case LUA_TBOOLEAN: case LUA_TNUMBER: case LUA_TSTRING:
		luaL_tolstring(L, 1, NULL);
		return 1;
	default:
		return luaL_error(L, "tostring of a %s is its address in "
		    "memory, which differs from run to run", luaL_typename(L,
		    1));
	}
}

/* string.format with %p, or %s of a table or function, writes an address:
   refused; the rest goes to Lua's own string.format (upvalue 1). */
static int
sb_format(lua_State *L)
{
	const char *f = luaL_checkstring(L, 1);
	int arg = 1;

	for (; *f != '\0'; f++) {
		if (*f != '%')
			continue;
		if (*++f == '%')
			continue;
		while (*f != '\0' && strchr("-+ #0123456789.", *f) != NULL)
			f++;
		if (*f == '\0')
			break;
		arg++;
		if (*f == 'p' || (*f == 's' && lua_gettop(L) >= arg &&
		    key_rank(L, arg) < 0 && !lua_isnil(L, arg)))
			return luaL_error(L, "string.format of a %s writes its "
			    "address in memory, which differs from run to run",
			    luaL_typename(L, arg));
	}
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_call(L, lua_gettop(L) - 1, 1);
	return 1;
}

static void
install_determinism(lua_State *L)
{
	lua_pushcfunction(L, sb_pairs);
	lua_setglobal(L, "pairs");
	lua_pushcfunction(L, sb_tostring);
	lua_setglobal(L, "tostring");
	lua_getglobal(L, "string");
	lua_getfield(L, -1, "format");
	lua_pushcclosure(L, sb_format, 1);
	lua_setfield(L, -2, "format");
	lua_pop(L, 1);
}

/* Replace each refused function by one that says why. */
static void
install_refusals(lua_State *L)
{
	const struct refusal *r;

	for (r = refusals; r->name != NULL; r++) {
		if (r->lib != NULL)
			lua_getglobal(L, r->lib);
		lua_pushfstring(L, "%s%s%s is not offered in a config: %s",
		    r->lib ? r->lib : "", r->lib ? "." : "", r->name, r->why);
		lua_pushcclosure(L, sb_refused, 1);
		if (r->lib != NULL) {
			lua_setfield(L, -2, r->name);
			lua_pop(L, 1);
		} else
			lua_setglobal(L, r->name);
	}
	lua_pushglobaltable(L);
	lua_newtable(L);
	lua_pushcfunction(L, sb_global_index);
	lua_setfield(L, -2, "__index");
	lua_pushcfunction(L, sb_global_newindex);
	lua_setfield(L, -2, "__newindex");
	lua_pushliteral(L, "protected");
	lua_setfield(L, -2, "__metatable");
	lua_setmetatable(L, -2);
	lua_pop(L, 1);
}

/* Open only what a config needs; see the list in DESIGN.md. */
static void
sb_open(lua_State *L)
{
	const char *const *e;

	luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
	luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
	luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
	luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
	luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
	lua_pop(L, 5);
	install_refusals(L);
	install_determinism(L);

	/* Strings share one metatable: make it unreachable and fixed. */
	lua_pushliteral(L, "");
	if (lua_getmetatable(L, -1)) {
		lua_pushliteral(L, "protected");
		lua_setfield(L, -2, "__metatable");
		lua_pop(L, 1);
	}
	lua_pop(L, 1);

	lua_newtable(L);
	for (e = entries; *e != NULL; e++) {
		lua_pushstring(L, *e);
		lua_pushcclosure(L, sb_entry, 1);
		lua_setfield(L, -2, *e);
	}
	lua_setfield(L, LUA_REGISTRYINDEX, "protocolgen.entries");
}

static int
sb_msgh(lua_State *L)
{
	if (lua_type(L, 1) != LUA_TSTRING) {
		lua_pushliteral(L, "error object is not a string");
		return 1;
	}
	return 1;
}

/*
 * Turn a Lua error "file:12: text" into a diagnostic.  Messages without
 * our file prefix get the last known line.
 */
static void
report_lua_error(const char *file, const char *msg, int fallback_line)
{
	size_t flen = strlen(file);
	const char *p;
	char *end;
	long line;

	if (strncmp(msg, file, flen) == 0 && msg[flen] == ':' &&
	    isdigit((unsigned char)msg[flen + 1])) {
		line = strtol(msg + flen + 1, &end, 10);
		if (*end == ':') {
			p = end + 1;
			while (*p == ' ')
				p++;
			diag_error(file, (int)line, "%s", p);
			return;
		}
	}
	diag_error(file, fallback_line, "%s", msg);
}

/* ------------------------------------------------------------------ */
/* Lua values → value tree                                              */

struct conv {
	const char		*file;
	const struct luapos	*pos;
	int			 errors;
};

struct cval *
cval_new(enum cval_type type, const char *file, int line)
{
	struct cval *v = xcalloc(1, sizeof(*v));

	v->type = type;
	v->loc.file = file;
	v->loc.line = line;
	return v;
}

void
cval_free(struct cval *v)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; i < v->nitems; i++)
		cval_free(v->items[i]);
	free(v->items);
	free(v->key);
	free(v->str);
	free(v);
}

static int
cval_keycmp(const void *a, const void *b)
{
	const struct cval *x = *(const struct cval *const *)a;
	const struct cval *y = *(const struct cval *const *)b;

	return strcmp(x->key, y->key);
}

const struct cval *
cval_get(const struct cval *map, const char *key)
{
	size_t lo = 0, hi, mid;
	int c;

	if (map == NULL || map->type != CV_MAP)
		return NULL;
	hi = map->nitems;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(key, map->items[mid]->key);
		if (c == 0)
			return map->items[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

static int
text_ok(const char *s, size_t len)
{
	size_t i;

	if (utf8_valid_prefix(s, len) != len)
		return 0;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F)
			return 0;
	}
	return 1;
}

static struct cval *conv_value(lua_State *, struct conv *, struct buf *, int);

/* Text, numbers and booleans; NULL after reporting anything else. */
static struct cval *
conv_scalar(lua_State *L, struct conv *cv, const struct buf *path, int line)
{
	struct cval *v;
	const char *s;
	size_t len;

	switch (lua_type(L, -1)) {
	case LUA_TSTRING:
		s = lua_tolstring(L, -1, &len);
		if (!text_ok(s, len)) {
			diag_error(cv->file, line, "'%s' contains invalid "
			    "UTF-8 or a control character", buf_str(path));
			cv->errors++;
			return NULL;
		}
		v = cval_new(CV_STRING, cv->file, line);
		v->str = xstrndup(s, len);
		return v;
	case LUA_TNUMBER:
		v = cval_new(CV_NUMBER, cv->file, line);
		if (lua_isinteger(L, -1))
			v->str = xasprintf("%lld",
			    (long long)lua_tointeger(L, -1));
		else
			v->str = xasprintf("%.14g", lua_tonumber(L, -1));
		return v;
	case LUA_TBOOLEAN:
		v = cval_new(CV_BOOL, cv->file, line);
		v->boolean = lua_toboolean(L, -1);
		return v;
	default:
		diag_error(cv->file, line, "'%s' is a %s; a config holds only "
		    "text, numbers, booleans and tables", buf_str(path),
		    luaL_typename(L, -1));
		cv->errors++;
		return NULL;
	}
}

/* Undo what buf_printf added to path after len bytes. */
static void
path_cut(struct buf *path, size_t len)
{
	path->len = len;
	if (path->data != NULL)
		path->data[len] = '\0';
}

/* The table on top of the stack as a list of n entries. */
static struct cval *
conv_list(lua_State *L, struct conv *cv, struct buf *path, int depth,
    int line, size_t n)
{
	struct cval *v = cval_new(CV_LIST, cv->file, line), *item;
	size_t i, plen = path->len;

	v->items = xcalloc(n, sizeof(*v->items));
	for (i = 1; i <= n; i++) {
		lua_rawgeti(L, -1, (lua_Integer)i);
		buf_printf(path, "[%zu]", i);
		item = conv_value(L, cv, path, depth + 1);
		path_cut(path, plen);
		lua_pop(L, 1);
		if (item == NULL) {
			cval_free(v);
			return NULL;
		}
		v->items[v->nitems++] = item;
	}
	return v;
}

/* The table on top of the stack as a map of text keys (sorted). */
static struct cval *
conv_map(lua_State *L, struct conv *cv, struct buf *path, int depth, int line)
{
	struct cval *v = cval_new(CV_MAP, cv->file, line), *item;
	size_t plen = path->len, len, cap = 0;
	const char *k;

	lua_pushnil(L);
	while (lua_next(L, -2) != 0) {
		k = lua_tolstring(L, -2, &len);
		if (!text_ok(k, len) || len == 0) {
			diag_error(cv->file, line, "a key in '%s' is empty or "
			    "not valid text", buf_str(path));
			cv->errors++;
			lua_pop(L, 2);
			cval_free(v);
			return NULL;
		}
		buf_printf(path, "%s%s", plen ? "." : "", k);
		item = conv_value(L, cv, path, depth + 1);
		path_cut(path, plen);
		lua_pop(L, 1);
		if (item == NULL) {
			lua_pop(L, 1);
			cval_free(v);
			return NULL;
		}
		item->key = xstrndup(k, len);
		ARRAY_RESERVE(v->items, v->nitems, cap);
		v->items[v->nitems++] = item;
	}
	if (v->nitems > 1)
		qsort(v->items, v->nitems, sizeof(*v->items), cval_keycmp);
	return v;
}

/* The Lua value on top of the stack as a value tree; NULL on error. */
static struct cval *
conv_value(lua_State *L, struct conv *cv, struct buf *path, int depth)
{
	int line = luapos_line(cv->pos, buf_str(path));
	size_t n, nkeys = 0, nstr = 0;

	if (lua_type(L, -1) != LUA_TTABLE)
		return conv_scalar(L, cv, path, line);
	if (depth >= CONFIG_MAX_DEPTH) {
		diag_error(cv->file, line, "tables nested more than %d deep "
		    "at '%s'", CONFIG_MAX_DEPTH, buf_str(path));
		cv->errors++;
		return NULL;
	}
	/* a list has the keys 1..n; a map, text keys only */
	n = (size_t)lua_rawlen(L, -1);
	lua_pushnil(L);
	while (lua_next(L, -2) != 0) {
		nkeys++;
		if (lua_type(L, -2) == LUA_TSTRING)
			nstr++;
		lua_pop(L, 1);
	}
	if (nstr == 0 && nkeys == n && n > 0)
		return conv_list(L, cv, path, depth, line, n);
	if (nstr != nkeys) {
		diag_error(cv->file, line, "'%s' mixes list entries and named "
		    "keys", path->len ? buf_str(path) : "the table");
		cv->errors++;
		return NULL;
	}
	return conv_map(L, cv, path, depth, line);
}

int
config_run(const char *file, const char *entry, struct cval **out)
{
	struct buf src = { 0 };
	int rc;

	*out = NULL;
	if (input_read(file, "a config", &src) == -1) {
		buf_free(&src);
		return -1;
	}
	rc = config_run_buffer(file, buf_str(&src), src.len, entry, out);
	buf_free(&src);
	return rc;
}

/*
 * Checks on the bytes before Lua sees them: size, precompiled chunks,
 * UTF-8, NUL.  Return 0, or -1 after reporting.
 */
static int
check_source(const char *file, const char *text, size_t len)
{
	const char *nul;
	size_t good;

	if (len > CONFIG_MAX_FILE) {
		diag_error(file, 0, "file is %zu bytes; a config may have at "
		    "most %d", len, CONFIG_MAX_FILE);
		return -1;
	}
	if (len >= 4 && memcmp(text, LUA_SIGNATURE, 4) == 0) {
		diag_error(file, 1, "precompiled Lua is not allowed: a config "
		    "is text");
		return -1;
	}
	if ((good = utf8_valid_prefix(text, len)) != len) {
		diag_error(file, line_of_offset(text, good),
		    "invalid UTF-8 (byte 0x%02X)", (unsigned char)text[good]);
		return -1;
	}
	if ((nul = memchr(text, '\0', len)) != NULL) {
		diag_error(file, line_of_offset(text, (size_t)(nul - text)),
		    "NUL byte in file");
		return -1;
	}
	return 0;
}

/*
 * Run the chunk in a fresh sandbox.  On success leave the table the file
 * passed to its entry function in the registry and return 0.
 */
static int
sandbox_run(lua_State *L, struct sandbox *sb, const char *file,
    const char *text, size_t len)
{
	char *chunk = xasprintf("@%s", file);
	int status;

	sb_open(L);
	lua_sethook(L, sb_hook, LUA_MASKCOUNT | LUA_MASKLINE, HOOK_STEP);
	lua_pushcfunction(L, sb_msgh);
	status = luaL_loadbufferx(L, text, len, chunk, "t");
	free(chunk);
	if (status == LUA_OK)
		status = lua_pcall(L, 0, 0, -2);
	if (status != LUA_OK) {
		if (sb->alloc_hit)
			diag_error(file, sb->last_line > 0 ? sb->last_line : 1,
			    "allocation limit exceeded (%u MiB allocated in "
			    "all): does the file build large text in a loop?",
			    CONFIG_MAX_ALLOCATED >> 20);
		else if (sb->mem_hit || status == LUA_ERRMEM)
			diag_error(file, sb->last_line > 0 ? sb->last_line : 1,
			    "memory limit exceeded (%u MiB)",
			    CONFIG_MAX_MEMORY >> 20);
		else
			report_lua_error(file, lua_tostring(L, -1) ?
			    lua_tostring(L, -1) : "unknown error",
			    sb->last_line);
		return -1;
	}
	if (!sb->called) {
		diag_error(file, 1, "the file does not call %s { ... }",
		    sb->entry);
		return -1;
	}
	return 0;
}

int
config_run_buffer(const char *file, const char *text, size_t len,
    const char *entry, struct cval **out)
{
	struct sandbox sb = { .limit = CONFIG_MAX_MEMORY, .entry = entry };
	struct luapos pos = { 0 };
	struct buf path = { 0 };
	struct conv cv = { .file = file, .pos = &pos };
	lua_State *L = NULL;
	int rc = -1;

	*out = NULL;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if (check_source(file, text, len) == -1)
		goto out;
	if ((L = lua_newstate(sb_alloc, &sb)) == NULL) {
		diag_error(file, 0, "cannot create a Lua state");
		goto out;
	}
	if (sandbox_run(L, &sb, file, text, len) == -1)
		goto out;
	luapos_scan(&pos, text, len, entry);
	if (pos.call_line == 0)
		pos.call_line = sb.call_line;
	lua_getfield(L, LUA_REGISTRYINDEX, "protocolgen.result");
	buf_puts(&path, "");
	if ((*out = conv_value(L, &cv, &path, 0)) == NULL)
		goto out;
	(*out)->loc.line = sb.call_line;
	if ((*out)->type == CV_LIST) {
		diag_error(file, sb.call_line, "%s { ... } needs named keys, "
		    "not a list", entry);
		cval_free(*out);
		*out = NULL;
		goto out;
	}
	rc = 0;
out:
	if (L != NULL) {
		lua_sethook(L, NULL, 0, 0);
		lua_close(L);
	}
	luapos_free(&pos);
	buf_free(&path);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Value trees: copy and merge                                          */

struct cval *
cval_clone(const struct cval *v)
{
	struct cval *c = cval_new(v->type, v->loc.file, v->loc.line);
	size_t i;

	c->boolean = v->boolean;
	if (v->str)
		c->str = xstrdup(v->str);
	if (v->key)
		c->key = xstrdup(v->key);
	if (v->nitems) {
		c->items = xcalloc(v->nitems, sizeof(*c->items));
		for (i = 0; i < v->nitems; i++)
			c->items[i] = cval_clone(v->items[i]);
		c->nitems = v->nitems;
	}
	return c;
}

/*
 * Merge over onto base: maps merge key by key (recursively), anything
 * else in over replaces base.  Return a new tree.
 */
struct cval *
cval_merge(const struct cval *base, const struct cval *over)
{
	struct cval *m;
	size_t i = 0, j = 0, cap = 0;

	if (base == NULL)
		return over ? cval_clone(over) : NULL;
	if (over == NULL)
		return cval_clone(base);
	if (base->type != CV_MAP || over->type != CV_MAP)
		return cval_clone(over);
	m = cval_new(CV_MAP, over->loc.file, over->loc.line);
	while (i < base->nitems || j < over->nitems) {
		struct cval *item;
		int c;
		if (i == base->nitems)
			c = 1;
		else if (j == over->nitems)
			c = -1;
		else
			c = strcmp(base->items[i]->key, over->items[j]->key);
		if (c < 0)
			item = cval_clone(base->items[i++]);
		else if (c > 0)
			item = cval_clone(over->items[j++]);
		else {
			item = cval_merge(base->items[i++], over->items[j]);
			free(item->key);
			item->key = xstrdup(over->items[j++]->key);
		}
		ARRAY_RESERVE(m->items, m->nitems, cap);
		m->items[m->nitems++] = item;
	}
	return m;
}
