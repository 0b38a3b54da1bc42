from kybra import update, void


@update
def log(message: str) -> void:
    print(message)
