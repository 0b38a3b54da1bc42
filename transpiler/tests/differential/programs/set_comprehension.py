words = ["apple", "avocado", "banana", "blueberry", "cherry"]
lengths = {len(w) for w in words}
print(lengths)
squares = {x * x for x in range(-5, 6)}
print(squares)
odd = {n for n in range(30) if n % 3 == 1}
print(odd)
firsts = sorted({w[0] for w in words})
print(firsts)
pairs = {(i % 3, i % 2) for i in range(10)}
print(pairs)
print({x % 4 for x in odd})
