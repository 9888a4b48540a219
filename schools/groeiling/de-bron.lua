-- Basisschool De Bron (seed 000): its protocol for school year 2020-2021.
-- The seed gives no approval data, so this is a draft (concept) until the
-- MR's consent and the adoption are entered with their real dates (then
-- status = "vastgesteld" and `protocolgen adopt de-bron`).
school {
  name = "basisschool De Bron",
  short = "De Bron",
  schoolyear = "2020-2021",
  website = "https://www.dsdebron.nl/",
  channels = {
    { kind = "website", url = "https://www.dsdebron.nl/" },
    { kind = "facebook", url = "https://facebook.com/dsdebron" },
    { kind = "schoolapp" },
  },
  -- seed: group 8 has MediaMasters every year and Halt's Online veiligheid
  lessons = {
    { programme = "diploma-veilig-internet", groups = "6", when = "ieder jaar" },
    { programme = "halt-online-veiligheid", groups = "7" },
    { programme = "mediamasters", groups = "8", when = "ieder jaar" },
    { programme = "halt-online-veiligheid", groups = "8" },
  },
  params = { lesprogramma_onderzoek = "de groepen 6 en 7" },
  revision = { version = "1.0", status = "concept" },
}
