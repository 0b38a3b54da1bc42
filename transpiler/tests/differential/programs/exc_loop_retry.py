inputs = ["x", "", "12a", "42", "7"]
pos = 0
value = 0
while pos < len(inputs):
    s = inputs[pos]
    pos += 1
    try:
        value = int(s)
    except ValueError:
        print(f"retry after {s!r}")
        continue
    print("got", value)
    break
else:
    print("exhausted")
print(value, pos)
