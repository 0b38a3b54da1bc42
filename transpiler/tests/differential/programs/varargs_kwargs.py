def total(*nums: int) -> int:
    return sum(nums)


def describe(title: str, *items: str, sep: str = ", ") -> str:
    if not items:
        return f"{title}: nothing"
    return f"{title}: {sep.join(items)} ({len(items)}, first {items[0]})"


def show(*args):
    print(args, len(args))


def tagged(name: str, **attrs: int) -> str:
    parts = [f"{k}={v}" for k, v in sorted(attrs.items())]
    return name + "[" + ",".join(parts) + "]"


def everything(*args: int, **kwargs: str) -> None:
    print(args, kwargs)


def loose(**kw):
    print(kw)


print(total(), total(1), total(1, 2, 3))
xs = [4, 5]
print(total(*xs), total(1, *xs), total(*xs, *[6]))
print(describe("fruits"), describe("fruits", "apple", "pear"))
print(describe("nums", "1", "2", sep="-"))
show(1, 2)
show(7)
show()
print(tagged("box", w=3, h=4), tagged("dot"))
opts = {"z": 1}
print(tagged("p", a=1, **opts))
everything(1, 2, a="x")
everything()
loose(a=1, b=2)
t = (1, 2, 3)
print(total(*t))
