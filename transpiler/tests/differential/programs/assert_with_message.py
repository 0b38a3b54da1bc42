def safe_div(a: int, b: int) -> int:
    assert b != 0, f"divisor must be non-zero (a={a})"
    return a // b


print(safe_div(7, 2))
try:
    safe_div(1, 0)
except AssertionError as e:
    print("caught:", e)
assert safe_div(9, 3) == 3
print("still fine")
assert len("abc") == 4, "length mismatch"
