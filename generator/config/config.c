/* School configs: sandboxed Lua files → validated, merged school records. */
#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
	int		 mem_hit;
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
	if ((p = realloc(ptr, nsize)) == NULL)
		return NULL;
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

static void
remove_fields(lua_State *L, const char *lib, const char *const *names)
{
	if (lib != NULL && lua_getglobal(L, lib) != LUA_TTABLE) {
		lua_pop(L, 1);
		return;
	}
	for (; *names != NULL; names++) {
		lua_pushnil(L);
		if (lib != NULL)
			lua_setfield(L, -2, *names);
		else
			lua_setglobal(L, *names);
	}
	if (lib != NULL)
		lua_pop(L, 1);
}

/* Open only what a config needs; see the list in DESIGN.md. */
static void
sb_open(lua_State *L)
{
	static const char *const base_out[] = { "dofile", "loadfile", "load",
	    "require", "collectgarbage", "print", "pcall", "xpcall",
	    "setmetatable", "getmetatable", "warn", NULL };
	static const char *const string_out[] = { "dump", "find", "gmatch",
	    "gsub", "match", "pack", "unpack", "packsize", NULL };
	static const char *const math_out[] = { "random", "randomseed",
	    NULL };
	static const char *const entries[] = { "school", "board", "defaults",
	    NULL };
	const char *const *e;

	luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
	luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
	luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
	luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
	luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
	lua_pop(L, 5);
	remove_fields(L, NULL, base_out);
	remove_fields(L, "string", string_out);
	remove_fields(L, "math", math_out);

	/* Strings share one metatable: make it unreachable and fixed. */
	lua_pushliteral(L, "");
	if (lua_getmetatable(L, -1)) {
		lua_pushliteral(L, "protected");
		lua_setfield(L, -2, "__metatable");
		lua_pop(L, 1);
	}
	lua_pop(L, 1);

	for (e = entries; *e != NULL; e++) {
		lua_pushstring(L, *e);
		lua_pushcclosure(L, sb_entry, 1);
		lua_setglobal(L, *e);
	}
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

static struct cval *
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
	if (file_read(file, &src) == -1) {
		diag_error(file, 0, "cannot read: %s", strerror(errno));
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
		if (sb->mem_hit || status == LUA_ERRMEM)
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

static struct cval *
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
static struct cval *
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

/* ------------------------------------------------------------------ */
/* Validators                                                           */

int
config_valid_id(const char *s)
{
	const char *p;

	if (*s == '\0' || *s == '-' || strlen(s) > 64)
		return 0;
	for (p = s; *p != '\0'; p++)
		if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) ||
		    *p == '-'))
			return 0;
	return 1;
}

int
config_valid_phone(const char *s)
{
	const char *p;
	int digits = 0;

	for (p = s; *p != '\0'; p++) {
		if (isdigit((unsigned char)*p))
			digits++;
		else if (*p == '+' && p != s)
			return 0;
		else if (!strchr("+ -()", *p))
			return 0;
	}
	return digits >= 10 && digits <= 15;
}

static int
valid_host(const char *h, size_t n)
{
	size_t i;
	int dot = 0;

	if (n == 0 || h[0] == '.' || h[0] == '-' || h[n - 1] == '.')
		return 0;
	for (i = 0; i < n; i++) {
		if (h[i] == '.') {
			if (h[i + 1] == '.')
				return 0;
			dot = 1;
		} else if (!isalnum((unsigned char)h[i]) && h[i] != '-')
			return 0;
	}
	return dot;
}

int
config_valid_url(const char *s)
{
	const char *p, *host;
	size_t n;

	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p <= 0x20 || *p == 0x7F || *p == '"' ||
		    *p == '<' || *p == '>' || *p == '\\' || *p == '`')
			return 0;
	if (str_starts(s, "tel:")) {
		p = s + 4;
		if (*p == '+')
			p++;
		n = strspn(p, "0123456789");
		return n >= 3 && p[n] == '\0';
	}
	if (str_starts(s, "mailto:")) {
		p = strchr(s + 7, '@');
		if (p == NULL || p == s + 7)
			return 0;
		return valid_host(p + 1, strcspn(p + 1, "?"));
	}
	if (str_starts(s, "https://"))
		host = s + 8;
	else if (str_starts(s, "http://"))
		host = s + 7;
	else
		return 0;
	n = strcspn(host, ":/?#");
	if (!valid_host(host, n))
		return 0;
	if (host[n] == ':') {
		size_t d = strspn(host + n + 1, "0123456789");
		if (d == 0 || d > 5 || atoi(host + n + 1) > 65535 ||
		    strchr("/?#", host[n + 1 + d]) == NULL)
			return 0;
	}
	return 1;
}

int
config_valid_version(const char *s)
{
	const char *p = s;
	int parts = 0;

	for (;;) {
		size_t n = strspn(p, "0123456789");
		if (n == 0 || n > 4)
			return 0;
		parts++;
		p += n;
		if (*p == '\0')
			return parts <= 4;
		if (*p++ != '.')
			return 0;
	}
}

const char *
config_level_name(enum level l)
{
	return l == LEVEL_VO ? "vo" : "po";
}

static int
valid_schoolyear(const char *s)
{
	if (strlen(s) != 9 || s[4] != '-' || strspn(s, "0123456789") != 4 ||
	    strspn(s + 5, "0123456789") != 4)
		return 0;
	return atoi(s + 5) == atoi(s) + 1;
}

static int
valid_key(const char *s)
{
	const char *p;

	if (*s == '\0')
		return 0;
	for (p = s; *p != '\0'; p++)
		if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) ||
		    *p == '-' || *p == '_'))
			return 0;
	return 1;
}

