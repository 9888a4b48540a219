-- Seed 001 is CNV Onderwijs's model protocol for secondary schools (2011):
-- it names no school and no board.  This neutral board stands in for the
-- board of any school that adopts the model.
board {
  name = "Voorbeeldbestuur",
  type = "vo",
  outline = "vo-cnv",
}
