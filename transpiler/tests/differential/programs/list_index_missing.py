names = ["ann", "bob", "cy"]
for n in names:
    print(n, names.index(n))
print("dee" in names)
print(names.index("dee"))
