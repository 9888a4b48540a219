-- Quadraam's board-wide protocol (seed 002), November 2019: the approval
-- steps and the review date of the seed's document table.  "Ontmoeting"
-- discussed the protocol after the GMR's consent, before the CvB adopted it.
school {
  name = "Quadraam",
  revision = {
    version = "1.0", status = "vastgesteld", scope = "board",
    approvals = {
      { body = "GMR", act = "instemming", date = "2019-10-08" },
      { body = "Ontmoeting", act = "bespreking", date = "2019-11-18" },
      { body = "CvB", act = "vaststelling", date = "2019-11-26" },
    },
    review = "2020-11",
  },
}
