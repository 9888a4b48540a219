school { name = "x" .. string.rep("y", 3), t = { { a = 1 }, ["k"] = { 2 } } }
-- [[ comment ]] --[==[ long
]==]
