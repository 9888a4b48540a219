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
  -- the seed names Klasbord as its closed channel and a yearly training in
  -- groups 6-8 with the CJG and Minters; it gives no web addresses
  channels = { { kind = "klasbord" } },
  lessons = {
    { programme = "sociale-media-training", by = "CJG en Minters",
      groups = "6-8", when = "ieder jaar" },
  },
  revision = { version = "1.0", status = "concept" },
}
