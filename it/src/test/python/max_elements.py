"""max-elements (RFC 7950 section 15.2): a client-list holds at most 64 addresses. The 64th is accepted; a 65th
is refused with error-tag operation-failed, error-app-tag too-many-elements and an error-path to the list,
whether the server checks it when the edit is made or when the candidate is validated and committed; either way
nothing changes."""

from lxml import etree

import twampit
from twampit import check, expect_error


def addresses(count):
    return "<client-list><name>l</name>%s</client-list>" % "".join(
        "<address><prefix>10.0.%d.0/24</prefix></address>" % i for i in range(count))


def main():
    client = twampit.Client()
    twampit.reset(client.session)
    running = twampit.canonical(client.get_config("running"))

    client.edit(addresses(64))
    client.session.validate(source="candidate")
    twampit.ok("64 addresses in one client-list validate")
    client.session.discard_changes()

    what = "65 addresses in one client-list"
    before = twampit.canonical(client.get_config("candidate"))
    try:
        client.edit(addresses(65))
    except twampit.RPCError:
        errors = expect_error("edit-config " + what, lambda: client.edit(addresses(65)), "operation-failed",
                              app_tag="too-many-elements", error_type="application")
        twampit.check_error_path("edit-config " + what, errors, etree.fromstring(twampit.config(addresses(65))),
                                 "address")
        check(twampit.canonical(client.get_config("candidate")) == before,
              "the refused edit (%s) left the candidate as it was" % what)
    else:
        twampit.ok("edit-config accepts %s: the limit is checked at validate and commit" % what)
        candidate = client.get_config("candidate")
        for operation, call in (("validate", lambda: client.session.validate(source="candidate")),
                                ("commit", lambda: client.session.commit())):
            errors = expect_error("%s %s" % (operation, what), call, "operation-failed",
                                  app_tag="too-many-elements", error_type="application")
            twampit.check_error_path("%s %s" % (operation, what), errors, candidate, "address")
        client.session.discard_changes()
    check(twampit.canonical(client.get_config("running")) == running, "running is as it was")
    client.close()


if __name__ == "__main__":
    twampit.run(main)
