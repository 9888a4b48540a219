-- de Groeiling: the board of basisschool De Bron (seed 000 names it, where
-- it means the school, in 000#B-1).  Primary schools.
board {
  name = "de Groeiling",
  short = "Groeiling",
  type = "po",
  owner = "Directeur-bestuurder",
  author = "Directie",
  maintainer = "Directie",
  outline = "po-bron",
}
