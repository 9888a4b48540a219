-- n.b.s. de Sterren (seed 003).  The seed says the MR consented but leaves
-- the date unfilled ("[dafum]"), and names no adoption: a draft (concept)
-- until both are entered with their real dates (then status =
-- "vastgesteld" and `protocolgen adopt de-sterren`).
school {
  name = "n.b.s. de Sterren",
  short = "de Sterren",
  roles = { hij = "hij/zij", zijn = "zijn/haar" },   -- as the seed writes
  revision = { version = "1.0", status = "concept" },
}
