-- Check 5: approval steps out of order, adoption by the council.
school {
  name = "De Volgorde",
  revision = {
    version = "1.0", status = "vastgesteld",
    approvals = {
      { body = "MR", act = "instemming", date = "2025-06-20" },
      { body = "MR", act = "vaststelling", date = "2025-06-16" },
    },
    effective = "2025-06-01", review = "2025-05",
  },
}
