calls: list[str] = []


def noisy(w: str) -> int:
    calls.append(w)
    return len(w)


words = ["ccc", "a", "bb", "dd", "e"]
print(sorted(words, key=noisy, reverse=True))
print(calls)
calls.clear()
words.sort(key=noisy, reverse=True)
print(words, calls)
calls.clear()
print(max(words, key=noisy), min(words, key=noisy), calls)
calls.clear()
print(sorted(words, key=noisy), calls)
