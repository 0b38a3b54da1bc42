d: dict[str, int] = {}
try:
    print(min(d))
except ValueError as e:
    print("caught:", e)
print(min(d.values(), key=abs))
