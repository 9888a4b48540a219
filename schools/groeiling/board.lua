-- Stichting de Groeiling: primary schools.
board {
  name = "de Groeiling",
  short = "Groeiling",
  type = "po",
  owner = "Directeur-bestuurder",
  author = "Directie",
  maintainer = "Directie",
  outline = "po-bron",
}
