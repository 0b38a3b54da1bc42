from kybra import query


@query
def greet(name) -> str:
    return "hi " + name
