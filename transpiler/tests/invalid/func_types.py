from kybra import Func, Oneway, Query, Update, nat64, query

NoMode = Func(nat64)
WrongMode = Func(Tuple[[str], nat64])
NoList = Func(Query[str, nat64])
OnewayResult = Func(Oneway[[str], nat64])
Fine = Func(Update[[str], nat64])


@query
def inline(f: Func(Query[[], nat64])) -> nat64:
    return 0


@query
def index_out_of_range(f: Fine) -> str:
    return f[2]


@query
def index_not_literal(f: Fine, i: nat64) -> str:
    return f[i]


@query
def tuple_of_three(f: Fine) -> Fine:
    return (f[0], "m", "extra")
