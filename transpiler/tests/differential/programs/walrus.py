def read_all(lines: list[str]) -> list[str]:
    out = []
    i = 0

    def next_line() -> str:
        nonlocal i
        if i < len(lines):
            i += 1
            return lines[i - 1]
        return ""

    while (line := next_line()) != "":
        out.append(line.upper())
    return out


def check(xs: list[int]) -> str:
    if (n := len(xs)) > 3:
        return f"long ({n})"
    elif (total := sum(xs)) > 10:
        return f"heavy ({total})"
    return f"fine {n} {total}"


print(read_all(["a", "b", "c"]))
print(check([1, 2, 3, 4]), check([9, 9]), check([1]))
data = {"k": 5}
if (v := data.get("k")) is not None:
    print("found", v)
print(v)
x = (y := 3) * 2
print(x, y)