/* ------------------------------------------------------------------ */
/* Reading validated fields                                             */

struct reader {
	int	errors;
};

static size_t
edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, best;
	size_t *row;

	if (la > 40 || lb > 40)
		return 99;
	row = xcalloc(lb + 1, sizeof(*row));
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t cur = row[j];
			size_t sub = prev + (a[i - 1] != b[j - 1]);
			best = row[j] + 1 < row[j - 1] + 1 ? row[j] + 1 :
			    row[j - 1] + 1;
			row[j] = sub < best ? sub : best;
			prev = cur;
		}
	}
	best = row[lb];
	free(row);
	return best;
}

/* Report keys of map not in allowed; suggest a near one. */
static void
check_keys(struct reader *r, const struct cval *map, const char *const *allowed,
    const char *ctx)
{
	const char *const *a;
	size_t i;

	if (map == NULL || map->type != CV_MAP)
		return;
	for (i = 0; i < map->nitems; i++) {
		const char *k = map->items[i]->key, *near = NULL;
		for (a = allowed; *a != NULL; a++) {
			if (strcmp(*a, k) == 0)
				break;
			if (near == NULL && edit_distance(*a, k) <= 2)
				near = *a;
		}
		if (*a != NULL)
			continue;
		if (near != NULL)
			diag_error(map->items[i]->loc.file,
			    map->items[i]->loc.line, "unknown key '%s' in %s "
			    "(did you mean '%s'?)", k, ctx, near);
		else
			diag_error(map->items[i]->loc.file,
			    map->items[i]->loc.line, "unknown key '%s' in %s",
			    k, ctx);
		r->errors++;
	}
}

static const char *
type_name(const struct cval *v)
{
	switch (v->type) {
	case CV_STRING:	return "text";
	case CV_NUMBER:	return "a number";
	case CV_BOOL:	return "a boolean";
	case CV_LIST:	return "a list";
	default:	return "a table";
	}
}

typedef int (*validator)(const char *);

/*
 * Return a copy of the text at map[key], or NULL when absent or wrong.
 * what names the check for messages ("an ISO date (YYYY-MM-DD)").
 */
static char *
get_text(struct reader *r, const struct cval *map, const char *key,
    const char *ctx, int required, validator ok, const char *what)
{
	const struct cval *v = cval_get(map, key);

	if (v == NULL) {
		if (required) {
			diag_error(map->loc.file, map->loc.line, "%s needs "
			    "'%s'", ctx, key);
			r->errors++;
		}
		return NULL;
	}
	if (v->type != CV_STRING) {
		diag_error(v->loc.file, v->loc.line, "'%s' in %s must be text, "
		    "not %s", key, ctx, type_name(v));
		r->errors++;
		return NULL;
	}
	if (*v->str == '\0' && required) {
		diag_error(v->loc.file, v->loc.line, "'%s' in %s is empty",
		    key, ctx);
		r->errors++;
		return NULL;
	}
	if (ok != NULL && !ok(v->str)) {
		diag_error(v->loc.file, v->loc.line, "'%s' in %s is not %s: "
		    "'%s'", key, ctx, what, v->str);
		r->errors++;
		return NULL;
	}
	return xstrdup(v->str);
}

static int
valid_date(const char *s)
{
	return date_valid(s, 0);
}

static int
valid_month_or_date(const char *s)
{
	return date_valid(s, 1);
}

/* Check v is a list (an empty table counts); report otherwise. */
static int
want_list(struct reader *r, const struct cval *v, const char *key,
    const char *ctx)
{
	if (v->type == CV_LIST || (v->type == CV_MAP && v->nitems == 0))
		return 1;
	diag_error(v->loc.file, v->loc.line, "'%s' in %s must be a list "
	    "{ ... , ... }, not %s", key, ctx, type_name(v));
	r->errors++;
	return 0;
}

static int
want_map(struct reader *r, const struct cval *v, const char *key,
    const char *ctx)
{
	if (v->type == CV_MAP)
		return 1;
	if (v->type == CV_LIST && v->nitems == 0)
		return 1;
	diag_error(v->loc.file, v->loc.line, "'%s' in %s must be a table "
	    "with named keys, not %s", key, ctx, type_name(v));
	r->errors++;
	return 0;
}

static int
one_of(const char *s, const char *const *set)
{
	for (; *set != NULL; set++)
		if (strcmp(s, *set) == 0)
			return 1;
	return 0;
}

static const char *const statuses[] = { "concept", "ter-instemming",
    "vastgesteld", "vervallen", NULL };
static const char *const scopes[] = { "school", "board", NULL };
static const char *const acts[] = { "voorstel", "advies", "bespreking",
    "instemming", "vaststelling", NULL };
static const char *const levels[] = { "po", "vo", NULL };
static const char *const product_types[] = { "website", "social", "app",
    NULL };

static int v_status(const char *s) { return one_of(s, statuses); }
static int v_scope(const char *s) { return one_of(s, scopes); }
static int v_act(const char *s) { return one_of(s, acts); }
static int v_level(const char *s) { return one_of(s, levels); }
static int v_ptype(const char *s) { return one_of(s, product_types); }

/* ------------------------------------------------------------------ */
/* National defaults                                                    */

