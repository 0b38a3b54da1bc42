from kybra import null, query, Variant


class Answer(Variant):
    Yes: null
    No: null


@query
def undecided() -> Answer:
    return {"Yes": None, "No": None}
