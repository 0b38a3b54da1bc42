e: list[int] = []
e.sort()
print(e)
f: dict[str, int] = {}
print(f, len(f))
