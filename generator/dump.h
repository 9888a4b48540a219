/* Tree dump of the document model, and where each config value came from. */
#ifndef DUMP_H
#define DUMP_H

struct buf;
struct document;
struct school;

/* One line per section, block and inline node: for tests and debugging. */
void	dump_document(const struct document *, struct buf *out);
/* Every value a school's clauses can use, with the file:line that set it. */
void	explain_school(const struct school *, struct buf *out);

#endif
