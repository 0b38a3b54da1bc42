from kybra import query

@query
def broken( -> str:
    return "x"
