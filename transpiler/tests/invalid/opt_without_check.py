from kybra import nat64, Opt, query, Record


class Profile(Record):
    name: str
    nickname: Opt[str]


@query
def next_id(last: Opt[nat64]) -> nat64:
    return last + 1


@query
def first(last: Opt[nat64]) -> nat64:
    return last


@query
def shout(p: Profile) -> str:
    return p["nickname"] + "!"


@query
def negative(x: Opt[nat64]) -> bool:
    return x < 3


@query
def after_other_check(x: Opt[nat64], y: Opt[nat64]) -> nat64:
    if x is not None:
        return x + y
    return 0


limit: Opt[nat64] = None


@query
def global_limit() -> nat64:
    return limit * 2
