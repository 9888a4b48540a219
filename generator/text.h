/* Fixed Dutch strings of the outputs, read once from templates/nl.strings. */
#ifndef TEXT_H
#define TEXT_H

/*
 * Load "key = value" lines from path.  Return 0, or -1 after reporting.
 * Loading again replaces the table.
 */
int		 text_load(const char *path);
/*
 * The string for key.  An unknown key is a programming error: it is
 * reported and the program exits with status 1.
 */
const char	*tr(const char *key);
/* The string for key, or NULL when the table has none. */
const char	*tr_maybe(const char *key);
/* tr() of prefix + "." + suffix, e.g. trx("status", "concept"). */
const char	*trx(const char *prefix, const char *suffix);
void		 text_free(void);

#endif
