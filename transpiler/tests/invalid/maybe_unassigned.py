from kybra import query


@query
def pick(flag: bool) -> str:
    if flag:
        result = "yes"
    return result
