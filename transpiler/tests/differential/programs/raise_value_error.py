def check_age(age: int) -> int:
    if age < 0:
        raise ValueError(f"age must be non-negative, got {age}")
    return age


for a in [3, 0, 41]:
    print("ok", check_age(a))
print("checking -5")
check_age(-5)
print("not reached")