static void
read_inspector(struct reader *r, struct national *n, const struct cval *t)
{
	static const char *const keys[] = { "phone", "hours", "source",
	    "checked", NULL };
	const struct cval *v;

	if ((v = cval_get(t, "inspector")) == NULL) {
		diag_error(t->loc.file, t->loc.line, "defaults needs "
		    "'inspector'");
		r->errors++;
		return;
	}
	if (!want_map(r, v, "inspector", "defaults"))
		return;
	check_keys(r, v, keys, "inspector");
	n->inspector_phone = get_text(r, v, "phone", "inspector", 1,
	    config_valid_phone, "a phone number");
	n->inspector_hours = get_text(r, v, "hours", "inspector", 0, NULL,
	    NULL);
	n->inspector_loc = v->loc;
	free(get_text(r, v, "checked", "inspector", 0, valid_date,
	    "an ISO date (YYYY-MM-DD)"));
	free(get_text(r, v, "source", "inspector", 0, config_valid_url,
	    "an http(s) URL"));
}

/* The catalogue of channel products. */
static void
read_products(struct reader *r, struct national *n, const struct cval *v)
{
	static const char *const keys[] = { "id", "name", "type", "source",
	    "checked", NULL };
	size_t i;
	char ctx[64];

	if (!want_list(r, v, "products", "defaults"))
		return;
	n->products = xcalloc(v->nitems, sizeof(*n->products));
	for (i = 0; i < v->nitems; i++) {
		const struct cval *e = v->items[i];
		struct product *p = &n->products[n->nproducts];
		snprintf(ctx, sizeof(ctx), "products[%zu]", i + 1);
		if (!want_map(r, e, ctx, "defaults"))
			continue;
		check_keys(r, e, keys, ctx);
		p->id = get_text(r, e, "id", ctx, 1, config_valid_id,
		    "an id ([a-z0-9-])");
		p->name = get_text(r, e, "name", ctx, 1, NULL, NULL);
		p->type = get_text(r, e, "type", ctx, 1, v_ptype,
		    "website, social or app");
		p->source = get_text(r, e, "source", ctx, 0, config_valid_url,
		    "an http(s) URL");
		p->checked = get_text(r, e, "checked", ctx, 0, valid_date,
		    "an ISO date (YYYY-MM-DD)");
		p->loc = e->loc;
		n->nproducts++;
	}
}

/* The catalogue of lesson programmes. */
static void
read_programmes(struct reader *r, struct national *n, const struct cval *v)
{
	static const char *const keys[] = { "id", "name", "by", "groups",
	    "level", "source", "checked", NULL };
	size_t i;
	char ctx[64];

	if (!want_list(r, v, "programmes", "defaults"))
		return;
	n->programmes = xcalloc(v->nitems, sizeof(*n->programmes));
	for (i = 0; i < v->nitems; i++) {
		const struct cval *e = v->items[i];
		struct programme *p = &n->programmes[n->nprogrammes];
		snprintf(ctx, sizeof(ctx), "programmes[%zu]", i + 1);
		if (!want_map(r, e, ctx, "defaults"))
			continue;
		check_keys(r, e, keys, ctx);
		p->id = get_text(r, e, "id", ctx, 1, config_valid_id,
		    "an id ([a-z0-9-])");
		p->name = get_text(r, e, "name", ctx, 1, NULL, NULL);
		p->by = get_text(r, e, "by", ctx, 0, NULL, NULL);
		p->groups = get_text(r, e, "groups", ctx, 0, NULL, NULL);
		p->level = get_text(r, e, "level", ctx, 0, NULL, NULL);
		p->source = get_text(r, e, "source", ctx, 0, config_valid_url,
		    "an http(s) URL");
		p->checked = get_text(r, e, "checked", ctx, 0, valid_date,
		    "an ISO date (YYYY-MM-DD)");
		p->loc = e->loc;
		n->nprogrammes++;
	}
}

/* Role words per level: roles = { po = { ... }, vo = { ... } }. */
static void
read_roles(struct reader *r, struct national *n, const struct cval *v)
{
	size_t i, j;

	if (!want_map(r, v, "roles", "defaults"))
		return;
	check_keys(r, v, levels, "roles");
	for (i = 0; i < v->nitems; i++) {
		const struct cval *lv = v->items[i];
		if (!want_map(r, lv, lv->key, "roles"))
			continue;
		for (j = 0; j < lv->nitems; j++) {
			const struct cval *e = lv->items[j];
			if (e->type == CV_STRING && valid_key(e->key))
				continue;
			diag_error(e->loc.file, e->loc.line, "role '%s' must be "
			    "text with a key of [a-z0-9_-]", e->key);
			r->errors++;
		}
	}
	n->roles = cval_clone(v);
}

static void
read_national(struct reader *r, struct national *n, const struct cval *t)
{
	static const char *const keys[] = { "inspector", "products",
	    "programmes", "roles", NULL };
	const struct cval *v;

	check_keys(r, t, keys, "defaults");
	read_inspector(r, n, t);
	if ((v = cval_get(t, "products")) != NULL)
		read_products(r, n, v);
	if ((v = cval_get(t, "programmes")) != NULL)
		read_programmes(r, n, v);
	if ((v = cval_get(t, "roles")) != NULL)
		read_roles(r, n, v);
}

static const struct product *
find_product(const struct national *n, const char *id)
{
	size_t i;

	for (i = 0; i < n->nproducts; i++)
		if (strcmp(n->products[i].id, id) == 0)
			return &n->products[i];
	return NULL;
}

static const struct programme *
find_programme(const struct national *n, const char *id)
{
	size_t i;

	for (i = 0; i < n->nprogrammes; i++)
		if (strcmp(n->programmes[i].id, id) == 0)
			return &n->programmes[i];
	return NULL;
}

/* ------------------------------------------------------------------ */
/* Boards and schools                                                   */

/* Keys a school file may set; a board may set them too, as defaults. */
static const char *const school_keys[] = { "name", "short", "place", "level",
    "outline", "add", "remove", "channels", "lessons", "roles", "params",
    "revision", "owner", "author", "maintainer", "website", "protocol_url",
    "title", "schoolyear", NULL };
