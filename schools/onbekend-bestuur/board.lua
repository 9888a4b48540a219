-- Seed 004 (obs Klimop, Vlaardingen) does not name its board.  This folder
-- stands in for it until the name is known: the name is marked as still to
-- be filled, so the documents print the gap instead of an invented name,
-- and Klimop stays a draft until it is given.
board {
  name = { pending = "naam van het schoolbestuur" },
  type = "po",
  outline = "po-klimop",
}
