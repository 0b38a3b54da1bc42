from kybra import Record


class Settings(Record):
    theme: str
    size: int
    debug: bool


defaults: Settings = {"theme": "light", "size": 12, "debug": False}
dark: Settings = {**defaults, "theme": "dark"}
big: Settings = {**dark, "size": 20}
print(defaults)
print(dark)
print(big)
override: Settings = {"debug": True, **defaults}
print(override["debug"], override["size"])
print(defaults["theme"], dark["theme"], big["size"])
