data = "a,b;c d"
print(data.split(","), data.split(";"), data.split())
seps = [",", ";", " "]
for s in seps:
    print(f"{s!r}", data.split(s))
sep = seps[0][:0]
print("separator is", f"{sep!r}")
print(data.split(sep))
