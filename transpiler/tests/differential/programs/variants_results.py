from kybra import Variant, match


class Result(Variant, total=False):
    Ok: int
    Err: str


def parse_positive(text: str) -> Result:
    n = int(text)
    if n <= 0:
        return {"Err": f"{n} is not positive"}
    return {"Ok": n}


def describe(r: Result) -> str:
    return match(r, {"Ok": lambda v: f"ok {v * 2}", "Err": lambda e: f"error: {e}"})


inputs = ["5", "-3", "0", "42"]
results = [parse_positive(t) for t in inputs]
for r in results:
    print(r, describe(r))
oks = [r["Ok"] for r in results if "Ok" in r]
print(oks)
