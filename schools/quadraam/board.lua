-- Quadraam: a board of secondary schools (seed 002).  Its protocol is
-- board-wide: consent by the GMR, adoption by the College van Bestuur.
-- Author, owner and maintainer as in the seed's document table.
board {
  name = "Quadraam",
  type = "vo",
  owner = "Dir. HRM",
  author = "Projectgroep AVG",
  maintainer = "Secr. CvB",
  outline = "vo-quadraam",
  roles = { hij = "hij/zij", zijn = "zijn/haar" },   -- as the seed writes
  params = {
    beheerde_platformen = "itslearning en Office 365",
    socialemediabeleid = "het socialemediabeleid Quadraam (versie mei 2014)",
  },
}
