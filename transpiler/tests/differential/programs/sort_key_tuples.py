words = ["pear", "fig", "banana", "kiwi", "apple", "date"]
print(sorted(words, key=lambda w: (-len(w), w)))
print(sorted(words, key=lambda w: (len(w), w), reverse=True))
print(sorted(words, key=lambda w: (w[-1], len(w), w)))
people = [("ann", 31, 1.5), ("bob", 25, 2.0), ("cid", 31, 0.5), ("dee", 25, 2.0)]
print(sorted(people, key=lambda p: (p[1], p[2])))
print(sorted(people, key=lambda p: (-p[1], -p[2], p[0])))
print(sorted(people, key=lambda p: ((p[1], p[2]), p[0])))
print(sorted(people, key=lambda p: ((p[1] % 2, p[0]), -p[2]), reverse=True))
print(sorted(people))
print(sorted(people, reverse=True))
pairs = [(1, "b"), (0, "z"), (1, "a"), (-2, "m")]
print(sorted(pairs))
print(min(pairs), max(pairs))
