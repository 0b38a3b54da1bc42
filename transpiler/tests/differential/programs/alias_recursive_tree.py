from kybra import Opt, Tuple, Vec

Tree = Tuple[int, Vec["Tree"]]
A = Tuple[int, "B"]
B = Opt[A]


def total(t: Tree) -> int:
    n, kids = t
    return n + sum(total(k) for k in kids)


t: Tree = (1, [(2, []), (3, [(4, [])])])
print(t, total(t))
a: A = (1, (2, None))
print(a, a[1])
