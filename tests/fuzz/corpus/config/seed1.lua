-- Fixture: a board of two primary schools.
board {
  name = "Stichting Voorbeeld", short = "Voorbeeld", type = "po",
  outline = "basis",
  owner = "Bestuurder", author = "Werkgroep", maintainer = "Bestuursbureau",
  channels = { { kind = "klasbord" } },
}
