"""SMTP settings and the transaction, against aiosmtpd on 127.0.0.1."""

from __future__ import annotations

from email.message import EmailMessage

import pytest
from aiosmtpd.smtp import AuthResult

from konexio.notify.send import Mailer, MailError, Outcome, Settings, settings_from
from test_notify import SENDER, SmtpServer
from test_notify import smtp as smtp  # noqa: F401 - the fixture


def message(to: str = "awa@example.org") -> EmailMessage:
    made = EmailMessage()
    made["From"] = SENDER
    made["To"] = to
    made["Subject"] = "test"
    made.set_content(".a line starting with a dot\nand another\n")
    return made


def test_settings_from_the_environment():
    found = settings_from({"KONEXIO_SMTP_URL": "smtps://bot%40example.org:s%3Ecret@mail.example.org",
                           "KONEXIO_MAIL_FROM": SENDER})
    assert (found.scheme, found.host, found.port) == ("smtps", "mail.example.org", 465)
    assert (found.user, found.password) == ("bot@example.org", "s>cret")
    for secret in ("s>cret", "bot"):  # the login may be a person's mailbox: never shown
        assert secret not in repr(found) and secret not in found.safe
    assert found.safe == "smtps://…@mail.example.org:465"
    plain = settings_from({"KONEXIO_SMTP_URL": "smtp://relay.example.org",
                           "KONEXIO_MAIL_FROM": SENDER})
    assert plain.port == 587 and not plain.loopback
    assert settings_from({"KONEXIO_SMTP_URL": "smtp://127.0.0.1:2525",
                          "KONEXIO_MAIL_FROM": SENDER}).loopback


@pytest.mark.parametrize("environ, words", [
    ({}, "KONEXIO_SMTP_URL et KONEXIO_MAIL_FROM non défini"),
    ({"KONEXIO_SMTP_URL": "smtps://h"}, "KONEXIO_MAIL_FROM non défini"),
    ({"KONEXIO_SMTP_URL": "http://h", "KONEXIO_MAIL_FROM": SENDER}, "smtps://"),
    ({"KONEXIO_SMTP_URL": "smtps://h", "KONEXIO_MAIL_FROM": "nobody"}, "pas une adresse"),
])
def test_missing_or_wrong_settings_say_how_to_set_them(environ, words):
    with pytest.raises(MailError, match=words):
        settings_from(environ)


def test_lines_starting_with_a_dot_arrive_intact(smtp):  # noqa: F811
    used = Mailer(Settings("smtp", "127.0.0.1", smtp.port, "", "", SENDER), timeout=5)
    assert used.send(message()).outcome is Outcome.sent
    assert b"\n.a line starting with a dot" in smtp.received[0].data.replace(b"\r\n", b"\n")


def test_a_refused_message_content_is_reported_with_the_servers_words(smtp):  # noqa: F811
    smtp.handler.data_answers = ["554 5.6.0 Message content rejected"]
    used = Mailer(Settings("smtp", "127.0.0.1", smtp.port, "", "", SENDER), timeout=5)
    result = used.send(message())
    assert result.outcome is Outcome.refused and "554 5.6.0" in result.detail
    assert used.send(message()).outcome is Outcome.sent  # the connection is still usable


def test_temporary_refusals_forever_give_up_after_bounded_tries(smtp):  # noqa: F811
    smtp.handler.data_answers = ["451 4.3.0 later"] * 10
    sleeps: list[float] = []
    used = Mailer(Settings("smtp", "127.0.0.1", smtp.port, "", "", SENDER), timeout=5,
                  sleep=sleeps.append)
    result = used.send(message())
    assert result.outcome is Outcome.refused and "temporaire" in result.detail
    assert sleeps == [2.0, 4.0, 8.0] and smtp.received == []


def test_a_line_lost_after_the_hand_over_is_uncertain_and_not_retried(smtp):  # noqa: F811
    smtp.handler.data_answers = ["hang up"]
    sleeps: list[float] = []
    used = Mailer(Settings("smtp", "127.0.0.1", smtp.port, "", "", SENDER), timeout=5,
                  sleep=sleeps.append)
    assert used.send(message()).outcome is Outcome.uncertain
    assert len(smtp.received) == 1 and sleeps == []
    assert used.send(message()).outcome is Outcome.sent  # reconnects for the next one
    assert len(smtp.received) == 2


class Remote(Settings):
    """127.0.0.1 taken for a remote server, to see the STARTTLS rule."""

    @property
    def loopback(self) -> bool:
        return False


def test_plain_smtp_to_a_remote_server_requires_starttls(smtp):  # noqa: F811
    used = Mailer(Remote("smtp", "127.0.0.1", smtp.port, "bot", "secret", SENDER), timeout=5)
    with pytest.raises(MailError, match="STARTTLS") as caught:
        used.open()
    assert "secret" not in str(caught.value)
    assert smtp.received == []


def refuse(server, session, envelope, mechanism, auth_data):
    return AuthResult(success=False, handled=False)


def test_a_wrong_password_is_a_plain_message_without_the_password():
    server = SmtpServer(auth_require_tls=False, authenticator=refuse)
    try:
        used = Mailer(Settings("smtp", "127.0.0.1", server.port, "bot", "hunter2", SENDER),
                      timeout=5)
        with pytest.raises(MailError, match="refuse l'identifiant") as caught:
            used.open()
        assert "hunter2" not in str(caught.value)
    finally:
        server.stop()


def test_an_unreachable_server_is_a_plain_message_after_bounded_tries():
    server = SmtpServer()
    port = server.port
    server.stop()
    sleeps: list[float] = []
    used = Mailer(Settings("smtp", "127.0.0.1", port, "", "", SENDER), timeout=2,
                  sleep=sleeps.append)
    with pytest.raises(MailError, match="injoignable"):
        used.open()
    assert len(sleeps) == 3
