samples = ["Hello World", "  padded  ", "MiXeD cAsE", "already lower", "UPPER", "", "xxhixx"]
for s in samples:
    print(f"{s!r}", "|", s.upper(), "|", s.lower(), "|", s.strip(), "|", s.lstrip(), "|", s.rstrip(), "|")
print("xxhixx".strip("x"), "xxhixx".lstrip("x"), "xxhixx".rstrip("x"), "abcba".strip("ab"))
print("hello".startswith("he"), "hello".startswith("lo"), "hello".endswith("lo"), "hello".endswith(""))
print("banana".replace("a", "o"), "banana".replace("an", ""), "aaa".replace("a", "aa"))
print("banana".find("an"), "banana".find("x"), "banana".count("a"), "banana".count("an"))
print("abc" * 3, "-" * 10, "x" * 0)
print("a" < "b", "B" < "a", "abc" < "abd", "ab" < "abc", "" < "a")
print(len("héllo"), "héllo".upper())