static const char *const board_keys[] = { "name", "short", "aliases", "type",
    "outline", "add", "remove", "channels", "lessons", "roles", "params",
    "revision", "owner", "author", "maintainer", "title", "schoolyear",
    NULL };
static const char *const board_own[] = { "name", "short", "aliases", "type",
    NULL };

static void
read_board(struct reader *r, struct board *b, const struct cval *t)
{
	const struct cval *v;
	char *type;
	size_t i;

	check_keys(r, t, board_keys, "board");
	b->loc = t->loc;
	b->name = get_text(r, t, "name", "board", 1, NULL, NULL);
	b->short_name = get_text(r, t, "short", "board", 0, NULL, NULL);
	if (b->short_name == NULL && b->name != NULL)
		b->short_name = xstrdup(b->name);
	type = get_text(r, t, "type", "board", 1, v_level, "po or vo");
	b->level = type != NULL && strcmp(type, "vo") == 0 ? LEVEL_VO :
	    LEVEL_PO;
	free(type);
	if ((v = cval_get(t, "aliases")) != NULL &&
	    want_list(r, v, "aliases", "board")) {
		b->aliases = xcalloc(v->nitems, sizeof(*b->aliases));
		for (i = 0; i < v->nitems; i++) {
			if (v->items[i]->type != CV_STRING) {
				diag_error(v->items[i]->loc.file,
				    v->items[i]->loc.line, "aliases must be "
				    "text");
				r->errors++;
				continue;
			}
			b->aliases[b->naliases++] = xstrdup(v->items[i]->str);
		}
	}
	/* everything else is a default for the board's schools */
	b->defaults = cval_new(CV_MAP, t->loc.file, t->loc.line);
	b->defaults->items = xcalloc(t->nitems, sizeof(*b->defaults->items));
	for (i = 0; i < t->nitems; i++)
		if (!one_of(t->items[i]->key, board_own))
			b->defaults->items[b->defaults->nitems++] =
			    cval_clone(t->items[i]);
}

static void
channel_clear(struct channel *c)
{
	free(c->kind);
	free(c->name);
	free(c->url);
	free(c->type);
	memset(c, 0, sizeof(*c));
}

static void
lesson_clear(struct lesson *l)
{
	free(l->programme);
	free(l->name);
	free(l->by);
	free(l->groups);
	free(l->when);
	memset(l, 0, sizeof(*l));
}

static void
placement_clear(struct placement *p)
{
	free(p->id);
	free(p->after);
	free(p->before);
	memset(p, 0, sizeof(*p));
}

static void
read_placements(struct reader *r, const struct cval *v, const char *key,
    struct placement **out, size_t *nout, int allow_position)
{
	static const char *const keys[] = { "id", "after", "before", NULL };
	size_t i;
	char ctx[64];

	if (!want_list(r, v, key, "school"))
		return;
	*out = xcalloc(v->nitems, sizeof(**out));
	for (i = 0; i < v->nitems; i++) {
		const struct cval *e = v->items[i];
		struct placement *p = &(*out)[*nout];
		snprintf(ctx, sizeof(ctx), "%s[%zu]", key, i + 1);
		p->loc = e->loc;
		if (e->type == CV_STRING) {
			p->id = xstrdup(e->str);
		} else if (allow_position && e->type == CV_MAP) {
			check_keys(r, e, keys, ctx);
			p->id = get_text(r, e, "id", ctx, 1, NULL, NULL);
			p->after = get_text(r, e, "after", ctx, 0, NULL, NULL);
			p->before = get_text(r, e, "before", ctx, 0, NULL,
			    NULL);
			if (p->after && p->before) {
				diag_error(e->loc.file, e->loc.line, "%s has "
				    "both 'after' and 'before'", ctx);
				r->errors++;
			}
			if (p->id == NULL) {
				placement_clear(p);
				continue;
			}
		} else {
			diag_error(e->loc.file, e->loc.line, "%s must be a "
			    "clause id%s", ctx, allow_position ?
			    " or { id = ..., after = ... }" : "");
			r->errors++;
			continue;
		}
		(*nout)++;
	}
}

static void
read_channels(struct reader *r, const struct national *n, struct school *s,
    const struct cval *v)
{
	static const char *const keys[] = { "kind", "name", "url", NULL };
	const struct product *p;
	size_t i;
	char ctx[64];

	if (!want_list(r, v, "channels", "school"))
		return;
	s->channels = xcalloc(v->nitems, sizeof(*s->channels));
	for (i = 0; i < v->nitems; i++) {
		const struct cval *e = v->items[i];
		struct channel *c = &s->channels[s->nchannels];
		snprintf(ctx, sizeof(ctx), "channels[%zu]", i + 1);
		if (!want_map(r, e, ctx, "school"))
			continue;
		check_keys(r, e, keys, ctx);
		c->loc = e->loc;
		c->kind = get_text(r, e, "kind", ctx, 1, config_valid_id,
		    "a channel kind ([a-z0-9-])");
		c->name = get_text(r, e, "name", ctx, 0, NULL, NULL);
		c->url = get_text(r, e, "url", ctx, 0, config_valid_url,
		    "a URL (http, https, mailto or tel)");
		if (c->kind == NULL) {
			channel_clear(c);
			continue;
		}
		if ((p = find_product(n, c->kind)) == NULL) {
			const struct cval *k = cval_get(e, "kind");
			diag_error(k->loc.file, k->loc.line, "unknown channel "
			    "kind '%s' in %s (see products in %s)", c->kind,
			    ctx, n->path);
			r->errors++;
			channel_clear(c);
			continue;
		}
		if (c->name == NULL)
			c->name = xstrdup(p->name);
		c->type = xstrdup(p->type);
		if (strcmp(p->type, "website") == 0 && c->url == NULL &&
		    cval_get(e, "url") == NULL) {
			diag_error(e->loc.file, e->loc.line, "%s: a website "
			    "needs a 'url'", ctx);
			r->errors++;
		}
		s->nchannels++;
	}
}

