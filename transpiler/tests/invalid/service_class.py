from kybra import Principal, Service, nat64, query, service_query, service_update


class WithField(Service):
    x: nat64


class NoDecorator(Service):
    def m(self) -> nat64: ...


class WithBody(Service):
    @service_query
    def m(self) -> nat64:
        return 1


class NoSelf(Service):
    @service_update
    def m(x: nat64) -> nat64: ...


class Twice(Service):
    @service_query
    def m(self) -> nat64: ...

    @service_update
    def m(self) -> nat64: ...


class NoAnnotation(Service):
    @service_query
    def m(self, x) -> nat64: ...


class NoReturn(Service):
    @service_query
    def m(self): ...


class Keyword(Service, total=False):
    @service_query
    def m(self) -> nat64: ...


class Fine(Service):
    @service_query
    def m(self) -> nat64: ...


@query
def two_arguments(p: Principal) -> Fine:
    return Fine(p, p)


@query
def not_a_principal() -> Fine:
    return Fine("aaaaa-aa")
