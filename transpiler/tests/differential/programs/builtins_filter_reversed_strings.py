words = ["Level", "noon", "Test", "", "racecar", "abc"]


def is_palindrome(w: str) -> bool:
    lw = w.lower()
    return lw == lw[::-1] and len(lw) > 0


print(list(filter(is_palindrome, words)))
print(list(reversed(words)))
print(list(filter(lambda w: w.istitle(), words)))
print(len(list(filter(None, words))))
print(list(reversed(list(filter(lambda w: len(w) > 3, words)))))
