from kybra import match, nat64, null, Opt, query, Variant


class Result(Variant, total=False):
    Ok: nat64
    Err: str
    Pending: null


@query
def unknown_tag(r: Result) -> str:
    return match(r, {"Ok": lambda v: "ok", "Error": lambda e: e})


@query
def not_a_dict(r: Result, handlers: str) -> str:
    return match(r, handlers)


@query
def not_a_handler(r: Result) -> str:
    return match(r, {"Ok": "ok", "_": lambda _: "other"})


@query
def two_parameters(r: Result) -> str:
    return match(r, {"Ok": lambda a, b: "ok", "_": lambda _: "other"})


@query
def after_wildcard(r: Result) -> str:
    return match(r, {"_": lambda _: "other", "Ok": lambda v: "ok"})


@query
def handlers_disagree(r: Result) -> str:
    label = match(r, {"Ok": lambda v: v, "Err": lambda e: e, "Pending": lambda _: "..."})
    return label


@query
def on_optional(x: Opt[nat64]) -> nat64:
    return match(x, {"Some": lambda v: v, "None": lambda _: 0})


@query
def twice(r: Result) -> str:
    return match(r, {"Err": lambda e: e, "Err": lambda e: e + "!"})
