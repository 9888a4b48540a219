-- Basisschool De Wegwijzer: an example second school of de Groeiling (not
-- a seed; name, address and dates are invented to show tailoring).  Same
-- outline as De Bron; its own channels, programmes and approvals.
school {
  name = "basisschool De Wegwijzer",
  short = "De Wegwijzer",
  website = "https://www.bs-dewegwijzer.example/",
  channels = {
    { kind = "website", url = "https://www.bs-dewegwijzer.example/" },
    { kind = "parro" },
    { kind = "instagram" },
  },
  lessons = {
    { programme = "mediamasters", groups = "5-8", when = "in november" },
    { programme = "diploma-veilig-internet", groups = "7-8", when = "ieder jaar" },
    { programme = "halt-online-veiligheid", groups = "8" },
  },
  add = { "alle.geen-vrienden" },         -- stricter: no account at all
  remove = { "lesprogramma.onderzoek" },  -- nothing under study
  revision = {
    version = "1.0", status = "vastgesteld",
    approvals = {
      { body = "MR", act = "instemming", date = "2025-06-10" },
      { body = "directie", act = "vaststelling", date = "2025-06-24" },
    },
    effective = "2025-08-01", review = "2027-07",
  },
}
