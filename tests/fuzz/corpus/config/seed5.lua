-- Fixture: one school per check; each adds the clause that triggers it.
board {
  name = "Stichting Proef", short = "Proef", type = "po", outline = "proef",
  channels = { { kind = "website", url = "https://www.proef.example.nl/" } },
  revision = {
    version = "1.0", status = "vastgesteld",
    approvals = {
      { body = "MR", act = "instemming", date = "2025-06-02" },
      { body = "directie", act = "vaststelling", date = "2025-06-16" },
    },
    review = "2027-07",
  },
}
