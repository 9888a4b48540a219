-- Basisschool De Bron (seed 000): protocol for school year 2020-2021.
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
  lessons = {
    { programme = "diploma-veilig-internet", groups = "6", when = "ieder jaar" },
    { programme = "halt-online-veiligheid", groups = "7" },
    { programme = "mediamasters", groups = "8", when = "ieder jaar" },
  },
  revision = {
    version = "1.0", status = "vastgesteld",
    approvals = {
      { body = "MR", act = "instemming", date = "2020-06-15" },
      { body = "directie", act = "vaststelling", date = "2020-06-29" },
    },
    effective = "2020-08-01",
    review = "2021-07",
  },
}
