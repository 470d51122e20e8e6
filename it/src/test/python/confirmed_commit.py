"""Confirmed commit (RFC 6241 section 8.4): a confirmed commit that is not confirmed in time is rolled back to
the configuration before it; a confirming commit keeps it; cancel-commit rolls back at once; and a confirmed
commit whose session ends unconfirmed is rolled back too."""

import time

import twampit
from twampit import check, check_equal, values

TIMEOUT_SECONDS = 2
# Generous: the agent may be slow on a loaded machine, but a rollback that never comes fails the scenario.
ROLLBACK_BOUND_SECONDS = 30
TIMEOUT_LEAF = "t:twamp/t:server/t:reflector-inactivity-timeout"


def timeout_in_running(client):
    return values(client.get_config("running"), TIMEOUT_LEAF)


def main():
    client = twampit.Client()
    twampit.reset(client.session)
    old = twampit.canonical(client.get_config("running"))

    # 1. Not confirmed: rolled back after the timeout, not before.
    client.edit("<reflector-inactivity-timeout>61</reflector-inactivity-timeout>")
    started = time.monotonic()
    client.session.commit(confirmed=True, timeout=str(TIMEOUT_SECONDS))
    check_equal(timeout_in_running(client), ["61"], "a confirmed commit changes running at once")
    if time.monotonic() - started < TIMEOUT_SECONDS * 0.75:
        check_equal(timeout_in_running(client), ["61"], "the change holds while the confirm timeout runs")
    twampit.wait_for("the rollback of the unconfirmed commit",
                     lambda: twampit.canonical(client.get_config("running")) == old, ROLLBACK_BOUND_SECONDS)
    elapsed = time.monotonic() - started
    check(elapsed >= TIMEOUT_SECONDS, "the rollback came after the %d s timeout (%.1f s)"
          % (TIMEOUT_SECONDS, elapsed), "it came after %.1f s" % elapsed)
    twampit.ok("the unconfirmed commit was rolled back to the old configuration after %.1f s" % elapsed)

    # 2. Confirmed in time: the change stays.
    client.edit("<reflector-inactivity-timeout>62</reflector-inactivity-timeout>")
    client.session.commit(confirmed=True, timeout="60")
    client.session.commit()
    twampit.ok("a plain commit confirms the confirmed commit")
    check_equal(timeout_in_running(client), ["62"], "the confirmed change is in running")

    # 3. cancel-commit: back to the configuration before the confirmed commit, now.
    confirmed_base = twampit.canonical(client.get_config("running"))
    client.edit("<reflector-inactivity-timeout>63</reflector-inactivity-timeout>")
    client.session.commit(confirmed=True, timeout="60")
    check_equal(timeout_in_running(client), ["63"], "a second confirmed commit changes running")
    client.session.cancel_commit()
    check(twampit.canonical(client.get_config("running")) == confirmed_base,
          "cancel-commit restores running at once")

    # 4. The session that made the confirmed commit ends without confirming it: rolled back.
    other = twampit.Client("other")
    other.edit("<reflector-inactivity-timeout>64</reflector-inactivity-timeout>")
    other.session.commit(confirmed=True, timeout="60")
    check_equal(timeout_in_running(client), ["64"], "another session's confirmed commit changes running")
    other.close()
    twampit.wait_for("the rollback of a confirmed commit whose session closed",
                     lambda: twampit.canonical(client.get_config("running")) == confirmed_base,
                     ROLLBACK_BOUND_SECONDS)
    twampit.ok("closing the session rolled its unconfirmed commit back")

    twampit.reset(client.session)
    client.close()


if __name__ == "__main__":
    twampit.run(main)
