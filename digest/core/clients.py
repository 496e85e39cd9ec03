"""The client's address, as rate limits, login lockouts and consent records must see it.

Behind a proxy that terminates TLS, every connection comes from the proxy; the reader's
address is in `X-Forwarded-For`, which anyone can also send. So the header is believed only
through the proxies the operator lists in `TRUSTED_PROXIES` (addresses or networks): walking
the chain from the nearest hop, each trusted proxy vouches for the hop before it, and the
first address that is not a trusted proxy is the client. A direct client's header changes
nothing.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]):
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in proxies)


def _address(value: str):
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def client_ip(request) -> str:
    peer = request.META.get("REMOTE_ADDR", "")
    trusted = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    if not trusted:
        return peer
    hops = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    client = peer
    current = _address(peer)
    while current is not None and any(current in net for net in trusted) and hops:
        candidate = _address(hops.pop())
        if candidate is None:
            break  # a malformed hop: stop at the last proxy we trust
        client, current = str(candidate), candidate
    return client
