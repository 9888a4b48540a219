-- Fixture: a draft that removes a clause.
school {
  name = "De Linde", place = "Utrecht",
  remove = { "afspraken.telefoon" },
  lessons = { { programme = "dvi", groups = "5-6" } },
  params = { pestprotocol = "Pestprotocol De Linde" },
  revision = { version = "0.9", status = "concept" },
}
