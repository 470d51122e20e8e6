"""kill-session (RFC 6241 section 7.9): another session is ended, its locks are released and its unconfirmed
commit is rolled back; a session cannot kill itself."""

import twampit
from twampit import check, check_equal, expect_error, values

LEAF = "t:twamp/t:server/t:maximum-connections"


def main():
    admin = twampit.Client("admin")
    victim = twampit.Client("victim")
    twampit.reset(admin.session)
    running = twampit.canonical(admin.get_config("running"))

    victim.session.lock(target="running")
    victim.edit("<maximum-connections>7</maximum-connections>"
                "<maximum-connections-per-client>7</maximum-connections-per-client>")
    victim.session.commit(confirmed=True, timeout="120")
    check_equal(values(admin.get_config("running"), LEAF), ["7"], "the victim's confirmed commit is in running")
    expect_error("admin locks running held by the victim", lambda: admin.session.lock(target="running"),
                 "lock-denied")

    expect_error("a session kills itself", lambda: admin.session.kill_session(str(admin.session_id)),
                 "invalid-value")
    admin.session.kill_session(str(victim.session_id))
    twampit.ok("admin kills session %d" % victim.session_id)

    admin.session.lock(target="running")
    twampit.ok("the killed session's lock on running is released")
    admin.session.unlock(target="running")
    twampit.wait_for("the rollback of the killed session's unconfirmed commit",
                     lambda: twampit.canonical(admin.get_config("running")) == running, 30)
    twampit.ok("the killed session's unconfirmed commit is rolled back")
    try:
        victim.session.get_config(source="running", filter=twampit.TWAMP_FILTER)
    except Exception as e:  # whatever ncclient raises for a closed transport
        twampit.ok("the killed session is closed (%s)" % type(e).__name__)
    else:
        twampit.fail("the killed session still answers")
    expect_error("kill-session of a session that does not exist",
                 lambda: admin.session.kill_session("999999"), ("invalid-value", "operation-failed"))
    admin.close()


if __name__ == "__main__":
    twampit.run(main)
