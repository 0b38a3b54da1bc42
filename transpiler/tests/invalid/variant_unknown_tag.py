from kybra import null, query, Variant


class Light(Variant):
    On: null
    Off: null


@query
def is_dimmed(l: Light) -> bool:
    return "Dimmed" in l
