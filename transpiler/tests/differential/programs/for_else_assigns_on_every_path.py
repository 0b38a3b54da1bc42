def first_even(xs: list[int]) -> str:
    for x in xs:
        if x % 2 == 0:
            result = f"found {x}"
            break
    else:
        result = "no even"
    return result


print(first_even([1, 4]), first_even([3]))