static void
read_lessons(struct reader *r, const struct national *n, struct school *s,
    const struct cval *v)
{
	static const char *const keys[] = { "programme", "name", "by",
	    "groups", "when", NULL };
	const struct programme *p;
	size_t i;
	char ctx[64];

	if (!want_list(r, v, "lessons", "school"))
		return;
	s->lessons = xcalloc(v->nitems, sizeof(*s->lessons));
	for (i = 0; i < v->nitems; i++) {
		const struct cval *e = v->items[i];
		struct lesson *l = &s->lessons[s->nlessons];
		snprintf(ctx, sizeof(ctx), "lessons[%zu]", i + 1);
		if (!want_map(r, e, ctx, "school"))
			continue;
		check_keys(r, e, keys, ctx);
		l->loc = e->loc;
		l->programme = get_text(r, e, "programme", ctx, 0,
		    config_valid_id, "a programme id ([a-z0-9-])");
		l->name = get_text(r, e, "name", ctx, 0, NULL, NULL);
		l->by = get_text(r, e, "by", ctx, 0, NULL, NULL);
		l->groups = get_text(r, e, "groups", ctx, 1, NULL, NULL);
		l->when = get_text(r, e, "when", ctx, 0, NULL, NULL);
		if (l->programme != NULL) {
			if ((p = find_programme(n, l->programme)) == NULL) {
				const struct cval *k = cval_get(e, "programme");
				diag_error(k->loc.file, k->loc.line, "unknown "
				    "programme '%s' in %s (see programmes in "
				    "%s)", l->programme, ctx, n->path);
				r->errors++;
				lesson_clear(l);
				continue;
			}
			if (l->name == NULL)
				l->name = xstrdup(p->name);
			if (l->by == NULL && p->by != NULL)
				l->by = xstrdup(p->by);
		} else if (l->name == NULL) {
			if (cval_get(e, "programme") == NULL) {
				diag_error(e->loc.file, e->loc.line, "%s needs "
				    "'programme' (from the catalogue) or "
				    "'name'", ctx);
				r->errors++;
			}
			lesson_clear(l);
			continue;
		}
		s->nlessons++;
	}
}

static void
read_revision(struct reader *r, struct revision *rev, const struct cval *v)
{
	static const char *const keys[] = { "version", "status", "scope",
	    "approvals", "effective", "review", "replaces", NULL };
	static const char *const akeys[] = { "body", "act", "date", NULL };
	const struct cval *a;
	char *scope;
	size_t i;
	char ctx[64];

	rev->loc = v->loc;
	if (!want_map(r, v, "revision", "school"))
		return;
	check_keys(r, v, keys, "revision");
	rev->version = get_text(r, v, "version", "revision", 1,
	    config_valid_version, "a version number (1.0, 2.1.3)");
	rev->status = get_text(r, v, "status", "revision", 1, v_status,
	    "concept, ter-instemming, vastgesteld or vervallen");
	scope = get_text(r, v, "scope", "revision", 0, v_scope,
	    "school or board");
	rev->scope = scope ? scope : xstrdup("school");
	rev->effective = get_text(r, v, "effective", "revision", 0,
	    valid_date, "an ISO date (YYYY-MM-DD)");
	rev->review = get_text(r, v, "review", "revision", 0,
	    valid_month_or_date, "an ISO date (YYYY-MM-DD or YYYY-MM)");
	rev->replaces = get_text(r, v, "replaces", "revision", 0,
	    config_valid_version, "a version number");
	if ((a = cval_get(v, "approvals")) == NULL ||
	    !want_list(r, a, "approvals", "revision"))
		return;
	rev->approvals = xcalloc(a->nitems, sizeof(*rev->approvals));
	for (i = 0; i < a->nitems; i++) {
		const struct cval *e = a->items[i];
		struct approval *ap = &rev->approvals[rev->napprovals];
		snprintf(ctx, sizeof(ctx), "approvals[%zu]", i + 1);
		if (!want_map(r, e, ctx, "revision"))
			continue;
		check_keys(r, e, akeys, ctx);
		ap->loc = e->loc;
		ap->body = get_text(r, e, "body", ctx, 1, NULL, NULL);
		ap->act = get_text(r, e, "act", ctx, 1, v_act, "one of "
		    "voorstel, advies, bespreking, instemming, vaststelling");
		ap->date = get_text(r, e, "date", ctx, 1, valid_date,
		    "an ISO date (YYYY-MM-DD)");
		if (ap->body && ap->act && ap->date)
			rev->napprovals++;
		else {
			free(ap->body);
			free(ap->act);
			free(ap->date);
			memset(ap, 0, sizeof(*ap));
		}
	}
}

static void
add_var(struct school *s, size_t *cap, const char *name, const char *value,
    struct loc loc)
{
	struct var *v;

	if (value == NULL)
		return;
	ARRAY_RESERVE(s->vars, s->nvars, *cap);
	v = &s->vars[s->nvars++];
	v->name = xstrdup(name);
	v->value = xstrdup(value);
	v->loc = loc;
	v->used = 0;
}

static int
var_cmp(const void *a, const void *b)
{
	return strcmp(((const struct var *)a)->name,
	    ((const struct var *)b)->name);
}

static struct loc
loc_of(const struct cval *map, const char *key)
{
	const struct cval *v = cval_get(map, key);

	return v != NULL ? v->loc : map->loc;
}

