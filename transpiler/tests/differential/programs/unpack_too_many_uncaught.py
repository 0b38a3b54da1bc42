def split_pair(s: str) -> tuple[str, str]:
    left, right = s.split(",")
    return left, right


print(split_pair("a,b"))
print(split_pair(",") == ("", ""))
rows = [["x", "1"], ["y", "2"], ["z", "3", "extra"]]
for name, value in rows:
    print(name, int(value) * 2)
