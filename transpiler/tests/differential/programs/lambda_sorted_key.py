people = [("ann", 31), ("bob", 25), ("cid", 31), ("dee", 19)]
print(sorted(people, key=lambda p: p[1]))
print(list(map(lambda p: p[0].upper(), people)))
print(list(filter(lambda p: p[1] > 20, people)))
words = ["kiwi", "fig", "banana", "apple"]
print(sorted(words, key=lambda w: len(w)))
print(sorted(words, key=lambda w: w[-1], reverse=True))
