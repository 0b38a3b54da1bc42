from kybra import query, void


@query
def f(x: void) -> void:
    pass
