from kybra import query


class Half:
    def __init__(self, flag: bool):
        if flag:
            self.value = 1


@query
def half() -> int:
    return Half(True).value
