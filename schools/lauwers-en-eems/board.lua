-- Lauwers en Eems ("L & E" in seed 003): the board of n.b.s. de Sterren.
-- Primary schools.
board {
  name = "Lauwers en Eems",
  short = "L & E",
  type = "po",
  owner = "Directie",
  author = "Directie",
  maintainer = "Directie",
  outline = "po-sterren",
}