/* The approval step of act (the last one given), or NULL. */
static const struct approval *
find_act(const struct revision *rev, const char *act)
{
	size_t i;

	for (i = rev->napprovals; i > 0; i--)
		if (strcmp(rev->approvals[i - 1].act, act) == 0)
			return &rev->approvals[i - 1];
	return NULL;
}

static void
add_date_var(struct school *s, size_t *cap, const char *name,
    const char *iso, struct loc loc)
{
	struct buf b = { 0 };

	if (iso == NULL)
		return;
	date_format_nl(iso, &b);
	add_var(s, cap, name, buf_str(&b), loc);
	buf_free(&b);
}

/* Build the {{name}} values of a school from its merged config. */
static void
build_vars(struct school *s, const struct national *n, const struct cval *m)
{
	const struct cval *roles, *v;
	const struct approval *a;
	size_t cap = 0, i;
	char *name;

	add_var(s, &cap, "school.name", s->name, loc_of(m, "name"));
	add_var(s, &cap, "school.short", s->short_name, loc_of(m, "short"));
	add_var(s, &cap, "school.place", s->place, loc_of(m, "place"));
	add_var(s, &cap, "school.website", s->website, loc_of(m, "website"));
	add_var(s, &cap, "school.protocol_url", s->protocol_url,
	    loc_of(m, "protocol_url"));
	add_var(s, &cap, "board.name", s->board->name, s->board->loc);
	add_var(s, &cap, "board.short", s->board->short_name, s->board->loc);
	add_var(s, &cap, "inspector.phone", n->inspector_phone,
	    n->inspector_loc);
	add_var(s, &cap, "inspector.hours", n->inspector_hours,
	    n->inspector_loc);
	add_var(s, &cap, "schoolyear", s->schoolyear, loc_of(m, "schoolyear"));
	add_var(s, &cap, "council", strcmp(s->rev.scope, "board") == 0 ?
	    "GMR" : "MR", s->rev.loc);
	add_var(s, &cap, "revision.version", s->rev.version, s->rev.loc);
	add_var(s, &cap, "revision.status", s->rev.status, s->rev.loc);
	add_date_var(s, &cap, "revision.review", s->rev.review, s->rev.loc);
	add_date_var(s, &cap, "revision.effective", s->rev.effective,
	    s->rev.loc);
	if ((a = find_act(&s->rev, "instemming")) != NULL) {
		add_date_var(s, &cap, "revision.consent.date", a->date, a->loc);
		add_var(s, &cap, "revision.consent.body", a->body, a->loc);
	}
	if ((a = find_act(&s->rev, "vaststelling")) != NULL) {
		add_date_var(s, &cap, "revision.adoption.date", a->date,
		    a->loc);
		add_var(s, &cap, "revision.adoption.body", a->body, a->loc);
	}
	/* roles: national (per level), then board and school */
	roles = cval_get(n->roles, config_level_name(s->level));
	for (i = 0; roles != NULL && i < roles->nitems; i++)
		if (cval_get(cval_get(m, "roles"), roles->items[i]->key) ==
		    NULL) {
			name = xasprintf("role.%s", roles->items[i]->key);
			add_var(s, &cap, name, roles->items[i]->str,
			    roles->items[i]->loc);
			free(name);
		}
	if ((v = cval_get(m, "roles")) != NULL)
		for (i = 0; i < v->nitems; i++) {
			name = xasprintf("role.%s", v->items[i]->key);
			add_var(s, &cap, name, v->items[i]->str,
			    v->items[i]->loc);
			free(name);
		}
	if ((v = cval_get(m, "params")) != NULL)
		for (i = 0; i < v->nitems; i++) {
			name = xasprintf("params.%s", v->items[i]->key);
			add_var(s, &cap, name, v->items[i]->str,
			    v->items[i]->loc);
			free(name);
		}
	if (s->nvars > 1)
		qsort(s->vars, s->nvars, sizeof(*s->vars), var_cmp);
}

/* Roles a school may set: those the national defaults define. */
static void
check_roles(struct reader *r, const struct national *n, const struct cval *v)
{
	size_t i, j;
	int found;

	if (!want_map(r, v, "roles", "school"))
		return;
	for (i = 0; i < v->nitems; i++) {
		const struct cval *e = v->items[i];
		found = 0;
		for (j = 0; n->roles != NULL && j < n->roles->nitems; j++)
			if (cval_get(n->roles->items[j], e->key) != NULL)
				found = 1;
		if (!found) {
			diag_error(e->loc.file, e->loc.line, "unknown role "
			    "'%s' (roles are defined in %s)", e->key, n->path);
			r->errors++;
		} else if (e->type != CV_STRING || *e->str == '\0') {
			diag_error(e->loc.file, e->loc.line, "role '%s' must "
			    "be non-empty text", e->key);
			r->errors++;
		}
	}
}

static void
check_params(struct reader *r, const struct cval *v)
{
	size_t i;

	if (!want_map(r, v, "params", "school"))
		return;
	for (i = 0; i < v->nitems; i++) {
		const struct cval *e = v->items[i];
		if (!valid_key(e->key)) {
			diag_error(e->loc.file, e->loc.line, "parameter name "
			    "'%s' must match [a-z0-9_-]+", e->key);
			r->errors++;
		} else if (e->type != CV_STRING) {
			diag_error(e->loc.file, e->loc.line, "parameter '%s' "
			    "must be text, not %s", e->key, type_name(e));
			r->errors++;
		}
	}
}

