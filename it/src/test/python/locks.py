"""Locks between two ncclient sessions (RFC 6241 section 7.5): a second lock is denied with the holder's
session-id, the other session's edits and commits are refused with in-use and change nothing, and the lock is
free again once its holder unlocks."""

from lxml import etree

import twampit
from twampit import check, check_equal, expect_error, value

SERVER = "t:twamp/t:server/"
TIMEOUT = SERVER + "t:reflector-inactivity-timeout"


def timeout_edit(seconds):
    return "<reflector-inactivity-timeout>%d</reflector-inactivity-timeout>" % seconds


def holder_in(errors):
    check(len(errors) == 1, "one rpc-error", str(errors))
    error = errors[0]
    ids = error.xml.xpath("nc:error-info/nc:session-id", namespaces=twampit.NS)
    return int(ids[0].text) if len(ids) == 1 else etree.tostring(error.xml).decode()


def main():
    a = twampit.Client("A")
    b = twampit.Client("B")
    twampit.reset(a.session)
    check(a.session_id != b.session_id, "the two sessions have their own session-ids (%d, %d)"
          % (a.session_id, b.session_id))

    # The candidate.
    a.session.lock(target="candidate")
    twampit.ok("A locks the candidate")
    error = expect_error("B locks the candidate", lambda: b.session.lock(target="candidate"), "lock-denied",
                         error_type="protocol")
    check_equal(holder_in(error), a.session_id, "lock-denied names A as the holder in error-info/session-id")
    expect_error("B edits the candidate A locked", lambda: b.edit(timeout_edit(32)), "in-use")
    a.edit(timeout_edit(33))
    twampit.ok("A, the holder, edits the candidate")
    expect_error("B commits the candidate A locked", lambda: b.session.commit(), "in-use")
    check(not twampit.values(b.get_config("running"), TIMEOUT),
          "B's refused commit left running alone")
    expect_error("B discards the changes of the candidate A locked", lambda: b.session.discard_changes(),
                 "in-use")
    check_equal(value(b.get_config("candidate"), TIMEOUT), "33",
                "the candidate is shared: B sees A's edit")
    # RFC 6241 section 7.6 names no error-tag for unlocking another session's lock.
    expect_error("B unlocks A's lock", lambda: b.session.unlock(target="candidate"),
                 ("lock-denied", "operation-failed", "in-use"))
    a.session.commit()
    check_equal(value(b.get_config("running"), TIMEOUT), "33", "A, the holder, commits")
    a.session.unlock(target="candidate")
    twampit.ok("A unlocks the candidate")
    b.session.lock(target="candidate")
    twampit.ok("B can lock the candidate once A has unlocked it")
    b.session.unlock(target="candidate")

    # Running: a commit writes running, so it is refused while another session holds running's lock.
    b.session.lock(target="running")
    twampit.ok("B locks running")
    error = expect_error("A locks running", lambda: a.session.lock(target="running"), "lock-denied")
    check_equal(holder_in(error), b.session_id, "lock-denied names B as the holder of running")
    a.edit(timeout_edit(34))
    expect_error("A commits while B locks running", lambda: a.session.commit(), "in-use")
    check_equal(value(a.get_config("running"), TIMEOUT), "33",
                "the refused commit changed nothing in running")
    expect_error("A edits running B locked", lambda: a.edit(timeout_edit(35), target="running"), "in-use")
    b.session.unlock(target="running")
    a.session.commit()
    check_equal(value(a.get_config("running"), TIMEOUT), "34",
                "once B unlocks running, A's commit goes through")

    # A lock dies with its session.
    a.session.lock(target="candidate")
    a.close()
    twampit.wait_for("the lock of a closed session to be released", lambda: try_lock(b), 10)
    twampit.ok("the candidate lock of a closed session is released")
    b.session.unlock(target="candidate")
    twampit.reset(b.session)
    b.close()


def try_lock(client):
    try:
        client.session.lock(target="candidate")
        return True
    except twampit.RPCError:
        return False


if __name__ == "__main__":
    twampit.run(main)
