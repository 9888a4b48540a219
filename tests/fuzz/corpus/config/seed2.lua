-- Fixture: a school with its own channels, lessons and an added clause.
school {
  name = "obs De Eik", short = "De Eik",
  channels = {
    { kind = "website", url = "https://www.de-eik.example.nl/" },
    { kind = "instagram", url = "https://instagram.com/deeik" },
  },
  lessons = {
    { programme = "dvi", groups = "6", when = "ieder jaar" },
    { programme = "halt", groups = "7-8" },
  },
  add = { "regels.foto-16" },
  params = { pestprotocol = "Pestprotocol De Eik" },
  revision = {
    version = "2.0", status = "vastgesteld",
    approvals = {
      { body = "MR", act = "instemming", date = "2025-06-02" },
      { body = "directie", act = "vaststelling", date = "2025-06-16" },
    },
    effective = "2025-08-01", review = "2027-07",
  },
}