static void
read_school(struct reader *r, const struct national *n, struct school *s,
    const struct cval *m)
{
	const struct cval *v;
	char *level;

	s->loc = m->loc;
	s->name = get_text(r, m, "name", "school", 1, NULL, NULL);
	s->short_name = get_text(r, m, "short", "school", 0, NULL, NULL);
	if (s->short_name == NULL && s->name != NULL)
		s->short_name = xstrdup(s->name);
	s->place = get_text(r, m, "place", "school", 0, NULL, NULL);
	level = get_text(r, m, "level", "school", 0, v_level, "po or vo");
	s->level = level == NULL ? s->board->level :
	    strcmp(level, "vo") == 0 ? LEVEL_VO : LEVEL_PO;
	free(level);
	s->outline = get_text(r, m, "outline", "school", 1, config_valid_id,
	    "an outline name ([a-z0-9-])");
	s->outline_loc = loc_of(m, "outline");
	if ((v = cval_get(m, "add")) != NULL)
		read_placements(r, v, "add", &s->add, &s->nadd, 1);
	if ((v = cval_get(m, "remove")) != NULL)
		read_placements(r, v, "remove", &s->remove, &s->nremove, 0);
	if ((v = cval_get(m, "channels")) != NULL)
		read_channels(r, n, s, v);
	if ((v = cval_get(m, "lessons")) != NULL)
		read_lessons(r, n, s, v);
	if ((v = cval_get(m, "roles")) != NULL)
		check_roles(r, n, v);
	if ((v = cval_get(m, "params")) != NULL)
		check_params(r, v);
	if ((v = cval_get(m, "revision")) == NULL) {
		diag_error(m->loc.file, m->loc.line, "school needs "
		    "'revision' (version and status at least)");
		r->errors++;
		s->rev.scope = xstrdup("school");
		s->rev.loc = m->loc;
	} else
		read_revision(r, &s->rev, v);
	s->owner = get_text(r, m, "owner", "school", 0, NULL, NULL);
	s->author = get_text(r, m, "author", "school", 0, NULL, NULL);
	s->maintainer = get_text(r, m, "maintainer", "school", 0, NULL, NULL);
	s->website = get_text(r, m, "website", "school", 0, config_valid_url,
	    "a URL (http or https)");
	s->protocol_url = get_text(r, m, "protocol_url", "school", 0,
	    config_valid_url, "a URL (http or https)");
	s->title = get_text(r, m, "title", "school", 0, NULL, NULL);
	s->schoolyear = get_text(r, m, "schoolyear", "school", 0,
	    valid_schoolyear, "a school year (2025-2026)");
	build_vars(s, n, m);
}

/* ------------------------------------------------------------------ */
/* Loading the tree of configs                                          */

static void	free_school(struct school *);

