"""Makes /twamp/server exactly the content given (replace in the candidate, validate, commit), as an operator's
script would. Usage: commit.py SERVER_CONTENT_XML|--no-server [CONFIRM_TIMEOUT_SECONDS]

--no-server removes the /twamp/server container, which stops the TWAMP server.

With a confirm timeout the commit is a confirmed commit left unconfirmed, and the session is kept open until
the timeout has passed (closing it would roll the commit back at once)."""

import sys
import time

import twampit


def main():
    if len(sys.argv) not in (2, 3):
        twampit.fail("usage: commit.py SERVER_CONTENT_XML|--no-server [CONFIRM_TIMEOUT_SECONDS]")
    content = None if sys.argv[1] == "--no-server" else sys.argv[1]
    client = twampit.Client()
    client.session.discard_changes()
    client.edit(content, default_operation="replace")
    client.session.validate(source="candidate")
    twampit.ok("the candidate validates")
    if len(sys.argv) == 3:
        timeout = int(sys.argv[2])
        client.session.commit(confirmed=True, timeout=str(timeout))
        twampit.ok("confirmed commit with a %d s timeout, not confirmed" % timeout)
        print("committed", flush=True)
        time.sleep(timeout + 1)
    else:
        client.session.commit()
        print("committed", flush=True)
    data = client.get_config("running")
    twampit.ok("running is now:\n" + twampit.pretty(data))
    client.close()


if __name__ == "__main__":
    twampit.run(main)
