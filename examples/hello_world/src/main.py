from kybra import query, update, void

# The greeting lives on the heap: it survives between calls, not upgrades.
message: str = ""


@query
def get_message() -> str:
    return message


@update
def set_message(new_message: str) -> void:
    global message
    message = new_message
