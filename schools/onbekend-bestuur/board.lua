-- Seed 004 (obs Klimop, Vlaardingen) does not name its board.  This folder
-- stands in for it until the name is known; nothing in Klimop's protocol
-- text uses the board's name.
board {
  name = "Schoolbestuur van obs Klimop",
  type = "po",
  outline = "po-klimop",
}
