-- The CNV Onderwijs model (seed 001) as a protocol of a neutral example
-- school.  A model is not adopted: it stays a draft (concept).
school {
  name = "Voorbeeldschool voor voortgezet onderwijs",
  short = "Voorbeeldschool",
  author = "CNV Onderwijs (model, 2011)",
  revision = { version = "1.0", status = "concept" },
}