static const char *
intern(struct config *c, const char *path)
{
	ARRAY_RESERVE(c->files, c->nfiles, c->filescap);
	c->files[c->nfiles] = xstrdup(path);
	return c->files[c->nfiles++];
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted names of entries in dir; NULL on error. */
static char **
list_dir(const char *dir, size_t *n)
{
	struct dirent *de;
	char **v = NULL;
	size_t cap = 0;
	DIR *d;

	*n = 0;
	if ((d = opendir(dir)) == NULL)
		return NULL;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		ARRAY_RESERVE(v, *n, cap);
		v[(*n)++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (*n > 0)
		qsort(v, *n, sizeof(*v), name_cmp);
	else
		v = xcalloc(1, sizeof(*v));
	return v;
}

static void
free_names(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static int
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static void
load_school(struct config *c, struct board *b, const char *file,
    const char *id)
{
	struct reader r = { 0 };
	struct cval *t = NULL;
	struct school *s;
	size_t i;

	if (!config_valid_id(id)) {
		diag_error(file, 0, "school id '%s' (the file name) must "
		    "match [a-z0-9-]+", id);
		return;
	}
	for (i = 0; i < c->nschools; i++)
		if (strcmp(c->schools[i]->id, id) == 0) {
			diag_error(file, 0, "school id '%s' is already used "
			    "by %s", id, c->schools[i]->path);
			return;
		}
	if (config_run(file, "school", &t) == -1)
		return;
	check_keys(&r, t, school_keys, "school");
	s = xcalloc(1, sizeof(*s));
	s->id = xstrdup(id);
	s->path = xstrdup(file);
	s->board = b;
	s->merged = cval_merge(b->defaults, t);
	s->merged->loc = t->loc;
	read_school(&r, &c->national, s, s->merged);
	cval_free(t);
	if (r.errors > 0) {
		/* keep nothing half-read */
		free_school(s);
		return;
	}
	c->schools = xreallocarray(c->schools, c->nschools + 1,
	    sizeof(*c->schools));
	c->schools[c->nschools++] = s;
}

static void
load_board(struct config *c, const char *root, const char *id)
{
	struct reader r = { 0 };
	struct board *b;
	struct cval *t;
	char *dir, *path;
	char **names;
	size_t n, i;

	dir = xasprintf("%s/%s", root, id);
	path = xasprintf("%s/board.lua", dir);
	if (!config_valid_id(id)) {
		diag_error(dir, 0, "board id '%s' (the folder name) must "
		    "match [a-z0-9-]+", id);
		goto out;
	}
	if (access(path, F_OK) == -1) {
		diag_error(dir, 0, "board folder without board.lua");
		goto out;
	}
	if (config_run(intern(c, path), "board", &t) == -1)
		goto out;
	b = xcalloc(1, sizeof(*b));
	b->id = xstrdup(id);
	b->dir = xstrdup(dir);
	b->path = xstrdup(path);
	b->tree = t;
	read_board(&r, b, t);
	c->boards = xreallocarray(c->boards, c->nboards + 1,
	    sizeof(*c->boards));
	c->boards[c->nboards++] = b;
	if (r.errors > 0)
		goto out;
	if ((names = list_dir(dir, &n)) == NULL) {
		diag_error(dir, 0, "cannot read folder: %s", strerror(errno));
		goto out;
	}
	for (i = 0; i < n; i++) {
		char *file;
		if (!str_ends(names[i], ".lua") ||
		    strcmp(names[i], "board.lua") == 0)
			continue;
		file = xasprintf("%s/%s", dir, names[i]);
		names[i][strlen(names[i]) - 4] = '\0';
		load_school(c, b, intern(c, file), names[i]);
		free(file);
	}
	free_names(names, n);
out:
	free(dir);
	free(path);
}

static int
school_cmp(const void *a, const void *b)
{
	return strcmp((*(struct school *const *)a)->id,
	    (*(struct school *const *)b)->id);
}

int
config_load(struct config *c, const char *root)
{
	struct reader r = { 0 };
	struct cval *t;
	char **names;
	size_t n, i;
	int before = diag_count(DIAG_ERROR);

	static unsigned long generations;

	memset(c, 0, sizeof(*c));
	c->generation = ++generations;
	c->root = xstrdup(root);
	c->national.path = xasprintf("%s/defaults.lua", root);
	if (config_run(intern(c, c->national.path), "defaults", &t) == -1)
		return diag_count(DIAG_ERROR) - before;
	c->national.tree = t;
	read_national(&r, &c->national, t);
	if (r.errors > 0)
		return diag_count(DIAG_ERROR) - before;
	if ((names = list_dir(root, &n)) == NULL) {
		diag_error(root, 0, "cannot read folder: %s", strerror(errno));
		return diag_count(DIAG_ERROR) - before;
	}
	for (i = 0; i < n; i++) {
		char *p = xasprintf("%s/%s", root, names[i]);
		if (is_dir(p))
			load_board(c, root, names[i]);
		else if (strcmp(names[i], "defaults.lua") != 0 &&
		    str_ends(names[i], ".lua"))
			diag_error(p, 0, "a school file belongs in its board's "
			    "folder (%s/<board>/)", root);
		free(p);
	}
	free_names(names, n);
	if (c->nschools > 1)
		qsort(c->schools, c->nschools, sizeof(*c->schools),
		    school_cmp);
	return diag_count(DIAG_ERROR) - before;
}

const struct school *
config_school(const struct config *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->nschools; i++)
		if (strcmp(c->schools[i]->id, id) == 0)
			return c->schools[i];
	return NULL;
}

struct var *
config_var(const struct school *s, const char *name)
{
	struct var key = { .name = (char *)name };

	if (s->nvars == 0)
		return NULL;
	return bsearch(&key, s->vars, s->nvars, sizeof(*s->vars), var_cmp);
}

/* ------------------------------------------------------------------ */
/* Freeing                                                              */

static void
free_school(struct school *s)
{
	size_t i;

	for (i = 0; i < s->nadd; i++)
		placement_clear(&s->add[i]);
	free(s->add);
	for (i = 0; i < s->nremove; i++)
		placement_clear(&s->remove[i]);
	free(s->remove);
	for (i = 0; i < s->nchannels; i++)
		channel_clear(&s->channels[i]);
	free(s->channels);
	for (i = 0; i < s->nlessons; i++)
		lesson_clear(&s->lessons[i]);
	free(s->lessons);
	for (i = 0; i < s->rev.napprovals; i++) {
		free(s->rev.approvals[i].body);
		free(s->rev.approvals[i].act);
		free(s->rev.approvals[i].date);
	}
	free(s->rev.approvals);
	free(s->rev.version);
	free(s->rev.status);
	free(s->rev.scope);
	free(s->rev.effective);
	free(s->rev.review);
	free(s->rev.replaces);
	for (i = 0; i < s->nvars; i++) {
		free(s->vars[i].name);
		free(s->vars[i].value);
	}
	free(s->vars);
	free(s->id);
	free(s->path);
	free(s->name);
	free(s->short_name);
	free(s->place);
	free(s->outline);
	free(s->owner);
	free(s->author);
	free(s->maintainer);
	free(s->website);
	free(s->protocol_url);
	free(s->title);
	free(s->schoolyear);
	cval_free(s->merged);
	free(s);
}

void
config_free(struct config *c)
{
	struct national *n = &c->national;
	size_t i, j;

	for (i = 0; i < c->nschools; i++)
		free_school(c->schools[i]);
	free(c->schools);
	for (i = 0; i < c->nboards; i++) {
		struct board *b = c->boards[i];
		for (j = 0; j < b->naliases; j++)
			free(b->aliases[j]);
		free(b->aliases);
		free(b->id);
		free(b->dir);
		free(b->path);
		free(b->name);
		free(b->short_name);
		cval_free(b->defaults);
		cval_free(b->tree);
		free(b);
	}
	free(c->boards);
	for (i = 0; i < n->nproducts; i++) {
		free(n->products[i].id);
		free(n->products[i].name);
		free(n->products[i].type);
		free(n->products[i].source);
		free(n->products[i].checked);
	}
	free(n->products);
	for (i = 0; i < n->nprogrammes; i++) {
		struct programme *p = &n->programmes[i];
		free(p->id);
		free(p->name);
		free(p->by);
		free(p->groups);
		free(p->level);
		free(p->source);
		free(p->checked);
	}
	free(n->programmes);
	free(n->inspector_phone);
	free(n->inspector_hours);
	free(n->path);
	cval_free(n->roles);
	cval_free(n->tree);
	for (i = 0; i < c->nfiles; i++)
		free(c->files[i]);
	free(c->files);
	free(c->root);
	memset(c, 0, sizeof(*c));
}
