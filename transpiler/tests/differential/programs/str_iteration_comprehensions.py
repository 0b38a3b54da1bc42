def vowels(s: str) -> int:
    n = 0
    for ch in s:
        if ch in "aeiou":
            n += 1
    return n

print(vowels("hello world"))
print([c.upper() for c in "abc"])
print({c: i for i, c in enumerate("xyz")})
for i, c in enumerate("hé!", 1):
    print(i, c)
