-- Sonsbeek College: an example Quadraam school (not a seed; name and dates
-- are invented to show tailoring).  The board's protocol, adopted for this
-- school by its own MR and director, with its channels and programmes.
school {
  name = "Sonsbeek College",
  owner = "Rector", maintainer = "Secretariaat",
  website = "https://www.sonsbeekcollege.example/",
  channels = {
    { kind = "website", url = "https://www.sonsbeekcollege.example/" },
    { kind = "instagram" },
    { kind = "magister" },
  },
  lessons = {
    { programme = "halt-online-veiligheid", groups = "1" },
    { name = "Mediawijsheid in de mentorles", groups = "1-2", when = "ieder jaar" },
  },
  add = {
    { id = "middelen.kanalen", after = "kennisgeving.scholen" },
    { id = "lesprogramma.lijst", after = "middelen.kanalen" },
  },
  revision = {
    version = "1.0", status = "vastgesteld",
    approvals = {
      { body = "MR", act = "instemming", date = "2025-05-20" },
      { body = "directie", act = "vaststelling", date = "2025-06-03" },
    },
    effective = "2025-08-01", review = "2027-07",
  },
}
