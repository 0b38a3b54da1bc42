scores = {"ann": 72, "bob": 88, "cat": 95, "dan": 40}
passed = {k: v for k, v in scores.items() if v >= 50}
print(passed)
grades = {k: ("A" if v >= 90 else "B" if v >= 80 else "C") for k, v in scores.items()}
print(grades)
inverted = {v: k for k, v in scores.items()}
print(inverted)
squares = {i: i * i for i in range(-2, 3)}
print(squares)
lengths = {w: len(w) for w in ["a", "bb", "a"]}
print(lengths)
