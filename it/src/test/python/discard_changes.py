"""discard-changes: the candidate returns to running, and nothing an operator discarded ever reaches running."""

import twampit
from twampit import check, check_equal, values

LEAF = "t:twamp/t:server/t:server-inactivity-timeout"


def main():
    client = twampit.Client()
    twampit.reset(client.session)
    running = twampit.canonical(client.get_config("running"))

    client.edit("<server-inactivity-timeout>7</server-inactivity-timeout>")
    client.edit("<client-list><name>gone</name><address><prefix>192.0.2.0/24</prefix></address></client-list>")
    candidate = client.get_config("candidate")
    check_equal(values(candidate, LEAF), ["7"], "the candidate holds the edits")
    check(twampit.canonical(candidate) != running, "the candidate differs from running")

    client.session.discard_changes()
    check(twampit.canonical(client.get_config("candidate")) == running,
          "after discard-changes the candidate is running again")
    client.session.commit()
    check(twampit.canonical(client.get_config("running")) == running,
          "a commit after discard-changes changes nothing")

    # The server container removed in the candidate, then discarded: the server stays configured.
    client.session.edit_config(target="candidate", config=(
        '<config xmlns="%s"><twamp xmlns="%s"><server xmlns:nc="%s" nc:operation="delete"/></twamp></config>'
        % (twampit.BASE_NS, twampit.TWAMP_NS, twampit.BASE_NS)))
    check(not values(client.get_config("candidate"), "t:twamp/t:server"),
          "the candidate no longer has the server")
    client.session.discard_changes()
    check(twampit.canonical(client.get_config("candidate")) == running,
          "discard-changes brings the deleted server back into the candidate")
    client.close()


if __name__ == "__main__":
    twampit.run(main)
