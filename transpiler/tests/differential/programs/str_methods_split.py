texts = ["a b  c", "  leading and trailing  ", "one,two,,three", "", "x", "a\tb\nc  d"]
for t in texts:
    print(t.split(), t.split(","), t.split(" "))
print("a,b,c,d".split(","))
nothing: list[str] = []
line = "key=value=more"
parts = line.split("=")
print(parts, len(parts), parts[0], parts[-1])
print("-".join(["x", "y", "z"]), "".join(nothing), ", ".join(["solo"]))
words = "the quick brown fox jumps over the lazy dog".split()
print(len(words), words.count("the"), sorted(words))
print(" ".join([w.upper() for w in words]))
csv = "1,2,3,4"
nums = [int(p) for p in csv.split(",")]
print(nums, sum(nums))
