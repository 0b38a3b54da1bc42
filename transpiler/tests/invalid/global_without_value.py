from kybra import query

message: str


@query
def get() -> str:
    return message
