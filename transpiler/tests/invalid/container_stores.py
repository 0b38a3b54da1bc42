from kybra import query


@query
def slice_store() -> int:
    xs = [1, 2, 3]
    xs[0:2] = [4]
    return len(xs)


@query
def str_item(s: str) -> str:
    s[0] = "x"
    return s


@query
def wrong_key() -> int:
    d = {"a": 1}
    return d[0]
