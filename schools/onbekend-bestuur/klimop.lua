-- obs Klimop, Vlaardingen (seed 004).  The seed gives no approval data: a
-- draft (concept) until its MR has consented.
school {
  name = "obs Klimop",
  short = "Klimop",
  place = "Vlaardingen",
  params = {
    ouderapp = "Klasbord",
    training_partners = "het CJG en Minters",
    training_groepen = "groep 6 tot en met 8",
  },
  revision = { version = "1.0", status = "concept" },
}
