"""The client address comes from the socket, or from our own proxies only: never from a visitor's header."""

from django.test import RequestFactory, override_settings

from publishing.net import client_ip


def request_from(remote_addr, forwarded=None):
    extra = {"REMOTE_ADDR": remote_addr}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@override_settings(TRUSTED_PROXY_COUNT=0)
def test_without_a_trusted_proxy_a_forged_header_is_ignored():
    assert client_ip(request_from("203.0.113.7", forwarded="1.2.3.4")) == "203.0.113.7"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_address_it_saw_is_used_and_client_entries_are_ignored():
    # The visitor forged "1.2.3.4"; our proxy appended the address it really saw.
    request = request_from("10.0.0.2", forwarded="1.2.3.4, 198.51.100.9")
    assert client_ip(request) == "198.51.100.9"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_behind_two_proxies_the_outer_proxys_view_is_used():
    request = request_from("10.0.0.2", forwarded="1.2.3.4, 198.51.100.9, 10.0.0.1")
    assert client_ip(request) == "198.51.100.9"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_a_missing_header_behind_a_proxy_falls_back_to_the_socket():
    assert client_ip(request_from("10.0.0.2")) == "10.0.0.2"
