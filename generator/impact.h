/* Library impact: which schools' protocols, and which clauses, change with edited clause files. */
#ifndef IMPACT_H
#define IMPACT_H

#include <stdio.h>

struct config;
struct library;

/*
 * Load the old library into *old: the folder against when set, else the
 * clauses/ folder of the project's last commit (extracted with git into a
 * temporary folder, stored in *tmp for impact_cleanup).  Return the number
 * of errors reported.
 */
int	impact_old_library(const char *root, const char *clauses_dir,
	    const char *against, struct library *old, char **tmp);
/*
 * Assemble every school with both libraries and print, per school whose
 * text changes, the clauses that are new, removed, changed or moved.
 * Return 0, or 1 when a school could not be assembled with the new library.
 */
int	impact_report(const struct config *, const struct library *old,
	    const struct library *now, FILE *out);
/* Remove the temporary folder (NULL: nothing to do) and free its name. */
void	impact_cleanup(char *tmp);

#endif
