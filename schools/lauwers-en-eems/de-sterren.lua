-- n.b.s. de Sterren (seed 003).  The seed says the MR consented but leaves
-- the date unfilled ("[dafum]").  The dates below are plausible stand-ins
-- (consent, then adoption by the board two weeks later), to be replaced by
-- the dates of the real decisions.
school {
  name = "n.b.s. de Sterren",
  short = "de Sterren",
  revision = {
    version = "1.0", status = "vastgesteld",
    approvals = {
      { body = "MR", act = "instemming", date = "2021-03-16" },
      { body = "bestuur", act = "vaststelling", date = "2021-03-30" },
    },
    effective = "2021-04-01",
    review = "2023-04",
  },
}
