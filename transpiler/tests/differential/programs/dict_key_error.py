ages = {"ann": 31, "bob": 25}
print(ages["ann"], ages["bob"])
ages["cy"] = 40
for name in ["ann", "cy"]:
    print(name, ages[name])
print(ages["dee"])
