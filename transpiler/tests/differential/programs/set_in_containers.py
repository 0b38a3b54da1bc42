tags = {"post1": {3, 1}, "post2": {2}}
tags["post1"].add(5)
tags["post3"] = {9, 8}
print(tags)
rows: list[set[int]] = [{1, 2}, {3}, set()]
rows[2].add(7)
print(rows, len(rows))
for r in rows:
    print(len(r), r)
print(str({1, 2}), repr({3, 4}), f"{ {5, 6} }")
