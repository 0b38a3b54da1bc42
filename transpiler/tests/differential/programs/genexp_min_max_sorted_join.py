words = ["pear", "Fig", "banana", "kiwi"]
print(min(len(w) for w in words))
print(max(w.lower() for w in words))
print(sorted(w.upper() for w in words))
print(sorted((len(w) for w in words), reverse=True))
print("-".join(w[:2] for w in words))
print(", ".join(str(i) for i in range(5)))
print(max((len(w) for w in words if len(w) > 10), default=-1))
