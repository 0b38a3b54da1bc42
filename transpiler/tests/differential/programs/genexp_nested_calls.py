words = ["alpha", "beta", "gamma", "delta", "epsilon"]
print(sum(len(w) for w in words if "a" in w))
print(max(len(w) for w in words), min(w[-1] for w in words))
print(sorted((w[::-1] for w in words), reverse=True))
print(any(w.startswith("g") for w in words), all(len(w) > 3 for w in words))
print("".join(w[0].upper() for w in words))
print(sum(sum(x for x in range(n)) for n in range(5)))
print(list(w for w in words if len(w) == 5))
